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
#include "core/sih-summary.h"
#include "ui/sih-application.h"
#include "ui/sih-cause-page.h"
#include "ui/sih-step-row.h"
#include "ui/sih-secret-warning.h"
#include "ui/sih-summary-window.h"
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
  chooser = sih_test_find_file_chooser ();
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

/* The warning at a field, on its own */

typedef struct
{
  GtkWidget *window;
  GtkWidget *field;
  GtkWidget *other;
  SihSecretWarning *warning;
} Field;

static void
field_set_up (Field    *w,
              gboolean  text_view)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  w->window = gtk_window_new ();
  w->field = text_view ? gtk_text_view_new () : gtk_entry_new ();
  w->other = gtk_entry_new ();
  w->warning = SIH_SECRET_WARNING (sih_secret_warning_new (w->field));
  gtk_box_append (GTK_BOX (box), w->field);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (w->warning));
  gtk_box_append (GTK_BOX (box), w->other);
  gtk_window_set_child (GTK_WINDOW (w->window), box);
  gtk_window_present (GTK_WINDOW (w->window));
  wait_until_shown (w->window);
}

static void
field_tear_down (Field *w)
{
  gtk_window_destroy (GTK_WINDOW (w->window));
  sih_test_iterate ();
}

static void
set_text (GtkWidget  *field,
          const char *text)
{
  if (GTK_IS_EDITABLE (field))
    gtk_editable_set_text (GTK_EDITABLE (field), text);
  else
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (field)), text, -1);
}

/* Inserts @text at the end, as typing does. */
static void
type_text (GtkWidget  *field,
           const char *text)
{
  if (GTK_IS_EDITABLE (field))
    {
      int position = -1;

      gtk_editable_insert_text (GTK_EDITABLE (field), text, -1, &position);
    }
  else
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (field));

      gtk_text_buffer_begin_user_action (buffer);
      gtk_text_buffer_insert_at_cursor (buffer, text, -1);
      gtk_text_buffer_end_user_action (buffer);
    }
}

static char *
get_text (GtkWidget *field)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  if (GTK_IS_EDITABLE (field))
    return g_strdup (gtk_editable_get_text (GTK_EDITABLE (field)));
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (field));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
assert_shown (SihSecretWarning *warning,
              gboolean          shown)
{
  GtkWidget *field = sih_secret_warning_get_field (warning);
  g_autofree char *described = NULL;

  g_assert_cmpint (sih_secret_warning_get_found (warning), ==, shown);
  g_assert_cmpint (gtk_widget_get_visible (GTK_WIDGET (warning)), ==, shown);
  /* A screen reader hears it on the field while it shows. */
  g_assert_cmpint (gtk_test_accessible_has_property (GTK_ACCESSIBLE (field),
                                                     GTK_ACCESSIBLE_PROPERTY_DESCRIPTION), ==, shown);
  if (shown)
    {
      described = gtk_test_accessible_check_property (GTK_ACCESSIBLE (field),
                                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                                      "This looks like a password or a code. "
                                                      "Support never needs it.");
      g_assert_null (described);
    }
}

/* Waits, without a time limit of its own, for the check after a pause. */
static void
wait_for_found (SihSecretWarning *warning)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (!sih_secret_warning_get_found (warning) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
}

