// Finds the fields of a plainly written statement or document line (see CorpusScan.h). Anything it
// is not sure of returns 0: the Swift readers, which handle every case and report problems, read
// that line.
#define _GNU_SOURCE   // strtod_l
#include "CorpusScan.h"
#include <locale.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#if defined(__APPLE__)
#include <xlocale.h>
#endif
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

// Where the scan stands. Positions are pointers, not int32 offsets, so that the compiler need not
// reload them after every int32 store into the result.
typedef struct {
    const uint8_t *line, *p, *end;
    // Where strings with escapes are written out (PS_DECODED_CAPACITY bytes); NULL where escapes
    // are not taken (keys).
    uint8_t *decoded;
    int32_t decoded_length;
    // Where the record ends: at `end` (0), at a newline (1: more lines may follow), or right after
    // its closing brace (2: an element of a list).
    int to_newline;
} scanner;

#define INLINE static inline __attribute__((always_inline))

// Spaces and tabs; line breaks too inside an element of a list (a line break ends a JSON Lines
// record). `to_newline` is a constant where the scans are inlined, so the test costs nothing there.
INLINE int is_space(const scanner *s, uint8_t c) {
    return c == ' ' || c == '\t' || (s->to_newline == 2 && (c == '\n' || c == '\r'));
}

INLINE void skip_space(scanner *s) {
    // Most separators are followed by one space or none: check that before looping.
    if (s->p < s->end && *s->p == ' ') s->p++;
    if (s->p < s->end && is_space(s, *s->p)) {
        while (s->p < s->end && is_space(s, *s->p)) s->p++;
    }
}

// The next byte after spaces (the scanner stands on it), or 0 at the end.
INLINE uint8_t next(scanner *s) {
    skip_space(s);
    return s->p < s->end ? *s->p : 0;
}

INLINE int take(scanner *s, uint8_t byte) {
    skip_space(s);
    if (s->p < s->end && *s->p == byte) { s->p++; return 1; }
    return 0;
}

// The bytes of a string found by `plain_string`: in the line, or written out.
INLINE const uint8_t *bytes_at(const scanner *s, int32_t start) {
    return start >= 0 ? s->line + start : s->decoded + (-1 - start);
}

// One more than each byte's value as a hexadecimal digit; 0 for bytes that are not one.
static const uint8_t hex_digit_plus_one[256] = {
    ['0'] = 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, ['A'] = 11, 12, 13, 14, 15, 16, ['a'] = 11, 12, 13, 14, 15, 16,
};

// The value of four hexadecimal digits (`\uXXXX`), looked up rather than tested digit by digit
// (text escaped by Python's json.dumps is mostly such escapes).
static inline int hex4(const uint8_t *p, uint32_t *value) {
    uint32_t a = hex_digit_plus_one[p[0]], b = hex_digit_plus_one[p[1]], c = hex_digit_plus_one[p[2]], d = hex_digit_plus_one[p[3]];
    if (!a || !b || !c || !d) return 0;
    *value = (a - 1) << 12 | (b - 1) << 8 | (c - 1) << 4 | (d - 1);
    return 1;
}

// Where the run of plain bytes from `j` ends: at the first quote, backslash or control byte, or at
// `end`; `*high` gets bit 7 set if a byte of the run is not ASCII.
INLINE const uint8_t *plain_run(const uint8_t *j, const uint8_t *end, int *high) {
#if defined(__SSE2__)
    const __m128i quote = _mm_set1_epi8('"'), backslash = _mm_set1_epi8('\\'), control = _mm_set1_epi8(0x1F);
    while (end - j >= 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)j);
        // Control bytes are those whose minimum with 0x1F is themselves (bytes compare unsigned).
        __m128i stop = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, backslash)),
                                    _mm_cmpeq_epi8(_mm_min_epu8(v, control), v));
        int stopMask = _mm_movemask_epi8(stop), highMask = _mm_movemask_epi8(v);
        if (!stopMask) { *high |= highMask; j += 16; continue; }
        int at = __builtin_ctz((unsigned)stopMask);
        *high |= highMask & ((1 << at) - 1);
        return j + at;
    }
