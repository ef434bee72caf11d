// Finds bzip2's block markers in a file and cuts a block out as a stream of its own (see Bzip2Blocks.h).
#include "Bzip2Blocks.h"
#include <pthread.h>
#include <string.h>

#define BLOCK_MARKER 0x314159265359ull       // the digits of pi, as bzip2 writes them
#define STREAM_END_MARKER 0x177245385090ull  // those of the square root of pi
#define MARKER_MASK 0xFFFFFFFFFFFFull

// The 64 bits from byte `i` on, big-endian (bits past the end read as zero).
static inline uint64_t window(const uint8_t *data, size_t length, size_t i) {
    uint64_t w = 0;
    for (size_t k = 0; k < 8; k++) w = w << 8 | (i + k < length ? data[i + k] : 0);
    return w;
}

// Whether a byte value is the second byte of a marker starting at some bit of the byte before:
// a marker spans that byte whole, whatever its shift, so one table lookup rules out most places.
static uint8_t second_bytes[256];
static pthread_once_t second_bytes_once = PTHREAD_ONCE_INIT;

static void make_second_bytes(void) {
    const uint64_t markers[] = { BLOCK_MARKER, STREAM_END_MARKER };
    for (int m = 0; m < 2; m++) {
        for (int shift = 0; shift < 8; shift++) {
            // Starting `shift` bits into a byte, the next byte holds the marker's bits 8 - shift to 15 - shift.
            second_bytes[(markers[m] >> (48 - 16 + shift)) & 0xFF] = 1;
        }
    }
}

int64_t pb_next_marker(const uint8_t *data, size_t length, uint64_t from, int *kind) {
    pthread_once(&second_bytes_once, make_second_bytes);
    for (size_t i = from / 8; i + 6 < length + 1; i++) {
        if (i + 1 >= length || !second_bytes[data[i + 1]]) continue;
        uint64_t w = window(data, length, i);
        for (int shift = 0; shift < 8; shift++) {
            uint64_t at = (uint64_t)i * 8 + (uint64_t)shift;
            if (at < from || at + 48 > (uint64_t)length * 8) continue;
            uint64_t bits = (w >> (16 - shift)) & MARKER_MASK;
            if (bits == BLOCK_MARKER || bits == STREAM_END_MARKER) {
                *kind = bits == BLOCK_MARKER ? PB_BLOCK : PB_STREAM_END;
                return (int64_t)at;
            }
        }
    }
    return -1;
}

uint32_t pb_bits32(const uint8_t *data, size_t length, uint64_t at) {
    size_t i = at / 8;
    unsigned shift = at % 8;
    uint64_t w = 0;
    for (size_t k = 0; k < 5; k++) w = w << 8 | (i + k < length ? data[i + k] : 0);
    return (uint32_t)(w >> (8 - shift));
}

// Appends bits to a byte buffer, highest first.
typedef struct {
    uint8_t *out;
    size_t bytes;       // whole bytes written
    uint32_t pending;   // bits not yet a whole byte, in the low `count` bits
    unsigned count;
} bit_writer;

static inline void put_bits(bit_writer *w, uint32_t value, unsigned n) {   // n <= 24
    w->pending = w->pending << n | (value & ((1u << n) - 1));
    w->count += n;
    while (w->count >= 8) {
        w->count -= 8;
        w->out[w->bytes++] = (uint8_t)(w->pending >> w->count);
    }
}

size_t pb_block_stream(const uint8_t *data, size_t length, uint64_t from, uint64_t to, char level, uint8_t *out) {
    bit_writer w = { out, 0, 0, 0 };
    put_bits(&w, 'B', 8); put_bits(&w, 'Z', 8); put_bits(&w, 'h', 8); put_bits(&w, (uint8_t)level, 8);
    // The block's bits, realigned to the byte: whole bytes at a time, then the last few bits.
    unsigned shift = from % 8;
    size_t first = from / 8;
    uint64_t total = to - from, whole = total / 8;
    uint8_t *o = out + w.bytes;
    if (shift == 0) {
        memcpy(o, data + first, whole);
    } else {
        for (uint64_t k = 0; k < whole; k++) o[k] = (uint8_t)(data[first + k] << shift | data[first + k + 1] >> (8 - shift));
    }
    w.bytes += whole;
    unsigned rest = total % 8;
    if (rest > 0) {
        uint64_t at = from + whole * 8;
        unsigned bits = (unsigned)((uint32_t)(data[at / 8] << 8 | (at % 8 + rest > 8 ? data[at / 8 + 1] : 0)) >> (16 - at % 8 - rest));
        put_bits(&w, bits, rest);
    }
    uint32_t crc = pb_bits32(data, length, from + 48);
    put_bits(&w, (uint32_t)(STREAM_END_MARKER >> 24), 24);
    put_bits(&w, (uint32_t)STREAM_END_MARKER, 24);
    put_bits(&w, crc >> 16, 16);
    put_bits(&w, crc, 16);
    if (w.count > 0) put_bits(&w, 0, 8 - w.count);
    return w.bytes;
}
