/* test-search.c: finding causes from what people type and what screens say
 *
 * The ranking table is what people really type: symptoms in their own
 * words, partial and re-punctuated error messages, full- and half-width
 * text and typos, in Japanese and English.  Each query must bring its
 * cause into the top three, with the Japanese interface (which searches
 * the Japanese translation and the English source).  Every miss is
 * printed, and the test fails below 100%.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "core/sih-search.h"
#include "sih-test-locale.h"

#define TOP 3

typedef struct
{
  const char *query;
  const char *cause;
} Expectation;

static const Expectation ranking_ja[] = {
  /* Symptoms, said the way people say them. */
  { "コードが来ない", "code-not-arriving" },
  { "確認コードがとどかない", "code-not-arriving" },
  { "ｺｰﾄﾞがとどかない", "code-not-arriving" },
  { "ＳＭＳが届かない", "code-not-arriving" },
  { "パスワード合ってるのにログインできない", "wrong-credentials" },
  { "パスワード忘れた", "password-reset" },
  { "アカウントがロックされた", "account-locked" },
  { "免許証のアップロードを求められた", "account-locked" },
  { "身に覚えのない注文がある", "account-takeover" },
  { "乗っ取られたかも", "account-takeover" },
  { "機種変更したら2段階認証が通らない", "two-step-new-device" },
  { "認証アプリのコードが違うと言われる", "two-step-new-device" },
  { "電話番号を変えたらログインできない", "changed-contact-info" },
  { "セラーセントラル　２段階認証", "seller-central" },
  { "テレビでプライムビデオにログインできない", "prime-video" },
  { "Amazonビジネスの招待メールがない", "amazon-business" },
  { "ログイン画面に戻される", "device-browser" },
  { "キャッシュを消したい", "device-browser" },
  { "注文履歴が消えた", "multiple-accounts" },
  { "サポートの電話番号は本物？", "contact-support" },
  { "偽メールを見分けたい", "prevention" },
  /* Error messages: partial, re-punctuated, retyped. */
  { "異常なアクティビティが", "account-locked" },
  { "このeメールアドレスを持つアカウントが見つかりません。", "changed-contact-info" },
  { "アカウントが見つかりません", "changed-contact-info" },
  { "一時的に ロック されました", "account-locked" },
  { "「認証が必要です」", "code-not-arriving" },
  { "メールアドレスとパスワードが合致しない", "wrong-credentials" },
  { "Ｅメールアドレスとパスワードが合致しません", "wrong-credentials" },
  /* English, as people type it. */
  { "the code never comes", "code-not-arriving" },
  { "didn't get the text message", "code-not-arriving" },
  { "verfication code not arriving", "code-not-arriving" },
  { "locked out after unusual activity", "account-locked" },
  { "temporarily locked", "account-locked" },
  { "someone bought stuff on my account", "account-takeover" },
  { "i think i got hacked", "account-takeover" },
  { "prime video on my tv asks for a code", "prime-video" },
  { "too many videos playing", "prime-video" },
  { "seller central two step", "seller-central" },
  { "ＰＡＳＳＷＯＲＤ", "wrong-credentials" },
  { "pasword refused", "wrong-credentials" },
  { "forgot my password", "password-reset" },
  { "new phone authenticator app", "two-step-new-device" },
  { "2fa lost phone", "two-step-new-device" },
  { "changed my phone number", "changed-contact-info" },
  { "page keeps reloading", "device-browser" },
  { "signed in as someone else", "multiple-accounts" },
  { "amazon business invitation expired", "amazon-business" },
  { "is this support number real", "contact-support" },
  { "spot fake amazon emails", "prevention" },
  { "we cannot find an account with that e-mail", "changed-contact-info" },
  { "your password is incorect", "wrong-credentials" },
  { "There was a problem.", "wrong-credentials" },
};

/* English queries must also work with the English interface. */
static const guint first_english = 28;

static SihSearchIndex *
bundled_index (const char *language)
{
  g_autoptr(SihPack) pack = NULL;
  g_autoptr(GError) error = NULL;

  if (!sih_test_use_language (language))
    return NULL;
  pack = sih_pack_new_bundled (&error);
  g_assert_no_error (error);
  return sih_search_index_new (pack);
}

static const char *
match_name (SihSearchMatch match)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (SIH_TYPE_SEARCH_MATCH);

  return g_enum_get_value (klass, match)->value_nick;
}

