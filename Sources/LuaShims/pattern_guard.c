// Lua patterns backtrack inside C, where a time limit cannot stop them. A guarded string function
// (find, match, gmatch, gsub) refuses a pattern with several repetitions over a long text (or many
// optional items, `a?a?a?…`, over any text) before it starts, and otherwise runs the library function on its own arguments, with no Lua call between:
// `s:find("ceasefire")` in a predicate run a million times costs what the bare function costs.
#include "LuaShims.h"
#include <lauxlib.h>
#include <string.h>
#include "pattern_cost.h"

// Upvalues: 1 the library function, 2 its name, 3 the argument that makes the search plain (0 for
// none), 4 a function (name, text, pattern, repetitions) that raises the refusal.
static int guarded(lua_State *L) {
    int plain = (int)lua_tointeger(L, lua_upvalueindex(3));
    if (!(plain > 0 && lua_toboolean(L, plain)) && lua_type(L, 1) == LUA_TSTRING && lua_type(L, 2) == LUA_TSTRING) {
        size_t length, n;
        lua_tolstring(L, 1, &length);
        const char *p = lua_tolstring(L, 2, &n);
        int open = 0, optional = 0;
        parley_count_repetitions(p, n, &open, &optional);
        // gmatch reads a leading '^' as a plain character; the others anchor the search there.
        const char *name = lua_tostring(L, lua_upvalueindex(2));
        int anchored = n > 0 && p[0] == '^' && !(name != NULL && strcmp(name, "gmatch") == 0);
        if (open + optional >= 1 && parley_too_costly(length, anchored, open, optional)) {
            lua_pushvalue(L, lua_upvalueindex(4));
            lua_pushvalue(L, lua_upvalueindex(2));
            lua_pushvalue(L, 1);
            lua_pushvalue(L, 2);
            lua_pushinteger(L, open + optional);
            lua_call(L, 4, 0);
            return luaL_error(L, "the pattern was refused");   // in case the function returned
        }
    }
    // The string library's functions use no upvalues: the original runs on this call's stack.
    lua_CFunction original = lua_tocfunction(L, lua_upvalueindex(1));
    if (original != NULL) return original(L);
    int arguments = lua_gettop(L);
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    lua_call(L, arguments, LUA_MULTRET);
    return lua_gettop(L);
}

// guard(function, name, plain argument, refuse) -> the guarded function.
static int make_guard(lua_State *L) {
    luaL_checktype(L, 1, LUA_TFUNCTION);
    luaL_checktype(L, 2, LUA_TSTRING);
    luaL_checkinteger(L, 3);
    luaL_checktype(L, 4, LUA_TFUNCTION);
    lua_settop(L, 4);
    lua_pushcclosure(L, guarded, 4);
    return 1;
}

void parley_push_pattern_guard(lua_State *L) {
    lua_pushcfunction(L, make_guard);
}
