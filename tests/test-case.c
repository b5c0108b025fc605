/* test-case.c: the case model: outcomes, notes, times and signals
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "core/sih-case.h"
#include "core/sih-pack.h"

/* A clock that stands still until the test moves it. */
typedef struct
{
  GDateTime *now;
} FixedClock;

static GDateTime *
fixed_clock (gpointer user_data)
{
  FixedClock *clock = user_data;
  return g_date_time_ref (clock->now);
}

static void
clock_init (FixedClock *clock)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("+09:00");

  clock->now = g_date_time_new (tz, 2026, 1, 31, 9, 30, 0);
}

static void
clock_advance (FixedClock *clock,
               int         seconds)
{
  GDateTime *later = g_date_time_add_seconds (clock->now, seconds);

  g_date_time_unref (clock->now);
  clock->now = later;
}

static void
clock_clear (FixedClock *clock)
{
  g_clear_pointer (&clock->now, g_date_time_unref);
}

/* Counts every signal a case emits, to check "exactly once" and "never
 * for a no-op". */
typedef struct
{
  guint changed;
  guint step_changed;
  guint detail_changed;
  guint notify_title;
  guint notify_updated;
  guint notify_solved;
  guint notify_cause;
  char *last_step;
  char *last_detail;
} Counts;

static void
changed_cb (SihCase *c,
            Counts  *counts)
{
  counts->changed++;
}

static void
step_changed_cb (SihCase    *c,
                 const char *cause_id,
                 const char *step_id,
                 Counts     *counts)
{
  counts->step_changed++;
  g_free (counts->last_step);
  counts->last_step = g_strconcat (cause_id, "/", step_id, NULL);
}

static void
detail_changed_cb (SihCase    *c,
                   const char *key,
                   Counts     *counts)
{
  counts->detail_changed++;
  g_free (counts->last_detail);
  counts->last_detail = g_strdup (key);
}

static void
notify_cb (GObject    *object,
           GParamSpec *pspec,
           Counts     *counts)
{
  if (g_str_equal (pspec->name, "title"))
    counts->notify_title++;
  else if (g_str_equal (pspec->name, "updated"))
    counts->notify_updated++;
  else if (g_str_equal (pspec->name, "solved"))
    counts->notify_solved++;
  else if (g_str_equal (pspec->name, "cause-id"))
    counts->notify_cause++;
}

static void
counts_connect (Counts  *counts,
                SihCase *c)
{
  memset (counts, 0, sizeof *counts);
  g_signal_connect (c, "changed", G_CALLBACK (changed_cb), counts);
  g_signal_connect (c, "step-changed", G_CALLBACK (step_changed_cb), counts);
  g_signal_connect (c, "detail-changed", G_CALLBACK (detail_changed_cb), counts);
  g_signal_connect (c, "notify", G_CALLBACK (notify_cb), counts);
}

static void
counts_clear (Counts  *counts,
              SihCase *c)
{
  g_signal_handlers_disconnect_by_data (c, counts);
  g_clear_pointer (&counts->last_step, g_free);
  g_clear_pointer (&counts->last_detail, g_free);
}

static void
count_cb (SihCase    *c,
          const char *key,
          guint      *count)
{
  (*count)++;
}

static SihCase *
new_case (FixedClock *clock)
{
  SihCase *c;

  clock_init (clock);
  c = sih_case_new ("test-pack", "1.0");
  sih_case_set_clock (c, fixed_clock, clock);
  return c;
}

static void
test_case_new (void)
{
  g_autoptr(SihCase) a = sih_case_new ("test-pack", "1.0");
  g_autoptr(SihCase) b = sih_case_new ("test-pack", NULL);
  FixedClock clock;
  g_autoptr(SihCase) c = NULL;

  g_assert_true (g_uuid_string_is_valid (sih_case_get_id (a)));
  g_assert_cmpstr (sih_case_get_id (a), !=, sih_case_get_id (b));
  g_assert_cmpstr (sih_case_get_pack_id (a), ==, "test-pack");
  g_assert_cmpstr (sih_case_get_pack_version (a), ==, "1.0");
  g_assert_null (sih_case_get_pack_version (b));
  g_assert_null (sih_case_get_title (a));
  g_assert_false (sih_case_get_solved (a));
  g_assert_null (sih_case_get_cause_id (a));
  g_assert_cmpuint (sih_case_get_records (a)->len, ==, 0);
  g_assert_cmpuint (sih_case_get_history (a)->len, ==, 0);
  g_assert_true (g_date_time_equal (sih_case_get_created (a), sih_case_get_updated (a)));

  /* Set before the clock: the creation time stays what it was. */
  c = new_case (&clock);
  g_assert_true (g_date_time_equal (sih_case_get_created (c), sih_case_get_updated (c)));
  sih_case_set_title (c, "Ref 1");
  g_assert_true (g_date_time_equal (sih_case_get_updated (c), clock.now));
  g_assert_false (g_date_time_equal (sih_case_get_created (c), clock.now));

  sih_case_set_pack_version (c, "1.1");
  g_assert_cmpstr (sih_case_get_pack_version (c), ==, "1.1");
  clock_clear (&clock);
}

