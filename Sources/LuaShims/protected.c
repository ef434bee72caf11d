// Protected calls: every API call that may raise, made on the host's behalf under lua_pcall.
#include "LuaShims.h"
#include "state.h"
#include <lauxlib.h>
#include <lualib.h>

// lua.c's message handler: a string message gets a traceback; another value its __tostring.
static int msghandler(lua_State *L) {
    const char *msg = lua_tostring(L, 1);
    if (msg == NULL) {
        if (luaL_callmeta(L, 1, "__tostring") && lua_type(L, -1) == LUA_TSTRING) return 1;
        msg = lua_pushfstring(L, "(error object is a %s value)", luaL_typename(L, 1));
    }
    luaL_traceback(L, L, msg, 1);
    return 1;
}

int parley_pcall(lua_State *L, int nargs, int nresults, int traceback) {
    struct parley_state *s = parley_state_of(L);
    int base = 0;
    if (traceback) {
        base = lua_gettop(L) - nargs;            // the function's slot
        lua_pushcfunction(L, msghandler);
        lua_insert(L, base);
    }
    int saved = s->host;
    s->host = 0;
    int status = lua_pcall(L, nargs, nresults, base);
    s->host = saved;
    if (traceback) lua_remove(L, base);
    return status;
}

static int do_tolstring(lua_State *L) { luaL_tolstring(L, 1, NULL); return 1; }
int parley_tolstring_p(lua_State *L, int idx) {
    idx = lua_absindex(L, idx);
    lua_pushcfunction(L, do_tolstring);
    lua_pushvalue(L, idx);
    return parley_pcall(L, 1, 1, 0);
}

static int do_getglobal(lua_State *L) { lua_getglobal(L, lua_tostring(L, 1)); return 1; }
int parley_getglobal_p(lua_State *L, const char *name) {
    lua_pushcfunction(L, do_getglobal);
    lua_pushstring(L, name);
    return parley_pcall(L, 1, 1, 0);
}

static int do_setglobal(lua_State *L) { lua_settop(L, 2); lua_setglobal(L, lua_tostring(L, 1)); return 0; }
int parley_setglobal_p(lua_State *L, const char *name) {
    lua_pushcfunction(L, do_setglobal);   // [value, f]
    lua_insert(L, -2);                    // [f, value]
    lua_pushstring(L, name);              // [f, value, name]
    lua_insert(L, -2);                    // [f, name, value]
    return parley_pcall(L, 2, 0, 0);
}

static int do_openlibs(lua_State *L) { luaL_openlibs(L); return 0; }
int parley_openlibs_p(lua_State *L) {
    lua_pushcfunction(L, do_openlibs);
    return parley_pcall(L, 0, 0, 0);
}

static int do_getfield(lua_State *L) { lua_getfield(L, 1, lua_tostring(L, 2)); return 1; }
int parley_getfield_p(lua_State *L, int idx, const char *key) {
    idx = lua_absindex(L, idx);
    lua_pushcfunction(L, do_getfield);
    lua_pushvalue(L, idx);
    lua_pushstring(L, key);
    return parley_pcall(L, 2, 1, 0);
}

// The watch hook: runs every WATCH_COUNT instructions in every thread (coroutines inherit it) and
// stops the script once it was interrupted or passed its deadline. It keeps raising at every later
// count, so neither pcall nor an error handler nor a coroutine can swallow the stop.
#include <time.h>
#include <stdio.h>
#define WATCH_COUNT 1000

static double monotonic_seconds(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static void watch_hook(lua_State *L, lua_Debug *ar) {
    (void)ar;
    struct parley_state *s = parley_state_of(L);
    if (s->stop == 0 && s->deadline > 0 && monotonic_seconds() > s->deadline) __atomic_store_n(&s->stop, 2, __ATOMIC_RELAXED);
    if (s->stop == 1) luaL_error(L, "interrupted (Ctrl-C)");
    if (s->stop == 2) luaL_error(L, "%s", s->deadline_message);
}

void parley_watch(lua_State *L) {
    lua_sethook(L, watch_hook, LUA_MASKCOUNT, WATCH_COUNT);
}

void parley_interrupt(lua_State *L) {
    __atomic_store_n(&parley_state_of(L)->stop, 1, __ATOMIC_RELAXED);
}

void parley_set_deadline(lua_State *L, double seconds, const char *message) {
    struct parley_state *s = parley_state_of(L);
    s->deadline = seconds > 0 ? monotonic_seconds() + seconds : 0;
    snprintf(s->deadline_message, sizeof s->deadline_message, "%s", message ? message : "time limit reached");
}

void parley_clear_stop(lua_State *L) {
    struct parley_state *s = parley_state_of(L);
    __atomic_store_n(&s->stop, 0, __ATOMIC_RELAXED);
    s->deadline = 0;
}

int parley_stopped(lua_State *L) {
    struct parley_state *s = parley_state_of(L);
    if (s->stop == 0 && s->deadline > 0 && monotonic_seconds() > s->deadline) __atomic_store_n(&s->stop, 2, __ATOMIC_RELAXED);
    return s->stop != 0;
}

int parley_stop_requested(lua_State *L) {
    struct parley_state *s = parley_state_of(L);
    if (__atomic_load_n(&s->stop, __ATOMIC_RELAXED) != 0) return 1;
    return s->deadline > 0 && monotonic_seconds() > s->deadline;
}

const char *parley_stop_message(lua_State *L) {
    if (!parley_stopped(L)) return NULL;
    struct parley_state *s = parley_state_of(L);
    return s->stop == 1 ? "interrupted (Ctrl-C)" : s->deadline_message;
}
