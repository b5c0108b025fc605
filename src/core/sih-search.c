/* sih-search.c: ranked search over a pack's causes, and matching of
 * pasted error messages
 *
 * Files: sih-search-analysis.c reads texts (below), sih-search-index.c
 * builds the index (sih-search-private.h), and this file answers queries
 * and matches pasted messages.  A query is first rewritten in the pack's
 * words with the lexicon (data/search/lexicon.json, sih-search-lexicon.c):
 * "ワンタイムパスワード" is "確認コード", "届かへん" is "届かない", a
 * katakana word one typo from a word of the pack is that word.
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
 * words of 4 to 7 characters, 2 for longer ones), and the lexicon's groups
 * of English words that stand for each other ("bought" for "order", "sms"
 * for "text") count a little less than the word itself.
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

#include "core/sih-search.h"
#include "core/sih-search-analysis.h"
#include "core/sih-search-private.h"

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
 * share of the best cause's score, to be listed.  A whole sentence covers
 * little of itself with any one text: then a text covering at least
 * PARTIAL_COVER of what the best text covers is listed, if what it covers
 * weighs at least MIN_EVIDENCE (a word few causes have, or a few common
 * ones), so that the best partial matches come first instead of nothing. */
#define MIN_COVER     0.15f
#define MIN_RELATIVE  0.3f
#define PARTIAL_COVER 0.5f
#define MIN_EVIDENCE  2.0f

/* How much a text of at least MIN_WITHIN_UNITS units that a longer query
 * contains counts (the share of its units in the query, squared). */
#define WITHIN_SHARE  0.4f
#define MIN_WITHIN_UNITS 3

/* A unit the pack does not have (a word of the sentence around the
 * symptom, "うちのおばあちゃんが") counts this share of its weight: it
 * lowers every score a little, and empties no list. */
#define UNKNOWN_SHARE 0.3f

#define MAX_QUERY_UNITS 256
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
  guint n_groups = sih_search_lexicon_get_n_groups (self->lexicon);

  for (guint g = 0; g < n_groups; g++)
    {
      const char * const *group = sih_search_lexicon_get_group (self->lexicon, g);

      if (!g_strv_contains (group, word))
        continue;

      for (guint i = 0; group[i] != NULL; i++)
        {
          g_autofree char *stem = sih_search_stem_word (group[i]);
          guint32 id = find_word (self, stem != NULL ? stem : group[i]);

          if (id != G_MAXUINT32 && !g_str_equal (group[i], word))
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

              d = sih_search_edit_distance (chars, n, all + w->chars, w->n_chars, max_typos);
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
  g_autofree char *rewritten = NULL;
  float best_acc = 0;
  float min_cover;
  float top = 0;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (query != NULL, NULL);

  results = g_ptr_array_new_with_free_func ((GDestroyNotify)sih_search_result_free);
  a = &self->query;
  /* In the pack's words: "ワンタイムパスワード" is "確認コード". */
  rewritten = sih_search_lexicon_rewrite (self->lexicon, query, self->kana_words);
  sih_search_analyze (a, rewritten);
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
      /* An unknown word counts for little, and a short one for less. */
      if (unit->n == 0)
        unit->weight *= UNKNOWN_SHARE * MIN (1.0f, g_utf8_strlen (ANALYSIS_WORD (a, i), -1) / 4.0f);
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
      if (unit->n == 0)
        unit->weight *= UNKNOWN_SHARE;
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

  /* A sentence: the best partial matches, rather than nothing. */
  for (guint i = 0; i < self->touched->len && total > 0; i++)
    best_acc = MAX (best_acc, self->acc[g_array_index (self->touched, guint32, i)]);
  min_cover = MIN (MIN_COVER, PARTIAL_COVER * best_acc / MAX (total, 1e-6f));

  for (guint i = 0; i < self->touched->len && total > 0; i++)
    {
      guint32 f = g_array_index (self->touched, guint32, i);
      const Field *field = &g_array_index (self->fields, Field, f);
      float cover = self->acc[f] / total;
      float dice = 2.0f * self->hits[f] / (n_units + MAX (field->n_units, 1));
      float weight = kind_weight[field->match];
      float score;

      if (cover < min_cover || (cover < MIN_COVER && self->acc[f] < MIN_EVIDENCE))
        continue;

      score = weight * (COVER_SHARE * cover + DICE_SHARE * MIN (dice, 1.0f));
      /* A short text said whole inside a longer query, as a symptom is in
       * a caller's sentence: the share of it the query has. */
      if (n_units > field->n_units && field->n_units >= MIN_WITHIN_UNITS)
        {
          float within = MIN (1.0f, (float)self->hits[f] / field->n_units);

          score += weight * WITHIN_SHARE * within * within;
        }
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
  _sih_search_message_grams (compact, pasted);

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
