// `filter(function(s) … end)` over a list of rows: the loop runs here, in C, under one protected
// call, instead of a call from Swift into Lua for every row. A predicate's error unwinds to that
// protected call, through C frames only.
#include "state.h"
#include "LuaShims.h"

// Stack: 1 the predicate, 2 the row handles' metatable, 3 the parley_filter (light userdata).
static int filter_rows(lua_State *L) {
    parley_filter *f = lua_touserdata(L, 3);
    for (int64_t i = 0; i < f->count; i++) {
        int32_t row = f->rows ? f->rows[i] : (int32_t)i;
        lua_pushvalue(L, 1);
        parley_row_handle *h = lua_newuserdatauv(L, sizeof *h, 0);
        h->generation = f->generation;
        h->row = row;
        lua_pushvalue(L, 2);
        lua_setmetatable(L, -2);
        lua_call(L, 1, 1);
        if (lua_toboolean(L, -1)) f->kept[f->kept_count++] = row;
        lua_pop(L, 1);
    }
    return 0;
}

int parley_filter_rows(lua_State *L, int predicate, int metatable, parley_filter *f) {
    predicate = lua_absindex(L, predicate);
    metatable = lua_absindex(L, metatable);
    if (!lua_checkstack(L, 4)) return PARLEY_NO_STACK;   // nothing pushed: no room even for an error
    lua_pushcfunction(L, filter_rows);
    lua_pushvalue(L, predicate);
    lua_pushvalue(L, metatable);
    lua_pushlightuserdata(L, f);
    return parley_pcall(L, 3, 0, 0);
}
