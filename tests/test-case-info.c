/* test-case-info.c: a saved case as the case list shows, orders and
 * searches it (without a display)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "core/sih-case-info-private.h"

static GDateTime *
tokyo (int day,
       int hour,
       int minute)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("+09:00");

  return g_date_time_new (tz, 2026, 11, day, hour, minute, 0);
}

/* An entry as the store makes it from a case. */
static SihCaseInfo *
info_from_case (SihCase *c)
{
  g_autoptr(SihCaseRecord) record = sih_case_record_new_from_case (c);
  g_autofree char *path = g_strdup_printf ("/nonexistent/%s.json", sih_case_get_id (c));

  return sih_case_info_new_from_record (path, record);
}

static SihCase *
case_updated (const char *id,
              GDateTime  *updated)
{
  g_autoptr(GDateTime) created = tokyo (1, 9, 0);

  return sih_case_new_restored (id, "test-pack", NULL, created, updated);
}

static SihCase *
case_to_call_back (const char *id,
                   GDateTime  *updated,
                   GDateTime  *call_back)
{
  SihCase *c = case_updated (id, updated);

  sih_case_restore_status (c, SIH_STATUS_CALL_BACK, NULL, NULL, call_back);
  return c;
}

static int
compare_with_now (gconstpointer a,
                  gconstpointer b,
                  gpointer      now)
{
  return sih_case_info_compare (*(SihCaseInfo * const *)a, *(SihCaseInfo * const *)b, now);
}

/* Call-backs that are due first (the longest waiting first), then those to
 * come (soonest first), then the rest, the last changed first. */
static void
test_case_info_order (void)
{
  g_autoptr(GDateTime) now = tokyo (25, 14, 30);
  g_autoptr(GDateTime) t0900 = tokyo (25, 9, 0);
  g_autoptr(GDateTime) t1000 = tokyo (25, 10, 0);
  g_autoptr(GDateTime) t1100 = tokyo (25, 11, 0);
  g_autoptr(GDateTime) t1400 = tokyo (25, 14, 0);
  g_autoptr(GDateTime) t1600 = tokyo (25, 16, 0);
  g_autoptr(GDateTime) tomorrow = tokyo (26, 9, 0);
  g_autoptr(SihCase) newest = case_updated ("newest", t1400);
  g_autoptr(SihCase) older = case_updated ("older", t1000);
  g_autoptr(SihCase) due_long = case_to_call_back ("due-long", t0900, t1100);
  g_autoptr(SihCase) due_now = case_to_call_back ("due-now", t1100, now);
  g_autoptr(SihCase) later = case_to_call_back ("later", t0900, t1600);
  g_autoptr(SihCase) tomorrows = case_to_call_back ("tomorrow", t1400, tomorrow);
  g_autoptr(GPtrArray) sorted = g_ptr_array_new_with_free_func (g_object_unref);
  const char *expected[] = { "due-long", "due-now", "later", "tomorrow", "newest", "older" };

  /* Given in an order none of the rules gives. */
  g_ptr_array_add (sorted, info_from_case (older));
  g_ptr_array_add (sorted, info_from_case (tomorrows));
  g_ptr_array_add (sorted, info_from_case (newest));
  g_ptr_array_add (sorted, info_from_case (later));
  g_ptr_array_add (sorted, info_from_case (due_now));
  g_ptr_array_add (sorted, info_from_case (due_long));
  g_ptr_array_sort_with_data (sorted, compare_with_now, now);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpstr (sih_case_info_get_id (g_ptr_array_index (sorted, i)), ==, expected[i]);

  g_assert_true (sih_case_info_is_call_back_due (g_ptr_array_index (sorted, 0), now));
  g_assert_true (sih_case_info_is_call_back_due (g_ptr_array_index (sorted, 1), now));
  g_assert_false (sih_case_info_is_call_back_due (g_ptr_array_index (sorted, 2), now));
  g_assert_false (sih_case_info_is_call_back_due (g_ptr_array_index (sorted, 4), now));

  /* Later in the day the one at 16:00 is due too, after those that have
   * waited longer. */
  {
    g_autoptr(GDateTime) evening = tokyo (25, 17, 0);
    const char *then[] = { "due-long", "due-now", "later", "tomorrow", "newest", "older" };

    g_ptr_array_sort_with_data (sorted, compare_with_now, evening);
    for (guint i = 0; i < G_N_ELEMENTS (then); i++)
      g_assert_cmpstr (sih_case_info_get_id (g_ptr_array_index (sorted, i)), ==, then[i]);
    g_assert_true (sih_case_info_is_call_back_due (g_ptr_array_index (sorted, 2), evening));
  }

  /* The next morning, tomorrow's call-back is due and comes last of them. */
  {
    g_autoptr(GDateTime) morning = tokyo (26, 9, 30);

    g_ptr_array_sort_with_data (sorted, compare_with_now, morning);
    g_assert_cmpstr (sih_case_info_get_id (g_ptr_array_index (sorted, 3)), ==, "tomorrow");
    g_assert_true (sih_case_info_is_call_back_due (g_ptr_array_index (sorted, 3), morning));
  }
}

/* The search finds what the agent wrote: title, ticket, caller, notes,
 * details and the status's reason, folded as the sidebar folds. */
