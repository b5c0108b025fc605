/* test-report.c: the help desk's report across saved cases
 *
 * The pack is tests/data/packs/good.json (causes "first" with steps one,
 * two, three and "second" with a, b, c; one route, "customer-service"),
 * loaded without a text domain.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "core/sih-case-file.h"
#include "core/sih-report.h"
#include "sih-test-locale.h"

static SihPack *
load_pack (const char *replace,
           const char *with)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "packs", "good.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GBytes) bytes = NULL;
  SihPack *pack;

  g_assert_true (g_file_get_contents (path, &text, NULL, &error));
  if (replace != NULL)
    {
      g_autoptr(GString) s = g_string_new (text);

      g_assert_nonnull (strstr (text, replace));
      g_string_replace (s, replace, with, 0);
      g_free (text);
      text = g_strdup (s->str);
    }
  bytes = g_bytes_new (text, strlen (text));
  pack = sih_pack_new_from_bytes (bytes, "good.json", NULL, &error);
  g_assert_no_error (error);
  return pack;
}

static GDateTime *
at (const char *iso)
{
  GDateTime *time = g_date_time_new_from_iso8601 (iso, NULL);

  g_assert_nonnull (time);
  return time;
}

static SihCase *
make_case (const char *created,
           const char *cause_id,
           SihStatus   status,
           const char *route)
{
  g_autoptr(GDateTime) time = at (created);
  g_autofree char *id = g_uuid_string_random ();
  SihCase *c = sih_case_new_restored (id, "test-pack", "1", time, time);

  sih_case_restore_state (c, NULL, status == SIH_STATUS_SOLVED, cause_id);
  sih_case_restore_status (c, status, NULL, route, NULL);
  return c;
}

static void
add_worked (SihCase    *c,
            const char *cause_id,
            const char *step_id)
{
  sih_case_restore_record (c, cause_id, step_id, SIH_OUTCOME_WORKED, NULL, NULL);
}

static void
add_call (SihCase *c,
          gint64   seconds)
{
  g_autoptr(GDateTime) start = at ("2026-12-01T10:00:00Z");
  g_autoptr(GDateTime) end = g_date_time_add_seconds (start, seconds);

  sih_case_restore_call (c, start, end, NULL);
}

static SihReportRow *
row (GPtrArray *rows,
     guint      i)
{
  g_assert_cmpuint (i, <, rows->len);
  return g_ptr_array_index (rows, i);
}

static void
assert_row (GPtrArray  *rows,
            guint       i,
            const char *id,
            const char *label,
            guint       count)
{
  SihReportRow *r = row (rows, i);

  g_assert_cmpstr (r->id, ==, id);
  g_assert_cmpstr (r->label, ==, label);
  g_assert_cmpuint (r->count, ==, count);
}

static SihReport *
report_of (GPtrArray  *cases,
           const char *from,
           const char *until,
           SihPack    *pack)
{
  g_autoptr(GDateTime) from_time = from != NULL ? at (from) : NULL;
  g_autoptr(GDateTime) until_time = until != NULL ? at (until) : NULL;
  SihReport *report = sih_report_new (from_time, until_time);

  for (guint i = 0; i < cases->len; i++)
    sih_report_add_case (report, g_ptr_array_index (cases, i));
  sih_report_finish (report, pack);
  return report;
}

static void
test_report_period_range (void)
{
  static const struct
  {
    SihReportPeriod period;
    const char *nick;
    const char *from;
    const char *until;
  } expected[] = {
    { SIH_REPORT_PERIOD_LAST_7_DAYS, "last-7-days", "2026-12-01T00:00:00+09", "2026-12-08T00:00:00+09" },
    { SIH_REPORT_PERIOD_LAST_30_DAYS, "last-30-days", "2026-11-08T00:00:00+09", "2026-12-08T00:00:00+09" },
    { SIH_REPORT_PERIOD_THIS_MONTH, "this-month", "2026-12-01T00:00:00+09", "2026-12-08T00:00:00+09" },
    { SIH_REPORT_PERIOD_ALL_TIME, "all-time", NULL, NULL },
  };
  /* 00:30 on the 7th in Tokyo is still the 6th in UTC: days are the zone's. */
  g_autoptr(GDateTime) now = at ("2026-12-07T00:30:00+09:00");

  G_STATIC_ASSERT (G_N_ELEMENTS (expected) == SIH_N_REPORT_PERIODS);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(GDateTime) from = NULL;
      g_autoptr(GDateTime) until = NULL;
      SihReportPeriod parsed;

      g_assert_cmpstr (sih_report_period_to_string (expected[i].period), ==, expected[i].nick);
      g_assert_true (sih_report_period_from_string (expected[i].nick, &parsed));
      g_assert_cmpint (parsed, ==, expected[i].period);
      g_assert_nonnull (sih_report_period_get_label (expected[i].period));

      sih_report_period_get_range (expected[i].period, now, &from, &until);
      if (expected[i].from == NULL)
        {
          g_assert_null (from);
          g_assert_null (until);
        }
      else
        {
          g_autoptr(GDateTime) want_from = at (expected[i].from);
          g_autoptr(GDateTime) want_until = at (expected[i].until);

          g_assert_true (g_date_time_equal (from, want_from));
          g_assert_true (g_date_time_equal (until, want_until));
        }
    }
  g_assert_false (sih_report_period_from_string ("yesterday", &(SihReportPeriod){ 0 }));
}

