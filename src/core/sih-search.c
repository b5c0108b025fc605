/* sih-search.c: ranked search over a pack's causes, and matching of
 * pasted error messages
 *
 * Files: sih-search-analysis.c reads texts (below), this file builds the
 * index and answers queries; the words it knows are in sih-lexicon.c.
 *
 * Every text is first normalised the same way: NFKC (which turns
 * full-width Latin and digits into ASCII and half-width katakana into
 * full-width), case folding, and katakana folded to hiragana.  Spaces and
 * punctuation are then dropped, except that spaces still separate words.
 *
 * What is left is read two ways.  Scripts written with spaces between
 * words (Latin, Cyrillic, …) become words: "e-mail" and "email" are the
 * same word, and the index also knows "sign-in" as "sign" and "in".
 * Scripts written without spaces (Japanese and other CJK text, Thai, …)
 * become character bigrams, so that "コードが来ない" finds "確認コードが
 * 届かない" without any dictionary.  Both kinds are "units" with a weight
 * that is higher the fewer causes contain them (an inverse document
 * frequency over causes), so "the" or "ない" count for little.
 *
 * A query unit matches a text's unit exactly or, for words, approximately:
 * a word being typed matches longer words it begins, "locked" matches
 * "lock", small typos are forgiven (Damerau-Levenshtein distance 1 for
 * words of 4 to 7 characters, 2 for longer ones), and a short list of
 * synonyms people use for sign-in problems ("bought" for "order", "sms"
 * for "text") counts a little less than the word itself.
 *
 * A text's score is how much of the query's weight it covers, a little of
 * how much of the text the query covers, and a bonus when the whole query
 * appears in it as is; all of it weighted by the kind of text, so that a
 * title or an error message outranks a step's detail.  A cause scores as
 * its best text, plus a little for a second one.
 *
 * Speed: everything that depends only on the pack is computed once.  The
 * units are kept in sorted arrays, each with the list of texts that
 * contain it, and a query walks only the lists of its own units,
 * accumulating into arrays that are allocated once and cleared by the
 * list of texts it touched.  The vocabulary is scanned for typos only for
 * words of four characters or more, and the result is kept for the next
 * keystroke.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/sih-lexicon.h"
#include "core/sih-search.h"
#include "core/sih-search-analysis.h"

/* How much each kind of text counts, by SihSearchMatch. */
static const float kind_weight[] = {
  [SIH_SEARCH_MATCH_TITLE] = 1.0f,
  [SIH_SEARCH_MATCH_ERROR_MESSAGE] = 1.0f,
  [SIH_SEARCH_MATCH_SYMPTOM] = 0.9f,
  [SIH_SEARCH_MATCH_SUMMARY] = 0.75f,
  [SIH_SEARCH_MATCH_STEP_TITLE] = 0.7f,
  [SIH_SEARCH_MATCH_STEP_DETAIL] = 0.5f,
};

/* Similarity of approximate word matches, relative to an exact one. */
#define SIM_TYPING    0.9f  /* the word being typed begins a longer word */
#define SIM_SYNONYM   0.8f
#define SIM_STEM      0.9f  /* "lock" and "locked", "arrive" and "arriving" */
#define SIM_TYPO_1    0.75f
#define SIM_TYPO_2    0.6f

/* Share of a text's score from covering the query, and from the query
 * covering the text (which favours short texts that say just that). */
#define COVER_SHARE   0.8f
#define DICE_SHARE    0.2f
#define CONTAINS_BONUS 0.25f  /* the whole query appears in the text */
#define EQUAL_BONUS   0.1f    /* the text is the query */
#define SECOND_SHARE  0.15f   /* of a cause's second-best text */

/* A text must cover this much of the query, and a cause must score this
 * share of the best cause's score, to be listed. */
#define MIN_COVER     0.15f
#define MIN_RELATIVE  0.3f

#define MAX_QUERY_UNITS 64
#define MAX_CACHED_WORDS 256


G_DEFINE_BOXED_TYPE (SihSearchResult, sih_search_result,
                     sih_search_result_copy, sih_search_result_free)

SihSearchResult *
sih_search_result_copy (const SihSearchResult *result)
{
  SihSearchResult *copy;

  g_return_val_if_fail (result != NULL, NULL);

  copy = g_memdup2 (result, sizeof *result);
  copy->cause = g_object_ref (result->cause);
  copy->text = g_strdup (result->text);
  copy->step_id = g_strdup (result->step_id);
  return copy;
}

void
sih_search_result_free (SihSearchResult *result)
{
  if (result == NULL)
    return;
  g_clear_object (&result->cause);
  g_free (result->text);
  g_free (result->step_id);
  g_free (result);
}

/* The index */

typedef struct
{
  const char *text;        /* borrowed from the pack */
  const char *compact;     /* in the string chunk */
  guint32     compact_len;
  guint32     cause;       /* position in the pack */
  guint32     step;        /* position in the cause, or G_MAXUINT32 */
  guint32     group;       /* the same for a text and its translation */
  guint16     n_units;     /* distinct words and grams */
  guint8      match;       /* SihSearchMatch */
  guint8      source;      /* the source text of a translated one */
} Field;

typedef struct
{
  const char *text;        /* in the string chunk */
  guint32     chars;       /* offset in word_chars */
  guint16     n_chars;
  guint8      has_digit;
} Word;

typedef struct
{
  guint32                cause;
  const SihErrorMessage *message;
  GArray                *grams;  /* guint64, sorted, distinct */
} Message;

/* One unit of a query and what it may match. */
typedef struct
{
  guint32 list;            /* word or gram id */
  float   similarity;
} Candidate;

typedef struct
{
  float    weight;
  guint    first;          /* in the candidates array */
  guint    n;
  gboolean gram;           /* candidates are grams, not words */
} QueryUnit;

struct _SihSearchIndex
{
  gatomicrefcount ref_count;
  SihPack        *pack;
  GPtrArray      *causes;        /* SihCause, in pack order */
  GStringChunk   *strings;
  GArray         *fields;        /* Field */

