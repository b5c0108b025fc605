/* fuzz-pack.c: the content-pack loader
 *
 * Every input is loaded twice, without a text domain (the pack's own text)
 * and with ours (translated when $SIH_LOCALEDIR is set): both must agree on
 * whether the pack is valid, and on why not.  A pack that loads is walked
 * completely, and what the loader promises is checked: every id can be
 * found again, every related cause and triage answer leads somewhere, and
 * every triage walk ends on a cause without looping.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "fuzz-common.h"
#include "core/sih-error.h"
#include "core/sih-link.h"
#include "core/sih-pack.h"

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  sih_fuzz_init (argc, argv);
  return 0;
}

static void
check_text (const char *text,
            gboolean    required)
{
  if (text == NULL)
    {
      sih_fuzz_check (!required);
      return;
    }
  sih_fuzz_check (g_utf8_validate (text, -1, NULL));
}

static void
check_links (GPtrArray *links)
{
  sih_fuzz_check (links != NULL);
  for (guint i = 0; i < links->len; i++)
    {
      const SihLink *link = g_ptr_array_index (links, i);

      check_text (link->label.text, TRUE);
      /* Schemes are case-insensitive: "hTtps://" is https too. */
      sih_fuzz_check (g_ascii_strncasecmp (link->uri, "https://", 8) == 0);
      sih_fuzz_check (sih_link_is_official (link->uri, NULL));
    }
}

static void
check_triage (SihPack   *pack,
              SihTriage *triage)
{
  guint n = sih_triage_get_n_questions (triage);

  sih_fuzz_check (n > 0);
  sih_fuzz_check (sih_triage_get_start (triage) != NULL);

  for (guint q = 0; q < n; q++)
    {
      const SihTriageQuestion *question = sih_triage_get_question (triage, q);
      guint n_answers = sih_triage_question_get_n_answers (question);

      sih_fuzz_check (sih_triage_find_question (triage, question->id) == question);
      check_text (question->text.text, TRUE);
      sih_fuzz_check (n_answers > 0);

      for (guint a = 0; a < n_answers; a++)
        {
          const SihTriageAnswer *answer = sih_triage_question_get_answer (question, a);

          sih_fuzz_check (sih_triage_question_find_answer (question, answer->id) == answer);
          sih_fuzz_check ((answer->next == NULL) != (answer->cause == NULL));
          if (answer->next != NULL)
            sih_fuzz_check (sih_triage_answer_get_next (triage, answer) != NULL);
          else
            sih_fuzz_check (sih_pack_find_cause (pack, answer->cause) != NULL);
        }
    }

  /* Always taking the last answer still ends on a cause, within as many
   * questions as there are. */
  {
    const SihTriageQuestion *question = sih_triage_get_start (triage);
    guint steps = 0;

    for (;;)
      {
        guint n_answers = sih_triage_question_get_n_answers (question);
        const SihTriageAnswer *answer = sih_triage_question_get_answer (question, n_answers - 1);

        sih_fuzz_check (++steps <= n);
        if (answer->cause != NULL)
          break;
        question = sih_triage_answer_get_next (triage, answer);
      }
  }
}

