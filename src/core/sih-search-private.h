/* sih-search-private.h: the search index, shared by building and querying
 *
 * sih-search-index.c builds the index from a pack; sih-search.c answers
 * queries and matches pasted messages with it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "core/sih-search.h"
#include "core/sih-search-analysis.h"
#include "core/sih-search-lexicon.h"

G_BEGIN_DECLS

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

  GArray         *messages;      /* Message: the pack's, then other forms from the lexicon */

  SihSearchLexicon *lexicon;     /* the bundled one: not owned */
  GPtrArray      *kana_words;    /* katakana words of the pack and the lexicon, sorted */

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


void _sih_search_message_grams (const char *compact,
                                GArray     *grams);

G_END_DECLS
