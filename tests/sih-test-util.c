/* sih-test-util.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "sih-test-util.h"

static void
skip_no_display (void)
{
  g_test_skip ("no display (run under xvfb-run -a dbus-run-session)");
}

/**
 * sih_test_init_gtk:
 *
 * Initialises GTK and libadwaita for a UI test.  Without a display every
 * test the caller adds is skipped instead of crashing.
 *
 * Returns: %TRUE when there is a display
 */
/* Every test process saves its cases in a directory of its own. */
static void
use_private_data_dir (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("sih-test-XXXXXX", &error);

  g_assert_no_error (error);
  g_setenv ("XDG_DATA_HOME", dir, TRUE);
}

gboolean
sih_test_init_gtk (int    *argc,
                   char ***argv)
{
  use_private_data_dir ();

  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_test_init (argc, argv, NULL);
      g_test_add_func ("/ui/skipped", skip_no_display);
      return FALSE;
    }

  gtk_test_init (argc, argv, NULL);
  adw_init ();
  return TRUE;
}

/**
 * sih_test_application_new:
 *
 * An application that has gone through startup (pack loaded, actions and
 * accelerators installed) without running a main loop.
 */
SihApplication *
sih_test_application_new (void)
{
  /* One per process: a registered application stays exported on the bus. */
  static SihApplication *app;
  g_autoptr(GError) error = NULL;

  if (app == NULL)
    {
      app = sih_application_new ();
      g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
      g_application_register (G_APPLICATION (app), NULL, &error);
      g_assert_no_error (error);
    }

  return g_object_ref (app);
}

void
sih_test_iterate (void)
{
  for (guint i = 0; i < 50 && g_main_context_iteration (NULL, FALSE); i++)
    ;
}

static gboolean
keep_waiting_cb (gpointer user_data)
{
  return G_SOURCE_CONTINUE;
}

/* Runs the main loop until @widget has been allocated @width. */
void
sih_test_wait_for_size (GtkWidget *widget,
                        int        width)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  guint tick = g_timeout_add (20, keep_waiting_cb, NULL);

  /* The tick wakes the loop up, so a size that never comes cannot hang. */
  while (gtk_widget_get_width (widget) != width && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (tick);
  sih_test_iterate ();
}

GtkWidget *
sih_test_find_widget (GtkWidget  *root,
                      const char *buildable_id)
{
  const char *id;

  if (GTK_IS_BUILDABLE (root) &&
      (id = gtk_buildable_get_buildable_id (GTK_BUILDABLE (root))) != NULL &&
      g_strcmp0 (id, buildable_id) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = sih_test_find_widget (child, buildable_id);

      if (found != NULL)
        return found;
    }

  return NULL;
}
