// The time of a date-time ("2025-11-07T14:30:05+05:00"), packed into 64 bits exactly as written, so
// that a column of date-times keeps each row's day as an interned date and its time as a number
// (`DateColumn` says why).
//
// Bits, from the lowest: the fraction of a second (20) and its number of digits (3, at most six),
// the second (6), whether seconds are written (1), the minute (6), the hour (5), whether a space
// stands for the `T` (1), the offset's form (2: `Z`, `±HH`, `±HH:MM`), its sign (1), hours (5) and
// minutes (6). What this cannot hold (seven or more digits of fraction) is interned whole, as before.
#include "CorpusScan.h"

enum { FORM_Z = 0, FORM_HOURS = 1, FORM_HOURS_MINUTES = 2 };

// The two-digit number at `s`, or -1.
static int two_digits(const uint8_t *s) {
    if (s[0] < '0' || s[0] > '9' || s[1] < '0' || s[1] > '9') return -1;
    return (s[0] - '0') * 10 + (s[1] - '0');
}

int64_t ps_pack_time(const uint8_t *s, size_t n, int space) {
    // HH:MM, as `CorpusDate` reads it.
    if (n < 6 || s[2] != ':') return -1;
    int hour = two_digits(s), minute = two_digits(s + 3);
    if (hour < 0 || hour > 23 || minute < 0 || minute > 59) return -1;
    size_t i = 5;
    int64_t has_seconds = 0, second = 0, digits = 0, fraction = 0;
    if (s[i] == ':') {
        if (n < i + 3) return -1;
        second = two_digits(s + i + 1);
        if (second < 0 || second > 60) return -1;
        has_seconds = 1;
        i += 3;
        if (i < n && s[i] == '.') {
            i++;
            while (i < n && s[i] >= '0' && s[i] <= '9') {
                if (++digits > 6) return -1;
                fraction = fraction * 10 + (s[i] - '0');
                i++;
            }
            if (digits == 0) return -1;
        }
    }
    if (i >= n) return -1;
    int64_t form, negative = 0, offset_hours = 0, offset_minutes = 0;
    if (s[i] == 'Z') {
        if (i + 1 != n) return -1;
        form = FORM_Z;
    } else {
        if ((s[i] != '+' && s[i] != '-') || n < i + 3) return -1;
        negative = s[i] == '-';
        offset_hours = two_digits(s + i + 1);
        if (offset_hours < 0 || offset_hours > 23) return -1;
        if (i + 3 == n) {
            form = FORM_HOURS;
        } else {
            if (n != i + 6 || s[i + 3] != ':') return -1;
            offset_minutes = two_digits(s + i + 4);
            if (offset_minutes < 0 || offset_minutes > 59) return -1;
            form = FORM_HOURS_MINUTES;
        }
    }
    return fraction | digits << 20 | second << 23 | has_seconds << 29 | (int64_t)minute << 30 | (int64_t)hour << 36
        | (int64_t)(space != 0) << 41 | form << 42 | negative << 44 | offset_hours << 45 | offset_minutes << 50;
}

static uint8_t *put_two(uint8_t *out, int64_t n) {
    out[0] = (uint8_t)('0' + n / 10);
    out[1] = (uint8_t)('0' + n % 10);
    return out + 2;
}

size_t ps_format_time(int64_t packed, uint8_t out[PS_TIME_TEXT_CAPACITY]) {
    uint8_t *p = out;
    *p++ = (packed >> 41 & 1) ? ' ' : 'T';
    p = put_two(p, packed >> 36 & 31);
    *p++ = ':';
    p = put_two(p, packed >> 30 & 63);
    if (packed >> 29 & 1) {
        *p++ = ':';
        p = put_two(p, packed >> 23 & 63);
        int digits = (int)(packed >> 20 & 7);
        if (digits > 0) {
            *p++ = '.';
            int64_t fraction = packed & 0xFFFFF;
            for (int d = digits - 1; d >= 0; d--) {
                p[d] = (uint8_t)('0' + fraction % 10);
                fraction /= 10;
            }
            p += digits;
        }
    }
    int64_t form = packed >> 42 & 3;
    if (form == FORM_Z) {
        *p++ = 'Z';
    } else {
        *p++ = (packed >> 44 & 1) ? '-' : '+';
        p = put_two(p, packed >> 45 & 31);
        if (form == FORM_HOURS_MINUTES) {
            *p++ = ':';
            p = put_two(p, packed >> 50 & 63);
        }
    }
    return (size_t)(p - out);
}

size_t ps_date_key(const uint8_t *bytes, size_t length, int64_t *time) {
    *time = -1;
    if (length <= 11 || (bytes[10] != 'T' && bytes[10] != ' ') || bytes[4] != '-' || bytes[7] != '-') return length;
    int64_t packed = ps_pack_time(bytes + 11, length - 11, bytes[10] == ' ');
    if (packed < 0) return length;
    *time = packed;
    return 10;
}
