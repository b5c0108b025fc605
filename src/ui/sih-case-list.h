/* sih-case-list.h: the saved cases, to resume, filter and delete
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "core/sih-case-store.h"
#include "core/sih-pack.h"

G_BEGIN_DECLS

/* Which cases the list shows: every one, or only those with one status
 * (a #SihStatus). */
typedef int SihCaseFilter;
#define SIH_CASE_FILTER_ALL (-1)

#define SIH_TYPE_CASE_LIST (sih_case_list_get_type ())

G_DECLARE_FINAL_TYPE (SihCaseList, sih_case_list, SIH, CASE_LIST, GtkPopover)

GtkWidget  *sih_case_list_new         (void);
void        sih_case_list_set_store   (SihCaseList  *self,
                                       SihCaseStore *store,
                                       SihPack      *pack);
void        sih_case_list_set_search  (SihCaseList  *self,
                                       const char   *text);
void        sih_case_list_set_filter  (SihCaseList  *self,
                                       SihCaseFilter filter);
SihCaseFilter sih_case_list_get_filter (SihCaseList *self);
GListModel *sih_case_list_get_visible (SihCaseList  *self);
void        sih_case_list_set_clock   (SihCaseList  *self,
                                       SihClockFunc  clock,
                                       gpointer      user_data);
GSource    *sih_case_list_get_refresh_source (SihCaseList *self);

gboolean    sih_case_list_matches     (SihCaseInfo  *info,
                                       SihPack      *pack,
                                       const char   *search,
                                       SihCaseFilter filter);

G_END_DECLS
