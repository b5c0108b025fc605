/* test-preferences-window.c: settings, the pack list and deleting every case
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "ui/sih-application.h"
#include "ui/sih-dialogs.h"
#include "ui/sih-preferences-window.h"
#include "sih-test-util.h"

static char *good_path;
static char *broken_path;

/* Packs where a help desk puts them: $XDG_DATA_HOME is the test's own. */
static void
install_packs (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), APPLICATION_ID, "packs", NULL);
  g_autofree char *good = g_test_build_filename (G_TEST_DIST, "data", "packs", "good.json", NULL);
  g_autofree char *bad = g_test_build_filename (G_TEST_DIST, "data", "packs", "bad",
                                                "step-kind-bad.json", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize len;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  good_path = g_build_filename (dir, "a-good.json", NULL);
  broken_path = g_build_filename (dir, "b-broken.json", NULL);

  g_file_get_contents (good, &contents, &len, &error);
  g_assert_no_error (error);
  g_file_set_contents (good_path, contents, len, &error);
  g_assert_no_error (error);
  g_clear_pointer (&contents, g_free);
  g_file_get_contents (bad, &contents, &len, &error);
  g_assert_no_error (error);
  g_file_set_contents (broken_path, contents, len, &error);
  g_assert_no_error (error);
}

static void
reset_settings (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);

  g_settings_reset (settings, "mask-by-default");
  g_settings_reset (settings, "help-desk-mode");
  g_settings_reset (settings, "content-pack");
}

static SihPreferencesWindow *
open_window (SihApplication *app)
{
  SihPreferencesWindow *window = sih_preferences_window_new (NULL, app);
  GListModel *packs = sih_preferences_window_get_packs (window);

  gtk_window_present (GTK_WINDOW (window));
  /* The packs are checked in a worker thread. */
  while (g_list_model_get_n_items (packs) == 0)
    g_main_context_iteration (NULL, TRUE);
  sih_test_iterate ();

  return window;
}

