// Builds the per-row columns of statements (see RowColumns.h): growable arrays, and interning
// tables laid out as Swift's `ByteInterner` lays them out, so that Swift takes them over as they are.
#include "CorpusScan.h"
#include <stdlib.h>
#include <string.h>

#define INLINE static inline __attribute__((always_inline))

_Static_assert(PR_FIELD_COUNT == PS_FIELD_COUNT, "the row columns take the scanned fields by index");
_Static_assert(PR_MAX_ROW_EXTRAS == PS_MAX_EXTRAS, "a row's extra fields are those the scanner finds");

// Room for `needed` elements of `size` bytes, doubling; 0 when out of memory.
static int vec_grow(pr_vec *v, size_t size, size_t needed) {
    size_t capacity = v->capacity * 2;
    if (capacity < needed) capacity = needed;
    if (capacity < 16) capacity = 16;
    void *grown = realloc(v->data, capacity * size);
    if (grown == NULL) return 0;
    v->data = grown;
    v->capacity = capacity;
    return 1;
}

INLINE int vec_room(pr_vec *v, size_t size, size_t more) {
    return v->count + more <= v->capacity || vec_grow(v, size, v->count + more);
}

#define PUSH(v, type, value) (vec_room((v), sizeof(type), 1) ? (((type *)(v)->data)[(v)->count++] = (value), 1) : 0)

INLINE int push_bytes(pr_vec *v, const uint8_t *bytes, size_t n) {
    if (!vec_room(v, 1, n)) return 0;
    if (n > 0) memcpy((uint8_t *)v->data + v->count, bytes, n);
    v->count += n;
    return 1;
}

// --- Interning ---

// Places every value in a table twice as large (the policy of `ByteInterner`: at most half full).
static int rehash(pr_interner *t) {
    size_t count = t->slot_count ? t->slot_count * 2 : 16;
    uint64_t *slots = calloc(count, sizeof *slots);
    if (slots == NULL) return 0;
    const uint32_t *hashes = t->hashes.data;
    for (size_t code = 0; code < t->ends.count; code++) {
        size_t i = hashes[code] & (count - 1);
        while (slots[i] != 0) i = (i + 1) & (count - 1);
        slots[i] = (uint64_t)hashes[code] << 32 | (uint64_t)(code + 1);
    }
    free(t->slots);
    t->slots = slots;
    t->slot_count = count;
    return 1;
}

// The code of `bytes`, added if new; -2 when out of memory.
INLINE int32_t intern(pr_interner *t, uint64_t seed, const uint8_t *bytes, size_t n) {
    uint32_t hash = ps_hash(bytes, n, seed);
    int32_t code = ps_lookup(t->slots, t->slot_count, t->pool.data, t->ends.data, hash, bytes, n);
    if (code >= 0) return code;
    if (t->ends.count >= INT32_MAX) return -2;       // codes are 32-bit: as out of memory
    code = (int32_t)t->ends.count;
    if (!push_bytes(&t->pool, bytes, n) || !PUSH(&t->ends, int64_t, (int64_t)t->pool.count)
        || !PUSH(&t->hashes, uint32_t, hash)) return -2;
    if (t->ends.count * 2 > t->slot_count) return rehash(t) ? code : -2;
    size_t i = hash & (t->slot_count - 1);
    while (t->slots[i] != 0) i = (i + 1) & (t->slot_count - 1);
    t->slots[i] = (uint64_t)hash << 32 | (uint64_t)(code + 1);
    return code;
}

// Whether value `code` of a table is `bytes`.
INLINE int holds(const pr_interner *t, int32_t code, const uint8_t *bytes, size_t n) {
    const int64_t *ends = t->ends.data;
    int64_t start = code == 0 ? 0 : ends[code - 1];
    return (size_t)(ends[code] - start) == n && ps_same_bytes((const uint8_t *)t->pool.data + start, bytes, n);
}

// --- Columns ---

// The code of the previous row, or -1.
INLINE int32_t last_code(const pr_interned *column, size_t rows) {
    if (rows == 0) return -1;
    return column->codes.data == NULL ? column->constant : ((const int32_t *)column->codes.data)[rows - 1];
}