static void
test_warning_field (gconstpointer data)
{
  gboolean text_view = GPOINTER_TO_INT (data);
  Field w;
  g_autofree char *text = NULL;
  GtkWidget *button;

  field_set_up (&w, text_view);
  assert_shown (w.warning, FALSE);

  /* Text set while the person is elsewhere is checked at once. */
  gtk_widget_grab_focus (w.other);
  set_text (w.field, "コードは 123456 でした");
  assert_shown (w.warning, TRUE);
  set_text (w.field, "The code never came");
  assert_shown (w.warning, FALSE);

  /* While the person types, after a pause… */
  gtk_widget_grab_focus (w.field);
  set_text (w.field, "password: Abc12345!");
  g_assert_false (sih_secret_warning_get_found (w.warning));
  wait_for_found (w.warning);
  assert_shown (w.warning, TRUE);

  /* …and gone as soon as the secret is. */
  set_text (w.field, "password: Abc");
  assert_shown (w.warning, FALSE);

  /* Leaving the field checks it without waiting.  Typed, as a person
   * types it (GTK 4.18 keeps no undo history across
   * gtk_editable_set_text(), which the app never uses for what people
   * type). */
  set_text (w.field, "");
  type_text (w.field, "pw 998877 then");
  gtk_widget_grab_focus (w.other);
  assert_shown (w.warning, TRUE);

  /* One click takes it out, and the person is back in the field. */
  button = sih_test_find_widget (GTK_WIDGET (w.warning), "remove_button");
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_visible (button));
  g_signal_emit_by_name (button, "clicked");
  text = get_text (w.field);
  g_assert_cmpstr (text, ==, "pw then");
  g_assert_false (sih_secret_warning_get_found (w.warning));
  /* Focus moves when the window has been mapped; under load that may take
   * a few frames. */
  {
    gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

    while (!(gtk_root_get_focus (GTK_ROOT (w.window)) == w.field ||
             gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (w.window)), w.field)) &&
           g_get_monotonic_time () < deadline)
      g_main_context_iteration (NULL, FALSE);
  }
  g_assert_true (gtk_root_get_focus (GTK_ROOT (w.window)) == w.field ||
                 gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (w.window)), w.field));

  /* The warning says what was done, and Undo brings it back (in one
   * click: GTK 4.18 keeps no undo step for the program's deletion). */
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (w.warning)));
  g_assert_false (sih_secret_warning_get_found (w.warning));
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), ==,
                   "secret-warning.undo");
  g_signal_emit_by_name (button, "clicked");
  g_clear_pointer (&text, g_free);
  text = get_text (w.field);
  g_assert_cmpstr (text, ==, "pw 998877 then");
  assert_shown (w.warning, TRUE);
  g_assert_true (sih_secret_warning_get_found (w.warning));

  /* Removed again, then typing on: Undo is no longer offered. */
  sih_secret_warning_remove (w.warning);
  type_text (w.field, " more");
  assert_shown (w.warning, FALSE);

  /* A field's own description comes back when the warning goes. */
  sih_secret_warning_set_field_description (w.warning, "Never write passwords here");
  {
    g_autofree char *own = gtk_test_accessible_check_property (GTK_ACCESSIBLE (w.field),
                                                               GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                                               "Never write passwords here");
    g_assert_null (own);
  }
  gtk_widget_grab_focus (w.other);
  set_text (w.field, "pin 4321");
  g_assert_true (sih_secret_warning_get_found (w.warning));
  set_text (w.field, "pin");
  g_assert_false (sih_secret_warning_get_found (w.warning));
  {
    g_autofree char *own = gtk_test_accessible_check_property (GTK_ACCESSIBLE (w.field),
                                                               GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                                               "Never write passwords here");
    g_assert_null (own);
  }
  sih_secret_warning_set_field_description (w.warning, NULL);

  /* Several, and at the start or the end of the text. */
  set_text (w.field, "482913 and 774411");
  sih_secret_warning_remove (w.warning);
  g_clear_pointer (&text, g_free);
  text = get_text (w.field);
  g_assert_cmpstr (text, ==, "and");

  field_tear_down (&w);
}

static gboolean focus_is_in (GtkWidget *root,
                             GtkWidget *widget);

/* The summary's Details and Preview fields */

static GtkWidget *
find_in (GtkWidget  *root,
         const char *id)
{
  GtkWidget *widget = sih_test_find_widget (root, id);

  g_assert_nonnull (widget);
  return widget;
}

