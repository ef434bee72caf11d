// The blocks of a bzip2 file, for decompressing them on several cores (as lbzip2 does): a block
// starts with a 48-bit marker at any bit position, and a stream ends with another, followed by the
// stream's checksum. Each block is decompressed alone by handing libbz2 a stream of that one block
// (`pb_block_stream`). Pure bit handling: the decompression itself is libbz2's, called from Swift.
#ifndef PARLEY_BZIP2_BLOCKS_H
#define PARLEY_BZIP2_BLOCKS_H

#include <stddef.h>
#include <stdint.h>

enum { PB_BLOCK = 1, PB_STREAM_END = 2 };

// The first block or end-of-stream marker that starts at bit `from` or later and ends within the
// `length` bytes of `data`: its bit offset (bits counted from the first byte's highest), with its
// kind in `*kind`; -1 if there is none.
int64_t pb_next_marker(const uint8_t *data, size_t length, uint64_t from, int *kind);

// The 32 bits at bit `at` (a block's checksum follows its marker; a stream's, its end marker);
// bits past the `length` bytes of `data` read as zero.
uint32_t pb_bits32(const uint8_t *data, size_t length, uint64_t at);

// Writes into `out` a bzip2 stream of level `level` ('1'–'9') holding only the block at bits
// [from, to) of `data` (`to` the start of the marker that follows it, so that 48 bits follow),
// with the stream checksum that one block has (its own). Returns the length written; `out` needs
// room for (to - from) / 8 + 16 bytes.
size_t pb_block_stream(const uint8_t *data, size_t length, uint64_t from, uint64_t to, char level, uint8_t *out);

#endif
