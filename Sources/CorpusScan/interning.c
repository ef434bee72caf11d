// Hashing and lookup for the interned columns (`ByteInterner`): a dozen lookups per statement read.
#include "CorpusScan.h"
#include <string.h>

static inline uint64_t load64(const uint8_t *p) { uint64_t w; memcpy(&w, p, 8); return w; }
static inline uint32_t load32(const uint8_t *p) { uint32_t w; memcpy(&w, p, 4); return w; }

uint32_t ps_hash(const uint8_t *bytes, size_t n, uint64_t seed) {
    uint64_t h = seed ^ (uint64_t)n;
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        h = (h ^ load64(bytes + i)) * 0x9E3779B97F4A7C15ull;
        h ^= h >> 29;
    }
    if (i < n) {
        // The last bytes without a byte loop: overlapping loads that stay inside the buffer.
        uint64_t tail;
        if (n >= 8) tail = load64(bytes + n - 8);
        else if (n >= 4) tail = (uint64_t)load32(bytes) | (uint64_t)load32(bytes + n - 4) << 32;
        else tail = (uint64_t)bytes[0] | (uint64_t)bytes[n / 2] << 8 | (uint64_t)bytes[n - 1] << 16;
        h = (h ^ tail) * 0xBF58476D1CE4E5B9ull;
        h ^= h >> 31;
    }
    h *= 0x94D049BB133111EBull;
    return (uint32_t)(h >> 32);
}

// Whether two byte strings of length n are equal: short ones (most interned values are names and
// dates) with a few word loads that stay inside both, instead of a call to memcmp.
static inline int same_bytes(const uint8_t *a, const uint8_t *b, size_t n) {
    if (n >= 8) {
        if (n <= 16) return load64(a) == load64(b) && load64(a + n - 8) == load64(b + n - 8);
        return memcmp(a, b, n) == 0;
    }
    if (n >= 4) return load32(a) == load32(b) && load32(a + n - 4) == load32(b + n - 4);
    for (size_t i = 0; i < n; i++) {
        if (a[i] != b[i]) return 0;
    }
    return 1;
}

int32_t ps_lookup(const uint64_t *slots, size_t slot_count, const uint8_t *pool, const int64_t *ends,
                  uint32_t hash, const uint8_t *bytes, size_t length) {
    if (slot_count == 0) return -1;
    size_t mask = slot_count - 1, i = hash & mask;
    for (;;) {
        uint64_t slot = slots[i];
        if (slot == 0) return -1;
        if ((uint32_t)(slot >> 32) == hash) {
            int64_t code = (int64_t)(uint32_t)slot - 1;
            int64_t start = code == 0 ? 0 : ends[code - 1];
            if ((size_t)(ends[code] - start) == length && same_bytes(pool + start, bytes, length))
                return (int32_t)code;
        }
        i = (i + 1) & mask;
    }
}