#endif
    for (; j < end; j++) {
        uint8_t c = *j;
        if (c == '"' || c == '\\' || c < 0x20) return j;
        *high |= c >= 0x80;
    }
    return j;
}

// The rest of a string from its first backslash at `j`, written out into `s->decoded`
// as the Swift decoder (`JSONParser.decodeEscapedString`) does; 0 for whatever it would report (an
// unknown escape, a lone surrogate, a raw control byte), for invalid UTF-8, or when out of room.
// Runs of plain bytes between escapes are found sixteen bytes at a time and copied whole (Python's
// `json.dumps` writes every letter outside ASCII as an escape, curly quotes and accents too).
// `high` says whether a byte before `j` lies outside ASCII.
static int escaped_string(scanner *s, const uint8_t *from, const uint8_t *j, int high, int32_t *start, int32_t *length) {
    uint8_t *d = s->decoded + s->decoded_length, *limit = s->decoded + PS_DECODED_CAPACITY;
    uint8_t *first = d;
    const uint8_t *end = s->end, *run = from;
    for (;;) {
        if (run != j) {
            size_t n = (size_t)(j - run);
            if (n > (size_t)(limit - d)) return 0;
            memcpy(d, run, n);
            d += n;
        }
        if (j >= end || limit - d < 4) return 0;
        uint8_t c = *j;
        if (c == '"') break;
        if (c != '\\') return 0;          // a control byte
        if (end - j < 2) return 0;
        uint8_t e = j[1];
        j += 2;
        switch (e) {
        case '"': *d++ = '"'; break;
        case '\\': *d++ = '\\'; break;
        case '/': *d++ = '/'; break;
        case 'b': *d++ = 0x08; break;
        case 'f': *d++ = 0x0C; break;
        case 'n': *d++ = 0x0A; break;
        case 'r': *d++ = 0x0D; break;
        case 't': *d++ = 0x09; break;
        case 'u': {
            uint32_t scalar, low;
            if (end - j < 4 || !hex4(j, &scalar)) return 0;
            j += 4;
            if (scalar >= 0xD800 && scalar < 0xDC00) {
                if (end - j < 6 || j[0] != '\\' || j[1] != 'u' || !hex4(j + 2, &low) || low < 0xDC00 || low >= 0xE000) return 0;
                j += 6;
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00);
            } else if (scalar >= 0xDC00 && scalar < 0xE000) {
                return 0;
            }
            if (scalar < 0x80) {
                *d++ = (uint8_t)scalar;
            } else if (scalar < 0x800) {
                *d++ = (uint8_t)(0xC0 | scalar >> 6);
                *d++ = (uint8_t)(0x80 | (scalar & 0x3F));
            } else if (scalar < 0x10000) {
                *d++ = (uint8_t)(0xE0 | scalar >> 12);
                *d++ = (uint8_t)(0x80 | ((scalar >> 6) & 0x3F));
                *d++ = (uint8_t)(0x80 | (scalar & 0x3F));
            } else {
                *d++ = (uint8_t)(0xF0 | scalar >> 18);
                *d++ = (uint8_t)(0x80 | ((scalar >> 12) & 0x3F));
                *d++ = (uint8_t)(0x80 | ((scalar >> 6) & 0x3F));
                *d++ = (uint8_t)(0x80 | (scalar & 0x3F));
            }
            break;
        }
        default: return 0;
        }
        // Escapes often follow each other (every letter of a script outside ASCII, as json.dumps
        // writes it): a few bytes are looked at one by one before searching sixteen at a time.
        run = j;
        const uint8_t *near = end - j > 8 ? j + 8 : end;
        while (j < near && *j != '"' && *j != '\\' && *j >= 0x20) high |= *j++ >= 0x80;
        if (j == near) j = plain_run(j, end, &high);
    }
    // Bytes copied as they are must be valid UTF-8 (what the escapes write is).
    if (high && !ps_utf8_valid(first, (size_t)(d - first))) return 0;
    *start = -1 - (int32_t)(first - s->decoded);
    *length = (int32_t)(d - first);
    s->decoded_length = (int32_t)(d - s->decoded);
    s->p = j + 1;
    return 1;
}

