/* sih-search-lexicon.c: the words people use for sign-in problems, as data
 *
 * data/search/lexicon.json (bundled in the core's resource) says, per
 * language, what callers type and say and which words of the content pack
 * it stands for: synonyms, colloquial and spoken forms, product names and
 * their transliterations, kanji conversion slips ("words"), dialect and
 * casual verb endings ("endings"), groups of English words that stand for
 * each other ("groups"), and other forms of known error messages
 * ("messages").  It grows from evidence: when a caller's phrase finds the
 * wrong cause, the phrase's words go here, with a note.
 *
 * A query is rewritten with it before search reads it
 * (sih_search_lexicon_rewrite()):
 *
 *  1. folded (width, case, a dash between kana as ー, small kana large),
 *     with katakana still katakana;
 *  2. a katakana word of four characters or more that the pack does not
 *     have, and that is one edit from one it has, becomes that word
 *     ("アカウンド" is "アカウント"); shorter words are left alone, as
 *     one edit turns them into too many others;
 *  3. a dialect or casual ending after hiragana, at the end of a phrase,
 *     becomes its standard form ("届かへん" is "届かない");
 *  4. katakana becomes hiragana and the text is written out as search
 *     reads it (sih_search_match_form());
 *  5. each phrase of "words" found in it is replaced by what it means,
 *     longest first; a phrase written with spaces only as whole words.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "core/sih-error.h"
#include "core/sih-json-reader.h"
#include "core/sih-search-analysis.h"
#include "core/sih-search-lexicon.h"
#include "core/sih-text-fold.h"

#define LEXICON_RESOURCE "/io/github/signinhelper/SigninHelper/search/lexicon.json"
#define LEXICON_FORMAT 1

/* What an entry is, for people reading and reviewing the file. */
static const char * const word_kinds[] = {
  "synonym", "colloquial", "product", "transliteration", "slip", NULL
};

/* A phrase of "words", as it is looked for and what replaces it. */
typedef struct
{
  char     *say;     /* match form */
  gsize     say_len;
  char     *means;   /* match form */
  gsize     means_len;
  gboolean  word_start;  /* begins with a letter or digit written with spaces */
  gboolean  word_end;
} Phrase;

/* An ending: folded, katakana kept (endings are hiragana). */
typedef struct
{
  gunichar *say;
  glong     say_len;
  char     *means;
  gunichar *after;   /* what may come before it; NULL: any hiragana */
  gboolean  after_kanji;  /* and before that, a kanji: 届かん, not なんか */
} Ending;

struct _SihSearchLexicon
{
  GArray    *phrases;   /* Phrase, longest say first */
  GArray    *endings;   /* Ending, longest say first */
  GPtrArray *groups;    /* GStrv */
  GArray    *messages;  /* SihLexiconMessage, strings in @strings */
  GPtrArray *kana;      /* katakana words of four characters or more, folded */
  GStringChunk *strings;
};

/* Folding of the steps before the match form: width and case, variants. */
static char *
fold_keep_katakana (const char *text)
{
  g_autofree char *width = sih_text_fold_width_and_case (text);

  return sih_text_fold_variants (width != NULL ? width : "");
}

static char *
match_form (const char *text)
{
  g_autofree char *folded = fold_keep_katakana (text);
  g_autofree char *form = sih_search_match_form (folded);

  return g_strdup (g_strstrip (form));
}

static gboolean
is_katakana (gunichar ch)
{
  return (ch >= 0x30A1 && ch <= 0x30FA) || ch == 0x30FC;
}

static gboolean
is_hiragana (gunichar ch)
{
  return ch >= 0x3041 && ch <= 0x3096;
}

static gboolean
is_word_char (char ch)
{
  return g_ascii_isalnum (ch);
}

/**
 * sih_search_kana_words_add_text:
 * @words: a set of strings
 * @text: any text
 *
 * Adds @text's katakana words of four characters or more, folded, to
 * @words: those a typo of one character is forgiven in.
 */
void
sih_search_kana_words_add_text (GHashTable *words,
                                const char *text)
{
  g_autofree char *folded = fold_keep_katakana (text);
  const char *start = NULL;
  guint n = 0;

  for (const char *p = folded;; p = g_utf8_next_char (p))
    {
      gunichar ch = g_utf8_get_char (p);

      if (*p != '\0' && is_katakana (ch))
        {
          if (start == NULL)
            start = p, n = 0;
          n++;
          continue;
        }
      if (start != NULL && n >= 4 && n <= MAX_WORD_CHARS)
        g_hash_table_add (words, g_strndup (start, p - start));
      start = NULL;
      if (*p == '\0')
        break;
    }
}

