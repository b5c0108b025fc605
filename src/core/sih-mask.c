/* sih-mask.c
 *
 * Everything here works on a "view" of the text: one entry per character
 * holding the character's ASCII form when its NFKC normalisation is a
 * single ASCII character (so that full-width digits, the full-width
 * hyphen and the ideographic space match like their ASCII forms) and
 * OTHER otherwise.  Matches are found on the view and reported as byte
 * offsets into the original text, so nothing the user typed is rewritten
 * except what is masked.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "core/sih-lexicon.h"
#include "core/sih-mask.h"

#define OTHER '\x01'

/* E.164: no phone number has more digits. */
#define MAX_PHONE_DIGITS 15

typedef enum
{
  TAKEN_NONE,
  TAKEN_CONTACT,
  TAKEN_SECRET,
  TAKEN_IGNORED,  /* "error code 5001": not a secret, whatever else it looks like */
} Taken;

typedef struct
{
  guint     n;
  char     *norm;      /* n + 1: ASCII form or OTHER, NUL-terminated */
  gunichar *chars;     /* n: the characters as written */
  gsize    *offsets;   /* n + 1: byte offset of each character */
  guint8   *taken;     /* n: Taken */
} View;

G_DEFINE_BOXED_TYPE (SihMaskMatch, sih_mask_match, sih_mask_match_copy, sih_mask_match_free)

SihMaskMatch *
sih_mask_match_copy (const SihMaskMatch *match)
{
  SihMaskMatch *copy;

  g_return_val_if_fail (match != NULL, NULL);

  copy = g_memdup2 (match, sizeof *match);
  copy->masked = g_strdup (match->masked);
  return copy;
}

void
sih_mask_match_free (SihMaskMatch *match)
{
  if (match == NULL)
    return;
  g_free (match->masked);
  g_free (match);
}

static gboolean
is_dash (gunichar ch)
{
  return (ch >= 0x2010 && ch <= 0x2015) || ch == 0x2212 || ch == 0xFE58 || ch == 0xFE63 ||
         ch == 0xFF0D;
}

static char
ascii_form (gunichar ch)
{
  char buf[8];
  g_autofree char *normalized = NULL;
  int len;

  if (ch < 0x80)
    return (char)ch;
  if (is_dash (ch))
    return '-';
  if (g_unichar_isspace (ch))
    return ' ';
  /* Without normalizing what is common in Japanese text: full-width ASCII
   * is ASCII moved up, and kana, ideographs, Hangul syllables and U+FFFD
   * have no compatibility form that is ASCII. */
  if (ch >= 0xFF01 && ch <= 0xFF5E)
    return (char)(ch - 0xFEE0);
  if ((ch >= 0x3041 && ch <= 0x30FF) || (ch >= 0x4E00 && ch <= 0x9FFF) ||
      (ch >= 0xAC00 && ch <= 0xD7A3) || ch == 0xFFFD)
    return OTHER;

  len = g_unichar_to_utf8 (ch, buf);
  normalized = g_utf8_normalize (buf, len, G_NORMALIZE_NFKC);
  if (normalized != NULL && normalized[0] != '\0' && (guchar)normalized[0] < 0x80 &&
      normalized[1] == '\0')
    return normalized[0];

  return OTHER;
}

static void
view_init (View       *v,
           const char *text)
{
  glong n = g_utf8_strlen (text, -1);
  const char *p = text;

  v->n = (guint)n;
  v->norm = g_new0 (char, n + 1);
  v->chars = g_new0 (gunichar, n + 1);
  v->offsets = g_new0 (gsize, n + 1);
  v->taken = g_new0 (guint8, n + 1);

  for (guint i = 0; i < v->n; i++, p = g_utf8_next_char (p))
    {
      gunichar ch = g_utf8_get_char (p);

      v->chars[i] = ch;
      v->offsets[i] = p - text;
      v->norm[i] = ascii_form (ch);
      /* The prolonged sound mark is typed for a hyphen between digits
       * ("090ー1234ー5678"); anywhere else it is part of a word. */
      if ((ch == 0x30FC || ch == 0xFF70) && i > 0 && g_ascii_isdigit (v->norm[i - 1]))
        v->norm[i] = '-';
    }
  v->offsets[v->n] = p - text;
}

static void
view_clear (View *v)
{
  g_free (v->norm);
  g_free (v->chars);
  g_free (v->offsets);
  g_free (v->taken);
}

static char
at (const View *v,
    gint64      i)
{
  if (i < 0 || i >= v->n)
    return '\0';
  return v->norm[i];
}

static gboolean
digit_at (const View *v,
          gint64      i)
{
  return g_ascii_isdigit (at (v, i));
}

