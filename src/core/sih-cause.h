/* sih-cause.h: one cause of a sign-in problem and its checklist
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "core/sih-pack-types.h"
#include "core/sih-step.h"

G_BEGIN_DECLS

#define SIH_TYPE_CAUSE (sih_cause_get_type ())

G_DECLARE_FINAL_TYPE (SihCause, sih_cause, SIH, CAUSE, GObject)

const char         *sih_cause_get_id              (SihCause   *self);
const char         *sih_cause_get_title           (SihCause   *self);
const char         *sih_cause_get_title_source    (SihCause   *self);
const char         *sih_cause_get_summary         (SihCause   *self);
const char         *sih_cause_get_summary_source  (SihCause   *self);
const char         *sih_cause_get_icon_name       (SihCause   *self);
GIcon              *sih_cause_dup_icon            (SihCause   *self);
SihUrgency          sih_cause_get_urgency         (SihCause   *self);
guint               sih_cause_get_n_symptoms      (SihCause   *self);
const char         *sih_cause_get_symptom         (SihCause   *self,
                                                   guint       position);
const char         *sih_cause_get_symptom_source  (SihCause   *self,
                                                   guint       position);
GPtrArray          *sih_cause_get_error_messages  (SihCause   *self);
GListModel         *sih_cause_get_steps           (SihCause   *self);
guint               sih_cause_get_n_steps         (SihCause   *self);
SihStep            *sih_cause_find_step           (SihCause   *self,
                                                   const char *step_id);
guint               sih_cause_get_step_number     (SihCause   *self,
                                                   const char *step_id);
const char         *sih_cause_get_escalate        (SihCause   *self);
const char * const *sih_cause_get_related         (SihCause   *self);

G_END_DECLS