static GtkWidget *
find_of_type (GtkWidget *root,
              GType      type)
{
  if (g_type_is_a (G_OBJECT_TYPE (root), type))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_of_type (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkListBoxRow *
pack_row (SihPreferencesWindow *window,
          int                   index)
{
  GtkListBox *list = GTK_LIST_BOX (sih_test_find_widget (GTK_WIDGET (window), "pack_list"));

  g_assert_nonnull (list);
  return gtk_list_box_get_row_at_index (list, index);
}

static GtkCheckButton *
pack_check (SihPreferencesWindow *window,
            int                   index)
{
  GtkWidget *check = find_of_type (GTK_WIDGET (pack_row (window, index)), GTK_TYPE_CHECK_BUTTON);

  return check != NULL ? GTK_CHECK_BUTTON (check) : NULL;
}

static void
test_preferences_switches (void)
{
  g_autoptr(SihApplication) app = sih_test_application_new ();
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  SihPreferencesWindow *window;
  GtkSwitch *mask;
  GtkSwitch *help_desk;
  GtkEditable *agent;
  g_autofree char *name = NULL;

  reset_settings ();
  window = open_window (app);
  mask = GTK_SWITCH (sih_test_find_widget (GTK_WIDGET (window), "mask_switch"));
  help_desk = GTK_SWITCH (sih_test_find_widget (GTK_WIDGET (window), "help_desk_switch"));

  /* The defaults: masked, not a help desk. */
  g_assert_true (gtk_switch_get_active (mask));
  g_assert_false (gtk_switch_get_active (help_desk));

  gtk_switch_set_active (mask, FALSE);
  gtk_switch_set_active (help_desk, TRUE);
  g_assert_false (g_settings_get_boolean (settings, "mask-by-default"));
  g_assert_true (g_settings_get_boolean (settings, "help-desk-mode"));

  g_settings_set_boolean (settings, "mask-by-default", TRUE);
  g_settings_set_boolean (settings, "help-desk-mode", FALSE);
  g_assert_true (gtk_switch_get_active (mask));
  g_assert_false (gtk_switch_get_active (help_desk));

  /* The agent's name, typed in its row, is the setting the window reads. */
  agent = GTK_EDITABLE (sih_test_find_widget (GTK_WIDGET (window), "agent_row"));
  g_assert_nonnull (agent);
  g_assert_cmpstr (gtk_editable_get_text (agent), ==, "");
  gtk_editable_set_text (agent, "Sato Ken");
  name = g_settings_get_string (settings, "agent-name");
  g_assert_cmpstr (name, ==, "Sato Ken");
  g_settings_reset (settings, "agent-name");
  g_assert_cmpstr (gtk_editable_get_text (agent), ==, "");

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_preferences_packs (void)
{
  g_autoptr(SihApplication) app = sih_test_application_new ();
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  SihPreferencesWindow *window;
  GListModel *packs;
  GtkCheckButton *bundled;
  GtkCheckButton *good;
  g_autofree char *value = NULL;
  const char *subtitle;

  reset_settings ();
  window = open_window (app);
  packs = sih_preferences_window_get_packs (window);

  /* The bundled pack, then the person's folder sorted by name; no
   * system-wide packs are installed for the tests. */
  g_assert_cmpuint (g_list_model_get_n_items (packs), >=, 3);
  bundled = pack_check (window, 0);
  good = pack_check (window, 1);
  g_assert_nonnull (bundled);
  g_assert_nonnull (good);
  g_assert_true (gtk_check_button_get_active (bundled));
  g_assert_false (gtk_check_button_get_active (good));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (pack_row (window, 1))), ==,
                   "Test pack");

  /* A broken pack is listed with its error and cannot be chosen. */
  g_assert_null (pack_check (window, 2));
  g_assert_false (gtk_list_box_row_get_activatable (pack_row (window, 2)));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (pack_row (window, 2))), ==,
                   "b-broken.json");
  subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (pack_row (window, 2)));
  g_assert_nonnull (strstr (subtitle, "causes[1].steps[2].kind"));

  /* Choosing is the setting; the setting is what is shown. */
  gtk_check_button_set_active (good, TRUE);
  value = g_settings_get_string (settings, "content-pack");
  g_assert_cmpstr (value, ==, good_path);
  g_assert_false (gtk_check_button_get_active (bundled));

  g_settings_set_string (settings, "content-pack", "");
  g_assert_true (gtk_check_button_get_active (bundled));
  g_assert_false (gtk_check_button_get_active (good));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_preferences_chosen_pack_gone (void)
{
  g_autoptr(SihApplication) app = sih_test_application_new ();
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autofree char *gone = g_build_filename (g_get_user_data_dir (), "moved-away.json", NULL);
  SihPreferencesWindow *window;
  GListModel *packs;
  guint last;
  const char *subtitle;

  reset_settings ();
  g_settings_set_string (settings, "content-pack", gone);
  window = open_window (app);
  packs = sih_preferences_window_get_packs (window);

  /* Still shown, last, with why it cannot be used; nothing else is ticked. */
  last = g_list_model_get_n_items (packs) - 1;
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (pack_row (window, last))),
                   ==, "moved-away.json");
  g_assert_null (pack_check (window, last));
  subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (pack_row (window, last)));
  g_assert_nonnull (strstr (subtitle, gone));
  g_assert_false (gtk_check_button_get_active (pack_check (window, 0)));
  g_assert_false (gtk_check_button_get_active (pack_check (window, 1)));

  gtk_window_destroy (GTK_WINDOW (window));
  reset_settings ();
}

/* Every control has a name a screen reader can announce. */
static void
test_preferences_a11y (void)
{
  g_autoptr(SihApplication) app = sih_test_application_new ();
  SihPreferencesWindow *window;

  reset_settings ();
  window = open_window (app);
  /* Two switches, two pack checks, the folder and delete buttons at least. */
  sih_test_assert_all_named (GTK_WIDGET (window), "Preferences", 6);

  gtk_window_destroy (GTK_WINDOW (window));
}

static guint
count_case_files (const char *directory)
{
  g_autoptr(GDir) dir = g_dir_open (directory, 0, NULL);
  const char *name;
  guint n = 0;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".json"))
      n++;
  return n;
}

