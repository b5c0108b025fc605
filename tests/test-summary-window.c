/* test-summary-window.c: the summary preview with the real widgets (needs a display)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <errno.h>
#include <gtk/gtkunixprint.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>

#include "ui/sih-dialogs.h"
#include "ui/sih-export.h"
#include "core/sih-summary.h"
#include "ui/sih-summary-window.h"
#include "sih-test-locale.h"
#include "sih-test-files.h"
#include "sih-test-util.h"

#define EMAIL        "taro.yamada@example.co.jp"
#define MASKED_EMAIL "t***@e***.co.jp"
#define CAUSE        "code-not-arriving"
#define STEP         "wait-then-newest"

typedef struct
{
  SihApplication   *app;
  SihPack          *pack;
  SihCase          *kase;
  GDateTime        *now;
  SihSummaryWindow *window;
  gboolean          help_desk;
} Fixture;

/* The same time at every reading, so that the summary does not change
 * between two formattings. */
static GDateTime *
fixed_clock (gpointer user_data)
{
  return g_date_time_ref (user_data);
}

static void
open_window (Fixture  *f,
             gboolean  help_desk)
{
  f->help_desk = help_desk;
  f->window = sih_summary_window_new (NULL, f->pack, f->kase, help_desk);
  gtk_window_present (GTK_WINDOW (f->window));
  sih_test_iterate ();
}

static void
fixture_set_up_case (Fixture *f)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_offset (9 * 3600);

  f->app = sih_test_application_new ();
  f->pack = sih_application_get_pack (f->app);
  g_assert_nonnull (f->pack);

  f->now = g_date_time_new (tz, 2026, 11, 25, 19, 30, 0);
  f->kase = sih_case_new (sih_pack_get_id (f->pack), sih_pack_get_version (f->pack));
  sih_case_set_clock (f->kase, fixed_clock, f->now);
  sih_case_set_cause_id (f->kase, CAUSE);
  sih_case_set_outcome (f->kase, CAUSE, STEP, SIH_OUTCOME_FAILED);
  sih_case_set_note (f->kase, CAUSE, STEP, "The code was sent to " EMAIL " twice");
  sih_case_set_detail (f->kase, SIH_DETAIL_ERROR_MESSAGE, "There was a problem");
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  fixture_set_up_case (f);
  open_window (f, FALSE);
}

static void
fixture_set_up_help_desk (Fixture       *f,
                          gconstpointer  data)
{
  fixture_set_up_case (f);
  open_window (f, TRUE);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  sih_test_iterate ();
  g_clear_object (&f->kase);
  g_clear_pointer (&f->now, g_date_time_unref);
  g_clear_object (&f->app);
}

static GtkWidget *
find (Fixture    *f,
      const char *id)
{
  GtkWidget *widget = sih_test_find_widget (GTK_WIDGET (f->window), id);

  g_assert_nonnull (widget);
  return widget;
}

static char *
preview_text (Fixture *f)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (find (f, "preview_view")));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* What the formatter makes of the case, independently of the window. */
static char *
formatted (Fixture           *f,
           SihSummaryFormat   format,
           const char        *unmasked_field)
{
  g_autoptr(SihDeviceInfo) device = sih_export_collect_device_info (f->pack);
  g_autoptr(GHashTable) unmask = g_hash_table_new (g_str_hash, g_str_equal);
  SihSummaryOptions options;

  sih_summary_options_init (&options);
  options.format = format;
  options.help_desk = f->help_desk;
  if (unmasked_field != NULL)
    {
      g_hash_table_add (unmask, (gpointer)unmasked_field);
      options.unmask = unmask;
    }
  return sih_summary_format (f->kase, f->pack, device, f->now, &options, NULL);
}

static void
assert_preview_is (Fixture    *f,
                   const char *expected)
{
  g_autofree char *shown = preview_text (f);

  g_assert_cmpstr (sih_summary_window_get_text (f->window), ==, expected);
  g_assert_cmpstr (shown, ==, expected);
}

static void
test_summary_window_preview (Fixture       *f,
                             gconstpointer  data)
{
  g_autofree char *expected = formatted (f, SIH_SUMMARY_FORMAT_TEXT, NULL);

  assert_preview_is (f, expected);
  g_assert_nonnull (strstr (expected, MASKED_EMAIL));
  g_assert_null (strstr (expected, EMAIL));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (f->window)), ==, "Support Summary");
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (f->window)));
}

static void
test_summary_window_copy (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *expected = formatted (f, SIH_SUMMARY_FORMAT_TEXT, NULL);
  g_autofree char *copied = NULL;
  g_autofree char *copied_md = NULL;
  g_autofree char *expected_md = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "summary.copy", NULL));
  copied = sih_test_read_clipboard (GTK_WIDGET (f->window));
  g_assert_cmpstr (copied, ==, expected);

  /* In Markdown, the Markdown. */
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (find (f, "markdown_button")), TRUE);
  expected_md = formatted (f, SIH_SUMMARY_FORMAT_MARKDOWN, NULL);
  assert_preview_is (f, expected_md);
  g_assert_true (g_str_has_prefix (expected_md, "# "));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "summary.copy", NULL));
  copied_md = sih_test_read_clipboard (GTK_WIDGET (f->window));
  g_assert_cmpstr (copied_md, ==, expected_md);
}

