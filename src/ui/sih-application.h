/* sih-application.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "core/sih-case.h"
#include "core/sih-case-store.h"
#include "core/sih-pack.h"

G_BEGIN_DECLS

#define SIH_TYPE_APPLICATION (sih_application_get_type ())

G_DECLARE_FINAL_TYPE (SihApplication, sih_application, SIH, APPLICATION, AdwApplication)

SihApplication *sih_application_new      (void);
SihPack        *sih_application_get_pack       (SihApplication *self);
const GError   *sih_application_get_pack_error (SihApplication *self);
const char     *sih_application_get_pack_warning (SihApplication *self);
SihCaseStore   *sih_application_get_store      (SihApplication *self);
gboolean        sih_application_is_store_ready (SihApplication *self);
gboolean        sih_application_is_holding_logout (SihApplication *self);
SihCase        *sih_application_open_last_case (SihApplication *self);
SihCase        *sih_application_new_case       (SihApplication *self);

int             sih_validate_packs       (const char * const *paths,
                                          GString            *out);

G_END_DECLS
