/* sih-triage.c: walking a pack's triage questions with a case
 *
 * The loader (sih-pack.c) guarantees that the questions form a graph
 * without cycles in which every question is reachable from the start and
 * every reference exists, so a walk always ends, after at most one step
 * per question.
 *
 * A case records one answer per question as a detail.  The path is not
 * stored: it is the walk from the start that follows the recorded
 * answers, so it is always consistent with the pack.  An answer the pack
 * no longer has (a case made with an older pack) ends the walk there, and
 * that question is asked again.
 *
 * An answer may also say something about the case's details ("I changed
 * phones": the recent changes include a new phone).  The pack says what,
 * answer by answer; here those facts fill in details nobody has set yet,
 * and are checked against the details the person gave.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "core/sih-detail.h"
#include "core/sih-pack-private.h"
#include "core/sih-triage.h"

G_DEFINE_FINAL_TYPE (SihTriage, sih_triage, G_TYPE_OBJECT)

void
sih_triage_fact_free (SihTriageFact *fact)
{
  if (fact == NULL)
    return;
  g_free (fact->detail);
  g_free (fact->value);
  g_free (fact);
}

void
sih_triage_answer_free (SihTriageAnswer *answer)
{
  if (answer == NULL)
    return;
  g_free (answer->id);
  sih_text_clear (&answer->label);
  g_free (answer->next);
  g_free (answer->cause);
  g_clear_pointer (&answer->facts, g_ptr_array_unref);
  g_free (answer);
}

void
sih_triage_question_free (SihTriageQuestion *question)
{
  if (question == NULL)
    return;
  g_free (question->id);
  sih_text_clear (&question->text);
  sih_text_clear (&question->hint);
  g_clear_pointer (&question->answers, g_ptr_array_unref);
  g_free (question);
}

static void
sih_triage_finalize (GObject *object)
{
  SihTriage *self = (SihTriage *)object;

  g_clear_pointer (&self->start, g_free);
  g_clear_pointer (&self->questions_by_id, g_hash_table_unref);
  g_clear_pointer (&self->questions, g_ptr_array_unref);

  G_OBJECT_CLASS (sih_triage_parent_class)->finalize (object);
}

static void
sih_triage_class_init (SihTriageClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sih_triage_finalize;
}

static void
sih_triage_init (SihTriage *self)
{
  self->questions = g_ptr_array_new_with_free_func ((GDestroyNotify)sih_triage_question_free);
  self->questions_by_id = g_hash_table_new (g_str_hash, g_str_equal);
}

/**
 * sih_triage_get_start:
 *
 * Returns: (transfer none): the first question
 */
const SihTriageQuestion *
sih_triage_get_start (SihTriage *self)
{
  g_return_val_if_fail (SIH_IS_TRIAGE (self), NULL);
  return g_hash_table_lookup (self->questions_by_id, self->start);
}

guint
sih_triage_get_n_questions (SihTriage *self)
{
  g_return_val_if_fail (SIH_IS_TRIAGE (self), 0);
  return self->questions->len;
}

/**
 * sih_triage_get_question:
 * @position: from 0 to sih_triage_get_n_questions() - 1, in pack order
 *
 * Returns: (transfer none): the question
 */
const SihTriageQuestion *
sih_triage_get_question (SihTriage *self,
                         guint      position)
{
  g_return_val_if_fail (SIH_IS_TRIAGE (self), NULL);
  g_return_val_if_fail (position < self->questions->len, NULL);
  return g_ptr_array_index (self->questions, position);
}

/**
 * sih_triage_find_question:
 *
 * Returns: (transfer none) (nullable): the question with @question_id
 */
const SihTriageQuestion *
sih_triage_find_question (SihTriage  *self,
                          const char *question_id)
{
  g_return_val_if_fail (SIH_IS_TRIAGE (self), NULL);
  g_return_val_if_fail (question_id != NULL, NULL);
  return g_hash_table_lookup (self->questions_by_id, question_id);
}

guint
sih_triage_question_get_n_answers (const SihTriageQuestion *question)
{
  g_return_val_if_fail (question != NULL, 0);
  return question->answers->len;
}

/**
 * sih_triage_question_get_answer:
 *
 * Returns: (transfer none): the answer at @position, in pack order
 */
const SihTriageAnswer *
sih_triage_question_get_answer (const SihTriageQuestion *question,
                                guint                    position)
{
  g_return_val_if_fail (question != NULL, NULL);
  g_return_val_if_fail (position < question->answers->len, NULL);
  return g_ptr_array_index (question->answers, position);
}

