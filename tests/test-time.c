/* test-time.c: relative and exact times
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "core/sih-time.h"
#include "sih-test-locale.h"

static void
test_time_relative (void)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("+09:00");
  g_autoptr(GDateTime) now = g_date_time_new (tz, 2026, 11, 25, 15, 30, 0);
  g_autoptr(GDateTime) seconds = g_date_time_add_seconds (now, -20);
  g_autoptr(GDateTime) minutes = g_date_time_add_minutes (now, -5);
  g_autoptr(GDateTime) one_minute = g_date_time_add_minutes (now, -1);
  g_autoptr(GDateTime) hours = g_date_time_add_hours (now, -3);
  g_autoptr(GDateTime) yesterday = g_date_time_add_days (now, -1);
  g_autoptr(GDateTime) older = g_date_time_add_days (now, -40);
  g_autofree char *a = sih_time_format_relative (seconds, now);
  g_autofree char *b = sih_time_format_relative (minutes, now);
  g_autofree char *c = sih_time_format_relative (one_minute, now);
  g_autofree char *d = sih_time_format_relative (hours, now);
  g_autofree char *e = sih_time_format_relative (yesterday, now);
  g_autofree char *f = sih_time_format_relative (older, now);

  g_assert_cmpstr (a, ==, "just now");
  g_assert_cmpstr (b, ==, "5 minutes ago");
  g_assert_cmpstr (c, ==, "1 minute ago");
  g_assert_cmpstr (d, ==, "today at 12:30");
  g_assert_cmpstr (e, ==, "yesterday at 15:30");
  g_assert_cmpstr (f, ==, "Oct 16, 2026 at 15:30");
}

/* "yesterday" is a calendar day, also across a month and a year. */
static void
test_time_new_year (void)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("+09:00");
  g_autoptr(GDateTime) now = g_date_time_new (tz, 2027, 1, 1, 9, 0, 0);
  g_autoptr(GDateTime) new_years_eve = g_date_time_new (tz, 2026, 12, 31, 22, 15, 0);
  g_autoptr(GDateTime) two_days = g_date_time_new (tz, 2026, 12, 30, 22, 15, 0);
  g_autoptr(GDateTime) march = g_date_time_new (tz, 2028, 3, 1, 8, 0, 0);
  g_autoptr(GDateTime) leap_day = g_date_time_new (tz, 2028, 2, 29, 23, 59, 0);
  g_autofree char *a = sih_time_format_relative (new_years_eve, now);
  g_autofree char *b = sih_time_format_relative (two_days, now);
  g_autofree char *c = sih_time_format_relative (leap_day, march);

  g_assert_cmpstr (a, ==, "yesterday at 22:15");
  g_assert_cmpstr (b, ==, "Dec 30, 2026 at 22:15");
  g_assert_cmpstr (c, ==, "yesterday at 23:59");
}

static void
test_time_date_time (void)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("+09:00");
  g_autoptr(GDateTime) time = g_date_time_new (tz, 2026, 11, 25, 9, 5, 7);
  g_autofree char *text = sih_time_format_date_time (time);

  g_assert_cmpstr (text, ==, "Nov 25, 2026 at 09:05");
}

static void
test_time_exact (void)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("+09:00");
  g_autoptr(GDateTime) time = g_date_time_new (tz, 2026, 11, 25, 9, 5, 7);
  g_autofree char *text = sih_time_format_exact (time);

  g_assert_cmpstr (text, ==, "2026-11-25 09:05:07 (UTC+09:00)");
}