static gboolean
alpha_at (const View *v,
          gint64      i)
{
  return g_ascii_isalpha (at (v, i));
}

static gboolean
alnum_at (const View *v,
          gint64      i)
{
  return g_ascii_isalnum (at (v, i));
}

static gboolean
range_free (const View *v,
            guint       start,
            guint       end)
{
  for (guint i = start; i < end; i++)
    if (v->taken[i] != TAKEN_NONE)
      return FALSE;
  return TRUE;
}

static void
add_match (GPtrArray       *matches,
           View            *v,
           SihMaskKind      kind,
           SihSecretReason  reason,
           guint            start,
           guint            end,
           char            *masked)
{
  SihMaskMatch *match = g_new0 (SihMaskMatch, 1);

  match->kind = kind;
  match->reason = reason;
  match->start = v->offsets[start];
  match->end = v->offsets[end];
  match->masked = masked;
  g_ptr_array_add (matches, match);

  memset (v->taken + start, kind == SIH_MASK_KIND_SECRET ? TAKEN_SECRET : TAKEN_CONTACT,
          end - start);
}

/* E-mail addresses */

static gboolean
is_local_char (char c)
{
  return g_ascii_isalnum (c) || (c != '\0' && strchr ("._%+-", c) != NULL);
}

static gboolean
is_domain_char (char c)
{
  return g_ascii_isalnum (c) || c == '.' || c == '-';
}

/* Second-level labels under which a two-letter country code is a public
 * suffix: example.co.jp, example.ne.jp, example.com.au, example.org.uk. */
static const char * const second_level[] = {
  "co", "ne", "or", "ac", "go", "ad", "ed", "gr", "lg", "com", "net", "org", "gov", "edu",
};

static gboolean
is_second_level (const char *label,
                 gsize       len)
{
  for (guint i = 0; i < G_N_ELEMENTS (second_level); i++)
    if (strlen (second_level[i]) == len && g_ascii_strncasecmp (label, second_level[i], len) == 0)
      return TRUE;
  return FALSE;
}

/* Checks the domain in @v->norm[@start, @end) and writes its masked form. */
static gboolean
mask_domain (const View *v,
             guint       start,
             guint       end,
             GString    *out)
{
  g_autoptr(GArray) labels = g_array_new (FALSE, FALSE, sizeof (guint)); /* start of each label */
  guint n_labels, tld, tld_len, n_suffix = 1;

  g_array_append_val (labels, start);
  for (guint i = start; i < end; i++)
    if (v->norm[i] == '.')
      {
        guint next = i + 1;
        g_array_append_val (labels, next);
      }
  n_labels = labels->len;
  if (n_labels < 2)
    return FALSE;

  for (guint l = 0; l < n_labels; l++)
    {
      guint s = g_array_index (labels, guint, l);
      guint e = l + 1 < n_labels ? g_array_index (labels, guint, l + 1) - 1 : end;

      if (e <= s || v->norm[s] == '-' || v->norm[e - 1] == '-')
        return FALSE;
    }

  tld = g_array_index (labels, guint, n_labels - 1);
  tld_len = end - tld;
  if (tld_len < 2)
    return FALSE;
  for (guint i = tld; i < end; i++)
    if (!g_ascii_isalpha (v->norm[i]))
      return FALSE;

  if (n_labels >= 3 && tld_len == 2)
    {
      guint s = g_array_index (labels, guint, n_labels - 2);
      if (is_second_level (v->norm + s, tld - 1 - s))
        n_suffix = 2;
    }

  for (guint l = 0; l < n_labels - n_suffix; l++)
    {
      g_string_append_c (out, v->norm[g_array_index (labels, guint, l)]);
      g_string_append (out, "***.");
    }
  g_string_append_len (out, v->norm + g_array_index (labels, guint, n_labels - n_suffix),
                       end - g_array_index (labels, guint, n_labels - n_suffix));
  return TRUE;
}

static void
find_emails (View      *v,
             GPtrArray *matches)
{
  for (guint i = 0; i < v->n; i++)
    {
      guint s, e;
      g_autoptr(GString) masked = NULL;

      if (v->norm[i] != '@')
        continue;

      /* Not back into the address before ("a@b.cd@e.fg"): matches never
       * overlap. */
      s = i;
      while (s > 0 && is_local_char (v->norm[s - 1]) && v->taken[s - 1] == TAKEN_NONE)
        s--;
      while (s < i && v->norm[s] == '.')
        s++;
      if (s == i)
        continue;

      e = i + 1;
      while (e < v->n && is_domain_char (v->norm[e]))
        e++;
      /* A sentence's full stop is not part of the domain. */
      while (e > i + 1 && (v->norm[e - 1] == '.' || v->norm[e - 1] == '-'))
        e--;
      if (e == i + 1)
        continue;

      masked = g_string_new (NULL);
      g_string_append_c (masked, v->norm[s]);
      g_string_append (masked, "***@");
      if (!mask_domain (v, i + 1, e, masked))
        continue;

      add_match (matches, v, SIH_MASK_KIND_EMAIL, SIH_SECRET_REASON_NONE, s, e,
                 g_string_free (g_steal_pointer (&masked), FALSE));
      i = e - 1;
    }
}