/* Loading */

typedef struct
{
  SihJsonReader     reader;
  SihSearchLexicon *lexicon;
  GHashTable       *kana;
} Loader;

/* A non-empty array of non-empty strings. */
static GPtrArray *
read_strings (Loader     *loader,
              JsonObject *object,
              const char *member)
{
  SihJsonArrayIter iter;
  JsonNode *element;
  GPtrArray *strings = g_ptr_array_new ();

  if (sih_json_reader_array_begin (&loader->reader, object, member, TRUE, FALSE, &iter))
    while (sih_json_reader_array_next (&iter, &element))
      {
        const char *text = sih_json_reader_string (&loader->reader, element);

        if (text != NULL)
          g_ptr_array_add (strings, (gpointer)text);
      }
  return strings;
}

/* What a phrase folds to must be something: "、" or " " says nothing. */
static char *
checked_match_form (Loader     *loader,
                    const char *member,
                    const char *text)
{
  char *form = match_form (text);

  if (*form == '\0')
    {
      gsize mark = sih_json_reader_push_member (&loader->reader, member);

      sih_json_reader_fail (&loader->reader, SIH_ERROR_INVALID_VALUE,
                            "“%s” is only spaces and punctuation; expected words", text);
      sih_json_reader_pop (&loader->reader, mark);
      g_clear_pointer (&form, g_free);
    }
  return form;
}

static void
read_word (Loader     *loader,
           JsonNode   *node)
{
  static const char * const members[] = { "kind", "say", "means", "note", NULL };
  JsonObject *object = sih_json_reader_object (&loader->reader, node);
  g_autoptr(GPtrArray) says = NULL;
  g_autofree char *means = NULL;
  const char *means_text;
  const char *kind;

  if (object == NULL || !sih_json_reader_check_members (&loader->reader, object, members))
    return;

  kind = sih_json_reader_get_string (&loader->reader, object, "kind", TRUE);
  if (kind != NULL && !g_strv_contains (word_kinds, kind))
    {
      g_autofree char *expected = g_strjoinv (", ", (char **)word_kinds);
      gsize mark = sih_json_reader_push_member (&loader->reader, "kind");

      sih_json_reader_fail (&loader->reader, SIH_ERROR_INVALID_VALUE,
                            "“%s” is not a kind of word; expected one of: %s", kind, expected);
      sih_json_reader_pop (&loader->reader, mark);
      return;
    }
  sih_json_reader_get_string (&loader->reader, object, "note", FALSE);
  says = read_strings (loader, object, "say");
  means_text = sih_json_reader_get_string (&loader->reader, object, "means", TRUE);
  if (means_text != NULL)
    means = checked_match_form (loader, "means", means_text);
  if (sih_json_reader_failed (&loader->reader))
    return;

  sih_search_kana_words_add_text (loader->kana, means_text);
  for (guint i = 0; i < says->len; i++)
    {
      g_autofree char *say = NULL;
      Phrase phrase = { 0 };

      say = checked_match_form (loader, "say", says->pdata[i]);
      if (say == NULL)
        return;

      phrase.say_len = strlen (say);
      phrase.word_start = is_word_char (say[0]);
      phrase.word_end = is_word_char (say[phrase.say_len - 1]);
      phrase.say = g_steal_pointer (&say);
      phrase.means = g_strdup (means);
      phrase.means_len = strlen (means);
      g_array_append_val (loader->lexicon->phrases, phrase);
      sih_search_kana_words_add_text (loader->kana, says->pdata[i]);
    }
}

static gunichar *
to_chars (const char *text,
          glong      *n)
{
  g_autofree char *folded = fold_keep_katakana (text);

  return g_utf8_to_ucs4_fast (folded, -1, n);
}