static guint
run_table (SihSearchIndex    *index,
           const Expectation *table,
           guint              n)
{
  guint passed = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GPtrArray) results = sih_search_index_query (index, table[i].query, 0);
      guint rank = G_MAXUINT;

      for (guint r = 0; r < results->len && rank == G_MAXUINT; r++)
        {
          SihSearchResult *result = g_ptr_array_index (results, r);

          if (g_str_equal (sih_cause_get_id (result->cause), table[i].cause))
            rank = r;
        }

      if (rank < TOP)
        {
          SihSearchResult *result = g_ptr_array_index (results, rank);

          g_test_message ("%u. “%s” → %s %.3f (%s “%s”)", rank + 1, table[i].query,
                          table[i].cause, result->score, match_name (result->match), result->text);
          passed++;
          continue;
        }

      if (rank == G_MAXUINT)
        g_test_message ("MISS “%s”: %s is not in the results", table[i].query, table[i].cause);
      else
        g_test_message ("MISS “%s”: %s ranks %u", table[i].query, table[i].cause, rank + 1);
      for (guint r = 0; r < MIN (results->len, TOP + 1); r++)
        {
          SihSearchResult *result = g_ptr_array_index (results, r);

          g_test_message ("   %u. %s %.3f (%s “%s”)", r + 1, sih_cause_get_id (result->cause),
                          result->score, match_name (result->match), result->text);
        }
    }

  return passed;
}

static void
test_search_ranking_japanese_ui (void)
{
  g_autoptr(SihSearchIndex) index = bundled_index ("ja");
  guint n = G_N_ELEMENTS (ranking_ja);
  guint passed;

  if (index == NULL)
    return;

  g_assert_cmpuint (n, >=, 40);
  passed = run_table (index, ranking_ja, n);
  g_test_message ("ranking with the Japanese interface: %u of %u in the top %d (%.0f%%)",
                  passed, n, TOP, 100.0 * passed / n);
  g_assert_cmpuint (passed, ==, n);
}

static void
test_search_ranking_english_ui (void)
{
  g_autoptr(SihSearchIndex) index = bundled_index ("en");
  guint n = G_N_ELEMENTS (ranking_ja) - first_english;
  guint passed;

  g_assert_cmpstr (ranking_ja[first_english].query, ==, "the code never comes");
  passed = run_table (index, ranking_ja + first_english, n);
  g_test_message ("ranking with the English interface: %u of %u in the top %d",
                  passed, n, TOP);
  g_assert_cmpuint (passed, ==, n);
}

static void
test_search_normalize (void)
{
  static const struct {
    const char *text;
    const char *normalized;
  } cases[] = {
    { "ＰＡＳＳ－ｗｏｒｄ", "password" },
    { "Pass word", "password" },
    { "e-mail", "email" },
    { "ｺｰﾄﾞ", "こーど" },
    { "コード", "こーど" },
    { "ぱすわーど", "ぱすわーど" },
    { "「認証が必要です」。", "認証が必要です" },
    /* Small kana are written large: "ロック" and "ロツク" are one word. */
    { "アカウントが、一時的に ロック・されました！", "あかうんとが一時的にろつくされました" },
    { "パスワ－ド", "ぱすわーど" },
    { "アクテイビティ", "あくていびてい" },
    { "２段階認証", "2段階認証" },
    { "Straße", "strasse" },
    { "   、。!? ", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *normalized = sih_search_normalize (cases[i].text);
      g_assert_cmpstr (normalized, ==, cases[i].normalized);
    }

  /* The prolonged sound mark is a letter: "コード" is not "コド". */
  {
    g_autofree char *with = sih_search_normalize ("コード");
    g_autofree char *without = sih_search_normalize ("コド");
    g_assert_cmpstr (with, !=, without);
  }
}

static const char *
cause_at (GPtrArray *results,
          guint      rank)
{
  if (rank >= results->len)
    return NULL;
  return sih_cause_get_id (((SihSearchResult *)g_ptr_array_index (results, rank))->cause);
}

static void
test_search_nothing (void)
{
  g_autoptr(SihSearchIndex) index = bundled_index ("ja");
  const char * const queries[] = { "", "   ", "、。「」", "xyzzy", "qwertyuiop asdfgh", "t", "th" };

  if (index == NULL)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autoptr(GPtrArray) results = sih_search_index_query (index, queries[i], 0);

      if (results->len > 0)
        g_error ("“%s” found %s", queries[i], cause_at (results, 0));
    }
}

/* A whole sentence, with words the pack does not have around the symptom:
 * those words only lower the scores, and the symptom's cause comes first. */
