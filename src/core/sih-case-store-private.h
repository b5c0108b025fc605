/* sih-case-store-private.h: what the case store's files share
 *
 * sih-case-store.c: the store, its list model, saving and the index
 * writes; sih-case-store-scan.c: the folder on disk (scanning, reading,
 * setting aside); sih-case-index.c: the index format.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sys/stat.h>

#include "core/sih-case-store.h"

G_BEGIN_DECLS

#define UNREADABLE_NAME        "unreadable"
#define CASE_SUFFIX            ".json"

typedef struct
{
  GPtrArray *records;     /* SihCaseRecord, newest first */
  GPtrArray *infos;       /* SihCaseInfo for each record, made in the worker */
  GPtrArray *unreadable;  /* SihUnreadableCase */
  gboolean   index_stale;
} ScanResult;

struct _SihCaseStore
{
  GObject      parent_instance;

  char        *directory;
  char        *index_path;
  char        *unreadable_dir;

  GListStore  *cases;       /* SihCaseInfo, newest first */
  GHashTable  *entries;     /* id → Entry */
  GHashTable  *tracked;     /* id → Tracked */
  GPtrArray   *unreadable;  /* SihUnreadableCase */

  guint        save_delay;
  guint        retry_interval;
  GError      *write_error;

  GMutex       write_lock;
  GMutex       index_lock;
  guint64      index_written_gen;  /* under index_lock */
  guint64      index_gen;
  guint        index_timeout_id;
  gboolean     index_dirty;

  guint        n_in_flight;
  gboolean     busy;
};

char              *_sih_case_store_case_path          (SihCaseStore       *self,
                                                       const char         *id);
gboolean           _sih_case_store_ensure_directory   (const char         *path,
                                                       GError            **error);
void               _sih_case_store_sync_directory     (const char         *path);
void               _sih_case_store_unreadable_free    (SihUnreadableCase  *report);
SihCase           *_sih_case_store_read_case_file     (const char         *path,
                                                       const char         *name,
                                                       const char         *expected_id,
                                                       struct stat        *st,
                                                       gboolean           *set_aside,
                                                       GError            **error);
char              *_sih_case_store_set_aside          (const char         *unreadable_dir,
                                                       const char         *path,
                                                       GError            **error);
SihUnreadableCase *_sih_case_store_report_unreadable  (const char         *unreadable_dir,
                                                       const char         *path,
                                                       gboolean            move,
                                                       GError             *error);
ScanResult        *_sih_case_store_scan               (SihCaseStore       *self,
                                                       GError            **error);
void               _sih_case_store_scan_result_free   (ScanResult         *result);
int                _sih_case_store_compare_infos      (gconstpointer       a,
                                                       gconstpointer       b,
                                                       gpointer            user_data);

G_END_DECLS