static void
test_summary_warnings (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GDateTime) updated = g_date_time_ref (sih_case_get_updated (f->kase));
  g_autofree char *extra = g_strdup (sih_case_get_detail (f->kase, SIH_DETAIL_EXTRA));
  SihSummaryWindow *summary = sih_summary_window_new (GTK_WINDOW (f->window), f->pack, f->kase, FALSE);
  static const char * const fields[][2] = {
    { "os_warning", SIH_DETAIL_OS },
    { "browser_warning", SIH_DETAIL_BROWSER },
    { "since_warning", SIH_DETAIL_SINCE },
    { "changes_note_warning", SIH_DETAIL_CHANGES_NOTE },
    { "error_warning", SIH_DETAIL_ERROR_MESSAGE },
    { "extra_warning", SIH_DETAIL_EXTRA },
  };

  gtk_window_present (GTK_WINDOW (summary));
  wait_until_shown (GTK_WIDGET (summary));
  /* Showing "Anything else" does not write it back. */
  g_assert_true (g_date_time_equal (sih_case_get_updated (f->kase), updated));
  g_assert_cmpstr (sih_case_get_detail (f->kase, SIH_DETAIL_EXTRA), ==, extra);

  /* "Anything else" holds a password already. */
  assert_shown (SIH_SECRET_WARNING (find_in (GTK_WIDGET (summary), "extra_warning")), TRUE);

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      SihSecretWarning *warning = SIH_SECRET_WARNING (find_in (GTK_WIDGET (summary), fields[i][0]));
      GtkWidget *row = gtk_widget_get_parent (GTK_WIDGET (warning));

      sih_case_set_detail (f->kase, fields[i][1], "It says code 482913 is wrong");
      assert_shown (warning, TRUE);
      /* In a list, the row around it shows with it. */
      if (ADW_IS_PREFERENCES_ROW (row))
        g_assert_true (gtk_widget_get_visible (row));

      sih_secret_warning_remove (warning);
      g_assert_cmpstr (sih_case_get_detail (f->kase, fields[i][1]), ==, "It says code is wrong");
      /* Undo is offered until the field changes again. */
      g_assert_false (sih_secret_warning_get_found (warning));
      g_assert_true (gtk_widget_get_visible (GTK_WIDGET (warning)));
      sih_case_set_detail (f->kase, fields[i][1], "It says the code is wrong");
      assert_shown (warning, FALSE);
      if (ADW_IS_PREFERENCES_ROW (row))
        g_assert_false (gtk_widget_get_visible (row));
    }

  /* The keyboard goes from the field to Remove, and back. */
  {
    GtkWidget *since = find_in (GTK_WIDGET (summary), "since_row");
    SihSecretWarning *warning = SIH_SECRET_WARNING (find_in (GTK_WIDGET (summary), "since_warning"));
    GtkWidget *remove = find_in (GTK_WIDGET (warning), "remove_button");

    adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (find_in (GTK_WIDGET (summary), "view_stack")),
                                           "details");
    sih_case_set_detail (f->kase, SIH_DETAIL_SINCE, "code 482913");
    g_assert_true (gtk_widget_grab_focus (since));
    g_assert_true (gtk_widget_child_focus (GTK_WIDGET (summary), GTK_DIR_TAB_FORWARD));
    g_assert_true (gtk_root_get_focus (GTK_ROOT (summary)) == remove);
    /* (GtkButton::activate clicks after a delay, to show the press.) */
    g_signal_emit_by_name (remove, "clicked");
    g_assert_cmpstr (sih_case_get_detail (f->kase, SIH_DETAIL_SINCE), ==, "code");
    g_assert_true (focus_is_in (GTK_WIDGET (summary), since));
  }

  /* Contact fields are not secrets. */
  g_assert_null (sih_test_find_widget (GTK_WIDGET (summary), "email_warning"));
  g_assert_null (sih_test_find_widget (GTK_WIDGET (summary), "phone_warning"));

  gtk_window_destroy (GTK_WINDOW (summary));
}

/* "Take These Out": each row takes the person to its field */

static gboolean
focus_is_in (GtkWidget *root,
             GtkWidget *widget)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (root));

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

/* The text selected in an editable or a text view. */
static char *
selected_text (GtkWidget *widget)
{
  if (GTK_IS_EDITABLE (widget))
    {
      int start, end;

      if (!gtk_editable_get_selection_bounds (GTK_EDITABLE (widget), &start, &end))
        return g_strdup ("");
      return gtk_editable_get_chars (GTK_EDITABLE (widget), start, end);
    }
  else
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget));
      GtkTextIter start, end;

      gtk_text_buffer_get_selection_bounds (buffer, &start, &end);
      return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    }
}

static SihSummaryWindow *
open_summary (Fixture *f)
{
  SihSummaryWindow *summary = sih_summary_window_new (GTK_WINDOW (f->window), f->pack, f->kase, FALSE);

  gtk_window_present (GTK_WINDOW (summary));
  wait_until_shown (GTK_WIDGET (summary));
  return summary;
}

static void
test_take_out_detail (Fixture       *f,
                      gconstpointer  data)
{
  SihSummaryWindow *summary;
  g_autofree char *selected = NULL;
  AdwViewStack *stack;
  GtkWidget *row;

  sih_case_set_detail (f->kase, SIH_DETAIL_SINCE, "Yesterday, code 482913");
  summary = open_summary (f);
  stack = ADW_VIEW_STACK (find_in (GTK_WIDGET (summary), "view_stack"));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "preview");

  /* A detail: to the Details page, in the field. */
  row = sih_summary_window_get_secret_row (summary, SIH_DETAIL_SINCE);
  g_assert_nonnull (row);
  g_assert_true (gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (row)));
  g_assert_true (gtk_widget_activate (row));
  sih_test_iterate ();
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "details");
  g_assert_true (focus_is_in (GTK_WIDGET (summary), find_in (GTK_WIDGET (summary), "since_row")));
  /* The code selected, and only the code. */
  selected = selected_text (find_in (GTK_WIDGET (summary), "since_row"));
  g_assert_cmpstr (selected, ==, "482913");

  /* "Anything else" is on the Preview page itself. */
  adw_view_stack_set_visible_child_name (stack, "preview");
  row = sih_summary_window_get_secret_row (summary, SIH_DETAIL_EXTRA);
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_activate (row));
  sih_test_iterate ();
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "preview");
  g_assert_true (focus_is_in (GTK_WIDGET (summary), find_in (GTK_WIDGET (summary), "extra_view")));
  g_clear_pointer (&selected, g_free);
  selected = selected_text (find_in (GTK_WIDGET (summary), "extra_view"));
  g_assert_cmpstr (selected, ==, "Abc12345!");

  gtk_window_destroy (GTK_WINDOW (summary));
}

