// Ctrl-C for interactive use. The handler only records the signal and, while a script runs, sets
// the state's stop flag; the watch hook (protected.c) raises "interrupted" inside Lua. Nothing else happens in
// the handler. The state is process-wide because signals are.
#include "LuaShims.h"
#include "state.h"
#include <signal.h>
#include <stddef.h>
#include <string.h>

static volatile sig_atomic_t interrupt_seen;
static struct parley_state *volatile running_state;

static void on_sigint(int signal) {
    (void)signal;
    interrupt_seen = 1;
    struct parley_state *s = running_state;
    if (s) __atomic_store_n(&s->stop, 1, __ATOMIC_RELAXED);     // the watch hook raises "interrupted" inside Lua
}

void parley_sigint_install(void) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = on_sigint;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0;            // no SA_RESTART: a blocking read or poll returns EINTR
    sigaction(SIGINT, &action, NULL);
}

void parley_sigint_arm(lua_State *L) { interrupt_seen = 0; running_state = parley_state_of(L); }

void parley_sigint_disarm(lua_State *L) {
    running_state = NULL;
    __atomic_store_n(&parley_state_of(L)->stop, 0, __ATOMIC_RELAXED);   // a signal that came after the script ended must not hit the next one
}

int parley_sigint_pending(void) { return interrupt_seen; }

int parley_sigint_take(void) {
    int seen = interrupt_seen;
    interrupt_seen = 0;
    return seen;
}
