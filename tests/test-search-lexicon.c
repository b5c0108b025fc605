/* test-search-lexicon.c: the words people use, as data
 *
 * The bundled lexicon loads; a bad one is refused with the file, the place
 * in it and what was expected; a query is read in the pack's words
 * (synonyms, spoken and dialect forms, product names, conversion slips,
 * katakana typos) and nothing else changes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "core/sih-error.h"
#include "core/sih-search.h"
#include "core/sih-search-lexicon.h"

static void
test_lexicon_bundled (void)
{
  SihSearchLexicon *lexicon = sih_search_lexicon_get_default ();
  gboolean has_sms = FALSE;

  g_assert_nonnull (lexicon);
  g_assert_cmpuint (sih_search_lexicon_get_n_groups (lexicon), >=, 10);
  for (guint i = 0; i < sih_search_lexicon_get_n_groups (lexicon); i++)
    has_sms |= g_strv_contains (sih_search_lexicon_get_group (lexicon, i), "sms");
  g_assert_true (has_sms);
  g_assert_cmpuint (sih_search_lexicon_get_n_messages (lexicon), >=, 5);
}

typedef struct
{
  const char *json;
  int         code;
  const char *where;  /* in the message, after the file's name */
} BadLexicon;

static void
test_lexicon_bad (void)
{
  static const BadLexicon bad[] = {
    { "{", SIH_ERROR_SYNTAX, "" },
    { "[]", SIH_ERROR_TYPE, "expected an object" },
    { "{\"format\":2,\"languages\":{}}", SIH_ERROR_FORMAT, "format: format 2 is not known; expected 1" },
    { "{\"format\":1}", SIH_ERROR_MISSING, "languages" },
    { "{\"format\":1,\"languages\":{},\"extra\":1}", SIH_ERROR_INVALID_VALUE, "extra: unknown member" },
    { "{\"format\":1,\"languages\":{\"japanese\":{}}}", SIH_ERROR_INVALID_VALUE,
      "languages.japanese: expected a language code" },
    { "{\"format\":1,\"languages\":{\"ja\":[]}}", SIH_ERROR_TYPE, "languages.ja: expected an object" },
    { "{\"format\":1,\"languages\":{\"ja\":{\"words\":[{\"kind\":\"synonym\",\"say\":[\"メアド\"],"
      "\"means\":[\"メールアドレス\"]}]}}}",
      SIH_ERROR_TYPE, "languages.ja.words[0].means: expected a string, found an array" },
    { "{\"format\":1,\"languages\":{\"ja\":{\"words\":[{\"kind\":\"slang\",\"say\":[\"メアド\"],"
      "\"means\":\"メールアドレス\"}]}}}",
      SIH_ERROR_INVALID_VALUE, "languages.ja.words[0].kind: “slang” is not a kind of word" },
    { "{\"format\":1,\"languages\":{\"ja\":{\"words\":[{\"kind\":\"synonym\",\"say\":[],"
      "\"means\":\"メールアドレス\"}]}}}",
      SIH_ERROR_MISSING, "languages.ja.words[0].say: must not be empty" },
    { "{\"format\":1,\"languages\":{\"ja\":{\"words\":[{\"kind\":\"synonym\",\"say\":[\"メアド\", 3],"
      "\"means\":\"メールアドレス\"}]}}}",
      SIH_ERROR_TYPE, "languages.ja.words[0].say[1]: expected a string" },
    { "{\"format\":1,\"languages\":{\"ja\":{\"words\":[{\"kind\":\"synonym\",\"say\":[\"、 \"],"
      "\"means\":\"メールアドレス\"}]}}}",
      SIH_ERROR_INVALID_VALUE, "languages.ja.words[0].say: “、 ” is only spaces and punctuation" },
    { "{\"format\":1,\"languages\":{\"ja\":{\"words\":[{\"kind\":\"synonym\",\"say\":[\"メアド\"],"
      "\"mean\":\"メールアドレス\"}]}}}",
      SIH_ERROR_INVALID_VALUE, "languages.ja.words[0].mean: unknown member" },
    { "{\"format\":1,\"languages\":{\"ja\":{\"endings\":[{\"say\":[\"ナイ\"],\"means\":\"ない\"}]}}}",
      SIH_ERROR_INVALID_VALUE, "languages.ja.endings[0].say: “ナイ”: expected an ending in hiragana" },
    { "{\"format\":1,\"languages\":{\"en\":{\"groups\":[[\"sms\",\"Text\"]]}}}",
      SIH_ERROR_INVALID_VALUE, "languages.en.groups[0][1]: “Text”: expected one word" },
    { "{\"format\":1,\"languages\":{\"en\":{\"groups\":[[\"sms\"]]}}}",
      SIH_ERROR_TYPE, "languages.en.groups[0]: expected an array of two words or more" },
    { "{\"format\":1,\"languages\":{},\"messages\":[{\"lang\":\"en\",\"say\":[\"Authentication required\"]}]}",
      SIH_ERROR_MISSING, "messages[0].of: required member is missing" },
    { "{\"format\":1,\"languages\":{},\"messages\":[{\"lang\":\"english\",\"say\":[\"x\"],\"of\":\"y\"}]}",
      SIH_ERROR_INVALID_VALUE, "messages[0].lang: “english”: expected a language code" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new_static (bad[i].json, strlen (bad[i].json));
      g_autoptr(GError) error = NULL;
      g_autoptr(SihSearchLexicon) lexicon = sih_search_lexicon_new_from_bytes (bytes, "lexicon.json",
                                                                               &error);

      g_assert_null (lexicon);
      g_assert_nonnull (error);
      g_test_message ("%s", error->message);
      g_assert_error (error, SIH_ERROR, bad[i].code);
      g_assert_true (g_str_has_prefix (error->message, "lexicon.json: "));
      if (strstr (error->message, bad[i].where) == NULL)
        g_error ("“%s” does not say “%s”", error->message, bad[i].where);
    }
}

/* What search reads: the rewritten text as search normalises it. */
static char *
rewrite (const char *text,
         GPtrArray  *kana_words)
{
  g_autofree char *rewritten = sih_search_lexicon_rewrite (sih_search_lexicon_get_default (),
                                                           text, kana_words);

  return sih_search_normalize (rewritten);
}

static void
test_lexicon_rewrite (void)
{
  static const struct { const char *typed, *read; } cases[] = {
    /* Amazon.co.jp's word for the SMS code, and callers' words for it. */
    { "ワンタイムパスワード", "確認コード" },
    { "ﾜﾝﾀｲﾑﾊﾟｽﾜｰﾄﾞが来ない", "確認コードが届かない" },
    { "認証番号こない", "確認コード届かない" },
    { "ショートメールが来ない", "SMSが届かない" },
    { "メアド", "メールアドレス" },
    { "プライムビデオ", "Prime Video" },
    { "アマプラ", "Prime Video" },
    /* Dialect and casual endings. */
    { "届かへん", "届かない" },
    { "届かんのよ", "届かないのよ" },
    { "届かねえ", "届かない" },
    { "パスワード忘れちゃった", "パスワード忘れてしまった" },
    { "ロックされてもうた", "ロックされてしまった" },
    /* A conversion slip. */
    { "以上なアクティビティ", "異常なアクティビティ" },
    /* English, whole words only. */
    { "didn't get sms", "doesnt arrive never comes sms" },
    { "OTP", "verification code" },
  };
  /* Left as typed: the standard forms, and words that only look alike. */
  static const char * const kept[] = {
    "機種変更", "メールアドレス", "確認コード", "届かない", "なんか", "なんや", "でんわ",
    "ログイン", "botp", "cellar", "Prime Video", "2段階認証",
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *read = rewrite (cases[i].typed, NULL);
      g_autofree char *expected = sih_search_normalize (cases[i].read);

      g_test_message ("%s → %s", cases[i].typed, read);
      g_assert_cmpstr (read, ==, expected);
    }

  for (guint i = 0; i < G_N_ELEMENTS (kept); i++)
    {
      g_autofree char *read = rewrite (kept[i], NULL);
      g_autofree char *expected = sih_search_normalize (kept[i]);

      g_test_message ("%s → %s", kept[i], read);
      g_assert_cmpstr (read, ==, expected);
    }
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *)a, *(const char * const *)b);
}