/**
 * sih_triage_question_find_answer:
 *
 * Returns: (transfer none) (nullable): the answer with @answer_id
 */
const SihTriageAnswer *
sih_triage_question_find_answer (const SihTriageQuestion *question,
                                 const char              *answer_id)
{
  g_return_val_if_fail (question != NULL, NULL);
  g_return_val_if_fail (answer_id != NULL, NULL);

  /* A handful of answers: a scan beats a hash table. */
  for (guint i = 0; i < question->answers->len; i++)
    {
      const SihTriageAnswer *answer = g_ptr_array_index (question->answers, i);

      if (g_str_equal (answer->id, answer_id))
        return answer;
    }
  return NULL;
}

/**
 * sih_triage_answer_get_next:
 * @answer: an answer of one of @self's questions
 *
 * Returns: (transfer none) (nullable): the question @answer leads to, or
 *   %NULL if it ends on a cause (see @answer->cause)
 */
const SihTriageQuestion *
sih_triage_answer_get_next (SihTriage             *self,
                            const SihTriageAnswer *answer)
{
  g_return_val_if_fail (SIH_IS_TRIAGE (self), NULL);
  g_return_val_if_fail (answer != NULL, NULL);

  if (answer->next == NULL)
    return NULL;
  return g_hash_table_lookup (self->questions_by_id, answer->next);
}

/**
 * sih_triage_detail_key:
 * @question_id: a question id
 *
 * Returns: (transfer full): the name of the case detail that records the
 *   answer to the question ("triage-" followed by its id)
 */
char *
sih_triage_detail_key (const char *question_id)
{
  g_return_val_if_fail (question_id != NULL, NULL);
  return g_strconcat (SIH_TRIAGE_DETAIL_PREFIX, question_id, NULL);
}

static const SihTriageAnswer *
recorded_answer (SihCase                 *kase,
                 const SihTriageQuestion *question)
{
  g_autofree char *key = sih_triage_detail_key (question->id);
  const char *answer_id = sih_case_get_detail (kase, key);

  if (answer_id == NULL)
    return NULL;
  return sih_triage_question_find_answer (question, answer_id);
}

/* Follows the recorded answers from the start.  Returns the question the
 * walk stopped at (NULL if it ended on a cause) and fills @path if given. */
static const SihTriageQuestion *
walk (SihTriage  *self,
      SihCase    *kase,
      GPtrArray  *path)
{
  const SihTriageQuestion *question = sih_triage_get_start (self);

  /* The loader refuses cycles; the bound only guards against a bug. */
  for (guint steps = 0; question != NULL && steps <= self->questions->len; steps++)
    {
      const SihTriageAnswer *answer = recorded_answer (kase, question);

      if (answer == NULL)
        return question;

      if (path != NULL)
        {
          SihTriageChoice *choice = g_new (SihTriageChoice, 1);

          choice->question = question;
          choice->answer = answer;
          g_ptr_array_add (path, choice);
        }

      if (answer->cause != NULL)
        return NULL;
      question = sih_triage_answer_get_next (self, answer);
    }

  g_return_val_if_reached (NULL);
}

/**
 * sih_triage_get_path:
 * @kase: a case
 *
 * The questions answered so far, in the order they were asked: the walk
 * from the start that follows the answers recorded in @kase.  Answers to
 * questions off that path are ignored.
 *
 * Returns: (transfer container) (element-type SihTriageChoice): the path,
 *   empty if the first question has no answer yet
 */
GPtrArray *
sih_triage_get_path (SihTriage *self,
                     SihCase   *kase)
{
  GPtrArray *path;

  g_return_val_if_fail (SIH_IS_TRIAGE (self), NULL);
  g_return_val_if_fail (SIH_IS_CASE (kase), NULL);

  path = g_ptr_array_new_with_free_func (g_free);
  walk (self, kase, path);
  return path;
}

/**
 * sih_triage_get_current:
 * @kase: a case
 *
 * Where to resume: the first question on the path without an answer.
 *
 * Returns: (transfer none) (nullable): the question to ask next, or %NULL
 *   if the answers lead to a cause (see sih_triage_get_result())
 */
const SihTriageQuestion *
sih_triage_get_current (SihTriage *self,
                        SihCase   *kase)
{
  g_return_val_if_fail (SIH_IS_TRIAGE (self), NULL);
  g_return_val_if_fail (SIH_IS_CASE (kase), NULL);

  return walk (self, kase, NULL);
}

