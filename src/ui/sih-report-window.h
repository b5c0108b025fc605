/* sih-report-window.h: a help desk's figures across its saved cases
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "core/sih-case-store.h"
#include "core/sih-pack.h"
#include "core/sih-report.h"

G_BEGIN_DECLS

#define SIH_TYPE_REPORT_WINDOW (sih_report_window_get_type ())

G_DECLARE_FINAL_TYPE (SihReportWindow, sih_report_window, SIH, REPORT_WINDOW, AdwWindow)

SihReportWindow *sih_report_window_new        (GtkWindow       *parent,
                                               SihCaseStore    *store,
                                               SihPack         *pack);
SihReportPeriod  sih_report_window_get_period (SihReportWindow *self);
void             sih_report_window_set_period (SihReportWindow *self,
                                               SihReportPeriod  period);
gboolean         sih_report_window_get_busy   (SihReportWindow *self);
SihReport       *sih_report_window_get_report (SihReportWindow *self);

G_END_DECLS
