/* sih-print.h: print a summary or a checklist, or export it as PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "core/sih-cause.h"
#include "core/sih-pack.h"

G_BEGIN_DECLS

gboolean sih_print_blocks    (GtkWindow   *parent,
                              const char  *title,
                              const char  *file_name,
                              GPtrArray   *blocks,
                              const char  *export_pdf_path,
                              GError     **error);
void     sih_print_checklist (GtkWindow   *parent,
                              SihPack     *pack,
                              SihCause    *cause);

G_END_DECLS
