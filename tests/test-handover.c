/* test-handover.c: a case made safe to hand over
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <sys/stat.h>

#include <glib/gstdio.h>

#include "core/sih-case-file.h"
#include "core/sih-detail.h"
#include "core/sih-error.h"
#include "core/sih-handover.h"

#define CAUSE "code-not-arriving"
#define STEP  "wait-then-newest"
#define OTHER "check-spam"

/* What the issue describes: a code in a note, a password in "Anything
 * else", and the account's address and number. */
static SihCase *
case_with_secrets (void)
{
  SihCase *c = sih_case_new ("test-pack", "1.0");

  sih_case_set_title (c, "Got 998877 from taro@example.com");
  sih_case_set_cause_id (c, CAUSE);
  sih_case_set_outcome (c, CAUSE, STEP, SIH_OUTCOME_FAILED);
  sih_case_set_note (c, CAUSE, STEP, "コードは 123456 でした");
  sih_case_set_outcome (c, CAUSE, OTHER, SIH_OUTCOME_WORKED);
  sih_case_set_note (c, CAUSE, OTHER, "Call back on 090-1234-5678");
  sih_case_set_detail (c, SIH_DETAIL_EXTRA, "パスワード: Abc12345!");
  sih_case_set_detail (c, SIH_DETAIL_ERROR_MESSAGE, "Error code 5001: try again later");
  sih_case_set_detail (c, SIH_DETAIL_SINCE, "2026-11-25, after pw=hunter22");
  sih_case_set_detail (c, SIH_DETAIL_ACCOUNT_EMAIL, "taro.yamada@example.co.jp");
  sih_case_set_detail (c, SIH_DETAIL_ACCOUNT_PHONE, "+81 90-1234-5678");
  sih_case_set_detail (c, SIH_DETAIL_DEVICE_TYPE, "phone");
  sih_case_set_detail (c, SIH_DETAIL_CHANGES, "new-phone,new-password");
  return c;
}

static char *
bytes_text (GBytes *bytes)
{
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);

  return g_strndup (data, len);
}

static void
assert_no_secret (const char *text)
{
  g_assert_null (strstr (text, "123456"));
  g_assert_null (strstr (text, "Abc12345!"));
  g_assert_null (strstr (text, "998877"));
  g_assert_null (strstr (text, "hunter22"));
}

static void
count_cb (gpointer  instance,
          guint    *n)
{
  (*n)++;
}