static void
test_case_outcomes (void)
{
  FixedClock clock;
  g_autoptr(SihCase) c = new_case (&clock);
  const SihOutcome sequence[] = {
    SIH_OUTCOME_WORKED, SIH_OUTCOME_FAILED, SIH_OUTCOME_SKIPPED, SIH_OUTCOME_NOT_TRIED,
    SIH_OUTCOME_FAILED,
  };
  SihOutcome previous = SIH_OUTCOME_NOT_TRIED;
  const SihStepRecord *record;
  GPtrArray *history;
  Counts counts;

  counts_connect (&counts, c);

  /* Nothing to do: "not tried" is what an untouched step already is. */
  g_assert_false (sih_case_set_outcome (c, "first", "one", SIH_OUTCOME_NOT_TRIED));
  g_assert_cmpuint (counts.changed, ==, 0);
  g_assert_cmpuint (sih_case_get_records (c)->len, ==, 0);
  g_assert_null (sih_case_get_record (c, "first", "one"));

  for (guint i = 0; i < G_N_ELEMENTS (sequence); i++)
    {
      clock_advance (&clock, 60);
      g_assert_true (sih_case_set_outcome (c, "first", "one", sequence[i]));
      g_assert_cmpuint (counts.changed, ==, i + 1);
      g_assert_cmpuint (counts.step_changed, ==, i + 1);
      g_assert_cmpstr (counts.last_step, ==, "first/one");
      g_assert_cmpint (sih_case_get_outcome (c, "first", "one"), ==, sequence[i]);

      record = sih_case_get_record (c, "first", "one");
      g_assert_nonnull (record);
      g_assert_cmpint (record->outcome, ==, sequence[i]);
      g_assert_true (g_date_time_equal (record->changed, clock.now));
      g_assert_true (g_date_time_equal (sih_case_get_updated (c), clock.now));

      history = sih_case_get_history (c);
      g_assert_cmpuint (history->len, ==, i + 1);
      {
        SihHistoryEntry *entry = g_ptr_array_index (history, i);

        g_assert_cmpstr (entry->cause_id, ==, "first");
        g_assert_cmpstr (entry->step_id, ==, "one");
        g_assert_cmpint (entry->old_outcome, ==, previous);
        g_assert_cmpint (entry->new_outcome, ==, sequence[i]);
        g_assert_true (g_date_time_equal (entry->time, clock.now));
      }
      previous = sequence[i];

      /* The same outcome again is not a change. */
      clock_advance (&clock, 5);
      g_assert_false (sih_case_set_outcome (c, "first", "one", sequence[i]));
      g_assert_cmpuint (counts.changed, ==, i + 1);
      g_assert_cmpuint (sih_case_get_history (c)->len, ==, i + 1);
      g_assert_false (g_date_time_equal (sih_case_get_updated (c), clock.now));
    }

  /* Another step: its own record, in the order first touched. */
  g_assert_true (sih_case_set_outcome (c, "second", "a", SIH_OUTCOME_WORKED));
  g_assert_cmpuint (sih_case_get_records (c)->len, ==, 2);
  g_assert_cmpstr (((SihStepRecord *)g_ptr_array_index (sih_case_get_records (c), 1))->step_id,
                   ==, "a");
  g_assert_cmpint (sih_case_get_outcome (c, "first", "a"), ==, SIH_OUTCOME_NOT_TRIED);
  g_assert_cmpint (sih_case_get_outcome (c, "second", "one"), ==, SIH_OUTCOME_NOT_TRIED);

  g_assert_cmpstr (sih_outcome_to_string (SIH_OUTCOME_SKIPPED), ==, "skipped");
  {
    SihOutcome parsed = SIH_OUTCOME_NOT_TRIED;

    g_assert_true (sih_outcome_from_string ("failed", &parsed));
    g_assert_cmpint (parsed, ==, SIH_OUTCOME_FAILED);
    g_assert_false (sih_outcome_from_string ("Failed", &parsed));
    g_assert_false (sih_outcome_from_string (NULL, &parsed));
  }

  counts_clear (&counts, c);
  clock_clear (&clock);
}

