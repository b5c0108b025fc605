/* sih-export.h: the support summary from the command line, without a window;
 * file names, folders and saving for the windows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "core/sih-case.h"
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

char          *sih_export_document_title      (SihCase      *kase);
char          *sih_export_file_name           (SihCase      *kase,
                                               GDateTime    *now);
char          *sih_export_safe_file_name      (const char   *text);
GFile         *sih_export_default_folder      (void);
int            sih_export_temp_open           (const char   *path,
                                               char        **temp_path,
                                               GError      **error);
int            sih_export_temp_write          (int           fd,
                                               const void   *data,
                                               gsize         size);
gboolean       sih_export_temp_commit         (int           fd,
                                               const char   *temp_path,
                                               const char   *path,
                                               int           write_errno,
                                               GError      **error);
void           sih_export_temp_discard        (int           fd,
                                               const char   *temp_path);
gboolean       sih_export_write_file          (const char   *path,
                                               const void   *data,
                                               gsize         size,
                                               GError      **error);
gboolean       sih_export_save_bytes          (GtkWindow       *parent,
                                               AdwToastOverlay *toasts,
                                               const char      *title,
                                               const char      *accept_label,
                                               const char      *name,
                                               GBytes          *bytes,
                                               const char      *error_heading);

G_END_DECLS