static void
read_ending (Loader   *loader,
             JsonNode *node)
{
  static const char * const members[] = { "say", "means", "after", "after_kanji", "note", NULL };
  JsonObject *object = sih_json_reader_object (&loader->reader, node);
  g_autoptr(GPtrArray) says = NULL;
  const char *means;
  const char *after;
  gboolean after_kanji;

  if (object == NULL || !sih_json_reader_check_members (&loader->reader, object, members))
    return;

  says = read_strings (loader, object, "say");
  means = sih_json_reader_get_string (&loader->reader, object, "means", TRUE);
  after = sih_json_reader_get_string (&loader->reader, object, "after", FALSE);
  after_kanji = sih_json_reader_get_boolean (&loader->reader, object, "after_kanji", FALSE);
  sih_json_reader_get_string (&loader->reader, object, "note", FALSE);
  if (sih_json_reader_failed (&loader->reader))
    return;

  for (guint i = 0; i < says->len; i++)
    {
      Ending ending = { 0 };
      glong n;

      ending.say = to_chars (says->pdata[i], &ending.say_len);
      for (glong c = 0; c < ending.say_len; c++)
        if (!is_hiragana (ending.say[c]) && ending.say[c] != 0x30FC)
          {
            gsize mark = sih_json_reader_push_member (&loader->reader, "say");

            sih_json_reader_fail (&loader->reader, SIH_ERROR_INVALID_VALUE,
                                  "“%s”: expected an ending in hiragana (and ー)",
                                  (const char *)says->pdata[i]);
            sih_json_reader_pop (&loader->reader, mark);
            g_free (ending.say);
            return;
          }
      ending.means = fold_keep_katakana (means);
      ending.after = after != NULL ? to_chars (after, &n) : NULL;
      ending.after_kanji = after_kanji;
      g_array_append_val (loader->lexicon->endings, ending);
    }
}

static void
read_group (Loader   *loader,
            JsonNode *node)
{
  GStrvBuilder *builder;
  JsonArray *array;
  guint n;

  if (!JSON_NODE_HOLDS_ARRAY (node) || json_array_get_length (json_node_get_array (node)) < 2)
    {
      sih_json_reader_fail (&loader->reader, SIH_ERROR_TYPE,
                            "expected an array of two words or more");
      return;
    }

  array = json_node_get_array (node);
  n = json_array_get_length (array);
  builder = g_strv_builder_new ();
  for (guint i = 0; i < n && !sih_json_reader_failed (&loader->reader); i++)
    {
      gsize mark = sih_json_reader_push_index (&loader->reader, i);
      const char *word = sih_json_reader_string (&loader->reader, json_array_get_element (array, i));

      /* Groups stand for single words as search splits them: a-z, 0-9. */
      for (const char *p = word; p != NULL && *p != '\0'; p++)
        if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p))
          {
            sih_json_reader_fail (&loader->reader, SIH_ERROR_INVALID_VALUE,
                                  "“%s”: expected one word in lower-case a-z and 0-9", word);
            break;
          }
      if (word != NULL)
        g_strv_builder_add (builder, word);
      sih_json_reader_pop (&loader->reader, mark);
    }
  g_ptr_array_add (loader->lexicon->groups, g_strv_builder_end (builder));
  g_strv_builder_unref (builder);
}

static void
read_language (Loader     *loader,
               JsonObject *object)
{
  static const char * const members[] = { "words", "endings", "groups", NULL };
  SihJsonArrayIter iter;
  JsonNode *element;

  if (!sih_json_reader_check_members (&loader->reader, object, members))
    return;

  if (sih_json_reader_array_begin (&loader->reader, object, "words", FALSE, FALSE, &iter))
    while (sih_json_reader_array_next (&iter, &element))
      read_word (loader, element);
  if (sih_json_reader_array_begin (&loader->reader, object, "endings", FALSE, FALSE, &iter))
    while (sih_json_reader_array_next (&iter, &element))
      read_ending (loader, element);
  if (sih_json_reader_array_begin (&loader->reader, object, "groups", FALSE, FALSE, &iter))
    while (sih_json_reader_array_next (&iter, &element))
      read_group (loader, element);
}

static gboolean
is_language_code (const char *code)
{
  gsize len = strlen (code);

  if (len < 2 || len > 3)
    return FALSE;
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_islower (code[i]))
      return FALSE;
  return TRUE;
}