static void
test_case_notes (void)
{
  FixedClock clock;
  g_autoptr(SihCase) c = new_case (&clock);
  g_autoptr(GString) long_note = g_string_new (NULL);
  const SihStepRecord *record;
  Counts counts;

  counts_connect (&counts, c);

  clock_advance (&clock, 60);
  g_assert_true (sih_case_set_note (c, "first", "two", "  Restarted the phone.\n"));
  g_assert_cmpuint (counts.changed, ==, 1);
  g_assert_cmpuint (counts.step_changed, ==, 1);
  /* What the user typed is kept as typed. */
  g_assert_cmpstr (sih_case_get_note (c, "first", "two"), ==, "  Restarted the phone.\n");
  record = sih_case_get_record (c, "first", "two");
  g_assert_cmpint (record->outcome, ==, SIH_OUTCOME_NOT_TRIED);
  g_assert_true (g_date_time_equal (record->changed, clock.now));
  g_assert_true (g_date_time_equal (sih_case_get_updated (c), clock.now));
  /* A note edit is in the history; the next edits of the same note, in a
   * row, are the same entry with a later time (a note is typed a
   * character at a time). */
  g_assert_cmpuint (sih_case_get_history (c)->len, ==, 1);
  g_assert_cmpint (((SihHistoryEntry *)g_ptr_array_index (sih_case_get_history (c), 0))->kind, ==,
                   SIH_HISTORY_NOTE);

  clock_advance (&clock, 60);
  g_assert_false (sih_case_set_note (c, "first", "two", "  Restarted the phone.\n"));
  g_assert_cmpuint (counts.changed, ==, 1);
  g_assert_false (g_date_time_equal (record->changed, clock.now));

  /* Blank text removes the note; removing it again is nothing. */
  g_assert_true (sih_case_set_note (c, "first", "two", " \t\n"));
  g_assert_null (sih_case_get_note (c, "first", "two"));
  g_assert_cmpuint (counts.changed, ==, 2);
  g_assert_false (sih_case_set_note (c, "first", "two", NULL));
  g_assert_false (sih_case_set_note (c, "first", "two", ""));
  g_assert_false (sih_case_set_note (c, "first", "three", NULL));
  g_assert_null (sih_case_get_record (c, "first", "three"));
  g_assert_cmpuint (counts.changed, ==, 2);

  /* Text that could not be saved and read back is repaired at the source:
   * invalid UTF-8, and more than SIH_CASE_MAX_TEXT bytes, cut between
   * characters. */
  g_assert_true (sih_case_set_note (c, "first", "two", "bad \xff byte"));
  g_assert_true (g_utf8_validate (sih_case_get_note (c, "first", "two"), -1, NULL));
  g_assert_true (g_str_has_prefix (sih_case_get_note (c, "first", "two"), "bad "));

  g_string_append_c (long_note, 'a');
  while (long_note->len < SIH_CASE_MAX_TEXT + 10)
    g_string_append (long_note, "あ");
  g_assert_true (sih_case_set_note (c, "first", "two", long_note->str));
  g_assert_cmpuint (strlen (sih_case_get_note (c, "first", "two")), <=, SIH_CASE_MAX_TEXT);
  g_assert_cmpuint (strlen (sih_case_get_note (c, "first", "two")), >, SIH_CASE_MAX_TEXT - 3);
  g_assert_true (g_utf8_validate (sih_case_get_note (c, "first", "two"), -1, NULL));
  g_assert_cmpuint (sih_case_get_history (c)->len, ==, 1);
  g_assert_true (g_date_time_equal (((SihHistoryEntry *)g_ptr_array_index (sih_case_get_history (c), 0))->time,
                                    clock.now));

  counts_clear (&counts, c);
  clock_clear (&clock);
}

static void
test_case_status_table (void)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (SIH_TYPE_STATUS);

  g_assert_cmpuint (klass->n_values, ==, SIH_N_STATUSES);
  for (guint i = 0; i < SIH_N_STATUSES; i++)
    {
      const SihStatusInfo *info = sih_status_get_info (i);
      SihStatus parsed;

      g_assert_cmpint (info->status, ==, i);
      g_assert_cmpstr (info->nick, ==, g_enum_get_value (klass, i)->value_nick);
      g_assert_true (sih_status_from_string (sih_status_to_string (i), &parsed));
      g_assert_cmpint (parsed, ==, i);
      g_assert_nonnull (sih_status_get_label (i));
    }
  g_assert_true (sih_status_get_info (SIH_STATUS_ESCALATED)->has_route);
  g_assert_true (sih_status_get_info (SIH_STATUS_CALL_BACK)->has_time);
  g_assert_true (sih_status_get_info (SIH_STATUS_SOLVED)->closed);
  g_assert_false (sih_status_from_string ("worked", &(SihStatus) { 0 }));
}

