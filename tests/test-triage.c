/* test-triage.c: the triage questions, walking them, and recording answers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "core/sih-case-file.h"
#include "core/sih-error.h"
#include "core/sih-pack.h"
#include "core/sih-summary.h"
#include "sih-test-locale.h"

static SihPack *
bundled_pack (const char *language)
{
  g_autoptr(GError) error = NULL;
  SihPack *pack;

  if (!sih_test_use_language (language))
    return NULL;
  pack = sih_pack_new_bundled (&error);
  g_assert_no_error (error);
  return pack;
}

/* A pack with a small triage: q1 → (q2 | second), q2 → (first | q3),
 * q3 → (first | second). */
static const char triage_pack[] =
  "{\"format\":1,\"id\":\"p\",\"version\":\"1\",\"title\":\"T\",\"service\":\"S\","
  "\"updated\":\"2026-01-01\",\"disclaimer\":\"D\",\"contact\":{\"intro\":\"I\","
  "\"prepare\":[{\"id\":\"a\",\"label\":\"A\"}],\"routes\":[{\"id\":\"r\",\"title\":\"R\","
  "\"detail\":\"D\"}],\"scam_warning\":\"W\"},\"causes\":["
  "{\"id\":\"first\",\"title\":\"First\",\"summary\":\"S\",\"icon\":\"a-symbolic\","
  "\"urgency\":\"normal\",\"symptoms\":[],\"error_messages\":[],\"escalate\":\"E\","
  "\"steps\":[{\"id\":\"s\",\"title\":\"T\",\"detail\":\"D\",\"kind\":\"check\"}]},"
  "{\"id\":\"second\",\"title\":\"Second\",\"summary\":\"S\",\"icon\":\"a-symbolic\","
  "\"urgency\":\"normal\",\"symptoms\":[],\"error_messages\":[],\"escalate\":\"E\","
  "\"steps\":[{\"id\":\"s\",\"title\":\"T\",\"detail\":\"D\",\"kind\":\"check\"}]}],"
  "\"triage\":{\"start\":\"q1\",\"questions\":["
  "{\"id\":\"q3\",\"text\":\"Third?\",\"answers\":[{\"id\":\"x\",\"label\":\"X\",\"cause\":\"first\"},"
  "{\"id\":\"y\",\"label\":\"Y\",\"cause\":\"second\"}]},"
  "{\"id\":\"q1\",\"text\":\"First?\",\"hint\":\"A hint.\",\"answers\":["
  "{\"id\":\"yes\",\"label\":\"Yes\",\"next\":\"q2\"},{\"id\":\"no\",\"label\":\"No\",\"cause\":\"second\"}]},"
  "{\"id\":\"q2\",\"text\":\"Second?\",\"answers\":[{\"id\":\"a\",\"label\":\"A\",\"cause\":\"first\"},"
  "{\"id\":\"b\",\"label\":\"B\",\"next\":\"q3\"}]}]}}";

static SihPack *
small_pack (void)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (triage_pack, strlen (triage_pack));
  g_autoptr(GError) error = NULL;
  SihPack *pack = sih_pack_new_from_bytes (bytes, "triage.json", NULL, &error);

  g_assert_no_error (error);
  return pack;
}

