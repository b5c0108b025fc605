/* sih-search-phrases.c: the search test set, shared by the test and the bench
 *
 * The TSV files of tests/data/search/: one phrase a line, "language TAB causes TAB
 * text", causes separated by "|"; lines starting with "#" are comments.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "sih-search-phrases.h"

static void
phrase_free (gpointer data)
{
  SihPhrase *phrase = data;

  g_free (phrase->language);
  g_strfreev (phrase->causes);
  g_free (phrase->text);
  g_free (phrase);
}

/**
 * sih_search_phrases_load:
 * @path: a TSV file of phrases
 *
 * Returns: (transfer full) (element-type SihPhrase): the phrases, or %NULL
 *   with @error set if the file cannot be read or a line is malformed
 */
GPtrArray *
sih_search_phrases_load (const char  *path,
                         GError     **error)
{
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GPtrArray) phrases = NULL;

  if (!g_file_get_contents (path, &contents, NULL, error))
    return NULL;

  phrases = g_ptr_array_new_with_free_func (phrase_free);
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = NULL;
      SihPhrase *phrase;

      if (lines[i][0] == '\0' || lines[i][0] == '#')
        continue;
      fields = g_strsplit (lines[i], "\t", -1);
      if (g_strv_length (fields) != 3 || fields[0][0] == '\0' || fields[1][0] == '\0' ||
          fields[2][0] == '\0')
        {
          g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL,
                       "%s:%u: expected “language<TAB>cause[|cause…]<TAB>phrase”", path, i + 1);
          return NULL;
        }
      phrase = g_new0 (SihPhrase, 1);
      phrase->language = g_strdup (fields[0]);
      phrase->causes = g_strsplit (fields[1], "|", -1);
      phrase->text = g_strdup (fields[2]);
      phrase->line = i + 1;
      g_ptr_array_add (phrases, phrase);
    }

  return g_steal_pointer (&phrases);
}

/**
 * sih_search_phrases_rank:
 * @language: only the phrases in this language
 * @target: which search to ask, as the sidebar or the start page does
 * @rates: (out): how many phrases, and how many found their cause first
 *   and in the top three
 * @misses: (nullable): where to describe each phrase not in the top three
 */
void
sih_search_phrases_rank (SihSearchIndex  *index,
                         GPtrArray       *phrases,
                         const char      *language,
                         SihPhraseTarget  target,
                         SihPhraseRates  *rates,
                         GString         *misses)
{
  memset (rates, 0, sizeof *rates);

  for (guint i = 0; i < phrases->len; i++)
    {
      const SihPhrase *phrase = g_ptr_array_index (phrases, i);
      g_autoptr(GPtrArray) results = NULL;
      guint rank = G_MAXUINT;

      if (!g_str_equal (phrase->language, language))
        continue;

      /* The sidebar lists at most 50, the start page three. */
      if (target == SIH_PHRASE_SIDEBAR)
        results = sih_search_index_query (index, phrase->text, 50);
      else
        results = sih_search_index_match_message (index, phrase->text);

      for (guint r = 0; r < results->len && rank == G_MAXUINT; r++)
        {
          SihSearchResult *result = g_ptr_array_index (results, r);

          if (g_strv_contains ((const char * const *)phrase->causes,
                               sih_cause_get_id (result->cause)))
            rank = r;
        }

      rates->n++;
      if (rank == 0)
        rates->top1++;
      if (rank < 3)
        rates->top3++;
      else if (misses != NULL)
        {
          g_string_append_printf (misses, "line %u “%s”: %s ", phrase->line, phrase->text,
                                  phrase->causes[0]);
          if (rank == G_MAXUINT)
            g_string_append (misses, "not found;");
          else
            g_string_append_printf (misses, "ranks %u;", rank + 1);
          for (guint r = 0; r < MIN (results->len, 3); r++)
            {
              SihSearchResult *result = g_ptr_array_index (results, r);

              g_string_append_printf (misses, " %u. %s %.3f", r + 1,
                                      sih_cause_get_id (result->cause), result->score);
            }
          g_string_append_c (misses, '\n');
        }
    }
}