/* Statuses, and who set them: "solved" is one of them. */
static void
test_case_status (void)
{
  FixedClock clock;
  g_autoptr(SihCase) c = new_case (&clock);
  g_autoptr(GDateTime) call_back = g_date_time_new_utc (2026, 3, 1, 9, 0, 0);
  SihHistoryEntry *entry;
  SihStatus status;
  Counts counts;

  counts_connect (&counts, c);
  g_assert_cmpint (sih_case_get_status (c), ==, SIH_STATUS_OPEN);

  sih_case_set_agent (c, "  Sato ");
  g_assert_cmpstr (sih_case_get_agent (c), ==, "  Sato ");
  g_assert_cmpuint (counts.changed, ==, 0);  /* who works on it is not a change */
  g_assert_true (sih_case_is_blank (c));

  clock_advance (&clock, 60);
  /* A route belongs to an escalation only; a time to a call back only. */
  g_assert_true (sih_case_set_status (c, SIH_STATUS_ESCALATED, "Locked account", "phone",
                                      call_back));
  g_assert_cmpint (sih_case_get_status (c), ==, SIH_STATUS_ESCALATED);
  g_assert_cmpstr (sih_case_get_status_reason (c), ==, "Locked account");
  g_assert_cmpstr (sih_case_get_escalation_route (c), ==, "phone");
  g_assert_null (sih_case_get_call_back (c));
  g_assert_cmpuint (counts.changed, ==, 1);
  g_assert_cmpuint (counts.notify_solved, ==, 0);
  g_assert_true (g_date_time_equal (sih_case_get_updated (c), clock.now));
  g_assert_false (sih_case_is_blank (c));
  g_object_get (c, "status", &status, NULL);
  g_assert_cmpint (status, ==, SIH_STATUS_ESCALATED);

  /* The same again is nothing. */
  g_assert_false (sih_case_set_status (c, SIH_STATUS_ESCALATED, "Locked account", "phone", NULL));
  g_assert_cmpuint (counts.changed, ==, 1);

  sih_case_set_agent (c, "Suzuki");
  g_assert_true (sih_case_set_status (c, SIH_STATUS_CALL_BACK, " ", "phone", call_back));
  g_assert_null (sih_case_get_status_reason (c));
  g_assert_null (sih_case_get_escalation_route (c));
  g_assert_true (g_date_time_equal (sih_case_get_call_back (c), call_back));
  g_assert_false (sih_case_set_status (c, SIH_STATUS_CALL_BACK, NULL, NULL, call_back));

  /* solved is a status: the old calls still work and notify. */
  sih_case_set_solved (c, TRUE);
  g_assert_cmpint (sih_case_get_status (c), ==, SIH_STATUS_SOLVED);
  g_assert_null (sih_case_get_call_back (c));
  g_assert_cmpuint (counts.notify_solved, ==, 1);
  sih_case_set_solved (c, FALSE);
  g_assert_cmpint (sih_case_get_status (c), ==, SIH_STATUS_OPEN);
  g_assert_cmpuint (counts.notify_solved, ==, 2);
  /* Not solved, and not solved before: a waiting case stays waiting. */
  sih_case_set_status (c, SIH_STATUS_WAITING, "Finding the phone", NULL, NULL);
  sih_case_set_solved (c, FALSE);
  g_assert_cmpint (sih_case_get_status (c), ==, SIH_STATUS_WAITING);
  g_assert_cmpuint (counts.changed, ==, 5);

  /* Every change says who made it. */
  g_assert_cmpuint (sih_case_get_history (c)->len, ==, 5);
  entry = g_ptr_array_index (sih_case_get_history (c), 0);
  g_assert_cmpint (entry->kind, ==, SIH_HISTORY_STATUS);
  g_assert_cmpint (entry->old_status, ==, SIH_STATUS_OPEN);
  g_assert_cmpint (entry->new_status, ==, SIH_STATUS_ESCALATED);
  g_assert_cmpstr (entry->agent, ==, "  Sato ");
  g_assert_cmpstr (entry->reason, ==, "Locked account");
  g_assert_cmpstr (entry->route_id, ==, "phone");
  g_assert_null (entry->call_back);
  entry = g_ptr_array_index (sih_case_get_history (c), 1);
  g_assert_null (entry->reason);
  g_assert_true (g_date_time_equal (entry->call_back, call_back));
  g_assert_cmpint (entry->new_status, ==, SIH_STATUS_CALL_BACK);
  g_assert_cmpstr (entry->agent, ==, "Suzuki");

  sih_case_set_agent (c, NULL);
  sih_case_set_outcome (c, "first", "one", SIH_OUTCOME_WORKED);
  entry = g_ptr_array_index (sih_case_get_history (c), 5);
  g_assert_cmpint (entry->kind, ==, SIH_HISTORY_OUTCOME);
  g_assert_null (entry->agent);

  /* A loader's "not solved" leaves no call-back time or route behind that
   * the file reader would refuse. */
  sih_case_set_status (c, SIH_STATUS_CALL_BACK, NULL, NULL, call_back);
  sih_case_restore_state (c, NULL, FALSE, NULL);
  g_assert_cmpint (sih_case_get_status (c), ==, SIH_STATUS_OPEN);
  g_assert_null (sih_case_get_call_back (c));

  counts_clear (&counts, c);
  clock_clear (&clock);
}