static void
test_summary_window_unmask (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *field = sih_summary_note_field (CAUSE, STEP);
  g_autofree char *unmasked = formatted (f, SIH_SUMMARY_FORMAT_TEXT, field);
  g_autofree char *masked = formatted (f, SIH_SUMMARY_FORMAT_TEXT, NULL);
  GtkSwitch *sw = sih_summary_window_get_unmask_switch (f->window, field);

  g_assert_nonnull (sw);
  g_assert_false (gtk_switch_get_active (sw));
  g_assert_true (gtk_widget_get_visible (find (f, "mask_group")));
  /* Nothing masked in the error message: no switch for it. */
  g_assert_null (sih_summary_window_get_unmask_switch (f->window, SIH_DETAIL_ERROR_MESSAGE));

  gtk_switch_set_active (sw, TRUE);
  sih_test_iterate ();
  assert_preview_is (f, unmasked);
  g_assert_nonnull (strstr (unmasked, "sent to " EMAIL " twice"));
  /* The same switch, still there (the keyboard focus stays on it). */
  g_assert_true (sih_summary_window_get_unmask_switch (f->window, field) == sw);

  gtk_switch_set_active (sw, FALSE);
  sih_test_iterate ();
  assert_preview_is (f, masked);
}

/* The text of @buffer that carries @tag_name, joined. */
static char *
tagged_text (GtkTextBuffer *buffer,
             const char    *tag_name)
{
  GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), tag_name);
  GString *out = g_string_new (NULL);
  GtkTextIter iter;

  g_assert_nonnull (tag);
  gtk_text_buffer_get_start_iter (buffer, &iter);
  while (gtk_text_iter_forward_to_tag_toggle (&iter, tag))
    {
      GtkTextIter end = iter;

      if (!gtk_text_iter_starts_tag (&iter, tag))
        continue;
      gtk_text_iter_forward_to_tag_toggle (&end, tag);
      g_autofree char *text = gtk_text_iter_get_text (&iter, &end);
      g_string_append_printf (out, "[%s]", text);
      iter = end;
    }
  return g_string_free (out, FALSE);
}

/* The preview marks contact details in Markdown too, where the summary
 * leaves "_" inside a word as it is ("taro_yamada"). */
static void
test_summary_window_highlight_markdown (Fixture       *f,
                                        gconstpointer  data)
{
  g_autofree char *field = sih_summary_note_field (CAUSE, STEP);
  GtkSwitch *sw;
  GtkTextView *view;
  g_autofree char *marked = NULL;

  sih_case_set_note (f->kase, CAUSE, STEP, "Codes go to taro_yamada@example.jp now");
  sih_test_iterate ();
  sw = sih_summary_window_get_unmask_switch (f->window, field);
  g_assert_nonnull (sw);
  gtk_switch_set_active (sw, TRUE);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (find (f, "markdown_button")), TRUE);
  sih_test_iterate ();

  view = GTK_TEXT_VIEW (find (f, "preview_view"));
  marked = tagged_text (gtk_text_view_get_buffer (view), "sih-personal");
  g_test_message ("marked: %s", marked);
  g_assert_nonnull (strstr (marked, "[taro_yamada@example.jp]"));
}

/* The preview marks what the summary wrote for each finding, where it
 * wrote it: a number starting a line of "Anything else" is marked with
 * the escape Markdown puts before it, and the same characters typed
 * elsewhere ("since" written as a masked address) are not marked. */
static void
test_summary_window_highlight_where_written (Fixture       *f,
                                             gconstpointer  data)
{
  GtkTextBuffer *extra = gtk_text_view_get_buffer (GTK_TEXT_VIEW (find (f, "extra_view")));
  GtkTextView *view = GTK_TEXT_VIEW (find (f, "preview_view"));
  g_autofree char *text_marked = NULL;
  g_autofree char *markdown_marked = NULL;

  gtk_text_buffer_set_text (extra, "Call me back:\n+81 90-1111-2222 or hanako@example.com", -1);
  gtk_editable_set_text (GTK_EDITABLE (find (f, "since_row")), "h***@e***.com wrote");
  sih_test_iterate ();
  text_marked = tagged_text (gtk_text_view_get_buffer (view), "sih-personal");
  g_test_message ("text: %s", text_marked);
  g_assert_cmpstr (text_marked, ==, "[+81 **-****-2222][h***@e***.com][t***@e***.co.jp]");

  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (find (f, "markdown_button")), TRUE);
  sih_test_iterate ();
  markdown_marked = tagged_text (gtk_text_view_get_buffer (view), "sih-personal");
  g_test_message ("markdown: %s", markdown_marked);
  g_assert_cmpstr (markdown_marked, ==,
                   "[\\+81 \\*\\*-\\*\\*\\*\\*-2222][h\\*\\*\\*@e\\*\\*\\*.com]"
                   "[t\\*\\*\\*@e\\*\\*\\*.co.jp]");
}