/* A case is in the period it was created in: the start is in, the end is
 * out, and a later change does not move it. */
static void
test_report_period_edges (void)
{
  g_autoptr(GPtrArray) cases = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(SihReport) report = NULL;
  g_autoptr(GDateTime) later = at ("2026-12-05T12:00:00Z");
  SihCase *updated_in_period;

  g_ptr_array_add (cases, make_case ("2026-11-30T23:59:59.999999Z", "first", SIH_STATUS_OPEN, NULL));
  g_ptr_array_add (cases, make_case ("2026-12-01T00:00:00Z", "first", SIH_STATUS_OPEN, NULL));
  g_ptr_array_add (cases, make_case ("2026-12-07T23:59:59Z", "second", SIH_STATUS_OPEN, NULL));
  g_ptr_array_add (cases, make_case ("2026-12-08T00:00:00Z", "second", SIH_STATUS_OPEN, NULL));
  /* Created before, worked on in the period: not in it. */
  updated_in_period = make_case ("2026-11-20T10:00:00Z", "second", SIH_STATUS_SOLVED, NULL);
  sih_case_restore_updated (updated_in_period, later);
  g_ptr_array_add (cases, updated_in_period);

  report = report_of (cases, "2026-12-01T00:00:00Z", "2026-12-08T00:00:00Z", NULL);
  g_assert_cmpuint (report->n_cases, ==, 2);
  /* The same rule, for those who choose files by the case list. */
  for (guint i = 0; i < cases->len; i++)
    g_assert_cmpint (sih_report_in_period (report->from, report->until,
                                           sih_case_get_created (g_ptr_array_index (cases, i))),
                     ==, i == 1 || i == 2);
  g_assert_cmpuint (row (report->by_cause, 0)->count + row (report->by_cause, 1)->count, ==, 2);
  assert_row (report->by_status, SIH_STATUS_SOLVED, "solved", sih_status_get_label (SIH_STATUS_SOLVED), 0);

  g_clear_pointer (&report, sih_report_free);
  report = report_of (cases, NULL, NULL, NULL);
  g_assert_cmpuint (report->n_cases, ==, 5);
}