static void
test_triage_model (void)
{
  g_autoptr(SihPack) pack = small_pack ();
  SihTriage *triage = sih_pack_get_triage (pack);
  const SihTriageQuestion *q1, *q2;
  const SihTriageAnswer *answer;

  g_assert_nonnull (triage);
  g_assert_cmpuint (sih_triage_get_n_questions (triage), ==, 3);
  /* Pack order, whatever the start. */
  g_assert_cmpstr (sih_triage_get_question (triage, 0)->id, ==, "q3");

  q1 = sih_triage_get_start (triage);
  g_assert_cmpstr (q1->id, ==, "q1");
  g_assert_true (sih_triage_find_question (triage, "q1") == q1);
  g_assert_null (sih_triage_find_question (triage, "q9"));
  g_assert_cmpstr (q1->text.text, ==, "First?");
  g_assert_cmpstr (q1->hint.text, ==, "A hint.");
  g_assert_cmpuint (sih_triage_question_get_n_answers (q1), ==, 2);

  answer = sih_triage_question_get_answer (q1, 0);
  g_assert_cmpstr (answer->id, ==, "yes");
  g_assert_cmpstr (answer->label.text, ==, "Yes");
  g_assert_cmpstr (answer->next, ==, "q2");
  g_assert_null (answer->cause);
  q2 = sih_triage_answer_get_next (triage, answer);
  g_assert_cmpstr (q2->id, ==, "q2");
  g_assert_null (q2->hint.text);

  answer = sih_triage_question_find_answer (q1, "no");
  g_assert_cmpstr (answer->cause, ==, "second");
  g_assert_null (answer->next);
  g_assert_null (sih_triage_answer_get_next (triage, answer));
  g_assert_null (sih_triage_question_find_answer (q1, "maybe"));
}

static void
test_triage_absent (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "packs", "good.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SihPack) pack = sih_pack_new_from_file (path, NULL, &error);

  g_assert_no_error (error);
  g_assert_null (sih_pack_get_triage (pack));
}

static char *
path_string (SihTriage *triage,
             SihCase   *kase)
{
  g_autoptr(GPtrArray) path = sih_triage_get_path (triage, kase);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < path->len; i++)
    {
      const SihTriageChoice *choice = g_ptr_array_index (path, i);
      g_string_append_printf (out, "%s%s=%s", i > 0 ? " " : "", choice->question->id,
                              choice->answer->id);
    }
  return g_string_free (out, FALSE);
}

static void
assert_path (SihTriage  *triage,
             SihCase    *kase,
             const char *expected)
{
  g_autofree char *path = path_string (triage, kase);
  g_assert_cmpstr (path, ==, expected);
}

static void
test_triage_walk (void)
{
  g_autoptr(SihPack) pack = small_pack ();
  g_autoptr(SihCase) kase = sih_case_new ("p", "1");
  SihTriage *triage = sih_pack_get_triage (pack);

  /* Nothing answered: start at the start. */
  assert_path (triage, kase, "");
  g_assert_cmpstr (sih_triage_get_current (triage, kase)->id, ==, "q1");
  g_assert_null (sih_triage_get_result (triage, kase));

  /* Only the current question, or one on the path, can be answered. */
  g_assert_false (sih_triage_record_answer (triage, kase, "q2", "a"));
  g_assert_false (sih_triage_record_answer (triage, kase, "q1", "maybe"));
  g_assert_false (sih_triage_record_answer (triage, kase, "q9", "yes"));
  g_assert_null (sih_case_get_detail (kase, "triage-q2"));

  g_assert_true (sih_triage_record_answer (triage, kase, "q1", "yes"));
  g_assert_cmpstr (sih_case_get_detail (kase, "triage-q1"), ==, "yes");
  g_assert_cmpstr (sih_triage_get_current (triage, kase)->id, ==, "q2");
  g_assert_true (sih_triage_record_answer (triage, kase, "q2", "b"));
  g_assert_true (sih_triage_record_answer (triage, kase, "q3", "y"));
  assert_path (triage, kase, "q1=yes q2=b q3=y");
  g_assert_null (sih_triage_get_current (triage, kase));
  g_assert_cmpstr (sih_triage_get_result (triage, kase), ==, "second");

  /* Confirming an earlier answer keeps the later ones... */
  g_assert_true (sih_triage_record_answer (triage, kase, "q1", "yes"));
  assert_path (triage, kase, "q1=yes q2=b q3=y");

  /* ...changing it asks the later questions again. */
  g_assert_true (sih_triage_record_answer (triage, kase, "q2", "a"));
  assert_path (triage, kase, "q1=yes q2=a");
  g_assert_cmpstr (sih_triage_get_result (triage, kase), ==, "first");
  g_assert_null (sih_case_get_detail (kase, "triage-q3"));
  g_assert_true (sih_triage_record_answer (triage, kase, "q2", "b"));
  assert_path (triage, kase, "q1=yes q2=b");
  g_assert_cmpstr (sih_triage_get_current (triage, kase)->id, ==, "q3");

  g_assert_true (sih_triage_record_answer (triage, kase, "q1", "no"));
  assert_path (triage, kase, "q1=no");
  g_assert_cmpstr (sih_triage_get_result (triage, kase), ==, "second");
  g_assert_null (sih_case_get_detail (kase, "triage-q2"));

  /* An answer the pack no longer has (a case from an older pack) asks
   * that question again; answers off the path are ignored. */
  g_assert_true (sih_triage_record_answer (triage, kase, "q1", "yes"));
  sih_case_set_detail (kase, "triage-q2", "gone");
  sih_case_set_detail (kase, "triage-q3", "x");
  assert_path (triage, kase, "q1=yes");
  g_assert_cmpstr (sih_triage_get_current (triage, kase)->id, ==, "q2");

  /* Starting again forgets every answer, even unknown questions'. */
  sih_case_set_detail (kase, "triage-old-question", "x");
  sih_case_set_detail (kase, "since", "yesterday");
  g_assert_true (sih_triage_clear_answers (triage, kase));
  g_assert_false (sih_triage_clear_answers (triage, kase));
  assert_path (triage, kase, "");
  g_assert_null (sih_case_get_detail (kase, "triage-old-question"));
  g_assert_cmpstr (sih_case_get_detail (kase, "since"), ==, "yesterday");
}

