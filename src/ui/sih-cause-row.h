/* sih-cause-row.h: a cause in the sidebar
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "core/sih-case.h"
#include "core/sih-cause.h"

G_BEGIN_DECLS

#define SIH_TYPE_CAUSE_ROW (sih_cause_row_get_type ())

G_DECLARE_FINAL_TYPE (SihCauseRow, sih_cause_row, SIH, CAUSE_ROW, GtkWidget)

GtkWidget  *sih_cause_row_new           (void);
void        sih_cause_row_bind          (SihCauseRow *self,
                                         SihCause    *cause,
                                         SihCase     *kase);
void        sih_cause_row_unbind        (SihCauseRow *self);
void        sih_cause_row_set_case      (SihCauseRow *self,
                                         SihCase     *kase);
SihCause   *sih_cause_row_get_cause     (SihCauseRow *self);
const char *sih_cause_row_get_progress  (SihCauseRow *self);
void        sih_cause_row_set_match     (SihCauseRow *self,
                                         const char  *match);

char       *sih_cause_format_progress   (SihCause    *cause,
                                         SihCase     *kase);

G_END_DECLS