static void
read_message (Loader   *loader,
              JsonNode *node)
{
  static const char * const members[] = { "lang", "say", "of", "note", NULL };
  JsonObject *object = sih_json_reader_object (&loader->reader, node);
  g_autoptr(GPtrArray) says = NULL;
  const char *language;
  const char *of;

  if (object == NULL || !sih_json_reader_check_members (&loader->reader, object, members))
    return;

  language = sih_json_reader_get_string (&loader->reader, object, "lang", TRUE);
  if (language != NULL && !is_language_code (language))
    {
      gsize mark = sih_json_reader_push_member (&loader->reader, "lang");

      sih_json_reader_fail (&loader->reader, SIH_ERROR_INVALID_VALUE,
                            "“%s”: expected a language code such as “ja” or “en”", language);
      sih_json_reader_pop (&loader->reader, mark);
      return;
    }
  says = read_strings (loader, object, "say");
  of = sih_json_reader_get_string (&loader->reader, object, "of", TRUE);
  sih_json_reader_get_string (&loader->reader, object, "note", FALSE);
  if (sih_json_reader_failed (&loader->reader))
    return;

  for (guint i = 0; i < says->len; i++)
    {
      SihLexiconMessage message = {
        g_string_chunk_insert_const (loader->lexicon->strings, language),
        g_string_chunk_insert_const (loader->lexicon->strings, says->pdata[i]),
        g_string_chunk_insert_const (loader->lexicon->strings, of),
      };

      g_array_append_val (loader->lexicon->messages, message);
    }
}

static void
read_lexicon (Loader     *loader,
              JsonObject *root)
{
  static const char * const members[] = { "format", "about", "languages", "messages", NULL };
  SihJsonArrayIter iter;
  JsonNode *element;
  JsonObject *languages;
  JsonObjectIter member_iter;
  const char *code;
  JsonNode *node;
  gint64 format;

  if (!sih_json_reader_check_members (&loader->reader, root, members))
    return;

  format = sih_json_reader_get_int (&loader->reader, root, "format", 0, TRUE);
  if (!sih_json_reader_failed (&loader->reader) && format != LEXICON_FORMAT)
    {
      gsize mark = sih_json_reader_push_member (&loader->reader, "format");

      sih_json_reader_fail (&loader->reader, SIH_ERROR_FORMAT,
                            "format %" G_GINT64_FORMAT " is not known; expected %d",
                            format, LEXICON_FORMAT);
      sih_json_reader_pop (&loader->reader, mark);
      return;
    }
  sih_json_reader_get_string (&loader->reader, root, "about", FALSE);

  languages = sih_json_reader_get_object (&loader->reader, root, "languages", TRUE);
  if (languages != NULL)
    {
      gsize outer = sih_json_reader_push_member (&loader->reader, "languages");

      json_object_iter_init (&member_iter, languages);
      while (!sih_json_reader_failed (&loader->reader) &&
             json_object_iter_next (&member_iter, &code, &node))
        {
          gsize mark = sih_json_reader_push_member (&loader->reader, code);
          JsonObject *language;

          if (!is_language_code (code))
            sih_json_reader_fail (&loader->reader, SIH_ERROR_INVALID_VALUE,
                                  "expected a language code such as “ja” or “en”");
          else if ((language = sih_json_reader_object (&loader->reader, node)) != NULL)
            read_language (loader, language);
          sih_json_reader_pop (&loader->reader, mark);
        }
      sih_json_reader_pop (&loader->reader, outer);
    }

  if (sih_json_reader_array_begin (&loader->reader, root, "messages", FALSE, FALSE, &iter))
    while (sih_json_reader_array_next (&iter, &element))
      read_message (loader, element);
}

static int
compare_phrases (gconstpointer a,
                 gconstpointer b)
{
  const Phrase *x = a, *y = b;

  /* Longest first; the order of the file among equals. */
  return (x->say_len < y->say_len) - (x->say_len > y->say_len);
}

static int
compare_endings (gconstpointer a,
                 gconstpointer b)
{
  const Ending *x = a, *y = b;

  return (x->say_len < y->say_len) - (x->say_len > y->say_len);
}

static void
phrase_clear (gpointer data)
{
  Phrase *phrase = data;

  g_free (phrase->say);
  g_free (phrase->means);
}

static void
ending_clear (gpointer data)
{
  Ending *ending = data;

  g_free (ending->say);
  g_free (ending->means);
  g_free (ending->after);
}

/**
 * sih_search_lexicon_new_from_bytes:
 * @bytes: a lexicon, in the format of data/search/lexicon.json
 * @display_name: the file's name, for errors
 *
 * Returns: (transfer full) (nullable): the lexicon, or %NULL with @error
 *   set (%SIH_ERROR) naming the file, the place in it and what was
 *   expected, as "lexicon.json: languages.ja.words[3].means: expected a
 *   string, found an array"
 */
