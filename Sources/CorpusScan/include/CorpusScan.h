// The hot loops of corpus loading, in C: finding the fields of a plainly written JSON Lines statement
// or document, and hashing and looking up interned values. No corpus knowledge beyond the field
// names, no Lua.
#ifndef PARLEY_CORPUS_SCAN_H
#define PARLEY_CORPUS_SCAN_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

// The string fields of a statement, in the order of `FastStatementReader.Key`.
enum {
    PS_ID, PS_DOC, PS_SPEAKER, PS_TEXT, PS_ROLE, PS_AFFILIATION, PS_KIND, PS_CUE, PS_DATE, PS_DATE_TEXT,
    PS_CHANNEL, PS_PLACE, PS_STATUS, PS_FIELD_COUNT
};

// At most this many topics or mentions; a longer list is left to the Swift reader.
#define PS_MAX_LIST 32

// At most this many fields the format does not define, with string values (the Swift reader's limit too).
#define PS_MAX_EXTRAS 16

// At most this many figures; more are left to the Swift reader.
#define PS_MAX_FIGURES 8

// The string fields of a figure (its value is a number).
enum { PS_FIGURE_UNIT, PS_FIGURE_WHAT, PS_FIGURE_STANCE, PS_FIGURE_BY, PS_FIGURE_FIELD_COUNT };

typedef struct {
    double value;
    int32_t start[PS_FIGURE_FIELD_COUNT];
    int32_t length[PS_FIGURE_FIELD_COUNT];
} ps_figure;

// Room for the strings with escapes, written out (a line needing more is left to the Swift reader).
#define PS_DECODED_CAPACITY 65536

// Byte ranges from the start of the line, or, for a string that had escapes, from the start of
// `decoded` where it was written out: then `start` is -1 - its offset there. `length` is -1 for a field the line does not have.
typedef struct {
    int32_t start[PS_FIELD_COUNT];
    int32_t length[PS_FIELD_COUNT];
    int32_t topic_count, mention_count;
    int32_t topic_start[PS_MAX_LIST], topic_length[PS_MAX_LIST];
    int32_t mention_start[PS_MAX_LIST], mention_length[PS_MAX_LIST];
    int32_t figure_count;
    ps_figure figures[PS_MAX_FIGURES];
    // The span [start, end] (start -1: none) and the confidence (NaN: none).
    int32_t span_start, span_end;
    double confidence;
    int32_t extra_count;
    int32_t extra_key_start[PS_MAX_EXTRAS], extra_key_length[PS_MAX_EXTRAS];
    int32_t extra_start[PS_MAX_EXTRAS], extra_length[PS_MAX_EXTRAS];
    // Fields the format does not define with a number, true, false or null: the value's text (from
    // the line's start). Strings and these together are at most PS_MAX_EXTRAS.
    int32_t other_count;
    int32_t other_key_start[PS_MAX_EXTRAS], other_key_length[PS_MAX_EXTRAS];
    int32_t other_start[PS_MAX_EXTRAS], other_length[PS_MAX_EXTRAS];
    int32_t decoded_length;
    uint8_t decoded[PS_DECODED_CAPACITY];
} ps_statement;

// Fills `out` from a statement line with only these fields and others valued by a string, a number,
// a boolean or null, "type":
// "statement", string values (valid UTF-8, no raw control bytes; escapes are written out into
// `decoded`, keys must have none) and lists of such
// strings for topics and mentions, figures with a number (no exponent) and string fields (a stance
// one of the format's); a field of the format set to null is absent, as the full reader has it
// (but for type, speaker and text, which it reports); a span of two whole numbers 0 ≤ start ≤
// end < 2^31 and a confidence from 0 to 1 (no exponent). Returns 1 if it did; 0 for anything else
// (relations other than null, bad escapes, an extra field set to a list or an object,
// repeated keys, a record of another type), which the Swift readers then read, so that what this
// accepts is always read the same way.
int ps_scan_statement(const uint8_t *line, size_t length, ps_statement *out);

