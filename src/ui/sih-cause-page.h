/* sih-cause-page.h: a cause's guided checklist
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "core/sih-case.h"
#include "core/sih-pack.h"

G_BEGIN_DECLS

#define SIH_TYPE_CAUSE_PAGE (sih_cause_page_get_type ())

G_DECLARE_FINAL_TYPE (SihCausePage, sih_cause_page, SIH, CAUSE_PAGE, AdwBin)

GtkWidget *sih_cause_page_new          (void);
void       sih_cause_page_show         (SihCausePage *self,
                                        SihPack      *pack,
                                        SihCause     *cause,
                                        SihCase      *kase);
void       sih_cause_page_set_help_desk (SihCausePage *self,
                                         gboolean      help_desk);
SihCause  *sih_cause_page_get_cause    (SihCausePage *self);
SihCase   *sih_cause_page_get_case     (SihCausePage *self);
GtkListBox *sih_cause_page_get_step_list (SihCausePage *self);
const char *sih_cause_page_get_guidance (SihCausePage *self);
gboolean   sih_cause_page_show_note    (SihCausePage *self,
                                        const char   *step_id);

G_END_DECLS