SihSearchLexicon *
sih_search_lexicon_new_from_bytes (GBytes      *bytes,
                                   const char  *display_name,
                                   GError     **error)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(SihSearchLexicon) lexicon = NULL;
  g_autoptr(GHashTable) kana = NULL;
  GHashTableIter iter;
  gpointer word;
  JsonObject *root_object;
  Loader loader;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  root = sih_json_parse_bytes (bytes, display_name, error);
  if (root == NULL)
    return NULL;

  lexicon = g_new0 (SihSearchLexicon, 1);
  lexicon->phrases = g_array_new (FALSE, FALSE, sizeof (Phrase));
  g_array_set_clear_func (lexicon->phrases, phrase_clear);
  lexicon->endings = g_array_new (FALSE, FALSE, sizeof (Ending));
  g_array_set_clear_func (lexicon->endings, ending_clear);
  lexicon->groups = g_ptr_array_new_with_free_func ((GDestroyNotify)g_strfreev);
  lexicon->messages = g_array_new (FALSE, FALSE, sizeof (SihLexiconMessage));
  lexicon->strings = g_string_chunk_new (1024);

  kana = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sih_json_reader_init (&loader.reader, display_name);
  loader.lexicon = lexicon;
  loader.kana = kana;
  root_object = sih_json_reader_object (&loader.reader, root);
  if (root_object != NULL)
    read_lexicon (&loader, root_object);
  if (sih_json_reader_failed (&loader.reader))
    {
      g_propagate_error (error, g_steal_pointer (&loader.reader.error));
      sih_json_reader_clear (&loader.reader);
      return NULL;
    }
  sih_json_reader_clear (&loader.reader);

  g_array_sort (lexicon->phrases, compare_phrases);
  g_array_sort (lexicon->endings, compare_endings);

  /* Its katakana words are forgiven a typo too. */
  lexicon->kana = g_ptr_array_new_with_free_func (g_free);
  g_hash_table_iter_init (&iter, kana);
  while (g_hash_table_iter_next (&iter, &word, NULL))
    {
      g_hash_table_iter_steal (&iter);
      g_ptr_array_add (lexicon->kana, word);
    }

  return g_steal_pointer (&lexicon);
}

void
sih_search_lexicon_free (SihSearchLexicon *lexicon)
{
  if (lexicon == NULL)
    return;
  g_array_unref (lexicon->phrases);
  g_array_unref (lexicon->endings);
  g_ptr_array_unref (lexicon->groups);
  g_array_unref (lexicon->messages);
  g_clear_pointer (&lexicon->kana, g_ptr_array_unref);
  g_string_chunk_free (lexicon->strings);
  g_free (lexicon);
}

/**
 * sih_search_lexicon_get_default:
 *
 * The bundled lexicon, data/search/lexicon.json, loaded once.  It is
 * tested, so that it failing to load is a bug: that is logged as a
 * critical and an empty lexicon used.
 *
 * Returns: (transfer none): the lexicon
 */
SihSearchLexicon *
sih_search_lexicon_get_default (void)
{
  static SihSearchLexicon *lexicon = NULL;

  if (g_once_init_enter (&lexicon))
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = g_resources_lookup_data (LEXICON_RESOURCE,
                                                         G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
      SihSearchLexicon *loaded = NULL;

      if (bytes != NULL)
        loaded = sih_search_lexicon_new_from_bytes (bytes, "lexicon.json", &error);
      if (loaded == NULL)
        {
          static const char empty_lexicon[] = "{\"format\":1,\"languages\":{}}";
          g_autoptr(GBytes) empty = g_bytes_new_static (empty_lexicon, sizeof empty_lexicon - 1);

          g_critical ("The search lexicon could not be loaded: %s", error->message);
          loaded = sih_search_lexicon_new_from_bytes (empty, "empty lexicon", NULL);
        }
      g_once_init_leave (&lexicon, loaded);
    }
  return lexicon;
}

guint
sih_search_lexicon_get_n_groups (const SihSearchLexicon *lexicon)
{
  return lexicon->groups->len;
}

/* Returns: (transfer none): a group of words that stand for each other */
const char * const *
sih_search_lexicon_get_group (const SihSearchLexicon *lexicon,
                              guint                   i)
{
  g_return_val_if_fail (i < lexicon->groups->len, NULL);
  return lexicon->groups->pdata[i];
}

