// What a Lua pattern may cost (see pattern_cost.h).
#include "pattern_cost.h"

// The repetitions of a Lua pattern: `*`, `+` and `-`, each of which may take any length of text
// (`open`), and `?`, each of which tries two ways (`optional`). Escapes (`%*`) and the insides of
// sets (`[*?]`) are skipped, as the library reads them; a malformed pattern is left to the library
// to report.
void parley_count_repetitions(const char *p, size_t n, int *open, int *optional) {
    size_t i = 0;
    while (i < n) {
        char c = p[i];
        if (c == '%') {
            i += (i + 1 < n && p[i + 1] == 'b') ? 4 : 2;   // %x, or %bxy
        } else if (c == '[') {
            i++;
            if (i < n && p[i] == '^') i++;
            do {                                         // a ']' first is a member, as in the library
                if (i >= n) return;
                i += p[i] == '%' ? 2 : 1;
            } while (i < n && p[i] != ']');
            i++;
        } else {
            if (c == '*' || c == '+' || c == '-') (*open)++;
            else if (c == '?') (*optional)++;
            i++;
        }
    }
}

// Whether the search may take more than 1e11 steps, the bound the sandbox sets: `length` to the
// power `open`, times `length` again for the positions an unanchored search starts from, times 3 for
// each optional item. (Measured with lua5.4: `a*a*a*b` costs about 0.3 ns per length^4 step; each
// `?` doubles the work, at about 3 ns a step, hence the weight of 3.)
int parley_too_costly(size_t length, int anchored, int open, int optional) {
    double n = length > 0 ? (double)length : 1;
    double cost = anchored ? 1 : n;
    for (int i = 0; i < open + optional; i++) {
        cost *= i < open ? n : 3;
        if (cost > 1e11) return 1;
    }
    return 0;
}
