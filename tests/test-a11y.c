/* test-a11y.c: every control has a name a screen reader can announce
 *
 * Walks the widget tree of each screen and fails on any focusable or
 * interactive widget that has neither an accessible label nor a
 * labelled-by relation.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "sih-application.h"
#include "sih-cause-page.h"
#include "sih-window.h"
#include "sih-test-util.h"

static gboolean
is_interactive (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget))
    return FALSE;    /* a label is its own name */
  if (GTK_IS_TEXT (widget) && GTK_IS_EDITABLE (gtk_widget_get_parent (widget)))
    return FALSE;    /* the entry's inner text: the entry carries the name */
  if (GTK_IS_BUTTON (widget) || GTK_IS_MENU_BUTTON (widget) || GTK_IS_EDITABLE (widget) ||
      GTK_IS_CHECK_BUTTON (widget) || GTK_IS_SWITCH (widget) || GTK_IS_DROP_DOWN (widget))
    return TRUE;
  /* Screen readers announce every list item by its name. */
  if (GTK_IS_LIST_BOX_ROW (widget))
    return TRUE;
  /* Containers (lists, groups) take focus only to pass it on to their
   * children, which are checked themselves. */
  {
    GtkAccessibleRole role = gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (widget));

    if (role == GTK_ACCESSIBLE_ROLE_GENERIC || role == GTK_ACCESSIBLE_ROLE_GROUP ||
        role == GTK_ACCESSIBLE_ROLE_LIST || role == GTK_ACCESSIBLE_ROLE_PRESENTATION ||
        role == GTK_ACCESSIBLE_ROLE_NONE)
      return FALSE;
  }

  return gtk_widget_get_focusable (widget) && gtk_widget_get_can_focus (widget);
}

static gboolean
has_name (GtkWidget *widget)
{
  GtkAccessible *accessible = GTK_ACCESSIBLE (widget);

  return gtk_test_accessible_has_property (accessible, GTK_ACCESSIBLE_PROPERTY_LABEL) ||
         gtk_test_accessible_has_relation (accessible, GTK_ACCESSIBLE_RELATION_LABELLED_BY);
}

static void
walk (GtkWidget *widget,
      GString   *problems,
      guint     *n_checked)
{
  if (!gtk_widget_get_visible (widget))
    return;

  if (is_interactive (widget))
    {
      (*n_checked)++;
      if (!has_name (widget))
        {
          GtkWidget *parent = gtk_widget_get_parent (widget);
          const char *id = GTK_IS_BUILDABLE (widget)
                           ? gtk_buildable_get_buildable_id (GTK_BUILDABLE (widget)) : NULL;

          g_string_append_printf (problems, "  %s%s%s (in %s) has no accessible name\n",
                                  G_OBJECT_TYPE_NAME (widget), id ? " #" : "", id ? id : "",
                                  parent ? G_OBJECT_TYPE_NAME (parent) : "nothing");
        }
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    walk (child, problems, n_checked);
}

static void
assert_all_named (GtkWidget  *root,
                  const char *screen)
{
  g_autoptr(GString) problems = g_string_new (NULL);
  guint n_checked = 0;

  walk (root, problems, &n_checked);
  g_test_message ("%s: %u controls checked", screen, n_checked);
  g_assert_cmpuint (n_checked, >, 0);
  if (problems->len > 0)
    g_error ("%s:\n%s", screen, problems->str);
}

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
  assert_all_named (GTK_WIDGET (window), "start page");

  for (guint i = 0; i < g_list_model_get_n_items (causes); i++)
    {
      g_autoptr(SihCause) cause = g_list_model_get_item (causes, i);

      sih_window_select_cause (window, sih_cause_get_id (cause));
      sih_test_iterate ();
      expand_all_steps (window);
      assert_all_named (GTK_WIDGET (window), sih_cause_get_id (cause));
    }

  /* The saved cases popover, with a case in it. */
  sih_case_set_title (sih_window_get_case (window), "Ticket 1");
  gtk_menu_button_popup (GTK_MENU_BUTTON (sih_test_find_widget (GTK_WIDGET (window), "cases_button")));
  sih_test_iterate ();
  assert_all_named (sih_test_find_widget (GTK_WIDGET (window), "case_list"), "saved cases");
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
  assert_all_named (GTK_WIDGET (window), "narrow sidebar");

  sih_window_select_cause (window, "account-takeover");
  sih_test_iterate ();
  expand_all_steps (window);
  assert_all_named (GTK_WIDGET (window), "narrow cause page");

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

  return g_test_run ();
}
