// Whether a Lua pattern occurs in a text: the answer `string.find(text, pattern)` gives (as the
// sandbox guards it), without a Lua state, so that many texts can be searched on every core.
// Written from the Lua 5.4 manual (§6.4.1); where the manual is silent (how deep a match may
// nest, what a malformed pattern does part-way through a search) it behaves as the library does,
// and LuaPatternTests compares the two on random patterns and texts. Where the library would
// raise an error (a malformed pattern, "pattern too complex", a capture left open, a search the
// sandbox refuses), this returns -1 and the caller lets the library run to say so.
#include "LuaShims.h"
#include "pattern_cost.h"
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

struct parley_pattern {
    size_t n;
    int plain;                      // no special character: searched for as written
    int anchored;                   // starts with '^'
    int open, optional;             // its repetitions, for the sandbox's bound on a search
    int skips;                      // a match must start with one of the bytes of `first`
    int frontier;                   // and (a frontier) after one of `after` (0 at the text's start)
    unsigned char first[256];
    unsigned char after[256];
    unsigned char class_of[256];    // what %c means for each c (see `prepare_classes`)
    unsigned short members[256];    // the classes each byte is in
    char p[];                       // the pattern's bytes
};

enum {
    MAX_CAPTURES = 32,       // LUA_MAXCAPTURES
    MAX_DEPTH = 200,         // the library's MAXCCALLS: nested items past it are "pattern too complex"
    CAPTURE_OPEN = -1,
    CAPTURE_POSITION = -2,
};

// The characters that make a pattern more than plain text (any other pattern is searched for as
// it is written, as the library does: `a)` is then no malformed capture).
static const char specials[] = "^$*+?.([%-";

typedef const unsigned char *cursor;

typedef struct {
    cursor text, text_end, pattern_end;
    int depth_left;
    int level;
    int failed;             // the library would raise an error, or (`stopped`) the script must stop
    int stopped;
    lua_State *watch;
    const parley_pattern *pattern;
    struct { cursor start; ptrdiff_t length; } captures[MAX_CAPTURES];
} search;

static cursor fail(search *m) {
    m->failed = 1;
    return NULL;
}

// The classes %a, %c… as bits, and what the character after a % means: one of them (its bit + 1,
// with 0x80 for a capital, the complement) or itself (0). Both are worked out once per pattern
// with the C library's own tests, as the string library makes them for each character it meets.
static const char class_letters[] = "acdglpsuwxz";

static int in_named_class(int c, int letter) {
    switch (letter) {
        case 'a': return isalpha(c) != 0;
        case 'c': return iscntrl(c) != 0;
        case 'd': return isdigit(c) != 0;
        case 'g': return isgraph(c) != 0;
        case 'l': return islower(c) != 0;
        case 'p': return ispunct(c) != 0;
        case 's': return isspace(c) != 0;
        case 'u': return isupper(c) != 0;
        case 'w': return isalnum(c) != 0;
        case 'x': return isxdigit(c) != 0;
        case 'z': return c == 0;                    // deprecated in the manual, still in the library
        default: return 0;
    }
}

static void prepare_classes(parley_pattern *pattern) {
    for (int c = 0; c < 256; c++) {
        const char *letter = strchr(class_letters, tolower(c));
        pattern->class_of[c] = c != 0 && letter ? (unsigned char)((letter - class_letters + 1) | (isupper(c) ? 0x80 : 0)) : 0;
        unsigned short members = 0;
        for (int k = 0; class_letters[k]; k++) members |= (unsigned short)(in_named_class(c, class_letters[k]) << k);
        pattern->members[c] = members;
    }
}

// %a, %d… (a capital letter is the complement); any other character after % stands for itself.
static int in_class(const parley_pattern *pattern, int c, int class) {
    unsigned kind = pattern->class_of[class];
    if (kind == 0) return class == c;
    int found = (pattern->members[c] >> ((kind & 0x7F) - 1)) & 1;
    return kind & 0x80 ? !found : found;
}

