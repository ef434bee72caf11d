// Per-state record shared by the allocator, the trampoline and the protected calls (private to LuaShims).
#ifndef PARLEY_STATE_H
#define PARLEY_STATE_H
#include <stddef.h>
#include <lua.h>

struct parley_state {
    size_t used;        // bytes allocated
    size_t cap;         // limit for Lua code, 0 = none
    int host;           // 1 while Swift (host) code is on top of the C stack
    int cap_passed;     // host code went past the cap: raise once back in C
    size_t held;        // bytes host objects kept alive by Lua values hold (parley_hold), garbage ones too
    size_t held_collected;  // `held` after the last collection parley_hold ran, less what was freed since
    volatile int stop;  // 0 run on; 1 interrupted (Ctrl-C); 2 past the deadline. Set from a signal handler.
    double deadline;    // CLOCK_MONOTONIC seconds after which scripts stop; 0 = none
    char deadline_message[256];
    char hidden_chunk[64];  // a chunk of the host's own (a prelude) that messages never name as the caller's place
};

struct parley_state *parley_state_of(lua_State *L);

#endif
