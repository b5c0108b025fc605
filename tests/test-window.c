/* test-window.c: the main window with the real widgets (needs a display)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "sih-application.h"
#include "sih-window.h"
#include "sih-test-util.h"

static void
test_window_lists_causes (void)
{
  g_autoptr(SihApplication) app = sih_test_application_new ();
  SihPack *pack = sih_application_get_pack (app);
  SihWindow *window;
  GtkListBox *list;
  guint n_rows = 0;

  g_assert_nonnull (pack);
  window = sih_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  sih_test_iterate ();

  list = GTK_LIST_BOX (sih_test_find_widget (GTK_WIDGET (window), "cause_list"));
  g_assert_nonnull (list);
  while (gtk_list_box_get_row_at_index (list, n_rows) != NULL)
    n_rows++;
  g_assert_cmpuint (n_rows, ==, sih_pack_get_n_causes (pack));

  gtk_window_destroy (GTK_WINDOW (window));
  sih_test_iterate ();
}

int
main (int   argc,
      char *argv[])
{
  if (!sih_test_init_gtk (&argc, &argv))
    return g_test_run ();

  g_test_add_func ("/window/lists-causes", test_window_lists_causes);

  return g_test_run ();
}
