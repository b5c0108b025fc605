/* sih-case-info.h: one saved case, as the case list shows it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "core/sih-pack.h"
#include "core/sih-status.h"

G_BEGIN_DECLS

#define SIH_TYPE_CASE_INFO (sih_case_info_get_type ())

G_DECLARE_FINAL_TYPE (SihCaseInfo, sih_case_info, SIH, CASE_INFO, GObject)

const char *sih_case_info_get_id           (SihCaseInfo *self);
const char *sih_case_info_get_title        (SihCaseInfo *self);
GDateTime  *sih_case_info_get_created      (SihCaseInfo *self);
GDateTime  *sih_case_info_get_updated      (SihCaseInfo *self);
gboolean    sih_case_info_get_solved       (SihCaseInfo *self);
const char *sih_case_info_get_cause_id     (SihCaseInfo *self);
const char *sih_case_info_get_pack_id      (SihCaseInfo *self);
const char *sih_case_info_get_pack_version (SihCaseInfo *self);
const char *sih_case_info_get_path         (SihCaseInfo *self);
SihStatus   sih_case_info_get_status       (SihCaseInfo *self);
GDateTime  *sih_case_info_get_call_back    (SihCaseInfo *self);
const char *sih_case_info_get_ticket       (SihCaseInfo *self);
const char *sih_case_info_get_caller_name  (SihCaseInfo *self);

gboolean    sih_case_info_is_call_back_due (SihCaseInfo *self,
                                            GDateTime   *now);
int         sih_case_info_compare          (SihCaseInfo *a,
                                            SihCaseInfo *b,
                                            GDateTime   *now);
gboolean    sih_case_info_matches          (SihCaseInfo *self,
                                            SihPack     *pack,
                                            const char  *search);
char       *sih_case_info_format_status    (SihCaseInfo *self,
                                            GDateTime   *now);

G_END_DECLS