// A string with no escape and no control byte, valid UTF-8: its range, and the scanner past it.
INLINE int plain_string(scanner *s, int32_t *start, int32_t *length) {
    if ((s->p >= s->end || *s->p != '"') && next(s) != '"') return 0;
    const uint8_t *from = s->p + 1;
    int high = 0;
    const uint8_t *j = plain_run(from, s->end, &high);
    if (j >= s->end) return 0;
    if (*j == '\\' && s->decoded) return escaped_string(s, from, j, high, start, length);
    if (*j != '"') return 0;
    if (high && !ps_utf8_valid(from, (size_t)(j - from))) return 0;
    *start = (int32_t)(from - s->line);
    *length = (int32_t)(j - from);
    s->p = j + 1;
    return 1;
}

// A key: a string taken without escapes (the Swift readers hand keys with escapes to the full reader).
INLINE int key_string(scanner *s, int32_t *start, int32_t *length) {
    uint8_t *decoded = s->decoded;
    s->decoded = NULL;
    int found = plain_string(s, start, length);
    s->decoded = decoded;
    return found;
}

INLINE int string_list(scanner *s, int32_t *starts, int32_t *lengths, int32_t *count) {
    if (!take(s, '[')) return 0;
    if (take(s, ']')) return 1;
    for (int32_t n = 0;; n++) {
        if (n == PS_MAX_LIST || !plain_string(s, &starts[n], &lengths[n])) return 0;
        if (take(s, ',')) continue;
        *count = n + 1;
        return take(s, ']');
    }
}

// The "C" locale, for strtod_l: strtod reads "2.5" as 2 where the decimal point is a comma.
static locale_t c_locale;
static pthread_once_t c_locale_once = PTHREAD_ONCE_INIT;
static void make_c_locale(void) { c_locale = newlocale(LC_ALL_MASK, "C", (locale_t)0); }

// A JSON number without an exponent, as the full reader reads it: integers exactly (up to 18
// digits), decimals correctly rounded by strtod_l.
static int number(scanner *s, double *value) {
    skip_space(s);
    const uint8_t *from = s->p, *q = s->p;
    int negative = q < s->end && *q == '-';
    q += negative;
    const uint8_t *digits = q;
    int64_t whole = 0;
    while (q < s->end && *q >= '0' && *q <= '9') { whole = whole * 10 + (*q - '0'); q++; if (q - digits > 18) return 0; }
    if (q == digits || (*digits == '0' && q - digits > 1)) return 0;
    if (q < s->end && (*q | 0x20) == 'e') return 0;
    if (q < s->end && *q == '.') {
        const uint8_t *fraction = ++q;
        while (q < s->end && *q >= '0' && *q <= '9') q++;
        if (q == fraction || q - from > 40 || (q < s->end && (*q | 0x20) == 'e')) return 0;
        char text[48];
        memcpy(text, from, (size_t)(q - from));
        text[q - from] = 0;
        pthread_once(&c_locale_once, make_c_locale);
        if (!c_locale) return 0;
        *value = strtod_l(text, NULL, c_locale);
    } else {
        *value = (double)(negative ? -whole : whole);
    }
    s->p = q;
    return 1;
}

// `[start, end]`: two whole numbers written plainly (no sign, no leading zero), 0 ≤ start ≤ end ≤
// INT32_MAX, as the full reader takes a span (anything else is its to report).
static int span(scanner *s, ps_statement *out) {
    int64_t bounds[2];
    if (!take(s, '[')) return 0;
    for (int i = 0; i < 2; i++) {
        if (i == 1 && !take(s, ',')) return 0;
        skip_space(s);
        const uint8_t *digits = s->p;
        int64_t value = 0;
        while (s->p < s->end && *s->p >= '0' && *s->p <= '9') {
            value = value * 10 + (*s->p - '0');
            s->p++;
            if (value > INT32_MAX) return 0;
        }
        if (s->p == digits || (*digits == '0' && s->p - digits > 1)) return 0;
        if (s->p < s->end && (*s->p == '.' || (*s->p | 0x20) == 'e')) return 0;
        bounds[i] = value;
    }
    if (!take(s, ']') || bounds[1] < bounds[0]) return 0;
    out->span_start = (int32_t)bounds[0];
    out->span_end = (int32_t)bounds[1];
    return 1;
}