// Appends `code` to a column of `rows` rows so far: nothing is stored while every row has one code.
INLINE int push_code(pr_interned *column, size_t rows, int32_t code) {
    pr_vec *codes = &column->codes;
    if (codes->data == NULL) {
        if (rows == 0 || code == column->constant) {
            column->constant = code;
            return 1;
        }
        if (!vec_grow(codes, sizeof(int32_t), rows + 1)) return 0;
        int32_t *values = codes->data;
        for (size_t i = 0; i < rows; i++) values[i] = column->constant;
        codes->count = rows;
    }
    return PUSH(codes, int32_t, code);
}

// Appends a flag to a column of `rows` flags so far: nothing is stored while every row has the same.
INLINE int push_flag(pr_vec *flags, uint8_t *constant, size_t rows, uint8_t flag) {
    if (flags->data == NULL) {
        if (rows == 0 || flag == *constant) {
            *constant = flag;
            return 1;
        }
        if (!vec_grow(flags, 1, rows + 1)) return 0;
        memset(flags->data, *constant, rows);
        flags->count = rows;
    }
    return PUSH(flags, uint8_t, flag);
}

// Appends a row's time (-1: none) to the times of `rows` rows so far: nothing is stored until a row has one.
INLINE int push_time(pr_vec *times, size_t rows, int64_t time) {
    if (times->data == NULL) {
        if (time < 0) return 1;
        if (!vec_grow(times, sizeof(int64_t), rows + 1)) return 0;
        int64_t *values = times->data;
        for (size_t i = 0; i < rows; i++) values[i] = -1;
        times->count = rows;
    }
    return PUSH(times, int64_t, time);
}

INLINE int push_text(pr_text *text, const uint8_t *bytes, int32_t n) {
    if (n > 0 && !push_bytes(&text->bytes, bytes, (size_t)n)) return 0;
    return PUSH(&text->starts, int64_t, (int64_t)text->bytes.count);
}

// Appends a row to a list column of `rows` rows so far.
INLINE int push_list(pr_list *list, size_t rows, uint64_t seed, int32_t count, const uint8_t *const *bytes, const int32_t *lengths) {
    if (list->starts.data == NULL) {
        if (count == 0) return 1;                  // still no row with an item: all starts are 0
        if (!vec_grow(&list->starts, sizeof(int32_t), rows + 2)) return 0;
        memset(list->starts.data, 0, (rows + 1) * sizeof(int32_t));
        list->starts.count = rows + 1;
    }
    if (list->items.count + (size_t)count > INT32_MAX) return 0;   // starts are 32-bit
    for (int32_t i = 0; i < count; i++) {
        int32_t code = intern(&list->pool, seed, bytes[i], (size_t)lengths[i]);
        if (code < 0 || !PUSH(&list->items, int32_t, code)) return 0;
    }
    return PUSH(&list->starts, int32_t, (int32_t)list->items.count);
}

// --- Extra fields ---

int32_t pr_extra_column(const pr_columns *c, const uint8_t *name, size_t length) {
    for (int32_t k = 0; k < c->extra_count; k++) {
        const pr_vec *n = &c->extras[k].name;
        if (n->count == length && (length == 0 || memcmp(n->data, name, length) == 0)) return k;
    }
    return -1;
}

// The column of the row's `i`-th extra field (named `name`), made if new and there is room; -1
// when C keeps none for it. Rows tend to name their fields in the same order: the column the i-th
// went to last time is tried first.
INLINE int32_t extra_column_for(pr_columns *c, int i, const uint8_t *name, size_t length) {
    int32_t hint = c->extra_hint[i];
    if (hint < c->extra_count) {
        const pr_vec *n = &c->extras[hint].name;
        if (n->count == length && ps_same_bytes(n->data, name, length)) return hint;
    }
    int32_t k = pr_extra_column(c, name, length);
    if (k < 0) {
        if (c->extra_count == PR_MAX_EXTRA_COLUMNS) return -1;
        k = c->extra_count;
        if (!push_bytes(&c->extras[k].name, name, length)) return -2;
        c->extra_count++;
    }
    c->extra_hint[i] = k;
    return k;
}