static void
test_summary_window_edit_details (Fixture       *f,
                                  gconstpointer  data)
{
  GtkTextBuffer *error_buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (find (f, "error_view")));
  g_autofree char *text = NULL;
  GtkSwitch *sw;

  /* What the window shows, it took from the case. */
  g_assert_cmpstr (sih_case_get_detail (f->kase, SIH_DETAIL_ERROR_MESSAGE), ==, "There was a problem");
  {
    GtkTextIter start, end;
    g_autofree char *shown = NULL;

    gtk_text_buffer_get_bounds (error_buffer, &start, &end);
    shown = gtk_text_buffer_get_text (error_buffer, &start, &end, FALSE);
    g_assert_cmpstr (shown, ==, "There was a problem");
  }

  /* Every edit goes straight into the case. */
  gtk_editable_set_text (GTK_EDITABLE (find (f, "email_row")), "hanako@example.com");
  g_assert_cmpstr (sih_case_get_detail (f->kase, SIH_DETAIL_ACCOUNT_EMAIL), ==, "hanako@example.com");
  text = preview_text (f);
  g_assert_nonnull (strstr (text, "h***@e***.com"));
  g_assert_null (strstr (text, "hanako@example.com"));
  sw = sih_summary_window_get_unmask_switch (f->window, SIH_DETAIL_ACCOUNT_EMAIL);
  g_assert_nonnull (sw);

  gtk_text_buffer_set_text (error_buffer, "Incorrect code\nTry again", -1);
  g_assert_cmpstr (sih_case_get_detail (f->kase, SIH_DETAIL_ERROR_MESSAGE), ==,
                   "Incorrect code\nTry again");

  gtk_editable_set_text (GTK_EDITABLE (find (f, "browser_row")), "Firefox 128");
  g_assert_cmpstr (sih_case_get_detail (f->kase, SIH_DETAIL_BROWSER), ==, "Firefox 128");
  gtk_editable_set_text (GTK_EDITABLE (find (f, "browser_row")), "");
  g_assert_null (sih_case_get_detail (f->kase, SIH_DETAIL_BROWSER));

  adw_combo_row_set_selected (ADW_COMBO_ROW (find (f, "device_type_row")), 2);
  g_assert_cmpstr (sih_case_get_detail (f->kase, SIH_DETAIL_DEVICE_TYPE), ==, "phone");
  adw_combo_row_set_selected (ADW_COMBO_ROW (find (f, "where_row")), 3);
  g_assert_cmpstr (sih_case_get_detail (f->kase, SIH_DETAIL_WHERE), ==, "seller-central");

  gtk_check_button_set_active (GTK_CHECK_BUTTON (find (f, "new_phone_check")), TRUE);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (find (f, "new_password_check")), TRUE);
  g_assert_cmpstr (sih_case_get_detail (f->kase, SIH_DETAIL_CHANGES), ==, "new-phone,new-password");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (find (f, "new_phone_check")), FALSE);
  g_assert_cmpstr (sih_case_get_detail (f->kase, SIH_DETAIL_CHANGES), ==, "new-password");

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (find (f, "extra_view"))),
                            "Please call me back", -1);
  g_assert_cmpstr (sih_case_get_detail (f->kase, SIH_DETAIL_EXTRA), ==, "Please call me back");

  /* The preview follows, and is still the formatter's text. */
  {
    g_autofree char *expected = formatted (f, SIH_SUMMARY_FORMAT_TEXT, NULL);
    assert_preview_is (f, expected);
    g_assert_nonnull (strstr (expected, "Please call me back"));
    g_assert_nonnull (strstr (expected, "Incorrect code"));
  }

  /* Changes made elsewhere show up in the fields. */
  sih_case_set_detail (f->kase, SIH_DETAIL_SINCE, "yesterday evening");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find (f, "since_row"))), ==,
                   "yesterday evening");
  sih_case_set_detail (f->kase, SIH_DETAIL_CHANGES, "new-email");
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (find (f, "new_email_check"))));
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (find (f, "new_password_check"))));
  sih_case_set_detail (f->kase, SIH_DETAIL_DEVICE_TYPE, "tablet");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (find (f, "device_type_row"))), ==, 3);

  /* A value the list does not know is shown as it is, not as "Not set". */
  {
    AdwComboRow *row = ADW_COMBO_ROW (find (f, "device_type_row"));
    GtkStringList *list = GTK_STRING_LIST (adw_combo_row_get_model (row));

    sih_case_set_detail (f->kase, SIH_DETAIL_DEVICE_TYPE, "iPhone");
    g_assert_cmpuint (adw_combo_row_get_selected (row), ==, 4);
    g_assert_cmpstr (gtk_string_list_get_string (list, 4), ==, "iPhone");
    sih_case_set_detail (f->kase, SIH_DETAIL_DEVICE_TYPE, "iPad");
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 5);
    g_assert_cmpstr (gtk_string_list_get_string (list, 4), ==, "iPad");
    g_assert_cmpstr (sih_case_get_detail (f->kase, SIH_DETAIL_DEVICE_TYPE), ==, "iPad");
    adw_combo_row_set_selected (row, 1);
    g_assert_cmpstr (sih_case_get_detail (f->kase, SIH_DETAIL_DEVICE_TYPE), ==, "pc");
    adw_combo_row_set_selected (row, 0);
    g_assert_null (sih_case_get_detail (f->kase, SIH_DETAIL_DEVICE_TYPE));
  }

  /* And a note changed in the main window, in the preview. */
  sih_case_set_note (f->kase, CAUSE, STEP, "Nothing arrived");
  g_free (text);
  text = preview_text (f);
  g_assert_nonnull (strstr (text, "Nothing arrived"));
}

/* Answers the Help Me Choose questions up to "Did you recently change…?". */
static void
answer_up_to_recent_change (Fixture    *f,
                            const char *answer)
{
  SihTriage *triage = sih_pack_get_triage (f->pack);
  const char *path[][2] = {
    { "takeover-signs", "no" }, { "service", "shopping" }, { "locked", "no" },
    { "what-happens", "code" }, { "code-arrives", "no" }, { "recent-change", answer },
  };

  for (guint i = 0; i < G_N_ELEMENTS (path); i++)
    g_assert_true (sih_triage_record_answer (triage, f->kase, path[i][0], path[i][1]));
}

