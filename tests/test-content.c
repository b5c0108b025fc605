/* test-content.c: the bundled pack covers the source article, safely
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "core/sih-lexicon.h"
#include "core/sih-link.h"
#include "core/sih-mask.h"
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
          if (sih_step_get_caller_text (step) != NULL)
            func (where, sih_step_get_caller_text (step), data);
          foreach_link (sih_step_get_links (step), where, func, data);
        }
    }

  func ("contact", sih_contact_get_intro (contact), data);
  func ("contact", sih_contact_get_scam_warning (contact), data);
  for (guint i = 0; i < sih_contact_get_n_items (contact); i++)
    {
      SihContactItem *item = sih_contact_get_item (contact, i);

      func ("contact", item->label.text, data);
      if (item->caller_label.text != NULL)
        func ("contact", item->caller_label.text, data);
    }
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
          g_assert_nonnull (sih_step_get_caller_text (step));
          g_assert_cmpstr (sih_step_get_caller_text (step), !=,
                           sih_step_get_caller_text_source (step));
        }
    }
}

/* What a help-desk agent reads to a caller must never ask for a secret.
 * Per language: words that ask for something to be said, words that make a
 * sentence a "don't", that a step which involves a code must have both of
 * ("I will never ask for it" and "keep it to yourself"). */
typedef struct
{
  const char         *language;
  const char * const *asking;
  const char * const *negations;
  const char         *never_asks;
  const char * const *keep_it;
} CallerRules;

static const char * const en_asking[] = {
  "tell me", "read me", "read it out", "read them out", "read out", "read it to me",
  "read the", "give me", "what is your", "what’s your", "what is the", "what’s the",
  "say it", "spell", NULL
};
static const char * const en_negations[] = { "never", "not", "n’t", "no need", "without", NULL };
static const char * const en_keep_it[] = { "to yourself", "to anyone", "anywhere else", NULL };
static const char * const ja_asking[] = {
  "教えて", "お教え", "読み上げ", "お伝えいただ", "お知らせいただ", "お聞かせ", NULL
};
static const char * const ja_negations[] = { "ない", "ません", "ず", NULL };
static const char * const ja_keep_it[] = {
  "どなたにもお伝えにならないでください", "ほかの場所に送らないでください", NULL
};

static const CallerRules caller_rules[] = {
  { "en", en_asking, en_negations, "never ask", en_keep_it },
  { "ja", ja_asking, ja_negations, "お伺いすることはございません", ja_keep_it },
};

static gboolean
contains_any (const char         *text,
              const char * const *needles)
{
  for (guint i = 0; needles[i] != NULL; i++)
    if (strstr (text, needles[i]) != NULL)
      return TRUE;
  return FALSE;
}

/* Whether @text names a password or a code, with the words masking uses
 * to find them; ASCII words only as whole words ("pin", not "shopping"). */
static gboolean
names_secret (const char *text)
{
  g_autofree char *lower = g_ascii_strdown (text, -1);

  for (guint i = 0; i < SIH_LEXICON_N_SECRET_WORDS; i++)
    {
      const char *word = sih_lexicon_secret_words[i];
      gsize len = strlen (word);

      for (const char *p = strstr (lower, word); p != NULL; p = strstr (p + 1, word))
        {
          if (!g_ascii_isalpha (word[0]))
            return TRUE;
          if ((p == lower || !g_ascii_isalnum (p[-1])) && !g_ascii_isalnum (p[len]))
            return TRUE;
        }
    }
  return FALSE;
}

/* The sentence of @text that asks for a password or a code, or NULL. */
static char *
find_request_for_secret (const char        *text,
                         const CallerRules *rules)
{
  const char *start = text;

  /* Sentence by sentence, each ending after its full stop or question mark. */
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      const char *next = g_utf8_next_char (p);

      if (strchr (".?!", *p) != NULL || g_str_has_prefix (p, "。") || g_str_has_prefix (p, "？")
          || *next == '\0')
        {
          g_autofree char *sentence = g_strndup (start, next - start);
          g_autofree char *lower = g_ascii_strdown (sentence, -1);

          if (names_secret (lower) && contains_any (lower, rules->asking)
              && !contains_any (lower, rules->negations))
            return g_steal_pointer (&sentence);
          start = next;
        }
    }
  return NULL;
}

static void
test_content_caller_rules (void)
{
  const CallerRules *en = &caller_rules[0];
  const CallerRules *ja = &caller_rules[1];
  g_autofree char *found = NULL;

  /* The check finds what it is there for... */
  found = find_request_for_secret ("Thanks. Could you tell me the code you received?", en);
  g_assert_cmpstr (found, ==, " Could you tell me the code you received?");
  g_clear_pointer (&found, g_free);
  found = find_request_for_secret ("Please read out your password.", en);
  g_assert_nonnull (found);
  g_clear_pointer (&found, g_free);
  found = find_request_for_secret ("届いたコードを教えていただけますか。", ja);
  g_assert_nonnull (found);
  g_clear_pointer (&found, g_free);

  /* ...and lets through what is safe to say. */
  g_assert_null (find_request_for_secret ("Please type it without reading it out to me.", en));
  g_assert_null (find_request_for_secret ("Could you tell me which screen you see?", en));
  g_assert_null (find_request_for_secret ("Please read the message in the shopping app.", en));
  g_assert_null (find_request_for_secret ("パスワードは読み上げずに入力してください。", ja));
}

/* Every piece of caller wording of @pack, in the language it was loaded in:
 * present (when @require_all), free of numbers that look like codes, never
 * asking for a secret, and telling the caller to keep a code to themselves
 * wherever the step involves one. */
