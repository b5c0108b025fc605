/* sih-case-store-scan.c: the case folder on disk — reading a case file,
 * setting aside one that cannot be read, and scanning the folder against
 * the index (all safe in worker threads)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "core/sih-case-file-private.h"
#include "core/sih-case-index.h"
#include "core/sih-case-info-private.h"
#include "core/sih-case-store-private.h"
#include "core/sih-error.h"
#include "core/sih-json-reader.h"

void
_sih_case_store_unreadable_free (SihUnreadableCase *report)
{
  if (report == NULL)
    return;
  g_free (report->path);
  g_free (report->moved_to);
  g_clear_error (&report->error);
  g_free (report);
}

void
_sih_case_store_scan_result_free (ScanResult *result)
{
  g_ptr_array_unref (result->records);
  g_clear_pointer (&result->infos, g_ptr_array_unref);
  g_ptr_array_unref (result->unreadable);
  g_free (result);
}

char *
_sih_case_store_case_path (SihCaseStore *self,
                           const char   *id)
{
  g_autofree char *name = g_strconcat (id, CASE_SUFFIX, NULL);

  return g_build_filename (self->directory, name, NULL);
}

gboolean
_sih_case_store_ensure_directory (const char  *path,
                                  GError     **error)
{
  struct stat st;
  int saved_errno;

  if (g_mkdir_with_parents (path, 0700) != 0)
    {
      saved_errno = errno;
      sih_error_set_io (error, g_io_error_from_errno (saved_errno), "Could not create the folder %s: %s",
                        path, g_strerror (saved_errno));
      return FALSE;
    }

  if (g_stat (path, &st) != 0 || !S_ISDIR (st.st_mode))
    {
      sih_error_set_io (error, G_IO_ERROR_NOT_DIRECTORY, "%s is not a folder", path);
      return FALSE;
    }

  /* Cases are personal data: nobody else may list or read them.  Failing
   * to tighten a folder we do not own is not worth refusing to start. */
  if ((st.st_mode & 077) != 0 && st.st_uid == getuid ())
    g_chmod (path, 0700);

  return TRUE;
}

/* Makes a rename durable, not just the file's contents. */
void
_sih_case_store_sync_directory (const char *path)
{
  int fd = g_open (path, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);

  if (fd >= 0)
    {
      fsync (fd);
      close (fd);
    }
}

/* g_file_set_contents_full writes "NAME.XXXXXX" and renames it; a crash in
 * between leaves one behind. */
static gboolean
is_leftover_temporary (const char *name)
{
  const char *dot = strrchr (name, '.');
  g_autofree char *stem = NULL;
  gsize stem_len;

  if (dot == NULL || strlen (dot + 1) != 6)
    return FALSE;
  for (const char *p = dot + 1; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p))
      return FALSE;

  /* Only ours: "CASE-ID.json.XXXXXX" or "index.json.XXXXXX". */
  if (dot - name <= (gssize)strlen (CASE_SUFFIX) ||
      strncmp (dot - strlen (CASE_SUFFIX), CASE_SUFFIX, strlen (CASE_SUFFIX)) != 0)
    return FALSE;
  stem_len = dot - name - strlen (CASE_SUFFIX);
  stem = g_strndup (name, stem_len);
  return sih_id_is_valid (stem);
}

/* Reading and setting aside (safe in worker threads) */

