/* sih-text-fold.c: text folded so that what people type matches what is shown
 *
 * One place for the folding that search, the start page's message box
 * and the saved-cases filter share: "ＰＡＳＳＷＯＲＤ", "Password" and
 * "password" are one text, and so are "パスワード", "ﾊﾟｽﾜｰﾄﾞ", "ぱすわーど"
 * and "パスワ－ド" (a dash typed for the long-vowel mark), and
 * "アクティビティ" and "アクテイビテイ" (small kana typed large).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "core/sih-text-fold.h"

/* Katakana to hiragana, so that "パスワード" and "ぱすわーど" match; the
 * prolonged sound mark stays as it is, a letter in both. */
gunichar
sih_text_fold_kana (gunichar ch)
{
  if (ch >= 0x30A1 && ch <= 0x30F6)
    return ch - 0x60;
  if (ch == 0x30FD || ch == 0x30FE)
    return ch - 0x60;
  return ch;
}

static gboolean
is_kana (gunichar ch)
{
  /* Hiragana and katakana letters, the prolonged sound mark and the
   * iteration marks. */
  return (ch >= 0x3041 && ch <= 0x309F) || (ch >= 0x30A1 && ch <= 0x30FF);
}

/* Dashes people type for the prolonged sound mark ー: the hyphen-minus
 * (what NFKC makes of the full-width －), hyphens, dashes, the minus sign
 * and the horizontal bar.  NFKC already makes the half-width ｰ a ー. */
static gboolean
is_long_vowel_dash (gunichar ch)
{
  return ch == '-' || (ch >= 0x2010 && ch <= 0x2015) || ch == 0x2212 || ch == 0x30FC;
}

/* The small kana, written large: "ァ" is "ア", "っ" is "つ".  Only the
 * letters people type either way; "ゎ" and "ヵ" too. */
gunichar
sih_text_fold_small_kana (gunichar ch)
{
  static const gunichar small[] = {
    0x3041, 0x3043, 0x3045, 0x3047, 0x3049, 0x3063, 0x3083, 0x3085, 0x3087, 0x308E, 0x3095, 0x3096,
    0x30A1, 0x30A3, 0x30A5, 0x30A7, 0x30A9, 0x30C3, 0x30E3, 0x30E5, 0x30E7, 0x30EE, 0x30F5, 0x30F6,
  };
  static const gunichar large[] = {
    0x3042, 0x3044, 0x3046, 0x3048, 0x304A, 0x3064, 0x3084, 0x3086, 0x3088, 0x308F, 0x304B, 0x3051,
    0x30A2, 0x30A4, 0x30A6, 0x30A8, 0x30AA, 0x30C4, 0x30E4, 0x30E6, 0x30E8, 0x30EF, 0x30AB, 0x30B1,
  };

  G_STATIC_ASSERT (G_N_ELEMENTS (small) == G_N_ELEMENTS (large));

  if (ch < 0x3041 || ch > 0x30F6)
    return ch;
  for (guint i = 0; i < G_N_ELEMENTS (small); i++)
    if (small[i] == ch)
      return large[i];
  return ch;
}

/**
 * sih_text_fold_variants:
 * @text: text already folded by sih_text_fold_width_and_case()
 *
 * Spellings of one Japanese word made alike, with katakana left as it is:
 * a dash between two kana is the prolonged sound mark ("パスワ－ド",
 * "パスワ-ド" and "パスワ—ド" are "パスワード"), and small kana are
 * written large ("アクティビティ" and "アクテイビテイ" are one word).
 * Every character stays one character.
 *
 * Returns: (transfer full): the folded text
 */
char *
sih_text_fold_variants (const char *text)
{
  GString *out;
  gunichar prev = 0;

  g_return_val_if_fail (text != NULL, NULL);

  out = g_string_sized_new (strlen (text));
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar ch;

      if ((guchar)*p < 0x80 && *p != '-')
        {
          g_string_append_c (out, *p);
          prev = (guchar)*p;
          continue;
        }
      ch = g_utf8_get_char (p);
      if (is_long_vowel_dash (ch) && is_kana (prev))
        {
          const char *next = g_utf8_next_char (p);

          /* Between kana, or a run of marks ending a kana word ("コード--"
           * is not a word): only before another kana. */
          while (*next != '\0' && is_long_vowel_dash (g_utf8_get_char (next)))
            next = g_utf8_next_char (next);
          if (*next != '\0' && is_kana (g_utf8_get_char (next)))
            ch = 0x30FC;
        }
      ch = sih_text_fold_small_kana (ch);
      g_string_append_unichar (out, ch);
      prev = ch;
    }
  return g_string_free (out, FALSE);
}

