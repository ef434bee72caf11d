// string.lower and string.upper for scripts. The library's call C's tolower or toupper on every
// byte; these change the ASCII letters in a loop the compiler vectorises, which is the library's
// result in the C locale and in the UTF-8 locales Parley runs in (bytes from 0x80 on, the parts of
// other letters, are left alone there). Lowering each text is how scripts search without regard to
// case (`s.text:lower():find("ceasefire", 1, true)`), so this runs a million times in a predicate.
#include "LuaShims.h"
#include <lauxlib.h>

// Pushes a copy of the string argument with the bytes first..last moved by `shift`.
static int shifted_copy(lua_State *L, unsigned char first, unsigned char last, int shift) {
    size_t length;
    const char *s = luaL_checklstring(L, 1, &length);
    luaL_Buffer b;
    char *out = luaL_buffinitsize(L, &b, length);
    unsigned span = (unsigned)(last - first);
    for (size_t i = 0; i < length; i++) {
        unsigned char c = (unsigned char)s[i];
        out[i] = (char)((unsigned)(c - first) <= span ? c + shift : c);
    }
    luaL_pushresultsize(&b, length);
    return 1;
}

static int ascii_lower(lua_State *L) { return shifted_copy(L, 'A', 'Z', 'a' - 'A'); }
static int ascii_upper(lua_State *L) { return shifted_copy(L, 'a', 'z', 'A' - 'a'); }

void parley_push_ascii_case(lua_State *L) {
    lua_createtable(L, 0, 2);
    lua_pushcfunction(L, ascii_lower);
    lua_setfield(L, -2, "lower");
    lua_pushcfunction(L, ascii_upper);
    lua_setfield(L, -2, "upper");
}
