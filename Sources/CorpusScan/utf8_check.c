// UTF-8 validity as RFC 3629 defines it (Swift's `UTF8Check` calls this).
#include "CorpusScan.h"
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

int ps_utf8_valid(const uint8_t *bytes, size_t n) {
    size_t i = 0;
    while (i < n) {
#if defined(__SSE2__)
        // ASCII sixteen bytes a step (most text is).
        while (i + 16 <= n && _mm_movemask_epi8(_mm_loadu_si128((const __m128i *)(bytes + i))) == 0) i += 16;
        if (i >= n) break;
#endif
        uint8_t c = bytes[i];
        if (c < 0x80) { i++; continue; }
#define CONT(k, lo, hi) (i + (k) < n && bytes[i + (k)] >= (lo) && bytes[i + (k)] <= (hi))
        if (c >= 0xC2 && c <= 0xDF) { if (!CONT(1, 0x80, 0xBF)) return 0; i += 2; }
        else if (c == 0xE0) { if (!CONT(1, 0xA0, 0xBF) || !CONT(2, 0x80, 0xBF)) return 0; i += 3; }
        else if ((c >= 0xE1 && c <= 0xEC) || c == 0xEE || c == 0xEF) { if (!CONT(1, 0x80, 0xBF) || !CONT(2, 0x80, 0xBF)) return 0; i += 3; }
        else if (c == 0xED) { if (!CONT(1, 0x80, 0x9F) || !CONT(2, 0x80, 0xBF)) return 0; i += 3; }
        else if (c == 0xF0) { if (!CONT(1, 0x90, 0xBF) || !CONT(2, 0x80, 0xBF) || !CONT(3, 0x80, 0xBF)) return 0; i += 4; }
        else if (c >= 0xF1 && c <= 0xF3) { if (!CONT(1, 0x80, 0xBF) || !CONT(2, 0x80, 0xBF) || !CONT(3, 0x80, 0xBF)) return 0; i += 4; }
        else if (c == 0xF4) { if (!CONT(1, 0x80, 0x8F) || !CONT(2, 0x80, 0xBF) || !CONT(3, 0x80, 0xBF)) return 0; i += 4; }
        else return 0;
#undef CONT
    }
    return 1;
}
