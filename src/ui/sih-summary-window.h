/* sih-summary-window.h: fill in the case details, preview, copy, save, print
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "core/sih-case.h"
#include "core/sih-pack.h"

G_BEGIN_DECLS

#define SIH_TYPE_SUMMARY_WINDOW (sih_summary_window_get_type ())

G_DECLARE_FINAL_TYPE (SihSummaryWindow, sih_summary_window, SIH, SUMMARY_WINDOW, AdwWindow)

SihSummaryWindow *sih_summary_window_new               (GtkWindow        *parent,
                                                        SihPack          *pack,
                                                        SihCase          *kase,
                                                        gboolean          help_desk);
void              sih_summary_window_present           (GtkWindow        *parent,
                                                        SihPack          *pack,
                                                        SihCase          *kase,
                                                        gboolean          help_desk);
const char       *sih_summary_window_get_text          (SihSummaryWindow *self);
GtkSwitch        *sih_summary_window_get_unmask_switch (SihSummaryWindow *self,
                                                        const char       *field);
GtkWidget        *sih_summary_window_get_secret_row    (SihSummaryWindow *self,
                                                        const char       *field);

void              sih_summary_print                    (GtkWindow        *parent,
                                                        SihPack          *pack,
                                                        SihCase          *kase,
                                                        gboolean          help_desk);

G_END_DECLS