guint
sih_search_lexicon_get_n_messages (const SihSearchLexicon *lexicon)
{
  return lexicon->messages->len;
}

const SihLexiconMessage *
sih_search_lexicon_get_message (const SihSearchLexicon *lexicon,
                                guint                   i)
{
  g_return_val_if_fail (i < lexicon->messages->len, NULL);
  return &g_array_index (lexicon->messages, SihLexiconMessage, i);
}

/**
 * sih_search_lexicon_add_kana_words:
 * @words: a set of strings
 *
 * Adds the katakana words of the lexicon's phrases, as
 * sih_search_kana_words_add_text() does.
 */
void
sih_search_lexicon_add_kana_words (const SihSearchLexicon *lexicon,
                                   GHashTable             *words)
{
  for (guint i = 0; i < lexicon->kana->len; i++)
    g_hash_table_add (words, g_strdup (lexicon->kana->pdata[i]));
}

/* Rewriting */

static int
compare_word (gconstpointer key,
              gconstpointer element)
{
  return strcmp (key, *(const char * const *)element);
}

/* Step 2: a katakana word one typo from a word the pack has. */
static char *
fix_kana_typos (const char *text,
                GPtrArray  *kana_words)
{
  GString *out = g_string_sized_new (strlen (text));
  const char *p = text;

  while (*p != '\0')
    {
      const char *start = p;
      guint n = 0;
      gunichar chars[MAX_WORD_CHARS];
      g_autofree char *word = NULL;
      const char *fixed = NULL;

      while (*p != '\0' && is_katakana (g_utf8_get_char (p)))
        {
          if (n < MAX_WORD_CHARS)
            chars[n] = g_utf8_get_char (p);
          n++;
          p = g_utf8_next_char (p);
        }
      if (p == start)
        {
          p = g_utf8_next_char (p);
          g_string_append_len (out, start, p - start);
          continue;
        }

      word = g_strndup (start, p - start);
      if (n >= 4 && n <= MAX_WORD_CHARS &&
          bsearch (word, kana_words->pdata, kana_words->len, sizeof (gpointer), compare_word) == NULL)
        {
          for (guint i = 0; i < kana_words->len && fixed == NULL; i++)
            {
              gunichar known[MAX_WORD_CHARS];
              guint m = 0;

              for (const char *k = kana_words->pdata[i]; *k != '\0' && m < MAX_WORD_CHARS;
                   k = g_utf8_next_char (k))
                known[m++] = g_utf8_get_char (k);
              if (m >= 4 && (m > n ? m - n : n - m) <= 1 &&
                  sih_search_edit_distance (chars, n, known, m, 1) <= 1)
                fixed = kana_words->pdata[i];
            }
        }
      g_string_append (out, fixed != NULL ? fixed : word);
    }

  return g_string_free (out, FALSE);
}

/* What may follow an ending: the end of the text or of a phrase, or a
 * particle. */
static gboolean
ends_phrase (const gunichar *chars,
             glong           i,
             glong           n)
{
  static const gunichar particles[] = {
    0x306E /* の */, 0x3088 /* よ */, 0x306D /* ね */, 0x3051 /* け */, 0x304B /* か */,
    0x3057 /* し */, 0x3067 /* で */, 0x3084 /* や */, 0x304C /* が */, 0x3066 /* て */,
    0x3068 /* と */, 0x3055 /* さ */, 0x306A /* な */, 0x305E /* ぞ */, 0x3064 /* つ */,
  };

  if (i >= n || !is_hiragana (chars[i]))
    return TRUE;
  for (guint k = 0; k < G_N_ELEMENTS (particles); k++)
    if (chars[i] == particles[k])
      return TRUE;
  return FALSE;
}

/* Step 3: dialect and casual endings. */
static char *
standard_endings (const SihSearchLexicon *lexicon,
                  const char             *text)
{
  glong n;
  g_autofree gunichar *chars = g_utf8_to_ucs4_fast (text, -1, &n);
  GString *out = g_string_sized_new (strlen (text));

  for (glong i = 0; i < n; i++)
    {
      const Ending *found = NULL;

      if (i > 0 && is_hiragana (chars[i - 1]))
        for (guint e = 0; e < lexicon->endings->len && found == NULL; e++)
          {
            const Ending *ending = &g_array_index (lexicon->endings, Ending, e);
            gboolean after = ending->after == NULL;

            if (i + ending->say_len > n ||
                memcmp (chars + i, ending->say, ending->say_len * sizeof (gunichar)) != 0 ||
                !ends_phrase (chars, i + ending->say_len, n))
              continue;
            for (const gunichar *a = ending->after; a != NULL && *a != 0 && !after; a++)
              after = *a == chars[i - 1];
            if (after && ending->after_kanji)
              after = i > 1 && g_unichar_get_script (chars[i - 2]) == G_UNICODE_SCRIPT_HAN;
            if (after)
              found = ending;
          }

      if (found != NULL)
        {
          g_string_append (out, found->means);
          i += found->say_len - 1;
        }
      else
        g_string_append_unichar (out, chars[i]);
    }

  return g_string_free (out, FALSE);
}