// `ps_scan_statement` for the line that starts at `from`, whose end is not known yet (it saves a
// pass over the bytes to find it): the statement must be followed by spaces or tabs, an optional
// carriage return, and a newline or the end of the `available` bytes. On success `*consumed` is
// the length of the line with its newline.
int ps_scan_statement_line(const uint8_t *from, size_t available, ps_statement *out, size_t *consumed);

// The fields of a document, in the order of `DocumentColumns`' text fields.
enum { PD_ID, PD_TITLE, PD_SOURCE, PD_URL, PD_PUBLISHED, PD_LANGUAGE, PD_PLACE, PD_TEXT, PD_FIELD_COUNT };

typedef struct {
    int32_t start[PD_FIELD_COUNT];
    int32_t length[PD_FIELD_COUNT];
    int32_t author_count;
    int32_t author_start[PS_MAX_LIST], author_length[PS_MAX_LIST];
    // Fields the format does not define, in the order written: a string's range (as the fields'),
    // or the text of a number, true, false or null (from the line's start).
    int32_t extra_count;
    int32_t extra_key_start[PS_MAX_EXTRAS], extra_key_length[PS_MAX_EXTRAS];
    int32_t extra_start[PS_MAX_EXTRAS], extra_length[PS_MAX_EXTRAS];
    uint8_t extra_is_string[PS_MAX_EXTRAS];
    int32_t decoded_length;
    uint8_t decoded[PS_DECODED_CAPACITY];
} ps_document;

// Fills `out` from a document line with the format's fields ("type": "document", a non-empty id,
// string fields and a list of authors; a field other than type and id may be null) and others
// valued by a string, a number, a boolean or null, as `ps_scan_statement` does for statements; the date
// is checked by the caller. Returns 0 for anything else.
int ps_scan_document(const uint8_t *line, size_t length, ps_document *out);

// `ps_scan_statement` and `ps_scan_document` for an element of a list in a .json corpus, starting
// at `from` (after spaces): the object may leave out "type" (it is known from the list; a document
// must say it when `typed`, in a list of records of any kind), and the scan ends right after its
// closing brace, `*consumed` bytes on.
int ps_scan_statement_element(const uint8_t *from, size_t available, ps_statement *out, size_t *consumed);
int ps_scan_document_element(const uint8_t *from, size_t available, ps_document *out, size_t *consumed, int typed);

// Accessors for Swift, which imports C arrays as tuples.
static inline int32_t ps_field_start(const ps_statement *s, int field) { return s->start[field]; }
static inline int32_t ps_field_length(const ps_statement *s, int field) { return s->length[field]; }
static inline int32_t ps_extra_key_start(const ps_statement *s, int i) { return s->extra_key_start[i]; }
static inline int32_t ps_extra_key_length(const ps_statement *s, int i) { return s->extra_key_length[i]; }
static inline int32_t ps_extra_start(const ps_statement *s, int i) { return s->extra_start[i]; }
static inline int32_t ps_extra_length(const ps_statement *s, int i) { return s->extra_length[i]; }
// Read through the pointer: Swift may copy the whole struct (with its 64 KB buffer) to read a
// field of `pointee`, as it did for these (2% of a load in memmove).
static inline int ps_has_sparse_fields(const ps_statement *s) { return s->figure_count > 0 || s->span_start >= 0 || s->confidence == s->confidence; }
static inline int32_t ps_span_start(const ps_statement *s) { return s->span_start; }
static inline int32_t ps_span_end(const ps_statement *s) { return s->span_end; }
static inline double ps_confidence(const ps_statement *s) { return s->confidence; }
static inline int32_t ps_extra_count(const ps_statement *s) { return s->extra_count; }
static inline int32_t ps_figure_count(const ps_statement *s) { return s->figure_count; }
static inline int32_t ps_decoded_length(const ps_statement *s) { return s->decoded_length; }
static inline int32_t pd_decoded_length(const ps_document *d) { return d->decoded_length; }
static inline int32_t pd_author_count(const ps_document *d) { return d->author_count; }
static inline int32_t pd_extra_count(const ps_document *d) { return d->extra_count; }
static inline int32_t ps_other_count(const ps_statement *s) { return s->other_count; }
static inline int32_t ps_other_key_start(const ps_statement *s, int i) { return s->other_key_start[i]; }
static inline int32_t ps_other_key_length(const ps_statement *s, int i) { return s->other_key_length[i]; }
static inline int32_t ps_other_start(const ps_statement *s, int i) { return s->other_start[i]; }
static inline int32_t ps_other_length(const ps_statement *s, int i) { return s->other_length[i]; }
static inline const uint8_t *ps_decoded(const ps_statement *s) { return s->decoded; }
static inline int32_t pd_field_start(const ps_document *d, int field) { return d->start[field]; }
static inline int32_t pd_field_length(const ps_document *d, int field) { return d->length[field]; }
static inline int32_t pd_author_start(const ps_document *d, int i) { return d->author_start[i]; }
static inline int32_t pd_author_length(const ps_document *d, int i) { return d->author_length[i]; }
static inline const uint8_t *pd_decoded(const ps_document *d) { return d->decoded; }
static inline int32_t pd_extra_key_start(const ps_document *d, int i) { return d->extra_key_start[i]; }
static inline int32_t pd_extra_key_length(const ps_document *d, int i) { return d->extra_key_length[i]; }
static inline int32_t pd_extra_start(const ps_document *d, int i) { return d->extra_start[i]; }
static inline int32_t pd_extra_length(const ps_document *d, int i) { return d->extra_length[i]; }
static inline int pd_extra_is_string(const ps_document *d, int i) { return d->extra_is_string[i]; }
static inline const ps_figure *ps_figure_at(const ps_statement *s, int i) { return &s->figures[i]; }
static inline int32_t ps_figure_field_start(const ps_figure *f, int field) { return f->start[field]; }
static inline int32_t ps_figure_field_length(const ps_figure *f, int field) { return f->length[field]; }