  /* Words, sorted by text, and the fields each is in (sorted). */
  GArray         *words;         /* Word */
  GArray         *word_chars;    /* gunichar */
  guint32        *word_offsets;  /* n_words + 1 */
  guint32        *word_fields;
  float          *word_idf;

  /* Grams, sorted by key, and the fields each is in (sorted). */
  guint64        *gram_keys;
  guint           n_grams;
  guint32        *gram_offsets;  /* n_grams + 1 */
  guint32        *gram_fields;
  float          *gram_idf;

  float           unknown_idf;   /* for a unit the pack does not have */

  GArray         *messages;      /* Message */

  /* Scratch space for queries, reused. */
  float          *acc;           /* per field: weight of the query it covers */
  guint16        *hits;          /* per field: query units matched */
  guint32        *stamp;         /* per field: last query unit that matched */
  guint32         serial;
  GArray         *touched;       /* guint32 field ids */
  float          *cause_best;
  float          *cause_second;
  guint32        *cause_field;
  GArray         *touched_causes;
  GArray         *candidates;    /* Candidate */
  GHashTable     *typos;         /* query word → GArray of Candidate: its typo matches */
  guint32        *word_mark;     /* per word: the query unit that listed it */
  guint32        *word_slot;     /* per word: its place in candidates */
  guint32         unit_serial;
  Analysis        query;
};

G_DEFINE_BOXED_TYPE (SihSearchIndex, sih_search_index,
                     sih_search_index_ref, sih_search_index_unref)

/* Building */

typedef struct
{
  guint32 unit;
  guint32 field;
} Posting;

/* Units seen while building: a build id per distinct word or gram, and
 * the last field that listed it, to list each once per field. */
typedef struct
{
  SihSearchIndex *index;
  Analysis        analysis;
  GHashTable     *word_ids;      /* text → build id + 1 */
  GPtrArray      *word_texts;    /* by build id */
  GArray         *word_last;     /* guint32 by build id: last field */
  guint64        *gram_slots;    /* open addressing: key + 1, or 0 */
  guint32        *gram_slot_ids;
  guint           gram_mask;
  GArray         *gram_list;     /* guint64 by build id */
  GArray         *gram_last;     /* guint32 by build id: last field */
  GArray         *word_postings; /* Posting, in field order */
  GArray         *gram_postings; /* Posting, in field order */
  guint32         group;
} Builder;

static guint32
builder_word_id (Builder    *b,
                 const char *word)
{
  gpointer value = g_hash_table_lookup (b->word_ids, word);
  guint32 never = G_MAXUINT32;
  char *copy;

  if (value != NULL)
    return GPOINTER_TO_UINT (value) - 1;

  copy = g_string_chunk_insert_const (b->index->strings, word);
  g_ptr_array_add (b->word_texts, copy);
  g_array_append_val (b->word_last, never);
  g_hash_table_insert (b->word_ids, copy, GUINT_TO_POINTER (b->word_texts->len));
  return b->word_texts->len - 1;
}

static inline guint
gram_slot (guint64 key,
           guint   mask)
{
  return (guint)((key * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15)) >> 32) & mask;
}

static void
grow_gram_slots (Builder *b)
{
  guint size = b->gram_slots == NULL ? 4096 : (b->gram_mask + 1) * 2;
  guint64 *slots = g_new0 (guint64, size);
  guint32 *ids = g_new (guint32, size);

  for (guint32 id = 0; id < b->gram_list->len; id++)
    {
      guint64 key = g_array_index (b->gram_list, guint64, id);
      guint i = gram_slot (key, size - 1);

      while (slots[i] != 0)
        i = (i + 1) & (size - 1);
      slots[i] = key + 1;
      ids[i] = id;
    }

  g_free (b->gram_slots);
  g_free (b->gram_slot_ids);
  b->gram_slots = slots;
  b->gram_slot_ids = ids;
  b->gram_mask = size - 1;
}

static guint32
builder_gram_id (Builder *b,
                 guint64  key)
{
  guint32 never = G_MAXUINT32;
  guint i;

  /* Keys are characters (21 bits) shifted: key + 1 never overflows. */
  if (b->gram_slots == NULL || (b->gram_list->len + 1) * 2 > b->gram_mask + 1)
    grow_gram_slots (b);

  for (i = gram_slot (key, b->gram_mask); b->gram_slots[i] != 0; i = (i + 1) & b->gram_mask)
    if (b->gram_slots[i] == key + 1)
      return b->gram_slot_ids[i];

  b->gram_slots[i] = key + 1;
  b->gram_slot_ids[i] = b->gram_list->len;
  g_array_append_val (b->gram_list, key);
  g_array_append_val (b->gram_last, never);
  return b->gram_list->len - 1;
}

/* Lists @field under @unit once; returns whether it was new. */
static gboolean
add_posting (GArray  *postings,
             GArray  *last,
             guint32  unit,
             guint32  field)
{
  Posting posting = { unit, field };

  if (g_array_index (last, guint32, unit) == field)
    return FALSE;
  g_array_index (last, guint32, unit) = field;
  g_array_append_val (postings, posting);
  return TRUE;
}

static void
add_word (Builder    *b,
          const char *word,
          guint32     field,
          guint      *n_units)
{
  g_autofree char *stem = sih_search_stem_word (word);

  if (add_posting (b->word_postings, b->word_last, builder_word_id (b, word), field) &&
      n_units != NULL)
    (*n_units)++;
  /* The stem is found too, but is not a unit of the text's size. */
  if (stem != NULL)
    add_posting (b->word_postings, b->word_last, builder_word_id (b, stem), field);
}

