/* test-content.c: the bundled pack covers the source article, safely
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "core/sih-link.h"
#include "core/sih-pack.h"
#include "sih-test-locale.h"

static const char * const cause_ids[] = {
  "wrong-credentials", "password-reset", "code-not-arriving", "two-step-new-device",
  "account-locked", "account-takeover", "changed-contact-info", "device-browser",
  "multiple-accounts", "seller-central", "prime-video", "amazon-business",
  "contact-support", "prevention",
};

/* Every error message the source article quotes, and the cause it belongs to. */
static const struct {
  const char *cause;
  const char *text;
} article_messages[] = {
  { "changed-contact-info", "このeメールアドレスを持つアカウントが見つかりません" },
  { "account-locked", "お客様のアカウントで異常なアクティビティが検出されました" },
  { "account-locked", "アカウントが一時的にロックされました" },
  { "account-locked", "お客様のアカウントで異常なアクティビティが検出され、一時的にロックされました" },
  { "account-locked", "認証が必要です" },
  { "code-not-arriving", "認証が必要です" },
  { "account-takeover", "お客様のアカウントで異常なアクティビティが検出されました" },
  { "wrong-credentials", "Eメールアドレスとパスワードが合致しません" },
};

static SihPack *
load_pack (const char *language)
{
  g_autoptr(GError) error = NULL;
  SihPack *pack;

  if (!sih_test_use_language (language))
    return NULL;
  pack = sih_pack_new_bundled (&error);
  g_assert_no_error (error);
  return pack;
}

static void
test_content_causes (void)
{
  g_autoptr(SihPack) pack = load_pack ("en");

  g_assert_cmpuint (sih_pack_get_n_causes (pack), ==, G_N_ELEMENTS (cause_ids));

  for (guint i = 0; i < G_N_ELEMENTS (cause_ids); i++)
    {
      SihCause *cause = sih_pack_find_cause (pack, cause_ids[i]);

      if (cause == NULL)
        g_error ("the pack has no cause “%s”", cause_ids[i]);
      g_assert_cmpuint (sih_cause_get_n_steps (cause), >=, 3);
    }

  g_assert_cmpint (sih_cause_get_urgency (sih_pack_find_cause (pack, "account-takeover")), ==,
                   SIH_URGENCY_CRITICAL);
}

static void
test_content_error_messages (void)
{
  g_autoptr(SihPack) pack = load_pack ("en");

  for (guint i = 0; i < G_N_ELEMENTS (article_messages); i++)
    {
      SihCause *cause = sih_pack_find_cause (pack, article_messages[i].cause);
      GPtrArray *messages = sih_cause_get_error_messages (cause);
      gboolean found = FALSE;

      for (guint j = 0; j < messages->len; j++)
        {
          SihErrorMessage *message = g_ptr_array_index (messages, j);

          if (g_strcmp0 (message->text, article_messages[i].text) == 0)
            {
              g_assert_cmpstr (message->lang, ==, "ja");
              found = TRUE;
            }
        }

      if (!found)
        g_error ("“%s” is missing from the error messages of %s", article_messages[i].text,
                 article_messages[i].cause);
    }
}

typedef void (*TextFunc) (const char *where, const char *text, gpointer user_data);

static void
foreach_link (GPtrArray *links, const char *where, TextFunc func, gpointer data)
{
  for (guint k = 0; k < links->len; k++)
    {
      SihLink *link = g_ptr_array_index (links, k);
      g_autofree char *uri_where = g_strconcat (where, " (link)", NULL);

      func (where, link->label.text, data);
      g_assert_true (sih_link_is_official (link->uri, NULL));
    }
}

