/* sih-cause-row.h: a cause in the sidebar
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "sih-case.h"
#include "sih-cause.h"

G_BEGIN_DECLS

#define SIH_TYPE_CAUSE_ROW (sih_cause_row_get_type ())

G_DECLARE_FINAL_TYPE (SihCauseRow, sih_cause_row, SIH, CAUSE_ROW, GtkListBoxRow)

GtkWidget  *sih_cause_row_new          (SihCause    *cause,
                                        SihCase     *kase);
SihCause   *sih_cause_row_get_cause    (SihCauseRow *self);
void        sih_cause_row_set_case     (SihCauseRow *self,
                                        SihCase     *kase);
const char *sih_cause_row_get_progress (SihCauseRow *self);

G_END_DECLS
