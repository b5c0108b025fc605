/* sih-step-row.h: one step of the checklist, with its outcome and note
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "core/sih-case.h"
#include "core/sih-cause.h"

G_BEGIN_DECLS

#define SIH_TYPE_STEP_ROW (sih_step_row_get_type ())

G_DECLARE_FINAL_TYPE (SihStepRow, sih_step_row, SIH, STEP_ROW, AdwExpanderRow)

GtkWidget *sih_step_row_new          (SihCause   *cause,
                                      SihStep    *step,
                                      guint       number,
                                      SihCase    *kase);
SihStep   *sih_step_row_get_step     (SihStepRow *self);
void       sih_step_row_refresh_time (SihStepRow *self);
void       sih_step_row_set_help_desk (SihStepRow *self,
                                       gboolean    help_desk);

G_END_DECLS