static void
check_caller_texts (SihPack           *pack,
                    const CallerRules *rules,
                    gboolean           require_all,
                    guint             *n_checked,
                    guint             *n_code_steps)
{
  GListModel *causes = sih_pack_get_causes (pack);
  /* Judged on the English source, so that both languages are held to the
   * same steps; "country code" is no secret. */
  g_autoptr(GRegex) code = g_regex_new ("(?<!country )\\b(codes?|otp|one-time password)\\b",
                                        G_REGEX_CASELESS, 0, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (causes); i++)
    {
      g_autoptr(SihCause) cause = g_list_model_get_item (causes, i);
      GListModel *steps = sih_cause_get_steps (cause);

      for (guint j = 0; j < g_list_model_get_n_items (steps); j++)
        {
          g_autoptr(SihStep) step = g_list_model_get_item (steps, j);
          const char *text = sih_step_get_caller_text (step);
          g_autofree char *where = g_strdup_printf ("%s/%s (%s)", sih_cause_get_id (cause),
                                                    sih_step_get_id (step), rules->language);
          g_autofree char *request = NULL;
          g_autofree char *facts = NULL;
          g_autoptr(GPtrArray) matches = NULL;

          if (text == NULL)
            {
              if (require_all)
                g_error ("%s: no words to read to a caller", where);
              continue;
            }
          (*n_checked)++;

          request = find_request_for_secret (text, rules);
          if (request != NULL)
            g_error ("%s: “%s” asks for a password or a code", where, request);

          matches = sih_mask_find (text, SIH_MASK_DEFAULT);
          for (guint k = 0; k < matches->len; k++)
            {
              SihMaskMatch *match = g_ptr_array_index (matches, k);

              if (match->kind != SIH_MASK_KIND_SECRET
                  || match->reason == SIH_SECRET_REASON_DIGITS
                  || match->reason == SIH_SECRET_REASON_MIXED)
                g_error ("%s: “%.*s” looks like personal data or a code in “%s”", where,
                         (int)(match->end - match->start), text + match->start, text);
            }

          facts = g_strjoin (" ", sih_step_get_title_source (step),
                             sih_step_get_detail_source (step),
                             sih_step_get_caller_text_source (step),
                             sih_step_get_caution (step) ? sih_step_get_caution (step) : "",
                             NULL);
          if (g_regex_match (code, facts, 0, NULL))
            {
              (*n_code_steps)++;
              if (strstr (text, rules->never_asks) == NULL || !contains_any (text, rules->keep_it))
                g_error ("%s: the step involves a code, but “%s” does not tell the caller to "
                         "keep it to themselves and that it will never be asked for", where, text);
            }
        }
    }
}

static void
test_content_caller_text (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (caller_rules); i++)
    {
      g_autoptr(SihPack) pack = load_pack (caller_rules[i].language);
      guint n_checked = 0;
      guint n_code_steps = 0;

      if (pack == NULL)
        continue;
      check_caller_texts (pack, &caller_rules[i], TRUE, &n_checked, &n_code_steps);
      g_assert_cmpuint (n_checked, ==, sih_pack_get_n_steps (pack));
      g_test_message ("%s: %u steps, %u involve a code", caller_rules[i].language, n_checked,
                      n_code_steps);
      /* The code steps are found at all. */
      g_assert_cmpuint (n_code_steps, >=, 10);
    }
}

/* The example for help desks follows the same rules (it is in English). */
static void
test_content_caller_text_example (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("SIH_SOURCE_ROOT"), "data", "content",
                                            "example-helpdesk-pack.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SihPack) pack = sih_pack_new_from_file (path, NULL, &error);
  guint n_checked = 0;
  guint n_code_steps = 0;

  g_assert_no_error (error);
  check_caller_texts (pack, &caller_rules[0], TRUE, &n_checked, &n_code_steps);
  g_assert_cmpuint (n_checked, ==, sih_pack_get_n_steps (pack));
  g_assert_cmpuint (n_code_steps, >=, 2);
}

/* What to have ready, as a help desk's summary lists it: said of the
 * caller in both languages, never "you". */
static void
test_content_prepare_caller_labels (void)
{
  static const char * const languages[] = { "en", "ja" };

  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    {
      g_autoptr(SihPack) pack = load_pack (languages[i]);
      SihContact *contact;

      if (pack == NULL)
        continue;
      contact = sih_pack_get_contact (pack);
      g_assert_cmpuint (sih_contact_get_n_items (contact), >, 0);
      for (guint j = 0; j < sih_contact_get_n_items (contact); j++)
        {
          SihContactItem *item = sih_contact_get_item (contact, j);
          const char *text = item->caller_label.text;

          g_assert_nonnull (text);
          g_assert_cmpstr (text, !=, item->label.text);
          if (g_str_equal (languages[i], "en"))
            {
              g_assert_false (g_regex_match_simple ("\\byou(r|rs|rself)?\\b", text,
                                                    G_REGEX_CASELESS, 0));
              g_assert_true (strstr (text, "caller") != NULL);
            }
          else
            {
              g_assert_cmpstr (text, !=, item->caller_label.source);
              g_assert_true (strstr (text, "お客様") != NULL);
            }
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
  g_test_add_func ("/content/caller-rules", test_content_caller_rules);
  g_test_add_func ("/content/caller-text", test_content_caller_text);
  g_test_add_func ("/content/caller-text-example", test_content_caller_text_example);
  g_test_add_func ("/content/prepare-caller-labels", test_content_prepare_caller_labels);

  return g_test_run ();
}
