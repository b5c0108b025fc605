/* sih-accessible.h: what a screen reader reads, the same on GTK 4.8 and newer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

void sih_accessible_set_label   (GtkWidget    *widget,
                                 const char   *label);
void sih_accessible_name_drop_down (GtkDropDown *drop_down,
                                    const char  *label);
void sih_accessible_hide_images (GtkWidget    *root);
void sih_accessible_name_entry_row  (AdwEntryRow *row);
void sih_accessible_set_description (GtkWidget   *widget,
                                     const char  *description);
gboolean sih_accessible_announce    (GtkWidget   *widget,
                                     const char  *message);
void sih_toggle_row_set_toggle  (AdwActionRow *row,
                                 GtkWidget    *toggle);

void sih_accessible_name_shortcuts_window (GtkWindow *window);

G_END_DECLS
