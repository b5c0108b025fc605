/* test-case-file.c: case files, written and read back
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <sys/stat.h>

#include <glib/gstdio.h>

#include "core/sih-case-file.h"
#include "core/sih-error.h"
#include "core/sih-json-reader.h"

static const char *
error_code_name (int code)
{
  static const char * const names[] = {
    "IO", "TOO_LARGE", "ENCODING", "SYNTAX", "TOO_DEEP", "FORMAT", "MISSING", "TYPE",
    "INVALID_VALUE", "DUPLICATE", "REFERENCE", "LINK", "NOT_FOUND", "NOT_A_CASE",
  };

  if (code < 0 || code >= (int)G_N_ELEMENTS (names))
    return "?";
  return names[code];
}

static char *
data_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "cases", name, NULL);
}

static void
assert_times_equal (GDateTime *a,
                    GDateTime *b)
{
  g_autofree char *x = NULL;
  g_autofree char *y = NULL;

  if (a == NULL || b == NULL)
    {
      g_assert_true (a == b);
      return;
    }

  /* The same instant, and the same offset from UTC. */
  x = g_date_time_format_iso8601 (a);
  y = g_date_time_format_iso8601 (b);
  g_assert_cmpstr (x, ==, y);
  g_assert_true (g_date_time_equal (a, b));
}

static void
assert_cases_equal (SihCase *a,
                    SihCase *b)
{
  GPtrArray *ra = sih_case_get_records (a);
  GPtrArray *rb = sih_case_get_records (b);
  GPtrArray *ha = sih_case_get_history (a);
  GPtrArray *hb = sih_case_get_history (b);
  g_auto(GStrv) ka = sih_case_list_details (a);
  g_auto(GStrv) kb = sih_case_list_details (b);

  g_assert_cmpstr (sih_case_get_id (a), ==, sih_case_get_id (b));
  g_assert_cmpstr (sih_case_get_pack_id (a), ==, sih_case_get_pack_id (b));
  g_assert_cmpstr (sih_case_get_pack_version (a), ==, sih_case_get_pack_version (b));
  assert_times_equal (sih_case_get_created (a), sih_case_get_created (b));
  assert_times_equal (sih_case_get_updated (a), sih_case_get_updated (b));
  g_assert_cmpstr (sih_case_get_title (a), ==, sih_case_get_title (b));
  g_assert_cmpint (sih_case_get_solved (a), ==, sih_case_get_solved (b));
  g_assert_cmpstr (sih_case_get_cause_id (a), ==, sih_case_get_cause_id (b));
  g_assert_cmpint (sih_case_get_status (a), ==, sih_case_get_status (b));
  g_assert_cmpstr (sih_case_get_status_reason (a), ==, sih_case_get_status_reason (b));
  g_assert_cmpstr (sih_case_get_escalation_route (a), ==, sih_case_get_escalation_route (b));
  assert_times_equal (sih_case_get_call_back (a), sih_case_get_call_back (b));
  g_assert_cmpstr (sih_case_get_ticket (a), ==, sih_case_get_ticket (b));
  g_assert_cmpstr (sih_case_get_caller_name (a), ==, sih_case_get_caller_name (b));
  g_assert_cmpstr (sih_case_get_caller_contact (a), ==, sih_case_get_caller_contact (b));

  g_assert_cmpuint (sih_case_get_calls (a)->len, ==, sih_case_get_calls (b)->len);
  for (guint i = 0; i < sih_case_get_calls (a)->len; i++)
    {
      SihCall *x = g_ptr_array_index (sih_case_get_calls (a), i);
      SihCall *y = g_ptr_array_index (sih_case_get_calls (b), i);

      assert_times_equal (x->start, y->start);
      assert_times_equal (x->end, y->end);
      g_assert_cmpstr (x->agent, ==, y->agent);
    }

  g_assert_cmpuint (ra->len, ==, rb->len);
  for (guint i = 0; i < ra->len; i++)
    {
      SihStepRecord *x = g_ptr_array_index (ra, i);
      SihStepRecord *y = g_ptr_array_index (rb, i);

      g_assert_cmpstr (x->cause_id, ==, y->cause_id);
      g_assert_cmpstr (x->step_id, ==, y->step_id);
      g_assert_cmpint (x->outcome, ==, y->outcome);
      g_assert_cmpstr (x->note, ==, y->note);
      assert_times_equal (x->changed, y->changed);
      g_assert_cmpint (x->internal, ==, y->internal);
    }

  g_assert_cmpuint (ha->len, ==, hb->len);
  for (guint i = 0; i < ha->len; i++)
    {
      SihHistoryEntry *x = g_ptr_array_index (ha, i);
      SihHistoryEntry *y = g_ptr_array_index (hb, i);

      assert_times_equal (x->time, y->time);
      g_assert_cmpstr (x->cause_id, ==, y->cause_id);
      g_assert_cmpstr (x->step_id, ==, y->step_id);
      g_assert_cmpint (x->old_outcome, ==, y->old_outcome);
      g_assert_cmpint (x->new_outcome, ==, y->new_outcome);
      g_assert_cmpint (x->kind, ==, y->kind);
      g_assert_cmpstr (x->agent, ==, y->agent);
      g_assert_cmpint (x->old_status, ==, y->old_status);
      g_assert_cmpint (x->new_status, ==, y->new_status);
      g_assert_cmpstr (x->reason, ==, y->reason);
      g_assert_cmpstr (x->route_id, ==, y->route_id);
      assert_times_equal (x->call_back, y->call_back);
    }

  g_assert_cmpstrv (ka, kb);
  for (guint i = 0; ka[i] != NULL; i++)
    g_assert_cmpstr (sih_case_get_detail (a, ka[i]), ==, sih_case_get_detail (b, ka[i]));
}