/* The answers are case details, so they are saved and read back with the
 * case, and the walk resumes where it stopped. */
static void
test_triage_saved (void)
{
  g_autoptr(SihPack) pack = small_pack ();
  g_autoptr(SihCase) kase = sih_case_new ("p", "1");
  g_autoptr(SihCase) loaded = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  SihTriage *triage = sih_pack_get_triage (pack);

  g_assert_true (sih_triage_record_answer (triage, kase, "q1", "yes"));
  g_assert_true (sih_triage_record_answer (triage, kase, "q2", "b"));

  bytes = sih_case_file_to_bytes (kase);
  loaded = sih_case_file_load_bytes (bytes, "case.json", &error);
  g_assert_no_error (error);

  assert_path (triage, loaded, "q1=yes q2=b");
  g_assert_cmpstr (sih_triage_get_current (triage, loaded)->id, ==, "q3");
}

/* Finds answers from the start to @cause_id, depth first; the loader has
 * made sure there are no loops. */
static gboolean
find_answers (SihTriage               *triage,
              const SihTriageQuestion *question,
              const char              *cause_id,
              GPtrArray               *answers)
{
  for (guint i = 0; i < sih_triage_question_get_n_answers (question); i++)
    {
      const SihTriageAnswer *answer = sih_triage_question_get_answer (question, i);

      g_ptr_array_add (answers, (gpointer)answer);
      if (g_strcmp0 (answer->cause, cause_id) == 0)
        return TRUE;
      if (answer->next != NULL &&
          find_answers (triage, sih_triage_answer_get_next (triage, answer), cause_id, answers))
        return TRUE;
      g_ptr_array_set_size (answers, answers->len - 1);
    }
  return FALSE;
}

/* Every cause of the bundled pack is the end of some series of answers,
 * and answering them in a case leads there. */