static gboolean
is_checked (Fixture    *f,
            const char *id)
{
  return gtk_check_button_get_active (GTK_CHECK_BUTTON (find (f, id)));
}

/* The Details page starts from what the answers say, where nobody has
 * said anything yet. */
static void
test_summary_window_filled_from_answers (Fixture       *f,
                                         gconstpointer  data)
{
  g_autofree char *text = NULL;

  fixture_set_up_case (f);
  answer_up_to_recent_change (f, "new-phone");
  open_window (f, FALSE);

  g_assert_true (is_checked (f, "new_phone_check"));
  g_assert_false (is_checked (f, "new_number_check"));
  g_assert_false (is_checked (f, "new_email_check"));
  g_assert_false (is_checked (f, "new_password_check"));
  g_assert_cmpstr (sih_case_get_detail (f->kase, SIH_DETAIL_CHANGES), ==, "new-phone");
  /* "Amazon shopping, on the website or in the app" does not say which. */
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (find (f, "where_row"))), ==, 0);
  text = preview_text (f);
  g_assert_nonnull (strstr (text, "Recent changes: new phone\n"));
  g_assert_null (strstr (text, "Please check"));

  /* Unticked, it stays unticked the next time. */
  gtk_check_button_set_active (GTK_CHECK_BUTTON (find (f, "new_phone_check")), FALSE);
  g_assert_null (sih_case_get_detail (f->kase, SIH_DETAIL_CHANGES));
  gtk_window_destroy (GTK_WINDOW (f->window));
  open_window (f, FALSE);
  g_assert_false (is_checked (f, "new_phone_check"));
  g_assert_null (sih_case_get_detail (f->kase, SIH_DETAIL_CHANGES));
}

/* What the person set is never changed; where it disagrees with an
 * answer, the summary says so. */
static void
test_summary_window_answers_disagree (Fixture       *f,
                                      gconstpointer  data)
{
  g_autofree char *text = NULL;

  fixture_set_up_case (f);
  answer_up_to_recent_change (f, "no");
  sih_case_set_detail (f->kase, SIH_DETAIL_CHANGES, "new-phone");
  open_window (f, FALSE);

  g_assert_true (is_checked (f, "new_phone_check"));
  g_assert_cmpstr (sih_case_get_detail (f->kase, SIH_DETAIL_CHANGES), ==, "new-phone");
  text = preview_text (f);
  g_assert_nonnull (strstr (text, "Please check: The answer “No, nothing changed” does not agree "
                                  "with the recent changes given above (new phone).\n"));

  /* Set right on the Details page, the summary no longer asks. */
  gtk_check_button_set_active (GTK_CHECK_BUTTON (find (f, "new_phone_check")), FALSE);
  g_free (text);
  text = preview_text (f);
  g_assert_null (strstr (text, "Please check"));
}

static void
test_summary_window_device (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(SihDeviceInfo) device = sih_device_info_collect ();
  GtkEditable *os_row = GTK_EDITABLE (find (f, "os_row"));
  g_autofree char *text = NULL;

  /* On one's own machine the field shows this machine's system, which the
   * summary names until the person types another; the browser cannot be
   * known. */
  g_assert_null (sih_case_get_detail (f->kase, SIH_DETAIL_OS));
  g_assert_cmpstr (gtk_editable_get_text (os_row), ==,
                   device->os_name != NULL ? device->os_name : "");
  if (device->os_name != NULL)
    {
      text = preview_text (f);
      g_assert_nonnull (strstr (text, device->os_name));
    }
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find (f, "browser_row"))), ==, "");
  g_assert_null (sih_case_get_detail (f->kase, SIH_DETAIL_BROWSER));
  g_assert_null (sih_case_get_detail (f->kase, SIH_DETAIL_DEVICE_TYPE));

  /* A phone or a tablet is not this machine: its system is not named
   * until the person types it, and comes back for a PC. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (find (f, "device_type_row")), 2);
  g_assert_cmpstr (sih_case_get_detail (f->kase, SIH_DETAIL_DEVICE_TYPE), ==, "phone");
  g_assert_cmpstr (gtk_editable_get_text (os_row), ==, "");
  g_assert_null (sih_case_get_detail (f->kase, SIH_DETAIL_OS));
  if (device->os_name != NULL)
    {
      g_free (text);
      text = preview_text (f);
      g_assert_null (strstr (text, device->os_name));
    }
  adw_combo_row_set_selected (ADW_COMBO_ROW (find (f, "device_type_row")), 1);
  g_assert_cmpstr (sih_case_get_detail (f->kase, SIH_DETAIL_DEVICE_TYPE), ==, "pc");
  g_assert_cmpstr (gtk_editable_get_text (os_row), ==,
                   device->os_name != NULL ? device->os_name : "");
  g_assert_null (sih_case_get_detail (f->kase, SIH_DETAIL_OS));

  /* What the person types is theirs. */
  gtk_editable_set_text (os_row, "Windows 11");
  g_assert_cmpstr (sih_case_get_detail (f->kase, SIH_DETAIL_OS), ==, "Windows 11");
  g_free (text);
  text = preview_text (f);
  g_assert_nonnull (strstr (text, "Windows 11"));
  g_assert_cmpstr (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (find (f, "device_group"))),
                   ==, "Your Device");
}

