/* sih-pack.h: a content pack (immutable once loaded)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "core/sih-cause.h"
#include "core/sih-contact.h"
#include "core/sih-triage.h"

G_BEGIN_DECLS

#define SIH_PACK_FORMAT 1
#define SIH_BUNDLED_PACK_RESOURCE RESOURCE_BASE "/content/amazon-signin.json"

#define SIH_TYPE_PACK (sih_pack_get_type ())

G_DECLARE_FINAL_TYPE (SihPack, sih_pack, SIH, PACK, GObject)

SihPack    *sih_pack_new_from_bytes     (GBytes     *bytes,
                                         const char *display_name,
                                         const char *text_domain,
                                         GError    **error);
SihPack    *sih_pack_new_from_file      (const char *path,
                                         const char *text_domain,
                                         GError    **error);
SihPack    *sih_pack_new_from_resource  (const char *resource_path,
                                         const char *text_domain,
                                         GError    **error);
SihPack    *sih_pack_new_bundled        (GError    **error);

const char *sih_pack_get_id             (SihPack    *self);
const char *sih_pack_get_version        (SihPack    *self);
const char *sih_pack_get_title          (SihPack    *self);
const char *sih_pack_get_service        (SihPack    *self);
const char *sih_pack_get_updated        (SihPack    *self);
const char *sih_pack_get_disclaimer     (SihPack    *self);
GListModel *sih_pack_get_causes         (SihPack    *self);
guint       sih_pack_get_n_causes       (SihPack    *self);
guint       sih_pack_get_n_steps        (SihPack    *self);
SihCause   *sih_pack_find_cause         (SihPack    *self,
                                         const char *cause_id);
SihContact *sih_pack_get_contact        (SihPack    *self);
SihTriage  *sih_pack_get_triage         (SihPack    *self);

G_END_DECLS
