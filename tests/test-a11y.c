/* test-a11y.c: every control has a name a screen reader can announce
 *
 * Walks the widget tree of each screen and fails on any control a screen
 * reader reaches that has neither an accessible label nor a labelled-by
 * relation (sih_test_assert_all_named()).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ui/sih-accessible.h"
#include "ui/sih-application.h"
#include "ui/sih-cause-page.h"
#include "ui/sih-window.h"
#include "sih-test-util.h"

static void
expand_all_steps (SihWindow *window)
{
  SihCausePage *page = SIH_CAUSE_PAGE (sih_test_find_widget (GTK_WIDGET (window), "cause_page"));
  GtkListBox *steps = sih_cause_page_get_step_list (page);

  for (int i = 0; gtk_list_box_get_row_at_index (steps, i) != NULL; i++)
    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (gtk_list_box_get_row_at_index (steps, i)), TRUE);
  sih_test_iterate ();
}

static void
test_a11y_main_window (void)
{
  g_autoptr(SihApplication) app = sih_test_application_new ();
  SihPack *pack = sih_application_get_pack (app);
  GListModel *causes = sih_pack_get_causes (pack);
  SihWindow *window = sih_window_new (app);

  gtk_window_present (GTK_WINDOW (window));
  while (sih_window_get_case (window) == NULL)
    g_main_context_iteration (NULL, TRUE);
  sih_test_iterate ();
  sih_test_assert_all_named (GTK_WIDGET (window), "start page", 1);

  for (guint i = 0; i < g_list_model_get_n_items (causes); i++)
    {
      g_autoptr(SihCause) cause = g_list_model_get_item (causes, i);

      sih_window_select_cause (window, sih_cause_get_id (cause));
      sih_test_iterate ();
      expand_all_steps (window);
      sih_test_assert_all_named (GTK_WIDGET (window), sih_cause_get_id (cause), 1);
    }

  /* The saved cases popover, with a case in it. */
  sih_case_set_title (sih_window_get_case (window), "Ticket 1");
  gtk_menu_button_popup (GTK_MENU_BUTTON (sih_test_find_widget (GTK_WIDGET (window), "cases_button")));
  sih_test_iterate ();
  sih_test_assert_all_named (sih_test_find_widget (GTK_WIDGET (window), "case_list"), "saved cases", 1);
  gtk_menu_button_popdown (GTK_MENU_BUTTON (sih_test_find_widget (GTK_WIDGET (window), "cases_button")));
  sih_test_iterate ();

  gtk_window_destroy (GTK_WINDOW (window));
  sih_test_iterate ();
}

static void
test_a11y_narrow (void)
{
  g_autoptr(SihApplication) app = sih_test_application_new ();
  SihWindow *window = sih_window_new (app);

  gtk_window_set_default_size (GTK_WINDOW (window), 360, 640);
  gtk_window_present (GTK_WINDOW (window));
  sih_test_wait_for_size (GTK_WIDGET (window), 360);
  while (sih_window_get_case (window) == NULL)
    g_main_context_iteration (NULL, TRUE);
  sih_test_assert_all_named (GTK_WIDGET (window), "narrow sidebar", 1);

  sih_window_select_cause (window, "account-takeover");
  sih_test_iterate ();
  expand_all_steps (window);
  sih_test_assert_all_named (GTK_WIDGET (window), "narrow cause page", 1);

  gtk_window_destroy (GTK_WINDOW (window));
  sih_test_iterate ();
}

static GtkWidget *
find_image (GtkWidget *root)
{
  if (GTK_IS_IMAGE (root))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_image (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* An image hidden from screen readers stays hidden when it is shown again:
 * GTK exposes a widget each time it is shown, and libadwaita 1.2 shows an
 * entry row's pencil again when its window stops being the active one. */
static void
test_a11y_hidden_image_stays_hidden (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *image = gtk_image_new_from_icon_name ("document-edit-symbolic");
  GtkWidget *row = adw_entry_row_new ();

  gtk_box_append (GTK_BOX (box), image);
  gtk_box_append (GTK_BOX (box), row);
  gtk_window_set_child (GTK_WINDOW (window), box);
  gtk_window_present (GTK_WINDOW (window));
  sih_test_iterate ();

  sih_accessible_hide_images (box);
  gtk_test_accessible_assert_state (image, GTK_ACCESSIBLE_STATE_HIDDEN, TRUE);
  gtk_widget_set_visible (image, FALSE);
  gtk_widget_set_visible (image, TRUE);
  sih_test_iterate ();
  gtk_test_accessible_assert_state (image, GTK_ACCESSIBLE_STATE_HIDDEN, TRUE);

  /* The entry row's own images too, however it shows them. */
  for (GtkWidget *pencil = find_image (row); pencil != NULL; pencil = NULL)
    {
      gtk_widget_set_visible (pencil, FALSE);
      gtk_widget_set_visible (pencil, TRUE);
      sih_test_iterate ();
      gtk_test_accessible_assert_state (pencil, GTK_ACCESSIBLE_STATE_HIDDEN, TRUE);
    }

  gtk_window_destroy (GTK_WINDOW (window));
  sih_test_iterate ();
}

int
main (int   argc,
      char *argv[])
{
  if (!sih_test_init_gtk (&argc, &argv))
    return g_test_run ();

  g_test_add_func ("/a11y/main-window", test_a11y_main_window);
  g_test_add_func ("/a11y/narrow", test_a11y_narrow);
  g_test_add_func ("/a11y/hidden-image-stays-hidden", test_a11y_hidden_image_stays_hidden);

  return g_test_run ();
}
