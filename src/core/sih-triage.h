/* sih-triage.h: a pack's triage questions, and the answers a case records
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "core/sih-case.h"
#include "core/sih-pack-types.h"

G_BEGIN_DECLS

/* Answers are case details named SIH_TRIAGE_DETAIL_PREFIX + the question
 * id, with the answer id as value.  Detail names must be valid ids (no
 * ":"), so the loader keeps question ids short enough for the prefix. */
#define SIH_TRIAGE_DETAIL_PREFIX     "triage-"
#define SIH_TRIAGE_MAX_QUESTION_ID   (64 - (int)(sizeof SIH_TRIAGE_DETAIL_PREFIX - 1))

/* The case detail that lists, comma-separated, the details once filled in
 * from the answers: each is filled in at most once, so that what the
 * person then changes, even to nothing, stays as they left it. */
#define SIH_TRIAGE_FILLED_DETAIL     "filled-from-answers"

/**
 * SihTriageFact:
 * @detail: a detail chosen from a list (see sih_detail_choice_lookup())
 * @value: one of its values
 * @holds: %TRUE if the answer says the detail has @value (is it, or for a
 *   set, includes it); %FALSE if it says the detail has not
 *
 * What an answer says about one of the case's details: "I changed phones"
 * says the recent changes include a new phone; "No, nothing changed" says
 * they include no new phone.
 */
typedef struct
{
  char     *detail;
  char     *value;
  gboolean  holds;
} SihTriageFact;

/**
 * SihTriageAnswer:
 * @id: stable within its question; recorded in cases
 * @label: what the person picks (translated)
 * @next: (nullable): the id of the question it leads to, or %NULL
 * @cause: (nullable): the id of the cause it ends on, or %NULL
 * @facts: (element-type SihTriageFact): what it says about the case's
 *   details, in pack order; often empty
 *
 * Exactly one of @next and @cause is set.
 */
typedef struct
{
  char      *id;
  SihText    label;
  char      *next;
  char      *cause;
  GPtrArray *facts;
} SihTriageAnswer;

/**
 * SihTriageQuestion:
 * @id: stable within the pack; recorded in cases
 * @text: the question (translated)
 * @hint: an explanation under it (translated); @hint.text is %NULL if none
 * @answers: (element-type SihTriageAnswer): at least one, in pack order
 */
typedef struct
{
  char      *id;
  SihText    text;
  SihText    hint;
  GPtrArray *answers;
} SihTriageQuestion;

/**
 * SihTriageChoice:
 * @question: a question on the path
 * @answer: the answer recorded for it
 *
 * One step of the path through the questions; both point into the triage.
 */
typedef struct
{
  const SihTriageQuestion *question;
  const SihTriageAnswer   *answer;
} SihTriageChoice;

/**
 * SihTriageDisagreement:
 * @question: a question on the path
 * @answer: the answer recorded for it
 * @fact: what @answer says that the case's details do not
 *
 * An answer and a detail that do not agree; all three point into the
 * triage.
 */
typedef struct
{
  const SihTriageQuestion *question;
  const SihTriageAnswer   *answer;
  const SihTriageFact     *fact;
} SihTriageDisagreement;

#define SIH_TYPE_TRIAGE (sih_triage_get_type ())

G_DECLARE_FINAL_TYPE (SihTriage, sih_triage, SIH, TRIAGE, GObject)

const SihTriageQuestion *sih_triage_get_start          (SihTriage               *self);
guint                    sih_triage_get_n_questions    (SihTriage               *self);
const SihTriageQuestion *sih_triage_get_question       (SihTriage               *self,
                                                        guint                    position);
const SihTriageQuestion *sih_triage_find_question      (SihTriage               *self,
                                                        const char              *question_id);

guint                    sih_triage_question_get_n_answers (const SihTriageQuestion *question);
const SihTriageAnswer   *sih_triage_question_get_answer    (const SihTriageQuestion *question,
                                                            guint                    position);
const SihTriageAnswer   *sih_triage_question_find_answer   (const SihTriageQuestion *question,
                                                            const char              *answer_id);

const SihTriageQuestion *sih_triage_answer_get_next    (SihTriage               *self,
                                                        const SihTriageAnswer   *answer);

char                    *sih_triage_detail_key         (const char              *question_id);
gboolean                 sih_triage_record_answer      (SihTriage               *self,
                                                        SihCase                 *kase,
                                                        const char              *question_id,
                                                        const char              *answer_id);
gboolean                 sih_triage_clear_answers      (SihTriage               *self,
                                                        SihCase                 *kase);
GPtrArray               *sih_triage_get_path           (SihTriage               *self,
                                                        SihCase                 *kase);
const SihTriageQuestion *sih_triage_get_current        (SihTriage               *self,
                                                        SihCase                 *kase);
const char              *sih_triage_get_result         (SihTriage               *self,
                                                        SihCase                 *kase);
gboolean                 sih_triage_fill_details       (SihTriage               *self,
                                                        SihCase                 *kase);
GPtrArray               *sih_triage_get_disagreements  (SihTriage               *self,
                                                        SihCase                 *kase);

G_END_DECLS
