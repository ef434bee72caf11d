// What a Lua pattern may cost: the sandbox's bound on a search, shared by the guarded string
// functions (pattern_guard.c) and the search of many texts without Lua (pattern_find.c).
#ifndef PARLEY_PATTERN_COST_H
#define PARLEY_PATTERN_COST_H

#include <stddef.h>

// Counts the repetitions of a Lua pattern: `*`, `+` and `-`, each of which may take any length of
// text (`open`), and `?`, each of which tries two ways (`optional`).
void parley_count_repetitions(const char *p, size_t n, int *open, int *optional);

// Whether a search of a text of `length` bytes may take more than the sandbox's 1e11 steps.
int parley_too_costly(size_t length, int anchored, int open, int optional);

#endif