static void
test_search_sentences (void)
{
  static const Expectation sentences[] = {
    { "ちょっと聞いてほしいんやけど、朝からずっとアマゾンで買い物しようとしとって、"
      "ログインの途中で確認コードが届かないまま止まっとるんよ", "code-not-arriving" },
    { "うちの母がね、よくわからないんだけど、アカウントが一時的にロックされましたって"
      "画面に出たって電話してきて", "account-locked" },
    { "ほげほげ ふがふが ぴよぴよ コードが届かない もにょもにょ", "code-not-arriving" },
    { "so basically my grandmother phoned me because her screen says the account is "
      "temporarily locked and she has no clue why", "account-locked" },
    { "blorp flimflam zizzle the code never arrives wibble wobble", "code-not-arriving" },
  };
  g_autoptr(SihSearchIndex) index = bundled_index ("ja");

  if (index == NULL)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (sentences); i++)
    {
      g_autoptr(GPtrArray) results = sih_search_index_query (index, sentences[i].query, 0);

      if (results->len == 0)
        g_error ("“%s” found nothing", sentences[i].query);
      g_test_message ("“%s” → %s", sentences[i].query, cause_at (results, 0));
      g_assert_cmpstr (cause_at (results, 0), ==, sentences[i].cause);
    }
}

/* What issue 18 saw, as a new user would type it. */
static void
test_search_callers_words (void)
{
  static const Expectation first[] = {
    { "ワンタイムパスワード", "code-not-arriving" },
    { "コード　こない", "code-not-arriving" },
    { "didn't get sms", "code-not-arriving" },
    { "パスワ－ドを忘れた", "password-reset" },
    { "アクテイビティ", "account-locked" },
    { "アカウンドがロックされた", "account-locked" },
    { "プライムビデオ", "prime-video" },
    { "ファイヤーTV", "prime-video" },
    { "メアド変えた", "changed-contact-info" },
    { "以上なアクティビティ", "account-locked" },
  };
  g_autoptr(SihSearchIndex) index = bundled_index ("ja");

  if (index == NULL)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (first); i++)
    {
      g_autoptr(GPtrArray) results = sih_search_index_query (index, first[i].query, 0);

      if (results->len == 0)
        g_error ("“%s” found nothing", first[i].query);
      g_test_message ("“%s” → %s", first[i].query, cause_at (results, 0));
      g_assert_cmpstr (cause_at (results, 0), ==, first[i].cause);
    }
}

static void
test_search_results (void)
{
  g_autoptr(SihSearchIndex) index = bundled_index ("ja");
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) two = NULL;

  if (index == NULL)
    return;

  all = sih_search_index_query (index, "password", 0);
  two = sih_search_index_query (index, "password", 2);

  g_assert_cmpuint (all->len, >, 2);
  g_assert_cmpuint (two->len, ==, 2);
  for (guint i = 0; i < all->len; i++)
    {
      SihSearchResult *result = g_ptr_array_index (all, i);

      if (i > 0)
        g_assert_cmpfloat (result->score, <=, ((SihSearchResult *)all->pdata[i - 1])->score);
      /* One result per cause. */
      for (guint j = 0; j < i; j++)
        g_assert_true (result->cause != ((SihSearchResult *)all->pdata[j])->cause);
    }
  g_assert_cmpstr (cause_at (two, 0), ==, cause_at (all, 0));
  g_assert_cmpstr (cause_at (two, 1), ==, cause_at (all, 1));
}

/* What matched is reported: a step with its id, the text as the pack has
 * it, and whether it was the English source or the translation. */
static void
test_search_what_matched (void)
{
  g_autoptr(SihSearchIndex) index = bundled_index ("ja");
  g_autoptr(GPtrArray) english = NULL;
  g_autoptr(GPtrArray) japanese = NULL;
  g_autoptr(GPtrArray) message = NULL;
  SihSearchResult *result;
  SihStep *step;

  if (index == NULL)
    return;

  english = sih_search_index_query (index, "caps lock upper case", 0);
  japanese = sih_search_index_query (index, "大文字・小文字を確認", 0);
  message = sih_search_index_query (index, "異常なアクティビティが検出されました", 0);

  result = g_ptr_array_index (english, 0);
  g_assert_cmpstr (sih_cause_get_id (result->cause), ==, "wrong-credentials");
  g_assert_cmpint (result->match, ==, SIH_SEARCH_MATCH_STEP_TITLE);
  g_assert_cmpstr (result->step_id, ==, "check-caps-lock");
  step = sih_cause_find_step (result->cause, result->step_id);
  g_assert_nonnull (step);
  g_assert_true (result->source);
  g_assert_cmpstr (result->text, ==, sih_step_get_title_source (step));

  result = g_ptr_array_index (japanese, 0);
  g_assert_cmpstr (result->step_id, ==, "check-caps-lock");
  g_assert_false (result->source);
  g_assert_cmpstr (result->text, ==, sih_step_get_title (step));

  /* A message that two causes show: both come first, on the message. */
  g_assert_cmpuint (message->len, >=, 2);
  for (guint i = 0; i < 2; i++)
    {
      const char *id = cause_at (message, i);

      result = g_ptr_array_index (message, i);
      g_assert_true (g_str_equal (id, "account-takeover") || g_str_equal (id, "account-locked"));
      g_assert_cmpint (result->match, ==, SIH_SEARCH_MATCH_ERROR_MESSAGE);
      g_assert_null (result->step_id);
      g_assert_cmpstr (result->text, ==, "お客様のアカウントで異常なアクティビティが検出されました");
    }
}

