/* sih-search-analysis.c: how search reads a text
 *
 * Every text, of the pack or of a query, is read the same way: folded
 * (sih_text_fold_width_and_case(), sih_text_fold_variants(), katakana to
 * hiragana), then split into
 * words for scripts written with spaces and into character bigrams for
 * scripts written without them; see the top of sih-search.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "core/sih-lexicon.h"
#include "core/sih-search.h"
#include "core/sih-search-analysis.h"
#include "core/sih-text-fold.h"

/* Normalising and splitting text */

static gboolean
is_unspaced (gunichar ch)
{
  /* Nothing before Thai is written without spaces. */
  if (ch < 0x0E00)
    return FALSE;

  /* CJK punctuation, kana, the prolonged sound mark ー and 々 are "Common"
   * or "Han" depending on the character; take the whole block.  The
   * common ideographs need no look-up either. */
  if ((ch >= 0x3000 && ch <= 0x30FF) || (ch >= 0x31F0 && ch <= 0x31FF) ||
      (ch >= 0x3400 && ch <= 0x4DBF) || (ch >= 0x4E00 && ch <= 0x9FFF))
    return TRUE;

  switch ((int)g_unichar_get_script (ch))
    {
    case G_UNICODE_SCRIPT_HAN:
    case G_UNICODE_SCRIPT_HIRAGANA:
    case G_UNICODE_SCRIPT_KATAKANA:
    case G_UNICODE_SCRIPT_BOPOMOFO:
    case G_UNICODE_SCRIPT_HANGUL:
    case G_UNICODE_SCRIPT_THAI:
    case G_UNICODE_SCRIPT_LAO:
    case G_UNICODE_SCRIPT_KHMER:
    case G_UNICODE_SCRIPT_MYANMAR:
    case G_UNICODE_SCRIPT_YI:
      return TRUE;
    default:
      return FALSE;
    }
}

typedef enum
{
  CHAR_SEPARATOR,   /* spaces, controls: end a word */
  CHAR_PUNCTUATION, /* punctuation and symbols: dropped, but glue a word */
  CHAR_MARK,        /* combining marks: kept with what they follow */
  CHAR_WORD,
  CHAR_UNSPACED,
} CharClass;

static CharClass
classify (gunichar ch)
{
  if (ch < 0x80)
    {
      if (g_ascii_isalnum (ch))
        return CHAR_WORD;
      return g_ascii_isgraph (ch) ? CHAR_PUNCTUATION : CHAR_SEPARATOR;
    }

  switch ((int)g_unichar_type (ch))
    {
    case G_UNICODE_UPPERCASE_LETTER:
    case G_UNICODE_LOWERCASE_LETTER:
    case G_UNICODE_TITLECASE_LETTER:
    case G_UNICODE_MODIFIER_LETTER:
    case G_UNICODE_OTHER_LETTER:
    case G_UNICODE_DECIMAL_NUMBER:
    case G_UNICODE_LETTER_NUMBER:
    case G_UNICODE_OTHER_NUMBER:
      return is_unspaced (ch) ? CHAR_UNSPACED : CHAR_WORD;
    case G_UNICODE_SPACING_MARK:
    case G_UNICODE_ENCLOSING_MARK:
    case G_UNICODE_NON_SPACING_MARK:
      return CHAR_MARK;
    case G_UNICODE_CONNECT_PUNCTUATION:
    case G_UNICODE_DASH_PUNCTUATION:
    case G_UNICODE_CLOSE_PUNCTUATION:
    case G_UNICODE_FINAL_PUNCTUATION:
    case G_UNICODE_INITIAL_PUNCTUATION:
    case G_UNICODE_OTHER_PUNCTUATION:
    case G_UNICODE_OPEN_PUNCTUATION:
    case G_UNICODE_CURRENCY_SYMBOL:
    case G_UNICODE_MODIFIER_SYMBOL:
    case G_UNICODE_MATH_SYMBOL:
    case G_UNICODE_OTHER_SYMBOL:
      return CHAR_PUNCTUATION;
    default:
      return CHAR_SEPARATOR;
    }
}