// `[set]` from `open` (its '[') to `close` (its ']'): members, ranges `a-z` and classes `%a`.
static int in_set(const parley_pattern *pattern, int c, cursor open, cursor close) {
    int member = 1;
    cursor p = open + 1;
    if (*p == '^') {
        member = 0;
        p++;
    }
    for (; p < close; p++) {
        if (*p == '%') {
            p++;
            if (in_class(pattern, c, *p)) return member;
        } else if (p[1] == '-' && p + 2 < close) {
            if (p[0] <= c && c <= p[2]) return member;
            p += 2;
        } else if (*p == c) {
            return member;
        }
    }
    return !member;
}

// Where the single-character item at `p` ends (a character, `.`, `%x` or `[set]`).
static cursor item_end(search *m, cursor p) {
    unsigned char c = *p++;
    if (c == '%') return p == m->pattern_end ? fail(m) : p + 1;     // "ends with '%'"
    if (c != '[') return p;
    if (p < m->pattern_end && *p == '^') p++;
    do {                                                    // the first character is a member, even ']'
        if (p == m->pattern_end) return fail(m);            // "missing ']'"
        if (*p++ == '%' && p < m->pattern_end) p++;
    } while (p == m->pattern_end || *p != ']');
    return p + 1;
}

static int item_matches(const search *m, cursor s, cursor p, cursor end) {
    if (s >= m->text_end) return 0;
    switch (*p) {
        case '.': return 1;
        case '%': return in_class(m->pattern, *s, p[1]);
        case '[': return in_set(m->pattern, *s, p, end - 1);
        default: return *p == *s;
    }
}

static cursor match(search *m, cursor s, cursor p);

// `item*` (and `item+` after its first): as many as there are, then fewer until the rest matches.
static cursor longest(search *m, cursor s, cursor p, cursor end) {
    ptrdiff_t n = 0;
    while (item_matches(m, s + n, p, end)) n++;
    for (; n >= 0 && !m->failed; n--) {
        cursor rest = match(m, s + n, end + 1);
        if (rest) return rest;
    }
    return NULL;
}

// `item-`: as few as will let the rest match.
static cursor shortest(search *m, cursor s, cursor p, cursor end) {
    for (;;) {
        cursor rest = match(m, s, end + 1);
        if (rest || m->failed) return rest;
        if (!item_matches(m, s, p, end)) return NULL;
        s++;
    }
}

static cursor open_capture(search *m, cursor s, cursor p, ptrdiff_t kind) {
    if (m->level >= MAX_CAPTURES) return fail(m);           // "too many captures"
    m->captures[m->level].start = s;
    m->captures[m->level].length = kind;
    m->level++;
    cursor rest = match(m, s, p);
    if (!rest) m->level--;
    return rest;
}

static cursor close_capture(search *m, cursor s, cursor p) {
    int i = m->level - 1;
    while (i >= 0 && m->captures[i].length != CAPTURE_OPEN) i--;
    if (i < 0) return fail(m);                              // "invalid pattern capture"
    m->captures[i].length = s - m->captures[i].start;
    cursor rest = match(m, s, p);
    if (!rest) m->captures[i].length = CAPTURE_OPEN;
    return rest;
}

// `%1`…`%9`: the text a closed capture took, again.
static cursor same_as_capture(search *m, cursor s, unsigned char digit) {
    int i = digit - '1';
    if (i < 0 || i >= m->level || m->captures[i].length == CAPTURE_OPEN) return fail(m);   // "invalid capture index"
    ptrdiff_t length = m->captures[i].length;
    if (length < 0 || m->text_end - s < length || memcmp(m->captures[i].start, s, (size_t)length) != 0) return NULL;
    return s + length;
}

// `%bxy`: from an x to its balancing y.
static cursor balanced(search *m, cursor s, cursor p) {
    if (p + 1 >= m->pattern_end) return fail(m);           // "missing arguments to '%b'"
    if (s >= m->text_end || *s != p[0]) return NULL;
    int depth = 1;
    while (++s < m->text_end) {
        if (*s == p[1]) {
            if (--depth == 0) return s + 1;
        } else if (*s == p[0]) {
            depth++;
        }
    }
    return NULL;
}

