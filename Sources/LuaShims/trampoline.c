// The one door from Lua into Swift. Swift functions never raise: they return PARLEY_RAISE or
// PARLEY_RETHROW and this C frame, after the Swift frame has returned, calls lua_error.
#include "LuaShims.h"
#include "state.h"
#include <lauxlib.h>
#include <string.h>

struct parley_callable {
    parley_dispatch_fn call;
    parley_release_fn release;
    void *context;
};

static const char *const CALLABLE_META = "parley.callable";

static int callable_gc(lua_State *L) {
    struct parley_callable *c = lua_touserdata(L, 1);
    if (c && c->release && c->context) {
        c->release(c->context);
        c->context = NULL;
    }
    return 0;
}

// Pushes "chunk:line: " for the Lua code that led to this call: the caller, or when a C function
// stands between (a column-reading __index that hands a field on to the host, pcall), the Lua
// function that called that one; never a frame of the hidden chunk (the sandbox's own pcall, which
// `pcall(report.save, …)` goes through). Empty when there is none within a few levels.
static void push_user_where(lua_State *L) {
    const char *hidden = parley_state_of(L)->hidden_chunk;
    lua_Debug ar;
    for (int level = 1; level <= 4 && lua_getstack(L, level, &ar); level++) {
        lua_getinfo(L, "Sl", &ar);
        if (ar.currentline > 0 && (hidden[0] == 0 || strcmp(ar.source, hidden) != 0)) {
            lua_pushfstring(L, "%s:%d: ", ar.short_src, ar.currentline);
            return;
        }
    }
    lua_pushliteral(L, "");
}

static int trampoline(lua_State *L) {
    struct parley_callable *c = lua_touserdata(L, lua_upvalueindex(1));
    struct parley_state *s = parley_state_of(L);
    if (c == NULL || c->context == NULL) return luaL_error(L, "function is no longer available");
    int saved = s->host;
    s->host = 1;
    int n = c->call(L, c->context);
    s->host = saved;
    if (s->cap_passed && !s->host) {
        s->cap_passed = 0;
        lua_settop(L, 0);
        // The message is made as host code: Lua code would be refused it, and an emergency
        // collection frees no box (it runs no finalizer), so the error would lose its words.
        s->host = 1;
        lua_pushfstring(L, "not enough memory: the script went past its memory limit of %d MiB (raise it with --memory SIZE)",
                        (int)(s->cap >> 20));
        s->host = saved;
        return lua_error(L);
    }
    if (n == PARLEY_RAISE) {
        push_user_where(L);     // [..., message, where]
        lua_insert(L, -2);      // [..., where, message]
        lua_concat(L, 2);       // [..., where..message]
        return lua_error(L);
    }
    if (n == PARLEY_RETHROW) return lua_error(L);
    return n;
}

void parley_pushfunction(lua_State *L, parley_dispatch_fn call, void *context, parley_release_fn release) {
    struct parley_callable *c = lua_newuserdatauv(L, sizeof *c, 0);
    c->call = call;
    c->release = release;
    c->context = context;
    if (luaL_newmetatable(L, CALLABLE_META)) {   // [ud, mt]
        lua_pushcfunction(L, callable_gc);
        lua_setfield(L, -2, "__gc");             // mt has no metatable: cannot raise but for memory
        lua_pushliteral(L, "parley function");
        lua_setfield(L, -2, "__name");
    }
    lua_setmetatable(L, -2);                     // [ud]
    lua_pushcclosure(L, trampoline, 1);          // [closure]
}

struct parley_box {
    void *object;
    parley_release_fn release;
    size_t held;                // bytes the object holds, counted by parley_hold
};

void parley_pushbox(lua_State *L, void *object, parley_release_fn release, const char *tname, size_t held) {
    struct parley_box *b = lua_newuserdatauv(L, sizeof *b, 0);
    b->object = object;
    b->release = release;
    b->held = held;
    luaL_setmetatable(L, tname);
    if (held > 0) parley_hold(L, held);   // after the box is whole: a collection may run
}

void parley_box_hold_more(lua_State *L, int idx, size_t bytes) {
    struct parley_box *b = lua_touserdata(L, idx);
    if (b == NULL || bytes == 0) return;
    b->held += bytes;
    parley_hold(L, bytes);
}

void *parley_tobox(lua_State *L, int idx, const char *tname) {
    struct parley_box *b = luaL_testudata(L, idx, tname);
    return b ? b->object : NULL;
}

void *parley_tobox_unchecked(lua_State *L, int idx) {
    struct parley_box *b = lua_touserdata(L, idx);
    return b && lua_rawlen(L, idx) >= sizeof *b ? b->object : NULL;   // list boxes are longer
}

int parley_box_gc(lua_State *L) {
    struct parley_box *b = lua_touserdata(L, 1);
    if (b && lua_rawlen(L, 1) >= sizeof *b && b->object && b->release) {
        b->release(b->object);
        b->object = NULL;
        parley_unhold(L, b->held);
        b->held = 0;
    }
    return 0;
}
