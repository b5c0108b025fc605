/* sih-summary-preview.h: the summary's "Preview" page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "core/sih-case.h"
#include "core/sih-device-info.h"
#include "core/sih-pack.h"
#include "core/sih-summary.h"

G_BEGIN_DECLS

#define SIH_TYPE_SUMMARY_PREVIEW (sih_summary_preview_get_type ())

G_DECLARE_FINAL_TYPE (SihSummaryPreview, sih_summary_preview, SIH, SUMMARY_PREVIEW, AdwBin)

void              sih_summary_preview_set_case        (SihSummaryPreview   *self,
                                                       SihPack             *pack,
                                                       SihCase             *kase,
                                                       gboolean             help_desk,
                                                       const SihDeviceInfo *device);
const char       *sih_summary_preview_get_text        (SihSummaryPreview   *self);
SihSummaryFormat  sih_summary_preview_get_format      (SihSummaryPreview   *self);
GPtrArray        *sih_summary_preview_dup_blocks      (SihSummaryPreview   *self);
GtkSwitch        *sih_summary_preview_get_unmask_switch (SihSummaryPreview *self,
                                                         const char        *field);
GtkWidget        *sih_summary_preview_get_secret_row    (SihSummaryPreview *self,
                                                         const char        *field);

GtkSwitch        *sih_summary_preview_get_timeline_switch (SihSummaryPreview *self);
void              sih_summary_apply_mask_preference   (SihSummaryOptions   *options);

G_END_DECLS
