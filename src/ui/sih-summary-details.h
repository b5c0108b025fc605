/* sih-summary-details.h: the summary's "Details" page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "core/sih-case.h"
#include "core/sih-triage.h"

G_BEGIN_DECLS

#define SIH_TYPE_SUMMARY_DETAILS (sih_summary_details_get_type ())

G_DECLARE_FINAL_TYPE (SihSummaryDetails, sih_summary_details, SIH, SUMMARY_DETAILS, AdwBin)

void sih_summary_details_set_case (SihSummaryDetails *self,
                                   SihCase           *kase,
                                   SihTriage         *triage,
                                   gboolean           help_desk,
                                   const char        *this_os);
gboolean sih_summary_details_focus_field (SihSummaryDetails *self,
                                          const char        *key);

G_END_DECLS
