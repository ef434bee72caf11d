// Reading fields of rows straight from host memory: the __index of row handles for the fields a
// predicate reads most (interned strings, texts), without a call into Swift. Anything else, or
// anything unexpected, goes to the host's own __index.
#include "LuaShims.h"
#include <lauxlib.h>
#include <string.h>

// Field names seen, by the address of their Lua string: short strings are interned (one object per
// content) and these are keys of the field-number table, which keeps them alive while the view is,
// so an address names one field for good. A name found there is then found without a table lookup.
#define KEY_CACHE_SIZE 32
#define SHORT_STRING_MAX 40      // LUAI_MAXSHORTLEN: longer strings are not interned

struct parley_rowview {
    uint32_t generation;
    int64_t rows;
    void *owner;                 // keeps the columns' memory alive; released by __gc
    parley_release_fn release;
    const char *key_names[KEY_CACHE_SIZE];
    int key_numbers[KEY_CACHE_SIZE];
    int ncolumns;
    parley_view_column columns[];
};

static inline size_t key_slot(const char *name) { return ((uintptr_t)name >> 4) % KEY_CACHE_SIZE; }

static const char *const ROWVIEW_META = "parley.rowview";

void parley_pushrowhandle(lua_State *L, uint32_t generation, int32_t row, int metatable) {
    metatable = lua_absindex(L, metatable);      // pseudo-indices (upvalues) stay as they are
    parley_row_handle *h = lua_newuserdatauv(L, sizeof *h, 0);
    h->generation = generation;
    h->row = row;
    lua_pushvalue(L, metatable);
    lua_setmetatable(L, -2);
}

_Static_assert(sizeof(void *) == 8, "a light handle holds a generation and a row in one pointer");

void parley_pushlighthandle(lua_State *L, uint32_t generation, int32_t row) {
    lua_pushlightuserdata(L, (void *)(uintptr_t)((uint64_t)generation << 32 | (uint32_t)row));
}

int parley_tohandle(lua_State *L, int index, parley_row_handle *handle) {
    switch (lua_type(L, index)) {
    case LUA_TLIGHTUSERDATA: {
        uint64_t bits = (uint64_t)(uintptr_t)lua_touserdata(L, index);
        handle->generation = (uint32_t)(bits >> 32);
        handle->row = (int32_t)(uint32_t)bits;
        return 1;
    }
    case LUA_TUSERDATA:
        if (lua_rawlen(L, index) != sizeof *handle) return 0;
        *handle = *(const parley_row_handle *)lua_touserdata(L, index);
        return 1;
    default:
        return 0;
    }
}

// Answers `t[k]` (arguments 1 and 2) with the host's __index, the upvalue at `host`.
static int call_host_index(lua_State *L, int host) {
    lua_settop(L, 2);
    lua_pushvalue(L, lua_upvalueindex(host));
    lua_insert(L, 1);
    lua_call(L, 2, 1);
    return 1;
}

static int rowview_gc(lua_State *L) {
    struct parley_rowview *v = lua_touserdata(L, 1);
    if (v && v->owner && v->release) {
        v->release(v->owner);
        v->owner = NULL;
    }
    return 0;
}

parley_view_column *parley_pushrowview(lua_State *L, uint32_t generation, int64_t rows, int ncolumns,
                                       void *owner, parley_release_fn release) {
    if (ncolumns < 0) ncolumns = 0;
    struct parley_rowview *v = lua_newuserdatauv(L, sizeof *v + (size_t)ncolumns * sizeof(parley_view_column), 0);
    v->generation = generation;
    v->rows = rows;
    v->owner = owner;
    v->release = release;
    v->ncolumns = ncolumns;
    for (int i = 0; i < ncolumns; i++) v->columns[i] = (parley_view_column){0};
    for (int i = 0; i < KEY_CACHE_SIZE; i++) v->key_names[i] = NULL;
    if (luaL_newmetatable(L, ROWVIEW_META)) {    // [view, mt]
        lua_pushcfunction(L, rowview_gc);
        lua_setfield(L, -2, "__gc");
        lua_pushliteral(L, "parley row view");
        lua_setfield(L, -2, "__name");
    }
    lua_setmetatable(L, -2);                     // [view]
    return v->columns;
}