/* A light English stemmer, enough for "arriving", "arrives" and "arrive"
 * (or "locked" and "lock") to meet: strips one common ending, then a
 * final "e" and a doubled consonant.  Only for words in a-z; the result
 * is a search key, not a word. */
char *
sih_search_stem_word (const char *word)
{
  gsize len = strlen (word);
  char *stem;

  if (len < 4)
    return NULL;
  for (gsize i = 0; i < len; i++)
    if (word[i] < 'a' || word[i] > 'z')
      return NULL;

  stem = g_strdup (word);
  for (guint i = 0; sih_lexicon_stem_endings[i] != NULL; i++)
    {
      gsize n = strlen (sih_lexicon_stem_endings[i]);

      if (len - n >= 3 && g_str_has_suffix (stem, sih_lexicon_stem_endings[i]) &&
          !(n == 1 && (g_str_has_suffix (stem, "ss") || g_str_has_suffix (stem, "us"))))
        {
          len -= n;
          stem[len] = '\0';
          if (g_str_equal (sih_lexicon_stem_endings[i], "ies"))
            stem[len++] = 'y', stem[len] = '\0';
          break;
        }
    }
  if (len > 3 && stem[len - 1] == 'e')
    stem[--len] = '\0';
  if (len > 3 && stem[len - 1] == stem[len - 2] && !strchr ("aeiouslz", stem[len - 1]))
    stem[--len] = '\0';

  if (g_str_equal (stem, word))
    g_clear_pointer (&stem, g_free);
  return stem;
}

/* Optimal string alignment distance (Damerau-Levenshtein with adjacent
 * transpositions), or max + 1 as soon as it must exceed @max. */
guint
sih_search_edit_distance (const gunichar *a,
                          guint           n,
                          const gunichar *b,
                          guint           m,
                          guint           max)
{
  guint rows[3][MAX_WORD_CHARS + 1];
  guint *prev2 = rows[0], *prev = rows[1], *cur = rows[2];

  if ((n > m ? n - m : m - n) > max)
    return max + 1;
  g_assert (n <= MAX_WORD_CHARS && m <= MAX_WORD_CHARS);

  for (guint j = 0; j <= m; j++)
    prev[j] = j;

  for (guint i = 1; i <= n; i++)
    {
      guint row_min;
      guint *tmp;

      cur[0] = i;
      row_min = cur[0];
      for (guint j = 1; j <= m; j++)
        {
          guint cost = a[i - 1] == b[j - 1] ? 0 : 1;
          guint best = MIN (prev[j] + 1, cur[j - 1] + 1);

          best = MIN (best, prev[j - 1] + cost);
          if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
            best = MIN (best, prev2[j - 2] + 1);
          cur[j] = best;
          row_min = MIN (row_min, best);
        }
      if (row_min > max)
        return max + 1;

      tmp = prev2;
      prev2 = prev;
      prev = cur;
      cur = tmp;
    }

  return prev[m];
}

void
sih_search_analysis_init (Analysis *a,
                          gboolean  with_parts)
{
  memset (a, 0, sizeof *a);
  a->compact = g_string_new (NULL);
  a->text = g_string_new (NULL);
  a->words = g_array_new (FALSE, FALSE, sizeof (guint));
  a->part_text = g_string_new (NULL);
  a->parts = with_parts ? g_array_new (FALSE, FALSE, sizeof (guint)) : NULL;
  a->grams = g_array_new (FALSE, FALSE, sizeof (guint64));
  a->part_starts = g_array_new (FALSE, FALSE, sizeof (gsize));
  a->kana_run = g_string_new (NULL);
}

void
sih_search_analysis_clear (Analysis *a)
{
  g_string_free (a->compact, TRUE);
  g_string_free (a->text, TRUE);
  g_array_unref (a->words);
  g_string_free (a->part_text, TRUE);
  g_clear_pointer (&a->parts, g_array_unref);
  g_array_unref (a->grams);
  g_array_unref (a->part_starts);
  g_string_free (a->kana_run, TRUE);
}