// Attempts since the stop was last asked about, on this thread: asked every 65,536, so that a
// search of many texts, or one that backtracks long in one text, ends soon after Ctrl-C or the
// time limit (about a millisecond of work between two questions).
static _Thread_local unsigned attempts_since_asked;

// Where a match of the pattern from `p` on, starting at `s`, ends; NULL if there is none.
static cursor match(search *m, cursor s, cursor p) {
    if (m->failed) return NULL;
    if (++attempts_since_asked >= 65536 && m->watch) {
        attempts_since_asked = 0;
        if (parley_stop_requested(m->watch)) {
            m->stopped = 1;
            return fail(m);
        }
    }
    if (m->depth_left-- == 0) return fail(m);               // "pattern too complex"
    while (p != m->pattern_end && s) {
        if (*p == '(') {
            s = p + 1 < m->pattern_end && p[1] == ')' ? open_capture(m, s, p + 2, CAPTURE_POSITION)
                                                      : open_capture(m, s, p + 1, CAPTURE_OPEN);
            break;
        }
        if (*p == ')') {
            s = close_capture(m, s, p + 1);
            break;
        }
        if (*p == '$' && p + 1 == m->pattern_end) {
            if (s != m->text_end) s = NULL;
            break;
        }
        if (*p == '%' && p + 1 < m->pattern_end) {
            unsigned char kind = p[1];
            if (kind == 'b') {
                s = balanced(m, s, p + 2);
                p += 4;
                continue;
            }
            if (kind == 'f') {
                p += 2;
                if (p == m->pattern_end || *p != '[') return fail(m);   // "missing '[' after '%f'"
                cursor end = item_end(m, p);
                if (!end) return NULL;
                int before = s == m->text ? 0 : s[-1];
                int at = s < m->text_end ? *s : 0;
                if (in_set(m->pattern, before, p, end - 1) || !in_set(m->pattern, at, p, end - 1)) s = NULL;
                p = end;
                continue;
            }
            if (isdigit(kind)) {
                s = same_as_capture(m, s, kind);
                p += 2;
                continue;
            }
        }
        cursor end = item_end(m, p);
        if (!end) return NULL;
        unsigned char quantifier = end < m->pattern_end ? *end : 0;
        if (!item_matches(m, s, p, end)) {
            if (quantifier == '*' || quantifier == '?' || quantifier == '-') {
                p = end + 1;                                // none is enough
                continue;
            }
            s = NULL;
            break;
        }
        if (quantifier == '?') {
            cursor rest = match(m, s + 1, end + 1);
            if (rest || m->failed) {
                s = rest;
                break;
            }
            p = end + 1;
            continue;
        }
        if (quantifier == '+' || quantifier == '*') {
            s = longest(m, quantifier == '+' ? s + 1 : s, p, end);
            break;
        }
        if (quantifier == '-') {
            s = shortest(m, s, p, end);
            break;
        }
        s++;
        p = end;
    }
    m->depth_left++;
    return m->failed ? NULL : s;
}

// Plain text in a text (memmem is not in every C library).
static int contains(const char *text, size_t n, const char *needle, size_t k) {
    if (k == 0) return 1;
    if (n < k) return 0;
    const char *at = text, *last = text + (n - k);
    while (at <= last) {
        at = memchr(at, needle[0], (size_t)(last - at) + 1);
        if (!at) return 0;
        if (memcmp(at, needle, k) == 0) return 1;
        at++;
    }
    return 0;
}