static void
test_case_info_search (void)
{
  g_autoptr(GDateTime) updated = tokyo (25, 14, 0);
  g_autoptr(SihCase) c = case_updated ("a", updated);
  g_autoptr(SihCaseInfo) info = NULL;

  sih_case_set_title (c, "Locked out");
  sih_case_set_ticket (c, "HD-48213");
  sih_case_set_caller_name (c, "タナカ ハナコ");
  sih_case_set_note (c, "code-not-arriving", "check-spam", "The SMS never arrived");
  sih_case_set_detail (c, "error-message", "Enter a valid OTP");
  sih_case_set_detail (c, "account-email", "hanako@example.com");
  sih_case_set_status (c, SIH_STATUS_WAITING, "Looking for the backup codes", NULL, NULL);
  info = info_from_case (c);

  g_assert_true (sih_case_info_matches (info, NULL, NULL));
  g_assert_true (sih_case_info_matches (info, NULL, "  "));
  g_assert_true (sih_case_info_matches (info, NULL, "locked"));
  g_assert_true (sih_case_info_matches (info, NULL, "ｈｄ－４８２１３"));
  g_assert_true (sih_case_info_matches (info, NULL, "48213"));
  g_assert_true (sih_case_info_matches (info, NULL, "たなか"));
  g_assert_true (sih_case_info_matches (info, NULL, "ﾊﾅｺ"));
  g_assert_true (sih_case_info_matches (info, NULL, "sms never"));
  g_assert_true (sih_case_info_matches (info, NULL, "ＯＴＰ"));
  g_assert_true (sih_case_info_matches (info, NULL, "backup codes"));
  {
    g_autofree char *date = g_date_time_format (sih_case_info_get_updated (info), "%Y-%m-%d");

    g_assert_true (sih_case_info_matches (info, NULL, date));
  }
  g_assert_false (sih_case_info_matches (info, NULL, "example.com"));
  g_assert_false (sih_case_info_matches (info, NULL, "no such words"));

  /* What was folded for one search is folded again when the case changes. */
  sih_case_set_title (c, "Renamed");
  sih_case_set_note (c, "code-not-arriving", "check-spam", NULL);
  {
    g_autoptr(SihCaseRecord) record = sih_case_record_new_from_case (c);

    g_assert_true (sih_case_info_update (info, record));
  }
  g_assert_false (sih_case_info_matches (info, NULL, "locked"));
  g_assert_false (sih_case_info_matches (info, NULL, "sms never"));
  g_assert_true (sih_case_info_matches (info, NULL, "renamed"));
}

/* What a row says of the status: the label, or when to call back, and in
 * words whether that time has come. */
static void
test_case_info_format_status (void)
{
  g_autoptr(GDateTime) now = tokyo (25, 14, 30);
  g_autoptr(GDateTime) t1000 = tokyo (25, 10, 0);
  g_autoptr(GDateTime) t1600 = tokyo (25, 16, 0);
  g_autoptr(GDateTime) tomorrow = tokyo (26, 9, 0);
  g_autoptr(GDateTime) later = tokyo (29, 9, 0);
  g_autoptr(SihCase) waiting = case_updated ("waiting", t1000);
  g_autoptr(SihCase) due = case_to_call_back ("due", t1000, t1000);
  g_autoptr(SihCase) today = case_to_call_back ("today", t1000, t1600);
  g_autoptr(SihCase) next_day = case_to_call_back ("next-day", t1000, tomorrow);
  g_autoptr(SihCase) next_week = case_to_call_back ("next-week", t1000, later);
  g_autoptr(SihCaseInfo) a = NULL;
  g_autoptr(SihCaseInfo) b = NULL;
  g_autoptr(SihCaseInfo) c = NULL;
  g_autoptr(SihCaseInfo) d = NULL;
  g_autoptr(SihCaseInfo) e = NULL;
  g_autofree char *sa = NULL, *sb = NULL, *sc = NULL, *sd = NULL, *se = NULL;

  sih_case_restore_status (waiting, SIH_STATUS_WAITING, NULL, NULL, NULL);
  a = info_from_case (waiting);
  b = info_from_case (due);
  c = info_from_case (today);
  d = info_from_case (next_day);
  e = info_from_case (next_week);
  sa = sih_case_info_format_status (a, now);
  sb = sih_case_info_format_status (b, now);
  sc = sih_case_info_format_status (c, now);
  sd = sih_case_info_format_status (d, now);
  se = sih_case_info_format_status (e, now);
  g_assert_cmpstr (sa, ==, "Waiting for the caller");
  g_assert_cmpstr (sb, ==, "Due now: call back today at 10:00");
  g_assert_cmpstr (sc, ==, "Call back today at 16:00");
  g_assert_cmpstr (sd, ==, "Call back tomorrow at 09:00");
  g_assert_cmpstr (se, ==, "Call back Nov 29, 2026 at 09:00");
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "Asia/Tokyo", TRUE);
  g_setenv ("LANGUAGE", "en", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/case-info/order", test_case_info_order);
  g_test_add_func ("/case-info/search", test_case_info_search);
  g_test_add_func ("/case-info/format-status", test_case_info_format_status);

  return g_test_run ();
}