SihCase *
_sih_case_store_read_case_file (const char   *path,
                                const char   *name,
                                const char   *expected_id,
                                struct stat  *st,
                                gboolean     *set_aside,
                                GError      **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(SihCase) c = NULL;
  struct stat lst;
  int saved_errno;

  *set_aside = FALSE;

  if (g_lstat (path, &lst) != 0)
    {
      saved_errno = errno;
      if (saved_errno == ENOENT)
        g_set_error (error, SIH_ERROR, SIH_ERROR_NOT_FOUND, "%s: %s", name, g_strerror (saved_errno));
      else
        sih_error_set_io (error, g_io_error_from_errno (saved_errno),
                          "%s: %s", name, g_strerror (saved_errno));
      return NULL;
    }

  /* A link could point anywhere: following it would read, and a later
   * save would replace, something that is not ours. */
  if (S_ISLNK (lst.st_mode))
    {
      *set_aside = TRUE;
      sih_error_set_io (error, G_IO_ERROR_NOT_REGULAR_FILE,
                        "%s: is a symbolic link; case files must be regular files", name);
      return NULL;
    }

  if (!S_ISREG (lst.st_mode))
    {
      sih_error_set_io (error, G_IO_ERROR_NOT_REGULAR_FILE, "%s: not a regular file", name);
      return NULL;
    }

  bytes = sih_case_file_read_stat (path, FALSE, st, &local_error);
  if (bytes == NULL)
    {
      /* Permissions and I/O errors may pass; only a file that can never be
       * read is moved. */
      *set_aside = g_error_matches (local_error, SIH_ERROR, SIH_ERROR_TOO_LARGE);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  c = sih_case_file_load_bytes (bytes, name, error);
  if (c == NULL)
    {
      *set_aside = TRUE;
      return NULL;
    }

  if (g_strcmp0 (sih_case_get_id (c), expected_id) != 0)
    {
      *set_aside = TRUE;
      g_set_error (error, SIH_ERROR, SIH_ERROR_INVALID_VALUE,
                   "%s: id: the file holds the case “%s”, but its name says “%s”; "
                   "import it instead", name, sih_case_get_id (c), expected_id);
      return NULL;
    }

  return g_steal_pointer (&c);
}

/* Moves a file into unreadable/ unchanged: rename keeps the bytes, the
 * permissions and the times.  Never replaces a file already there. */
char *
_sih_case_store_set_aside (const char  *unreadable_dir,
                           const char  *path,
                           GError     **error)
{
  g_autofree char *name = g_path_get_basename (path);
  g_autofree char *stem = NULL;
  const char *suffix;
  struct stat st;
  int saved_errno;

  /* unreadable/ is inside the case folder, so a link there could point
   * anywhere: files are only ever moved into a real folder. */
  if (g_lstat (unreadable_dir, &st) == 0 && !S_ISDIR (st.st_mode))
    {
      sih_error_set_io (error, G_IO_ERROR_NOT_DIRECTORY,
                        "Could not move %s: %s is not a folder (a symbolic link?)", path,
                        unreadable_dir);
      return NULL;
    }

  if (!_sih_case_store_ensure_directory (unreadable_dir, error))
    return NULL;

  suffix = g_str_has_suffix (name, CASE_SUFFIX) ? CASE_SUFFIX : "";
  stem = g_strndup (name, strlen (name) - strlen (suffix));

  for (guint i = 0; i < 10000; i++)
    {
      g_autofree char *candidate = NULL;
      g_autofree char *target = NULL;

      candidate = i == 0 ? g_strdup (name) : g_strdup_printf ("%s-%u%s", stem, i, suffix);
      target = g_build_filename (unreadable_dir, candidate, NULL);
      if (g_lstat (target, &st) == 0 || errno != ENOENT)
        continue;

      if (g_rename (path, target) != 0)
        {
          saved_errno = errno;
          sih_error_set_io (error, g_io_error_from_errno (saved_errno), "Could not move %s to %s: %s",
                            path, target, g_strerror (saved_errno));
          return NULL;
        }
      return g_steal_pointer (&target);
    }

  sih_error_set_io (error, G_IO_ERROR_EXISTS, "Could not move %s: %s is full",
                    path, unreadable_dir);
  return NULL;
}

SihUnreadableCase *
_sih_case_store_report_unreadable (const char *unreadable_dir,
                                   const char *path,
                                   gboolean    move,
                                   GError     *error)
{
  SihUnreadableCase *report = g_new0 (SihUnreadableCase, 1);
  g_autoptr(GError) move_error = NULL;

  report->path = g_strdup (path);
  report->error = error;
  if (move)
    {
      report->moved_to = _sih_case_store_set_aside (unreadable_dir, path, &move_error);
      if (report->moved_to == NULL)
        g_prefix_error (&report->error, "%s; ", move_error->message);
    }

  return report;
}

/* Scanning the directory (safe in a worker thread) */

typedef struct
{
  SihCaseRecord      *record;
  SihCaseInfo *info;
} ScanItem;

static int
compare_scan_items (gconstpointer a,
                    gconstpointer b)
{
  return _sih_case_store_compare_infos (((const ScanItem *)a)->info, ((const ScanItem *)b)->info, NULL);
}

ScanResult *
_sih_case_store_scan (SihCaseStore  *self,
                      GError       **error)
{
  g_autoptr(GHashTable) index = NULL;
  g_autoptr(GPtrArray) leftovers = g_ptr_array_new_with_free_func (g_free);
  ScanResult *result;
  struct dirent *dirent;
  gboolean complete;
  guint n_from_index = 0;
  DIR *dir;
  int saved_errno;

  if (!_sih_case_store_ensure_directory (self->directory, error))
    return NULL;

  /* Plain readdir and fstatat: with 10,000 cases, building and resolving
   * full paths costs more than everything else the scan does. */
  dir = opendir (self->directory);
  if (dir == NULL)
    {
      saved_errno = errno;
      sih_error_set_io (error, g_io_error_from_errno (saved_errno), "Could not read the folder %s: %s",
                        self->directory, g_strerror (saved_errno));
      return NULL;
    }

  index = sih_case_index_read (self->index_path, &complete);

  result = g_new0 (ScanResult, 1);
  result->records = g_ptr_array_new_full (g_hash_table_size (index),
                                          (GDestroyNotify)sih_case_record_unref);
  result->unreadable = g_ptr_array_new_with_free_func ((GDestroyNotify)_sih_case_store_unreadable_free);

  while ((dirent = readdir (dir)) != NULL)
    {
      const char *name = dirent->d_name;
      g_autofree char *path = NULL;
      g_autofree char *id = NULL;
      g_autoptr(SihCase) c = NULL;
      g_autoptr(GError) local_error = NULL;
      SihCaseRecord *record;
      struct stat st;
      gboolean move;
      gsize len;

      if (name[0] == '.' || strcmp (name, SIH_CASE_INDEX_NAME) == 0 || strcmp (name, UNREADABLE_NAME) == 0)
        continue;

      if (is_leftover_temporary (name))
        {
          g_ptr_array_add (leftovers, g_build_filename (self->directory, name, NULL));
          continue;
        }

      len = strlen (name);
      if (len <= strlen (CASE_SUFFIX) ||
          strcmp (name + len - strlen (CASE_SUFFIX), CASE_SUFFIX) != 0 ||
          fstatat (dirfd (dir), name, &st, AT_SYMLINK_NOFOLLOW) != 0)
        continue;

      /* A folder named like a case hides nothing we could read, but the
       * person should know why a case of that name is missing. */
      if (S_ISDIR (st.st_mode))
        {
          path = g_build_filename (self->directory, name, NULL);
          sih_error_set_io (&local_error, G_IO_ERROR_IS_DIRECTORY,
                            "%s: is a folder, not a case file", name);
          g_ptr_array_add (result->unreadable,
                           _sih_case_store_report_unreadable (self->unreadable_dir, path, TRUE,
                                                              g_steal_pointer (&local_error)));
          continue;
        }

      id = g_strndup (name, len - strlen (CASE_SUFFIX));
      record = g_hash_table_lookup (index, id);
      if (record != NULL && S_ISREG (st.st_mode))
        {
          SihFileStamp stamp = sih_file_stamp_from_stat (&st);

          if (sih_file_stamp_equal (&stamp, &record->stamp))
            {
              g_ptr_array_add (result->records, sih_case_record_ref (record));
              n_from_index++;
              continue;
            }
        }

      path = g_build_filename (self->directory, name, NULL);

      if (!sih_id_is_valid (id))
        {
          local_error = g_error_new (SIH_ERROR, SIH_ERROR_INVALID_VALUE,
                                     "%s: the name is not that of a case file "
                                     "(“CASE-ID.json”); import it instead", name);
          g_ptr_array_add (result->unreadable,
                           _sih_case_store_report_unreadable (self->unreadable_dir, path, TRUE,
                                              g_steal_pointer (&local_error)));
          continue;
        }

      c = _sih_case_store_read_case_file (path, name, id, &st, &move, &local_error);
      if (c == NULL)
        {
          /* Gone meanwhile: nothing to report. */
          if (g_error_matches (local_error, SIH_ERROR, SIH_ERROR_NOT_FOUND))
            continue;
          g_ptr_array_add (result->unreadable,
                           _sih_case_store_report_unreadable (self->unreadable_dir, path, move,
                                              g_steal_pointer (&local_error)));
          continue;
        }

      record = sih_case_record_new_from_case (c);
      record->stamp = sih_file_stamp_from_stat (&st);
      g_ptr_array_add (result->records, record);
    }

  closedir (dir);

  result->index_stale = !complete || n_from_index != result->records->len ||
                        g_hash_table_size (index) != n_from_index;

  /* The list entries, sorted, are made here rather than on the main
   * thread, where 10,000 of them would hold up a frame. */
  {
    g_autoptr(GPtrArray) records = g_steal_pointer (&result->records);
    g_autoptr(GArray) order = g_array_sized_new (FALSE, FALSE, sizeof (ScanItem), records->len);

    for (guint i = 0; i < records->len; i++)
      {
        SihCaseRecord *record = g_ptr_array_index (records, i);
        g_autofree char *path = _sih_case_store_case_path (self, record->id);
        ScanItem item;

        item.record = record;
        item.info = sih_case_info_new_from_record (path, record);
        g_array_append_val (order, item);
      }
    g_array_sort (order, compare_scan_items);

    result->records = g_ptr_array_new_full (order->len, (GDestroyNotify)sih_case_record_unref);
    result->infos = g_ptr_array_new_full (order->len, g_object_unref);
    for (guint i = 0; i < order->len; i++)
      {
        ScanItem *item = &g_array_index (order, ScanItem, i);

        g_ptr_array_add (result->records, sih_case_record_ref (item->record));
        g_ptr_array_add (result->infos, item->info);
      }
  }

  /* Under both locks, no write of ours is between its temporary file and
   * its rename, so these are truly left over from a crash. */
  if (leftovers->len > 0)
    {
      g_mutex_lock (&self->write_lock);
      g_mutex_lock (&self->index_lock);
      for (guint i = 0; i < leftovers->len; i++)
        g_unlink (g_ptr_array_index (leftovers, i));
      g_mutex_unlock (&self->index_lock);
      g_mutex_unlock (&self->write_lock);
    }

  return result;
}

