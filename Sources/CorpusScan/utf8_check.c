// UTF-8 validity as RFC 3629 defines it (Swift's `UTF8Check` calls this, and the scanners for every
// string that is not ASCII).
//
// Text in another script (Arabic, Cyrillic, Chinese: a byte in two or more outside ASCII) took a
// quarter of a load's time one character at a time. Where the processor has SSSE3 (checked once at
// run time), sixteen bytes are checked at once, by the method of Keiser and Lemire ("Validating
// UTF-8 in less than one instruction per byte", 2021): each byte's error bits are looked up from
// its high nibble and from the high and low nibbles of the byte before it, and a byte that must
// continue a three- or four-byte sequence is found from the bytes two and three before it. The
// character-at-a-time check stays for short strings and other processors, and is what the tests
// compare the other with.
#include "CorpusScan.h"
#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#if defined(__x86_64__) && (defined(__clang__) || defined(__GNUC__))
#include <tmmintrin.h>
#define PS_UTF8_BLOCKS 1
#endif

int ps_utf8_valid_scalar(const uint8_t *bytes, size_t n) {
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

#if PS_UTF8_BLOCKS
// What can be wrong with a pair of bytes (the one before, the one at hand), one bit each.
enum {
    TOO_SHORT = 1 << 0,       // a lead byte not followed by a continuation
    TOO_LONG = 1 << 1,        // a continuation after an ASCII byte
    OVERLONG_3 = 1 << 2,      // E0 80..9F
    TOO_LARGE = 1 << 3,       // F4 90..BF, or F5..FF and a continuation
    SURROGATE = 1 << 4,       // ED A0..BF
    OVERLONG_2 = 1 << 5,      // C0 or C1 and a continuation
    TOO_LARGE_1000 = 1 << 6,  // F5..FF 80..8F
    OVERLONG_4 = 1 << 6,      // F0 80..8F
    TWO_CONTS = 1 << 7,       // two continuations: right only inside a three- or four-byte sequence
    CARRY = TOO_SHORT | TOO_LONG | TWO_CONTS,
};

__attribute__((target("ssse3"))) static inline __m128i high_nibbles(__m128i v) {
    return _mm_and_si128(_mm_srli_epi16(v, 4), _mm_set1_epi8(0x0F));
}

// The error bits of each byte of `input` (16 bytes, `previous` the 16 before them).
__attribute__((target("ssse3"))) static inline __m128i block_errors(__m128i input, __m128i previous) {
    static const uint8_t first_high[16] = {
        TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG,
        TWO_CONTS, TWO_CONTS, TWO_CONTS, TWO_CONTS,
        TOO_SHORT | OVERLONG_2, TOO_SHORT, TOO_SHORT | OVERLONG_3 | SURROGATE,
        TOO_SHORT | TOO_LARGE | TOO_LARGE_1000 | OVERLONG_4};
    static const uint8_t first_low[16] = {
        CARRY | OVERLONG_3 | OVERLONG_2 | OVERLONG_4, CARRY | OVERLONG_2, CARRY, CARRY,
        CARRY | TOO_LARGE, CARRY | TOO_LARGE | TOO_LARGE_1000, CARRY | TOO_LARGE | TOO_LARGE_1000,
        CARRY | TOO_LARGE | TOO_LARGE_1000, CARRY | TOO_LARGE | TOO_LARGE_1000, CARRY | TOO_LARGE | TOO_LARGE_1000,
        CARRY | TOO_LARGE | TOO_LARGE_1000, CARRY | TOO_LARGE | TOO_LARGE_1000, CARRY | TOO_LARGE | TOO_LARGE_1000,
        CARRY | TOO_LARGE | TOO_LARGE_1000 | SURROGATE, CARRY | TOO_LARGE | TOO_LARGE_1000,
        CARRY | TOO_LARGE | TOO_LARGE_1000};
    static const uint8_t second_high[16] = {
        TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT,
        TOO_LONG | OVERLONG_2 | TWO_CONTS | OVERLONG_3 | TOO_LARGE_1000 | OVERLONG_4,
        TOO_LONG | OVERLONG_2 | TWO_CONTS | OVERLONG_3 | TOO_LARGE,
        TOO_LONG | OVERLONG_2 | TWO_CONTS | SURROGATE | TOO_LARGE,
        TOO_LONG | OVERLONG_2 | TWO_CONTS | SURROGATE | TOO_LARGE,
        TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT};
    const __m128i by_first_high = _mm_loadu_si128((const __m128i *)first_high);
    const __m128i by_first_low = _mm_loadu_si128((const __m128i *)first_low);
    const __m128i by_second_high = _mm_loadu_si128((const __m128i *)second_high);
    __m128i before = _mm_alignr_epi8(input, previous, 15);
    __m128i pair = _mm_and_si128(_mm_and_si128(_mm_shuffle_epi8(by_first_high, high_nibbles(before)),
                                               _mm_shuffle_epi8(by_first_low, _mm_and_si128(before, _mm_set1_epi8(0x0F)))),
                                 _mm_shuffle_epi8(by_second_high, high_nibbles(input)));
    // A byte two after E0..FF, or three after F0..FF, must be a continuation (and is two in a row):
    // its bit 7 of `must` is set, which the pair's TWO_CONTS must match.
    __m128i third = _mm_subs_epu8(_mm_alignr_epi8(input, previous, 14), _mm_set1_epi8((char)(0xE0 - 0x80)));
    __m128i fourth = _mm_subs_epu8(_mm_alignr_epi8(input, previous, 13), _mm_set1_epi8((char)(0xF0 - 0x80)));
    __m128i must = _mm_and_si128(_mm_or_si128(third, fourth), _mm_set1_epi8((char)0x80));
    return _mm_xor_si128(must, pair);
}

// Non-zero where the block's last bytes start a sequence it does not finish.
__attribute__((target("ssse3"))) static inline __m128i unfinished(__m128i input) {
    static const uint8_t last_bytes[16] = {255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255,
                                           0xF0 - 1, 0xE0 - 1, 0xC0 - 1};
    const __m128i limits = _mm_loadu_si128((const __m128i *)last_bytes);
    return _mm_subs_epu8(input, limits);
}

__attribute__((target("ssse3"))) static int utf8_valid_blocks(const uint8_t *bytes, size_t n) {
    __m128i errors = _mm_setzero_si128(), previous = _mm_setzero_si128(), open = _mm_setzero_si128();
    size_t i = 0;
    for (;; i += 16) {
        __m128i input;
        if (i + 16 <= n) {
            input = _mm_loadu_si128((const __m128i *)(bytes + i));
        } else if (i < n) {
            // The last bytes, followed by zeros (ASCII): a sequence they leave open is then too short.
            uint8_t last[16] = {0};
            memcpy(last, bytes + i, n - i);
            input = _mm_loadu_si128((const __m128i *)last);
        } else {
            break;
        }
        if (_mm_movemask_epi8(input) == 0) {
            errors = _mm_or_si128(errors, open);   // ASCII: nothing may be left open before it
            open = _mm_setzero_si128();
        } else {
            errors = _mm_or_si128(errors, block_errors(input, previous));
            open = unfinished(input);
        }
        previous = input;
    }
    errors = _mm_or_si128(errors, open);
    return _mm_movemask_epi8(_mm_cmpeq_epi8(errors, _mm_setzero_si128())) == 0xFFFF;
}

static int blocks_available(void) {
    static _Atomic int known = -1;   // the answer, once asked (the same on every thread)
    int answer = known;
    if (answer < 0) {
        __builtin_cpu_init();
        answer = __builtin_cpu_supports("ssse3") ? 1 : 0;
        known = answer;
    }
    return answer;
}
#endif

int ps_utf8_valid(const uint8_t *bytes, size_t n) {
#if PS_UTF8_BLOCKS
    if (n >= 32 && blocks_available()) return utf8_valid_blocks(bytes, n);
#endif
    return ps_utf8_valid_scalar(bytes, n);
}

int ps_utf8_valid_by_blocks(const uint8_t *bytes, size_t n) {
#if PS_UTF8_BLOCKS
    if (blocks_available()) return utf8_valid_blocks(bytes, n);
#endif
    return ps_utf8_valid_scalar(bytes, n);
}