static void
test_handover_masked (void)
{
  g_autoptr(SihCase) c = case_with_secrets ();
  g_autoptr(GBytes) before = sih_case_file_to_bytes (c);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GBytes) copy_bytes = NULL;
  g_autoptr(SihCase) copy = NULL;
  g_autofree char *text = NULL;
  SihHandoverReport report = { 99, 99 };
  guint n_changed = 0;

  g_signal_connect (c, "changed", G_CALLBACK (count_cb), &n_changed);
  g_signal_connect (c, "detail-changed", G_CALLBACK (count_cb), &n_changed);

  copy = sih_handover_copy_case (c, SIH_MASK_EMAILS | SIH_MASK_PHONES, &report);
  g_assert_nonnull (copy);

  /* Secrets are withheld with the summary's marker, wherever they were typed. */
  g_assert_cmpstr (sih_case_get_note (copy, CAUSE, STEP), ==, "コードは [hidden] でした");
  g_assert_cmpstr (sih_case_get_detail (copy, SIH_DETAIL_EXTRA), ==, "パスワード: [hidden]");
  g_assert_cmpstr (sih_case_get_detail (copy, SIH_DETAIL_SINCE), ==, "2026-11-25, after pw=[hidden]");
  g_assert_cmpstr (sih_case_get_title (copy), ==, "Got [hidden] from t***@e***.com");
  /* What only looks like a code at first sight stays. */
  g_assert_cmpstr (sih_case_get_detail (copy, SIH_DETAIL_ERROR_MESSAGE), ==,
                   "Error code 5001: try again later");

  /* Contact details masked as the summary masks them. */
  g_assert_cmpstr (sih_case_get_note (copy, CAUSE, OTHER), ==, "Call back on ***-****-5678");
  g_assert_cmpstr (sih_case_get_detail (copy, SIH_DETAIL_ACCOUNT_EMAIL), ==, "t***@e***.co.jp");
  g_assert_cmpstr (sih_case_get_detail (copy, SIH_DETAIL_ACCOUNT_PHONE), ==, "+81 **-****-5678");

  /* Ids chosen from a list are not text. */
  g_assert_cmpstr (sih_case_get_detail (copy, SIH_DETAIL_DEVICE_TYPE), ==, "phone");
  g_assert_cmpstr (sih_case_get_detail (copy, SIH_DETAIL_CHANGES), ==, "new-phone,new-password");

  g_assert_cmpuint (report.n_withheld, ==, 4);
  g_assert_cmpuint (report.n_masked, ==, 4);

  /* Everything else is the case as it is. */
  g_assert_cmpstr (sih_case_get_id (copy), ==, sih_case_get_id (c));
  g_assert_cmpint (sih_case_get_outcome (copy, CAUSE, STEP), ==, SIH_OUTCOME_FAILED);
  g_assert_cmpint (sih_case_get_outcome (copy, CAUSE, OTHER), ==, SIH_OUTCOME_WORKED);
  g_assert_cmpuint (sih_case_get_history (copy)->len, ==, sih_case_get_history (c)->len);
  g_assert_cmpstr (sih_case_get_cause_id (copy), ==, CAUSE);
  g_assert_true (g_date_time_equal (sih_case_get_created (copy), sih_case_get_created (c)));
  g_assert_true (g_date_time_equal (sih_case_get_updated (copy), sih_case_get_updated (c)));
  g_assert_nonnull (((SihStepRecord *)g_ptr_array_index (sih_case_get_records (copy), 0))->changed);

  copy_bytes = sih_case_file_to_bytes (copy);
  text = bytes_text (copy_bytes);
  assert_no_secret (text);
  g_assert_null (strstr (text, "taro"));
  /* The number in full (four digits alone turn up in a random case id
   * now and then). */
  g_assert_null (strstr (text, "1234-5678"));

  /* The case kept on this computer is not changed. */
  after = sih_case_file_to_bytes (c);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_cmpuint (n_changed, ==, 0);
  g_assert_cmpstr (sih_case_get_note (c, CAUSE, STEP), ==, "コードは 123456 でした");
}

/* A help desk's case keeps its status, route and call-back; the reason,
 * the ticket and the caller's name are made safe like any text, and how
 * to reach the caller is masked like any contact detail. */
static void
test_handover_help_desk (void)
{
  g_autoptr(SihCase) kase = sih_case_new ("test-pack", "1.0");
  g_autoptr(SihCase) copy = NULL;
  g_autoptr(SihCase) as_written = NULL;

  sih_case_set_title (kase, "Caller 4711");
  sih_case_set_ticket (kase, "HD-4711");
  sih_case_set_caller_name (kase, "Hanako Sato");
  sih_case_set_caller_contact (kase, "090-1234-5678 or hanako@example.com");
  g_assert_true (sih_case_set_status (kase, SIH_STATUS_ESCALATED,
                                      "She read out the code 482913 by mistake", "customer-service",
                                      NULL));

  copy = sih_handover_copy_case (kase, SIH_MASK_DEFAULT, NULL);
  g_assert_cmpint (sih_case_get_status (copy), ==, SIH_STATUS_ESCALATED);
  g_assert_cmpstr (sih_case_get_escalation_route (copy), ==, "customer-service");
  g_assert_cmpstr (sih_case_get_title (copy), ==, "Caller 4711");
  g_assert_cmpstr (sih_case_get_ticket (copy), ==, "HD-4711");
  g_assert_cmpstr (sih_case_get_caller_name (copy), ==, "Hanako Sato");
  g_assert_null (strstr (sih_case_get_status_reason (copy), "482913"));
  g_assert_null (strstr (sih_case_get_caller_contact (copy), "1234-5678"));
  g_assert_null (strstr (sih_case_get_caller_contact (copy), "hanako@"));

  /* Contact details as written when chosen; the code never. */
  as_written = sih_handover_copy_case (kase, SIH_MASK_NONE, NULL);
  g_assert_cmpstr (sih_case_get_caller_contact (as_written), ==,
                   "090-1234-5678 or hanako@example.com");
  g_assert_null (strstr (sih_case_get_status_reason (as_written), "482913"));
  g_assert_cmpint (sih_case_get_status (as_written), ==, SIH_STATUS_ESCALATED);
}

