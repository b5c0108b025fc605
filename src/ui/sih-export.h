/* sih-export.h: the support summary from the command line, without a window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "core/sih-device-info.h"
#include "core/sih-pack.h"

G_BEGIN_DECLS

int            sih_export_handle_options      (GVariantDict *options);
SihDeviceInfo *sih_export_collect_device_info (SihPack      *pack);
int            sih_export_summary_cli         (const char   *case_path,
                                               const char   *format,
                                               const char   *output,
                                               gboolean      no_mask,
                                               gboolean      help_desk);

G_END_DECLS
