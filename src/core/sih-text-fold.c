/* sih-text-fold.c: text folded so that what people type matches what is shown
 *
 * One place for the folding that search, the start page's message box
 * and the saved-cases filter share: "ＰＡＳＳＷＯＲＤ", "Password" and
 * "password" are one text, and so are "パスワード", "ﾊﾟｽﾜｰﾄﾞ" and "ぱすわーど".
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
 * sih_text_fold_width_and_case(), then katakana folded to hiragana: what
 * to compare when looking for one text inside another.
 *
 * Returns: (transfer full): the folded text
 */
char *
sih_text_fold (const char *text)
{
  g_autofree char *folded = NULL;
  GString *out;

  g_return_val_if_fail (text != NULL, NULL);

  folded = sih_text_fold_width_and_case (text);
  if (folded == NULL)
    return g_strdup ("");

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
