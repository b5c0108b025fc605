/* sih-pack-catalog.h: the content packs there are to choose from (GTK-free)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "core/sih-pack.h"

G_BEGIN_DECLS

#define SIH_TYPE_PACK_CATALOG_ENTRY (sih_pack_catalog_entry_get_type ())

G_DECLARE_FINAL_TYPE (SihPackCatalogEntry, sih_pack_catalog_entry, SIH, PACK_CATALOG_ENTRY, GObject)

SihPackCatalogEntry *sih_pack_catalog_entry_new_bundled       (void);
SihPackCatalogEntry *sih_pack_catalog_entry_new_for_file      (const char          *path);

gboolean             sih_pack_catalog_entry_get_bundled       (SihPackCatalogEntry *self);
const char          *sih_pack_catalog_entry_get_path          (SihPackCatalogEntry *self);
const char          *sih_pack_catalog_entry_get_setting_value (SihPackCatalogEntry *self);
const char          *sih_pack_catalog_entry_get_id            (SihPackCatalogEntry *self);
const char          *sih_pack_catalog_entry_get_title         (SihPackCatalogEntry *self);
const char          *sih_pack_catalog_entry_get_version       (SihPackCatalogEntry *self);
guint                sih_pack_catalog_entry_get_n_causes      (SihPackCatalogEntry *self);
const GError        *sih_pack_catalog_entry_get_error         (SihPackCatalogEntry *self);
gboolean             sih_pack_catalog_entry_get_usable        (SihPackCatalogEntry *self);

char               **sih_pack_catalog_get_default_dirs        (void);

GListModel          *sih_pack_catalog_discover                (const char * const  *dirs);
void                 sih_pack_catalog_discover_async          (const char * const  *dirs,
                                                               GCancellable        *cancellable,
                                                               GAsyncReadyCallback  callback,
                                                               gpointer             user_data);
GListModel          *sih_pack_catalog_discover_finish         (GAsyncResult        *result,
                                                               GError             **error);

SihPack             *sih_pack_catalog_load_selected           (const char          *setting_value,
                                                               GError             **error);

G_END_DECLS
