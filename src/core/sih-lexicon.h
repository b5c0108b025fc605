/* sih-lexicon.h: the words search and masking know, per language
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define SIH_LEXICON_N_SECRET_WORDS   20

extern const char * const sih_lexicon_stem_endings[];
/* Words that label a password or a code, longest first. */
extern const char * const sih_lexicon_secret_words[SIH_LEXICON_N_SECRET_WORDS];
extern const char * const sih_lexicon_not_secret_codes[];
extern const char * const sih_lexicon_number_names[];
extern const char * const sih_lexicon_state_words[];
extern const char * const sih_lexicon_amount_units[];

G_END_DECLS
