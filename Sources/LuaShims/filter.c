// `filter(function(s) … end)` and `count_by(function(s) … end)` over a list of rows: the loop runs
// here, in C, under one protected call, instead of a call from Swift into Lua for every row. An
// error in the function unwinds to that protected call, through C frames only.
#include "state.h"
#include "LuaShims.h"

// Stack: 1 the predicate, 2 the parley_filter (light userdata).
static int filter_rows(lua_State *L) {
    parley_filter *f = lua_touserdata(L, 2);
    for (int64_t i = 0; i < f->count; i++) {
        int32_t row = f->rows ? f->rows[i] : (int32_t)i;
        lua_pushvalue(L, 1);
        parley_pushlighthandle(L, f->generation, row);
        lua_call(L, 1, 1);
        if (lua_toboolean(L, -1)) f->kept[f->kept_count++] = row;
        lua_pop(L, 1);
    }
    return 0;
}

int parley_filter_rows(lua_State *L, int predicate, parley_filter *f) {
    predicate = lua_absindex(L, predicate);
    if (!lua_checkstack(L, 4)) return PARLEY_NO_STACK;   // nothing pushed: no room even for an error
    lua_pushcfunction(L, filter_rows);
    lua_pushvalue(L, predicate);
    lua_pushlightuserdata(L, f);
    return parley_pcall(L, 2, 0, 0);
}

// Stack: 1 the key function, 2 the parley_tally (light userdata). Returns the tally table (3).
static int tally_rows(lua_State *L) {
    parley_tally *t = lua_touserdata(L, 2);
    lua_createtable(L, 0, 0);                  // 3: the tally
    for (int64_t i = 0; i < t->count; i++) {
        lua_pushvalue(L, 1);
        parley_pushlighthandle(L, t->generation, t->rows ? t->rows[i] : (int32_t)i);
        lua_call(L, 1, 1);
        int type = lua_type(L, -1);
        if (type == LUA_TNIL) {
            lua_pop(L, 1);
        } else if (type == LUA_TNUMBER && lua_tonumber(L, -1) != lua_tonumber(L, -1)) {
            t->nan_count++;                    // NaN cannot be a table key
            lua_pop(L, 1);
        } else if (type == LUA_TSTRING || type == LUA_TNUMBER || type == LUA_TBOOLEAN) {
            lua_pushvalue(L, -1);              // [key, key]
            lua_rawget(L, 3);                  // [key, n or nil]
            lua_Integer n = lua_tointeger(L, -1);
            lua_pop(L, 1);
            lua_pushinteger(L, n + 1);         // [key, n + 1]
            lua_rawset(L, 3);
        } else {
            t->bad_type = type;                // the host says what is wrong, where
            lua_pop(L, 1);
            return 1;
        }
    }
    return 1;
}

int parley_tally_rows(lua_State *L, int function, parley_tally *t) {
    function = lua_absindex(L, function);
    if (!lua_checkstack(L, 5)) return PARLEY_NO_STACK;
    t->nan_count = 0;
    t->bad_type = LUA_TNONE;
    lua_pushcfunction(L, tally_rows);
    lua_pushvalue(L, function);
    lua_pushlightuserdata(L, t);
    return parley_pcall(L, 2, 1, 0);           // the tally, or the error value
}