static void
test_report_counts (void)
{
  g_autoptr(SihPack) pack = load_pack (NULL, NULL);
  g_autoptr(GPtrArray) cases = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(SihReport) report = NULL;
  SihReportCauseSteps *cause;
  SihCase *c;

  /* "second" 3, "first" 2, none 2, "gone" (not in the pack) 2. */
  for (guint i = 0; i < 3; i++)
    {
      c = make_case ("2026-12-02T09:00:00Z", "second", i == 0 ? SIH_STATUS_SOLVED : SIH_STATUS_WAITING, NULL);
      add_worked (c, "second", "c");
      if (i < 2)
        add_worked (c, "second", "b");
      g_ptr_array_add (cases, c);
    }
  for (guint i = 0; i < 2; i++)
    {
      c = make_case ("2026-12-02T09:00:00Z", "first", SIH_STATUS_SOLVED, NULL);
      /* Four steps worked in these cases, each once: a tie kept in the
       * pack's order, the step the pack no longer has last, and only the
       * first three shown. */
      if (i == 0)
        {
          add_worked (c, "first", "retired");
          add_worked (c, "first", "three");
          sih_case_restore_record (c, "first", "one", SIH_OUTCOME_FAILED, NULL, NULL);
        }
      else
        {
          add_worked (c, "first", "two");
          add_worked (c, "first", "one");
        }
      g_ptr_array_add (cases, c);
    }
  g_ptr_array_add (cases, make_case ("2026-12-02T09:00:00Z", NULL, SIH_STATUS_OPEN, NULL));
  g_ptr_array_add (cases, make_case ("2026-12-02T09:00:00Z", NULL, SIH_STATUS_CALL_BACK, NULL));
  g_ptr_array_add (cases, make_case ("2026-12-02T09:00:00Z", "gone", SIH_STATUS_OPEN, NULL));
  g_ptr_array_add (cases, make_case ("2026-12-02T09:00:00Z", "gone", SIH_STATUS_OPEN, NULL));
  /* Outside the period: counted nowhere. */
  c = make_case ("2026-10-02T09:00:00Z", "first", SIH_STATUS_SOLVED, NULL);
  add_worked (c, "first", "one");
  g_ptr_array_add (cases, c);

  report = report_of (cases, "2026-12-01T00:00:00Z", "2026-12-08T00:00:00Z", pack);
  g_assert_cmpuint (report->n_cases, ==, 9);

  g_assert_cmpuint (report->by_cause->len, ==, 4);
  assert_row (report->by_cause, 0, "second", "Second cause", 3);
  assert_row (report->by_cause, 1, "first", "First cause", 2);
  assert_row (report->by_cause, 2, "gone", "gone", 2);
  assert_row (report->by_cause, 3, NULL, "No cause chosen", 2);

  g_assert_cmpuint (report->by_status->len, ==, SIH_N_STATUSES);
  assert_row (report->by_status, 0, "open", "Open", 3);
  assert_row (report->by_status, 1, "waiting", "Waiting for the caller", 2);
  assert_row (report->by_status, 2, "escalated", "Escalated", 0);
  assert_row (report->by_status, 3, "call-back", "Call back", 1);
  assert_row (report->by_status, 4, "solved", "Solved", 3);

  g_assert_cmpuint (report->worked->len, ==, 2);
  cause = g_ptr_array_index (report->worked, 0);
  g_assert_cmpstr (cause->cause_id, ==, "first");
  g_assert_cmpstr (cause->label, ==, "First cause");
  g_assert_cmpuint (cause->steps->len, ==, SIH_REPORT_TOP_STEPS);
  assert_row (cause->steps, 0, "one", "Step one", 1);
  assert_row (cause->steps, 1, "two", "Step two", 1);
  assert_row (cause->steps, 2, "three", "Step three", 1);
  cause = g_ptr_array_index (report->worked, 1);
  g_assert_cmpstr (cause->cause_id, ==, "second");
  g_assert_cmpuint (cause->steps->len, ==, 2);
  assert_row (cause->steps, 0, "c", "Step C", 3);
  assert_row (cause->steps, 1, "b", "Step B", 2);

  g_assert_cmpuint (report->n_escalated, ==, 0);
  g_assert_cmpuint (report->routes->len, ==, 0);
  g_assert_cmpuint (report->n_calls, ==, 0);
  g_assert_cmpint (report->median_call, ==, -1);
}