/* Phone numbers */

static gboolean
chunk_starts_at (const View *v,
                 guint       i)
{
  if (digit_at (v, i))
    return TRUE;
  if (at (v, i) == '(' && digit_at (v, i + 1))
    return TRUE;
  if (at (v, i) == '+')
    return digit_at (v, i + 1) || (at (v, i + 1) == '(' && digit_at (v, i + 2));
  return FALSE;
}

/* A chunk is digit groups joined by "-", "." or parentheses, with an
 * optional "+" in front: "+81", "(03)", "090-1234-5678".  Returns the
 * index after it, or 0 when there is none at @i. */
static guint
parse_chunk (const View *v,
             guint       i)
{
  guint p = i, end = 0;
  gboolean open = FALSE;

  if (at (v, p) == '+')
    p++;
  if (at (v, p) == '(')
    {
      open = TRUE;
      p++;
    }
  if (!digit_at (v, p))
    return 0;

  for (;;)
    {
      guint q;

      while (digit_at (v, p))
        p++;
      end = p;

      q = p;
      if (open && at (v, q) == ')')
        {
          open = FALSE;
          q++;
          end = q;
        }
      if (at (v, q) == '-' || at (v, q) == '.')
        q++;
      if (!open && at (v, q) == '(' && digit_at (v, q + 1))
        {
          open = TRUE;
          q++;
        }
      if (!digit_at (v, q))
        break;
      p = q;
    }

  return end;
}

/* Whether the characters around [@start, @end) let it stand alone rather
 * than being part of a longer number, a date or an identifier. */
static gboolean
stands_alone (const View *v,
              guint       start,
              guint       end)
{
  char before = at (v, (gint64)start - 1);
  char after = at (v, end);

  if (g_ascii_isalnum (before) || before == '_')
    return FALSE;
  if ((before == '-' || before == '/') && alnum_at (v, (gint64)start - 2))
    return FALSE;
  if ((before == '.' || before == ',' || before == ':') && digit_at (v, (gint64)start - 2))
    return FALSE;

  if (g_ascii_isalnum (after) || after == '_' || after == '@')
    return FALSE;
  if ((after == '-' || after == '/') && alnum_at (v, end + 1))
    return FALSE;
  if ((after == '.' || after == ',' || after == ':') && digit_at (v, end + 1))
    return FALSE;

  return TRUE;
}

typedef struct
{
  char     digits[16];
  guint    n_digits;
  guint    groups[16];
  guint    n_groups;
  gboolean plus;
  gboolean only_dots;
} Number;

static gboolean
read_number (const View *v,
             guint       start,
             guint       end,
             Number     *number)
{
  gboolean in_group = FALSE;

  memset (number, 0, sizeof *number);
  number->plus = v->norm[start] == '+';
  number->only_dots = TRUE;

  for (guint i = start; i < end; i++)
    {
      char c = v->norm[i];

      if (g_ascii_isdigit (c))
        {
          if (number->n_digits == G_N_ELEMENTS (number->digits))
            return FALSE;
          number->digits[number->n_digits++] = c;
          if (!in_group)
            {
              if (number->n_groups == G_N_ELEMENTS (number->groups))
                return FALSE;
              number->n_groups++;
            }
          number->groups[number->n_groups - 1]++;
          in_group = TRUE;
        }
      else
        {
          if (c != '.' && c != '+')
            number->only_dots = FALSE;
          in_group = FALSE;
        }
    }

  return TRUE;
}

static gboolean
is_phone_number (const Number *number)
{
  const guint *g = number->groups;

  if (number->n_digits < 7 || number->n_digits > MAX_PHONE_DIGITS)
    return FALSE;

  if (number->plus)
    return number->n_digits >= 8 && number->digits[0] != '0';

  if (number->digits[0] == '0' && number->digits[1] != '0')
    {
      gboolean ip_like = number->only_dots && number->n_groups == 4;

      for (guint i = 0; ip_like && i < number->n_groups; i++)
        ip_like = g[i] <= 3;
      return !ip_like && (number->n_digits == 10 || number->n_digits == 11);
    }

  if (number->n_groups == 3 && g[0] == 3 && g[1] == 3 && g[2] == 4)
    return number->digits[0] >= '2';
  if (number->n_groups == 4 && g[0] == 1 && g[1] == 3 && g[2] == 3 && g[3] == 4)
    return number->digits[0] == '1' && number->digits[1] >= '2';

  return FALSE;
}

