/* test-ja-ui.c: in Japanese, the main screens show no untranslated English
 *
 * gtk_test_init() forces en_US, so this test switches to Japanese itself,
 * in a real ja_JP.UTF-8 locale as a Japanese desktop runs (sih-test-locale.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "ui/sih-application.h"
#include "ui/sih-cause-page.h"
#include "ui/sih-preferences-window.h"
#include "ui/sih-summary-window.h"
#include "ui/sih-window.h"
#include "sih-test-locale.h"
#include "sih-test-util.h"

/* Names and terms that stay in Latin letters in Japanese text too. */
static const char * const allowed[] = {
  "Amazon", "Amazon Business", "Seller Central", "Vendor Central", "Prime Video", "Caps Lock",
  "SMS", "PC", "Markdown", "PDF", NULL
};

static gboolean
is_japanese (gunichar ch)
{
  GUnicodeScript script = g_unichar_get_script (ch);

  return script == G_UNICODE_SCRIPT_HIRAGANA || script == G_UNICODE_SCRIPT_KATAKANA ||
         script == G_UNICODE_SCRIPT_HAN || (ch >= 0x3000 && ch <= 0x30FF) || (ch >= 0xFF00 && ch <= 0xFFEF);
}

/* English if it has a word of four or more Latin letters and nothing
 * Japanese at all. */
static gboolean
looks_english (const char *text)
{
  guint run = 0, longest = 0;

  if (g_strv_contains (allowed, text))
    return FALSE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar ch = g_utf8_get_char (p);

      if (is_japanese (ch))
        return FALSE;
      run = g_ascii_isalpha (ch) ? run + 1 : 0;
      longest = MAX (longest, run);
    }

  return longest >= 4;
}

static void
walk (GtkWidget  *widget,
      const char *screen,
      GString    *problems,
      guint      *n_labels)
{
  if (!gtk_widget_get_visible (widget))
    return;

  if (GTK_IS_LABEL (widget) && gtk_widget_get_child_visible (widget))
    {
      const char *text = gtk_label_get_text (GTK_LABEL (widget));

      (*n_labels)++;
      if (looks_english (text))
        g_string_append_printf (problems, "  %s: “%s”\n", screen, text);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    walk (child, screen, problems, n_labels);
}

static void
check_screen (GtkWidget  *root,
              const char *screen,
              GString    *problems)
{
  guint n_labels = 0;

  sih_test_iterate ();
  walk (root, screen, problems, &n_labels);
  g_test_message ("%s: %u labels", screen, n_labels);
  g_assert_cmpuint (n_labels, >, 5);
}

static void
test_ja_main_screens (void)
{
  g_autoptr(SihApplication) app = NULL;
  g_autoptr(GString) problems = g_string_new (NULL);
  SihPack *pack;
  SihWindow *window;
  GtkWindow *summary;
  SihCausePage *page;
  GtkListBox *steps;

  /* Before the application loads its pack, which is translated as it loads. */
  if (!sih_test_use_language ("ja"))
    return;
  g_assert_cmpstr (_("Sign-in Helper"), !=, "Sign-in Helper");
  app = sih_test_application_new ();
  pack = sih_application_get_pack (app);
  window = sih_window_new (app);

  /* The pack itself is in Japanese. */
  g_assert_false (looks_english (sih_pack_get_title (pack)));

  gtk_window_present (GTK_WINDOW (window));
  while (sih_window_get_case (window) == NULL)
    g_main_context_iteration (NULL, TRUE);
  check_screen (GTK_WIDGET (window), "start page", problems);

  sih_window_select_cause (window, "account-takeover");
  page = SIH_CAUSE_PAGE (sih_test_find_widget (GTK_WIDGET (window), "cause_page"));
  steps = sih_cause_page_get_step_list (page);
  for (int i = 0; gtk_list_box_get_row_at_index (steps, i) != NULL; i++)
    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (gtk_list_box_get_row_at_index (steps, i)), TRUE);
  sih_case_set_outcome (sih_window_get_case (window), "account-takeover", "change-password-now", SIH_OUTCOME_WORKED);
  check_screen (GTK_WIDGET (window), "cause page", problems);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-triage", NULL);
  check_screen (GTK_WIDGET (window), "triage", problems);

  gtk_menu_button_popup (GTK_MENU_BUTTON (sih_test_find_widget (GTK_WIDGET (window), "cases_button")));
  check_screen (sih_test_find_widget (GTK_WIDGET (window), "case_list"), "saved cases", problems);
  gtk_menu_button_popdown (GTK_MENU_BUTTON (sih_test_find_widget (GTK_WIDGET (window), "cases_button")));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-summary", NULL);
  summary = gtk_application_get_active_window (GTK_APPLICATION (app));
  if (summary == GTK_WINDOW (window))
    {
      GList *windows = gtk_application_get_windows (GTK_APPLICATION (app));
      summary = windows->data != window ? windows->data : windows->next->data;
    }
  g_assert_true (summary != GTK_WINDOW (window));
  check_screen (GTK_WIDGET (summary), "summary", problems);
  gtk_window_destroy (summary);

  gtk_window_destroy (GTK_WINDOW (window));
  sih_test_iterate ();

  if (problems->len > 0)
    g_error ("Untranslated English on screen:\n%s", problems->str);
}

int
main (int   argc,
      char *argv[])
{
  if (!sih_test_init_gtk (&argc, &argv))
    return g_test_run ();

  sih_test_init_translations ();

  g_test_add_func ("/ja-ui/main-screens", test_ja_main_screens);

  return g_test_run ();
}
