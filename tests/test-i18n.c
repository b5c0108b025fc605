/* test-i18n.c: the bundled pack in Japanese and in English
 *
 * Japanese is tested in a real ja_JP.UTF-8 locale (sih-test-locale.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "core/sih-pack.h"
#include "sih-test-locale.h"

static gboolean
has_japanese (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar ch = g_utf8_get_char (p);

      if (g_unichar_get_script (ch) == G_UNICODE_SCRIPT_HIRAGANA ||
          g_unichar_get_script (ch) == G_UNICODE_SCRIPT_KATAKANA ||
          g_unichar_get_script (ch) == G_UNICODE_SCRIPT_HAN)
        return TRUE;
    }
  return FALSE;
}

static void
test_i18n_japanese (void)
{
  g_autoptr(SihPack) pack = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *causes;

  if (!sih_test_use_language ("ja"))
    return;
  pack = sih_pack_new_bundled (&error);
  g_assert_no_error (error);

  g_assert_true (has_japanese (sih_pack_get_title (pack)));
  g_assert_true (has_japanese (sih_pack_get_disclaimer (pack)));

  causes = sih_pack_get_causes (pack);
  for (guint i = 0; i < g_list_model_get_n_items (causes); i++)
    {
      g_autoptr(SihCause) cause = g_list_model_get_item (causes, i);
      GListModel *steps = sih_cause_get_steps (cause);

      g_test_message ("%s: %s", sih_cause_get_id (cause), sih_cause_get_title (cause));
      g_assert_cmpstr (sih_cause_get_title (cause), !=, sih_cause_get_title_source (cause));
      g_assert_true (has_japanese (sih_cause_get_title (cause)));
      g_assert_true (has_japanese (sih_cause_get_summary (cause)));
      g_assert_true (has_japanese (sih_cause_get_escalate (cause)));

      for (guint j = 0; j < g_list_model_get_n_items (steps); j++)
        {
          g_autoptr(SihStep) step = g_list_model_get_item (steps, j);

          g_assert_cmpstr (sih_step_get_title (step), !=, sih_step_get_title_source (step));
          g_assert_true (has_japanese (sih_step_get_title (step)));
          g_assert_true (has_japanese (sih_step_get_detail (step)));
        }
    }

  /* The program's own strings are translated too. */
  g_assert_true (has_japanese (_("Sign-in Helper")));
}

static void
test_i18n_english (void)
{
  g_autoptr(SihPack) pack = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *causes;

  sih_test_use_language ("en");
  pack = sih_pack_new_bundled (&error);
  g_assert_no_error (error);

  g_assert_false (has_japanese (sih_pack_get_title (pack)));

  causes = sih_pack_get_causes (pack);
  for (guint i = 0; i < g_list_model_get_n_items (causes); i++)
    {
      g_autoptr(SihCause) cause = g_list_model_get_item (causes, i);

      g_assert_cmpstr (sih_cause_get_title (cause), ==, sih_cause_get_title_source (cause));
      g_assert_false (has_japanese (sih_cause_get_title (cause)));
    }
  g_assert_cmpstr (_("Sign-in Helper"), ==, "Sign-in Helper");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  sih_test_init_translations ();

  g_test_add_func ("/i18n/japanese", test_i18n_japanese);
  g_test_add_func ("/i18n/english", test_i18n_english);

  return g_test_run ();
}