/**
 * sih_triage_get_result:
 * @kase: a case
 *
 * Returns: (nullable): the id of the cause the answers lead to, or %NULL
 *   if a question is still open
 */
const char *
sih_triage_get_result (SihTriage *self,
                       SihCase   *kase)
{
  g_autoptr(GPtrArray) path = NULL;
  const SihTriageChoice *last;

  g_return_val_if_fail (SIH_IS_TRIAGE (self), NULL);
  g_return_val_if_fail (SIH_IS_CASE (kase), NULL);

  path = sih_triage_get_path (self, kase);
  if (path->len == 0)
    return NULL;
  last = g_ptr_array_index (path, path->len - 1);
  return last->answer->cause;
}

/**
 * sih_triage_record_answer:
 * @kase: the case to record the answer in
 * @question_id: a question on the path: one already answered, or the
 *   current one
 * @answer_id: one of its answers
 *
 * Records the answer and forgets the answers to every question that is
 * not on the path before it, so that the walk goes on from there with the
 * next question unanswered: changing an earlier answer asks the later
 * questions again.
 *
 * Returns: %TRUE if the answer was recorded; %FALSE if the question or the
 *   answer does not exist or the question is not on the path
 */
gboolean
sih_triage_record_answer (SihTriage  *self,
                          SihCase    *kase,
                          const char *question_id,
                          const char *answer_id)
{
  g_autoptr(GPtrArray) path = NULL;
  g_autoptr(GHashTable) keep = NULL;
  g_autofree char *key = NULL;
  const SihTriageQuestion *question;
  const SihTriageQuestion *current;
  gboolean on_path;

  g_return_val_if_fail (SIH_IS_TRIAGE (self), FALSE);
  g_return_val_if_fail (SIH_IS_CASE (kase), FALSE);
  g_return_val_if_fail (question_id != NULL, FALSE);
  g_return_val_if_fail (answer_id != NULL, FALSE);

  question = sih_triage_find_question (self, question_id);
  if (question == NULL || sih_triage_question_find_answer (question, answer_id) == NULL)
    return FALSE;

  /* Keep the answers on the path before the question. */
  path = g_ptr_array_new_with_free_func (g_free);
  current = walk (self, kase, path);
  on_path = current == question;
  keep = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < path->len; i++)
    {
      const SihTriageChoice *choice = g_ptr_array_index (path, i);

      if (choice->question == question)
        {
          on_path = TRUE;
          break;
        }
      g_hash_table_add (keep, choice->question->id);
    }
  if (!on_path)
    return FALSE;

  /* Confirming the answer already recorded keeps the later ones. */
  key = sih_triage_detail_key (question->id);
  if (g_strcmp0 (sih_case_get_detail (kase, key), answer_id) == 0)
    return TRUE;

  /* Forget what came after this question first, then record the answer;
   * each change saves the case, and this order never leaves a path that
   * runs on through stale answers. */
  for (guint i = 0; i < self->questions->len; i++)
    {
      const SihTriageQuestion *other = g_ptr_array_index (self->questions, i);

      if (other != question && !g_hash_table_contains (keep, other->id))
        {
          g_autofree char *other_key = sih_triage_detail_key (other->id);
          sih_case_set_detail (kase, other_key, NULL);
        }
    }

  sih_case_set_detail (kase, key, answer_id);

  return TRUE;
}

/**
 * sih_triage_clear_answers:
 * @kase: a case
 *
 * Forgets every triage answer in @kase, including answers to questions
 * this pack no longer has, to start the questions again.
 *
 * Returns: %TRUE if anything changed
 */
gboolean
sih_triage_clear_answers (SihTriage *self,
                          SihCase   *kase)
{
  g_auto(GStrv) keys = NULL;
  gboolean changed = FALSE;

  g_return_val_if_fail (SIH_IS_TRIAGE (self), FALSE);
  g_return_val_if_fail (SIH_IS_CASE (kase), FALSE);

  keys = sih_case_list_details (kase);
  for (guint i = 0; keys[i] != NULL; i++)
    if (g_str_has_prefix (keys[i], SIH_TRIAGE_DETAIL_PREFIX))
      changed |= sih_case_set_detail (kase, keys[i], NULL);

  return changed;
}

/* Whether the detail was filled in from the answers before. */
static gboolean
was_filled (SihCase    *kase,
            const char *key)
{
  return sih_detail_list_contains (sih_case_get_detail (kase, SIH_TRIAGE_FILLED_DETAIL), key);
}

