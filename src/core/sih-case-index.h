/* sih-case-index.h: the case folder's index.json, a cache of what each
 * case file holds as far as the saved-cases list is concerned
 *
 * Private to the case store (and its tests and fuzz target).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sys/stat.h>

#include "core/sih-case.h"

G_BEGIN_DECLS

#define SIH_CASE_INDEX_NAME "index.json"

/* Which version of a file an index entry describes.  Every save renames a
 * new inode into place, so the inode alone nearly always changes. */
typedef struct
{
  guint64 ino;
  gint64  size;
  gint64  mtime_ns;
} SihFileStamp;

/* What a case file on disk holds, as far as the list is concerned.
 * Immutable once shared, so worker threads can write the index from it. */
typedef struct
{
  gatomicrefcount  ref;
  char            *id;
  char            *title;
  char            *cause_id;
  char            *pack_id;
  char            *pack_version;
  GDateTime       *created;
  GDateTime       *updated;
  SihStatus        status;
  GDateTime       *call_back;      /* nullable */
  char            *ticket;         /* nullable */
  char            *caller_name;    /* nullable */
  char            *search_text;    /* nullable: the notes, details and status
                                    * reason, folded (sih_text_fold()), for
                                    * the saved-cases search */
  SihFileStamp     stamp;
} SihCaseRecord;

SihCaseRecord *sih_case_record_new_from_case (SihCase             *c);
SihCaseRecord *sih_case_record_ref           (SihCaseRecord       *record);
void           sih_case_record_unref         (SihCaseRecord       *record);

SihFileStamp   sih_file_stamp_from_stat      (const struct stat   *st);
gboolean       sih_file_stamp_equal          (const SihFileStamp  *a,
                                              const SihFileStamp  *b);

GBytes        *sih_case_index_to_bytes       (GPtrArray           *records);
GHashTable    *sih_case_index_parse          (const char          *data,
                                              gsize                len,
                                              gboolean            *complete);
GHashTable    *sih_case_index_read           (const char          *path,
                                              gboolean            *complete);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SihCaseRecord, sih_case_record_unref)

G_END_DECLS