// Gives row `row` the value `bytes` in an extra column; 0 when out of memory.
INLINE int push_extra(pr_extra *e, uint64_t seed, size_t row, const uint8_t *bytes, size_t n) {
    size_t values = e->codes.count;
    int32_t last = values > 0 ? ((const int32_t *)e->codes.data)[values - 1] : -1;
    int32_t code = last >= 0 && holds(&e->values, last, bytes, n) ? last : intern(&e->values, seed, bytes, n);
    if (code < 0) return 0;
    if (e->rows.data == NULL && row != values) {
        // A row without a value came before: from now on the rows are listed.
        if (!vec_grow(&e->rows, sizeof(int32_t), values + 1)) return 0;
        int32_t *listed = e->rows.data;
        for (size_t r = 0; r < values; r++) listed[r] = (int32_t)r;
        e->rows.count = values;
    }
    if (e->rows.data != NULL && !PUSH(&e->rows, int32_t, (int32_t)row)) return 0;
    return PUSH(&e->codes, int32_t, code);
}

// Appends the row's extra fields that C keeps, flagging the others in `*row->left`; 0 when out of memory.
INLINE int push_extras(pr_columns *c, size_t rows, const pr_row *row) {
    uint32_t left = 0;
    for (int32_t i = 0; i < row->extra_count; i++) {
        int32_t k = extra_column_for(c, i, row->extra_key_bytes[i], (size_t)row->extra_key_lengths[i]);
        if (k == -2) return 0;
        if (k < 0 || c->extras[k].retired) {
            left |= 1u << i;
            continue;
        }
        if (!push_extra(&c->extras[k], c->seed, rows, row->extra_bytes[i], (size_t)row->extra_lengths[i])) return 0;
    }
    if (row->left) *row->left = left;
    return 1;
}

static void free_vec(pr_vec *v);

void pr_retire_extra(pr_columns *c, int32_t column) {
    pr_extra *e = &c->extras[column];
    e->retired = 1;
    pr_free_interner(&e->values);
    free_vec(&e->codes);
    free_vec(&e->rows);
}

void pr_init(pr_columns *c, uint64_t seed) {
    memset(c, 0, sizeof *c);
    c->seed = seed;
    c->direct = -1;
    for (int f = 0; f < PR_FIELD_COUNT; f++) c->fields[f].constant = -1;
    // The first start of each text column.
    if (!PUSH(&c->ids.starts, int64_t, 0) || !PUSH(&c->texts.starts, int64_t, 0)) c->failed = 1;
}

void pr_reserve(pr_columns *c, size_t rows, size_t text_bytes) {
    if (c->failed) return;
    int ok = vec_room(&c->texts.starts, sizeof(int64_t), rows) && vec_room(&c->texts.bytes, 1, text_bytes)
        && vec_room(&c->ids.starts, sizeof(int64_t), rows) && vec_room(&c->ids.bytes, 1, rows * 12)
        && vec_room(&c->locations, sizeof(uint64_t), rows);
    if (!ok) c->failed = 1;
}

int32_t pr_accept_date(pr_columns *c, const uint8_t *bytes, size_t length) {
    int64_t time;
    int32_t code = intern(&c->fields[PS_DATE].values, c->seed, bytes, ps_date_key(bytes, length, &time));
    return code < 0 ? -1 : code;
}

