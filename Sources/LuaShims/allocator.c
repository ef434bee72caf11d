// Parley's Lua allocator: a memory cap for Lua code that never fails while Swift code runs.
//
// While the host flag is set (Swift code is on the stack), allocations are granted up to a hard
// ceiling above the cap, and passing the cap is only recorded; the trampoline raises the memory
// error from C once the Swift frame has returned. While plain Lua runs (inside parley_pcall), the
// allocator refuses past the cap and Lua raises its own memory error.
//
// What host objects kept alive by Lua values hold (a collection's rows, a report's parts) is
// counted apart (parley_hold): past the cap it is an error when the host makes or grows one, and
// Lua code is refused past the cap by its own allocations only, since garbage boxes are freed by a
// full collection alone (an emergency one runs no finalizer), which Lua code cannot be made to wait for.
#include "state.h"
#include "LuaShims.h"
#include <stdio.h>
#include <stdlib.h>

static const size_t HOST_HEADROOM = (size_t)256 << 20;

static void *parley_alloc(void *ud, void *ptr, size_t osize, size_t nsize) {
    struct parley_state *s = ud;
    size_t old = ptr ? osize : 0;
    if (nsize == 0) {
        free(ptr);
        s->used -= old;
        return NULL;
    }
    if (nsize > old && s->cap > 0) {
        size_t after = s->used - old + nsize;
        if (after > s->cap) {
            if (!s->host) return NULL;          // Lua code: refuse, Lua raises "not enough memory"
            s->cap_passed = 1;                   // host code: grant, raise later from C
            if (after > s->cap + HOST_HEADROOM) {
                fprintf(stderr, "parley: out of memory in host code (%zu bytes in use, limit %zu)\n", after, s->cap);
                abort();
            }
        }
    }
    void *p = realloc(ptr, nsize);
    if (p == NULL) {
        if (s->host) {
            fprintf(stderr, "parley: the system refused %zu bytes of memory\n", nsize);
            abort();
        }
        return NULL;
    }
    s->used = s->used - old + nsize;
    return p;
}

static int parley_panic(lua_State *L) {
    const char *msg = lua_tostring(L, -1);
    fprintf(stderr, "parley: unprotected Lua error: %s\n", msg ? msg : "(not a string)");
    fflush(stderr);
    abort();
}

lua_State *parley_newstate(size_t cap) {
    struct parley_state *s = calloc(1, sizeof *s);
    if (s == NULL) return NULL;
    s->cap = cap;
    s->host = 1;
    lua_State *L = lua_newstate(parley_alloc, s);
    if (L == NULL) { free(s); return NULL; }
    lua_atpanic(L, parley_panic);
    parley_watch(L);
    return L;
}

struct parley_state *parley_state_of(lua_State *L) {
    void *ud = NULL;
    lua_getallocf(L, &ud);
    return ud;
}

void parley_close(lua_State *L) {
    struct parley_state *s = parley_state_of(L);
    lua_close(L);
    free(s);
}

size_t parley_memory_used(lua_State *L) { return parley_state_of(L)->used + parley_state_of(L)->held; }

size_t parley_memory_cap(lua_State *L) { return parley_state_of(L)->cap; }
void parley_set_memory_cap(lua_State *L, size_t cap) { parley_state_of(L)->cap = cap; }

// Below this, what host objects hold never makes a collection run of itself.
static const size_t HOLD_FLOOR = (size_t)64 << 20;

// Lua's collector paces itself by Lua's own allocations: a loop that made a sorted copy of a
// million rows each turn (a box of a few dozen bytes holding 4 MB) held gigabytes of garbage before
// a cycle ran. So a full collection runs here once what host objects hold has grown by as much as
// Lua's memory and theirs came to after the last one (Lua's own pause of 200%), or passes the cap.
void parley_hold(lua_State *L, size_t bytes) {
    struct parley_state *s = parley_state_of(L);
    s->held += bytes;
    size_t base = s->used + s->held_collected;
    int over = s->cap > 0 && s->used + s->held > s->cap;
    if (over || s->held - s->held_collected > (base > HOLD_FLOOR ? base : HOLD_FLOOR)) {
        lua_gc(L, LUA_GCCOLLECT);                // frees unreachable boxes: parley_unhold
        s->held_collected = s->held;
        if (s->cap > 0 && s->used + s->held > s->cap) s->cap_passed = 1;
    }
}

void parley_unhold(lua_State *L, size_t bytes) {
    struct parley_state *s = parley_state_of(L);
    s->held = bytes < s->held ? s->held - bytes : 0;
    if (s->held_collected > s->held) s->held_collected = s->held;
}

void parley_hide_chunk(lua_State *L, const char *name) {
    struct parley_state *s = parley_state_of(L);
    snprintf(s->hidden_chunk, sizeof s->hidden_chunk, "%s", name);
}