/* Characters of the Basic Multilingual Plane that case folding and NFKC
 * leave as they are and that nothing composes with: no case, NFKC maps
 * them to themselves, not a combining mark, not a conjoining Hangul jamo.
 * Most Japanese and English text is only these (and ASCII), and can skip
 * the costly normalisation. */
static const guint8 *
stable_chars (void)
{
  static guint8 *table = NULL;

  if (g_once_init_enter (&table))
    {
      guint8 *stable = g_new0 (guint8, 0x10000);

      for (gunichar ch = 0x80; ch < 0x10000; ch++)
        {
          gunichar decomposed[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];
          GUnicodeType type = g_unichar_type (ch);

          if (type == G_UNICODE_UNASSIGNED || type == G_UNICODE_SURROGATE ||
              type == G_UNICODE_NON_SPACING_MARK || type == G_UNICODE_SPACING_MARK ||
              type == G_UNICODE_ENCLOSING_MARK ||
              (ch >= 0x1100 && ch <= 0x11FF) || (ch >= 0xA960 && ch <= 0xA97F) ||
              (ch >= 0xD7B0 && ch <= 0xD7FF))
            continue;
          if (g_unichar_tolower (ch) != ch || g_unichar_toupper (ch) != ch ||
              g_unichar_totitle (ch) != ch)
            continue;
          /* Precomposed characters ("ガ") are stable if NFKC composes
           * them back; singletons and exclusions are not. */
          if (g_unichar_fully_decompose (ch, TRUE, decomposed, G_N_ELEMENTS (decomposed)) != 1 ||
              decomposed[0] != ch)
            {
              char utf8[8] = { 0 };
              g_autofree char *nfkc = NULL;

              g_unichar_to_utf8 (ch, utf8);
              nfkc = g_utf8_normalize (utf8, -1, G_NORMALIZE_NFKC);
              if (nfkc == NULL || !g_str_equal (nfkc, utf8))
                continue;
            }
          /* Full case folding differs from the simple mappings for a few
           * letters ("ß"), all in these blocks. */
          if (ch < 0x2000 || (ch >= 0xFB00 && ch <= 0xFB4F))
            {
              char utf8[8] = { 0 };
              g_autofree char *folded = NULL;

              g_unichar_to_utf8 (ch, utf8);
              folded = g_utf8_casefold (utf8, -1);
              if (!g_str_equal (folded, utf8))
                continue;
            }
          stable[ch] = 1;
        }
      g_once_init_leave (&table, stable);
    }

  return table;
}

/**
 * sih_text_fold_width_and_case:
 * @text: any text, even text that is not UTF-8
 *
 * NFKC (full-width Latin and digits to ASCII, half-width katakana to
 * full-width) and case folding.
 *
 * Returns: (transfer full) (nullable): the folded text
 */
char *
sih_text_fold_width_and_case (const char *text)
{
  const guint8 *stable = stable_chars ();
  g_autofree char *valid = NULL;
  g_autofree char *nfkc = NULL;
  g_autofree char *folded = NULL;
  const char *p;

  /* g_utf8_normalize() reads and writes past its buffers on text that
   * is not UTF-8, and search takes whatever is typed or pasted. */
  if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);

  /* ASCII only needs its case lowered, and stable characters nothing. */
  for (p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar ch;

      if ((guchar)*p < 0x80)
        continue;
      ch = g_utf8_get_char_validated (p, -1);
      if (ch >= 0x10000 || !stable[ch])
        break;
    }
  if (*p == '\0')
    return g_ascii_strdown (text, -1);

  nfkc = g_utf8_normalize (text, -1, G_NORMALIZE_NFKC);
  if (nfkc == NULL)
    return NULL;
  folded = g_utf8_casefold (nfkc, -1);
  /* Case folding can leave text that is not in NFKC ("ǰ"). */
  if (g_str_equal (folded, nfkc))
    return g_steal_pointer (&folded);
  return g_utf8_normalize (folded, -1, G_NORMALIZE_NFKC);
}

/**
 * sih_text_fold:
 * @text: any text, even text that is not UTF-8
 *
 * sih_text_fold_width_and_case(), sih_text_fold_variants(), then katakana
 * folded to hiragana: what to compare when looking for one text inside
 * another.
 *
 * Returns: (transfer full): the folded text
 */
char *
sih_text_fold (const char *text)
{
  g_autofree char *width = NULL;
  g_autofree char *folded = NULL;
  GString *out;

  g_return_val_if_fail (text != NULL, NULL);

  width = sih_text_fold_width_and_case (text);
  if (width == NULL)
    return g_strdup ("");
  folded = sih_text_fold_variants (width);

  out = g_string_sized_new (strlen (folded));
  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      if ((guchar)*p < 0x80)
        g_string_append_c (out, *p);
      else
        g_string_append_unichar (out, sih_text_fold_kana (g_utf8_get_char (p)));
    }
  return g_string_free (out, FALSE);
}