// The stances `Figure.stances` lists.
static int known_stance(const uint8_t *v, int32_t n) {
    return (n == 7 && memcmp(v, "claimed", 7) == 0) || (n == 12 && memcmp(v, "acknowledged", 12) == 0)
        || (n == 8 && memcmp(v, "disputed", 8) == 0) || (n == 6 && memcmp(v, "denied", 6) == 0);
}

// `[{"value": 58, "unit": "soldiers", …}, …]` with plain strings and no other fields.
static int figures(scanner *s, ps_statement *out) {
    if (!take(s, '[')) return 0;
    if (take(s, ']')) return 1;
    for (int32_t n = 0;; n++) {
        if (n == PS_MAX_FIGURES || !take(s, '{')) return 0;
        ps_figure *figure = &out->figures[n];
        for (int f = 0; f < PS_FIGURE_FIELD_COUNT; f++) figure->length[f] = -1;
        unsigned seen = 0;
        for (int first = 1;; first = 0) {
            if (take(s, '}')) break;
            if (!first && !take(s, ',')) return 0;
            int32_t keyStart, keyLength;
            if (!key_string(s, &keyStart, &keyLength) || !take(s, ':')) return 0;
            const uint8_t *k = s->line + keyStart;
            int field;
            if (keyLength == 5 && memcmp(k, "value", 5) == 0) field = PS_FIGURE_FIELD_COUNT;
            else if (keyLength == 4 && memcmp(k, "unit", 4) == 0) field = PS_FIGURE_UNIT;
            else if (keyLength == 4 && memcmp(k, "what", 4) == 0) field = PS_FIGURE_WHAT;
            else if (keyLength == 6 && memcmp(k, "stance", 6) == 0) field = PS_FIGURE_STANCE;
            else if (keyLength == 2 && memcmp(k, "by", 2) == 0) field = PS_FIGURE_BY;
            else return 0;
            if (seen & (1u << field)) return 0;
            seen |= 1u << field;
            if (field == PS_FIGURE_FIELD_COUNT) {
                if (!number(s, &figure->value)) return 0;
            } else if (!plain_string(s, &figure->start[field], &figure->length[field])) {
                return 0;
            } else if (field == PS_FIGURE_STANCE && !known_stance(bytes_at(s, figure->start[field]), figure->length[field])) {
                return 0;
            }
        }
        if (!(seen & (1u << PS_FIGURE_FIELD_COUNT))) return 0;
        if (take(s, ',')) continue;
        out->figure_count = n + 1;
        return take(s, ']');
    }
}

// A `null`: the scanner is left past it. The full reader takes a field set to null as absent
// (Python and pandas write one for every missing value).
INLINE int take_null(scanner *s) {
    skip_space(s);
    if (s->end - s->p >= 4 && memcmp(s->p, "null", 4) == 0) { s->p += 4; return 1; }
    return 0;
}

// The format's keys beyond the string fields; relations are taken only when null (their checks
// are the Swift readers').
enum { KEY_TYPE = PS_FIELD_COUNT, KEY_TOPICS, KEY_MENTIONS, KEY_FIGURES, KEY_SPAN, KEY_CONFIDENCE, KEY_RELATIONS, KEY_OTHER };

// The key's field, from its length and bytes.
INLINE int known_key(const uint8_t *k, int32_t n) {
#define IS(name) (memcmp(k, name, sizeof(name) - 1) == 0)
    switch (n) {
    case 2: return IS("id") ? PS_ID : KEY_OTHER;
    case 3: return IS("doc") ? PS_DOC : IS("cue") ? PS_CUE : KEY_OTHER;
    case 4: return IS("text") ? PS_TEXT : IS("type") ? KEY_TYPE : IS("date") ? PS_DATE : IS("role") ? PS_ROLE
                 : IS("kind") ? PS_KIND : IS("span") ? KEY_SPAN : KEY_OTHER;
    case 5: return IS("place") ? PS_PLACE : KEY_OTHER;
    case 6: return IS("topics") ? KEY_TOPICS : IS("status") ? PS_STATUS : KEY_OTHER;
    case 7: return IS("speaker") ? PS_SPEAKER : IS("channel") ? PS_CHANNEL : IS("figures") ? KEY_FIGURES : KEY_OTHER;
    case 8: return IS("mentions") ? KEY_MENTIONS : KEY_OTHER;
    case 9: return IS("date_text") ? PS_DATE_TEXT : IS("relations") ? KEY_RELATIONS : KEY_OTHER;
    case 10: return IS("confidence") ? KEY_CONFIDENCE : KEY_OTHER;
    case 11: return IS("affiliation") ? PS_AFFILIATION : KEY_OTHER;
    default: return KEY_OTHER;
    }
#undef IS
}