static void
test_case_help_desk_fields (void)
{
  FixedClock clock;
  g_autoptr(SihCase) c = new_case (&clock);
  Counts counts;

  counts_connect (&counts, c);

  sih_case_set_ticket (c, "HD-4711");
  sih_case_set_ticket (c, "HD-4711");
  g_assert_cmpstr (sih_case_get_ticket (c), ==, "HD-4711");
  g_assert_cmpuint (counts.changed, ==, 1);
  g_assert_false (sih_case_is_blank (c));
  sih_case_set_ticket (c, "  ");
  g_assert_null (sih_case_get_ticket (c));
  g_assert_true (sih_case_is_blank (c));

  clock_advance (&clock, 60);
  sih_case_set_caller_name (c, "Tanaka Hanako");
  sih_case_set_caller_contact (c, "090-1234-5678 \xff");
  g_assert_cmpstr (sih_case_get_caller_name (c), ==, "Tanaka Hanako");
  g_assert_true (g_utf8_validate (sih_case_get_caller_contact (c), -1, NULL));
  g_assert_cmpuint (counts.changed, ==, 4);
  g_assert_true (g_date_time_equal (sih_case_get_updated (c), clock.now));

  /* An internal note: the mark is a note change, in the history once. */
  sih_case_set_agent (c, "Sato");
  sih_case_set_note (c, "first", "one", "Sounded unsure.");
  g_assert_false (sih_case_get_note_internal (c, "first", "one"));
  g_assert_true (sih_case_set_note_internal (c, "first", "one", TRUE));
  g_assert_false (sih_case_set_note_internal (c, "first", "one", TRUE));
  g_assert_true (sih_case_get_note_internal (c, "first", "one"));
  g_assert_true (sih_case_get_record (c, "first", "one")->internal);
  g_assert_cmpuint (sih_case_get_history (c)->len, ==, 1);
  /* Another agent editing the same note is another entry. */
  sih_case_set_agent (c, "Suzuki");
  sih_case_set_note (c, "first", "one", "Sounded unsure. Called back.");
  g_assert_cmpuint (sih_case_get_history (c)->len, ==, 2);
  g_assert_cmpstr (((SihHistoryEntry *)g_ptr_array_index (sih_case_get_history (c), 1))->agent,
                   ==, "Suzuki");
  g_assert_true (sih_case_get_note_internal (c, "first", "one"));

  counts_clear (&counts, c);
  clock_clear (&clock);
}

static void
test_case_calls (void)
{
  FixedClock clock;
  g_autoptr(SihCase) c = new_case (&clock);
  g_autoptr(GDateTime) started = NULL;
  const SihCall *call;
  Counts counts;

  counts_connect (&counts, c);
  g_assert_null (sih_case_get_running_call (c));
  g_assert_false (sih_case_stop_call (c));

  sih_case_set_agent (c, "Sato");
  clock_advance (&clock, 60);
  g_assert_true (sih_case_start_call (c));
  started = g_date_time_ref (clock.now);
  g_assert_false (sih_case_start_call (c));  /* one at a time */
  g_assert_cmpuint (counts.changed, ==, 1);
  call = sih_case_get_running_call (c);
  g_assert_nonnull (call);
  g_assert_cmpstr (call->agent, ==, "Sato");
  g_assert_null (call->end);
  g_assert_false (sih_case_is_blank (c));

  clock_advance (&clock, 300);
  g_assert_true (sih_case_stop_call (c));
  g_assert_null (sih_case_get_running_call (c));
  call = g_ptr_array_index (sih_case_get_calls (c), 0);
  g_assert_true (g_date_time_equal (call->start, started));
  g_assert_cmpint (g_date_time_difference (call->end, call->start), ==, 300 * G_TIME_SPAN_SECOND);
  g_assert_true (g_date_time_equal (sih_case_get_updated (c), clock.now));
  g_assert_cmpuint (counts.changed, ==, 2);

  /* A case holds several calls, each with its agent. */
  sih_case_set_agent (c, "Suzuki");
  g_assert_true (sih_case_start_call (c));
  g_assert_cmpuint (sih_case_get_calls (c)->len, ==, 2);
  g_assert_cmpstr (sih_case_get_running_call (c)->agent, ==, "Suzuki");

  /* A clock set back never makes a call last less than nothing. */
  clock_advance (&clock, -3600);
  g_assert_true (sih_case_stop_call (c));
  call = g_ptr_array_index (sih_case_get_calls (c), 1);
  g_assert_cmpint (g_date_time_difference (call->end, call->start), ==, 0);

  counts_clear (&counts, c);
  clock_clear (&clock);
}

