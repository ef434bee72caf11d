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
        return luaL_error(L, "not enough memory: the script went past its memory limit of %d MiB (raise it with --memory SIZE)",
                          (int)(s->cap >> 20));
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
};

void parley_pushbox(lua_State *L, void *object, parley_release_fn release, const char *tname) {
    struct parley_box *b = lua_newuserdatauv(L, sizeof *b, 0);
    b->object = object;
    b->release = release;
    luaL_setmetatable(L, tname);
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
    }
    return 0;
}
