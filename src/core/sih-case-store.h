/* sih-case-store.h: every saved case, one private file each (GTK-free)
 *
 * The directory holds "<case-id>.json" files (0600, see sih-case-file.h),
 * an "index.json" that lets the case list appear without reading every
 * case (a cache: rebuilt when missing or stale), and "unreadable/", where
 * files that cannot be read are moved unchanged.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "core/sih-case.h"
#include "core/sih-case-info.h"

G_BEGIN_DECLS

/**
 * SihUnreadableCase:
 * @path: where the file was found
 * @moved_to: (nullable): where it is now, in "unreadable/"; %NULL when it
 *   could not be read at all (permissions, I/O) and was left in place
 * @error: why it could not be read, a #SIH_ERROR; the message names the
 *   file and the place in it
 */
typedef struct
{
  char   *path;
  char   *moved_to;
  GError *error;
} SihUnreadableCase;

/**
 * SihImportConflict:
 * @SIH_IMPORT_NEW: no saved case has the file's id
 * @SIH_IMPORT_NEWER: a saved case has it, and the file was changed later
 * @SIH_IMPORT_NOT_NEWER: a saved case has it, changed at the same time as
 *   the file or later
 */
typedef enum
{
  SIH_IMPORT_NEW,
  SIH_IMPORT_NEWER,
  SIH_IMPORT_NOT_NEWER,
} SihImportConflict;

/**
 * SihImportChoice:
 * @SIH_IMPORT_ADD: a new case: add it as it is
 * @SIH_IMPORT_UPDATE: replace the saved case with the file's (newer) one
 * @SIH_IMPORT_KEEP_BOTH: add the file's case as a labelled copy
 */
typedef enum
{
  SIH_IMPORT_ADD,
  SIH_IMPORT_UPDATE,
  SIH_IMPORT_KEEP_BOTH,
} SihImportChoice;

/**
 * SihImport:
 * @kase: the case in the file
 * @conflict: how it stands to the saved cases
 * @saved: (nullable): the saved case with its id
 *
 * A file to import, read and checked, before the person has chosen.
 */
typedef struct
{
  SihCase           *kase;
  SihImportConflict  conflict;
  SihCaseInfo       *saved;
} SihImport;

void sih_import_free (SihImport *import);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SihImport, sih_import_free)

#define SIH_TYPE_CASE_STORE (sih_case_store_get_type ())

G_DECLARE_FINAL_TYPE (SihCaseStore, sih_case_store, SIH, CASE_STORE, GObject)

char         *sih_case_store_get_default_directory (void);

SihCaseStore *sih_case_store_new            (const char           *directory);
const char   *sih_case_store_get_directory  (SihCaseStore         *self);

gboolean      sih_case_store_open           (SihCaseStore         *self,
                                             GError              **error);
void          sih_case_store_open_async     (SihCaseStore         *self,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
gboolean      sih_case_store_open_finish    (SihCaseStore         *self,
                                             GAsyncResult         *result,
                                             GError              **error);

GListModel   *sih_case_store_get_cases      (SihCaseStore         *self);
SihCaseInfo  *sih_case_store_lookup         (SihCaseStore         *self,
                                             const char           *id);
GPtrArray    *sih_case_store_get_unreadable (SihCaseStore         *self);

SihCase      *sih_case_store_new_case       (SihCaseStore         *self,
                                             const char           *pack_id,
                                             const char           *pack_version);
SihCase      *sih_case_store_load           (SihCaseStore         *self,
                                             const char           *id,
                                             GError              **error);
void          sih_case_store_track          (SihCaseStore         *self,
                                             SihCase              *c);
void          sih_case_store_untrack        (SihCaseStore         *self,
                                             SihCase              *c);
gboolean      sih_case_store_flush          (SihCaseStore         *self,
                                             GError              **error);
gboolean      sih_case_store_get_busy       (SihCaseStore         *self);

gboolean      sih_case_store_trash          (SihCaseStore         *self,
                                             const char           *id);
gboolean      sih_case_store_restore        (SihCaseStore         *self,
                                             const char           *id);
gboolean      sih_case_store_purge          (SihCaseStore         *self,
                                             const char           *id,
                                             GError              **error);
gboolean      sih_case_store_delete_all     (SihCaseStore         *self,
                                             GError              **error);

SihImport    *sih_case_store_check_import   (SihCaseStore         *self,
                                             GFile                *file,
                                             GError              **error);
SihCaseInfo  *sih_case_store_finish_import  (SihCaseStore         *self,
                                             SihImport            *import,
                                             SihImportChoice       choice,
                                             GError              **error);

guint         sih_case_store_get_save_delay     (SihCaseStore     *self);
void          sih_case_store_set_save_delay     (SihCaseStore     *self,
                                                 guint             msec);
guint         sih_case_store_get_retry_interval (SihCaseStore     *self);
void          sih_case_store_set_retry_interval (SihCaseStore     *self,
                                                 guint             msec);

/* For tests: every case write fails with @error until this is called
 * again with %NULL.  Files already saved are left as they are. */
void          sih_case_store_set_write_error    (SihCaseStore     *self,
                                                 const GError     *error);

G_END_DECLS