static SihCase *
round_trip (SihCase *c)
{
  g_autoptr(GBytes) bytes = sih_case_file_to_bytes (c);
  g_autoptr(GBytes) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SihCase) loaded = NULL;

  loaded = sih_case_file_load_bytes (bytes, "case.json", &error);
  g_assert_no_error (error);
  g_assert_nonnull (loaded);
  assert_cases_equal (c, loaded);

  /* Writing what was read gives the same bytes. */
  again = sih_case_file_to_bytes (loaded);
  g_assert_true (g_bytes_equal (bytes, again));

  return g_steal_pointer (&loaded);
}

static GDateTime *
clock_cb (gpointer user_data)
{
  return g_date_time_ref (*(GDateTime **)user_data);
}

static void
test_case_file_round_trip (void)
{
  g_autoptr(GTimeZone) tokyo = g_time_zone_new_identifier ("+09:00");
  g_autoptr(GTimeZone) berlin = g_time_zone_new_identifier ("-03:30");
  g_autoptr(SihCase) c = sih_case_new ("test-pack", "1.0");
  g_autoptr(SihCase) loaded = NULL;
  g_autoptr(GDateTime) now = g_date_time_new (tokyo, 2026, 2, 3, 4, 5, 6.789012);
  g_autofree char *json = NULL;
  g_autoptr(GBytes) bytes = NULL;
  const char *awkward = "Line 1\nLine 2\t\"quoted\" \\ back\\slash \x01 ctrl — 日本語 🙂 </script>";

  sih_case_set_clock (c, clock_cb, &now);

  /* A fresh case: nothing but the required members. */
  g_clear_object (&loaded);
  loaded = round_trip (c);

  sih_case_set_title (c, "Ref 4711 — 田中さん");
  sih_case_set_cause_id (c, "first");
  sih_case_set_outcome (c, "first", "one", SIH_OUTCOME_WORKED);
  g_date_time_unref (now);
  now = g_date_time_new (berlin, 2026, 2, 3, 4, 6, 0);
  sih_case_set_outcome (c, "first", "one", SIH_OUTCOME_FAILED);
  sih_case_set_note (c, "first", "one", awkward);
  sih_case_set_outcome (c, "first", "no-longer-in-the-pack", SIH_OUTCOME_SKIPPED);
  sih_case_set_note (c, "retired-cause", "note-only", "Only a note, no outcome.");
  sih_case_set_outcome (c, "second", "a", SIH_OUTCOME_WORKED);
  sih_case_set_outcome (c, "second", "a", SIH_OUTCOME_NOT_TRIED);
  sih_case_set_detail (c, "error-message", "There was a problem");
  sih_case_set_detail (c, "device-type", awkward);
  sih_case_set_solved (c, TRUE);

  g_clear_object (&loaded);
  loaded = round_trip (c);
  g_assert_cmpuint (sih_case_get_records (loaded)->len, ==, 4);
  /* Five outcome changes, two note edits and one status change. */
  g_assert_cmpuint (sih_case_get_history (loaded)->len, ==, 8);
  g_assert_true (sih_case_get_solved (loaded));
  g_assert_cmpstr (sih_case_get_note (loaded, "first", "one"), ==, awkward);
  g_assert_cmpint (sih_case_get_outcome (loaded, "first", "no-longer-in-the-pack"), ==,
                   SIH_OUTCOME_SKIPPED);
  g_assert_nonnull (sih_case_get_record (loaded, "retired-cause", "note-only")->changed);

  /* The format as documented. */
  bytes = sih_case_file_to_bytes (c);
  json = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_assert_true (g_str_has_suffix (json, "}\n"));
  g_assert_nonnull (strstr (json, "\"format\" : 2"));
  g_assert_nonnull (strstr (json, "\"state\" : \"solved\""));
  g_assert_null (strstr (json, "\"solved\" :"));
  g_assert_nonnull (strstr (json, "\"kind\" : \"signin-helper-case\""));
  g_assert_nonnull (strstr (json, "\"app_version\" : \"" PACKAGE_VERSION "\""));
  g_assert_nonnull (strstr (json, "\"time\" : \"2026-02-03T04:05:06.789012+09\""));
  g_assert_nonnull (strstr (json, "\"updated\" : \"2026-02-03T04:06:00-03:30\""));
  g_assert_nonnull (strstr (json, "\"outcome\" : \"skipped\""));
  g_assert_nonnull (strstr (json, "\"from\" : \"worked\""));

  /* Loading is not a change: the times are as saved. */
  g_clear_object (&loaded);
  {
    g_autoptr(GError) error = NULL;

    loaded = sih_case_file_load_bytes (bytes, "case.json", &error);
    g_assert_no_error (error);
    g_assert_true (g_date_time_equal (sih_case_get_updated (loaded), now));
  }

  /* No pack version, and a blank one, are both left out. */
  g_clear_object (&c);
  c = sih_case_new ("test-pack", NULL);
  g_clear_object (&loaded);
  loaded = round_trip (c);
  g_assert_null (sih_case_get_pack_version (loaded));
  sih_case_set_pack_version (c, "  ");
  g_clear_object (&loaded);
  {
    g_autoptr(GBytes) blank = sih_case_file_to_bytes (c);
    g_autoptr(GError) error = NULL;

    loaded = sih_case_file_load_bytes (blank, "case.json", &error);
    g_assert_no_error (error);
    g_assert_null (sih_case_get_pack_version (loaded));
  }
}