static void
check_pack (SihPack *pack)
{
  GListModel *causes = sih_pack_get_causes (pack);
  guint n_causes = g_list_model_get_n_items (causes);
  guint n_steps = 0;
  SihContact *contact;

  sih_fuzz_check (n_causes == sih_pack_get_n_causes (pack));
  sih_fuzz_check (n_causes > 0);
  check_text (sih_pack_get_id (pack), TRUE);
  check_text (sih_pack_get_title (pack), TRUE);
  check_text (sih_pack_get_disclaimer (pack), TRUE);
  check_text (sih_pack_get_version (pack), TRUE);
  check_text (sih_pack_get_updated (pack), TRUE);

  for (guint i = 0; i < n_causes; i++)
    {
      g_autoptr(SihCause) cause = g_list_model_get_item (causes, i);
      GListModel *steps = sih_cause_get_steps (cause);
      const char * const *related = sih_cause_get_related (cause);
      GPtrArray *messages = sih_cause_get_error_messages (cause);

      sih_fuzz_check (sih_pack_find_cause (pack, sih_cause_get_id (cause)) == cause);
      check_text (sih_cause_get_title (cause), TRUE);
      check_text (sih_cause_get_summary (cause), TRUE);
      check_text (sih_cause_get_escalate (cause), TRUE);
      sih_fuzz_check (g_str_has_suffix (sih_cause_get_icon_name (cause), "-symbolic"));

      for (guint s = 0; s < sih_cause_get_n_symptoms (cause); s++)
        check_text (sih_cause_get_symptom (cause, s), TRUE);
      for (guint m = 0; m < messages->len; m++)
        check_text (((SihErrorMessage *)g_ptr_array_index (messages, m))->text, TRUE);
      for (guint r = 0; related[r] != NULL; r++)
        {
          sih_fuzz_check (sih_pack_find_cause (pack, related[r]) != NULL);
          sih_fuzz_check (strcmp (related[r], sih_cause_get_id (cause)) != 0);
        }

      sih_fuzz_check (g_list_model_get_n_items (steps) == sih_cause_get_n_steps (cause));
      sih_fuzz_check (sih_cause_get_n_steps (cause) > 0);
      n_steps += sih_cause_get_n_steps (cause);
      for (guint s = 0; s < g_list_model_get_n_items (steps); s++)
        {
          g_autoptr(SihStep) step = g_list_model_get_item (steps, s);

          sih_fuzz_check (sih_cause_find_step (cause, sih_step_get_id (step)) == step);
          check_text (sih_step_get_title (step), TRUE);
          check_text (sih_step_get_detail (step), TRUE);
          check_text (sih_step_get_caution (step), FALSE);
          check_text (sih_step_get_caller_text (step), FALSE);
          check_links (sih_step_get_links (step));
        }
    }
  sih_fuzz_check (n_steps == sih_pack_get_n_steps (pack));

  contact = sih_pack_get_contact (pack);
  check_text (sih_contact_get_intro (contact), TRUE);
  check_text (sih_contact_get_scam_warning (contact), TRUE);
  for (guint i = 0; i < sih_contact_get_n_items (contact); i++)
    check_text (sih_contact_get_item (contact, i)->label.text, TRUE);
  for (guint i = 0; i < sih_contact_get_n_routes (contact); i++)
    {
      SihContactRoute *route = sih_contact_get_route (contact, i);

      check_text (route->title.text, TRUE);
      check_text (route->detail.text, TRUE);
      check_links (route->links);
    }

  if (sih_pack_get_triage (pack) != NULL)
    check_triage (pack, sih_pack_get_triage (pack));
}

static SihPack *
load (GBytes     *bytes,
      const char *domain,
      GError    **error)
{
  SihPack *pack = sih_pack_new_from_bytes (bytes, "fuzz.json", domain, error);

  /* Exactly one of a pack and an error, and the error says something. */
  sih_fuzz_check ((pack == NULL) == (*error != NULL));
  if (pack == NULL)
    {
      sih_fuzz_check ((*error)->domain == SIH_ERROR);
      sih_fuzz_check (g_str_has_prefix ((*error)->message, "fuzz.json: "));
      sih_fuzz_check (g_utf8_validate ((*error)->message, -1, NULL));
    }
  else
    {
      check_pack (pack);
    }

  return pack;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) translated_error = NULL;
  g_autoptr(SihPack) pack = NULL;
  g_autoptr(SihPack) translated = NULL;

  pack = load (bytes, NULL, &error);
  translated = load (bytes, GETTEXT_PACKAGE, &translated_error);

  /* Translation changes what people read, never whether a pack is valid. */
  sih_fuzz_check ((pack == NULL) == (translated == NULL));
  if (pack == NULL)
    {
      sih_fuzz_check (error->code == translated_error->code);
      sih_fuzz_check (strcmp (error->message, translated_error->message) == 0);
    }
  else
    {
      sih_fuzz_check (sih_pack_get_n_causes (pack) == sih_pack_get_n_causes (translated));
      sih_fuzz_check (sih_pack_get_n_steps (pack) == sih_pack_get_n_steps (translated));
    }

  return 0;
}
