/* test-time.c: relative and exact times
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "core/sih-time.h"

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

int
main (int   argc,
      char *argv[])
{
  /* Times are shown in the local zone; fix it so results are predictable. */
  g_setenv ("TZ", "Asia/Tokyo", TRUE);
  g_setenv ("LANGUAGE", "en", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/time/relative", test_time_relative);
  g_test_add_func ("/time/exact", test_time_exact);
  g_test_add_func ("/time/new-year", test_time_new_year);
  g_test_add_func ("/time/date-time", test_time_date_time);

  return g_test_run ();
}