typedef struct
{
  gsize         start;
  gsize         end;
  const Phrase *phrase;
} Found;

static int
compare_found (gconstpointer a,
               gconstpointer b)
{
  const Found *x = a, *y = b;

  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  return (x->end < y->end) - (x->end > y->end);
}

/* Whether the text already says what the phrase means where it was found:
 * "機種変" in "機種変更", "アドレス" in "メールアドレス". */
static gboolean
already_means (const char   *text,
               gsize         len,
               const Found  *found)
{
  const Phrase *phrase = found->phrase;
  gsize from = found->end >= phrase->means_len ? found->end - phrase->means_len : 0;

  for (gsize p = from; p <= found->start; p++)
    if (p + phrase->means_len <= len && p + phrase->means_len >= found->end &&
        memcmp (text + p, phrase->means, phrase->means_len) == 0)
      return TRUE;
  return FALSE;
}

/* Step 5: phrases replaced by what they mean. */
static char *
replace_phrases (const SihSearchLexicon *lexicon,
                 const char             *text)
{
  g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (Found));
  gsize len = strlen (text);
  GString *out;
  gsize at = 0;

  for (guint i = 0; i < lexicon->phrases->len; i++)
    {
      const Phrase *phrase = &g_array_index (lexicon->phrases, Phrase, i);

      for (const char *hit = strstr (text, phrase->say); hit != NULL;
           hit = strstr (hit + 1, phrase->say))
        {
          Found f = { hit - text, hit - text + phrase->say_len, phrase };

          if ((phrase->word_start && f.start > 0 && is_word_char (text[f.start - 1])) ||
              (phrase->word_end && is_word_char (text[f.end])) ||
              already_means (text, len, &f))
            continue;
          g_array_append_val (found, f);
        }
    }

  if (found->len == 0)
    return g_strdup (text);

  g_array_sort (found, compare_found);
  out = g_string_sized_new (len + 32);
  for (guint i = 0; i < found->len; i++)
    {
      const Found *f = &g_array_index (found, Found, i);

      if (f->start < at)
        continue;
      g_string_append_len (out, text + at, f->start - at);
      if (out->len > 0 && out->str[out->len - 1] != ' ')
        g_string_append_c (out, ' ');
      g_string_append (out, f->phrase->means);
      if (text[f->end] != '\0' && text[f->end] != ' ')
        g_string_append_c (out, ' ');
      at = f->end;
    }
  g_string_append (out, text + at);

  return g_string_free (out, FALSE);
}

/**
 * sih_search_lexicon_rewrite:
 * @text: what the person typed
 * @kana_words: (nullable) (element-type utf8): the katakana words the pack
 *   has (sih_search_kana_words_add_text()), sorted, or %NULL to forgive no
 *   typos
 *
 * @text in the words of the pack, as search should read it: see the top
 * of this file.
 *
 * Returns: (transfer full): the text to search for
 */
char *
sih_search_lexicon_rewrite (const SihSearchLexicon *lexicon,
                            const char             *text,
                            GPtrArray              *kana_words)
{
  g_autofree char *folded = NULL;
  g_autofree char *ended = NULL;
  g_autofree char *form = NULL;

  g_return_val_if_fail (lexicon != NULL, NULL);
  g_return_val_if_fail (text != NULL, NULL);

  folded = fold_keep_katakana (text);
  if (kana_words != NULL && kana_words->len > 0)
    {
      char *fixed = fix_kana_typos (folded, kana_words);

      g_free (folded);
      folded = fixed;
    }
  ended = lexicon->endings->len > 0 ? standard_endings (lexicon, folded) : g_strdup (folded);
  form = sih_search_match_form (ended);
  return replace_phrases (lexicon, form);
}