static void
add_field (Builder        *b,
           guint32         cause,
           guint32         step,
           SihSearchMatch  match,
           const char     *text,
           gboolean        source)
{
  SihSearchIndex *index = b->index;
  Analysis *a = &b->analysis;
  Field field = { 0 };
  guint32 field_id = index->fields->len;
  guint n_units = 0;

  if (text == NULL || *text == '\0')
    return;

  sih_search_analyze (a, text);
  if (a->compact->len == 0)
    return;

  for (guint i = 0; i < a->words->len; i++)
    add_word (b, ANALYSIS_WORD (a, i), field_id, &n_units);
  for (guint i = 0; i < a->grams->len; i++)
    if (add_posting (b->gram_postings, b->gram_last,
                     builder_gram_id (b, g_array_index (a->grams, guint64, i)), field_id))
      n_units++;
  /* Parts of glued words are found, but the text's size is its words. */
  for (guint i = 0; a->parts != NULL && i < a->parts->len; i++)
    add_word (b, ANALYSIS_PART (a, i), field_id, NULL);

  field.text = text;
  field.compact = g_string_chunk_insert_len (index->strings, a->compact->str, a->compact->len);
  field.compact_len = a->compact->len;
  field.cause = cause;
  field.step = step;
  field.group = b->group;
  field.n_units = MIN (n_units, G_MAXUINT16);
  field.match = match;
  field.source = source;
  g_array_append_val (index->fields, field);
}

/* Adds a translatable text: the translation, and the source text if it
 * differs, as one group. */
static void
add_text (Builder        *b,
          guint32         cause,
          guint32         step,
          SihSearchMatch  match,
          const char     *text,
          const char     *source)
{
  add_field (b, cause, step, match, text, FALSE);
  if (source != NULL && g_strcmp0 (source, text) != 0)
    add_field (b, cause, step, match, source, TRUE);
  b->group++;
}

/* Lays out @postings (units renumbered by @order: build id → final id) as
 * offsets and field lists, and computes each unit's weight.  The postings
 * come in field order, so a counting sort leaves each list sorted. */
static void
build_lists (SihSearchIndex  *index,
             GArray          *postings,
             const guint32   *order,
             guint            n_units,
             guint32        **offsets_out,
             guint32        **fields_out,
             float          **idf_out)
{
  guint32 *offsets = g_new0 (guint32, n_units + 1);
  guint32 *fields = g_new (guint32, MAX (postings->len, 1));
  float *idf = g_new (float, MAX (n_units, 1));
  g_autofree guint32 *cursor = NULL;
  guint n_causes = index->causes->len;

  for (guint i = 0; i < postings->len; i++)
    offsets[order[g_array_index (postings, Posting, i).unit] + 1]++;
  for (guint u = 0; u < n_units; u++)
    offsets[u + 1] += offsets[u];

  cursor = g_memdup2 (offsets, n_units * sizeof (guint32));
  for (guint i = 0; i < postings->len; i++)
    {
      const Posting *p = &g_array_index (postings, Posting, i);
      fields[cursor[order[p->unit]]++] = p->field;
    }

  /* Weight: the fewer causes a unit appears in, the more it tells.  The
   * fields of a cause are consecutive. */
  for (guint u = 0; u < n_units; u++)
    {
      guint32 last_cause = G_MAXUINT32;
      guint df = 0;

      for (guint32 i = offsets[u]; i < offsets[u + 1]; i++)
        {
          guint32 cause = g_array_index (index->fields, Field, fields[i]).cause;

          if (cause != last_cause)
            {
              df++;
              last_cause = cause;
            }
        }
      idf[u] = logf ((n_causes + 1.0f) / (df + 0.5f)) + 0.1f;
    }

  *offsets_out = offsets;
  *fields_out = fields;
  *idf_out = idf;
}

static int
compare_word_ids (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  GPtrArray *texts = user_data;

  return strcmp (texts->pdata[*(const guint32 *)a], texts->pdata[*(const guint32 *)b]);
}

static int
compare_gram_ids (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  GArray *keys = user_data;
  guint64 x = g_array_index (keys, guint64, *(const guint32 *)a);
  guint64 y = g_array_index (keys, guint64, *(const guint32 *)b);

  return x < y ? -1 : x > y;
}

static int
compare_grams (gconstpointer a,
               gconstpointer b)
{
  guint64 x = *(const guint64 *)a, y = *(const guint64 *)b;

  return x < y ? -1 : x > y;
}

static void
finish_words (SihSearchIndex *index,
              Builder        *b)
{
  guint n = b->word_texts->len;
  g_autofree guint32 *sorted = g_new (guint32, MAX (n, 1));
  g_autofree guint32 *order = g_new (guint32, MAX (n, 1));

  for (guint i = 0; i < n; i++)
    sorted[i] = i;
  g_qsort_with_data (sorted, n, sizeof (guint32), compare_word_ids, b->word_texts);

  index->words = g_array_sized_new (FALSE, FALSE, sizeof (Word), n);
  index->word_chars = g_array_new (FALSE, FALSE, sizeof (gunichar));
  for (guint i = 0; i < n; i++)
    {
      const char *text = b->word_texts->pdata[sorted[i]];
      Word word = { text, index->word_chars->len, 0, FALSE };

      for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
        {
          gunichar ch = g_utf8_get_char (p);

          g_array_append_val (index->word_chars, ch);
          word.n_chars++;
          word.has_digit |= g_unichar_isdigit (ch);
        }
      g_array_append_val (index->words, word);
      order[sorted[i]] = i;
    }

  build_lists (index, b->word_postings, order, n,
               &index->word_offsets, &index->word_fields, &index->word_idf);
}