/* One character wrong in a katakana word of four or more is forgiven;
 * shorter words would match too many others. */
static void
test_lexicon_kana_typos (void)
{
  static const struct { const char *typed, *read; } cases[] = {
    { "アカウンドがロック", "アカウントがロック" },
    { "パスワ－トを忘れた", "パスワードを忘れてしまった" },
    { "アクテビティ", "アクティビティ" },
    { "ｱｸﾃｲﾋﾞﾃｨ", "アクティビティ" },
    { "セキュリテ", "セキュリティ" },
    /* Left alone: short, known, or more than one edit away. */
    { "コート", "コート" },
    { "ロッタ", "ロッタ" },
    { "アカウント", "アカウント" },
    { "アカウントサービス", "アカウントサービス" },
    { "アクセント", "アクセント" },
  };
  g_autoptr(GHashTable) set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) words = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer word;

  sih_search_kana_words_add_text (set, "アカウントがロックされた。パスワード、アクティビティ、"
                                       "セキュリティ、コード");
  /* Words of three characters are not forgiven typos. */
  g_assert_false (g_hash_table_contains (set, "コード"));
  g_hash_table_iter_init (&iter, set);
  while (g_hash_table_iter_next (&iter, &word, NULL))
    g_ptr_array_add (words, word);
  g_ptr_array_sort (words, compare_strings);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *read = rewrite (cases[i].typed, words);
      g_autofree char *expected = sih_search_normalize (cases[i].read);

      g_test_message ("%s → %s", cases[i].typed, read);
      g_assert_cmpstr (read, ==, expected);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/search-lexicon/bundled", test_lexicon_bundled);
  g_test_add_func ("/search-lexicon/bad", test_lexicon_bad);
  g_test_add_func ("/search-lexicon/rewrite", test_lexicon_rewrite);
  g_test_add_func ("/search-lexicon/kana-typos", test_lexicon_kana_typos);

  return g_test_run ();
}
