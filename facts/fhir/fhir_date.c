/*
 * fhir_date.c: FHIR dates as day numbers, and the evaluation date.
 *
 * Only a full date (YYYY-MM-DD, or the date part of a dateTime) is a day:
 * "2019" or "2019-04" could be any of many days, so a fact counted in days
 * from such a date is left out, never rounded. A dateTime's date is taken
 * as written (its own time zone), since the case counts whole days.
 */
#include <stdio.h>
#include <string.h>

#include "fhir_internal.h"

static bool digits(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	return true;
}

static int number(const char *s, size_t n)
{
	int v = 0;
	size_t i;

	for (i = 0; i < n; i++)
		v = v * 10 + (s[i] - '0');
	return v;
}

static bool leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int month_days(int y, int m)
{
	static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	return m == 2 && leap(y) ? 29 : days[m - 1];
}

/* Days from 1970-01-01 to y-m-d (proleptic Gregorian; H. Hinnant's
 * days_from_civil). */
static long days_from_civil(int y, int m, int d)
{
	long era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

/* Year, month and day of a full date at the start of `text`; false when
 * it is not one. */
static bool parse_date(const char *text, int *y, int *m, int *d)
{
	if (strlen(text) < 10 || !digits(text, 4) || text[4] != '-' ||
	    !digits(text + 5, 2) || text[7] != '-' || !digits(text + 8, 2))
		return false;
	*y = number(text, 4);
	*m = number(text + 5, 2);
	*d = number(text + 8, 2);
	if (*y < 1 || *m < 1 || *m > 12 || *d < 1 || *d > month_days(*y, *m))
		return false;
	return true;
}

long fhir_day(const char *text)
{
	int y, m, d;

	if (text == NULL || !parse_date(text, &y, &m, &d))
		return -1;
	/* a date, or a dateTime: the date must end there or go on with 'T' */
	if (text[10] != '\0' && text[10] != 'T')
		return -1;
	/* Counted from 0000-03-01, so every day of year 1 on is >= 0 and -1
	 * can say "no day". */
	return days_from_civil(y, m, d) + 719468;
}

/* Whether `t` is "hh:mm:ss" with an optional fraction, then "Z" or
 * "+hh:mm" / "-hh:mm", each part in range. */
static bool time_of_day(const char *t)
{
	size_t i = 8;

	if (!digits(t, 2) || t[2] != ':' || !digits(t + 3, 2) || t[5] != ':' ||
	    !digits(t + 6, 2) || number(t, 2) > 23 || number(t + 3, 2) > 59 ||
	    number(t + 6, 2) > 60)
		return false;
	if (t[i] == '.') {
		for (i++; t[i] >= '0' && t[i] <= '9'; i++)
			;
		if (t[i - 1] == '.')
			return false;
	}
	if (t[i] == 'Z')
		return t[i + 1] == '\0';
	if (t[i] != '+' && t[i] != '-')
		return false;
	t += i + 1;
	return digits(t, 2) && t[2] == ':' && digits(t + 3, 2) && t[5] == '\0' &&
	       number(t, 2) <= 14 && number(t + 3, 2) <= 59;
}

long fhir_instant_day(const char *text)
{
	long day = fhir_day(text);

	if (day < 0 || text[10] != 'T' || !time_of_day(text + 11))
		return -1;
	return day;
}

const char *fhir_no_timestamp(const fhir_reader *r)
{
	return r->bad_timestamp ? "the bundle's timestamp is not a valid date"
				: "the bundle has no timestamp";
}

int onco_fhir_date_valid(const char *date)
{
	return date != NULL && strlen(date) == 10 && fhir_day(date) >= 0;
}

/* Year, month and day of day number `z` (H. Hinnant's civil_from_days). */
static void civil_from_days(long z, int *y, int *m, int *d)
{
	long era, doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

long fhir_years(long from, long to)
{
	int fy, fm, fd, ty, tm, td;
	long years;

	civil_from_days(from - 719468, &fy, &fm, &fd);
	civil_from_days(to - 719468, &ty, &tm, &td);
	years = ty - fy;
	/* not yet the birthday this year (29 February: on 1 March) */
	if (tm < fm || (tm == fm && td < fd))
		years--;
	return years;
}

bool fhir_period_ok(fhir_reader *r, const cJSON *period, const char *at)
{
	const cJSON *start = cJSON_GetObjectItemCaseSensitive(period, "start");
	const cJSON *end = cJSON_GetObjectItemCaseSensitive(period, "end");
	size_t n;

	if (!cJSON_IsString(start) || !cJSON_IsString(end) ||
	    !digits(start->valuestring, 4) || !digits(end->valuestring, 4))
		return true;
	/* ISO dates compare as text over what both give ("2024-05" and
	 * "2024-01-01" over "2024-0x"); a time of day is not compared. */
	n = strlen(start->valuestring);
	if (strlen(end->valuestring) < n)
		n = strlen(end->valuestring);
	if (n > 10)
		n = 10;
	if (strncmp(end->valuestring, start->valuestring, n) >= 0)
		return true;
	fhir_note(r, at, NULL, "the period ends (%.10s) before it starts (%.10s): not read",
		  end->valuestring, start->valuestring);
	return false;
}

const char *fhir_when(fhir_reader *r, const cJSON *object, const char *key,
		      bool start_of_period, const char **at, bool *invalid)
{
	char name[64], period_at[256];
	const cJSON *period;
	const char *text;

	*invalid = false;
	snprintf(name, sizeof(name), "%sDateTime", key);
	text = fhir_string(r, object, name, fhir_at(r, "/%s", name));
	if (text != NULL) {
		*at = fhir_at(r, "/%s", name);
		return text;
	}
	text = fhir_string(r, object, key, fhir_at(r, "/%s", key));
	if (text != NULL) {
		*at = fhir_at(r, "/%s", key);
		return text;
	}
	snprintf(name, sizeof(name), "%sPeriod", key);
	period = fhir_get(r, object, name, fhir_at(r, "/%s", name));
	if (period == NULL)
		return NULL;
	snprintf(period_at, sizeof(period_at), "%s", fhir_at(r, "/%s", name));
	if (!fhir_period_ok(r, period, period_at)) {
		*invalid = true;
		return NULL;
	}
	text = fhir_string(r, period, start_of_period ? "start" : "end",
			   fhir_at(r, "/%s/%s", name, start_of_period ? "start" : "end"));
	if (text == NULL)
		return NULL;
	*at = fhir_at(r, "/%s/%s", name, start_of_period ? "start" : "end");
	return text;
}
