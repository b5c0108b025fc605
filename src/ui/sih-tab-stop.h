/* sih-tab-stop.h: a list that is one Tab stop, moved in with the arrows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SIH_TYPE_TAB_STOP (sih_tab_stop_get_type ())

G_DECLARE_FINAL_TYPE (SihTabStop, sih_tab_stop, SIH, TAB_STOP, AdwBin)

GtkWidget *sih_tab_stop_new (void);

G_END_DECLS