static void
test_report_routes (void)
{
  g_autoptr(SihPack) pack = load_pack (NULL, NULL);
  g_autoptr(GPtrArray) cases = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(SihReport) report = NULL;
  g_autoptr(GDateTime) time = at ("2026-12-02T10:00:00Z");
  SihHistoryEntry escalation = {
    .time = time, .kind = SIH_HISTORY_STATUS, .old_status = SIH_STATUS_OPEN,
    .new_status = SIH_STATUS_ESCALATED, .route_id = (char *)"old-route",
  };
  SihHistoryEntry back = {
    .time = time, .kind = SIH_HISTORY_STATUS, .old_status = SIH_STATUS_OPEN,
    .new_status = SIH_STATUS_ESCALATED, .route_id = (char *)"customer-service",
  };
  SihCase *c;

  g_ptr_array_add (cases, make_case ("2026-12-02T09:00:00Z", "first", SIH_STATUS_ESCALATED, "customer-service"));
  g_ptr_array_add (cases, make_case ("2026-12-02T09:00:00Z", "first", SIH_STATUS_ESCALATED, NULL));
  /* Escalated, then solved: still escalated, by its latest route. */
  c = make_case ("2026-12-02T09:00:00Z", "first", SIH_STATUS_SOLVED, NULL);
  sih_case_restore_entry (c, &escalation);
  sih_case_restore_entry (c, &back);
  g_ptr_array_add (cases, c);
  /* A route the pack no longer has. */
  c = make_case ("2026-12-02T09:00:00Z", "first", SIH_STATUS_CALL_BACK, NULL);
  sih_case_restore_entry (c, &escalation);
  g_ptr_array_add (cases, c);
  g_ptr_array_add (cases, make_case ("2026-12-02T09:00:00Z", "first", SIH_STATUS_OPEN, NULL));

  report = report_of (cases, NULL, NULL, pack);
  g_assert_cmpuint (report->n_cases, ==, 5);
  g_assert_cmpuint (report->n_escalated, ==, 4);
  g_assert_cmpuint (report->routes->len, ==, 3);
  assert_row (report->routes, 0, "customer-service", "Customer Service", 2);
  assert_row (report->routes, 1, "old-route", "old-route", 1);
  assert_row (report->routes, 2, NULL, "No route recorded", 1);
  assert_row (report->by_status, SIH_STATUS_ESCALATED, "escalated", "Escalated", 2);
}

static void
test_report_median (void)
{
  static const struct
  {
    gint64 seconds[6];  /* -1 ends; 0 is a running call */
    gint64 median;      /* seconds; -1 for none */
    gint64 total;
    guint  n;
  } cases[] = {
    { { -1 }, -1, 0, 0 },
    { { 300, -1 }, 300, 300, 1 },
    { { 600, 60, 300, -1 }, 300, 960, 3 },
    { { 600, 60, 300, 120, -1 }, 210, 1080, 4 },
    /* Running calls have no length yet. */
    { { 0, 600, 60, 0, -1 }, 330, 660, 2 },
    { { 0, -1 }, -1, 0, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);
      g_autoptr(SihReport) report = NULL;
      SihCase *first = make_case ("2026-12-02T09:00:00Z", "first", SIH_STATUS_OPEN, NULL);
      SihCase *second = make_case ("2026-12-02T09:00:00Z", "first", SIH_STATUS_OPEN, NULL);

      g_ptr_array_add (list, first);
      g_ptr_array_add (list, second);
      /* Spread over two cases: the median is over calls, not cases. */
      for (guint j = 0; cases[i].seconds[j] >= 0; j++)
        {
          SihCase *c = j % 2 == 0 ? first : second;

          if (cases[i].seconds[j] == 0)
            {
              g_autoptr(GDateTime) start = at ("2026-12-02T10:00:00Z");

              sih_case_restore_call (c, start, NULL, NULL);
            }
          else
            add_call (c, cases[i].seconds[j]);
        }
      report = report_of (list, NULL, NULL, NULL);
      g_assert_cmpuint (report->n_calls, ==, cases[i].n);
      g_assert_cmpint (report->median_call, ==,
                       cases[i].median < 0 ? -1 : cases[i].median * G_USEC_PER_SEC);
      g_assert_cmpint (report->total_call, ==, cases[i].total * G_USEC_PER_SEC);
    }
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      g_assert_cmpint (g_unlink (child), ==, 0);
    }
  g_rmdir (path);
}

static void
computed_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  GError **error = user_data;
  SihReport *report = sih_report_compute_finish (result, error);

  g_assert_null (report);
}

