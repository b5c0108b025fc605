/* sih-handover.h: a case made safe to hand to someone else (GTK-free)
 *
 * A handover file is a case file (sih-case-file.h) written from a copy of
 * the case in which everything the person typed (the title, the notes and
 * the details) has:
 *  - what looks like a password or a code (sih_mask_find_secrets())
 *    replaced by the marker the summary uses, "[hidden]", always;
 *  - e-mail addresses and phone numbers masked as the summary masks them
 *    (sih-mask.h), unless the caller asks for them as written.
 * The registered e-mail address and phone number are masked whole, as in
 * the summary; details chosen from a list are ids and stay as they are.
 * The case kept on this computer is never changed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "core/sih-case.h"
#include "core/sih-mask.h"

G_BEGIN_DECLS

/**
 * SihHandoverReport:
 * @n_withheld: how many things that looked like a password or a code
 *   were left out
 * @n_masked: how many e-mail addresses and phone numbers were masked
 *
 * What making a case safe to share took out, to tell the person.
 */
typedef struct
{
  guint n_withheld;
  guint n_masked;
} SihHandoverReport;

SihCase  *sih_handover_copy_case (SihCase            *kase,
                                  SihMaskFlags        mask,
                                  SihHandoverReport  *report);
gboolean  sih_handover_export    (SihCase            *kase,
                                  const char         *path,
                                  SihMaskFlags        mask,
                                  SihHandoverReport  *report,
                                  GError            **error);

G_END_DECLS