static void
test_triage_bundled_reaches_every_cause (void)
{
  g_autoptr(SihPack) pack = bundled_pack ("en");
  SihTriage *triage = sih_pack_get_triage (pack);
  GListModel *causes = sih_pack_get_causes (pack);
  const SihTriageQuestion *start;
  gboolean takeover_first = FALSE;

  g_assert_nonnull (triage);
  g_assert_cmpuint (sih_triage_get_n_questions (triage), >=, 4);
  g_assert_cmpuint (sih_triage_get_n_questions (triage), <=, 8);

  /* Signs of a takeover are asked about first. */
  start = sih_triage_get_start (triage);
  for (guint i = 0; i < sih_triage_question_get_n_answers (start); i++)
    takeover_first |= g_strcmp0 (sih_triage_question_get_answer (start, i)->cause,
                                 "account-takeover") == 0;
  g_assert_true (takeover_first);

  for (guint c = 0; c < g_list_model_get_n_items (causes); c++)
    {
      g_autoptr(SihCause) cause = g_list_model_get_item (causes, c);
      g_autoptr(SihCase) kase = sih_case_new (sih_pack_get_id (pack), sih_pack_get_version (pack));
      g_autoptr(GPtrArray) answers = g_ptr_array_new ();
      g_autoptr(GPtrArray) path = NULL;
      const SihTriageQuestion *question = start;
      const char *id = sih_cause_get_id (cause);

      if (!find_answers (triage, start, id, answers))
        g_error ("no series of triage answers ends on “%s”", id);

      for (guint i = 0; i < answers->len; i++)
        {
          const SihTriageAnswer *answer = g_ptr_array_index (answers, i);

          g_assert_true (sih_triage_get_current (triage, kase) == question);
          g_assert_true (sih_triage_record_answer (triage, kase, question->id, answer->id));
          question = sih_triage_answer_get_next (triage, answer);
        }

      g_assert_null (sih_triage_get_current (triage, kase));
      g_assert_cmpstr (sih_triage_get_result (triage, kase), ==, id);
      path = sih_triage_get_path (triage, kase);
      g_assert_cmpuint (path->len, ==, answers->len);
      g_test_message ("%s: %u answers", id, answers->len);
    }
}

static gboolean
has_japanese (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_get_script (g_utf8_get_char (p)) == G_UNICODE_SCRIPT_HIRAGANA ||
        g_unichar_get_script (g_utf8_get_char (p)) == G_UNICODE_SCRIPT_KATAKANA ||
        g_unichar_get_script (g_utf8_get_char (p)) == G_UNICODE_SCRIPT_HAN)
      return TRUE;
  return FALSE;
}

static void
test_triage_translated (void)
{
  g_autoptr(SihPack) pack = bundled_pack ("ja");
  SihTriage *triage;

  if (pack == NULL)
    return;
  triage = sih_pack_get_triage (pack);

  for (guint q = 0; q < sih_triage_get_n_questions (triage); q++)
    {
      const SihTriageQuestion *question = sih_triage_get_question (triage, q);

      g_assert_cmpstr (question->text.text, !=, question->text.source);
      g_assert_true (has_japanese (question->text.text));
      if (question->hint.source != NULL)
        g_assert_true (has_japanese (question->hint.text));
      for (guint a = 0; a < sih_triage_question_get_n_answers (question); a++)
        {
          const SihTriageAnswer *answer = sih_triage_question_get_answer (question, a);

          if (!has_japanese (answer->label.text))
            g_error ("%s/%s is not translated: “%s”", question->id, answer->id,
                     answer->label.text);
        }
    }
}

static char *
summary_of (SihCase          *kase,
            SihPack          *pack,
            SihSummaryFormat  format)
{
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 11, 25, 9, 30, 0);
  SihSummaryOptions options;

  sih_summary_options_init (&options);
  options.format = format;
  return sih_summary_format (kase, pack, NULL, now, &options, NULL);
}

/* The answers appear in the summary, in the order they were given, with
 * where they lead; a case without answers has no such section. */