#include "RowColumns.h"
#include "Bzip2Blocks.h"

// Appends a statement `ps_scan_statement` found in `line` (its strings with escapes in its
// `decoded`), as `pr_append` does; its extra string fields that C does not keep are flagged in `*left`.
int pr_append_scanned(pr_columns *c, const ps_statement *statement, const uint8_t *line, uint64_t location, uint32_t *left);

// The length of the list or object at `from` (up to its closing bracket, counted outside strings,
// 64 deep at most), or 0 if it does not end within `available` bytes (or, with `within_line`,
// before a line break). Whether it is valid JSON is not checked: it only finds where it ends.
size_t ps_balanced_length(const uint8_t *from, size_t available, int within_line);

// The JSON list at `from` (`length` bytes, nothing after it but spaces) written into `out` (room for
// `length` bytes) as `JSONValue.appendJSON` writes it: no spaces, strings and whole numbers as they
// are. Returns the length written, or 0 for a list this does not copy as is (an object in it, a
// string with an escape, a number with a fraction or an exponent, anything not valid), which the
// Swift parser then reads.
size_t ps_canonical_list(const uint8_t *from, size_t length, uint8_t *out);

// Whether `bytes` is UTF-8 as RFC 3629 defines it (no overlong forms, surrogates, or values past U+10FFFF).
int ps_utf8_valid(const uint8_t *bytes, size_t length);
// The same answer, one way each, for the tests to compare: a character at a time, and sixteen bytes
// at a time where the processor can (else a character at a time too).
int ps_utf8_valid_scalar(const uint8_t *bytes, size_t length);
int ps_utf8_valid_by_blocks(const uint8_t *bytes, size_t length);

// A date-time's time (what follows "YYYY-MM-DD" and its `T` or space: "14:30:05.25+05:00"), packed
// into 64 bits as written (`date_time.c`): -1 if it is not a time `CorpusDate` accepts, or one with
// more than six digits of fraction. `space`: the date and the time were parted by a space.
int64_t ps_pack_time(const uint8_t *time, size_t length, int space);

// Writes a packed time back as it was written, with its `T` or space first; returns the length.
#define PS_TIME_TEXT_CAPACITY 32
size_t ps_format_time(int64_t packed, uint8_t out[PS_TIME_TEXT_CAPACITY]);

// How much of a date is interned as its value: the day alone ("YYYY-MM-DD", 10) when the rest is a
// time `ps_pack_time` packs, with that time in `*time`; otherwise the whole date, and -1 in `*time`.
size_t ps_date_key(const uint8_t *bytes, size_t length, int64_t *time);

