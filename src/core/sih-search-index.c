/* sih-search-index.c: building the search index from a pack
 *
 * Everything that depends only on the pack is computed here, once: the
 * fields (every title, symptom, error message, step title and detail, in
 * the translation and the source), their words and bigrams as sorted
 * vocabularies with the fields each is in and its weight, and the bigrams
 * of every known error message.  See sih-search.c for how it is queried.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/sih-search-private.h"

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
  GHashTable     *kana_words;    /* katakana words, for typos */
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
void
_sih_search_message_grams (const char *compact,
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

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *)a, *(const char * const *)b);
}

static void
finish_kana_words (SihSearchIndex *index,
                   Builder        *b)
{
  GHashTableIter iter;
  gpointer word;

  sih_search_lexicon_add_kana_words (index->lexicon, b->kana_words);
  index->kana_words = g_ptr_array_new_full (g_hash_table_size (b->kana_words), g_free);
  g_hash_table_iter_init (&iter, b->kana_words);
  while (g_hash_table_iter_next (&iter, &word, NULL))
    {
      g_hash_table_iter_steal (&iter);
      g_ptr_array_add (index->kana_words, word);
    }
  g_ptr_array_sort (index->kana_words, compare_strings);
}

/* Other forms of the pack's messages, from the lexicon ("Authentication
 * required" for 認証が必要です): each is matched as the message itself,
 * in every cause that has it. */
static void
add_message_forms (SihSearchIndex *index)
{
  guint n_messages = index->messages->len;

  for (guint i = 0; i < sih_search_lexicon_get_n_messages (index->lexicon); i++)
    {
      const SihLexiconMessage *form = sih_search_lexicon_get_message (index->lexicon, i);
      g_autofree char *compact = sih_search_normalize (form->say);

      for (guint m = 0; m < n_messages; m++)
        {
          const Message *known = &g_array_index (index->messages, Message, m);
          Message message = { known->cause, known->message, NULL };

          if (!g_str_equal (known->message->text, form->of))
            continue;
          message.grams = g_array_new (FALSE, FALSE, sizeof (guint64));
          _sih_search_message_grams (compact, message.grams);
          g_array_append_val (index->messages, message);
        }
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
  b.kana_words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  b.analysis.kana_words = b.kana_words;
  index->lexicon = sih_search_lexicon_get_default ();

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
          _sih_search_message_grams (compact, message.grams);
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

  add_message_forms (index);

  finish_words (index, &b);
  finish_grams (index, &b);
  finish_kana_words (index, &b);
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
  g_hash_table_unref (b.kana_words);

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
  g_clear_pointer (&self->kana_words, g_ptr_array_unref);
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