static void
test_triage_summary (void)
{
  g_autoptr(SihPack) pack = bundled_pack ("en");
  g_autoptr(SihCase) kase = sih_case_new (sih_pack_get_id (pack), sih_pack_get_version (pack));
  SihTriage *triage = sih_pack_get_triage (pack);
  g_autofree char *before = summary_of (kase, pack, SIH_SUMMARY_FORMAT_TEXT);
  g_autofree char *text = NULL;
  g_autofree char *markdown = NULL;
  g_autofree char *unfinished = NULL;
  g_autofree char *japanese = NULL;
  const char *first, *second, *lead;

  g_assert_null (strstr (before, "guided questions"));

  g_assert_true (sih_triage_record_answer (triage, kase, "takeover-signs", "no"));
  g_assert_true (sih_triage_record_answer (triage, kase, "service", "shopping"));
  unfinished = summary_of (kase, pack, SIH_SUMMARY_FORMAT_TEXT);
  g_assert_nonnull (strstr (unfinished, "Where the answers lead: not finished\n"));

  g_assert_true (sih_triage_record_answer (triage, kase, "locked", "no"));
  g_assert_true (sih_triage_record_answer (triage, kase, "what-happens", "code"));
  g_assert_true (sih_triage_record_answer (triage, kase, "code-arrives", "no"));
  g_assert_true (sih_triage_record_answer (triage, kase, "recent-change", "no"));

  text = summary_of (kase, pack, SIH_SUMMARY_FORMAT_TEXT);
  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, "Answers to the guided questions\n-------------------------------\n"));
  first = strstr (text, "Do you see orders, e-mails or changes you did not make? → No, nothing like that\n");
  second = strstr (text, "Which service are you signing in to? → Amazon shopping, on the website or in the app\n");
  lead = strstr (text, "Where the answers lead: Verification code doesn’t arrive\n");
  g_assert_nonnull (first);
  g_assert_nonnull (second);
  g_assert_nonnull (lead);
  g_assert_true (first < second && second < lead);
  /* After the recent changes, before the steps tried. */
  g_assert_true (strstr (text, "Since when, and recent changes") < first);
  g_assert_true (lead < strstr (text, "Steps tried"));

  markdown = summary_of (kase, pack, SIH_SUMMARY_FORMAT_MARKDOWN);
  g_assert_nonnull (strstr (markdown, "## Answers to the guided questions\n\n"));
  g_assert_nonnull (strstr (markdown, "- Does a verification code arrive? → No, no code arrives\n"));
  g_assert_nonnull (strstr (markdown, "- **Where the answers lead**: Verification code doesn’t arrive\n"));

  g_clear_object (&pack);
  pack = bundled_pack ("ja");
  if (pack == NULL)
    return;
  japanese = summary_of (kase, pack, SIH_SUMMARY_FORMAT_TEXT);
  g_test_message ("%s", japanese);
  g_assert_null (strstr (japanese, "guided questions"));
  g_assert_nonnull (strstr (japanese, "確認コードは届きますか？ → いいえ、コードが届きません"));
  g_assert_nonnull (strstr (japanese, "確認コードが届かない"));
}

/* A pack whose answers say something about the details: q1 → (phone |
 * nothing → q2), q2 → (shop | business). */