static void
test_summary_window_help_desk (Fixture       *f,
                               gconstpointer  data)
{
  g_autofree char *expected = formatted (f, SIH_SUMMARY_FORMAT_TEXT, NULL);

  /* A caller's device is not this one. */
  g_assert_null (sih_case_get_detail (f->kase, SIH_DETAIL_OS));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find (f, "os_row"))), ==, "");
  g_assert_cmpstr (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (find (f, "device_group"))),
                   ==, "The Caller’s Device");
  assert_preview_is (f, expected);
  g_assert_nonnull (strstr (expected, "The caller"));
}

static void
test_summary_window_secret (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *text = NULL;
  GtkWidget *group = find (f, "secret_group");

  g_assert_false (gtk_widget_get_visible (group));

  sih_case_set_note (f->kase, CAUSE, STEP, "The code was 482913 but it had expired");
  text = preview_text (f);
  g_assert_true (gtk_widget_get_visible (group));
  g_assert_null (strstr (text, "482913"));
  g_assert_nonnull (strstr (text, "[hidden]"));

  /* Unmasking the note to share its address still withholds the code. */
  {
    g_autofree char *field = sih_summary_note_field (CAUSE, STEP);
    g_autofree char *shown = NULL;
    GtkSwitch *sw;

    sih_case_set_note (f->kase, CAUSE, STEP, "The code 482913 went to hanako@example.com");
    sw = sih_summary_window_get_unmask_switch (f->window, field);
    g_assert_nonnull (sw);
    gtk_switch_set_active (sw, TRUE);
    shown = preview_text (f);
    g_assert_nonnull (strstr (shown, "hanako@example.com"));
    g_assert_null (strstr (shown, "482913"));
    g_assert_true (gtk_widget_get_visible (group));
  }

  sih_case_set_note (f->kase, CAUSE, STEP, "The code had expired");
  g_assert_false (gtk_widget_get_visible (group));
}

static void
test_summary_window_save (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("sih-save-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GFile) folder = NULL;
  GtkWidget *chooser;
  gint64 deadline;
  GStatBuf st;

  g_assert_no_error (error);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (find (f, "markdown_button")), TRUE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "summary.save", NULL));
  sih_test_iterate ();

  /* Without a portal, GtkFileChooserNative shows GTK's own dialog. */
  chooser = sih_test_find_file_chooser ();
  if (chooser == NULL)
    {
      g_test_skip ("the file chooser is not GTK's own dialog here");
      return;
    }
  /* (transfer full) in GTK 4 */
  name = gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (chooser));
  g_assert_cmpstr (name, ==, "Sign-in problem summary 2026-11-25.md");
  /* In Documents, not wherever the app was started from. */
  {
    g_autoptr(GFile) current = gtk_file_chooser_get_current_folder (GTK_FILE_CHOOSER (chooser));
    g_autoptr(GFile) documents = g_file_new_for_path (g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS));

    g_assert_nonnull (current);
    g_assert_true (g_file_equal (current, documents));
  }

  folder = g_file_new_for_path (dir);
  g_assert_true (gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, &error));
  g_assert_no_error (error);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), "summary.md");
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);

  /* The save is asynchronous, and the file may exist before it is
   * written (seen under AddressSanitizer): wait until it is complete. */
  path = g_build_filename (dir, "summary.md", NULL);
  deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while ((g_stat (path, &st) != 0 ||
          (gsize)st.st_size != strlen (sih_summary_window_get_text (f->window))) &&
         g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  sih_test_iterate ();

  /* Exactly the preview's text, private to the user. */
  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (contents, ==, sih_summary_window_get_text (f->window));
  g_assert_true (g_str_has_prefix (contents, "# "));
  g_assert_no_errno (g_stat (path, &st));
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  g_assert_no_errno (g_remove (path));
  g_assert_no_errno (g_rmdir (dir));
}

/* Save, when the file cannot be written whole (here files may not grow
 * past 16 KB: a write fails with EFBIG, as on a full disk with
 * ENOSPC): the error is shown, naming the file and saying why, and the
 * file that was there is as it was, with nothing beside it.  (GIO's
 * replace put an empty file in its place on GLib 2.74.) */
