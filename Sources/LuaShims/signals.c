// Ctrl-C for interactive use. The handler only records the signal and, while a script runs, sets a
// hook (as lua.c's laction does); the hook raises "interrupted" inside Lua. Nothing else happens in
// the handler. The state is process-wide because signals are.
#include "LuaShims.h"
#include <signal.h>
#include <stddef.h>
#include <string.h>

static volatile sig_atomic_t interrupt_seen;
static lua_State *volatile running_state;

static void on_sigint(int signal) {
    (void)signal;
    interrupt_seen = 1;
    lua_State *L = running_state;
    if (L) parley_interrupt(L);
}

void parley_sigint_install(void) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = on_sigint;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0;            // no SA_RESTART: a blocking read or poll returns EINTR
    sigaction(SIGINT, &action, NULL);
}

void parley_sigint_arm(lua_State *L) { interrupt_seen = 0; running_state = L; }

void parley_sigint_disarm(lua_State *L) {
    running_state = NULL;
    lua_sethook(L, NULL, 0, 0);     // a signal that came after the script ended must not hit the next one
}

int parley_sigint_take(void) {
    int seen = interrupt_seen;
    interrupt_seen = 0;
    return seen;
}