// Upvalues: 1 the view, 2 field numbers by name, 3 the string caches, 4 the host's __index,
// 5 the handles' metatable.
static int rowview_index(lua_State *L) {
    struct parley_rowview *v = lua_touserdata(L, lua_upvalueindex(1));
    parley_row_handle handle;
    const parley_row_handle *h = &handle;
    if (v == NULL || !parley_tohandle(L, 1, &handle) || lua_type(L, 2) != LUA_TSTRING) goto host;
    // The metatable says which table's row it is. Every light userdata has the statements' one
    // (only a --trust script, through the debug library, could give them another; the row is still
    // checked against this view's rows), so only full userdata are asked.
    if (lua_type(L, 1) == LUA_TUSERDATA) {
        if (!lua_getmetatable(L, 1)) goto host;
        int same = lua_rawequal(L, -1, lua_upvalueindex(5));
        lua_pop(L, 1);
        if (!same) goto host;
    }
    if (h->generation != v->generation || h->row < 0 || h->row >= v->rows) goto host;
    size_t length;
    const char *name = lua_tolstring(L, 2, &length);
    size_t slot = key_slot(name);
    lua_Integer n;
    if (v->key_names[slot] == name) {
        n = v->key_numbers[slot];
    } else {
        lua_pushvalue(L, 2);
        if (lua_rawget(L, lua_upvalueindex(2)) != LUA_TNUMBER) {
            lua_pop(L, 1);
            goto host;
        }
        n = lua_tointeger(L, -1);
        lua_pop(L, 1);
        if (length <= SHORT_STRING_MAX && n >= 1 && n <= v->ncolumns) {
            v->key_names[slot] = name;
            v->key_numbers[slot] = (int)n;
        }
    }
    if (n < 1 || n > v->ncolumns) goto host;
    const parley_view_column *c = &v->columns[n - 1];
    switch (c->kind) {
    case PARLEY_VIEW_CODES: {
        int32_t code = c->codes[h->row];
        if (code < 0) {
            lua_pushnil(L);
            return 1;
        }
        if (lua_rawgeti(L, lua_upvalueindex(3), c->cache) == LUA_TTABLE &&
            lua_rawgeti(L, -1, (lua_Integer)code + 1) == LUA_TSTRING) return 1;
        break;                                   // not cached yet: the host makes and caches it
    }
    case PARLEY_VIEW_CODES_SUFFIXED: {
        int32_t code = c->codes[h->row];
        if (code < 0) {
            lua_pushnil(L);
            return 1;
        }
        if (lua_rawgeti(L, lua_upvalueindex(3), c->cache) != LUA_TTABLE ||
            lua_rawgeti(L, -1, (lua_Integer)code + 1) != LUA_TSTRING) break;   // the host caches it
        int64_t suffix = c->suffixes[h->row];
        if (suffix < 0) return 1;
        char value[256];
        size_t length;
        const char *head = lua_tolstring(L, -1, &length);
        if (length > sizeof value - PARLEY_VIEW_SUFFIX_CAPACITY) break;
        memcpy(value, head, length);
        length += c->format_suffix(suffix, (uint8_t *)value + length);
        lua_pushlstring(L, value, length);
        return 1;
    }
    case PARLEY_VIEW_HANDLE: {
        // A new handle each time (a cache of them would keep every one alive, and make each
        // garbage collection of a long loop mark them all).
        int32_t target = c->codes[h->row];
        if (target < 0) {
            lua_pushnil(L);
            return 1;
        }
        if (lua_rawgeti(L, lua_upvalueindex(3), c->cache) != LUA_TTABLE) break;   // [mt]
        parley_pushrowhandle(L, v->generation, target, -1);                        // [mt, handle]
        return 1;
    }
    case PARLEY_VIEW_LIST: {
        int32_t from = c->list_starts[h->row], to = c->list_starts[h->row + 1];
        if (lua_rawgeti(L, lua_upvalueindex(3), c->cache) != LUA_TTABLE) break;   // [cache]
        lua_createtable(L, to - from, 0);                                          // [cache, list]
        for (int32_t j = from; j < to; j++) {
            // An item not cached yet: the host makes the list and caches its items.
            if (lua_rawgeti(L, -2, (lua_Integer)c->codes[j] + 1) != LUA_TSTRING) goto host;
            lua_rawseti(L, -2, j - from + 1);
        }
        return 1;
    }
    case PARLEY_VIEW_EMPTY_LIST:
        if (c->list_starts[h->row] != c->list_starts[h->row + 1]) break;
        lua_createtable(L, 0, 0);
        return 1;
    case PARLEY_VIEW_TEXT: {
        int64_t start = c->starts[h->row], end = c->starts[h->row + 1];
        lua_pushlstring(L, (const char *)c->bytes + start, (size_t)(end - start));
        return 1;
    }
    default:
        break;
    }
host:
    return call_host_index(L, 4);
}

void parley_pushrowindex(lua_State *L) {
    lua_pushcclosure(L, rowview_index, 5);
}

// Lists of rows (a selection): a box whose userdata also says which rows it holds, so that
// `list[i]` (and ipairs) make row handles in C.
struct parley_listbox {
    void *object;               // as struct parley_box (trampoline.c): the box functions work on it
    parley_release_fn release;
    size_t held;
    const int32_t *rows;        // NULL: rows 0..count-1
    int64_t count;
    uint32_t generation;
};