static void
end_kana_word (Analysis *a)
{
  if (a->kana_chars >= 4 && a->kana_chars <= MAX_WORD_CHARS)
    g_hash_table_add (a->kana_words, g_strndup (a->kana_run->str, a->kana_run->len));
  g_string_truncate (a->kana_run, 0);
  a->kana_chars = 0;
}

static void
end_word (Analysis *a)
{
  gsize end = a->text->len;
  guint offset;

  if (end == a->word_start)
    return;

  offset = a->word_start;
  g_array_append_val (a->words, offset);

  /* "sign-in" is also "sign" and "in". */
  if (a->parts != NULL && a->part_starts->len > 1)
    {
      for (guint i = 0; i < a->part_starts->len; i++)
        {
          gsize from = g_array_index (a->part_starts, gsize, i);
          gsize to = i + 1 < a->part_starts->len ? g_array_index (a->part_starts, gsize, i + 1) : end;

          /* "e" of "e-mail" or "t" of "don’t" would only be noise. */
          if (to > from + 1)
            {
              offset = a->part_text->len;
              g_string_append_len (a->part_text, a->text->str + from, to - from);
              g_string_append_c (a->part_text, '\0');
              g_array_append_val (a->parts, offset);
            }
        }
    }

  g_string_append_c (a->text, '\0');
  a->word_start = a->text->len;
  a->word_chars = 0;
  g_array_set_size (a->part_starts, 0);
}

static void
end_run (Analysis *a)
{
  /* A lone character gets a gram of its own. */
  if (a->run == 1)
    {
      guint64 key = sih_search_gram_key (a->last_unspaced, 0);
      g_array_append_val (a->grams, key);
    }
  a->run = 0;
  a->last_unspaced = 0;
}

void
sih_search_analyze (Analysis   *a,
                    const char *text)
{
  g_autofree char *width = sih_text_fold_width_and_case (text);
  g_autofree char *folded = width != NULL ? sih_text_fold_variants (width) : NULL;
  CharClass last = CHAR_SEPARATOR;

  g_string_truncate (a->compact, 0);
  a->n_chars = 0;
  g_string_truncate (a->text, 0);
  g_array_set_size (a->words, 0);
  g_string_truncate (a->part_text, 0);
  if (a->parts != NULL)
    g_array_set_size (a->parts, 0);
  g_array_set_size (a->grams, 0);
  g_array_set_size (a->part_starts, 0);
  a->word_start = 0;
  a->word_chars = 0;
  a->run = 0;
  a->last_unspaced = 0;
  a->open_word = FALSE;
  a->open_run = FALSE;

  if (folded == NULL)
    return;

  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar ch = (guchar)*p < 0x80 ? (gunichar)*p : g_utf8_get_char (p);
      CharClass cls;

      if (a->kana_words != NULL)
        {
          if ((ch >= 0x30A1 && ch <= 0x30FA) || ch == 0x30FC)
            {
              g_string_append_unichar (a->kana_run, ch);
              a->kana_chars++;
            }
          else if (a->kana_chars > 0)
            end_kana_word (a);
        }
      if (ch >= 0x80)
        ch = sih_text_fold_kana (ch);
      cls = classify (ch);

      if (cls == CHAR_MARK)
        cls = last == CHAR_UNSPACED ? CHAR_UNSPACED : CHAR_WORD;

      switch (cls)
        {
        case CHAR_SEPARATOR:
          /* Unspaced text runs on across spaces: "アカウントが 一時的に"
           * is the same text re-punctuated. */
          end_word (a);
          break;

        case CHAR_PUNCTUATION:
          /* Inside a word, it starts a new part. */
          if (a->text->len > a->word_start)
            {
              gsize here = a->text->len;

              if (a->part_starts->len == 0)
                g_array_append_val (a->part_starts, a->word_start);
              if (g_array_index (a->part_starts, gsize, a->part_starts->len - 1) != here)
                g_array_append_val (a->part_starts, here);
            }
          break;

        case CHAR_UNSPACED:
          end_word (a);
          g_string_append_unichar (a->compact, ch);
          a->n_chars++;
          if (a->run > 0)
            {
              guint64 key = sih_search_gram_key (a->last_unspaced, ch);
              g_array_append_val (a->grams, key);
            }
          a->last_unspaced = ch;
          a->run++;
          break;

        case CHAR_MARK:
        case CHAR_WORD:
        default:
          end_run (a);
          if (ch < 0x80)
            {
              if (a->word_chars < MAX_WORD_CHARS)
                g_string_append_c (a->text, (char)ch);
              g_string_append_c (a->compact, (char)ch);
            }
          else
            {
              if (a->word_chars < MAX_WORD_CHARS)
                g_string_append_unichar (a->text, ch);
              g_string_append_unichar (a->compact, ch);
            }
          a->word_chars++;
          a->n_chars++;
          break;
        }
      last = cls;
    }

  a->open_word = last == CHAR_WORD;
  a->open_run = last == CHAR_UNSPACED;
  end_word (a);
  end_run (a);
  if (a->kana_words != NULL)
    end_kana_word (a);
}