// Whether the key at keyStart is one of the `count` keys whose starts and lengths are given.
INLINE int among(const scanner *s, const int32_t *starts, const int32_t *lengths, int32_t count, int32_t keyStart, int32_t keyLength) {
    for (int32_t e = 0; e < count; e++) {
        if (lengths[e] == keyLength && memcmp(s->line + starts[e], s->line + keyStart, (size_t)keyLength) == 0) return 1;
    }
    return 0;
}

size_t ps_balanced_length(const uint8_t *from, size_t available, int within_line) {
    int depth = 0;
    const uint8_t *q = from, *end = from + available;
    while (q < end) {
        uint8_t c = *q++;
        if (c == '\n' && within_line) return 0;
        if (c == '"') {
            while (q < end && *q != '"') {
                if (*q == '\\' && q + 1 < end) q++;      // the escaped byte, which cannot end the string
                if (*q == '\n' && within_line) return 0;
                q++;
            }
            if (q >= end) return 0;
            q++;
        } else if (c == '[' || c == '{') {
            if (++depth > 64) return 0;
        } else if (c == ']' || c == '}') {
            if (--depth == 0) return (size_t)(q - from);
        }
    }
    return 0;
}

// A JSON number, `true`, `false`, `null` (an extra field keeps a null as a value, as the full
// reader does), list or object, for the Swift side to parse exactly: its range from the line's
// start. Numbers are checked against JSON's grammar, with at most 40 digits before the exponent and
// two in it, so that every one is finite.
INLINE int literal(scanner *s, int32_t *start, int32_t *length) {
    skip_space(s);
    const uint8_t *from = s->p, *q = s->p, *end = s->end;
    if (q < end && (*q == '[' || *q == '{')) {
        size_t n = ps_balanced_length(q, (size_t)(end - q), s->to_newline == 1);   // a JSON Lines record is one line
        if (n == 0) return 0;
        q += n;
    } else if (end - q >= 4 && (memcmp(q, "true", 4) == 0 || memcmp(q, "null", 4) == 0)) q += 4;
    else if (end - q >= 5 && memcmp(q, "false", 5) == 0) q += 5;
    else {
        if (q < end && *q == '-') q++;
        const uint8_t *digits = q;
        if (q < end && *q == '0') q++;
        else while (q < end && *q >= '0' && *q <= '9') q++;
        if (q == digits) return 0;
        if (q < end && *q == '.') {
            const uint8_t *fraction = ++q;
            while (q < end && *q >= '0' && *q <= '9') q++;
            if (q == fraction) return 0;
        }
        if (q - from > 40) return 0;
        if (q < end && (*q | 0x20) == 'e') {
            q++;
            if (q < end && (*q == '+' || *q == '-')) q++;
            const uint8_t *exponent = q;
            while (q < end && *q >= '0' && *q <= '9') q++;
            if (q == exponent || q - exponent > 2) return 0;
        }
    }
    // What follows must end the value (a leading zero followed by digits, `truex`: the Swift readers').
    if (q < end && !(*q == ',' || *q == '}' || *q == ' ' || *q == '\t' || *q == '\r' || *q == '\n')) return 0;
    *start = (int32_t)(from - s->line);
    *length = (int32_t)(q - from);
    s->p = q;
    return 1;
}