/* Everything a help desk records survives a handover: a case written and
 * read back is the same case, down to who did what. */
static void
test_case_file_help_desk_round_trip (void)
{
  g_autoptr(GTimeZone) tokyo = g_time_zone_new_identifier ("+09:00");
  g_autoptr(SihCase) c = sih_case_new ("test-pack", "1.0");
  g_autoptr(SihCase) loaded = NULL;
  g_autoptr(GDateTime) now = g_date_time_new (tokyo, 2026, 2, 3, 9, 0, 0);
  g_autoptr(GDateTime) call_back = g_date_time_new (tokyo, 2026, 2, 4, 18, 30, 0);
  g_autofree char *json = NULL;
  g_autoptr(GBytes) bytes = NULL;
  SihHistoryEntry *entry;
  SihCall *call;

  sih_case_set_clock (c, clock_cb, &now);
  sih_case_set_agent (c, "Sato");
  sih_case_set_ticket (c, "HD-4711");
  sih_case_set_caller_name (c, "Tanaka Hanako");
  sih_case_set_caller_contact (c, "090-1234-5678, evenings");
  g_assert_true (sih_case_start_call (c));
  sih_case_set_outcome (c, "first", "one", SIH_OUTCOME_FAILED);
  sih_case_set_note (c, "first", "one", "Unsure about the number.");
  sih_case_set_note_internal (c, "first", "one", TRUE);
  g_date_time_unref (now);
  now = g_date_time_new (tokyo, 2026, 2, 3, 9, 12, 30.5);
  sih_case_set_status (c, SIH_STATUS_ESCALATED, "Account locked", "phone", NULL);
  g_assert_true (sih_case_stop_call (c));

  sih_case_set_agent (c, "Suzuki");
  g_date_time_unref (now);
  now = g_date_time_new (tokyo, 2026, 2, 3, 15, 0, 0);
  g_assert_true (sih_case_start_call (c));
  sih_case_set_status (c, SIH_STATUS_CALL_BACK, "Home after six", NULL, call_back);

  loaded = round_trip (c);
  g_assert_cmpstr (sih_case_get_ticket (loaded), ==, "HD-4711");
  g_assert_cmpstr (sih_case_get_caller_name (loaded), ==, "Tanaka Hanako");
  g_assert_cmpstr (sih_case_get_caller_contact (loaded), ==, "090-1234-5678, evenings");
  g_assert_cmpint (sih_case_get_status (loaded), ==, SIH_STATUS_CALL_BACK);
  g_assert_cmpstr (sih_case_get_status_reason (loaded), ==, "Home after six");
  g_assert_true (g_date_time_equal (sih_case_get_call_back (loaded), call_back));
  g_assert_true (sih_case_get_note_internal (loaded, "first", "one"));

  g_assert_cmpuint (sih_case_get_calls (loaded)->len, ==, 2);
  call = g_ptr_array_index (sih_case_get_calls (loaded), 0);
  g_assert_cmpstr (call->agent, ==, "Sato");
  g_assert_cmpint (g_date_time_difference (call->end, call->start), ==, 750500 * G_TIME_SPAN_MILLISECOND);
  call = g_ptr_array_index (sih_case_get_calls (loaded), 1);
  g_assert_cmpstr (call->agent, ==, "Suzuki");
  g_assert_null (call->end);
  g_assert_true (sih_case_get_running_call (loaded) == call);

  /* outcome, note (edit and internal mark are one entry), status, status */
  g_assert_cmpuint (sih_case_get_history (loaded)->len, ==, 4);
  entry = g_ptr_array_index (sih_case_get_history (loaded), 1);
  g_assert_cmpint (entry->kind, ==, SIH_HISTORY_NOTE);
  g_assert_cmpstr (entry->agent, ==, "Sato");
  entry = g_ptr_array_index (sih_case_get_history (loaded), 2);
  g_assert_cmpint (entry->kind, ==, SIH_HISTORY_STATUS);
  g_assert_cmpint (entry->old_status, ==, SIH_STATUS_OPEN);
  g_assert_cmpint (entry->new_status, ==, SIH_STATUS_ESCALATED);
  g_assert_cmpstr (entry->reason, ==, "Account locked");
  g_assert_cmpstr (entry->route_id, ==, "phone");
  g_assert_null (entry->call_back);
  entry = g_ptr_array_index (sih_case_get_history (loaded), 3);
  g_assert_cmpstr (entry->agent, ==, "Suzuki");
  g_assert_cmpint (entry->new_status, ==, SIH_STATUS_CALL_BACK);
  g_assert_cmpstr (entry->reason, ==, "Home after six");
  g_assert_true (g_date_time_equal (entry->call_back, call_back));

  bytes = sih_case_file_to_bytes (c);
  json = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_assert_nonnull (strstr (json, "\"call_back\" : \"2026-02-04T18:30:00+09\""));
  g_assert_nonnull (strstr (json, "\"change\" : \"status\""));
  g_assert_nonnull (strstr (json, "\"internal\" : true"));

  /* The escalation route is kept while escalated. */
  sih_case_set_status (c, SIH_STATUS_ESCALATED, NULL, "phone", NULL);
  g_clear_object (&loaded);
  loaded = round_trip (c);
  g_assert_cmpstr (sih_case_get_escalation_route (loaded), ==, "phone");
  g_assert_null (sih_case_get_call_back (loaded));
}

