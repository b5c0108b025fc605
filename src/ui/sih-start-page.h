/* sih-start-page.h: what the app does, and where most people start
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "core/sih-case.h"
#include "core/sih-pack.h"
#include "core/sih-search.h"

G_BEGIN_DECLS

#define SIH_TYPE_START_PAGE (sih_start_page_get_type ())

G_DECLARE_FINAL_TYPE (SihStartPage, sih_start_page, SIH, START_PAGE, AdwBin)

GtkWidget *sih_start_page_new      (void);
void       sih_start_page_set_pack (SihStartPage *self,
                                    SihPack      *pack);
void       sih_start_page_set_case (SihStartPage *self,
                                    SihCase      *kase);
void       sih_start_page_set_search_index (SihStartPage   *self,
                                            SihSearchIndex *index);
GListModel *sih_start_page_match_message    (SihStartPage   *self,
                                             const char     *text);

G_END_DECLS