// A field the format does not define, with any value; not a repeat of another. (A list or an
// object is only found here: the Swift side parses it, and leaves the line to the Swift readers if
// it is not valid.)
INLINE int extra_field(scanner *s, ps_statement *out, int32_t keyStart, int32_t keyLength) {
    int32_t n = out->extra_count, m = out->other_count;
    if (keyLength == 0 || n + m == PS_MAX_EXTRAS) return 0;
    if (among(s, out->extra_key_start, out->extra_key_length, n, keyStart, keyLength)
        || among(s, out->other_key_start, out->other_key_length, m, keyStart, keyLength)) return 0;
    if (next(s) != '"') {
        if (!literal(s, &out->other_start[m], &out->other_length[m])) return 0;
        out->other_key_start[m] = keyStart;
        out->other_key_length[m] = keyLength;
        out->other_count = m + 1;
        return 1;
    }
    if (!plain_string(s, &out->extra_start[n], &out->extra_length[n])) return 0;
    out->extra_key_start[n] = keyStart;
    out->extra_key_length[n] = keyLength;
    out->extra_count = n + 1;
    return 1;
}

// Reads the member whose key is at keyStart (the scanner stands at its value) into `out`, and
// marks what it was in `seen`; 0 if the scan must give up.
typedef int (*member_reader)(scanner *s, void *out, int32_t keyStart, int32_t keyLength, uint32_t *seen);

// Reads a line that is one object, `{"key": value, …}`, handing each member to `member`; 0 if the
// line is anything else. (Inlined with its reader, so the call through the pointer disappears.)
INLINE int scan_object(scanner *s, member_reader member, void *out, uint32_t *seen) {
    if (!take(s, '{')) return 0;
    uint8_t c = next(s);
    if (c == '}') return 0;                 // an empty record: no type
    for (;;) {
        int32_t keyStart, keyLength;
        if (c != '"' || !key_string(s, &keyStart, &keyLength)) return 0;
        if (s->p < s->end && *s->p == ':') s->p++;
        else if (!take(s, ':')) return 0;
        if (!member(s, out, keyStart, keyLength, seen)) return 0;
        c = next(s);
        if (c == '}') { s->p++; break; }
        if (c != ',') return 0;
        s->p++;
        c = next(s);
    }
    if (s->to_newline == 2) return 1;
    skip_space(s);
    if (!s->to_newline) return s->p == s->end;
    if (s->p < s->end && *s->p == '\r') s->p++;
    return s->p == s->end || *s->p == '\n';
}

INLINE int statement_member(scanner *s, void *result, int32_t keyStart, int32_t keyLength, uint32_t *seen) {
    ps_statement *out = result;
    int key = known_key(s->line + keyStart, keyLength);
    if (key == KEY_OTHER) return extra_field(s, out, keyStart, keyLength);
    if (*seen & (1u << key)) return 0;
    *seen |= 1u << key;
    const uint8_t *value = s->p;
    switch (key) {
    case KEY_TOPICS: if (string_list(s, out->topic_start, out->topic_length, &out->topic_count)) return 1; break;
    case KEY_MENTIONS: if (string_list(s, out->mention_start, out->mention_length, &out->mention_count)) return 1; break;
    case KEY_FIGURES: if (figures(s, out)) return 1; break;
    case KEY_SPAN: if (span(s, out)) return 1; break;
    case KEY_CONFIDENCE: if (number(s, &out->confidence)) return out->confidence >= 0 && out->confidence <= 1; break;
    case KEY_RELATIONS: break;
    default: {
        int32_t start, n;
        if (!plain_string(s, &start, &n)) break;
        if (key == KEY_TYPE) return n == 9 && memcmp(bytes_at(s, start), "statement", 9) == 0;
        if ((key == PS_SPEAKER || key == PS_TEXT) && n == 0) return 0;
        out->start[key] = start;
        out->length[key] = n;
        return 1;
    }
    }
    // Not a value the field takes: a null makes it absent, but for the fields a statement must have
    // (the full reader reports those). It is looked for only here, off the common path, from where
    // the value starts (a reader that gave up may have stopped inside it).
    s->p = value;
    return take_null(s) && key != KEY_TYPE && key != PS_SPEAKER && key != PS_TEXT;
}

// The extra string field named `name`, or -1.
static int extra_named(const scanner *s, const ps_statement *out, const char *name) {
    int32_t n = (int32_t)strlen(name);
    for (int32_t e = 0; e < out->extra_count; e++) {
        if (out->extra_key_length[e] == n && memcmp(s->line + out->extra_key_start[e], name, (size_t)n) == 0) return e;
    }
    return -1;
}

