// Copies a plain JSON list as Parley writes JSON (see CorpusScan.h): a record's extra fields that
// hold lists (Quotebank's urls, qids, probas) are kept as JSON text, and parsing each into a tree to
// write it out again took most of the time of loading such a file.
#include "CorpusScan.h"

static inline int is_json_space(uint8_t c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Whether the byte after a value lets it end there (`truex`, `12a` are the parser's to report).
static inline int ends_value(const uint8_t *p, const uint8_t *end) {
    return p == end || *p == ',' || *p == ']' || is_json_space(*p);
}

size_t ps_canonical_list(const uint8_t *p, size_t length, uint8_t *out) {
    const uint8_t *end = p + length;
    uint8_t *w = out;
    int depth = 0, expect_value = 1, just_opened = 0;
    for (;;) {
        while (p < end && is_json_space(*p)) p++;
        if (depth == 0 && w > out) return p == end ? (size_t)(w - out) : 0;   // the list, and nothing after it
        if (p == end) return 0;
        uint8_t c = *p;
        if (!expect_value) {
            if (c == ',') { *w++ = ','; p++; expect_value = 1; continue; }
            if (c == ']') { *w++ = ']'; p++; depth--; continue; }
            return 0;
        }
        if (c == ']' && just_opened) { *w++ = ']'; p++; depth--; expect_value = 0; just_opened = 0; continue; }
        just_opened = 0;
        if (c == '[') {
            if (++depth > 64) return 0;
            *w++ = '['; p++;
            just_opened = 1;
            continue;
        }
        if (depth == 0) return 0;                          // a list, not another value
        const uint8_t *from = p;
        if (c == '"') {
            int high = 0;
            for (p++; p < end && *p != '"'; p++) {
                if (*p == '\\' || *p < 0x20) return 0;     // escapes are written out by the parser
                high |= *p >= 0x80;
            }
            if (p == end) return 0;
            p++;
            if (high && !ps_utf8_valid(from + 1, (size_t)(p - from - 2))) return 0;
        } else if (c == 't' || c == 'f' || c == 'n') {
            size_t n = c == 'f' ? 5 : 4;
            const char *word = c == 't' ? "true" : c == 'f' ? "false" : "null";
            if ((size_t)(end - p) < n || memcmp(p, word, n) != 0) return 0;
            p += n;
            if (!ends_value(p, end)) return 0;
        } else if (c == '-' || (c >= '0' && c <= '9')) {
            // Whole numbers of up to 18 digits, written as the parser writes them back; "-0", a
            // fraction or an exponent is the parser's.
            if (c == '-') p++;
            const uint8_t *digits = p;
            while (p < end && *p >= '0' && *p <= '9') p++;
            size_t n = (size_t)(p - digits);
            if (n == 0 || n > 18 || (*digits == '0' && (n > 1 || c == '-'))) return 0;
            if (!ends_value(p, end)) return 0;
        } else {
            return 0;                                      // an object, or not JSON
        }
        memcpy(w, from, (size_t)(p - from));
        w += p - from;
        expect_value = 0;
    }
}