static const char facts_pack[] =
  "{\"format\":1,\"id\":\"p\",\"version\":\"1\",\"title\":\"T\",\"service\":\"S\","
  "\"updated\":\"2026-01-01\",\"disclaimer\":\"D\",\"contact\":{\"intro\":\"I\","
  "\"prepare\":[{\"id\":\"a\",\"label\":\"A\"}],\"routes\":[{\"id\":\"r\",\"title\":\"R\","
  "\"detail\":\"D\"}],\"scam_warning\":\"W\"},\"causes\":["
  "{\"id\":\"first\",\"title\":\"First\",\"summary\":\"S\",\"icon\":\"a-symbolic\","
  "\"urgency\":\"normal\",\"symptoms\":[],\"error_messages\":[],\"escalate\":\"E\","
  "\"steps\":[{\"id\":\"s\",\"title\":\"T\",\"detail\":\"D\",\"kind\":\"check\"}]}],"
  "\"triage\":{\"start\":\"q1\",\"questions\":["
  "{\"id\":\"q1\",\"text\":\"Changed?\",\"answers\":["
  "{\"id\":\"phone\",\"label\":\"New phone and password\",\"cause\":\"first\",\"details\":["
  "{\"detail\":\"changes\",\"is\":\"new-phone\"},{\"detail\":\"changes\",\"is\":\"new-password\"},"
  "{\"detail\":\"device-type\",\"is\":\"phone\"}]},"
  "{\"id\":\"nothing\",\"label\":\"Nothing changed\",\"next\":\"q2\",\"details\":["
  "{\"detail\":\"changes\",\"not\":\"new-phone\"},{\"detail\":\"changes\",\"not\":\"new-email\"}]}]},"
  "{\"id\":\"q2\",\"text\":\"Where?\",\"answers\":["
  "{\"id\":\"shop\",\"label\":\"Shopping\",\"cause\":\"first\",\"details\":["
  "{\"detail\":\"where\",\"not\":\"business\"}]},"
  "{\"id\":\"business\",\"label\":\"Business\",\"cause\":\"first\",\"details\":["
  "{\"detail\":\"where\",\"is\":\"business\"}]}]}]}}";

static SihPack *
facts_pack_new (void)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (facts_pack, strlen (facts_pack));
  g_autoptr(GError) error = NULL;
  SihPack *pack = sih_pack_new_from_bytes (bytes, "facts.json", NULL, &error);

  g_assert_no_error (error);
  return pack;
}

static char *
disagreements_string (SihTriage *triage,
                      SihCase   *kase)
{
  g_autoptr(GPtrArray) found = sih_triage_get_disagreements (triage, kase);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < found->len; i++)
    {
      const SihTriageDisagreement *d = g_ptr_array_index (found, i);

      g_string_append_printf (out, "%s%s=%s:%s%s%s", i > 0 ? " " : "", d->question->id,
                              d->answer->id, d->fact->detail, d->fact->holds ? "=" : "!=",
                              d->fact->value);
    }
  return g_string_free (out, FALSE);
}

/* What an answer says about the details fills in those nobody set, once,
 * and is checked against those the person set. */
