/* sih-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ui/sih-application.h"
#include "core/sih-case.h"

G_BEGIN_DECLS

#define SIH_TYPE_WINDOW (sih_window_get_type ())

G_DECLARE_FINAL_TYPE (SihWindow, sih_window, SIH, WINDOW, AdwApplicationWindow)

SihWindow *sih_window_new          (SihApplication *application);
SihCase   *sih_window_get_case     (SihWindow      *self);
void       sih_window_set_case     (SihWindow      *self,
                                    SihCase        *kase);
void       sih_window_select_cause (SihWindow      *self,
                                    const char     *cause_id);
gboolean   sih_window_import_case  (SihWindow      *self,
                                    GFile          *file);
void       sih_window_search       (SihWindow      *self,
                                    const char     *query);
AdwToast  *sih_window_get_delete_toast (SihWindow  *self,
                                        const char *id);
const char *sih_window_get_last_toast (SihWindow *self);
GtkRevealer *sih_window_get_save_banner (SihWindow *self);
AdwToast  *sih_window_get_unreadable_toast (SihWindow *self);
AdwToast  *sih_window_get_pack_toast (SihWindow *self);

char      *sih_window_describe_for_bench (GtkWindow *window);

G_END_DECLS