static guint
digits_to_keep (guint national)
{
  if (national >= 10)
    return 4;
  if (national >= 8)
    return 3;
  if (national >= 6)
    return 2;
  return 0;
}

/* Masks the digits of [@start, @end); other characters are copied in their
 * ASCII form when they have one. */
static char *
mask_number (const View *v,
             guint       start,
             guint       end)
{
  GString *out = g_string_new (NULL);
  guint n_digits = 0, cc = 0, keep, digit = 0;
  gint64 first = -1;

  for (guint i = start; i < end; i++)
    if (g_ascii_isdigit (v->norm[i]))
      {
        if (first < 0)
          first = i;
        n_digits++;
      }

  /* "+81 90-…", "+81-90-…": the country code stays. */
  if (first > 0 && v->norm[first - 1] == '+')
    {
      guint len = 0;

      while (first + len < end && g_ascii_isdigit (v->norm[first + len]))
        len++;
      if (len <= 3 && len < n_digits)
        cc = len;
    }

  keep = digits_to_keep (n_digits - cc);

  for (guint i = start; i < end; i++)
    {
      char c = v->norm[i];

      if (g_ascii_isdigit (c))
        {
          if (digit < cc || digit + keep >= n_digits)
            g_string_append_c (out, c);
          else
            g_string_append_c (out, '*');
          digit++;
        }
      else if (c != OTHER)
        g_string_append_c (out, c);
      else
        g_string_append_unichar (out, v->chars[i]);
    }

  return g_string_free (out, FALSE);
}

static void
find_phones (View      *v,
             GPtrArray *matches)
{
  g_autoptr(GArray) chunks = g_array_new (FALSE, FALSE, sizeof (guint) * 2);

  for (guint i = 0; i < v->n;)
    {
      guint j = i;

      if (!chunk_starts_at (v, i) || (i > 0 && (digit_at (v, i - 1) || v->norm[i - 1] == '+')))
        {
          i++;
          continue;
        }

      /* Chunks separated by single spaces: "+81 90-1234-5678", "(03) 1234-5678". */
      g_array_set_size (chunks, 0);
      for (;;)
        {
          guint end = parse_chunk (v, j);
          guint pair[2] = { j, end };

          if (end == 0)
            break;
          g_array_append_val (chunks, pair);
          if (at (v, end) == ' ' && chunk_starts_at (v, end + 1))
            j = end + 1;
          else
            break;
        }

      if (chunks->len == 0)
        {
          i++;
          continue;
        }

      /* The longest run of chunks from each start that is a phone number:
       * a date after a number ("090-1234-5678 2026-11-25") stays out.
       * Every chunk has a digit and no phone number has more than
       * MAX_PHONE_DIGITS, so longer runs are not tried: a text of many
       * numbers ("4821 4821 4821 …") is read in linear time. */
      for (guint a = 0; a < chunks->len;)
        {
          gint64 found = -1;
          gint64 last = MIN ((gint64)chunks->len - 1, (gint64)a + MAX_PHONE_DIGITS - 1);

          for (gint64 b = last; b >= (gint64)a && found < 0; b--)
            {
              guint start = ((guint *)chunks->data)[2 * a];
              guint end = ((guint *)chunks->data)[2 * b + 1];
              Number number;

              if (read_number (v, start, end, &number) && is_phone_number (&number) &&
                  range_free (v, start, end) && stands_alone (v, start, end))
                {
                  /* "（090-1234-5678）": the parentheses are the sentence's. */
                  if (v->norm[start] == '(' && v->norm[end - 1] == ')' &&
                      memchr (v->norm + start + 1, '(', end - start - 2) == NULL &&
                      memchr (v->norm + start + 1, ')', end - start - 2) == NULL)
                    {
                      start++;
                      end--;
                    }
                  add_match (matches, v, SIH_MASK_KIND_PHONE, SIH_SECRET_REASON_NONE, start, end,
                             mask_number (v, start, end));
                  found = b;
                }
            }
          a = found >= 0 ? (guint)found + 1 : a + 1;
        }

      i = ((guint *)chunks->data)[2 * (chunks->len - 1) + 1];
    }
}

/* Secrets */