/* Results follow the typing: every prefix of a query that has grown past
 * a few characters still shows its cause, and a word being typed never
 * empties the list. */
static void
test_search_typing (void)
{
  static const Expectation typed[] = {
    { "the code never comes", "code-not-arriving" },
    { "確認コードが届かない", "code-not-arriving" },
    { "unusual activity", "account-locked" },
  };
  g_autoptr(SihSearchIndex) index = bundled_index ("ja");

  if (index == NULL)
    return;

  for (guint q = 0; q < G_N_ELEMENTS (typed); q++)
    {
      const char *end = typed[q].query;
      guint before = 0;

      while (*end != '\0')
        {
          g_autofree char *prefix = NULL;
          g_autoptr(GPtrArray) results = NULL;
          const char *last_word;
          gboolean found = FALSE;

          end = g_utf8_next_char (end);
          prefix = g_strndup (typed[q].query, end - typed[q].query);
          results = sih_search_index_query (index, prefix, TOP);
          for (guint r = 0; r < results->len; r++)
            found |= g_str_equal (cause_at (results, r), typed[q].cause);

          if (before > 0 && results->len == 0)
            g_error ("“%s” has no results, “%.*s” had", prefix,
                     (int)(end - typed[q].query - 1), typed[q].query);
          /* Once a few characters in, unless the last word has only one
           * or two letters so far ("the co"): then it is not searched. */
          last_word = strrchr (prefix, ' ');
          last_word = last_word != NULL ? last_word + 1 : prefix;
          if (g_utf8_strlen (prefix, -1) >= 6 && (*last_word == '\0' || strlen (last_word) >= 3) &&
              !found)
            g_error ("“%s” does not find %s", prefix, typed[q].cause);
          before = results->len;
        }
    }
}

/* Another pack: nothing is special about the bundled one. */
static void
test_search_other_pack (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "packs", "good.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SihPack) pack = sih_pack_new_from_file (path, NULL, &error);
  g_autoptr(SihSearchIndex) index = NULL;
  g_autoptr(GPtrArray) typo = NULL;
  g_autoptr(GPtrArray) message = NULL;

  g_assert_no_error (error);
  index = sih_search_index_new (pack);
  g_assert_true (sih_search_index_get_pack (index) == pack);

  typo = sih_search_index_query (index, "secnd cause", 0);
  g_assert_cmpstr (cause_at (typo, 0), ==, "second");
  message = sih_search_index_query (index, "エラー", 0);
  g_assert_cmpstr (cause_at (message, 0), ==, "first");
  g_assert_cmpuint (message->len, ==, 1);
}

typedef struct
{
  const char *pasted;
  const char *cause;
  const char *message;
} MessageCase;

