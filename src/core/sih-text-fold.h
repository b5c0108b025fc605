/* sih-text-fold.h: text folded so that what people type matches what is shown
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char     *sih_text_fold                (const char *text);
char     *sih_text_fold_width_and_case (const char *text);
char     *sih_text_fold_variants       (const char *text);
gunichar  sih_text_fold_kana           (gunichar    ch);
gunichar  sih_text_fold_small_kana     (gunichar    ch);

G_END_DECLS