static void
test_summary_window_save_fails (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("sih-save-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "summary.txt", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *expected = g_strdup_printf ("%s: %s", path, g_strerror (EFBIG));
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(GDir) listing = NULL;
  struct rlimit was, limited;
  void (*handler) (int);
  GtkWidget *chooser;
  SihAlert *alert = NULL;
  gint64 deadline;

  g_assert_no_error (error);
  g_file_set_contents (path, "old", -1, &error);
  g_assert_no_error (error);
  /* A summary well past the limit, which GTK's own small
   * recently-used.xbel stays under. */
  {
    g_autoptr(GString) note = g_string_new (NULL);

    while (note->len < 40000)
      g_string_append (note, "A long note on what the caller tried. ");
    sih_case_set_note (f->kase, "code-not-arriving", "wait-then-newest", note->str);
    sih_test_iterate ();
    g_assert_cmpuint (strlen (sih_summary_window_get_text (f->window)), >, 40000);
  }

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "summary.save", NULL));
  sih_test_iterate ();
  chooser = sih_test_find_file_chooser ();
  if (chooser == NULL)
    {
      g_test_skip ("the file chooser is not GTK's own dialog here");
      return;
    }
  g_assert_true (gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, &error));
  g_assert_no_error (error);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), "summary.txt");

  g_assert_no_errno (getrlimit (RLIMIT_FSIZE, &was));
  limited = was;
  limited.rlim_cur = 16384;
  handler = signal (SIGXFSZ, SIG_IGN);
  g_assert_no_errno (setrlimit (RLIMIT_FSIZE, &limited));
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
  /* GTK's dialog may ask whether to replace the file: yes. */
  sih_test_iterate ();
  deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while ((alert = sih_alert_get_visible (GTK_WIDGET (f->window))) == NULL &&
         g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  g_assert_no_errno (setrlimit (RLIMIT_FSIZE, &was));
  signal (SIGXFSZ, handler);

  g_assert_nonnull (alert);
  g_assert_cmpstr (sih_alert_get_body (alert), ==, expected);
  sih_alert_respond (alert, "close");
  sih_test_iterate ();

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (contents, ==, "old");
  listing = g_dir_open (dir, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (g_dir_read_name (listing), ==, "summary.txt");
  g_assert_null (g_dir_read_name (listing));

  g_assert_no_errno (g_remove (path));
  g_assert_no_errno (g_rmdir (dir));
}

/* The name GTK gives its "Print to File" printer, in GTK's own words. */
static const char *
file_printer_name (void)
{
  return g_dgettext ("gtk40", "Print to File");
}

typedef struct
{
  gboolean answered;
  gint64   deadline;
} PrintDialogState;

/* Selects "Print to File" in the dialog's list of printers, as a click
 * would; %FALSE while the list does not have it yet. */
static gboolean
select_file_printer (GtkWidget *widget)
{
  if (GTK_IS_COLUMN_VIEW (widget))
    {
      GtkSelectionModel *model = gtk_column_view_get_model (GTK_COLUMN_VIEW (widget));

      for (guint i = 0; GTK_IS_SINGLE_SELECTION (model) &&
                        i < g_list_model_get_n_items (G_LIST_MODEL (model)); i++)
        {
          g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (model), i);

          if (GTK_IS_PRINTER (item) &&
              g_str_equal (gtk_printer_get_name (GTK_PRINTER (item)), file_printer_name ()))
            {
              gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (model), i);
              return TRUE;
            }
        }
      return FALSE;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (select_file_printer (child))
      return TRUE;
  return FALSE;
}

/* Answers the print dialog as someone would: "Print to File", then
 * Print, with the file name the dialog suggests. */
static gboolean
answer_print_dialog_cb (gpointer user_data)
{
  PrintDialogState *state = user_data;
  GListModel *toplevels = gtk_window_get_toplevels ();
  GtkPrintUnixDialog *dialog = NULL;
  GtkPrinter *printer;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels) && dialog == NULL; i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (GTK_IS_PRINT_UNIX_DIALOG (window) && gtk_widget_get_visible (window))
        dialog = GTK_PRINT_UNIX_DIALOG (window);
    }
  if (g_get_monotonic_time () > state->deadline)
    g_error ("The print dialog did not come up with “%s” to choose", file_printer_name ());
  if (dialog == NULL)
    return G_SOURCE_CONTINUE;

  printer = gtk_print_unix_dialog_get_selected_printer (dialog);
  if (printer == NULL || !g_str_equal (gtk_printer_get_name (printer), file_printer_name ()))
    {
      select_file_printer (GTK_WIDGET (dialog));
      return G_SOURCE_CONTINUE;
    }

  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_OK);
  state->answered = TRUE;
  return G_SOURCE_REMOVE;
}

/* Print, then "Print to File" in the dialog, with the Markdown view
 * showing: the PDF is the laid-out summary, not the Markdown source, in
 * Documents under the case's name, private to the user, with a title.  In
 * English and in Japanese, where GTK's printer has a Japanese name. */
static void
test_summary_window_print_to_file (Fixture       *f,
                                   gconstpointer  data)
{
  const char *language = data;
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autofree char *name = NULL;
  g_autofree char *file_name = NULL;
  g_autofree char *path = NULL;
  g_autofree char *title = NULL;
  g_autofree char *text = NULL;
  g_autofree char *info = NULL;
  PrintDialogState state = { FALSE, g_get_monotonic_time () + 60 * G_USEC_PER_SEC };
  guint source;
  GStatBuf st;

  if (pdftotext == NULL)
    {
      g_test_skip ("pdftotext (poppler-utils) is needed to read the PDF");
      return;
    }
  if (!sih_test_use_language (language))
    return;

  sih_case_set_title (f->kase, "Ref 4711");
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (find (f, "markdown_button")), TRUE);
  sih_test_iterate ();
  g_assert_true (g_str_has_prefix (sih_summary_window_get_text (f->window), "# "));

  name = g_strdup_printf (C_("file name", "Sign-in problem summary %s"), "2026-11-25");
  file_name = g_strdup_printf ("%s - Ref 4711.pdf", name);
  path = g_build_filename (g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS), file_name, NULL);
  title = g_strdup_printf (_("Sign-in problem summary – %s"), "Ref 4711");

  /* The dialog runs its own main loop: it is answered from there. */
  source = g_timeout_add (50, answer_print_dialog_cb, &state);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "summary.print", NULL));
  if (!state.answered)
    g_source_remove (source);
  g_assert_true (state.answered);
  sih_test_iterate ();

  g_assert_no_errno (g_stat (path, &st));
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  text = sih_test_run_poppler ("pdftotext", NULL, path);
  g_assert_nonnull (strstr (text, C_("summary", "Sign-in problem summary")));
  g_assert_nonnull (strstr (text, C_("summary", "Steps tried")));
  g_assert_nonnull (strstr (text, MASKED_EMAIL));
  /* None of the Markdown source: escapes, "**", "#", the fence. */
  g_assert_null (strstr (text, "\\*"));
  g_assert_null (strstr (text, "**:"));
  g_assert_null (strstr (text, "# "));
  g_assert_null (strstr (text, "```"));
  info = sih_test_run_poppler ("pdfinfo", NULL, path);
  g_assert_nonnull (strstr (info, title));

  g_assert_no_errno (g_remove (path));
  sih_test_use_language ("en");
}