static void
test_search_match_message (void)
{
  static const MessageCase cases[] = {
    /* Verbatim, partial, re-punctuated, retyped with a typo, and with
     * more text around it. */
    { "このeメールアドレスを持つアカウントが見つかりません", "changed-contact-info",
      "このeメールアドレスを持つアカウントが見つかりません" },
    { "このEメールアドレスを持つアカウントが見つかりません。", "changed-contact-info",
      "このeメールアドレスを持つアカウントが見つかりません" },
    { "アカウントが見つかりません", "changed-contact-info",
      "このeメールアドレスを持つアカウントが見つかりません" },
    { "アカウントが 一時的に、ロックされました!", "account-locked",
      "アカウントが一時的にロックされました" },
    { "異常なアクティビティが検出され一時的にロック", "account-locked",
      "お客様のアカウントで異常なアクティビティが検出され、一時的にロックされました" },
    { "お客様のアカウントで異常なアクテビティが検出されました", "account-takeover",
      "お客様のアカウントで異常なアクティビティが検出されました" },
    { "エラー：Ｅメールアドレスとパスワードが合致しません。もう一度入力してください。",
      "wrong-credentials", "Eメールアドレスとパスワードが合致しません" },
    { "ｴﾗｰ 認証が必要です", "code-not-arriving", "認証が必要です" },
    { "We cannot find an account with that e-mail address.", "changed-contact-info",
      "We cannot find an account with that email address" },
    { "your pasword is incorect", "wrong-credentials", "Your password is incorrect" },
    { "Important Message! There was a problem", "wrong-credentials", "There was a problem" },
    /* Other forms from the lexicon: the pack's message is what matched. */
    { "問題が発生しました", "wrong-credentials", "There was a problem" },
    { "Authentication required", "code-not-arriving", "認証が必要です" },
    { "AUTHENTICATION REQUIRED.", "two-step-new-device", "認証が必要です" },
    { "Unusual activity was detected on your account", "account-locked",
      "お客様のアカウントで異常なアクティビティが検出されました" },
    { "アカウントがロックされました", "account-locked", "アカウントが一時的にロックされました" },
  };
  static const char * const unrelated[] = {
    "", "。", "ご注文ありがとうございます", "Hello, world", "Your order has shipped",
  };
  g_autoptr(SihSearchIndex) index = bundled_index ("ja");

  if (index == NULL)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) results = sih_search_index_match_message (index, cases[i].pasted);
      gboolean found = FALSE;

      for (guint r = 0; r < MIN (results->len, TOP) && !found; r++)
        {
          SihSearchResult *result = g_ptr_array_index (results, r);

          g_assert_cmpint (result->match, ==, SIH_SEARCH_MATCH_ERROR_MESSAGE);
          if (g_str_equal (sih_cause_get_id (result->cause), cases[i].cause))
            {
              g_assert_cmpstr (result->text, ==, cases[i].message);
              found = TRUE;
            }
        }
      if (!found)
        g_error ("“%s” does not match %s (%u results, first %s)", cases[i].pasted, cases[i].cause,
                 results->len, results->len > 0 ? cause_at (results, 0) : "none");
    }

  /* A message that four causes share finds all four, and a takeover sign
   * comes before a plain lock. */
  {
    g_autoptr(GPtrArray) shared = sih_search_index_match_message (index, "認証が必要です");
    g_autoptr(GPtrArray) activity = sih_search_index_match_message (index,
                                                                    "異常なアクティビティが検出されました");

    g_assert_cmpuint (shared->len, ==, 4);
    g_assert_cmpstr (cause_at (activity, 0), ==, "account-takeover");
    g_assert_cmpstr (cause_at (activity, 1), ==, "account-locked");
  }

  for (guint i = 0; i < G_N_ELEMENTS (unrelated); i++)
    {
      g_autoptr(GPtrArray) results = sih_search_index_match_message (index, unrelated[i]);

      if (results->len > 0)
        g_error ("“%s” matched %s", unrelated[i], cause_at (results, 0));
    }
}

static void
index_ready_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  SihSearchIndex **index = user_data;
  g_autoptr(GError) error = NULL;

  *index = sih_search_index_new_finish (result, &error);
  g_assert_no_error (error);
}

static void
test_search_async (void)
{
  g_autoptr(SihPack) pack = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) results = NULL;
  SihSearchIndex *index = NULL;

  if (!sih_test_use_language ("ja"))
    return;
  pack = sih_pack_new_bundled (&error);
  g_assert_no_error (error);

  sih_search_index_new_async (pack, NULL, index_ready_cb, &index);
  while (index == NULL)
    g_main_context_iteration (NULL, TRUE);

  results = sih_search_index_query (index, "コードが来ない", 1);
  g_assert_cmpstr (cause_at (results, 0), ==, "code-not-arriving");
  sih_search_index_unref (index);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  sih_test_init_translations ();

  g_test_add_func ("/search/ranking-japanese-ui", test_search_ranking_japanese_ui);
  g_test_add_func ("/search/ranking-english-ui", test_search_ranking_english_ui);
  g_test_add_func ("/search/normalize", test_search_normalize);
  g_test_add_func ("/search/nothing", test_search_nothing);
  g_test_add_func ("/search/results", test_search_results);
  g_test_add_func ("/search/sentences", test_search_sentences);
  g_test_add_func ("/search/callers-words", test_search_callers_words);
  g_test_add_func ("/search/what-matched", test_search_what_matched);
  g_test_add_func ("/search/typing", test_search_typing);
  g_test_add_func ("/search/other-pack", test_search_other_pack);
  g_test_add_func ("/search/match-message", test_search_match_message);
  g_test_add_func ("/search/async", test_search_async);

  return g_test_run ();
}
