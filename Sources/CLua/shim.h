// Inline functions and constants for the parts of the Lua 5.4 C API that are macros,
// which Swift cannot import. Each keeps the manual's name with a `clua_` prefix.
#ifndef PARLEY_CLUA_SHIM_H
#define PARLEY_CLUA_SHIM_H

#include <lua.h>
#include <lauxlib.h>
#include <lualib.h>

static const int CLUA_REGISTRYINDEX = LUA_REGISTRYINDEX;
static const int CLUA_MULTRET = LUA_MULTRET;
static const int CLUA_RIDX_GLOBALS = LUA_RIDX_GLOBALS;
static const int CLUA_NOREF = LUA_NOREF;
static const int CLUA_REFNIL = LUA_REFNIL;
static const int CLUA_MINSTACK = LUA_MINSTACK;

static inline int clua_upvalueindex(int i) { return lua_upvalueindex(i); }
static inline void clua_pop(lua_State *L, int n) { lua_pop(L, n); }
static inline void clua_newtable(lua_State *L) { lua_newtable(L); }
static inline int clua_isnoneornil(lua_State *L, int i) { return lua_isnoneornil(L, i); }
static inline int clua_isnil(lua_State *L, int i) { return lua_isnil(L, i); }
static inline void clua_pushglobaltable(lua_State *L) { lua_pushglobaltable(L); }
static inline void clua_insert(lua_State *L, int i) { lua_insert(L, i); }
static inline void clua_remove(lua_State *L, int i) { lua_remove(L, i); }
static inline void clua_replace(lua_State *L, int i) { lua_replace(L, i); }
static inline void *clua_newuserdata(lua_State *L, size_t size) { return lua_newuserdatauv(L, size, 1); }
static inline void clua_pushcfunction(lua_State *L, lua_CFunction f) { lua_pushcfunction(L, f); }
static inline int clua_gc_collect(lua_State *L) { return lua_gc(L, LUA_GCCOLLECT, 0); }
static inline int clua_gc_count_kb(lua_State *L) { return lua_gc(L, LUA_GCCOUNT, 0); }
static inline const char *clua_pushliteral(lua_State *L, const char *s) { return lua_pushstring(L, s); }

#endif