static void
test_case_title_solved_cause (void)
{
  FixedClock clock;
  g_autoptr(SihCase) c = new_case (&clock);
  g_autofree char *title = NULL;
  g_autoptr(GDateTime) before = NULL;
  Counts counts;

  counts_connect (&counts, c);

  clock_advance (&clock, 60);
  sih_case_set_title (c, "Ref 4711");
  g_assert_cmpstr (sih_case_get_title (c), ==, "Ref 4711");
  g_assert_cmpuint (counts.changed, ==, 1);
  g_assert_cmpuint (counts.notify_title, ==, 1);
  g_assert_cmpuint (counts.notify_updated, ==, 1);
  g_assert_true (g_date_time_equal (sih_case_get_updated (c), clock.now));

  /* The same title, through the setter or the property, is nothing. */
  sih_case_set_title (c, "Ref 4711");
  g_object_set (c, "title", "Ref 4711", NULL);
  g_assert_cmpuint (counts.changed, ==, 1);
  g_assert_cmpuint (counts.notify_title, ==, 1);
  g_object_get (c, "title", &title, NULL);
  g_assert_cmpstr (title, ==, "Ref 4711");

  sih_case_set_title (c, "   ");
  g_assert_null (sih_case_get_title (c));
  g_assert_cmpuint (counts.changed, ==, 2);
  sih_case_set_title (c, NULL);
  g_assert_cmpuint (counts.changed, ==, 2);

  clock_advance (&clock, 60);
  sih_case_set_solved (c, TRUE);
  g_assert_true (sih_case_get_solved (c));
  g_assert_cmpuint (counts.changed, ==, 3);
  g_assert_cmpuint (counts.notify_solved, ==, 1);
  g_assert_true (g_date_time_equal (sih_case_get_updated (c), clock.now));
  sih_case_set_solved (c, 2);  /* any true value is the same TRUE */
  g_object_set (c, "solved", TRUE, NULL);
  g_assert_cmpuint (counts.changed, ==, 3);
  g_assert_cmpuint (counts.notify_solved, ==, 1);
  sih_case_set_solved (c, FALSE);
  g_assert_false (sih_case_get_solved (c));
  g_assert_cmpuint (counts.changed, ==, 4);

  /* Moving between causes is saved ("changed"), but it is not work done
   * on the case, so it does not move the case up the list. */
  before = g_date_time_ref (sih_case_get_updated (c));
  clock_advance (&clock, 60);
  sih_case_set_cause_id (c, "second");
  g_assert_cmpstr (sih_case_get_cause_id (c), ==, "second");
  g_assert_cmpuint (counts.changed, ==, 5);
  g_assert_cmpuint (counts.notify_cause, ==, 1);
  g_assert_true (g_date_time_equal (sih_case_get_updated (c), before));
  sih_case_set_cause_id (c, "second");
  g_assert_cmpuint (counts.changed, ==, 5);
  sih_case_set_cause_id (c, NULL);
  g_assert_null (sih_case_get_cause_id (c));
  g_assert_cmpuint (counts.changed, ==, 6);

  counts_clear (&counts, c);
  clock_clear (&clock);
}

static void
test_case_details (void)
{
  FixedClock clock;
  g_autoptr(SihCase) c = new_case (&clock);
  g_auto(GStrv) keys = NULL;
  Counts counts;
  guint detailed = 0;

  counts_connect (&counts, c);

  clock_advance (&clock, 60);
  g_assert_true (sih_case_set_detail (c, "error-message", "Enter a valid OTP"));
  g_assert_true (sih_case_set_detail (c, "device-type", "iPhone"));
  g_assert_cmpuint (counts.changed, ==, 2);
  g_assert_cmpuint (counts.detail_changed, ==, 2);
  g_assert_cmpstr (counts.last_detail, ==, "device-type");
  g_assert_true (g_date_time_equal (sih_case_get_updated (c), clock.now));
  g_assert_cmpstr (sih_case_get_detail (c, "device-type"), ==, "iPhone");
  g_assert_null (sih_case_get_detail (c, "browser"));

  keys = sih_case_list_details (c);
  g_assert_cmpuint (g_strv_length (keys), ==, 2);
  g_assert_cmpstr (keys[0], ==, "device-type");
  g_assert_cmpstr (keys[1], ==, "error-message");

  g_assert_false (sih_case_set_detail (c, "device-type", "iPhone"));
  g_assert_cmpuint (counts.changed, ==, 2);

  /* The signal's detail is the key. */
  {
    gulong id = g_signal_connect (c, "detail-changed::device-type",
                                  G_CALLBACK (count_cb), &detailed);

    g_assert_true (sih_case_set_detail (c, "error-message", "Something else"));
    g_assert_cmpuint (detailed, ==, 0);
    g_assert_true (sih_case_set_detail (c, "device-type", "   "));
    g_assert_cmpuint (detailed, ==, 1);
    g_signal_handler_disconnect (c, id);
  }
  g_assert_null (sih_case_get_detail (c, "device-type"));
  g_assert_false (sih_case_set_detail (c, "device-type", NULL));
  g_assert_cmpuint (counts.changed, ==, 4);

  counts_clear (&counts, c);
  clock_clear (&clock);
}

