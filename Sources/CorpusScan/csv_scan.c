// Byte searches for the CSV reader (`CSVRecords`, `CSVParts`).
#include "CorpusScan.h"
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

size_t ps_csv_field_end(const uint8_t *p, size_t n, uint8_t delimiter) {
    size_t i = 0;
#if defined(__SSE2__)
    const __m128i d = _mm_set1_epi8((char)delimiter), lf = _mm_set1_epi8('\n'), cr = _mm_set1_epi8('\r');
    for (; i + 16 <= n; i += 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(p + i));
        int m = _mm_movemask_epi8(_mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, d), _mm_cmpeq_epi8(v, lf)), _mm_cmpeq_epi8(v, cr)));
        if (m) return i + (size_t)__builtin_ctz((unsigned)m);
    }
#endif
    for (; i < n; i++) {
        if (p[i] == delimiter || p[i] == '\n' || p[i] == '\r') return i;
    }
    return n;
}

// A quote that stands next to a delimiter, a line break, another quote or an end of the buffer:
// every quote of valid CSV does (opening, closing, doubled), a stray one inside an unquoted field
// (`5" screen`) mostly does not.
static inline int csv_special(uint8_t c, uint8_t delimiter) { return c == delimiter || c == '\n' || c == '\r' || c == '"'; }

static inline int csv_structural(const uint8_t *base, size_t i, size_t size, uint8_t delimiter) {
    return base[i] == '"' && (i == 0 || csv_special(base[i - 1], delimiter) || i + 1 == size || csv_special(base[i + 1], delimiter));
}

size_t ps_count_csv_quotes(const uint8_t *base, size_t from, size_t to, size_t size, uint8_t delimiter) {
    size_t count = 0, i = from;
#if defined(__SSE2__)
    const __m128i quote = _mm_set1_epi8('"'), d = _mm_set1_epi8((char)delimiter),
                  lf = _mm_set1_epi8('\n'), cr = _mm_set1_epi8('\r');
#define SPECIAL(v) _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, d), _mm_cmpeq_epi8(v, quote)), \
                                _mm_or_si128(_mm_cmpeq_epi8(v, lf), _mm_cmpeq_epi8(v, cr)))
    for (; i < to && i == 0; i++) count += (size_t)csv_structural(base, i, size, delimiter);
    for (; i + 17 <= to; i += 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(base + i));
        int quotes = _mm_movemask_epi8(_mm_cmpeq_epi8(v, quote));
        if (!quotes) continue;
        __m128i around = _mm_or_si128(SPECIAL(_mm_loadu_si128((const __m128i *)(base + i - 1))),
                                      SPECIAL(_mm_loadu_si128((const __m128i *)(base + i + 1))));
        count += (size_t)__builtin_popcount((unsigned)(quotes & _mm_movemask_epi8(around)));
    }
#undef SPECIAL
#endif
    for (; i < to; i++) count += (size_t)csv_structural(base, i, size, delimiter);
    return count;
}

size_t ps_csv_line_start(const uint8_t *base, size_t from, size_t size, int quoted, uint8_t delimiter) {
    for (size_t i = from; i < size; i++) {
        if (base[i] == '\n' && !quoted) return i + 1;
        if (csv_structural(base, i, size, delimiter)) quoted = !quoted;
    }
    return size;
}
