/* sih-text-widgets.h: reading and writing the text of entries and text views
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

char *sih_text_widget_dup_text (GtkWidget  *widget);
void  sih_text_widget_set_text (GtkWidget  *widget,
                                const char *text);
gboolean sih_text_widget_focus_secret (GtkWidget *widget);

void  sih_text_view_set_max_length (GtkTextView *view,
                                    int          max_length);

G_END_DECLS