static void
test_case_restore (void)
{
  FixedClock clock;
  g_autoptr(GDateTime) created = NULL;
  g_autoptr(GDateTime) updated = NULL;
  g_autoptr(SihCase) c = NULL;
  Counts counts;

  clock_init (&clock);
  created = g_date_time_ref (clock.now);
  updated = g_date_time_add_hours (created, 2);

  c = sih_case_new_restored ("0f6c1b2e-8d7a-4c59-9a3e-5b1d2c3e4f50", "test-pack", "0.9",
                             created, updated);
  counts_connect (&counts, c);
  sih_case_set_clock (c, fixed_clock, &clock);

  sih_case_restore_state (c, "Ref", TRUE, "first");
  sih_case_restore_record (c, "first", "gone-step", SIH_OUTCOME_FAILED, "a note", created);
  sih_case_restore_record (c, "first", "one", SIH_OUTCOME_WORKED, NULL, NULL);
  sih_case_restore_history (c, created, "first", "gone-step", SIH_OUTCOME_NOT_TRIED,
                            SIH_OUTCOME_FAILED);
  sih_case_restore_detail (c, "device-type", "Android");
  sih_case_restore_detail (c, "browser", " ");
  sih_case_restore_updated (c, updated);

  /* Restoring is not changing. */
  g_assert_cmpuint (counts.changed + counts.step_changed + counts.detail_changed, ==, 0);
  g_assert_cmpuint (counts.notify_title + counts.notify_updated + counts.notify_solved, ==, 0);

  g_assert_cmpstr (sih_case_get_id (c), ==, "0f6c1b2e-8d7a-4c59-9a3e-5b1d2c3e4f50");
  g_assert_cmpstr (sih_case_get_title (c), ==, "Ref");
  g_assert_true (sih_case_get_solved (c));
  g_assert_cmpstr (sih_case_get_cause_id (c), ==, "first");
  g_assert_true (g_date_time_equal (sih_case_get_created (c), created));
  g_assert_true (g_date_time_equal (sih_case_get_updated (c), updated));
  g_assert_cmpint (sih_case_get_outcome (c, "first", "gone-step"), ==, SIH_OUTCOME_FAILED);
  g_assert_cmpstr (sih_case_get_note (c, "first", "gone-step"), ==, "a note");
  g_assert_null (sih_case_get_record (c, "first", "one")->changed);
  g_assert_cmpuint (sih_case_get_history (c)->len, ==, 1);
  g_assert_cmpstr (sih_case_get_detail (c, "device-type"), ==, "Android");
  g_assert_null (sih_case_get_detail (c, "browser"));

  sih_case_restore_id (c, "another-id");
  g_assert_cmpstr (sih_case_get_id (c), ==, "another-id");

  /* A real change after restoring works as usual. */
  clock_advance (&clock, 3600 * 5);
  g_assert_true (sih_case_set_outcome (c, "first", "gone-step", SIH_OUTCOME_WORKED));
  g_assert_cmpuint (counts.changed, ==, 1);
  g_assert_cmpuint (sih_case_get_history (c)->len, ==, 2);
  g_assert_true (g_date_time_equal (sih_case_get_updated (c), clock.now));

  counts_clear (&counts, c);
  clock_clear (&clock);
}

static void
test_case_count_tried (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "packs", "good.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SihPack) pack = sih_pack_new_from_file (path, NULL, &error);
  g_autoptr(SihCase) c = sih_case_new ("test-pack", "1.0");
  guint worked = 99;

  g_assert_no_error (error);
  g_assert_cmpuint (sih_case_count_tried (c, sih_pack_find_cause (pack, "first"), &worked), ==, 0);
  g_assert_cmpuint (worked, ==, 0);

  sih_case_set_outcome (c, "first", "one", SIH_OUTCOME_FAILED);
  sih_case_set_outcome (c, "first", "two", SIH_OUTCOME_WORKED);
  sih_case_set_outcome (c, "first", "removed", SIH_OUTCOME_WORKED);
  sih_case_set_outcome (c, "second", "a", SIH_OUTCOME_SKIPPED);
  sih_case_set_note (c, "first", "three", "only a note");

  /* Steps the pack no longer has are kept, but not counted. */
  g_assert_cmpuint (sih_case_count_tried (c, sih_pack_find_cause (pack, "first"), &worked), ==, 2);
  g_assert_cmpuint (worked, ==, 1);
  g_assert_cmpuint (sih_case_count_tried (c, sih_pack_find_cause (pack, "second"), NULL), ==, 1);
  g_assert_cmpuint (sih_case_get_records (c)->len, ==, 5);
}

