/* sih-search-analysis.h: how search reads a text (private to search)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define MAX_WORD_CHARS 48

/* What a text becomes: its compact form (letters, digits and kana without
 * spaces or punctuation), its words, the parts of its glued words and its
 * bigrams.  The buffers are reused from text to text, so that indexing a
 * large pack allocates little. */
typedef struct
{
  GString   *compact;
  guint      n_chars;      /* in compact */
  GString   *text;         /* the words, each followed by a NUL */
  GArray    *words;        /* guint: offsets of words in text */
  GString   *part_text;    /* the parts, each followed by a NUL */
  GArray    *parts;        /* guint: offsets in part_text, if wanted */
  GArray    *grams;        /* guint64 */
  gboolean   open_word;    /* the text ends inside a word */
  gboolean   open_run;     /* the text ends with unspaced text */

  /* while splitting */
  gsize      word_start;   /* in text; == text->len when outside a word */
  guint      word_chars;
  GArray    *part_starts;  /* gsize: where each part of the word starts */
  gunichar   last_unspaced;
  guint      run;

  /* If set, katakana words of four characters or more are added to it
   * (as sih_search_kana_words_add_text() would), for typos in queries. */
  GHashTable *kana_words;
  GString    *kana_run;
  guint       kana_chars;
} Analysis;

#define ANALYSIS_WORD(a, i) ((a)->text->str + g_array_index ((a)->words, guint, (i)))
#define ANALYSIS_PART(a, i) ((a)->part_text->str + g_array_index ((a)->parts, guint, (i)))

static inline guint64
sih_search_gram_key (gunichar a,
                     gunichar b)
{
  return ((guint64)a << 32) | b;
}

void  sih_search_analysis_init  (Analysis   *a,
                                 gboolean    with_parts);
void  sih_search_analysis_clear (Analysis   *a);
void  sih_search_analyze        (Analysis   *a,
                                 const char *text);
char *sih_search_stem_word      (const char *word);
char *sih_search_match_form     (const char *text);
guint sih_search_edit_distance  (const gunichar *a,
                                 guint           n,
                                 const gunichar *b,
                                 guint           m,
                                 guint           max);

G_END_DECLS
