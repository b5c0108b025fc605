/* sih-search-lexicon.h: the words people use for sign-in problems, as data
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _SihSearchLexicon SihSearchLexicon;

/* Another way a known error message is written: @say stands for the pack's
 * message @of (the same text, in whatever language the pack has it). */
typedef struct
{
  const char *language;
  const char *say;
  const char *of;
} SihLexiconMessage;

SihSearchLexicon        *sih_search_lexicon_new_from_bytes (GBytes                 *bytes,
                                                            const char             *display_name,
                                                            GError                **error);
SihSearchLexicon        *sih_search_lexicon_get_default    (void);
void                     sih_search_lexicon_free           (SihSearchLexicon       *lexicon);

guint                    sih_search_lexicon_get_n_groups   (const SihSearchLexicon *lexicon);
const char * const      *sih_search_lexicon_get_group      (const SihSearchLexicon *lexicon,
                                                            guint                   i);
guint                    sih_search_lexicon_get_n_messages (const SihSearchLexicon *lexicon);
const SihLexiconMessage *sih_search_lexicon_get_message    (const SihSearchLexicon *lexicon,
                                                            guint                   i);
void                     sih_search_lexicon_add_kana_words (const SihSearchLexicon *lexicon,
                                                            GHashTable             *words);

void                     sih_search_kana_words_add_text    (GHashTable             *words,
                                                            const char             *text);
char                    *sih_search_lexicon_rewrite        (const SihSearchLexicon *lexicon,
                                                            const char             *text,
                                                            GPtrArray              *kana_words);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SihSearchLexicon, sih_search_lexicon_free)

G_END_DECLS
