/* sih-case-info-private.h: for SihCaseStore, which keeps the entries
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "core/sih-case-index.h"
#include "core/sih-case-info.h"

G_BEGIN_DECLS

SihCaseInfo *sih_case_info_new    (const char  *id,
                                   const char  *path);
SihCaseInfo *sih_case_info_new_from_record (const char          *path,
                                           const SihCaseRecord *record);
SihCaseInfo *sih_case_info_new_full (const char *id,
                                     const char *path,
                                     const char *title,
                                     GDateTime  *created,
                                     GDateTime  *updated,
                                     gboolean    solved,
                                     const char *cause_id,
                                     const char *pack_id,
                                     const char *pack_version);
gboolean     sih_case_info_update (SihCaseInfo         *self,
                                   const SihCaseRecord *record);

G_END_DECLS