static void
finish_grams (SihSearchIndex *index,
              Builder        *b)
{
  guint n = b->gram_list->len;
  g_autofree guint32 *sorted = g_new (guint32, MAX (n, 1));
  g_autofree guint32 *order = g_new (guint32, MAX (n, 1));

  for (guint i = 0; i < n; i++)
    sorted[i] = i;
  g_qsort_with_data (sorted, n, sizeof (guint32), compare_gram_ids, b->gram_list);

  index->n_grams = n;
  index->gram_keys = g_new (guint64, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    {
      index->gram_keys[i] = g_array_index (b->gram_list, guint64, sorted[i]);
      order[sorted[i]] = i;
    }

  build_lists (index, b->gram_postings, order, n,
               &index->gram_offsets, &index->gram_fields, &index->gram_idf);
}

/* Char bigrams of the whole compact text, for comparing messages. */
static void
message_grams (const char *compact,
               GArray     *grams)
{
  gunichar prev = 0;
  guint n = 0;

  g_array_set_size (grams, 0);
  for (const char *p = compact; *p != '\0'; p = g_utf8_next_char (p), n++)
    {
      gunichar ch = g_utf8_get_char (p);
      guint64 key;

      if (n > 0)
        {
          key = sih_search_gram_key (prev, ch);
          g_array_append_val (grams, key);
        }
      prev = ch;
    }
  if (n == 1)
    {
      guint64 key = sih_search_gram_key (prev, 0);
      g_array_append_val (grams, key);
    }

  g_array_sort (grams, compare_grams);
  /* Distinct keys only. */
  if (grams->len > 1)
    {
      guint out = 1;

      for (guint i = 1; i < grams->len; i++)
        if (g_array_index (grams, guint64, i) != g_array_index (grams, guint64, out - 1))
          g_array_index (grams, guint64, out++) = g_array_index (grams, guint64, i);
      g_array_set_size (grams, out);
    }
}

static void
message_clear (gpointer data)
{
  Message *message = data;

  g_clear_pointer (&message->grams, g_array_unref);
}

/**
 * sih_search_index_new:
 * @pack: the pack to search
 *
 * Indexes every cause's title, summary, symptoms, error messages and step
 * titles and details, both as shown (translated) and in the pack's source
 * language.  Build it once per pack; queries are then fast enough to run
 * on every keystroke.  An index is not thread-safe: query it from one
 * thread at a time.
 *
 * Returns: (transfer full): the index
 */
SihSearchIndex *
sih_search_index_new (SihPack *pack)
{
  SihSearchIndex *index;
  GListModel *causes;
  Builder b = { 0 };
  guint n_causes;
  guint n_fields;

  g_return_val_if_fail (SIH_IS_PACK (pack), NULL);

  index = g_new0 (SihSearchIndex, 1);
  g_atomic_ref_count_init (&index->ref_count);
  index->pack = g_object_ref (pack);
  index->causes = g_ptr_array_new_with_free_func (g_object_unref);
  index->strings = g_string_chunk_new (64 * 1024);
  index->fields = g_array_new (FALSE, FALSE, sizeof (Field));
  index->messages = g_array_new (FALSE, FALSE, sizeof (Message));
  g_array_set_clear_func (index->messages, message_clear);

  b.index = index;
  sih_search_analysis_init (&b.analysis, TRUE);
  b.word_ids = g_hash_table_new (g_str_hash, g_str_equal);
  b.word_texts = g_ptr_array_new ();
  b.word_last = g_array_new (FALSE, FALSE, sizeof (guint32));
  b.gram_list = g_array_new (FALSE, FALSE, sizeof (guint64));
  b.gram_last = g_array_new (FALSE, FALSE, sizeof (guint32));
  b.word_postings = g_array_new (FALSE, FALSE, sizeof (Posting));
  b.gram_postings = g_array_new (FALSE, FALSE, sizeof (Posting));

  causes = sih_pack_get_causes (pack);
  n_causes = g_list_model_get_n_items (causes);
  for (guint c = 0; c < n_causes; c++)
    {
      SihCause *cause = g_list_model_get_item (causes, c);
      GListModel *steps = sih_cause_get_steps (cause);
      GPtrArray *messages = sih_cause_get_error_messages (cause);
      guint n_steps = g_list_model_get_n_items (steps);

      g_ptr_array_add (index->causes, cause);

      add_text (&b, c, G_MAXUINT32, SIH_SEARCH_MATCH_TITLE,
                sih_cause_get_title (cause), sih_cause_get_title_source (cause));
      add_text (&b, c, G_MAXUINT32, SIH_SEARCH_MATCH_SUMMARY,
                sih_cause_get_summary (cause), sih_cause_get_summary_source (cause));
      for (guint i = 0; i < sih_cause_get_n_symptoms (cause); i++)
        add_text (&b, c, G_MAXUINT32, SIH_SEARCH_MATCH_SYMPTOM,
                  sih_cause_get_symptom (cause, i), sih_cause_get_symptom_source (cause, i));
      for (guint i = 0; i < messages->len; i++)
        {
          const SihErrorMessage *error_message = g_ptr_array_index (messages, i);
          Message message = { c, error_message, g_array_new (FALSE, FALSE, sizeof (guint64)) };
          g_autofree char *compact = NULL;

          add_text (&b, c, G_MAXUINT32, SIH_SEARCH_MATCH_ERROR_MESSAGE, error_message->text, NULL);
          compact = sih_search_normalize (error_message->text);
          message_grams (compact, message.grams);
          g_array_append_val (index->messages, message);
        }
      for (guint s = 0; s < n_steps; s++)
        {
          g_autoptr(SihStep) step = g_list_model_get_item (steps, s);

          add_text (&b, c, s, SIH_SEARCH_MATCH_STEP_TITLE,
                    sih_step_get_title (step), sih_step_get_title_source (step));
          add_text (&b, c, s, SIH_SEARCH_MATCH_STEP_DETAIL,
                    sih_step_get_detail (step), sih_step_get_detail_source (step));
        }
    }

  finish_words (index, &b);
  finish_grams (index, &b);
  index->unknown_idf = 0.5f * (logf ((n_causes + 1.0f) / 0.5f) + 0.1f);

  n_fields = index->fields->len;
  index->acc = g_new0 (float, MAX (n_fields, 1));
  index->hits = g_new0 (guint16, MAX (n_fields, 1));
  index->stamp = g_new0 (guint32, MAX (n_fields, 1));
  index->touched = g_array_new (FALSE, FALSE, sizeof (guint32));
  index->cause_best = g_new0 (float, MAX (n_causes, 1));
  index->cause_second = g_new0 (float, MAX (n_causes, 1));
  index->cause_field = g_new0 (guint32, MAX (n_causes, 1));
  index->touched_causes = g_array_new (FALSE, FALSE, sizeof (guint32));
  index->candidates = g_array_new (FALSE, FALSE, sizeof (Candidate));
  index->typos = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                        (GDestroyNotify)g_array_unref);
  index->word_mark = g_new0 (guint32, MAX (index->words->len, 1));
  index->word_slot = g_new0 (guint32, MAX (index->words->len, 1));
  sih_search_analysis_init (&index->query, FALSE);

  sih_search_analysis_clear (&b.analysis);
  g_hash_table_unref (b.word_ids);
  g_ptr_array_unref (b.word_texts);
  g_array_unref (b.word_last);
  g_free (b.gram_slots);
  g_free (b.gram_slot_ids);
  g_array_unref (b.gram_list);
  g_array_unref (b.gram_last);
  g_array_unref (b.word_postings);
  g_array_unref (b.gram_postings);

  return index;
}