static SihStepRow *
find_step_row (GtkWidget  *widget,
               const char *step_id)
{
  if (SIH_IS_STEP_ROW (widget) &&
      g_str_equal (sih_step_get_id (sih_step_row_get_step (SIH_STEP_ROW (widget))), step_id))
    return SIH_STEP_ROW (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      SihStepRow *found = find_step_row (child, step_id);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* What the start page promises holds in a step's note too: a code typed
 * there is flagged right under it, and Remove takes it out of the case. */
static void
test_step_note (Fixture       *f,
                gconstpointer  data)
{
  SihCausePage *page = SIH_CAUSE_PAGE (find_in (GTK_WIDGET (f->window), "cause_page"));
  SihStepRow *step_row;
  SihSecretWarning *warning;
  GtkWidget *note;

  sih_window_select_cause (f->window, CAUSE);
  sih_test_iterate ();
  step_row = find_step_row (GTK_WIDGET (page), STEP);
  g_assert_nonnull (step_row);
  note = find_in (GTK_WIDGET (step_row), "note_view");
  warning = SIH_SECRET_WARNING (find_in (GTK_WIDGET (step_row), "note_warning"));

  sih_case_set_note (f->kase, CAUSE, STEP, "The code never came");
  sih_test_iterate ();
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (warning)));

  /* Typed elsewhere (or restored): flagged at once. */
  sih_case_set_note (f->kase, CAUSE, STEP, "コードは 123456 でした");
  sih_test_iterate ();
  g_assert_true (sih_secret_warning_get_field (warning) == note);
  g_assert_true (sih_secret_warning_get_found (warning));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (warning)));

  sih_secret_warning_remove (warning);
  sih_test_iterate ();
  g_assert_null (strstr (sih_case_get_note (f->kase, CAUSE, STEP), "123456"));
  g_assert_false (sih_secret_warning_get_found (warning));
}

static void
test_take_out_note (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *field = sih_summary_note_field (CAUSE, STEP);
  SihSummaryWindow *summary;
  SihCausePage *page = SIH_CAUSE_PAGE (find_in (GTK_WIDGET (f->window), "cause_page"));
  GtkStack *content = GTK_STACK (find_in (GTK_WIDGET (f->window), "content_stack"));
  SihStepRow *step_row;
  g_autofree char *selected = NULL;
  GtkWidget *row;
  GtkWidget *focus;

  /* From the start page. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-start", NULL);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (content), ==, "start");

  summary = open_summary (f);
  g_object_add_weak_pointer (G_OBJECT (summary), (gpointer *)&summary);
  row = sih_summary_window_get_secret_row (summary, field);
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_activate (row));
  sih_test_iterate ();

  /* The summary makes way for the main window… */
  g_assert_null (summary);
  /* …which shows the cause, the step open and its note in focus. */
  g_assert_cmpstr (gtk_stack_get_visible_child_name (content), ==, "cause");
  g_assert_cmpstr (sih_cause_get_id (sih_cause_page_get_cause (page)), ==, CAUSE);
  step_row = find_step_row (GTK_WIDGET (page), STEP);
  g_assert_nonnull (step_row);
  g_assert_true (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (step_row)));
  focus = gtk_root_get_focus (GTK_ROOT (f->window));
  g_assert_nonnull (focus);
  g_assert_true (gtk_widget_is_ancestor (focus, GTK_WIDGET (step_row)));
  g_assert_true (GTK_IS_EDITABLE (focus) || GTK_IS_TEXT_VIEW (focus));
  /* The code selected, and only the code: typing cannot replace the note. */
  selected = selected_text (GTK_IS_TEXT (focus) && GTK_IS_EDITABLE (gtk_widget_get_parent (focus))
                            ? gtk_widget_get_parent (focus) : focus);
  g_assert_cmpstr (selected, ==, "123456");

  /* A step or a cause the pack does not have is no harm. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-note", "s", CAUSE "/no-such-step");
  g_assert_cmpstr (sih_cause_get_id (sih_cause_page_get_cause (page)), ==, CAUSE);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-note", "s", "no-such-cause/step");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (content), ==, "start");
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-note", "s", "nonsense");
}

/* The rename dialog warns like any field */

