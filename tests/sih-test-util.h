/* sih-test-util.h: helpers shared by the UI tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "ui/sih-application.h"

G_BEGIN_DECLS

gboolean        sih_test_init_gtk          (int        *argc,
                                            char     ***argv);
SihApplication *sih_test_application_new   (void);
void            sih_test_iterate           (void);
void            sih_test_wait_for_size     (GtkWidget  *widget,
                                            int         width);
GtkWidget      *sih_test_find_widget       (GtkWidget  *root,
                                            const char *buildable_id);
void            sih_test_assert_all_named  (GtkWidget  *root,
                                            const char *screen,
                                            guint       at_least);
char           *sih_test_read_clipboard    (GtkWidget       *widget);
GtkWidget      *sih_test_find_file_chooser (void);
GtkShortcut    *sih_test_find_shortcut     (GtkWidget       *widget,
                                            guint            keyval,
                                            GdkModifierType  modifiers);
gboolean        sih_test_activate_shortcut (GtkWidget       *widget,
                                            guint            keyval,
                                            GdkModifierType  modifiers);
GPtrArray      *sih_test_tab_stops         (GtkWindow        *window,
                                            GtkDirectionType  direction);
guint           sih_test_count_inside      (GPtrArray        *widgets,
                                            GtkWidget        *ancestor);
gboolean        sih_test_make_active       (GtkWindow        *window);
void            sih_test_wait_for_frames   (GtkWidget        *widget,
                                            guint             n_frames);
GBytes         *sih_test_render            (GtkWidget        *widget);

G_END_DECLS