static void
test_case_bounds (void)
{
  g_autoptr(SihCase) c = sih_case_new ("test-pack", NULL);
  Counts counts;

  counts_connect (&counts, c);

  /* The history stops growing at its bound instead of forgetting its
   * beginning; outcomes still change. */
  for (guint i = 0; i < SIH_CASE_MAX_ENTRIES; i++)
    g_assert_true (sih_case_set_outcome (c, "first", "one",
                                         i % 2 == 0 ? SIH_OUTCOME_FAILED : SIH_OUTCOME_WORKED));
  g_assert_cmpuint (sih_case_get_history (c)->len, ==, SIH_CASE_MAX_ENTRIES);
  g_assert_true (sih_case_set_outcome (c, "first", "one", SIH_OUTCOME_SKIPPED));
  g_assert_cmpint (sih_case_get_outcome (c, "first", "one"), ==, SIH_OUTCOME_SKIPPED);
  g_assert_cmpuint (sih_case_get_history (c)->len, ==, SIH_CASE_MAX_ENTRIES);
  g_assert_cmpint (((SihHistoryEntry *)g_ptr_array_index (sih_case_get_history (c), 0))->new_outcome,
                   ==, SIH_OUTCOME_FAILED);
  g_assert_cmpuint (counts.changed, ==, SIH_CASE_MAX_ENTRIES + 1);

  counts_clear (&counts, c);
}

static void
test_case_bad_ids (void)
{
  g_autoptr(SihCase) c = sih_case_new ("test-pack", NULL);

  /* Ids go into the file as they are; one the loader would refuse is a
   * programming error, refused here rather than saved. */
  g_test_expect_message (NULL, G_LOG_LEVEL_CRITICAL, "*sih_id_is_valid*");
  g_assert_false (sih_case_set_outcome (c, "First Cause", "one", SIH_OUTCOME_WORKED));
  g_test_assert_expected_messages ();

  g_test_expect_message (NULL, G_LOG_LEVEL_CRITICAL, "*sih_id_is_valid*");
  g_assert_false (sih_case_set_detail (c, "Device Type", "x"));
  g_test_assert_expected_messages ();

  g_assert_cmpuint (sih_case_get_records (c)->len, ==, 0);
}

/* The outcome table: every row is complete, and names survive a round trip
 * through a case file's nick. */
static void
test_case_outcome_table (void)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (SIH_TYPE_OUTCOME);
  g_autoptr(GHashTable) keys = g_hash_table_new (g_direct_hash, g_direct_equal);

  g_assert_cmpuint (klass->n_values, ==, SIH_N_OUTCOMES);
  for (guint i = 0; i < SIH_N_OUTCOMES; i++)
    {
      const SihOutcomeInfo *info = sih_outcome_get_info (i);
      SihOutcome parsed;

      g_assert_cmpint (info->outcome, ==, i);
      g_assert_cmpstr (info->nick, ==, g_enum_get_value (klass, i)->value_nick);
      g_assert_true (sih_outcome_from_string (sih_outcome_to_string (i), &parsed));
      g_assert_cmpint (parsed, ==, i);
      g_assert_nonnull (sih_outcome_get_button (i));
      g_assert_nonnull (sih_outcome_get_label (i));
      /* A step, and the summary, say what its button says. */
      g_assert_cmpint (g_ascii_strcasecmp (info->button, info->label), ==, 0);
      g_assert_nonnull (strstr (sih_outcome_get_tooltip (i), "Ctrl+"));
      g_assert_true (g_hash_table_add (keys, GINT_TO_POINTER (info->key)));
      /* Only a step that was tried shows an icon instead of its number. */
      g_assert_cmpint (info->tried, ==, info->icon_name != NULL);
    }
  g_assert_false (sih_outcome_is_tried (SIH_OUTCOME_NOT_TRIED));
  g_assert_true (sih_outcome_is_tried (SIH_OUTCOME_SKIPPED));
  g_assert_false (sih_outcome_from_string ("solved", &(SihOutcome) { 0 }));
}

/* One name for a case wherever it is shown. */
static void
test_case_format_title (void)
{
  /* Shown in the local time zone. */
  g_autoptr(GDateTime) created = g_date_time_new_local (2026, 11, 25, 14, 3, 0);
  g_autofree char *named = sih_case_format_title ("Ticket 48213", created);
  g_autofree char *unnamed = sih_case_format_title (NULL, created);

  g_assert_cmpstr (named, ==, "Ticket 48213");
  g_assert_cmpstr (unnamed, ==, "Case of Nov 25, 2026 at 14:03");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/case/new", test_case_new);
  g_test_add_func ("/case/outcomes", test_case_outcomes);
  g_test_add_func ("/case/outcome-table", test_case_outcome_table);
  g_test_add_func ("/case/format-title", test_case_format_title);
  g_test_add_func ("/case/notes", test_case_notes);
  g_test_add_func ("/case/title-solved-cause", test_case_title_solved_cause);
  g_test_add_func ("/case/status-table", test_case_status_table);
  g_test_add_func ("/case/status", test_case_status);
  g_test_add_func ("/case/help-desk-fields", test_case_help_desk_fields);
  g_test_add_func ("/case/calls", test_case_calls);
  g_test_add_func ("/case/details", test_case_details);
  g_test_add_func ("/case/restore", test_case_restore);
  g_test_add_func ("/case/count-tried", test_case_count_tried);
  g_test_add_func ("/case/bounds", test_case_bounds);
  g_test_add_func ("/case/bad-ids", test_case_bad_ids);

  return g_test_run ();
}