// CSV: where an unquoted field that starts at `p` ends (the first delimiter, LF or CR; `n` if none).
size_t ps_csv_field_end(const uint8_t *p, size_t n, uint8_t delimiter);

// CSV: how many quotes at offsets `from` to `to` of the `size` bytes at `base` stand next to a
// delimiter, a line break, another quote or an end (all of valid CSV's; not a stray `5" screen`).
size_t ps_count_csv_quotes(const uint8_t *base, size_t from, size_t to, size_t size, uint8_t delimiter);

// CSV: the first line start at or after `from` outside quotes, when `quoted` says whether `from` is
// inside them (quotes counted as `ps_count_csv_quotes` counts them); `size` if there is none.
size_t ps_csv_line_start(const uint8_t *base, size_t from, size_t size, int quoted, uint8_t delimiter);

// Hashing and lookup for the interned columns (`ByteInterner`): a dozen lookups per statement read,
// so they are defined here, inline, for the Swift caller to inline them.
static inline uint64_t ps_load64(const uint8_t *p) { uint64_t w; memcpy(&w, p, 8); return w; }
static inline uint32_t ps_load32(const uint8_t *p) { uint32_t w; memcpy(&w, p, 4); return w; }

// A seeded multiply-and-mix hash of `bytes`, eight bytes at a time.
static inline uint32_t ps_hash(const uint8_t *bytes, size_t n, uint64_t seed) {
    uint64_t h = seed ^ (uint64_t)n;
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        h = (h ^ ps_load64(bytes + i)) * 0x9E3779B97F4A7C15ull;
        h ^= h >> 29;
    }
    if (i < n) {
        // The last bytes without a byte loop: overlapping loads that stay inside the buffer.
        uint64_t tail;
        if (n >= 8) tail = ps_load64(bytes + n - 8);
        else if (n >= 4) tail = (uint64_t)ps_load32(bytes) | (uint64_t)ps_load32(bytes + n - 4) << 32;
        else tail = (uint64_t)bytes[0] | (uint64_t)bytes[n / 2] << 8 | (uint64_t)bytes[n - 1] << 16;
        h = (h ^ tail) * 0xBF58476D1CE4E5B9ull;
        h ^= h >> 31;
    }
    h *= 0x94D049BB133111EBull;
    return (uint32_t)(h >> 32);
}

// Whether two byte strings of length n are equal: short ones (most interned values are names and
// dates) with a few word loads that stay inside both, instead of a call to memcmp.
static inline int ps_same_bytes(const uint8_t *a, const uint8_t *b, size_t n) {
    if (n >= 8) {
        if (n <= 16) return ps_load64(a) == ps_load64(b) && ps_load64(a + n - 8) == ps_load64(b + n - 8);
        return memcmp(a, b, n) == 0;
    }
    if (n >= 4) return ps_load32(a) == ps_load32(b) && ps_load32(a + n - 4) == ps_load32(b + n - 4);
    for (size_t i = 0; i < n; i++) {
        if (a[i] != b[i]) return 0;
    }
    return 1;
}

// Looks `bytes` (with hash `hash`) up in an open-addressing table: `slots` (a power of two of them)
// hold hash << 32 | code + 1, or 0 when empty; value `code`'s bytes are pool[ends[code - 1]..<ends[code]].
// Returns the code, or -1 if the value is not in the table.
static inline int32_t ps_lookup(const uint64_t *slots, size_t slot_count, const uint8_t *pool, const int64_t *ends,
                                uint32_t hash, const uint8_t *bytes, size_t length) {
    if (slot_count == 0) return -1;
    size_t mask = slot_count - 1, i = hash & mask;
    for (;;) {
        uint64_t slot = slots[i];
        if (slot == 0) return -1;
        if ((uint32_t)(slot >> 32) == hash) {
            int64_t code = (int64_t)(uint32_t)slot - 1;
            int64_t start = code == 0 ? 0 : ends[code - 1];
            if ((size_t)(ends[code] - start) == length && ps_same_bytes(pool + start, bytes, length))
                return (int32_t)code;
        }
        i = (i + 1) & mask;
    }
}

#endif