static gboolean
matches_word_at (const View *v,
                 guint       i,
                 const char *word,
                 guint      *n_chars)
{
  const char *p = word;
  guint k = 0;

  for (; *p != '\0'; p = g_utf8_next_char (p), k++)
    {
      gunichar ch = g_utf8_get_char (p);

      if (i + k >= v->n)
        return FALSE;
      if (ch < 0x80)
        {
          if (g_ascii_tolower (v->norm[i + k]) != (char)ch)
            return FALSE;
        }
      else if (v->chars[i + k] != ch)
        return FALSE;
    }

  *n_chars = k;
  return TRUE;
}

/* Whether the word before @i (spaces skipped) is one of @words. */
static gboolean
preceded_by (const View         *v,
             guint               i,
             const char * const *words)
{
  gint64 end = i;

  while (end > 0 && (v->norm[end - 1] == ' ' || v->norm[end - 1] == '-'))
    end--;

  for (guint w = 0; words[w] != NULL; w++)
    {
      glong len = g_utf8_strlen (words[w], -1);
      gint64 start = end - len;
      guint n;

      if (start < 0 || !matches_word_at (v, (guint)start, words[w], &n))
        continue;
      if ((guchar)words[w][0] < 0x80 && alpha_at (v, start - 1))
        continue;
      return TRUE;
    }

  return FALSE;
}




