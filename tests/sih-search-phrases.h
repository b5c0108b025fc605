/* sih-search-phrases.h: the search test set, shared by the test and the bench
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "core/sih-search.h"

G_BEGIN_DECLS

typedef struct
{
  char   *language;
  char  **causes;   /* any of them may be found */
  char   *text;
  guint   line;
} SihPhrase;

typedef struct
{
  guint n;
  guint top1;
  guint top3;
} SihPhraseRates;

/* Where the phrases are read. */
typedef enum
{
  SIH_PHRASE_SIDEBAR,   /* sih_search_index_query(), as the sidebar asks */
  SIH_PHRASE_SCREEN,    /* sih_search_index_match_message(), the start page's box */
} SihPhraseTarget;

GPtrArray *sih_search_phrases_load (const char      *path,
                                    GError         **error);
void       sih_search_phrases_rank (SihSearchIndex  *index,
                                    GPtrArray       *phrases,
                                    const char      *language,
                                    SihPhraseTarget  target,
                                    SihPhraseRates  *rates,
                                    GString         *misses);

G_END_DECLS
