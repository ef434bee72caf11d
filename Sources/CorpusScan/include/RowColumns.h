// The per-row columns of statements while a loader thread reads them, built in C: a dozen interned
// strings, the ids and texts, the topics and mentions, and where each row starts. A statement the
// scanner found is appended without a Swift call per field; the Swift readers append theirs through
// the same function. Once read, Swift takes the memory over as its own columns (`RowColumns.swift`).
#ifndef PARLEY_ROW_COLUMNS_H
#define PARLEY_ROW_COLUMNS_H

#include <stddef.h>
#include <stdint.h>

// Growable memory from malloc/realloc, so that Swift's columns can adopt it and free it.
typedef struct {
    void *data;
    size_t count, capacity;     // in elements
} pr_vec;

// Distinct strings and their codes, laid out as `ByteInterner` lays them out: value `i`'s bytes are
// pool[ends[i - 1]..<ends[i]]; `slots` (a power of two of them) hold hash << 32 | code + 1, 0 when empty.
typedef struct {
    pr_vec pool;                // uint8_t
    pr_vec ends;                // int64_t
    pr_vec hashes;              // uint32_t
    uint64_t *slots;
    size_t slot_count;
} pr_interner;

// An interned column: the values and one code per row (-1: none). While every row has the same
// code, no codes are stored (`codes.data` is NULL and `constant` is that code).
typedef struct {
    pr_interner values;
    pr_vec codes;               // int32_t
    int32_t constant;
} pr_interned;

// Strings stored end to end: row `i` is bytes[starts[i]..<starts[i + 1]] (starts has rows + 1 entries).
typedef struct {
    pr_vec bytes;               // uint8_t
    pr_vec starts;              // int64_t
} pr_text;

// Lists of interned strings: row `i` holds items[starts[i]..<starts[i + 1]]. While no row has an
// item (a corpus without mentions), no starts are stored (`starts.data` is NULL).
typedef struct {
    pr_interner pool;
    pr_vec items;               // int32_t
    pr_vec starts;              // int32_t
} pr_list;

// A field the format does not define whose values are strings, kept as `ExtraField` keeps one: a
// code per row with a value, and which rows those are (`rows.data` is NULL while they are every
// row from the first). A column `retired` takes no more values: Swift has taken over its field.
typedef struct {
    pr_vec name;                // uint8_t
    pr_interner values;
    pr_vec codes;               // int32_t, one per value
    pr_vec rows;                // int32_t
    int retired;
} pr_extra;

// At most this many such fields are kept in C (past them, Swift keeps the others), and at most
// this many are in a row (`PS_MAX_EXTRAS`).
#define PR_MAX_EXTRA_COLUMNS 16
#define PR_MAX_ROW_EXTRAS 16

// The string fields kept as interned columns, indexed as `PS_*` (PS_ID and PS_TEXT are text columns).
#define PR_FIELD_COUNT 13

typedef struct {
    uint64_t seed;
    size_t rows;
    pr_interned fields[PR_FIELD_COUNT];
    pr_text ids, texts;
    pr_vec has_id;              // uint8_t; NULL data while every row is `has_id_constant`
    uint8_t has_id_constant;
    pr_vec locations;           // uint64_t
    // The time of each row's date-time, packed (`ps_pack_time`; -1: none), its day being the row's
    // date code; NULL data while no row has one.
    pr_vec times;               // int64_t
    pr_list topics, mentions;
    pr_extra extras[PR_MAX_EXTRA_COLUMNS];
    int32_t extra_count;        // columns made in `extras`
    int32_t extra_hint[PR_MAX_ROW_EXTRAS];  // the column the i-th extra field of the last row went to
    int32_t direct;             // the code of "direct" among the kinds (a row without a kind), -1 until used
    int failed;                 // out of memory: nothing more is appended
} pr_columns;

// One statement to append: each field's bytes (length -1: absent), and its lists.
typedef struct {
    const uint8_t *bytes[PR_FIELD_COUNT];
    int32_t length[PR_FIELD_COUNT];
    int32_t topic_count, mention_count;
    const uint8_t *const *topic_bytes;
    const int32_t *topic_lengths;
    const uint8_t *const *mention_bytes;
    const int32_t *mention_lengths;
    uint64_t location;
    // Extra fields with string values: those C keeps are appended, the others flagged in `*left`
    // (bit i for the i-th), for the caller to keep.
    int32_t extra_count;
    const uint8_t *const *extra_key_bytes;
    const int32_t *extra_key_lengths;
    const uint8_t *const *extra_bytes;
    const int32_t *extra_lengths;
    uint32_t *left;
} pr_row;

enum { PR_APPENDED = 0, PR_NEW_DATE = 1, PR_FAILED = 2 };

// Starts empty columns; `seed` is the hash seed of Swift's `ByteInterner`.
void pr_init(pr_columns *c, uint64_t seed);

// Room for `rows` more rows and `text_bytes` more bytes of text: reserved memory costs nothing
// until written, and the columns then grow in place.
void pr_reserve(pr_columns *c, size_t rows, size_t text_bytes);

// Appends a row. PR_NEW_DATE, with nothing appended, when its date is not among the dates accepted
// so far: the caller checks it, accepts it with `pr_accept_date` and appends the row again (or
// leaves the row to the reader that reports it). PR_FAILED when out of memory.
int pr_append(pr_columns *c, const pr_row *row);

// Adds a date (checked by the caller) to the dates; returns its code, or -1 when out of memory. Of a
// date-time whose time packs, the day is added (`ps_date_key`): the caller checks that day.
int32_t pr_accept_date(pr_columns *c, const uint8_t *bytes, size_t length);

// The column of string field `field` (`PS_*`), for Swift, which imports the array as a tuple.
static inline pr_interned *pr_field(pr_columns *c, int field) { return &c->fields[field]; }

// The column of extra field `name`, or -1 if C keeps none.
int32_t pr_extra_column(const pr_columns *c, const uint8_t *name, size_t length);

// Stops a column from taking values (Swift, having taken what it holds, keeps the field from now on).
void pr_retire_extra(pr_columns *c, int32_t column);

static inline pr_extra *pr_extra_at(pr_columns *c, int32_t column) { return &c->extras[column]; }

// Frees what Swift has not taken (a taken vec has NULL data).
void pr_free(pr_columns *c);

// Frees a table once Swift has copied it.
void pr_free_interner(pr_interner *t);

#endif