/* The warning of the dialog's name entry (step notes have their own). */
static SihSecretWarning *
find_warning (GtkWidget *widget)
{
  if (SIH_IS_SECRET_WARNING (widget) &&
      GTK_IS_EDITABLE (sih_secret_warning_get_field (SIH_SECRET_WARNING (widget))))
    return SIH_SECRET_WARNING (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      SihSecretWarning *found = find_warning (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_rename (Fixture       *f,
             gconstpointer  data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  SihSecretWarning *warning = NULL;
  GtkWidget *dialog = NULL;
  GtkWidget *entry;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.rename-case", NULL));
  sih_test_iterate ();
  /* An AdwMessageDialog of its own, or an AdwAlertDialog in the window. */
  for (guint i = 0; warning == NULL && i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      warning = find_warning (window);
      if (warning != NULL && window != GTK_WIDGET (f->window))
        dialog = window;
    }
  g_assert_nonnull (warning);

  entry = sih_secret_warning_get_field (warning);
  gtk_widget_grab_focus (GTK_WIDGET (f->window));
  gtk_editable_set_text (GTK_EDITABLE (entry), "Caller 4711");
  sih_secret_warning_check (warning);
  assert_shown (warning, FALSE);
  gtk_editable_set_text (GTK_EDITABLE (entry), "Caller 4711, code 998877");
  sih_secret_warning_check (warning);
  assert_shown (warning, TRUE);
  sih_secret_warning_remove (warning);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "Caller 4711, code");

  if (dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (dialog));
}

/* The start page says what the app does with what is typed */

static void
test_start_page (Fixture       *f,
                 gconstpointer  data)
{
  GtkWidget *privacy = find_in (GTK_WIDGET (f->window), "privacy_label");
  GtkWidget *disclaimer = find_in (GTK_WIDGET (f->window), "disclaimer_label");
  const char *text;

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-start", NULL);
  g_assert_true (gtk_widget_is_visible (privacy));

  /* The app's own words, whatever the pack says. */
  text = gtk_label_get_label (GTK_LABEL (privacy));
  g_assert_nonnull (strstr (text, "kept only on this computer, in private files"));
  g_assert_nonnull (strstr (text, "warns you when something you type looks like a password or a code"));
  g_assert_nonnull (strstr (text, "leave those out, and mask e-mail addresses and phone numbers "
                                  "unless you choose otherwise"));

  /* No promise the app cannot keep: what is typed is kept, warned about
   * and withheld when shared, not never stored. */
  text = gtk_label_get_label (GTK_LABEL (disclaimer));
  g_assert_nonnull (strstr (text, "never asks for your passwords"));
  g_assert_null (strstr (text, "stores"));
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LANGUAGE", "en", TRUE);
  if (!sih_test_init_gtk (&argc, &argv))
    return g_test_run ();

  g_test_add_data_func ("/secrets-ui/warning/entry", GINT_TO_POINTER (FALSE), test_warning_field);
  g_test_add_data_func ("/secrets-ui/warning/text-view", GINT_TO_POINTER (TRUE), test_warning_field);
  g_test_add ("/secrets-ui/summary-warnings", Fixture, NULL,
              fixture_set_up, test_summary_warnings, fixture_tear_down);
  g_test_add ("/secrets-ui/take-out/detail", Fixture, NULL,
              fixture_set_up, test_take_out_detail, fixture_tear_down);
  g_test_add ("/secrets-ui/step-note", Fixture, NULL,
              fixture_set_up, test_step_note, fixture_tear_down);
  g_test_add ("/secrets-ui/take-out/note", Fixture, NULL,
              fixture_set_up, test_take_out_note, fixture_tear_down);
  g_test_add ("/secrets-ui/rename", Fixture, NULL,
              fixture_set_up, test_rename, fixture_tear_down);
  g_test_add ("/secrets-ui/start-page", Fixture, NULL,
              fixture_set_up, test_start_page, fixture_tear_down);
  g_test_add ("/secrets-ui/export-masked", Fixture, NULL,
              fixture_set_up, test_export_masked, fixture_tear_down);
  g_test_add ("/secrets-ui/export-as-written", Fixture, NULL,
              fixture_set_up, test_export_as_written, fixture_tear_down);

  return g_test_run ();
}