/* From files, on several threads: the same figures as case by case; a
 * file that cannot be read is counted apart. */
static void
test_report_files (void)
{
  g_autoptr(SihPack) pack = load_pack (NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("sih-test-report-XXXXXX", &error);
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) cases = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(SihReport) expected = NULL;
  g_autoptr(SihReport) report = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *broken = NULL;

  g_assert_no_error (error);
  for (guint i = 0; i < 300; i++)
    {
      SihCase *c = make_case (i % 3 == 0 ? "2026-11-02T09:00:00Z" : "2026-12-02T09:00:00Z",
                              i % 5 == 0 ? "first" : "second",
                              (SihStatus)(i % SIH_N_STATUSES),
                              i % SIH_N_STATUSES == SIH_STATUS_ESCALATED ? "customer-service" : NULL);
      g_autofree char *name = g_strconcat (sih_case_get_id (c), ".json", NULL);
      char *path = g_build_filename (dir, name, NULL);

      add_worked (c, i % 5 == 0 ? "first" : "second", i % 2 ? "a" : "b");
      add_call (c, 60 + i);
      g_assert_true (sih_case_file_save_to_path (c, path, &error));
      g_assert_no_error (error);
      g_ptr_array_add (paths, path);
      g_ptr_array_add (cases, c);
    }
  broken = g_build_filename (dir, "broken.json", NULL);
  g_assert_true (g_file_set_contents (broken, "{\"format\": 2", -1, NULL));
  g_ptr_array_add (paths, g_strdup (broken));
  g_ptr_array_add (paths, NULL);

  expected = report_of (cases, "2026-12-01T00:00:00Z", NULL, pack);
  sih_report_clear_cache ();
  {
    g_autoptr(GDateTime) from = at ("2026-12-01T00:00:00Z");

    report = sih_report_compute ((const char * const *)paths->pdata, from, NULL, pack, NULL, &error);
  }
  g_assert_no_error (error);
  g_assert_cmpuint (report->n_read, ==, 300);
  g_assert_cmpuint (report->n_cases, ==, 200);
  g_assert_cmpuint (report->n_cases, ==, expected->n_cases);
  g_assert_cmpuint (report->n_unreadable, ==, 1);
  g_assert_cmpuint (report->n_escalated, ==, expected->n_escalated);
  g_assert_cmpuint (report->n_calls, ==, 200);
  g_assert_cmpint (report->median_call, ==, expected->median_call);
  g_assert_cmpint (report->total_call, ==, expected->total_call);
  for (guint i = 0; i < SIH_N_STATUSES; i++)
    g_assert_cmpuint (row (report->by_status, i)->count, ==, row (expected->by_status, i)->count);
  for (guint i = 0; i < expected->by_cause->len; i++)
    assert_row (report->by_cause, i, row (expected->by_cause, i)->id,
                row (expected->by_cause, i)->label, row (expected->by_cause, i)->count);

  /* Again: what was read is used again, with the same figures; a file
   * saved since is read again. */
  {
    g_autoptr(SihReport) again = sih_report_compute ((const char * const *)paths->pdata, NULL, NULL, pack,
                                                     NULL, &error);
    g_autoptr(SihReport) changed = NULL;
    SihCase *c = g_ptr_array_index (cases, 1);
    SihStatus old_status = sih_case_get_status (c);

    g_assert_no_error (error);
    g_assert_cmpuint (again->n_read, ==, 0);
    g_assert_cmpuint (again->n_cases, ==, 300);
    g_assert_cmpuint (again->n_unreadable, ==, 1);

    g_assert_cmpint (old_status, !=, SIH_STATUS_CALL_BACK);
    sih_case_restore_status (c, SIH_STATUS_CALL_BACK, NULL, NULL, NULL);
    g_assert_true (sih_case_file_save_to_path (c, g_ptr_array_index (paths, 1), &error));
    g_assert_no_error (error);
    changed = sih_report_compute ((const char * const *)paths->pdata, NULL, NULL, pack, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (changed->n_read, ==, 1);
    g_assert_cmpuint (row (changed->by_status, SIH_STATUS_CALL_BACK)->count, ==,
                      row (again->by_status, SIH_STATUS_CALL_BACK)->count + 1);
    g_assert_cmpuint (row (changed->by_status, old_status)->count, ==,
                      row (again->by_status, old_status)->count - 1);
  }

  /* Cancelled: no report. */
  g_cancellable_cancel (cancellable);
  sih_report_compute_async ((const char * const *)paths->pdata, NULL, NULL, pack, cancellable,
                            computed_cb, &error);
  while (error == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  remove_tree (dir);
}

static char *
csv_of (SihReport *report)
{
  g_autoptr(GBytes) bytes = sih_report_to_csv (report, sih_report_period_get_label (SIH_REPORT_PERIOD_LAST_7_DAYS));
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  g_assert_true (g_utf8_validate (data, size, NULL));
  return g_strndup (data, size);
}

static void
test_report_csv (void)
{
  g_autoptr(SihPack) pack = load_pack ("\"First cause\"", "\"=HYPERLINK(\\\"http://x\\\"), \\\"quoted\\\"\"");
  g_autoptr(GPtrArray) cases = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(SihReport) report = NULL;
  g_autofree char *csv = NULL;
  g_auto(GStrv) lines = NULL;
  SihCase *c;

  sih_test_use_language ("en");
  c = make_case ("2026-12-02T09:00:00Z", "first", SIH_STATUS_ESCALATED, "customer-service");
  sih_case_restore_state (c, "Mrs Tanaka's laptop", FALSE, "first");
  sih_case_restore_status (c, SIH_STATUS_ESCALATED, "Needs an ID check", "customer-service", NULL);
  sih_case_restore_help_desk (c, "T-4711", "Hanako Tanaka", "hanako@example.org");
  sih_case_restore_record (c, "first", "one", SIH_OUTCOME_WORKED, "Private note 0901", NULL);
  sih_case_restore_detail (c, "error-message", "Enter a valid OTP");
  add_call (c, 125);
  g_ptr_array_add (cases, c);
  g_ptr_array_add (cases, make_case ("2026-12-03T09:00:00Z", "second", SIH_STATUS_SOLVED, NULL));
  g_ptr_array_add (cases, make_case ("2026-12-03T09:00:00Z", "gone", SIH_STATUS_SOLVED, NULL));

  report = report_of (cases, "2026-12-01T00:00:00+09:00", "2026-12-08T00:00:00+09:00", pack);
  csv = csv_of (report);

  g_assert_true (g_str_has_prefix (csv, "\xEF\xBB\xBF" "Figure,Value\r\n"));
  /* Every line ends with CRLF; no bare LF. */
  g_assert_true (g_str_has_suffix (csv, "\r\n"));
  for (const char *p = csv; *p != '\0'; p++)
    if (*p == '\n')
      g_assert_true (p > csv && p[-1] == '\r');

  lines = g_strsplit (csv + 3, "\r\n", -1);
  {
    const char *want[] = {
      "Figure,Value",
      "Period,Last 7 days",
      "First day,2026-12-01",
      "Last day,2026-12-07",
      "Cases,3",
      "Escalated cases,1",
      "Completed calls,1",
      "Median call time (seconds),125",
      "Total call time (seconds),125",
      "",
      "Cause,Cases",
      /* Quoted (comma, quotes doubled) and neutralised (leading =). */
      "\"'=HYPERLINK(\"\"http://x\"\"), \"\"quoted\"\"\",1",
      "Second cause,1",
      "gone,1",
      "",
      "Status,Cases",
      "Open,0",
      "Waiting for the caller,0",
      "Escalated,1",
      "Call back,0",
      "Solved,2",
      "",
      "Cause,Step that worked,Cases",
      "\"'=HYPERLINK(\"\"http://x\"\"), \"\"quoted\"\"\",Step one,1",
      "",
      "Official route,Cases",
      "Customer Service,1",
      "",
      NULL,
    };

    g_assert_cmpstrv (lines, want);
  }

  /* Nothing that names the case or the caller, nothing they wrote. */
  g_assert_null (strstr (csv, "Tanaka"));
  g_assert_null (strstr (csv, "T-4711"));
  g_assert_null (strstr (csv, "hanako"));
  g_assert_null (strstr (csv, "Private"));
  g_assert_null (strstr (csv, "OTP"));
  g_assert_null (strstr (csv, "ID check"));
}

/* Every character a spreadsheet may take for the start of a formula. */
static void
test_report_csv_injection (void)
{
  static const char *titles[] = { "+1+2", "-1-2", "@SUM(A1)", "=1", "\\tTab" };

  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      g_autofree char *json_title = g_strdup_printf ("\"%s\"", titles[i]);
      g_autoptr(SihPack) pack = load_pack ("\"Second cause\"", json_title);
      g_autoptr(GPtrArray) cases = g_ptr_array_new_with_free_func (g_object_unref);
      g_autoptr(SihReport) report = NULL;
      g_autofree char *csv = NULL;
      g_autofree char *want = NULL;
      g_autofree char *unescaped = g_strcompress (titles[i]);

      sih_test_use_language ("en");
      g_ptr_array_add (cases, make_case ("2026-12-02T09:00:00Z", "second", SIH_STATUS_OPEN, NULL));
      report = report_of (cases, NULL, NULL, pack);
      csv = csv_of (report);
      want = g_strdup_printf ("\r\n'%s,1\r\n", unescaped);
      g_assert_nonnull (strstr (csv, want));
      g_assert_null (strstr (csv, "\r\n+"));
      g_assert_null (strstr (csv, "\r\n-"));
      g_assert_null (strstr (csv, "\r\n@"));
      g_assert_null (strstr (csv, "\r\n="));
      g_assert_null (strstr (csv, "\r\n\t"));
    }
}

static void
test_report_csv_ja (void)
{
  g_autoptr(GPtrArray) cases = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(SihReport) report = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *duration = NULL;

  if (!sih_test_use_language ("ja"))
    return;

  g_ptr_array_add (cases, make_case ("2026-12-02T09:00:00Z", NULL, SIH_STATUS_SOLVED, NULL));
  report = report_of (cases, NULL, NULL, NULL);
  csv = csv_of (report);
  sih_test_use_language ("en");

  g_assert_true (g_str_has_prefix (csv, "\xEF\xBB\xBF" "項目,値\r\n"));
  g_assert_nonnull (strstr (csv, "\r\n期間,過去 7 日間\r\n"));
  g_assert_nonnull (strstr (csv, "\r\nケース数,1\r\n"));
  g_assert_nonnull (strstr (csv, "\r\n原因,ケース数\r\n原因が未選択,1\r\n"));
  g_assert_nonnull (strstr (csv, "\r\n状況,ケース数\r\n"));
  g_assert_nonnull (strstr (csv, "\r\n解決済み,1\r\n"));
  g_assert_nonnull (strstr (csv, "\r\n公式窓口,ケース数\r\n"));
}

static void
test_report_duration (void)
{
  g_autofree char *short_call = NULL;
  g_autofree char *long_call = NULL;

  sih_test_use_language ("en");
  short_call = sih_report_format_duration (307 * G_USEC_PER_SEC + 400000);
  long_call = sih_report_format_duration ((gint64)(3600 + 62) * G_USEC_PER_SEC);
  g_assert_cmpstr (short_call, ==, "5 min 07 s");
  g_assert_cmpstr (long_call, ==, "1 h 01 min 02 s");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  sih_test_init_translations ();

  g_test_add_func ("/report/period/range", test_report_period_range);
  g_test_add_func ("/report/period/edges", test_report_period_edges);
  g_test_add_func ("/report/counts", test_report_counts);
  g_test_add_func ("/report/routes", test_report_routes);
  g_test_add_func ("/report/median", test_report_median);
  g_test_add_func ("/report/files", test_report_files);
  g_test_add_func ("/report/csv", test_report_csv);
  g_test_add_func ("/report/csv/injection", test_report_csv_injection);
  g_test_add_func ("/report/csv/ja", test_report_csv_ja);
  g_test_add_func ("/report/duration", test_report_duration);

  return g_test_run ();
}
