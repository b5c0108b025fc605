/* fuzz-lexicon.c: the search lexicon's loader, and queries read with it
 *
 * A lexicon either loads or is refused with an error in the project's
 * domain that names the file; one that loads rewrites queries into valid
 * UTF-8 whatever its phrases, endings and groups are.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "fuzz-common.h"
#include "core/sih-error.h"
#include "core/sih-search-lexicon.h"

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  sih_fuzz_init (argc, argv);
  return 0;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *)a, *(const char * const *)b);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static const char * const queries[] = {
    "", "ワンタイムパスワードが届かへん", "didn't get sms", "ｱｶｳﾝﾄ-ﾛｯｸ", "a", "ん",
    "パスワ－ド忘れちゃった、どないしよ", "\xff\xfe", "otp otp otp",
  };
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(SihSearchLexicon) lexicon = NULL;
  g_autoptr(GHashTable) set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) words = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer word;

  lexicon = sih_search_lexicon_new_from_bytes (bytes, "fuzz.json", &error);
  if (lexicon == NULL)
    {
      sih_fuzz_check (error != NULL && error->domain == SIH_ERROR);
      sih_fuzz_check (g_str_has_prefix (error->message, "fuzz.json"));
      sih_fuzz_check (g_utf8_validate (error->message, -1, NULL));
      return 0;
    }
  sih_fuzz_check (error == NULL);

  /* Its own katakana words are the typos' words. */
  sih_search_lexicon_add_kana_words (lexicon, set);
  g_hash_table_iter_init (&iter, set);
  while (g_hash_table_iter_next (&iter, &word, NULL))
    g_ptr_array_add (words, word);
  g_ptr_array_sort (words, compare_strings);

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autofree char *plain = sih_search_lexicon_rewrite (lexicon, queries[i], NULL);
      g_autofree char *typos = sih_search_lexicon_rewrite (lexicon, queries[i], words);

      sih_fuzz_check (plain != NULL && g_utf8_validate (plain, -1, NULL));
      sih_fuzz_check (typos != NULL && g_utf8_validate (typos, -1, NULL));
    }
  for (guint i = 0; i < sih_search_lexicon_get_n_groups (lexicon); i++)
    sih_fuzz_check (g_strv_length ((char **)sih_search_lexicon_get_group (lexicon, i)) >= 2);
  for (guint i = 0; i < sih_search_lexicon_get_n_messages (lexicon); i++)
    sih_fuzz_check (sih_search_lexicon_get_message (lexicon, i)->of != NULL);

  return 0;
}