void parley_pushlistbox(lua_State *L, void *object, parley_release_fn release, const char *tname,
                        const int32_t *rows, int64_t count, uint32_t generation, size_t held) {
    struct parley_listbox *b = lua_newuserdatauv(L, sizeof *b, 0);
    b->object = object;
    b->release = release;
    b->held = held;
    b->rows = rows;
    b->count = count;
    b->generation = generation;
    luaL_setmetatable(L, tname);
    if (held > 0) parley_hold(L, held);
}

// Upvalues: 1 the host's __index, 2 the lists' metatable, 3 the current generation (lists of an
// earlier one go to the host, which says what is wrong).
static int list_index(lua_State *L) {
    struct parley_listbox *b = lua_touserdata(L, 1);
    if (b != NULL && lua_type(L, 1) == LUA_TUSERDATA && lua_rawlen(L, 1) == sizeof *b && lua_isinteger(L, 2) &&
        (lua_Integer)b->generation == lua_tointeger(L, lua_upvalueindex(3)) && lua_getmetatable(L, 1)) {
        int same = lua_rawequal(L, -1, lua_upvalueindex(2));
        lua_pop(L, 1);
        if (same) {
            lua_Integer i = lua_tointeger(L, 2);
            if (i < 1 || i > b->count) {
                lua_pushnil(L);
                return 1;
            }
            parley_pushlighthandle(L, b->generation, b->rows ? b->rows[i - 1] : (int32_t)(i - 1));
            return 1;
        }
    }
    return call_host_index(L, 1);
}

void parley_pushlistindex(lua_State *L) {
    lua_pushcclosure(L, list_index, 3);
}

// --- ipairs ---
// Lua 5.4's ipairs reads `list[i]` through the list's __index: a metamethod call per statement on
// top of the iterator's own call. For a list of the current corpus, this ipairs hands out an
// iterator that makes the handles itself (one C call per step, as ipairs over a table costs);
// anything else is iterated exactly as Lua's ipairs does.

// As Lua's ipairs (`i + 1, t[i + 1]` until nil).
static int table_next(lua_State *L) {
    lua_Integer i = luaL_checkinteger(L, 2);
    i = luaL_intop(+, i, 1);
    lua_pushinteger(L, i);
    return lua_geti(L, 1, i) == LUA_TNIL ? 1 : 2;
}

// Upvalue 1: the lists' metatable. (state, i) -> i + 1, the handle of row i + 1; nil past the end.
static int list_next(lua_State *L) {
    lua_Integer i = luaL_checkinteger(L, 2);
    struct parley_listbox *b = lua_touserdata(L, 1);
    if (b != NULL && lua_type(L, 1) == LUA_TUSERDATA && lua_rawlen(L, 1) == sizeof *b && lua_getmetatable(L, 1)) {
        int same = lua_rawequal(L, -1, lua_upvalueindex(1));
        lua_pop(L, 1);
        if (same) {
            if (i < 0 || i >= b->count) {
                lua_pushnil(L);
                return 1;
            }
            lua_pushinteger(L, i + 1);
            parley_pushlighthandle(L, b->generation, b->rows ? b->rows[i] : (int32_t)i);
            return 2;
        }
    }
    return table_next(L);        // not a list (a script calling the iterator by hand): as Lua's own
}

// Upvalues: 1 the lists' metatable, 2 list_next (closed over it), 3 table_next.
static int fast_ipairs(lua_State *L) {
    luaL_checkany(L, 1);
    int fast = 0;
    struct parley_listbox *b = lua_touserdata(L, 1);
    if (b != NULL && lua_type(L, 1) == LUA_TUSERDATA && lua_rawlen(L, 1) == sizeof *b && lua_getmetatable(L, 1)) {   // [mt]
        lua_pushliteral(L, "__index");                                                                         // [mt, "__index"]
        if (lua_rawequal(L, -2, lua_upvalueindex(1)) && lua_rawget(L, -2) == LUA_TFUNCTION
            && lua_tocfunction(L, -1) == list_index && lua_getupvalue(L, -1, 3) != NULL) {                       // [mt, index, generation]
            // Only the lists of the corpus loaded now: list_index explains what is wrong with the others.
            fast = lua_isinteger(L, -1) && lua_tointeger(L, -1) == (lua_Integer)b->generation;
            lua_pop(L, 1);
        }
        lua_settop(L, 1);
    }
    lua_pushvalue(L, lua_upvalueindex(fast ? 2 : 3));
    lua_pushvalue(L, 1);
    lua_pushinteger(L, 0);
    return 3;
}

void parley_pushipairs(lua_State *L, int list_metatable) {
    list_metatable = lua_absindex(L, list_metatable);
    lua_pushvalue(L, list_metatable);
    lua_pushvalue(L, list_metatable);
    lua_pushcclosure(L, list_next, 1);
    lua_pushcfunction(L, table_next);
    lua_pushcclosure(L, fast_ipairs, 3);
}
