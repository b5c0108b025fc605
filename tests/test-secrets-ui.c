/* test-secrets-ui.c: passwords, codes and contact details where the
 * person types and shares them (needs a display)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "core/sih-case-file.h"
#include "core/sih-detail.h"
#include "ui/sih-application.h"
#include "ui/sih-window.h"
#include "sih-test-util.h"

#define CAUSE "code-not-arriving"
#define STEP  "wait-then-newest"

typedef struct
{
  SihApplication *app;
  SihPack        *pack;
  SihCase        *kase;
  SihWindow      *window;
  char           *dir;
} Fixture;

static gboolean
keep_waiting_cb (gpointer user_data)
{
  return G_SOURCE_CONTINUE;
}

/* Runs the main loop until @widget is on screen and laid out. */
static void
wait_until_shown (GtkWidget *widget)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  guint tick = g_timeout_add (20, keep_waiting_cb, NULL);

  while ((!gtk_widget_get_mapped (widget) || gtk_widget_get_width (widget) == 0) &&
         g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (tick);
  sih_test_iterate ();
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->app = sih_test_application_new ();
  f->pack = sih_application_get_pack (f->app);
  g_assert_nonnull (f->pack);

  /* What the issue describes. */
  f->kase = sih_case_new (sih_pack_get_id (f->pack), sih_pack_get_version (f->pack));
  sih_case_set_cause_id (f->kase, CAUSE);
  sih_case_set_outcome (f->kase, CAUSE, STEP, SIH_OUTCOME_FAILED);
  sih_case_set_note (f->kase, CAUSE, STEP, "コードは 123456 でした");
  sih_case_set_detail (f->kase, SIH_DETAIL_EXTRA, "パスワード: Abc12345!");
  sih_case_set_detail (f->kase, SIH_DETAIL_ACCOUNT_EMAIL, "taro.yamada@example.co.jp");
  sih_case_set_detail (f->kase, SIH_DETAIL_ACCOUNT_PHONE, "090-1234-5678");

  f->window = sih_window_new (f->app);
  sih_window_set_case (f->window, f->kase);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1000, 700);
  gtk_window_present (GTK_WINDOW (f->window));
  wait_until_shown (GTK_WIDGET (f->window));

  f->dir = g_dir_make_tmp ("sih-secrets-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  sih_test_iterate ();
  g_clear_object (&f->kase);
  g_clear_object (&f->app);
  g_rmdir (f->dir);
  g_free (f->dir);
}

static GtkWidget *
find_file_chooser (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (GTK_IS_FILE_CHOOSER_DIALOG (window) && gtk_widget_get_visible (window))
        return window;
    }
  return NULL;
}

static gboolean
has_check_button (GtkWidget  *widget,
                  const char *label)
{
  if (GTK_IS_CHECK_BUTTON (widget) &&
      g_strcmp0 (gtk_check_button_get_label (GTK_CHECK_BUTTON (widget)), label) == 0)
    return gtk_widget_is_visible (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_check_button (child, label))
      return TRUE;
  return FALSE;
}

/* Exports through the dialog, with the contacts choice as @contacts
 * (NULL: as the dialog offers it); returns the file's contents. */
static char *
export_case (Fixture    *f,
             const char *contacts)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) folder = g_file_new_for_path (f->dir);
  g_autofree char *path = g_build_filename (f->dir, "handover.json", NULL);
  char *contents = NULL;
  GtkWidget *chooser;
  gint64 deadline;
  GStatBuf st;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.export-case", NULL));
  sih_test_iterate ();
  chooser = find_file_chooser ();
  if (chooser == NULL)
    return NULL;

  /* The dialog says what is left out, and masks contact details unless
   * the person ticks the choice. */
  g_assert_cmpstr (gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (chooser), "contacts"), ==, "false");
  g_assert_true (has_check_button (chooser, "Show e-mail addresses and phone numbers unmasked "
                                            "(passwords and codes are always left out)"));
  if (contacts != NULL)
    gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (chooser), "contacts", contacts);

  g_assert_true (gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, &error));
  g_assert_no_error (error);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), "handover.json");
  /* The dialog first checks, asynchronously, whether the file exists;
   * the export is done when the dialog is gone. */
  g_object_add_weak_pointer (G_OBJECT (chooser), (gpointer *)&chooser);
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
  deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (chooser != NULL && gtk_widget_get_visible (chooser) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  if (chooser != NULL)
    g_object_remove_weak_pointer (G_OBJECT (chooser), (gpointer *)&chooser);
  sih_test_iterate ();

  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_no_error (error);
  /* Private to the user. */
  g_assert_no_errno (g_stat (path, &st));
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_no_errno (g_unlink (path));

  return contents;
}

static void
assert_case_unchanged (Fixture *f)
{
  g_assert_cmpstr (sih_case_get_note (f->kase, CAUSE, STEP), ==, "コードは 123456 でした");
  g_assert_cmpstr (sih_case_get_detail (f->kase, SIH_DETAIL_EXTRA), ==, "パスワード: Abc12345!");
  g_assert_cmpstr (sih_case_get_detail (f->kase, SIH_DETAIL_ACCOUNT_EMAIL), ==,
                   "taro.yamada@example.co.jp");
}

static void
test_export_masked (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *contents = export_case (f, NULL);

  if (contents == NULL)
    {
      g_test_skip ("the file chooser is not GTK's own dialog here");
      return;
    }

  g_assert_null (strstr (contents, "123456"));
  g_assert_null (strstr (contents, "Abc12345!"));
  g_assert_nonnull (strstr (contents, "コードは [hidden] でした"));
  g_assert_null (strstr (contents, "taro"));
  g_assert_null (strstr (contents, "090-1234"));
  g_assert_nonnull (strstr (contents, "t***@e***.co.jp"));
  g_assert_nonnull (strstr (contents, "***-****-5678"));
  assert_case_unchanged (f);
}

static void
test_export_as_written (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *contents = export_case (f, "true");

  if (contents == NULL)
    {
      g_test_skip ("the file chooser is not GTK's own dialog here");
      return;
    }

  /* Contact details as the person chose; secrets left out all the same. */
  g_assert_nonnull (strstr (contents, "taro.yamada@example.co.jp"));
  g_assert_nonnull (strstr (contents, "090-1234-5678"));
  g_assert_null (strstr (contents, "123456"));
  g_assert_null (strstr (contents, "Abc12345!"));
  assert_case_unchanged (f);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LANGUAGE", "en", TRUE);
  if (!sih_test_init_gtk (&argc, &argv))
    return g_test_run ();

  g_test_add ("/secrets-ui/export-masked", Fixture, NULL,
              fixture_set_up, test_export_masked, fixture_tear_down);
  g_test_add ("/secrets-ui/export-as-written", Fixture, NULL,
              fixture_set_up, test_export_as_written, fixture_tear_down);

  return g_test_run ();
}