/**
 * sih_search_match_form:
 * @text: text folded by sih_text_fold_width_and_case() and
 *   sih_text_fold_variants()
 *
 * The text as search reads it, written out again: katakana as hiragana,
 * punctuation inside a word dropped ("e-mail" is "email", "didn't" is
 * "didnt"), words written with spaces separated by one space, and text
 * written without spaces run together ("コード　こない" is "こーどこない").
 * sih_search_analyze() reads it as it reads @text, so that a phrase can be
 * looked for in it, and replaced, before search reads it.
 *
 * Returns: (transfer full): the text
 */
char *
sih_search_match_form (const char *text)
{
  GString *out = g_string_sized_new (strlen (text));
  CharClass last = CHAR_SEPARATOR;
  gboolean in_word = FALSE;
  gboolean space = FALSE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar ch = (guchar)*p < 0x80 ? (gunichar)*p : sih_text_fold_kana (g_utf8_get_char (p));
      CharClass cls = classify (ch);

      if (cls == CHAR_MARK)
        cls = last == CHAR_UNSPACED ? CHAR_UNSPACED : CHAR_WORD;

      switch (cls)
        {
        case CHAR_SEPARATOR:
          space |= in_word;
          in_word = FALSE;
          break;

        case CHAR_PUNCTUATION:
          /* Inside a word it glues; outside, it is nothing. */
          break;

        case CHAR_UNSPACED:
          in_word = FALSE;
          space = FALSE;
          g_string_append_unichar (out, ch);
          break;

        case CHAR_MARK:
        case CHAR_WORD:
        default:
          if (space)
            g_string_append_c (out, ' ');
          space = FALSE;
          in_word = TRUE;
          g_string_append_unichar (out, ch);
          break;
        }
      last = cls;
    }

  /* Text that ends after a word or a character ends the same way, so that
   * what is being typed is read as such. */
  if (out->len > 0 && (last == CHAR_SEPARATOR || last == CHAR_PUNCTUATION))
    g_string_append_c (out, ' ');

  return g_string_free (out, FALSE);
}

/**
 * sih_search_normalize:
 * @text: any text
 *
 * The form search compares texts in: NFKC, case-folded, katakana as
 * hiragana, without spaces and punctuation.  "ＰＡＳＳ－ｗｏｒｄ" and
 * "pass word" both become "password", "ｺｰﾄﾞ" becomes "こーど".
 *
 * Returns: (transfer full): the normalised text
 */
char *
sih_search_normalize (const char *text)
{
  Analysis a;
  char *result;

  g_return_val_if_fail (text != NULL, NULL);

  sih_search_analysis_init (&a, FALSE);
  sih_search_analyze (&a, text);
  result = g_strndup (a.compact->str, a.compact->len);
  sih_search_analysis_clear (&a);
  return result;
}