static void
new_in_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  if (g_task_return_error_if_cancelled (task))
    return;
  g_task_return_pointer (task, sih_search_index_new (task_data),
                         (GDestroyNotify)sih_search_index_unref);
}

/**
 * sih_search_index_new_async:
 * @pack: the pack to search
 * @cancellable: (nullable): a #GCancellable
 * @callback: called in the thread-default main context when the index is
 *   ready
 * @user_data: data for @callback
 *
 * Builds the index in a worker thread: a pack of tens of thousands of
 * steps takes about a second, which the main loop should not wait for.
 * The pack is immutable, so reading it from another thread is safe.
 */
void
sih_search_index_new_async (SihPack             *pack,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (SIH_IS_PACK (pack));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, sih_search_index_new_async);
  g_task_set_task_data (task, g_object_ref (pack), g_object_unref);
  g_task_run_in_thread (task, new_in_thread);
}

/**
 * sih_search_index_new_finish:
 * @result: the result passed to the callback
 * @error: set if the operation was cancelled
 *
 * Returns: (transfer full): the index, or %NULL on error
 */
SihSearchIndex *
sih_search_index_new_finish (GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == sih_search_index_new_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

SihSearchIndex *
sih_search_index_ref (SihSearchIndex *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
sih_search_index_unref (SihSearchIndex *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_clear_object (&self->pack);
  g_ptr_array_unref (self->causes);
  g_string_chunk_free (self->strings);
  g_array_unref (self->fields);
  g_array_unref (self->words);
  g_array_unref (self->word_chars);
  g_free (self->word_offsets);
  g_free (self->word_fields);
  g_free (self->word_idf);
  g_free (self->gram_keys);
  g_free (self->gram_offsets);
  g_free (self->gram_fields);
  g_free (self->gram_idf);
  g_array_unref (self->messages);
  g_free (self->acc);
  g_free (self->hits);
  g_free (self->stamp);
  g_array_unref (self->touched);
  g_free (self->cause_best);
  g_free (self->cause_second);
  g_free (self->cause_field);
  g_array_unref (self->touched_causes);
  g_array_unref (self->candidates);
  g_hash_table_unref (self->typos);
  g_free (self->word_mark);
  g_free (self->word_slot);
  sih_search_analysis_clear (&self->query);
  g_free (self);
}

/**
 * sih_search_index_get_pack:
 *
 * Returns: (transfer none): the pack the index was built from
 */
SihPack *
sih_search_index_get_pack (SihSearchIndex *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->pack;
}

/* Querying */

/* The first word whose text is >= @text, in the sorted vocabulary. */
static guint
lower_bound_word (SihSearchIndex *self,
                  const char     *text)
{
  guint lo = 0, hi = self->words->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (strcmp (g_array_index (self->words, Word, mid).text, text) < 0)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

static guint32
find_word (SihSearchIndex *self,
           const char     *text)
{
  guint i = lower_bound_word (self, text);

  if (i < self->words->len && strcmp (g_array_index (self->words, Word, i).text, text) == 0)
    return i;
  return G_MAXUINT32;
}

static guint find_gram_from (SihSearchIndex *self,
                             guint64         key);

static guint32
find_gram (SihSearchIndex *self,
           guint64         key)
{
  guint i = find_gram_from (self, key);

  if (i < self->n_grams && self->gram_keys[i] == key)
    return i;
  return G_MAXUINT32;
}

/* The first gram whose key is >= @key. */
static guint
find_gram_from (SihSearchIndex *self,
                guint64         key)
{
  guint lo = 0, hi = self->n_grams;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (self->gram_keys[mid] < key)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

/* Optimal string alignment distance (Damerau-Levenshtein with adjacent
 * transpositions), or max + 1 as soon as it must exceed @max. */
static guint
edit_distance (const gunichar *a,
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

/* Lists a word for @unit, or raises its similarity if already listed. */
static void
add_candidate (SihSearchIndex *self,
               QueryUnit      *unit,
               guint32         word,
               float           similarity)
{
  if (self->word_mark[word] == self->unit_serial)
    {
      Candidate *existing = &g_array_index (self->candidates, Candidate, self->word_slot[word]);

      existing->similarity = MAX (existing->similarity, similarity);
      return;
    }

  self->word_mark[word] = self->unit_serial;
  self->word_slot[word] = self->candidates->len;
  g_array_append_vals (self->candidates, &(Candidate) { word, similarity }, 1);
  unit->n++;
}

/* Lists a gram for @unit; grams are never listed twice. */
static void
add_gram_candidate (SihSearchIndex *self,
                    QueryUnit      *unit,
                    guint32         gram,
                    float           similarity)
{
  g_array_append_vals (self->candidates, &(Candidate) { gram, similarity }, 1);
  unit->n++;
}

static void
add_synonyms (SihSearchIndex *self,
              QueryUnit      *unit,
              const char     *word)
{
  for (guint g = 0; g < SIH_LEXICON_N_SYNONYM_GROUPS; g++)
    {
      gboolean in_group = FALSE;

      for (guint i = 0; sih_lexicon_synonyms[g][i] != NULL && !in_group; i++)
        in_group = g_str_equal (sih_lexicon_synonyms[g][i], word);
      if (!in_group)
        continue;

      for (guint i = 0; sih_lexicon_synonyms[g][i] != NULL; i++)
        {
          g_autofree char *stem = sih_search_stem_word (sih_lexicon_synonyms[g][i]);
          guint32 id = find_word (self, stem != NULL ? stem : sih_lexicon_synonyms[g][i]);

          if (id != G_MAXUINT32 && !g_str_equal (sih_lexicon_synonyms[g][i], word))
            add_candidate (self, unit, id, SIM_SYNONYM);
        }
    }
}

/* Finds the vocabulary words that a query word may stand for. */
static void
word_candidates (SihSearchIndex *self,
                 QueryUnit      *unit,
                 const char     *word,
                 gboolean        typing)
{
  gunichar chars[MAX_WORD_CHARS];
  guint n = 0;
  gsize len = strlen (word);
  gboolean has_digit = FALSE;
  g_autofree char *stem = NULL;
  guint32 exact;
  guint32 id;
  guint max_typos;
  guint i;

  if (++self->unit_serial == 0)
    {
      memset (self->word_mark, 0, self->words->len * sizeof (guint32));
      self->unit_serial = 1;
    }

  for (const char *p = word; *p != '\0' && n < MAX_WORD_CHARS; p = g_utf8_next_char (p))
    {
      chars[n] = g_utf8_get_char (p);
      has_digit |= g_unichar_isdigit (chars[n]);
      n++;
    }

  exact = find_word (self, word);
  if (exact != G_MAXUINT32)
    add_candidate (self, unit, exact, 1.0f);

  /* Another form of the same word: "arriving" and "arrive". */
  stem = sih_search_stem_word (word);
  if (stem != NULL && (id = find_word (self, stem)) != G_MAXUINT32)
    add_candidate (self, unit, id, SIM_STEM);

  /* The word being typed: the longer words it begins. */
  if (typing && n >= 3)
    {
      for (i = lower_bound_word (self, word); i < self->words->len; i++)
        {
          const Word *w = &g_array_index (self->words, Word, i);

          if (strncmp (w->text, word, len) != 0)
            break;
          if (i != exact)
            add_candidate (self, unit, i, SIM_TYPING);
        }
    }

  /* Typos, in words long enough for a typo to be told from another word.
   * Scanning the vocabulary is the costly part, and the words before the
   * one being typed come back at every keystroke: remember them. */
  max_typos = n >= 8 ? 2 : n >= 4 ? 1 : 0;
  if (max_typos > 0 && !has_digit)
    {
      GArray *typos = g_hash_table_lookup (self->typos, word);

      if (typos == NULL)
        {
          const gunichar *all = (const gunichar *)(gpointer)self->word_chars->data;

          typos = g_array_new (FALSE, FALSE, sizeof (Candidate));
          for (i = 0; i < self->words->len; i++)
            {
              const Word *w = &g_array_index (self->words, Word, i);
              guint d;

              if (w->has_digit || i == exact ||
                  (w->n_chars > n ? w->n_chars - n : n - w->n_chars) > max_typos)
                continue;

              d = edit_distance (chars, n, all + w->chars, w->n_chars, max_typos);
              if (d <= max_typos)
                g_array_append_vals (typos, &(Candidate) { i, d == 1 ? SIM_TYPO_1 : SIM_TYPO_2 }, 1);
            }
          if (g_hash_table_size (self->typos) >= MAX_CACHED_WORDS)
            g_hash_table_remove_all (self->typos);
          g_hash_table_insert (self->typos, g_strdup (word), typos);
        }

      for (i = 0; i < typos->len; i++)
        {
          const Candidate *typo = &g_array_index (typos, Candidate, i);
          add_candidate (self, unit, typo->list, typo->similarity);
        }
    }

  add_synonyms (self, unit, word);
}

/* The unit's weight is that of what it most likely means. */
static float
unit_weight (SihSearchIndex  *self,
             const QueryUnit *unit,
             const float     *idf)
{
  const Candidate *candidates;
  float best_similarity = -1;
  float weight = self->unknown_idf;

  /* Before its first use the array has no storage: no pointer into it. */
  if (unit->n == 0)
    return weight;

  candidates = &g_array_index (self->candidates, Candidate, unit->first);
  for (guint i = 0; i < unit->n; i++)
    if (candidates[i].similarity > best_similarity)
      {
        best_similarity = candidates[i].similarity;
        weight = idf[candidates[i].list];
      }

  return weight;
}

static int
compare_candidates (gconstpointer a,
                    gconstpointer b)
{
  const Candidate *x = a, *y = b;

  return (x->similarity < y->similarity) - (x->similarity > y->similarity);
}

static void
next_serial (SihSearchIndex *self)
{
  if (++self->serial == 0)
    {
      memset (self->stamp, 0, self->fields->len * sizeof (guint32));
      self->serial = 1;
    }
}

/* Adds a unit's weight to every field that has one of its candidates,
 * once per field, with the best similarity. */
static void
accumulate (SihSearchIndex  *self,
            const QueryUnit *unit,
            const guint32   *offsets,
            const guint32   *fields)
{
  Candidate *candidates;

  /* Before its first use the array has no storage: no pointer into it. */
  if (unit->n == 0)
    return;

  /* Best first, so that the first time a field is seen is its best. */
  candidates = &g_array_index (self->candidates, Candidate, unit->first);
  if (unit->n > 1)
    qsort (candidates, unit->n, sizeof (Candidate), compare_candidates);
  next_serial (self);

  for (guint c = 0; c < unit->n; c++)
    {
      float add = unit->weight * candidates[c].similarity;

      for (guint32 i = offsets[candidates[c].list]; i < offsets[candidates[c].list + 1]; i++)
        {
          guint32 f = fields[i];

          if (self->stamp[f] == self->serial)
            continue;
          self->stamp[f] = self->serial;
          if (self->hits[f] == 0)
            g_array_append_val (self->touched, f);
          self->acc[f] += add;
          self->hits[f]++;
        }
    }
}

static void
rank_field (SihSearchIndex *self,
            guint32         f,
            float           score)
{
  const Field *field = &g_array_index (self->fields, Field, f);
  guint32 c = field->cause;

  if (self->cause_best[c] == 0 && self->cause_second[c] == 0)
    g_array_append_val (self->touched_causes, c);

  if (score > self->cause_best[c])
    {
      const Field *best = &g_array_index (self->fields, Field, self->cause_field[c]);

      /* A text and its translation count once. */
      if (self->cause_best[c] > 0 && best->group != field->group)
        self->cause_second[c] = self->cause_best[c];
      self->cause_best[c] = score;
      self->cause_field[c] = f;
    }
  else if (score > self->cause_second[c] &&
           g_array_index (self->fields, Field, self->cause_field[c]).group != field->group)
    self->cause_second[c] = score;
}

typedef struct
{
  guint32 cause;
  float   score;
  guint32 field;
} Ranked;

static int
compare_ranked (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  const Ranked *x = a, *y = b;
  GPtrArray *causes = user_data;
  SihUrgency ux, uy;

  if (x->score != y->score)
    return x->score < y->score ? 1 : -1;
  /* On a tie, the more urgent cause first: a takeover before a lock. */
  ux = sih_cause_get_urgency (causes->pdata[x->cause]);
  uy = sih_cause_get_urgency (causes->pdata[y->cause]);
  if (ux != uy)
    return ux < uy ? 1 : -1;
  return x->cause < y->cause ? -1 : x->cause > y->cause;
}

static SihSearchResult *
make_result (SihSearchIndex *self,
             const Ranked   *ranked)
{
  const Field *field = &g_array_index (self->fields, Field, ranked->field);
  SihSearchResult *result = g_new0 (SihSearchResult, 1);
  SihCause *cause = self->causes->pdata[ranked->cause];

  result->cause = g_object_ref (cause);
  result->score = ranked->score;
  result->match = field->match;
  result->text = g_strdup (field->text);
  result->source = field->source;
  if (field->step != G_MAXUINT32)
    {
      g_autoptr(SihStep) step = g_list_model_get_item (sih_cause_get_steps (cause), field->step);
      result->step_id = g_strdup (sih_step_get_id (step));
    }
  return result;
}

static void
reset_scratch (SihSearchIndex *self)
{
  for (guint i = 0; i < self->touched->len; i++)
    {
      guint32 f = g_array_index (self->touched, guint32, i);

      self->acc[f] = 0;
      self->hits[f] = 0;
    }
  g_array_set_size (self->touched, 0);

  for (guint i = 0; i < self->touched_causes->len; i++)
    {
      guint32 c = g_array_index (self->touched_causes, guint32, i);

      self->cause_best[c] = 0;
      self->cause_second[c] = 0;
    }
  g_array_set_size (self->touched_causes, 0);
  g_array_set_size (self->candidates, 0);
}

/**
 * sih_search_index_query:
 * @query: what the person typed
 * @max_results: at most this many results, or 0 for all
 *
 * Ranks the causes by how well their texts match @query.  Causes that
 * match much worse than the best one are left out.
 *
 * Returns: (transfer container) (element-type SihSearchResult): the
 *   results, best first; empty for a blank query or no match
 */
GPtrArray *
sih_search_index_query (SihSearchIndex *self,
                        const char     *query,
                        guint           max_results)
{
  GPtrArray *results;
  Analysis *a;
  QueryUnit units[MAX_QUERY_UNITS];
  guint n_units = 0;
  float total = 0;
  g_autoptr(GArray) ranked = NULL;
  float top = 0;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (query != NULL, NULL);

  results = g_ptr_array_new_with_free_func ((GDestroyNotify)sih_search_result_free);
  a = &self->query;
  sih_search_analyze (a, query);
  if (a->n_chars == 0)
    return results;

  /* Words, then grams, as units; repeated ones count once.  A word or a
   * character still being typed that matches nothing yet is left out
   * until it does, so that the results do not vanish at each keystroke. */
  for (guint i = 0; i < a->words->len && n_units < MAX_QUERY_UNITS; i++)
    {
      QueryUnit *unit = &units[n_units];
      gboolean typing = a->open_word && i == a->words->len - 1;
      gboolean repeated = FALSE;

      for (guint j = 0; j < i && !repeated; j++)
        repeated = g_str_equal (ANALYSIS_WORD (a, i), ANALYSIS_WORD (a, j));
      if (repeated)
        continue;

      /* A single letter being typed is the start of a word, not "a". */
      if (typing && ANALYSIS_WORD (a, i)[1] == '\0')
        continue;

      unit->first = self->candidates->len;
      unit->n = 0;
      unit->gram = FALSE;
      word_candidates (self, unit, ANALYSIS_WORD (a, i), typing);
      if (unit->n == 0 && typing)
        continue;
      unit->weight = unit_weight (self, unit, self->word_idf);
      /* A short unknown word counts for little. */
      if (unit->n == 0)
        unit->weight *= MIN (1.0f, g_utf8_strlen (ANALYSIS_WORD (a, i), -1) / 4.0f);
      total += unit->weight;
      n_units++;
    }

  for (guint i = 0; i < a->grams->len && n_units < MAX_QUERY_UNITS; i++)
    {
      guint64 key = g_array_index (a->grams, guint64, i);
      QueryUnit *unit = &units[n_units];
      gboolean typing = a->open_run && i == a->grams->len - 1 && (key & 0xFFFFFFFF) == 0;
      gboolean repeated = FALSE;
      guint32 id;

      for (guint j = 0; j < i && !repeated; j++)
        repeated = g_array_index (a->grams, guint64, j) == key;
      if (repeated)
        continue;

      unit->first = self->candidates->len;
      unit->n = 0;
      unit->gram = TRUE;
      id = find_gram (self, key);
      if (id != G_MAXUINT32)
        add_gram_candidate (self, unit, id, 1.0f);
      /* A lone character just typed: the grams it begins. */
      if (typing)
        for (guint g = find_gram_from (self, key + 1); g < self->n_grams &&
             (self->gram_keys[g] >> 32) == (key >> 32); g++)
          add_gram_candidate (self, unit, g, SIM_TYPING);
      if (unit->n == 0 && typing)
        continue;
      unit->weight = unit_weight (self, unit, self->gram_idf);
      total += unit->weight;
      n_units++;
    }

  for (guint u = 0; u < n_units; u++)
    {
      if (units[u].gram)
        accumulate (self, &units[u], self->gram_offsets, self->gram_fields);
      else
        accumulate (self, &units[u], self->word_offsets, self->word_fields);
    }

  for (guint i = 0; i < self->touched->len && total > 0; i++)
    {
      guint32 f = g_array_index (self->touched, guint32, i);
      const Field *field = &g_array_index (self->fields, Field, f);
      float cover = self->acc[f] / total;
      float dice = 2.0f * self->hits[f] / (n_units + MAX (field->n_units, 1));
      float weight = kind_weight[field->match];
      float score;

      if (cover < MIN_COVER)
        continue;

      score = weight * (COVER_SHARE * cover + DICE_SHARE * MIN (dice, 1.0f));
      /* Only a text with every unit as typed can contain the query as is;
       * with a single unit, that unit is the query. */
      if (cover >= 0.999f && self->hits[f] == n_units &&
          (n_units == 1 || strstr (field->compact, a->compact->str) != NULL))
        {
          score += weight * CONTAINS_BONUS;
          if (field->compact_len == a->compact->len &&
              memcmp (field->compact, a->compact->str, a->compact->len) == 0)
            score += weight * EQUAL_BONUS;
        }
      rank_field (self, f, score);
    }

  ranked = g_array_sized_new (FALSE, FALSE, sizeof (Ranked), self->touched_causes->len);
  for (guint i = 0; i < self->touched_causes->len; i++)
    {
      guint32 c = g_array_index (self->touched_causes, guint32, i);
      Ranked r = { c, self->cause_best[c] + SECOND_SHARE * self->cause_second[c],
                   self->cause_field[c] };

      g_array_append_val (ranked, r);
      top = MAX (top, r.score);
    }
  g_array_sort_with_data (ranked, compare_ranked, self->causes);

  for (guint i = 0; i < ranked->len; i++)
    {
      const Ranked *r = &g_array_index (ranked, Ranked, i);

      if ((max_results > 0 && results->len >= max_results) || r->score < MIN_RELATIVE * top)
        break;
      g_ptr_array_add (results, make_result (self, r));
    }

  reset_scratch (self);
  return results;
}

/* Messages */

static guint
count_common (const GArray *a,
              const GArray *b)
{
  const guint64 *x = (const guint64 *)(gconstpointer)a->data;
  const guint64 *y = (const guint64 *)(gconstpointer)b->data;
  guint i = 0, j = 0, n = 0;

  while (i < a->len && j < b->len)
    {
      if (x[i] < y[j])
        i++;
      else if (x[i] > y[j])
        j++;
      else
        {
          n++;
          i++;
          j++;
        }
    }
  return n;
}

/**
 * sih_search_index_match_message:
 * @pasted_text: what the sign-in page says, pasted or typed again: part of
 *   a message, with other punctuation or spacing, with small typos, or
 *   with text around it
 *
 * Compares @pasted_text with every error message the pack knows,
 * verbatim and in whatever language each is in.
 *
 * Returns: (transfer container) (element-type SihSearchResult): one result
 *   per cause, with the known message that matched best as @text, best
 *   first; empty if nothing is close
 */
GPtrArray *
sih_search_index_match_message (SihSearchIndex *self,
                                const char     *pasted_text)
{
  g_autoptr(GArray) pasted = NULL;
  g_autoptr(GArray) ranked = NULL;
  g_autofree char *compact = NULL;
  GPtrArray *results;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (pasted_text != NULL, NULL);

  results = g_ptr_array_new_with_free_func ((GDestroyNotify)sih_search_result_free);
  compact = sih_search_normalize (pasted_text);
  if (g_utf8_strlen (compact, -1) < 2)
    return results;

  pasted = g_array_new (FALSE, FALSE, sizeof (guint64));
  message_grams (compact, pasted);

  ranked = g_array_new (FALSE, FALSE, sizeof (Ranked));
  for (guint i = 0; i < self->messages->len; i++)
    {
      const Message *message = &g_array_index (self->messages, Message, i);
      guint common = count_common (pasted, message->grams);
      float of_pasted, of_message, dice, score;
      gboolean merged = FALSE;

      if (common < MIN (2, pasted->len) || message->grams->len == 0)
        continue;

      /* Part of a message, or a message with more text around it. */
      of_pasted = (float)common / pasted->len;
      of_message = (float)common / message->grams->len;
      dice = 2.0f * common / (pasted->len + message->grams->len);
      score = 0.7f * MAX (of_pasted, of_message) + 0.3f * dice;
      if (score < 0.45f)
        continue;

      for (guint j = 0; j < ranked->len && !merged; j++)
        {
          Ranked *r = &g_array_index (ranked, Ranked, j);

          if (r->cause == message->cause)
            {
              if (score > r->score)
                {
                  r->score = score;
                  r->field = i;
                }
              merged = TRUE;
            }
        }
      if (!merged)
        g_array_append_vals (ranked, &(Ranked) { message->cause, score, i }, 1);
    }
  g_array_sort_with_data (ranked, compare_ranked, self->causes);

  for (guint i = 0; i < ranked->len; i++)
    {
      const Ranked *r = &g_array_index (ranked, Ranked, i);
      const Message *message = &g_array_index (self->messages, Message, r->field);
      SihSearchResult *result = g_new0 (SihSearchResult, 1);

      result->cause = g_object_ref (self->causes->pdata[r->cause]);
      result->score = r->score;
      result->match = SIH_SEARCH_MATCH_ERROR_MESSAGE;
      result->text = g_strdup (message->message->text);
      g_ptr_array_add (results, result);
    }

  return results;
}