/* Calls @func on every text of the pack a person can read. */
static void
foreach_text (SihPack  *pack,
              TextFunc  func,
              gpointer  data)
{
  GListModel *causes = sih_pack_get_causes (pack);
  SihContact *contact = sih_pack_get_contact (pack);

  func ("pack title", sih_pack_get_title (pack), data);
  func ("disclaimer", sih_pack_get_disclaimer (pack), data);

  for (guint i = 0; i < g_list_model_get_n_items (causes); i++)
    {
      g_autoptr(SihCause) cause = g_list_model_get_item (causes, i);
      GListModel *steps = sih_cause_get_steps (cause);
      const char *id = sih_cause_get_id (cause);
      GPtrArray *messages = sih_cause_get_error_messages (cause);

      func (id, sih_cause_get_title (cause), data);
      func (id, sih_cause_get_summary (cause), data);
      func (id, sih_cause_get_escalate (cause), data);
      for (guint j = 0; j < sih_cause_get_n_symptoms (cause); j++)
        func (id, sih_cause_get_symptom (cause, j), data);
      for (guint j = 0; j < messages->len; j++)
        func (id, ((SihErrorMessage *)g_ptr_array_index (messages, j))->text, data);

      for (guint j = 0; j < g_list_model_get_n_items (steps); j++)
        {
          g_autoptr(SihStep) step = g_list_model_get_item (steps, j);
          g_autofree char *where = g_strdup_printf ("%s/%s", id, sih_step_get_id (step));

          func (where, sih_step_get_title (step), data);
          func (where, sih_step_get_detail (step), data);
          if (sih_step_get_caution (step) != NULL)
            func (where, sih_step_get_caution (step), data);
          foreach_link (sih_step_get_links (step), where, func, data);
        }
    }

  func ("contact", sih_contact_get_intro (contact), data);
  func ("contact", sih_contact_get_scam_warning (contact), data);
  for (guint i = 0; i < sih_contact_get_n_items (contact); i++)
    func ("contact", sih_contact_get_item (contact, i)->label.text, data);
  for (guint i = 0; i < sih_contact_get_n_routes (contact); i++)
    {
      SihContactRoute *route = sih_contact_get_route (contact, i);

      func ("contact", route->title.text, data);
      func ("contact", route->detail.text, data);
      foreach_link (route->links, "contact", func, data);
    }
}

static void
check_no_phone_number (const char *where,
                       const char *text,
                       gpointer    user_data)
{
  GRegex *regex = user_data;
  g_autofree char *normalized = g_utf8_normalize (text, -1, G_NORMALIZE_ALL_COMPOSE);
  g_autoptr(GMatchInfo) match = NULL;

  /* NFKC turns full-width digits into ASCII ones, so they are caught too. */
  if (g_regex_match (regex, normalized, 0, &match))
    {
      g_autofree char *found = g_match_info_fetch (match, 0);
      g_error ("%s: “%s” looks like a phone number in “%s”", where, found, text);
    }
}

static void
test_content_no_phone_numbers (void)
{
  const char *languages[] = { "en", "ja" };
  g_autoptr(GRegex) regex = NULL;

  /* Seven or more digits, possibly split by spaces, hyphens, dots or
   * brackets, optionally after a "+": any phone number in any format. */
  regex = g_regex_new ("\\+?\\(?[0-9][0-9()\\-. ]{5,}[0-9]", 0, 0, NULL);
  g_assert_nonnull (regex);
  g_assert_true (g_regex_match (regex, "call 0120-999-999", 0, NULL));
  g_assert_true (g_regex_match (regex, "+81 3 1234 5678", 0, NULL));
  g_assert_false (g_regex_match (regex, "in 1 or 2 days, 12 characters", 0, NULL));

  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    {
      g_autoptr(SihPack) pack = load_pack (languages[i]);

      if (pack == NULL)
        continue;
      foreach_text (pack, check_no_phone_number, regex);
    }
}

static void
test_content_japanese_complete (void)
{
  g_autoptr(SihPack) pack = load_pack ("ja");
  GListModel *causes;

  if (pack == NULL)
    return;
  causes = sih_pack_get_causes (pack);
  for (guint i = 0; i < g_list_model_get_n_items (causes); i++)
    {
      g_autoptr(SihCause) cause = g_list_model_get_item (causes, i);
      GListModel *steps = sih_cause_get_steps (cause);

      g_assert_cmpstr (sih_cause_get_title (cause), !=, sih_cause_get_title_source (cause));
      g_assert_cmpstr (sih_cause_get_summary (cause), !=, sih_cause_get_summary_source (cause));
      for (guint j = 0; j < g_list_model_get_n_items (steps); j++)
        {
          g_autoptr(SihStep) step = g_list_model_get_item (steps, j);

          g_assert_cmpstr (sih_step_get_title (step), !=, sih_step_get_title_source (step));
          g_assert_cmpstr (sih_step_get_detail (step), !=, sih_step_get_detail_source (step));
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  sih_test_init_translations ();

  g_test_add_func ("/content/causes", test_content_causes);
  g_test_add_func ("/content/error-messages", test_content_error_messages);
  g_test_add_func ("/content/no-phone-numbers", test_content_no_phone_numbers);
  g_test_add_func ("/content/japanese-complete", test_content_japanese_complete);

  return g_test_run ();
}
