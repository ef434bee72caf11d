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

size_t ps_count_byte(const uint8_t *p, size_t n, uint8_t byte) {
    size_t count = 0, i = 0;
#if defined(__SSE2__)
    const __m128i b = _mm_set1_epi8((char)byte);
    for (; i + 16 <= n; i += 16) {
        count += (size_t)__builtin_popcount((unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_loadu_si128((const __m128i *)(p + i)), b)));
    }
#endif
    for (; i < n; i++) count += p[i] == byte;
    return count;
}