/**
 * sih_triage_fill_details:
 * @kase: a case
 *
 * Fills in, from what the answers on the path say, each detail that is
 * not set and was never filled in from the answers before: "I changed
 * phones" ticks "New phone" while the recent changes are empty.  A detail
 * the person set, or emptied after it was filled in, is left as it is;
 * where it disagrees with an answer, sih_triage_get_disagreements() says
 * so.
 *
 * Returns: %TRUE if a detail was filled in
 */
gboolean
sih_triage_fill_details (SihTriage *self,
                         SihCase   *kase)
{
  g_autoptr(GPtrArray) path = NULL;
  /* detail → GPtrArray of values (borrowed), in the order of the path */
  g_autoptr(GHashTable) fills = NULL;
  g_autoptr(GPtrArray) keys = NULL;
  g_autoptr(GString) filled = NULL;

  g_return_val_if_fail (SIH_IS_TRIAGE (self), FALSE);
  g_return_val_if_fail (SIH_IS_CASE (kase), FALSE);

  path = sih_triage_get_path (self, kase);
  fills = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify)g_ptr_array_unref);
  keys = g_ptr_array_new ();

  for (guint i = 0; i < path->len; i++)
    {
      const SihTriageChoice *choice = g_ptr_array_index (path, i);

      for (guint f = 0; f < choice->answer->facts->len; f++)
        {
          const SihTriageFact *fact = g_ptr_array_index (choice->answer->facts, f);
          const SihDetailChoice *detail = sih_detail_choice_lookup (fact->detail);
          GPtrArray *values;

          if (!fact->holds || detail == NULL ||
              sih_case_get_detail (kase, fact->detail) != NULL || was_filled (kase, fact->detail))
            continue;

          values = g_hash_table_lookup (fills, fact->detail);
          if (values == NULL)
            {
              values = g_ptr_array_new ();
              g_hash_table_insert (fills, fact->detail, values);
              g_ptr_array_add (keys, fact->detail);
            }
          /* One value for a detail that holds one: the first answer's. */
          if ((detail->multiple || values->len == 0) &&
              !g_ptr_array_find_with_equal_func (values, fact->value, g_str_equal, NULL))
            g_ptr_array_add (values, fact->value);
        }
    }

  if (keys->len == 0)
    return FALSE;

  filled = g_string_new (sih_case_get_detail (kase, SIH_TRIAGE_FILLED_DETAIL));
  for (guint i = 0; i < keys->len; i++)
    {
      const char *key = g_ptr_array_index (keys, i);
      GPtrArray *values = g_hash_table_lookup (fills, key);
      g_autofree char *value = NULL;

      g_ptr_array_add (values, NULL);
      value = g_strjoinv (",", (char **)values->pdata);
      /* Noted first: a case saved in between never fills it twice. */
      g_string_append_printf (filled, "%s%s", filled->len > 0 ? "," : "", key);
      sih_case_set_detail (kase, SIH_TRIAGE_FILLED_DETAIL, filled->str);
      sih_case_set_detail (kase, key, value);
    }
  return TRUE;
}

/**
 * sih_triage_get_disagreements:
 * @kase: a case
 *
 * Where an answer on the path and a detail the case holds do not agree:
 * "No, nothing changed" and recent changes that include a new phone, or
 * "Seller Central" and a sign-in on the website.  A detail not set agrees
 * with everything.
 *
 * Returns: (transfer container) (element-type SihTriageDisagreement): in
 *   the order of the path, then of each answer's facts; empty if all agree
 */
GPtrArray *
sih_triage_get_disagreements (SihTriage *self,
                              SihCase   *kase)
{
  g_autoptr(GPtrArray) path = NULL;
  GPtrArray *found;

  g_return_val_if_fail (SIH_IS_TRIAGE (self), NULL);
  g_return_val_if_fail (SIH_IS_CASE (kase), NULL);

  path = sih_triage_get_path (self, kase);
  found = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < path->len; i++)
    {
      const SihTriageChoice *choice = g_ptr_array_index (path, i);

      for (guint f = 0; f < choice->answer->facts->len; f++)
        {
          const SihTriageFact *fact = g_ptr_array_index (choice->answer->facts, f);
          const char *stored = sih_case_get_detail (kase, fact->detail);
          SihTriageDisagreement *disagreement;

          if (stored == NULL ||
              sih_detail_has_value (fact->detail, stored, fact->value) == fact->holds)
            continue;

          disagreement = g_new (SihTriageDisagreement, 1);
          disagreement->question = choice->question;
          disagreement->answer = choice->answer;
          disagreement->fact = fact;
          g_ptr_array_add (found, disagreement);
        }
    }
  return found;
}
