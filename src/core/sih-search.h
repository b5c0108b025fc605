/* sih-search.h: find causes from what people type or what the screen says
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "core/sih-enums.h"

#include "core/sih-pack.h"

G_BEGIN_DECLS

/**
 * SihSearchMatch:
 * @SIH_SEARCH_MATCH_TITLE: the cause's title
 * @SIH_SEARCH_MATCH_ERROR_MESSAGE: one of the cause's error messages
 * @SIH_SEARCH_MATCH_SYMPTOM: one of the cause's symptoms
 * @SIH_SEARCH_MATCH_SUMMARY: the cause's summary
 * @SIH_SEARCH_MATCH_STEP_TITLE: the title of one of its steps
 * @SIH_SEARCH_MATCH_STEP_DETAIL: the detail of one of its steps
 *
 * What matched, from the strongest kind of evidence to the weakest.
 */
typedef enum
{
  SIH_SEARCH_MATCH_TITLE,
  SIH_SEARCH_MATCH_ERROR_MESSAGE,
  SIH_SEARCH_MATCH_SYMPTOM,
  SIH_SEARCH_MATCH_SUMMARY,
  SIH_SEARCH_MATCH_STEP_TITLE,
  SIH_SEARCH_MATCH_STEP_DETAIL,
} SihSearchMatch;


/**
 * SihSearchResult:
 * @cause: the cause (a reference)
 * @score: how well it matched; higher is better, comparable within one query
 * @match: what matched best
 * @text: the text that matched, as the pack has it (verbatim for an error
 *   message)
 * @step_id: (nullable): for a step's title or detail, the step's id
 * @source: %TRUE if @text is the pack's source-language text rather than
 *   the translation shown in the user interface (the person typed in the
 *   pack's language, English for the bundled pack)
 */
typedef struct
{
  SihCause       *cause;
  double          score;
  SihSearchMatch  match;
  char           *text;
  char           *step_id;
  gboolean        source;
} SihSearchResult;

#define SIH_TYPE_SEARCH_RESULT (sih_search_result_get_type ())
GType            sih_search_result_get_type (void) G_GNUC_CONST;
SihSearchResult *sih_search_result_copy     (const SihSearchResult *result);
void             sih_search_result_free     (SihSearchResult       *result);

typedef struct _SihSearchIndex SihSearchIndex;

#define SIH_TYPE_SEARCH_INDEX (sih_search_index_get_type ())
GType            sih_search_index_get_type      (void) G_GNUC_CONST;

SihSearchIndex  *sih_search_index_new           (SihPack        *pack);
void             sih_search_index_new_async     (SihPack             *pack,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
SihSearchIndex  *sih_search_index_new_finish    (GAsyncResult        *result,
                                                 GError             **error);
SihSearchIndex  *sih_search_index_ref           (SihSearchIndex *self);
void             sih_search_index_unref         (SihSearchIndex *self);
SihPack         *sih_search_index_get_pack      (SihSearchIndex *self);

GPtrArray       *sih_search_index_query         (SihSearchIndex *self,
                                                 const char     *query,
                                                 guint           max_results);
GPtrArray       *sih_search_index_match_message (SihSearchIndex *self,
                                                 const char     *pasted_text);

char            *sih_search_normalize           (const char     *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SihSearchResult, sih_search_result_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SihSearchIndex, sih_search_index_unref)

G_END_DECLS