// Takes the extra field `e` out of the list (the others keep their order), into field `field`.
static void extra_to_field(ps_statement *out, int e, int field) {
    out->start[field] = out->extra_start[e];
    out->length[field] = out->extra_length[e];
    for (int32_t i = e + 1; i < out->extra_count; i++) {
        out->extra_key_start[i - 1] = out->extra_key_start[i];
        out->extra_key_length[i - 1] = out->extra_key_length[i];
        out->extra_start[i - 1] = out->extra_start[i];
        out->extra_length[i - 1] = out->extra_length[i];
    }
    out->extra_count--;
}

// A line of Quotebank (`QuotebankRecord` in Swift, which this follows exactly): a record with
// string fields "quoteID" and "quotation" and neither "text" nor "type" is the statement they
// stand for: quoteID its id, quotation its text, the speaker "None" "unknown", and a date-time
// "2020-01-28 08:04:05" its day. 0 if the record is not one, or is one the Swift reader must read
// (a quotation that is empty, an "id" as well).
static int quotebank(scanner *s, ps_statement *out, uint32_t *seen) {
    if (*seen & (1u << PS_TEXT | 1u << KEY_TYPE)) return 0;
    int quotation = extra_named(s, out, "quotation"), quote_id = extra_named(s, out, "quoteID");
    if (quotation < 0 || quote_id < 0) return 0;
    if ((*seen & 1u << PS_ID) || out->extra_length[quotation] == 0) return 0;
    extra_to_field(out, quotation, PS_TEXT);
    extra_to_field(out, quote_id > quotation ? quote_id - 1 : quote_id, PS_ID);   // the list closed up behind quotation
    *seen |= 1u << PS_TEXT | 1u << PS_ID;
    if (out->length[PS_SPEAKER] == 4 && memcmp(bytes_at(s, out->start[PS_SPEAKER]), "None", 4) == 0) {
        if (PS_DECODED_CAPACITY - s->decoded_length < 7) return 0;
        memcpy(s->decoded + s->decoded_length, "unknown", 7);
        out->start[PS_SPEAKER] = -1 - s->decoded_length;
        out->length[PS_SPEAKER] = 7;
        s->decoded_length += 7;
    }
    if (out->length[PS_DATE] == 19) {
        const uint8_t *date = bytes_at(s, out->start[PS_DATE]);
        int ascii = 1;
        for (int i = 0; i < 19; i++) ascii &= date[i] < 0x80;   // 19 bytes, 19 characters
        if (ascii && date[10] == ' ') out->length[PS_DATE] = 10;
    }
    return 1;
}

// `ps_scan_statement` and `ps_scan_statement_line`: the scan ends where `to_newline` says, and the
// scanner is left there.
INLINE int scan_statement(scanner *s, ps_statement *out) {
    for (int f = 0; f < PS_FIELD_COUNT; f++) out->length[f] = -1;
    out->topic_count = out->mention_count = out->figure_count = out->extra_count = out->other_count = out->decoded_length = 0;
    out->span_start = out->span_end = -1;
    out->confidence = __builtin_nan("");
    uint32_t seen = 0;
    if (!scan_object(s, statement_member, out, &seen)) return 0;
    if (!(seen & 1u << PS_TEXT) && out->extra_count >= 2 && !quotebank(s, out, &seen)) return 0;
    out->decoded_length = s->decoded_length;
    // A statement may leave its type out: a record with a speaker and a text and no type is one
    // (`JSONLinesReader.recordType`), and a type other than "statement" has failed the scan already.
    const uint32_t required = 1u << PS_SPEAKER | 1u << PS_TEXT;
    return (seen & required) == required;
}

int ps_scan_statement_element(const uint8_t *from, size_t available, ps_statement *out, size_t *consumed) {
    if (available > INT32_MAX) available = INT32_MAX;
    scanner s = { from, from, from + available, out->decoded, 0, 2 };
    if (!scan_statement(&s, out)) return 0;
    *consumed = (size_t)(s.p - from);
    return 1;
}

