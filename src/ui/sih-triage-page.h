/* sih-triage-page.h: a few questions that lead to the right cause
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "core/sih-case.h"
#include "core/sih-pack.h"

G_BEGIN_DECLS

#define SIH_TYPE_TRIAGE_PAGE (sih_triage_page_get_type ())

G_DECLARE_FINAL_TYPE (SihTriagePage, sih_triage_page, SIH, TRIAGE_PAGE, AdwBin)

GtkWidget  *sih_triage_page_new             (void);
void        sih_triage_page_show            (SihTriagePage *self,
                                             SihPack       *pack,
                                             SihCase       *kase);
const char *sih_triage_page_get_question_id (SihTriagePage *self);
const char *sih_triage_page_get_result      (SihTriagePage *self);
gboolean    sih_triage_page_answer          (SihTriagePage *self,
                                             const char    *answer_id);

G_END_DECLS
