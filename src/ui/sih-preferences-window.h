/* sih-preferences-window.h: masking, help-desk mode, content pack, saved data
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ui/sih-application.h"

G_BEGIN_DECLS

#define SIH_TYPE_PREFERENCES_WINDOW (sih_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (SihPreferencesWindow, sih_preferences_window, SIH, PREFERENCES_WINDOW,
                      AdwPreferencesWindow)

SihPreferencesWindow *sih_preferences_window_new       (GtkWindow            *parent,
                                                        SihApplication       *app);
void                  sih_preferences_window_present   (GtkWindow            *parent,
                                                        SihApplication       *app);
GListModel           *sih_preferences_window_get_packs (SihPreferencesWindow *self);

G_END_DECLS