static void
test_handover_as_written (void)
{
  g_autoptr(SihCase) c = case_with_secrets ();
  g_autoptr(SihCase) copy = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *text = NULL;
  SihHandoverReport report;

  /* Contact details as written, when the person chooses so; secrets
   * are withheld even when not asked to. */
  copy = sih_handover_copy_case (c, SIH_MASK_NONE, &report);
  g_assert_cmpstr (sih_case_get_note (copy, CAUSE, STEP), ==, "コードは [hidden] でした");
  g_assert_cmpstr (sih_case_get_detail (copy, SIH_DETAIL_EXTRA), ==, "パスワード: [hidden]");
  g_assert_cmpstr (sih_case_get_title (copy), ==, "Got [hidden] from taro@example.com");
  g_assert_cmpstr (sih_case_get_note (copy, CAUSE, OTHER), ==, "Call back on 090-1234-5678");
  g_assert_cmpstr (sih_case_get_detail (copy, SIH_DETAIL_ACCOUNT_EMAIL), ==,
                   "taro.yamada@example.co.jp");
  g_assert_cmpstr (sih_case_get_detail (copy, SIH_DETAIL_ACCOUNT_PHONE), ==, "+81 90-1234-5678");
  g_assert_cmpuint (report.n_withheld, ==, 4);
  g_assert_cmpuint (report.n_masked, ==, 0);

  bytes = sih_case_file_to_bytes (copy);
  text = bytes_text (bytes);
  assert_no_secret (text);

  /* A reference number names the case: it is no code. */
  {
    g_autoptr(SihCase) titled = sih_case_new ("test-pack", "1.0");
    g_autoptr(SihCase) titled_copy = NULL;

    sih_case_set_title (titled, "Caller 4711, Firefox 128.5.0esr");
    titled_copy = sih_handover_copy_case (titled, SIH_MASK_DEFAULT, NULL);
    g_assert_cmpstr (sih_case_get_title (titled_copy), ==, "Caller 4711, Firefox 128.5.0esr");
  }

  /* Only e-mail addresses, or only phone numbers. */
  g_clear_object (&copy);
  copy = sih_handover_copy_case (c, SIH_MASK_PHONES, NULL);
  g_assert_cmpstr (sih_case_get_detail (copy, SIH_DETAIL_ACCOUNT_EMAIL), ==,
                   "taro.yamada@example.co.jp");
  g_assert_cmpstr (sih_case_get_detail (copy, SIH_DETAIL_ACCOUNT_PHONE), ==, "+81 **-****-5678");
}

/* A text that grows when masked is cut to the model's bound, so that the
 * file still reads back. */