static void
test_time_clock (void)
{
  struct { GTimeSpan span; const char *text; } cases[] = {
    { 0, "00:00" },
    { -5 * G_TIME_SPAN_SECOND, "00:00" },
    { 252 * G_TIME_SPAN_SECOND + 999999, "04:12" },
    { 59 * G_TIME_SPAN_MINUTE + 59 * G_TIME_SPAN_SECOND, "59:59" },
    { G_TIME_SPAN_HOUR + 2 * G_TIME_SPAN_MINUTE + 3 * G_TIME_SPAN_SECOND, "1:02:03" },
    { 25 * G_TIME_SPAN_HOUR, "25:00:00" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = sih_time_format_clock (cases[i].span);
      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

static void
test_time_duration (void)
{
  struct { GTimeSpan span; const char *en; const char *ja; } cases[] = {
    { 0, "0 seconds", "0秒" },
    { G_TIME_SPAN_SECOND, "1 second", "1秒" },
    { 252 * G_TIME_SPAN_SECOND, "4 minutes 12 seconds", "4分12秒" },
    { G_TIME_SPAN_MINUTE, "1 minute", "1分" },
    { G_TIME_SPAN_HOUR + 3 * G_TIME_SPAN_MINUTE, "1 hour 3 minutes", "1時間3分" },
    { 2 * G_TIME_SPAN_HOUR + 1 * G_TIME_SPAN_SECOND, "2 hours 1 second", "2時間1秒" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = sih_time_format_duration (cases[i].span);
      g_assert_cmpstr (text, ==, cases[i].en);
    }

  if (!sih_test_use_language ("ja"))
    {
      g_test_skip ("no Japanese locale");
      return;
    }
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = sih_time_format_duration (cases[i].span);
      g_assert_cmpstr (text, ==, cases[i].ja);
    }
  sih_test_use_language ("en");
}

/* What an agent types for a call back: lenient about the form, strict
 * about the values. */
static void
test_time_parse (void)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("+09:00");
  g_autoptr(GDateTime) now = g_date_time_new (tz, 2026, 12, 7, 10, 0, 0);
  struct { const char *text; const char *iso; } cases[] = {
    { "2026-12-07 14:30", "2026-12-07T14:30:00+09" },
    { "  2026/12/8 9:05 ", "2026-12-08T09:05:00+09" },
    { "2027.1.2 0:00", "2027-01-02T00:00:00+09" },
    { "2026-12-09T16:45", "2026-12-09T16:45:00+09" },
    { "12-24 18:00", "2026-12-24T18:00:00+09" },
    { "14:30", "2026-12-07T14:30:00+09" },
    { "２０２６／１２／１０　１５：００", "2026-12-10T15:00:00+09" },
    { "2028-02-29 12:00", "2028-02-29T12:00:00+09" },
    { "", NULL },
    { "tomorrow", NULL },
    { "14", NULL },
    { "14.30", NULL },
    { "24:00", NULL },
    { "12:60", NULL },
    { "2026-13-01 10:00", NULL },
    { "2027-02-29 10:00", NULL },
    { "2026-12-07", NULL },
    { "2026-12-07 14:30 extra", NULL },
    { "2026-12-07-01 14:30", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GDateTime) time = sih_time_parse_local (cases[i].text, now);

      if (cases[i].iso == NULL)
        {
          if (time != NULL)
            g_error ("“%s” was read as a time", cases[i].text);
        }
      else
        {
          g_autofree char *iso = NULL;

          if (time == NULL)
            g_error ("“%s” was not read", cases[i].text);
          iso = g_date_time_format (time, "%Y-%m-%dT%H:%M:%S%:::z");
          g_assert_cmpstr (iso, ==, cases[i].iso);
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  /* Times are shown in the local zone; fix it so results are predictable. */
  g_setenv ("TZ", "Asia/Tokyo", TRUE);
  g_setenv ("LANGUAGE", "en", TRUE);
  g_test_init (&argc, &argv, NULL);
  sih_test_init_translations ();

  g_test_add_func ("/time/relative", test_time_relative);
  g_test_add_func ("/time/exact", test_time_exact);
  g_test_add_func ("/time/new-year", test_time_new_year);
  g_test_add_func ("/time/date-time", test_time_date_time);
  g_test_add_func ("/time/clock", test_time_clock);
  g_test_add_func ("/time/duration", test_time_duration);
  g_test_add_func ("/time/parse", test_time_parse);

  return g_test_run ();
}
