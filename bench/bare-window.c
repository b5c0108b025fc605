/* bare-window.c: the baseline for bench/run — a bare libadwaita window
 *
 * AdwApplicationWindow with a header bar and a label, measured by the same
 * probe as the app (src/ui/sih-bench-probe.c): it quits after its first
 * frame, or answers keys by showing their names.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "ui/sih-bench-probe.h"

/* What a key changed: the label's text. */
static char *
describe (GtkWindow *window)
{
  GtkWidget *box = adw_application_window_get_content (ADW_APPLICATION_WINDOW (window));

  return g_strdup_printf ("label=%s", gtk_label_get_label (GTK_LABEL (gtk_widget_get_last_child (box))));
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GtkLabel              *label)
{
  gtk_label_set_label (label, gdk_keyval_name (keyval));
  return GDK_EVENT_STOP;
}

static void
activate_cb (GApplication *app)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (app));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *label = gtk_label_new ("Hello");
  GtkEventController *keys = gtk_event_controller_key_new ();

  gtk_window_set_default_size (GTK_WINDOW (window), 960, 680);
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_box_append (GTK_BOX (box), label);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  /* A key shows its name: the bare window's answer to a key. */
  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed_cb), label);
  gtk_widget_add_controller (window, keys);
  sih_bench_probe_attach (GTK_WINDOW (window), G_APPLICATION (app), describe);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AdwApplication) app = adw_application_new ("io.github.signinhelper.BareWindow",
                                                       G_APPLICATION_NON_UNIQUE);

  g_signal_connect (app, "activate", G_CALLBACK (activate_cb), NULL);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