/* Every control has a name a screen reader can announce. */
static void
test_summary_window_a11y (Fixture       *f,
                          gconstpointer  data)
{
  const char *pages[] = { "details", "preview" };

  /* With a switch and a warning in the preview. */
  sih_case_set_detail (f->kase, SIH_DETAIL_CHANGES_NOTE, "password: hunter2x");

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (find (f, "view_stack")), pages[i]);
      sih_test_iterate ();
      sih_test_assert_all_named (GTK_WIDGET (f->window), pages[i], 6);
    }
}

static void
test_summary_window_keyboard (Fixture       *f,
                              gconstpointer  data)
{
  /* Escape closes; Ctrl+C, Ctrl+S and Ctrl+P are bound to the actions. */
  struct { guint keyval; GdkModifierType mods; const char *action; } keys[] = {
    { GDK_KEY_Escape, 0, "window.close" },
    { GDK_KEY_c, GDK_CONTROL_MASK, "summary.copy" },
    { GDK_KEY_s, GDK_CONTROL_MASK, "summary.save" },
    { GDK_KEY_p, GDK_CONTROL_MASK, "summary.print" },
  };
  GListModel *shortcuts = gtk_widget_observe_controllers (GTK_WIDGET (f->window));

  for (guint k = 0; k < G_N_ELEMENTS (keys); k++)
    {
      gboolean found = FALSE;

      for (guint i = 0; i < g_list_model_get_n_items (shortcuts) && !found; i++)
        {
          g_autoptr(GObject) controller = g_list_model_get_item (shortcuts, i);

          if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
            continue;
          for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)) && !found; j++)
            {
              g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
              GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);
              GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);

              found = GTK_IS_KEYVAL_TRIGGER (trigger) &&
                      gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keys[k].keyval &&
                      gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == keys[k].mods &&
                      GTK_IS_NAMED_ACTION (action) &&
                      g_str_equal (gtk_named_action_get_action_name (GTK_NAMED_ACTION (action)),
                                   keys[k].action);
            }
        }
      if (!found)
        g_error ("no key binding for %s", keys[k].action);
    }
  g_object_unref (shortcuts);
}

/* Each recent change is one control: one Tab stop (the row, not the row
 * and then its check box), read as a check box that says whether it is
 * checked; activating the row checks it. */
static void
test_summary_window_change_rows (Fixture       *f,
                                 gconstpointer  data)
{
  const char *checks[] = { "new_phone_check", "new_number_check", "new_email_check", "new_password_check" };
  GtkWidget *first = gtk_widget_get_ancestor (find (f, checks[0]), ADW_TYPE_ACTION_ROW);
  GtkWidget *list = gtk_widget_get_ancestor (first, GTK_TYPE_LIST_BOX);
  g_autoptr(GPtrArray) stops = g_ptr_array_new ();
  GtkWidget *focus;

  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (find (f, "view_stack")), "details");
  /* The page is laid out before its first row can take the focus (under
   * load that can take a few frames). */
  sih_test_wait_for_frames (GTK_WIDGET (f->window), 3);
  sih_test_iterate ();

  /* Tab from the first change to the end of the list they are in. */
  g_assert_true (gtk_widget_grab_focus (first));
  for (focus = gtk_window_get_focus (GTK_WINDOW (f->window));
       focus != NULL && gtk_widget_is_ancestor (focus, list) && stops->len < 50;
       focus = gtk_window_get_focus (GTK_WINDOW (f->window)))
    {
      g_ptr_array_add (stops, focus);
      g_signal_emit_by_name (f->window, "move-focus", GTK_DIR_TAB_FORWARD);
      sih_test_iterate ();
    }

  for (guint i = 0; i < G_N_ELEMENTS (checks); i++)
    {
      GtkWidget *check = find (f, checks[i]);
      GtkWidget *row = gtk_widget_get_ancestor (check, ADW_TYPE_ACTION_ROW);
      g_autofree char *unchecked = NULL;
      g_autofree char *checked = NULL;

      g_test_message ("%s", checks[i]);
      g_assert_cmpuint (sih_test_count_inside (stops, row), ==, 1);
      g_assert_true (g_ptr_array_find (stops, row, NULL));
      g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (row)), ==,
                       GTK_ACCESSIBLE_ROLE_CHECKBOX);

      unchecked = gtk_test_accessible_check_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_CHECKED,
                                                   GTK_ACCESSIBLE_TRISTATE_FALSE);
      g_assert_null (unchecked);
      g_signal_emit_by_name (row, "activate");
      g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
      checked = gtk_test_accessible_check_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_CHECKED,
                                                 GTK_ACCESSIBLE_TRISTATE_TRUE);
      g_assert_null (checked);
    }
}

/* The text fields show where the focus is, as entries do: a text view
 * draws no outline, and the read-only summary no caret either, so the
 * person at the keyboard could not see that the focus was there. */