// The bytes a match can start with, when the pattern's first item must take one (no `*`, `?` or
// `-` after it) or is a frontier, behind at most a few opening captures (which take nothing): the
// search then skips the places no match starts from without trying the pattern there, which
// finds the same.
static void find_first_bytes(parley_pattern *pattern) {
    search m;
    memset(&m, 0, sizeof m);
    m.pattern = pattern;
    m.pattern_end = (cursor)pattern->p + pattern->n;
    cursor p = (cursor)pattern->p;    // not anchored: an anchored search tries one place only
    int captures = 0;
    while (p < m.pattern_end && *p == '(') {
        p += p + 1 < m.pattern_end && p[1] == ')' ? 2 : 1;
        captures++;
    }
    if (p == m.pattern_end || captures >= MAX_CAPTURES || *p == ')') return;
    if (*p == '$' && p + 1 == m.pattern_end) return;
    if (*p == '%' && p + 2 < m.pattern_end && p[1] == 'f' && p[2] == '[') {
        // A frontier `%f[set]`: the byte at the start is in the set (unless the end of the text,
        // read as byte 0, is in it too: a match could then start there).
        cursor end = item_end(&m, p + 2);
        if (!end || in_set(pattern, 0, p + 2, end - 1)) return;
        for (int c = 0; c < 256; c++) {
            pattern->first[c] = (unsigned char)in_set(pattern, c, p + 2, end - 1);
            pattern->after[c] = !pattern->first[c];
        }
        pattern->skips = 1;
        pattern->frontier = 1;
        return;
    }
    if (*p == '%' && p + 1 < m.pattern_end && (p[1] == 'b' || p[1] == 'f' || isdigit(p[1]))) return;
    cursor end = item_end(&m, p);
    if (!end || (end < m.pattern_end && (*end == '*' || *end == '?' || *end == '-'))) return;
    unsigned char byte[1];
    m.text = byte;
    m.text_end = byte + 1;
    for (int c = 0; c < 256; c++) {
        byte[0] = (unsigned char)c;
        pattern->first[c] = (unsigned char)item_matches(&m, byte, p, end);
    }
    pattern->skips = 1;
}

parley_pattern *parley_pattern_new(const char *p, size_t n) {
    parley_pattern *pattern = calloc(1, sizeof *pattern + n + 1);
    if (!pattern) return NULL;
    if (n > 0) memcpy(pattern->p, p, n);
    pattern->n = n;
    pattern->plain = 1;
    for (size_t i = 0; i < n; i++) {
        if (p[i] != '\0' && strchr(specials, p[i])) pattern->plain = 0;
    }
    pattern->anchored = n > 0 && p[0] == '^';
    parley_count_repetitions(p, n, &pattern->open, &pattern->optional);
    prepare_classes(pattern);
    if (!pattern->plain && !pattern->anchored) find_first_bytes(pattern);
    return pattern;
}

void parley_pattern_free(parley_pattern *pattern) { free(pattern); }

int parley_pattern_find(const parley_pattern *pattern, const char *text, size_t n, lua_State *watch) {
    if (pattern->plain) return contains(text, n, pattern->p, pattern->n);
    if (pattern->open + pattern->optional >= 1 && parley_too_costly(n, pattern->anchored, pattern->open, pattern->optional)) return -1;
    search m;
    m.text = (cursor)(text ? text : "");     // an empty text may come without an address
    m.text_end = m.text + n;
    m.pattern_end = (cursor)pattern->p + pattern->n;
    m.failed = 0;
    m.stopped = 0;
    m.watch = watch;
    m.pattern = pattern;
    cursor p = (cursor)pattern->p + (pattern->anchored ? 1 : 0);
    cursor s = m.text;
    do {
        if (pattern->skips) {
            if (pattern->frontier) {
                while (s < m.text_end && !(pattern->first[*s] && pattern->after[s == m.text ? 0 : s[-1]])) s++;
            } else {
                while (s < m.text_end && !pattern->first[*s]) s++;
            }
            if (s == m.text_end) return 0;
        }
        m.level = 0;
        m.depth_left = MAX_DEPTH;
        if (match(&m, s, p)) {
            // string.find returns the captures too: one left open is the library's error.
            for (int i = 0; i < m.level; i++) {
                if (m.captures[i].length == CAPTURE_OPEN) return -1;   // "unfinished capture"
            }
            return 1;
        }
        if (m.failed) return m.stopped ? -2 : -1;
    } while (s++ < m.text_end && !pattern->anchored);
    return 0;
}