int pr_append(pr_columns *c, const pr_row *row) {
    if (c->failed) return PR_FAILED;
    // The date first, so that nothing is appended for a row whose date is new.
    int32_t date = -1;
    int64_t time = -1;
    if (row->length[PS_DATE] >= 0) {
        pr_interner *dates = &c->fields[PS_DATE].values;
        size_t key = ps_date_key(row->bytes[PS_DATE], (size_t)row->length[PS_DATE], &time);
        uint32_t hash = ps_hash(row->bytes[PS_DATE], key, c->seed);
        date = ps_lookup(dates->slots, dates->slot_count, dates->pool.data, dates->ends.data, hash,
                         row->bytes[PS_DATE], key);
        if (date < 0) return PR_NEW_DATE;
    }
    size_t rows = c->rows;
    int ok = PUSH(&c->locations, uint64_t, row->location) && push_time(&c->times, rows, time) && push_flag(&c->has_id, &c->has_id_constant, rows, row->length[PS_ID] >= 0)
        && push_text(&c->ids, row->bytes[PS_ID], row->length[PS_ID])
        && push_text(&c->texts, row->bytes[PS_TEXT], row->length[PS_TEXT]);
    for (int f = 0; ok && f < PR_FIELD_COUNT; f++) {
        if (f == PS_ID || f == PS_TEXT) continue;
        int32_t code = -1;
        if (f == PS_DATE) {
            code = date;
        } else if (row->length[f] >= 0) {
            // Rows in a row often share a value (the statements of one document, of one speaker):
            // the previous row's is compared first, without hashing or a look into a large table.
            pr_interned *column = &c->fields[f];
            int32_t last = last_code(column, rows);
            code = last >= 0 && holds(&column->values, last, row->bytes[f], (size_t)row->length[f]) ? last
                : intern(&column->values, c->seed, row->bytes[f], (size_t)row->length[f]);
        } else if (f == PS_KIND) {
            // A statement that does not say how it is reported is direct, as the format says.
            if (c->direct < 0) c->direct = intern(&c->fields[f].values, c->seed, (const uint8_t *)"direct", 6);
            code = c->direct;
        }
        ok = code >= -1 && push_code(&c->fields[f], rows, code);
    }
    ok = ok && push_list(&c->topics, rows, c->seed, row->topic_count, row->topic_bytes, row->topic_lengths)
        && push_list(&c->mentions, rows, c->seed, row->mention_count, row->mention_bytes, row->mention_lengths)
        && push_extras(c, rows, row);
    if (!ok) {
        c->failed = 1;
        return PR_FAILED;
    }
    c->rows = rows + 1;
    return PR_APPENDED;
}

int pr_append_scanned(pr_columns *c, const ps_statement *s, const uint8_t *line, uint64_t location, uint32_t *left) {
    pr_row row;
    const uint8_t *topics[PS_MAX_LIST], *mentions[PS_MAX_LIST];
#define AT(start) ((start) >= 0 ? line + (start) : s->decoded + (-1 - (start)))
    for (int f = 0; f < PR_FIELD_COUNT; f++) {
        row.length[f] = s->length[f];
        row.bytes[f] = s->length[f] >= 0 ? AT(s->start[f]) : NULL;
    }
    for (int32_t i = 0; i < s->topic_count; i++) topics[i] = AT(s->topic_start[i]);
    for (int32_t i = 0; i < s->mention_count; i++) mentions[i] = AT(s->mention_start[i]);
    const uint8_t *keys[PS_MAX_EXTRAS], *values[PS_MAX_EXTRAS];
    for (int32_t i = 0; i < s->extra_count; i++) {
        keys[i] = AT(s->extra_key_start[i]);
        values[i] = AT(s->extra_start[i]);
    }
#undef AT
    row.topic_count = s->topic_count;
    row.topic_bytes = topics;
    row.topic_lengths = s->topic_length;
    row.mention_count = s->mention_count;
    row.mention_bytes = mentions;
    row.mention_lengths = s->mention_length;
    row.location = location;
    row.extra_count = s->extra_count;
    row.extra_key_bytes = keys;
    row.extra_key_lengths = s->extra_key_length;
    row.extra_bytes = values;
    row.extra_lengths = s->extra_length;
    row.left = left;
    return pr_append(c, &row);
}

static void free_vec(pr_vec *v) {
    free(v->data);
    v->data = NULL;
    v->count = v->capacity = 0;
}

void pr_free_interner(pr_interner *t) {
    free_vec(&t->pool);
    free_vec(&t->ends);
    free_vec(&t->hashes);
    free(t->slots);
    t->slots = NULL;
    t->slot_count = 0;
}

void pr_free(pr_columns *c) {
    for (int f = 0; f < PR_FIELD_COUNT; f++) {
        pr_free_interner(&c->fields[f].values);
        free_vec(&c->fields[f].codes);
    }
    pr_text *texts[] = { &c->ids, &c->texts };
    for (int i = 0; i < 2; i++) {
        free_vec(&texts[i]->bytes);
        free_vec(&texts[i]->starts);
    }
    pr_list *lists[] = { &c->topics, &c->mentions };
    for (int i = 0; i < 2; i++) {
        pr_free_interner(&lists[i]->pool);
        free_vec(&lists[i]->items);
        free_vec(&lists[i]->starts);
    }
    for (int32_t k = 0; k < c->extra_count; k++) {
        pr_retire_extra(c, k);
        free_vec(&c->extras[k].name);
    }
    free_vec(&c->has_id);
    free_vec(&c->locations);
    free_vec(&c->times);
}