static void
test_triage_details (void)
{
  g_autoptr(SihPack) pack = facts_pack_new ();
  SihTriage *triage = sih_pack_get_triage (pack);
  g_autoptr(SihCase) kase = sih_case_new ("p", "1");
  g_autoptr(SihCase) other = sih_case_new ("p", "1");
  const SihTriageAnswer *answer;
  const SihTriageFact *fact;
  g_autofree char *none = NULL;
  g_autofree char *changes = NULL;
  g_autofree char *place = NULL;

  /* The model. */
  answer = sih_triage_question_find_answer (sih_triage_get_start (triage), "nothing");
  g_assert_cmpuint (answer->facts->len, ==, 2);
  fact = g_ptr_array_index (answer->facts, 1);
  g_assert_cmpstr (fact->detail, ==, SIH_DETAIL_CHANGES);
  g_assert_cmpstr (fact->value, ==, "new-email");
  g_assert_false (fact->holds);

  /* Nothing answered: nothing to fill in or check. */
  g_assert_false (sih_triage_fill_details (triage, kase));
  none = disagreements_string (triage, kase);
  g_assert_cmpstr (none, ==, "");

  /* Every value an answer says a detail has, for the details not set. */
  g_assert_true (sih_triage_record_answer (triage, kase, "q1", "phone"));
  sih_case_set_detail (kase, SIH_DETAIL_DEVICE_TYPE, "tablet");
  g_assert_true (sih_triage_fill_details (triage, kase));
  g_assert_cmpstr (sih_case_get_detail (kase, SIH_DETAIL_CHANGES), ==, "new-phone,new-password");
  /* What the person set stays: the summary asks about it instead. */
  g_assert_cmpstr (sih_case_get_detail (kase, SIH_DETAIL_DEVICE_TYPE), ==, "tablet");
  place = disagreements_string (triage, kase);
  g_assert_cmpstr (place, ==, "q1=phone:device-type=phone");
  g_assert_false (sih_triage_fill_details (triage, kase));

  /* Filled in once: emptied by the person, it stays empty. */
  sih_case_set_detail (kase, SIH_DETAIL_CHANGES, NULL);
  g_assert_false (sih_triage_fill_details (triage, kase));
  g_assert_null (sih_case_get_detail (kase, SIH_DETAIL_CHANGES));

  /* An answer that says a detail has not a value disagrees with a detail
   * that has it, once for each such value. */
  g_assert_true (sih_triage_record_answer (triage, other, "q1", "nothing"));
  g_assert_true (sih_triage_record_answer (triage, other, "q2", "shop"));
  sih_case_set_detail (other, SIH_DETAIL_CHANGES, "new-email, new-password,new-phone");
  sih_case_set_detail (other, SIH_DETAIL_WHERE, "business");
  g_assert_false (sih_triage_fill_details (triage, other));
  changes = disagreements_string (triage, other);
  g_assert_cmpstr (changes, ==,
                   "q1=nothing:changes!=new-phone q1=nothing:changes!=new-email q2=shop:where!=business");
  /* Details that agree, or are not set, say nothing. */
  sih_case_set_detail (other, SIH_DETAIL_CHANGES, "new-password");
  sih_case_set_detail (other, SIH_DETAIL_WHERE, NULL);
  g_clear_pointer (&changes, g_free);
  changes = disagreements_string (triage, other);
  g_assert_cmpstr (changes, ==, "");
  /* Answers off the path say nothing either. */
  g_assert_true (sih_triage_record_answer (triage, other, "q1", "phone"));
  g_assert_null (sih_case_get_detail (other, "triage-q2"));
  sih_case_set_detail (other, SIH_DETAIL_WHERE, "business");
  g_clear_pointer (&changes, g_free);
  changes = disagreements_string (triage, other);
  g_assert_cmpstr (changes, ==, "q1=phone:changes=new-phone");
}

/* The summary points out an answer and a detail that disagree, politely,
 * so that support asks which is right. */
static void
test_triage_summary_disagreement (void)
{
  g_autoptr(SihPack) pack = bundled_pack ("en");
  g_autoptr(SihCase) kase = sih_case_new (sih_pack_get_id (pack), sih_pack_get_version (pack));
  SihTriage *triage = sih_pack_get_triage (pack);
  g_autofree char *agree = NULL;
  g_autofree char *text = NULL;
  g_autofree char *markdown = NULL;
  g_autofree char *japanese = NULL;
  const char *line = "Please check: The answer “No, nothing changed” does not agree with the "
                     "recent changes given above (new phone, new password).\n";

  g_assert_true (sih_triage_record_answer (triage, kase, "takeover-signs", "no"));
  g_assert_true (sih_triage_record_answer (triage, kase, "service", "shopping"));
  g_assert_true (sih_triage_record_answer (triage, kase, "locked", "no"));
  g_assert_true (sih_triage_record_answer (triage, kase, "what-happens", "code"));
  g_assert_true (sih_triage_record_answer (triage, kase, "code-arrives", "no"));
  g_assert_true (sih_triage_record_answer (triage, kase, "recent-change", "no"));
  sih_case_set_detail (kase, SIH_DETAIL_CHANGES, "new-password");
  sih_case_set_detail (kase, SIH_DETAIL_WHERE, "shopping-app");
  agree = summary_of (kase, pack, SIH_SUMMARY_FORMAT_TEXT);
  g_assert_null (strstr (agree, "Please check"));

  sih_case_set_detail (kase, SIH_DETAIL_CHANGES, "new-phone,new-password");
  text = summary_of (kase, pack, SIH_SUMMARY_FORMAT_TEXT);
  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, line));
  /* Once, though the answer rules out three changes. */
  g_assert_true (strstr (text, "Please check") == strstr (text, line));
  g_assert_null (strstr (strstr (text, line) + 1, "Please check"));
  /* In the section of the answers. */
  g_assert_true (strstr (text, "Answers to the guided questions") < strstr (text, line));
  g_assert_true (strstr (text, line) < strstr (text, "Steps tried"));

  sih_case_set_detail (kase, SIH_DETAIL_WHERE, "business");
  markdown = summary_of (kase, pack, SIH_SUMMARY_FORMAT_MARKDOWN);
  g_test_message ("%s", markdown);
  g_assert_nonnull (strstr (markdown, "- **Please check**: The answer “Amazon shopping, on the website "
                                      "or in the app” does not agree with the service named above "
                                      "(Amazon Business).\n"));

  g_clear_object (&pack);
  pack = bundled_pack ("ja");
  if (pack == NULL)
    return;
  japanese = summary_of (kase, pack, SIH_SUMMARY_FORMAT_TEXT);
  g_test_message ("%s", japanese);
  g_assert_null (strstr (japanese, "Please check"));
  g_assert_nonnull (strstr (japanese, "ご確認ください："));
}

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

