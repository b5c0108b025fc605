/* sih-print.h: print text, or export it as PDF, with page headers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "core/sih-cause.h"
#include "core/sih-pack.h"

G_BEGIN_DECLS

gboolean sih_print_text      (GtkWindow   *parent,
                              const char  *title,
                              const char  *text,
                              const char  *export_pdf_path,
                              GError     **error);
void     sih_print_checklist (GtkWindow   *parent,
                              SihPack     *pack,
                              SihCause    *cause);

G_END_DECLS