static void
test_summary_window_text_focus (Fixture       *f,
                                gconstpointer  data)
{
  AdwViewStack *stack = ADW_VIEW_STACK (find (f, "view_stack"));
  GtkWidget *view = find (f, "preview_view");
  GtkWidget *frame = gtk_widget_get_parent (view);
  GtkWidget *elsewhere = find (f, "copy_button");

  adw_view_stack_set_visible_child_name (stack, "preview");
  for (guint attempt = 0; attempt < 10; attempt++)
    {
      g_autoptr(GBytes) unfocused = NULL;
      g_autoptr(GBytes) focused = NULL;

      gtk_widget_grab_focus (elsewhere);
      if (!sih_test_make_active (GTK_WINDOW (f->window)))
        continue;
      sih_test_wait_for_frames (GTK_WIDGET (f->window), 2);
      unfocused = sih_test_render (frame);

      gtk_widget_grab_focus (view);
      sih_test_wait_for_frames (GTK_WIDGET (f->window), 2);
      g_assert_true (gtk_widget_is_focus (view));
      focused = sih_test_render (frame);
      if (!gtk_window_is_active (GTK_WINDOW (f->window)))
        continue;   /* another window took over meanwhile: again */

      g_assert_false (g_bytes_equal (unfocused, focused));
      return;
    }

  g_test_skip ("the window never stayed active: other windows on this display kept taking the focus");
}

/* Alt+1 and Alt+2 show the Details and the Preview pages, as GNOME apps
 * with a view switcher do; Ctrl+Page Up and Down the previous and next. */
static void
test_summary_window_page_keys (Fixture       *f,
                               gconstpointer  data)
{
  struct { guint keyval; GdkModifierType mods; const char *page; } keys[] = {
    { GDK_KEY_2, GDK_ALT_MASK, "preview" },
    { GDK_KEY_1, GDK_ALT_MASK, "details" },
    { GDK_KEY_Page_Down, GDK_CONTROL_MASK, "preview" },
    { GDK_KEY_Page_Up, GDK_CONTROL_MASK, "details" },
  };
  AdwViewStack *stack = ADW_VIEW_STACK (find (f, "view_stack"));

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      g_autofree char *key = gtk_accelerator_name (keys[i].keyval, keys[i].mods);

      g_test_message ("%s", key);
      g_assert_true (sih_test_activate_shortcut (GTK_WIDGET (f->window), keys[i].keyval, keys[i].mods));
      g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, keys[i].page);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = sih_test_make_home ("Documents");

  if (!sih_test_init_gtk (&argc, &argv))
    return g_test_run ();

  sih_test_init_translations ();
  /* Printers are "Print to File" only: no print server is asked. */
  g_object_set (gtk_settings_get_default (), "gtk-print-backends", "file", NULL);

  g_test_add ("/summary-window/preview", Fixture, NULL,
              fixture_set_up, test_summary_window_preview, fixture_tear_down);
  g_test_add ("/summary-window/copy", Fixture, NULL,
              fixture_set_up, test_summary_window_copy, fixture_tear_down);
  g_test_add ("/summary-window/unmask", Fixture, NULL,
              fixture_set_up, test_summary_window_unmask, fixture_tear_down);
  g_test_add ("/summary-window/highlight-markdown", Fixture, NULL,
              fixture_set_up, test_summary_window_highlight_markdown, fixture_tear_down);
  g_test_add ("/summary-window/highlight-where-written", Fixture, NULL,
              fixture_set_up, test_summary_window_highlight_where_written, fixture_tear_down);
  g_test_add ("/summary-window/edit-details", Fixture, NULL,
              fixture_set_up, test_summary_window_edit_details, fixture_tear_down);
  g_test_add ("/summary-window/filled-from-answers", Fixture, NULL, NULL,
              test_summary_window_filled_from_answers, fixture_tear_down);
  g_test_add ("/summary-window/answers-disagree", Fixture, NULL, NULL,
              test_summary_window_answers_disagree, fixture_tear_down);
  g_test_add ("/summary-window/device", Fixture, NULL,
              fixture_set_up, test_summary_window_device, fixture_tear_down);
  g_test_add ("/summary-window/help-desk", Fixture, NULL,
              fixture_set_up_help_desk, test_summary_window_help_desk, fixture_tear_down);
  g_test_add ("/summary-window/secret", Fixture, NULL,
              fixture_set_up, test_summary_window_secret, fixture_tear_down);
  g_test_add ("/summary-window/save", Fixture, NULL,
              fixture_set_up, test_summary_window_save, fixture_tear_down);
  g_test_add ("/summary-window/save-fails", Fixture, NULL,
              fixture_set_up, test_summary_window_save_fails, fixture_tear_down);
  g_test_add ("/summary-window/print-to-file/en", Fixture, "en",
              fixture_set_up, test_summary_window_print_to_file, fixture_tear_down);
  g_test_add ("/summary-window/print-to-file/ja", Fixture, "ja",
              fixture_set_up, test_summary_window_print_to_file, fixture_tear_down);
  g_test_add ("/summary-window/a11y", Fixture, NULL,
              fixture_set_up, test_summary_window_a11y, fixture_tear_down);
  g_test_add ("/summary-window/keyboard", Fixture, NULL,
              fixture_set_up, test_summary_window_keyboard, fixture_tear_down);
  g_test_add ("/summary-window/change-rows", Fixture, NULL,
              fixture_set_up, test_summary_window_change_rows, fixture_tear_down);
  g_test_add ("/summary-window/text-focus", Fixture, NULL,
              fixture_set_up, test_summary_window_text_focus, fixture_tear_down);
  g_test_add ("/summary-window/page-keys", Fixture, NULL,
              fixture_set_up, test_summary_window_page_keys, fixture_tear_down);

  return g_test_run ();
}