/* The broken triages of tests/data/packs/bad (see make-corpus.py). */
static void
test_triage_bad_corpus (void)
{
  g_autofree char *index_path = g_test_build_filename (G_TEST_DIST, "data", "packs", "bad",
                                                       "expected.txt", NULL);
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
      g_autoptr(SihPack) pack = NULL;
      g_autoptr(GError) load_error = NULL;

      if (!g_str_has_prefix (lines[i], "triage-"))
        continue;

      fields = g_strsplit (lines[i], "\t", 3);
      path = g_test_build_filename (G_TEST_DIST, "data", "packs", "bad", fields[0], NULL);
      pack = sih_pack_new_from_file (path, NULL, &load_error);
      g_test_message ("%s → %s", fields[0], load_error ? load_error->message : "(loaded)");
      g_assert_null (pack);
      g_assert_error (load_error, SIH_ERROR, load_error->code);
      g_assert_cmpstr (error_code_name (load_error->code), ==, fields[1]);
      if (strstr (load_error->message, fields[2]) == NULL)
        g_error ("%s: “%s” does not contain “%s”", fields[0], load_error->message, fields[2]);
      checked++;
    }

  /* Dangling next and cause, a loop, an unreachable and a missing start
   * at least. */
  g_assert_cmpuint (checked, >=, 6);
}

/* The loop is named in the error, so that it can be found. */
static void
test_triage_loop_message (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "packs", "bad",
                                                 "triage-cycle.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SihPack) pack = sih_pack_new_from_file (path, NULL, &error);

  g_assert_null (pack);
  g_assert_error (error, SIH_ERROR, SIH_ERROR_INVALID_VALUE);
  g_assert_nonnull (strstr (error->message, "triage.questions[2].answers[1].next"));
  g_assert_nonnull (strstr (error->message, "q1 → q2 → q3 → q1"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  sih_test_init_translations ();

  g_test_add_func ("/triage/model", test_triage_model);
  g_test_add_func ("/triage/absent", test_triage_absent);
  g_test_add_func ("/triage/walk", test_triage_walk);
  g_test_add_func ("/triage/saved", test_triage_saved);
  g_test_add_func ("/triage/bundled-reaches-every-cause", test_triage_bundled_reaches_every_cause);
  g_test_add_func ("/triage/translated", test_triage_translated);
  g_test_add_func ("/triage/summary", test_triage_summary);
  g_test_add_func ("/triage/details", test_triage_details);
  g_test_add_func ("/triage/summary-disagreement", test_triage_summary_disagreement);
  g_test_add_func ("/triage/bad-corpus", test_triage_bad_corpus);
  g_test_add_func ("/triage/loop-message", test_triage_loop_message);

  return g_test_run ();
}