static void
test_handover_bounds (void)
{
  g_autoptr(SihCase) c = sih_case_new ("test-pack", "1.0");
  g_autoptr(SihCase) copy = NULL;
  g_autoptr(SihCase) loaded = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) note = g_string_new (NULL);
  const char *safe;

  /* A code first, then words up to the bound. */
  g_string_append (note, "4821 ");
  while (note->len + 5 <= SIH_CASE_MAX_TEXT)
    g_string_append (note, "word ");
  sih_case_set_note (c, CAUSE, STEP, note->str);
  g_assert_cmpuint (strlen (sih_case_get_note (c, CAUSE, STEP)), ==, note->len);

  copy = sih_handover_copy_case (c, SIH_MASK_DEFAULT, NULL);
  safe = sih_case_get_note (copy, CAUSE, STEP);
  g_assert_cmpuint (strlen (safe), ==, SIH_CASE_MAX_TEXT);
  g_assert_true (g_str_has_prefix (safe, "[hidden] word "));

  bytes = sih_case_file_to_bytes (copy);
  loaded = sih_case_file_load_bytes (bytes, "copy", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sih_case_get_note (loaded, CAUSE, STEP), ==, safe);
}

static void
test_handover_export (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("sih-handover-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(SihCase) c = case_with_secrets ();
  g_autoptr(SihCase) loaded = NULL;
  g_autofree char *missing = NULL;
  SihHandoverReport report;
  struct stat st;

  g_assert_no_error (error);
  path = g_build_filename (dir, "handover.json", NULL);

  /* Private to the user, even over a file that was not. */
  g_assert_true (g_file_set_contents_full (path, "old", -1, G_FILE_SET_CONTENTS_NONE, 0644, &error));
  g_assert_no_error (error);

  g_assert_true (sih_handover_export (c, path, SIH_MASK_EMAILS | SIH_MASK_PHONES, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpuint (report.n_withheld, ==, 4);

  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  assert_no_secret (contents);
  g_assert_null (strstr (contents, "taro"));

  /* A case file like any other: it can be imported elsewhere. */
  loaded = sih_case_file_load (path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sih_case_get_note (loaded, CAUSE, STEP), ==, "コードは [hidden] でした");

  missing = g_build_filename (dir, "no", "such", "folder.json", NULL);
  g_assert_false (sih_handover_export (c, missing, SIH_MASK_DEFAULT, NULL, &error));
  g_assert_error (error, SIH_ERROR, SIH_ERROR_IO);

  g_unlink (path);
  g_rmdir (dir);
}

static GDateTime *clock_now;

static GDateTime *
fixed_clock (gpointer user_data)
{
  return g_date_time_ref (clock_now);
}

static void
advance (int minutes)
{
  GDateTime *later = g_date_time_add_minutes (clock_now, minutes);

  g_date_time_unref (clock_now);
  clock_now = later;
}

/* Handing a case over and importing the file keeps every call (start,
 * end, agent) and the agent of every history entry, and says who handed
 * it over and when. */
static void
test_handover_agents (void)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("+09:00");
  g_autoptr(SihCase) c = sih_case_new ("test-pack", "1.0");
  g_autoptr(SihCase) loaded = NULL;
  g_autoptr(SihCase) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("sih-handover-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "handover.json", NULL);
  g_autoptr(GBytes) bytes = NULL;
  GPtrArray *calls, *history, *loaded_calls, *loaded_history;

  g_assert_no_error (error);
  clock_now = g_date_time_new (tz, 2026, 11, 25, 9, 0, 0);
  sih_case_set_clock (c, fixed_clock, NULL);

  sih_case_set_agent (c, "Sato");
  g_assert_true (sih_case_start_call (c));
  advance (3);
  sih_case_set_outcome (c, CAUSE, STEP, SIH_OUTCOME_FAILED);
  sih_case_set_note (c, CAUSE, STEP, "Nothing came");
  advance (4);
  g_assert_true (sih_case_stop_call (c));
  advance (1);
  sih_case_set_status (c, SIH_STATUS_WAITING, "Looking for the phone", NULL, NULL);
  advance (60);
  sih_case_set_agent (c, "Suzuki");
  g_assert_true (sih_case_start_call (c));
  advance (2);
  sih_case_set_outcome (c, CAUSE, OTHER, SIH_OUTCOME_WORKED);
  g_assert_true (sih_case_stop_call (c));
  advance (5);

  g_assert_true (sih_handover_export (c, path, SIH_MASK_DEFAULT, NULL, &error));
  g_assert_no_error (error);
  /* The case kept here was never handed over. */
  g_assert_null (sih_case_get_handover_time (c));
  g_assert_null (sih_case_get_handover_agent (c));

  loaded = sih_case_file_load (path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sih_case_get_handover_agent (loaded), ==, "Suzuki");
  g_assert_nonnull (sih_case_get_handover_time (loaded));
  g_assert_true (g_date_time_equal (sih_case_get_handover_time (loaded), clock_now));

  calls = sih_case_get_calls (c);
  loaded_calls = sih_case_get_calls (loaded);
  g_assert_cmpuint (calls->len, ==, 2);
  g_assert_cmpuint (loaded_calls->len, ==, calls->len);
  for (guint i = 0; i < calls->len; i++)
    {
      const SihCall *a = g_ptr_array_index (calls, i);
      const SihCall *b = g_ptr_array_index (loaded_calls, i);

      g_assert_true (g_date_time_equal (a->start, b->start));
      g_assert_nonnull (b->end);
      g_assert_true (g_date_time_equal (a->end, b->end));
      g_assert_cmpstr (a->agent, ==, b->agent);
    }
  g_assert_cmpstr (((SihCall *)g_ptr_array_index (loaded_calls, 0))->agent, ==, "Sato");
  g_assert_cmpstr (((SihCall *)g_ptr_array_index (loaded_calls, 1))->agent, ==, "Suzuki");

  history = sih_case_get_history (c);
  loaded_history = sih_case_get_history (loaded);
  g_assert_cmpuint (history->len, >=, 4);
  g_assert_cmpuint (loaded_history->len, ==, history->len);
  for (guint i = 0; i < history->len; i++)
    {
      const SihHistoryEntry *a = g_ptr_array_index (history, i);
      const SihHistoryEntry *b = g_ptr_array_index (loaded_history, i);

      g_assert_cmpint (a->kind, ==, b->kind);
      g_assert_true (g_date_time_equal (a->time, b->time));
      g_assert_nonnull (b->agent);
      g_assert_cmpstr (a->agent, ==, b->agent);
    }

  /* Saved again here (as the store does), it still says where it came from. */
  bytes = sih_case_file_to_bytes (loaded);
  again = sih_case_file_load_bytes (bytes, "again", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sih_case_get_handover_agent (again), ==, "Suzuki");
  g_assert_true (g_date_time_equal (sih_case_get_handover_time (again), clock_now));

  g_clear_pointer (&clock_now, g_date_time_unref);
  g_unlink (path);
  g_rmdir (dir);
}

static void
test_handover_detail_kinds (void)
{
  g_assert_cmpint (sih_detail_get_kind (SIH_DETAIL_ACCOUNT_EMAIL), ==, SIH_DETAIL_KIND_EMAIL);
  g_assert_cmpint (sih_detail_get_kind (SIH_DETAIL_ACCOUNT_PHONE), ==, SIH_DETAIL_KIND_PHONE);
  g_assert_cmpint (sih_detail_get_kind (SIH_DETAIL_WHERE), ==, SIH_DETAIL_KIND_CHOICE);
  g_assert_cmpint (sih_detail_get_kind (SIH_DETAIL_EXTRA), ==, SIH_DETAIL_KIND_TEXT);
  /* A detail this version does not know is treated as typed text. */
  g_assert_cmpint (sih_detail_get_kind ("from-a-newer-version"), ==, SIH_DETAIL_KIND_TEXT);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/handover/masked", test_handover_masked);
  g_test_add_func ("/handover/as-written", test_handover_as_written);
  g_test_add_func ("/handover/help-desk", test_handover_help_desk);
  g_test_add_func ("/handover/bounds", test_handover_bounds);
  g_test_add_func ("/handover/export", test_handover_export);
  g_test_add_func ("/handover/detail-kinds", test_handover_detail_kinds);
  g_test_add_func ("/handover/agents", test_handover_agents);

  return g_test_run ();
}
