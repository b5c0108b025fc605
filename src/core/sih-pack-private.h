/* sih-pack-private.h: the pack objects' insides, for the loader only
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "core/sih-pack.h"

G_BEGIN_DECLS

struct _SihStep
{
  GObject      parent_instance;

  char        *id;
  SihText      title;
  SihText      detail;
  SihStepKind  kind;
  SihText      caution;
  SihText      caller_text;    /* "say": nullable */
  GPtrArray   *links;          /* SihLink */
};

struct _SihCause
{
  GObject      parent_instance;

  char        *id;
  SihText      title;
  SihText      summary;
  char        *icon_name;
  SihUrgency   urgency;
  GArray      *symptoms;       /* SihText */
  GPtrArray   *error_messages; /* SihErrorMessage */
  GListStore  *steps;          /* SihStep */
  GHashTable  *steps_by_id;    /* id → SihStep (borrowed) */
  SihText      escalate;
  GStrv        related;
};

struct _SihContact
{
  GObject      parent_instance;

  SihText      intro;
  GPtrArray   *items;          /* SihContactItem */
  GPtrArray   *routes;         /* SihContactRoute */
  SihText      scam_warning;
};

struct _SihTriage
{
  GObject      parent_instance;

  char        *start;          /* the first question's id */
  GPtrArray   *questions;      /* SihTriageQuestion, in pack order */
  GHashTable  *questions_by_id; /* id → SihTriageQuestion (borrowed) */
};

struct _SihPack
{
  GObject      parent_instance;

  char        *id;
  char        *version;
  SihText      title;
  char        *service;
  char        *updated;
  SihText      disclaimer;
  GListStore  *causes;         /* SihCause */
  GHashTable  *causes_by_id;   /* id → SihCause (borrowed) */
  SihContact  *contact;
  SihTriage   *triage;         /* nullable */
  guint        n_steps;
};

void sih_contact_item_free  (SihContactItem  *item);
void sih_contact_route_free (SihContactRoute *route);

void sih_triage_question_free (SihTriageQuestion *question);
void sih_triage_answer_free   (SihTriageAnswer   *answer);
void sih_triage_fact_free     (SihTriageFact     *fact);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SihTriageQuestion, sih_triage_question_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SihTriageAnswer, sih_triage_answer_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SihTriageFact, sih_triage_fact_free)

G_END_DECLS