static void
test_case_file_help_desk_file (void)
{
  g_autofree char *path = data_path ("help-desk.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(SihCase) c = sih_case_file_load (path, &error);
  g_autoptr(SihCase) again = NULL;
  SihHistoryEntry *entry;

  g_assert_no_error (error);
  g_assert_cmpstr (sih_case_get_ticket (c), ==, "HD-4711");
  g_assert_cmpstr (sih_case_get_caller_contact (c), ==, "090-1234-5678, evenings");
  g_assert_cmpint (sih_case_get_status (c), ==, SIH_STATUS_CALL_BACK);
  g_assert_false (sih_case_get_solved (c));
  g_assert_nonnull (sih_case_get_call_back (c));
  g_assert_cmpuint (sih_case_get_calls (c)->len, ==, 2);
  g_assert_nonnull (sih_case_get_running_call (c));
  g_assert_true (sih_case_get_note_internal (c, "first", "one"));
  g_assert_false (sih_case_get_note_internal (c, "first", "two"));
  g_assert_cmpuint (sih_case_get_history (c)->len, ==, 5);
  entry = g_ptr_array_index (sih_case_get_history (c), 2);
  g_assert_cmpint (entry->kind, ==, SIH_HISTORY_OUTCOME);
  g_assert_null (entry->agent);
  entry = g_ptr_array_index (sih_case_get_history (c), 3);
  g_assert_cmpstr (entry->route_id, ==, "customer-service");
  g_assert_cmpstr (entry->reason, ==, "Account locked");
  entry = g_ptr_array_index (sih_case_get_history (c), 4);
  g_assert_cmpint (entry->kind, ==, SIH_HISTORY_STATUS);
  g_assert_cmpstr (entry->agent, ==, "Suzuki");
  g_assert_nonnull (entry->call_back);

  again = round_trip (c);
}

static void
test_case_file_good (void)
{
  g_autofree char *path = data_path ("good.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(SihCase) c = NULL;
  g_autoptr(SihCase) again = NULL;
  g_autoptr(GDateTime) created = NULL;
  g_autofree char *updated = NULL;
  const SihStepRecord *record;
  SihHistoryEntry *entry;

  c = sih_case_file_load (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (c);

  g_assert_cmpstr (sih_case_get_id (c), ==, "0f6c1b2e-8d7a-4c59-9a3e-5b1d2c3e4f50");
  g_assert_cmpstr (sih_case_get_pack_id (c), ==, "test-pack");
  g_assert_cmpstr (sih_case_get_pack_version (c), ==, "1.0");
  created = g_date_time_new_from_iso8601 ("2026-01-31T00:30:00Z", NULL);
  g_assert_true (g_date_time_equal (sih_case_get_created (c), created));
  g_assert_cmpint (g_date_time_get_utc_offset (sih_case_get_created (c)), ==,
                   9 * G_TIME_SPAN_HOUR);
  updated = g_date_time_format_iso8601 (sih_case_get_updated (c));
  g_assert_cmpstr (updated, ==, "2026-01-31T10:15:42.250000+09");
  g_assert_cmpstr (sih_case_get_title (c), ==, "Ref 4711 — Tanaka-san");
  g_assert_true (sih_case_get_solved (c));
  g_assert_cmpstr (sih_case_get_cause_id (c), ==, "first");

  g_assert_cmpuint (sih_case_get_records (c)->len, ==, 4);
  record = sih_case_get_record (c, "first", "one");
  g_assert_cmpint (record->outcome, ==, SIH_OUTCOME_FAILED);
  g_assert_cmpstr (record->note, ==, "Tried twice.\nStill \"wrong\" code\t(ＳＭＳ).");
  g_assert_nonnull (record->changed);
  record = sih_case_get_record (c, "first", "removed-in-1-1");
  g_assert_cmpint (record->outcome, ==, SIH_OUTCOME_SKIPPED);
  g_assert_cmpint (g_date_time_get_utc_offset (record->changed), ==, 0);
  record = sih_case_get_record (c, "first", "two");
  g_assert_cmpint (record->outcome, ==, SIH_OUTCOME_NOT_TRIED);
  g_assert_null (record->changed);
  g_assert_cmpstr (((SihStepRecord *)g_ptr_array_index (sih_case_get_records (c), 2))->cause_id,
                   ==, "second");

  g_assert_cmpuint (sih_case_get_history (c)->len, ==, 4);
  /* Format 1 knew only outcome changes, by no one in particular. */
  g_assert_cmpint (sih_case_get_status (c), ==, SIH_STATUS_SOLVED);
  g_assert_null (sih_case_get_ticket (c));
  g_assert_cmpuint (sih_case_get_calls (c)->len, ==, 0);
  entry = g_ptr_array_index (sih_case_get_history (c), 1);
  g_assert_cmpint (entry->kind, ==, SIH_HISTORY_OUTCOME);
  g_assert_null (entry->agent);
  g_assert_cmpstr (entry->step_id, ==, "one");
  g_assert_cmpint (entry->old_outcome, ==, SIH_OUTCOME_WORKED);
  g_assert_cmpint (entry->new_outcome, ==, SIH_OUTCOME_FAILED);

  g_assert_cmpstr (sih_case_get_detail (c, "device-type"), ==, "iPhone");
  g_assert_cmpstr (sih_case_get_detail (c, "error-message"), ==,
                   "There was a problem. Enter a valid OTP.");

  again = round_trip (c);
}

static void
test_case_file_older_pack (void)
{
  g_autofree char *path = data_path ("older-pack.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(SihCase) c = sih_case_file_load (path, &error);
  g_autoptr(SihCase) again = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (sih_case_get_pack_version (c), ==, "0.9");
  g_assert_cmpint (sih_case_get_outcome (c, "first", "old-sms-resend"), ==, SIH_OUTCOME_FAILED);
  g_assert_cmpstr (sih_case_get_note (c, "first", "old-sms-resend"), ==, "Resent three times.");
  g_assert_cmpint (sih_case_get_outcome (c, "retired-cause", "check-spam"), ==,
                   SIH_OUTCOME_WORKED);

  /* Worked on with the current pack: the old records stay. */
  sih_case_set_pack_version (c, "1.0");
  sih_case_set_outcome (c, "first", "two", SIH_OUTCOME_WORKED);
  again = round_trip (c);
  g_assert_cmpstr (sih_case_get_pack_version (again), ==, "1.0");
  g_assert_cmpuint (sih_case_get_records (again)->len, ==, 4);
  g_assert_cmpuint (sih_case_get_history (again)->len, ==, 4);
  g_assert_cmpint (sih_case_get_outcome (again, "first", "old-sms-resend"), ==,
                   SIH_OUTCOME_FAILED);
}

static void
test_case_file_bad_corpus (void)
{
  g_autofree char *index_path = data_path ("bad/expected.txt");
  g_autofree char *index = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GError) error = NULL;
  guint checked = 0;

  g_file_get_contents (index_path, &index, NULL, &error);
  g_assert_no_error (error);

  lines = g_strsplit (index, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = NULL;
      g_autofree char *path = NULL;
      g_autofree char *name = NULL;
      g_autoptr(SihCase) c = NULL;
      g_autoptr(GError) load_error = NULL;
      g_autoptr(GBytes) bytes = NULL;

      if (lines[i][0] == '#' || lines[i][0] == '\0')
        continue;

      fields = g_strsplit (lines[i], "\t", 3);
      g_assert_cmpuint (g_strv_length (fields), ==, 3);

      name = g_build_filename ("bad", fields[0], NULL);
      path = data_path (name);
      c = sih_case_file_load (path, &load_error);
      g_test_message ("%s → %s", fields[0], load_error ? load_error->message : "(loaded)");
      g_assert_null (c);
      g_assert_nonnull (load_error);
      g_assert_cmpuint (load_error->domain, ==, SIH_ERROR);
      g_assert_cmpstr (error_code_name (load_error->code), ==, fields[1]);
      /* The message names the file and the place in the document. */
      g_assert_nonnull (strstr (load_error->message, fields[0]));
      if (strstr (load_error->message, fields[2]) == NULL)
        g_error ("%s: “%s” does not contain “%s”", fields[0], load_error->message, fields[2]);

      /* From memory, the message starts with the name given. */
      g_clear_error (&load_error);
      bytes = sih_case_file_read (path, FALSE, &load_error);
      g_assert_no_error (load_error);
      c = sih_case_file_load_bytes (bytes, "case.json", &load_error);
      g_assert_null (c);
      g_assert_true (g_str_has_prefix (load_error->message, "case.json: "));
      checked++;
    }

  g_assert_cmpuint (checked, >=, 50);
}

/* @json is refused as too large, with @message in the error. */
static void
assert_too_large (GString    *json,
                  const char *message)
{
  g_autoptr(GBytes) bytes = g_bytes_new (json->str, json->len);
  g_autoptr(GError) error = NULL;
  g_autoptr(SihCase) c = sih_case_file_load_bytes (bytes, "case.json", &error);

  g_assert_null (c);
  g_assert_error (error, SIH_ERROR, SIH_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, message));
}

static void
test_case_file_bounds (void)
{
  g_autoptr(GString) json = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SihCase) c = NULL;
  const char *head =
    "{\"format\":1,\"kind\":\"signin-helper-case\",\"id\":\"x\",\"pack\":{\"id\":\"p\"},"
    "\"created\":\"2026-01-01T00:00:00Z\",\"updated\":\"2026-01-01T00:00:00Z\",";

  /* One record more than allowed. */
  json = g_string_new (head);
  g_string_append (json, "\"records\":[");
  for (guint i = 0; i <= SIH_CASE_MAX_ENTRIES; i++)
    g_string_append_printf (json, "%s{\"cause\":\"c\",\"step\":\"s%u\",\"outcome\":\"worked\"}",
                            i > 0 ? "," : "", i);
  g_string_append (json, "]}");
  assert_too_large (json, "case.json: records: has 100001 elements");

  /* One detail more than allowed. */
  g_string_truncate (json, 0);
  g_string_append (json, head);
  g_string_append (json, "\"details\":{");
  for (guint i = 0; i <= SIH_CASE_MAX_ENTRIES; i++)
    g_string_append_printf (json, "%s\"k%u\":\"v\"", i > 0 ? "," : "", i);
  g_string_append (json, "}}");
  assert_too_large (json, "case.json: details: has 100001 members");

  /* Exactly as many is fine. */
  g_string_truncate (json, 0);
  g_string_append (json, head);
  g_string_append (json, "\"history\":[");
  for (guint i = 0; i < SIH_CASE_MAX_ENTRIES; i++)
    g_string_append_printf (json, "%s{\"time\":\"2026-01-01T00:00:00Z\",\"cause\":\"c\","
                            "\"step\":\"s\",\"from\":\"worked\",\"to\":\"failed\"}",
                            i > 0 ? "," : "");
  g_string_append (json, "]}");
  bytes = g_bytes_new (json->str, json->len);
  c = sih_case_file_load_bytes (bytes, "case.json", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sih_case_get_history (c)->len, ==, SIH_CASE_MAX_ENTRIES);
  g_clear_object (&c);

  /* The largest note the model keeps is read back. */
  {
    g_autoptr(SihCase) big = sih_case_new ("test-pack", NULL);
    g_autofree char *note = g_malloc (SIH_CASE_MAX_TEXT + 100);

    memset (note, 'n', SIH_CASE_MAX_TEXT + 99);
    note[SIH_CASE_MAX_TEXT + 99] = '\0';
    sih_case_set_note (big, "c", "s", note);
    g_assert_cmpuint (strlen (sih_case_get_note (big, "c", "s")), ==, SIH_CASE_MAX_TEXT);
    c = round_trip (big);
  }
}

static void
test_case_file_save_to_path (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("sih-case-file-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autofree char *missing = NULL;
  g_autoptr(SihCase) c = sih_case_new ("test-pack", "1.0");
  g_autoptr(SihCase) loaded = NULL;
  struct stat st;

  g_assert_no_error (error);
  path = g_build_filename (dir, "export.json", NULL);

  sih_case_set_title (c, "Export me");
  g_assert_true (sih_case_file_save_to_path (c, path, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  /* Replacing an existing file. */
  sih_case_set_outcome (c, "first", "one", SIH_OUTCOME_WORKED);
  g_assert_true (sih_case_file_save_to_path (c, path, &error));
  loaded = sih_case_file_load (path, &error);
  g_assert_no_error (error);
  assert_cases_equal (c, loaded);

  missing = g_build_filename (dir, "no", "such", "folder.json", NULL);
  g_assert_false (sih_case_file_save_to_path (c, missing, &error));
  g_assert_error (error, SIH_ERROR, SIH_ERROR_IO);
  g_clear_error (&error);

  g_assert_null (sih_case_file_load (missing, &error));
  g_assert_error (error, SIH_ERROR, SIH_ERROR_IO);
  g_assert_nonnull (strstr (error->message, missing));
  g_clear_error (&error);

  /* A folder is not a case file. */
  g_assert_null (sih_case_file_load (dir, &error));
  g_assert_error (error, SIH_ERROR, SIH_ERROR_IO);
  g_clear_error (&error);

  g_unlink (path);
  g_rmdir (dir);
}

static void
test_case_file_symlink (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("sih-case-file-XXXXXX", &error);
  g_autofree char *target = data_path ("good.json");
  g_autofree char *link = g_build_filename (dir, "link.json", NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(SihCase) c = NULL;

  g_assert_cmpint (symlink (target, link), ==, 0);

  /* Refused when asked to, followed otherwise (an import may well come
   * through a link). */
  bytes = sih_case_file_read (link, FALSE, &error);
  g_assert_null (bytes);
  g_assert_error (error, SIH_ERROR, SIH_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "symbolic link"));
  g_clear_error (&error);

  c = sih_case_file_load (link, &error);
  g_assert_no_error (error);
  g_assert_nonnull (c);

  g_unlink (link);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/case-file/round-trip", test_case_file_round_trip);
  g_test_add_func ("/case-file/help-desk-round-trip", test_case_file_help_desk_round_trip);
  g_test_add_func ("/case-file/help-desk-file", test_case_file_help_desk_file);
  g_test_add_func ("/case-file/good", test_case_file_good);
  g_test_add_func ("/case-file/older-pack", test_case_file_older_pack);
  g_test_add_func ("/case-file/bad-corpus", test_case_file_bad_corpus);
  g_test_add_func ("/case-file/bounds", test_case_file_bounds);
  g_test_add_func ("/case-file/save-to-path", test_case_file_save_to_path);
  g_test_add_func ("/case-file/symlink", test_case_file_symlink);

  return g_test_run ();
}