static gboolean
in_list (const char         *word,
         gsize               len,
         const char * const *list)
{
  for (guint i = 0; list[i] != NULL; i++)
    if (strlen (list[i]) == len && g_ascii_strncasecmp (word, list[i], len) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
is_token_char (char c)
{
  return c > ' ' && c < 0x7F;
}

/* The value after a label: "password: <hunter2>", "コードは「<998877>」".
 * Returns the index just after the label's connector, and the value in
 * [@start, @end); @explicit is set after ":" or "=". */
static void
find_value (const View *v,
            guint       p,
            guint      *start,
            guint      *end,
            gboolean   *explicit)
{
  guint n;

  *explicit = FALSE;
  while (at (v, p) == ' ' || at (v, p) == '\t')
    p++;
  if (at (v, p) == ':' || at (v, p) == '=')
    {
      *explicit = TRUE;
      p++;
    }
  else if (v->chars[p] == 0x306F /* は */ || v->chars[p] == 0x304C /* が */)
    p++;
  else if ((matches_word_at (v, p, "is", &n) || matches_word_at (v, p, "was", &n)) &&
           at (v, p + n) == ' ')
    p += n;
  while (at (v, p) == ' ' || at (v, p) == '\t')
    p++;
  if (at (v, p) == '"' || at (v, p) == '\'' || at (v, p) == '(' ||
      v->chars[p] == 0x300C /* 「 */ || v->chars[p] == 0x300E /* 『 */)
    p++;

  *start = p;
  while (is_token_char (at (v, p)))
    p++;
  while (p > *start && strchr (".,;:)]}\"'", v->norm[p - 1]) != NULL)
    p--;
  *end = p;
}

/* Whether one of secret_words could start at @i: the first characters of
 * the words, gathered once, so that most positions are passed over
 * without trying every word. */
static gboolean
may_start_secret_word (const View *v,
                       guint       i)
{
  static gsize initialized = 0;
  static gboolean ascii[128];
  static gunichar others[SIH_LEXICON_N_SECRET_WORDS];
  static guint n_others = 0;
  static gunichar lowest_other = G_MAXUINT32;
  char c;

  if (g_once_init_enter (&initialized))
    {
      for (guint w = 0; w < SIH_LEXICON_N_SECRET_WORDS; w++)
        {
          gunichar ch = g_utf8_get_char (sih_lexicon_secret_words[w]);

          if (ch < 0x80)
            ascii[ch] = TRUE;
          else
            {
              others[n_others++] = ch;
              lowest_other = MIN (lowest_other, ch);
            }
        }
      g_once_init_leave (&initialized, 1);
    }

  c = g_ascii_tolower (v->norm[i]);
  if ((guchar)c < 0x80 && ascii[(guchar)c])
    return TRUE;
  if (v->chars[i] < lowest_other)
    return FALSE;
  for (guint k = 0; k < n_others; k++)
    if (v->chars[i] == others[k])
      return TRUE;
  return FALSE;
}

static void
find_labelled (View      *v,
               GPtrArray *matches)
{
  for (guint i = 0; i < v->n; i++)
    {
      if (!may_start_secret_word (v, i))
        continue;

      for (guint w = 0; w < SIH_LEXICON_N_SECRET_WORDS; w++)
        {
          const char *word = sih_lexicon_secret_words[w];
          gboolean explicit, has_digit = FALSE;
          guint len, start, end;

          if (!matches_word_at (v, i, word, &len))
            continue;
          if ((guchar)word[0] < 0x80 && (alpha_at (v, (gint64)i - 1) || alpha_at (v, i + len)))
            continue;

          find_value (v, i + len, &start, &end, &explicit);
          if (!range_free (v, start, end))
            break;

          if ((g_str_equal (word, "code") || g_str_equal (word, "コード")) &&
              preceded_by (v, i, sih_lexicon_not_secret_codes))
            {
              memset (v->taken + start, TAKEN_IGNORED, end - start);
              break;
            }

          for (guint k = start; k < end; k++)
            has_digit |= g_ascii_isdigit (v->norm[k]);

          if (end - start >= 4 &&
              (has_digit || (explicit && !in_list (v->norm + start, end - start, sih_lexicon_state_words))))
            add_match (matches, v, SIH_MASK_KIND_SECRET, SIH_SECRET_REASON_LABELLED, start, end,
                       g_strdup (_("[hidden]")));
          break;
        }
    }
}

static gboolean
is_mixed_exception (const char *token,
                    gsize       len)
{
  g_autofree char *t = g_strndup (token, len);
  gsize letters = 0, digits = 0, uppers = 0;
  const char *slash;

  /* Addresses, paths and "Product/1.2.3" are not passwords. */
  if (strstr (t, "://") != NULL || g_str_has_prefix (t, "www.") || t[0] == '/' ||
      g_str_has_prefix (t, "~/"))
    return TRUE;
  slash = strchr (t, '/');
  if (slash != NULL && slash > t && g_ascii_isdigit (slash[1]))
    {
      const char *p;

      for (p = t; p < slash && g_ascii_isalnum (*p); p++)
        ;
      if (p == slash)
        {
          for (p = slash + 1; *p != '\0' && (g_ascii_isdigit (*p) || *p == '.'); p++)
            ;
          if (*p == '\0')
            return TRUE;
        }
    }

  /* A version: "128.5.0esr" (Firefox ESR), "2.0-beta". */
  {
    gsize i = 0;
    gboolean version;

    while (i < len && g_ascii_isdigit (t[i]))
      i++;
    version = i > 0 && i + 1 < len && t[i] == '.' && g_ascii_isdigit (t[i + 1]);
    for (; version && i < len; i++)
      version = g_ascii_islower (t[i]) || g_ascii_isdigit (t[i]) || strchr (".+-", t[i]) != NULL;
    if (version)
      return TRUE;
  }

  /* Words joined by "/" or "-" without any digit: "GNU/Linux",
   * "Wi-Fi/Bluetooth", "Sign-In". */
  {
    gboolean only_words = TRUE;

    for (gsize i = 0; i < len && only_words; i++)
      only_words = g_ascii_isalpha (t[i]) ||
                   ((t[i] == '/' || t[i] == '-') && i > 0 && i + 1 < len &&
                    g_ascii_isalpha (t[i - 1]) && g_ascii_isalpha (t[i + 1]));
    if (only_words)
      return TRUE;
  }

  /* A product name with one capital and a one- or two-digit number:
   * "Windows11", "iPhone15", "Android14". */
  while (letters < len && g_ascii_isalpha (t[letters]))
    uppers += g_ascii_isupper (t[letters++]) ? 1 : 0;
  while (letters + digits < len && g_ascii_isdigit (t[letters + digits]))
    digits++;
  if (letters + digits == len && uppers == 1 && digits >= 1 && digits <= 2)
    return TRUE;

  return FALSE;
}

static void
find_mixed (View      *v,
            GPtrArray *matches)
{
  for (guint i = 0; i < v->n;)
    {
      guint s = i, e;
      gboolean upper = FALSE, lower = FALSE, digit = FALSE, symbol = FALSE;

      if (!is_token_char (v->norm[i]))
        {
          i++;
          continue;
        }
      while (i < v->n && is_token_char (v->norm[i]))
        i++;
      e = i;

      while (s < e && strchr ("([{\"'<", v->norm[s]) != NULL)
        s++;
      while (e > s && strchr (".,;:)]}\"'>", v->norm[e - 1]) != NULL)
        e--;
      if (e - s < 8 || !range_free (v, s, e))
        continue;

      for (guint k = s; k < e; k++)
        {
          char c = v->norm[k];

          upper |= g_ascii_isupper (c);
          lower |= g_ascii_islower (c);
          digit |= g_ascii_isdigit (c);
          symbol |= !g_ascii_isalnum (c);
        }
      if (upper + lower + digit + symbol >= 3 && !is_mixed_exception (v->norm + s, e - s))
        add_match (matches, v, SIH_MASK_KIND_SECRET, SIH_SECRET_REASON_MIXED, s, e,
                   g_strdup (_("[hidden]")));
    }
}


static gboolean
followed_by_unit (const View *v,
                  guint       i)
{
  if (at (v, i) == ' ')
    i++;
  for (guint u = 0; sih_lexicon_amount_units[u] != NULL; u++)
    {
      guint n;

      if (matches_word_at (v, i, sih_lexicon_amount_units[u], &n) &&
          ((guchar)sih_lexicon_amount_units[u][0] >= 0x80 || !alpha_at (v, i + n)))
        return TRUE;
    }
  return FALSE;
}

static gboolean
is_date_like (const char *digits,
              guint       len)
{
  guint64 value = g_ascii_strtoull (digits, NULL, 10);

  if (len == 4)
    return value >= 1900 && value <= 2099;
  if (len == 8)
    {
      guint year = value / 10000, month = (value / 100) % 100, day = value % 100;
      return year >= 1900 && year <= 2099 && g_date_valid_dmy (day, month, year);
    }
  return FALSE;
}

static void
find_digits (View      *v,
             GPtrArray *matches)
{
  for (guint i = 0; i < v->n;)
    {
      guint s = i, e;
      char digits[9];
      char before;

      if (!g_ascii_isdigit (v->norm[i]))
        {
          i++;
          continue;
        }
      while (i < v->n && g_ascii_isdigit (v->norm[i]))
        i++;
      e = i;

      if (e - s < 4 || e - s > 8 || !range_free (v, s, e) || !stands_alone (v, s, e))
        continue;
      before = at (v, (gint64)s - 1);
      if (before == '$' || before == '#' || before == '+' ||
          (s > 0 && (v->chars[s - 1] == 0xA5 || v->chars[s - 1] == 0xFFE5 ||
                     v->chars[s - 1] == 0x20AC || v->chars[s - 1] == 0xA3)))
        continue;
      if (followed_by_unit (v, e))
        continue;
      /* "build 19045", "Ticket: 4711", "受付番号：12345". */
      {
        guint k = s;

        while (k > 0 && (v->norm[k - 1] == ':' || v->norm[k - 1] == ' '))
          k--;
        if (preceded_by (v, k, sih_lexicon_number_names))
          continue;
      }

      for (guint k = 0; k < e - s; k++)
        digits[k] = v->norm[s + k];
      digits[e - s] = '\0';
      if (is_date_like (digits, e - s))
        continue;

      add_match (matches, v, SIH_MASK_KIND_SECRET, SIH_SECRET_REASON_DIGITS, s, e,
                 g_strdup (_("[hidden]")));
    }
}

static int
compare_matches (gconstpointer a,
                 gconstpointer b)
{
  const SihMaskMatch *ma = *(const SihMaskMatch * const *)a;
  const SihMaskMatch *mb = *(const SihMaskMatch * const *)b;

  return ma->start < mb->start ? -1 : ma->start > mb->start;
}

/**
 * sih_mask_find:
 * @text: valid UTF-8
 * @flags: what to report
 *
 * Finds e-mail addresses, phone numbers and secrets in @text.  Phone
 * numbers are never looked for inside e-mail addresses, nor secrets inside
 * either, whatever @flags says, so a match never overlaps another.
 *
 * Returns: (transfer container) (element-type SihMaskMatch): the matches
 *   of the kinds in @flags, in the order they appear
 */
GPtrArray *
sih_mask_find (const char   *text,
               SihMaskFlags  flags)
{
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func ((GDestroyNotify)sih_mask_match_free);
  GPtrArray *matches = g_ptr_array_new_with_free_func ((GDestroyNotify)sih_mask_match_free);
  View v;

  g_return_val_if_fail (text != NULL, matches);
  g_return_val_if_fail (g_utf8_validate (text, -1, NULL), matches);

  view_init (&v, text);
  find_emails (&v, all);
  find_phones (&v, all);
  if (flags & SIH_MASK_SECRETS)
    {
      find_labelled (&v, all);
      find_mixed (&v, all);
      find_digits (&v, all);
    }
  view_clear (&v);

  for (guint i = 0; i < all->len; i++)
    {
      SihMaskMatch *match = g_ptr_array_index (all, i);
      SihMaskFlags flag = match->kind == SIH_MASK_KIND_EMAIL ? SIH_MASK_EMAILS :
                          match->kind == SIH_MASK_KIND_PHONE ? SIH_MASK_PHONES :
                          SIH_MASK_SECRETS;

      if (flags & flag)
        g_ptr_array_add (matches, g_steal_pointer (&all->pdata[i]));
    }
  g_ptr_array_sort (matches, compare_matches);

  return matches;
}

/**
 * sih_mask_find_secrets:
 * @text: valid UTF-8, such as a note
 *
 * Flags what looks like a password or a one-time code, so that the person
 * can take it out before sharing:
 *  - %SIH_SECRET_REASON_LABELLED: the value (4 or more characters without
 *    spaces) after "password", "passcode", "pass", "pw", "pwd", "pin",
 *    "otp", "code", "パスワード", "暗証番号", "暗証", "認証コード",
 *    "確認コード", "コード" and the like, when it has a digit or follows
 *    ":" or "=" ("password: letmein"; "password: reset" is not flagged).
 *    "error code", "status code", "QRコード" and "エラーコード" are no
 *    secrets.
 *  - %SIH_SECRET_REASON_MIXED: a token of 8 or more characters without
 *    spaces mixing three of upper case, lower case, digits and symbols
 *    ("Hunter2!x"), unless it is a web address, a path, "Product/1.2", a
 *    version ("128.5.0esr") or a product name like "Windows11".
 *  - %SIH_SECRET_REASON_DIGITS: a number of 4–8 digits on its own, unless
 *    it is a year (1900–2099), a date (20261125), an amount (¥1500,
 *    1500円, 1500 yen), what a word before it names ("build 19045",
 *    "Ticket 4711", "受付番号 12345") or part of a date, time, version,
 *    phone number or order number.
 *
 * Returns: (transfer container) (element-type SihMaskMatch): the flagged
 *   spans, in the order they appear
 */
GPtrArray *
sih_mask_find_secrets (const char *text)
{
  return sih_mask_find (text, SIH_MASK_SECRETS);
}

/**
 * sih_mask_apply:
 * @text: the text @matches were found in
 * @matches: (element-type SihMaskMatch): non-overlapping, in order
 *
 * Returns: (transfer full): @text with each match replaced by its masked form
 */
char *
sih_mask_apply (const char *text,
                GPtrArray  *matches)
{
  GString *out;
  gsize pos = 0;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (matches != NULL, NULL);

  out = g_string_sized_new (strlen (text));
  for (guint i = 0; i < matches->len; i++)
    {
      const SihMaskMatch *match = g_ptr_array_index (matches, i);

      /* Overlapping matches would leave part of one unmasked. */
      if (match->start < pos || match->end < match->start)
        {
          g_string_free (out, TRUE);
          g_return_val_if_reached (NULL);
        }
      g_string_append_len (out, text + pos, match->start - pos);
      g_string_append (out, match->masked);
      pos = match->end;
    }
  g_string_append (out, text + pos);

  return g_string_free (out, FALSE);
}

/**
 * sih_mask_text:
 * @text: valid UTF-8
 * @flags: what to mask
 *
 * Returns: (transfer full): @text with the e-mail addresses, phone
 *   numbers and secrets selected by @flags masked
 */
char *
sih_mask_text (const char   *text,
               SihMaskFlags  flags)
{
  g_autoptr(GPtrArray) matches = NULL;

  g_return_val_if_fail (text != NULL, NULL);

  matches = sih_mask_find (text, flags);
  return sih_mask_apply (text, matches);
}

/**
 * sih_mask_email:
 * @address: a value entered as an e-mail address
 *
 * Masks a whole field that is meant to hold an e-mail address, even when
 * it is not written like one ("taro at example dot com" → "t***").
 *
 * Returns: (transfer full): the masked value
 */
char *
sih_mask_email (const char *address)
{
  g_autoptr(GPtrArray) matches = NULL;
  g_autofree char *stripped = NULL;
  GString *out;

  g_return_val_if_fail (address != NULL, NULL);

  stripped = g_strstrip (g_strdup (address));
  matches = sih_mask_find (stripped, SIH_MASK_EMAILS);
  if (matches->len > 0)
    return sih_mask_apply (stripped, matches);
  if (*stripped == '\0')
    return g_strdup ("");

  out = g_string_new (NULL);
  g_string_append_unichar (out, g_utf8_get_char (stripped));
  g_string_append (out, "***");
  return g_string_free (out, FALSE);
}

/**
 * sih_mask_phone:
 * @number: a value entered as a phone number
 *
 * Masks a whole field that is meant to hold a phone number, whatever its
 * format: every digit but the country code and the last 2–4 digits
 * becomes "*" (numbers of fewer than 6 digits are masked completely).
 *
 * Returns: (transfer full): the masked value
 */
char *
sih_mask_phone (const char *number)
{
  g_autofree char *stripped = NULL;
  char *masked;
  View v;

  g_return_val_if_fail (number != NULL, NULL);
  g_return_val_if_fail (g_utf8_validate (number, -1, NULL), NULL);

  stripped = g_strstrip (g_strdup (number));
  view_init (&v, stripped);
  masked = mask_number (&v, 0, v.n);
  view_clear (&v);

  return masked;
}