int ps_scan_statement(const uint8_t *line, size_t length, ps_statement *out) {
    if (length > INT32_MAX) return 0;
    scanner s = { line, line, line + length, out->decoded, 0, 0 };
    return scan_statement(&s, out);
}

int ps_scan_statement_line(const uint8_t *from, size_t available, ps_statement *out, size_t *consumed) {
    if (available > INT32_MAX) available = INT32_MAX;   // a longer line goes to the Swift readers
    scanner s = { from, from, from + available, out->decoded, 0, 1 };
    if (!scan_statement(&s, out)) return 0;
    *consumed = (size_t)(s.p - from) + (s.p < s.end);   // and its newline
    return 1;
}

// The document field of a key, from its length and bytes.
INLINE int document_key(const uint8_t *k, int32_t n) {
#define IS(name) (n == (int32_t)sizeof(name) - 1 && memcmp(k, name, sizeof(name) - 1) == 0)
    return IS("type") ? PD_FIELD_COUNT : IS("id") ? PD_ID : IS("title") ? PD_TITLE : IS("source") ? PD_SOURCE
        : IS("url") ? PD_URL : IS("published") ? PD_PUBLISHED : IS("authors") ? PD_FIELD_COUNT + 1
        : IS("language") ? PD_LANGUAGE : IS("place") ? PD_PLACE : IS("text") ? PD_TEXT : -1;
#undef IS
}

INLINE int document_member(scanner *s, void *result, int32_t keyStart, int32_t keyLength, uint32_t *seen) {
    ps_document *out = result;
    int key = document_key(s->line + keyStart, keyLength);
    if (key < 0) {
        // A field the format does not define, with any value (parsed by the Swift side); not a repeat.
        int32_t n = out->extra_count;
        if (keyLength == 0 || n == PS_MAX_EXTRAS || among(s, out->extra_key_start, out->extra_key_length, n, keyStart, keyLength)) return 0;
        int is_string = next(s) == '"';
        if (is_string ? !plain_string(s, &out->extra_start[n], &out->extra_length[n])
                      : !literal(s, &out->extra_start[n], &out->extra_length[n])) return 0;
        out->extra_key_start[n] = keyStart;
        out->extra_key_length[n] = keyLength;
        out->extra_is_string[n] = (uint8_t)is_string;
        out->extra_count = n + 1;
        return 1;
    }
    if (*seen & (1u << key)) return 0;
    *seen |= 1u << key;
    const uint8_t *value = s->p;
    int32_t start, n;
    if (key == PD_FIELD_COUNT + 1 ? !string_list(s, out->author_start, out->author_length, &out->author_count)
                                  : !plain_string(s, &start, &n)) {
        s->p = value;                   // a null: absent, as for statements (but for the type and id)
        return take_null(s) && key != PD_FIELD_COUNT && key != PD_ID;
    }
    if (key == PD_FIELD_COUNT + 1) return 1;
    if (key == PD_FIELD_COUNT) return n == 8 && memcmp(bytes_at(s, start), "document", 8) == 0;
    if (key == PD_ID && n == 0) return 0;
    out->start[key] = start;
    out->length[key] = n;
    return 1;
}

INLINE int scan_document(scanner *s, ps_document *out, int typed) {
    for (int f = 0; f < PD_FIELD_COUNT; f++) out->length[f] = -1;
    out->author_count = out->extra_count = out->decoded_length = 0;
    uint32_t seen = 0;
    if (!scan_object(s, document_member, out, &seen)) return 0;
    out->decoded_length = s->decoded_length;
    const uint32_t required = (typed ? 1u << PD_FIELD_COUNT : 0) | 1u << PD_ID;
    return (seen & required) == required;
}

int ps_scan_document(const uint8_t *line, size_t length, ps_document *out) {
    if (length > INT32_MAX) return 0;
    scanner s = { line, line, line + length, out->decoded, 0, 0 };
    return scan_document(&s, out, 1);
}

int ps_scan_document_element(const uint8_t *from, size_t available, ps_document *out, size_t *consumed, int typed) {
    if (available > INT32_MAX) available = INT32_MAX;
    scanner s = { from, from, from + available, out->decoded, 0, 2 };
    if (!scan_document(&s, out, typed)) return 0;
    *consumed = (size_t)(s.p - from);
    return 1;
}