static void
test_preferences_delete_all (void)
{
  g_autoptr(SihApplication) app = sih_test_application_new ();
  SihCaseStore *store = sih_application_get_store (app);
  g_autoptr(GError) error = NULL;
  g_autoptr(SihCase) kase = NULL;
  g_autofree char *unreadable = NULL;
  g_autofree char *set_aside = NULL;
  SihPreferencesWindow *window;
  GtkWidget *button;
  SihAlert *alert;
  const char *directory;

  while (!sih_application_is_store_ready (app))
    g_main_context_iteration (NULL, TRUE);

  directory = sih_case_store_get_directory (store);
  kase = sih_application_new_case (app);
  sih_case_set_title (kase, "Ticket D-400 Ito");
  g_assert_true (sih_case_store_flush (store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_case_files (directory), >=, 1);
  /* A file set aside as unreadable goes too. */
  unreadable = g_build_filename (directory, "unreadable", NULL);
  g_assert_cmpint (g_mkdir_with_parents (unreadable, 0700), ==, 0);
  set_aside = g_build_filename (unreadable, "broken.json", NULL);
  g_file_set_contents (set_aside, "{", -1, &error);
  g_assert_no_error (error);

  window = open_window (app);
  button = sih_test_find_widget (GTK_WIDGET (window), "delete_all_button");
  g_assert_true (gtk_widget_get_sensitive (button));

  /* Cancelling deletes nothing. */
  g_signal_emit_by_name (button, "clicked");
  sih_test_iterate ();
  alert = sih_alert_get_visible (GTK_WIDGET (window));
  g_assert_nonnull (alert);
  g_assert_nonnull (strstr (sih_alert_get_body (alert), directory));
  g_assert_cmpint (sih_alert_get_response_appearance (alert, "delete"), ==,
                   ADW_RESPONSE_DESTRUCTIVE);
  g_assert_cmpstr (sih_alert_get_default_response (alert), ==, "cancel");
  sih_alert_respond (alert, "cancel");
  sih_test_iterate ();
  g_assert_null (sih_alert_get_visible (GTK_WIDGET (window)));
  g_assert_cmpuint (count_case_files (directory), >=, 1);
  g_assert_true (g_file_test (set_aside, G_FILE_TEST_EXISTS));

  g_signal_emit_by_name (button, "clicked");
  sih_test_iterate ();
  alert = sih_alert_get_visible (GTK_WIDGET (window));
  g_assert_nonnull (alert);
  sih_alert_respond (alert, "delete");
  sih_test_iterate ();

  g_assert_cmpuint (count_case_files (directory), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (sih_case_store_get_cases (store)), ==, 0);
  g_assert_false (g_file_test (set_aside, G_FILE_TEST_EXISTS));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_preferences_action (void)
{
  g_autoptr(SihApplication) app = sih_test_application_new ();
  g_auto(GStrv) accels = NULL;
  guint n_windows;
  GtkWindow *window = NULL;

  accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "app.preferences");
  g_assert_cmpuint (g_strv_length (accels), ==, 1);
  g_assert_cmpstr (accels[0], ==, "<Control>comma");

  /* Twice: the second only brings the first back. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  sih_test_iterate ();

  n_windows = 0;
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    if (SIH_IS_PREFERENCES_WINDOW (l->data))
      {
        n_windows++;
        window = l->data;
      }
  g_assert_cmpuint (n_windows, ==, 1);

  /* Let the pack list arrive before closing. */
  while (g_list_model_get_n_items (sih_preferences_window_get_packs (SIH_PREFERENCES_WINDOW (window))) == 0)
    g_main_context_iteration (NULL, TRUE);
  gtk_window_destroy (window);
}

int
main (int   argc,
      char *argv[])
{
  if (!sih_test_init_gtk (&argc, &argv))
    return g_test_run ();

  install_packs ();

  g_test_add_func ("/preferences/switches", test_preferences_switches);
  g_test_add_func ("/preferences/packs", test_preferences_packs);
  g_test_add_func ("/preferences/chosen-pack-gone", test_preferences_chosen_pack_gone);
  g_test_add_func ("/preferences/a11y", test_preferences_a11y);
  g_test_add_func ("/preferences/delete-all", test_preferences_delete_all);
  g_test_add_func ("/preferences/action", test_preferences_action);

  return g_test_run ();
}
