/* sih-case-store.c
 *
 * Saving: every change marks a tracked case dirty; after a short debounce
 * the case is serialized on the main thread (cheap) and written by a
 * worker thread, so that a save never stalls a frame.  Writes go through
 * g_file_set_contents_full (temporary file, fsync, rename): a crash leaves
 * the old file or the new one.  Each write carries a generation number and
 * is skipped if a newer one has already reached the disk, so a synchronous
 * flush and a write still in flight cannot put an older state back.
 *
 * Listing: index.json (sih-case-index.c) remembers, for every case file,
 * its inode, size and modification time and what the list shows.  Opening
 * (sih-case-store-scan.c) compares it with the directory and reads only the
 * files that are new or changed; without an index every file is read once.
 *
 * Nothing is lost: a file that cannot be read is moved unchanged into
 * unreadable/ and reported, never overwritten; a failed write keeps the
 * case in memory, reports it, and is retried.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "core/sih-case-file-private.h"
#include "core/sih-case-index.h"
#include "core/sih-case-info-private.h"
#include "core/sih-case-store.h"
#include "core/sih-case-store-private.h"
#include "core/sih-error.h"
#include "core/sih-json-reader.h"

#define DEFAULT_SAVE_DELAY     500
#define DEFAULT_RETRY_INTERVAL 10000
/* A stream of changes that never pauses is still saved every so often. */
#define MAX_DEBOUNCE_FACTOR    10
/* The index is only a cache; it need not be written after every save. */
#define INDEX_DELAY_FACTOR     4

/* Shared by one entry and its writes; fields under write_lock. */
typedef struct
{
  gatomicrefcount ref;
  guint64         written_gen;
  gboolean        purged;
} Slot;

typedef struct
{
  SihCaseInfo *info;
  SihCaseRecord      *record;      /* the file on disk, or NULL before the first save */
  guint64      record_gen;  /* the generation @record was written by */
  guint64      gen;         /* the last generation handed to a writer */
  Slot        *slot;
  gboolean     trashed;
  gboolean     blank;       /* new, nothing recorded: not listed, not on disk */
} Entry;

typedef struct
{
  SihCaseStore *store;
  SihCase      *c;
  gulong        changed_id;
  guint         timeout_id;
  gint64        dirty_since;
  gboolean      dirty;      /* changed since it was last handed to a writer */
  gboolean      released;   /* untracked: forgotten once saved */
} Tracked;

typedef struct
{
  char     *id;
  char     *path;
  char     *directory;
  GBytes   *bytes;
  guint64   gen;
  Slot     *slot;
  SihCaseRecord   *record;
  GError   *inject;
  SihCase  *c;
  gboolean  superseded;
  char     *unreadable_dir;
  SihUnreadableCase *set_aside;  /* what was in the file's place, moved */
} WriteJob;

typedef struct
{
  GPtrArray *records;
  char      *path;
  guint64    gen;
} IndexJob;



G_DEFINE_FINAL_TYPE (SihCaseStore, sih_case_store, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DIRECTORY,
  PROP_BUSY,
  PROP_SAVE_DELAY,
  PROP_RETRY_INTERVAL,
  N_PROPS
};

enum {
  SAVED,
  SAVE_FAILED,
  UNREADABLE,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void schedule_index_write (SihCaseStore *self);
static void add_unreadable       (SihCaseStore      *self,
                                  SihUnreadableCase *report);
static void save_async           (SihCaseStore *self,
                                  Tracked      *t);

/* Records, slots and small helpers */

static Slot *
slot_new (void)
{
  Slot *slot = g_new0 (Slot, 1);

  g_atomic_ref_count_init (&slot->ref);
  return slot;
}

static Slot *
slot_ref (Slot *slot)
{
  g_atomic_ref_count_inc (&slot->ref);
  return slot;
}

static void
slot_unref (Slot *slot)
{
  if (slot != NULL && g_atomic_ref_count_dec (&slot->ref))
    g_free (slot);
}

static void
write_job_free (WriteJob *job)
{
  g_free (job->id);
  g_free (job->path);
  g_free (job->directory);
  g_clear_pointer (&job->bytes, g_bytes_unref);
  g_clear_pointer (&job->slot, slot_unref);
  g_clear_pointer (&job->record, sih_case_record_unref);
  g_clear_error (&job->inject);
  g_clear_object (&job->c);
  g_free (job->unreadable_dir);
  g_clear_pointer (&job->set_aside, _sih_case_store_unreadable_free);
  g_free (job);
}

static void
index_job_free (IndexJob *job)
{
  g_ptr_array_unref (job->records);
  g_free (job->path);
  g_free (job);
}

static gboolean
write_index (SihCaseStore  *self,
             IndexJob      *job,
             GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;
  gboolean ok = TRUE;

  g_mutex_lock (&self->index_lock);
  if (job->gen > self->index_written_gen)
    {
      bytes = sih_case_index_to_bytes (job->records);
      /* Not durable: after a crash the index is merely stale, and stale
       * entries are noticed and read again. */
      ok = g_file_set_contents_full (job->path, g_bytes_get_data (bytes, NULL),
                                     g_bytes_get_size (bytes), G_FILE_SET_CONTENTS_CONSISTENT,
                                     0600, error);
      if (ok)
        self->index_written_gen = job->gen;
    }
  g_mutex_unlock (&self->index_lock);

  return ok;
}

/* The list */

int
_sih_case_store_compare_infos (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  SihCaseInfo *x = (SihCaseInfo *)a;
  SihCaseInfo *y = (SihCaseInfo *)b;
  int order;

  /* Newest first; the id breaks ties so the order is stable. */
  order = g_date_time_compare (sih_case_info_get_updated (y), sih_case_info_get_updated (x));
  if (order != 0)
    return order;
  return strcmp (sih_case_info_get_id (x), sih_case_info_get_id (y));
}

static int
compare_info_pointers (gconstpointer a,
                       gconstpointer b)
{
  return _sih_case_store_compare_infos (*(SihCaseInfo * const *)a, *(SihCaseInfo * const *)b, NULL);
}

static void
entry_free (Entry *entry)
{
  g_clear_object (&entry->info);
  g_clear_pointer (&entry->record, sih_case_record_unref);
  g_clear_pointer (&entry->slot, slot_unref);
  g_free (entry);
}

static Entry *
entry_new (SihCaseStore *self,
           const char   *id)
{
  g_autofree char *path = _sih_case_store_case_path (self, id);
  Entry *entry = g_new0 (Entry, 1);

  entry->info = sih_case_info_new (id, path);
  entry->slot = slot_new ();

  return entry;
}

static void
info_update_from_case (SihCaseInfo *info,
                       SihCase     *c)
{
  g_autoptr(SihCaseRecord) record = sih_case_record_new_from_case (c);

  sih_case_info_update (info, record);
}

static void
info_update_from_record (SihCaseInfo  *info,
                         const SihCaseRecord *record)
{
  sih_case_info_update (info, record);
}

static gboolean
model_find (SihCaseStore *self,
            SihCaseInfo  *info,
            guint        *position)
{
  return g_list_store_find (self->cases, info, position);
}

static void
model_insert (SihCaseStore *self,
              SihCaseInfo  *info)
{
  g_list_store_insert_sorted (self->cases, info, _sih_case_store_compare_infos, NULL);
}

static void
model_remove (SihCaseStore *self,
              SihCaseInfo  *info)
{
  guint position;

  if (model_find (self, info, &position))
    g_list_store_remove (self->cases, position);
}

/* Moves an entry whose time changed to where it now belongs; one that
 * stays is reported changed in place, so that lists filtered or sorted by
 * what else changed (its status, call-back, title) look at it again. */
static void
model_reposition (SihCaseStore *self,
                  SihCaseInfo  *info)
{
  GListModel *model = G_LIST_MODEL (self->cases);
  guint position, n;
  gboolean in_order = TRUE;

  if (!model_find (self, info, &position))
    return;

  n = g_list_model_get_n_items (model);
  if (position > 0)
    {
      g_autoptr(SihCaseInfo) before = g_list_model_get_item (model, position - 1);
      in_order &= _sih_case_store_compare_infos (before, info, NULL) < 0;
    }
  if (position + 1 < n)
    {
      g_autoptr(SihCaseInfo) after = g_list_model_get_item (model, position + 1);
      in_order &= _sih_case_store_compare_infos (info, after, NULL) < 0;
    }

  if (!in_order)
    {
      g_object_ref (info);
      g_list_store_remove (self->cases, position);
      model_insert (self, info);
      g_object_unref (info);
    }
  else
    {
      gpointer item = info;

      g_list_store_splice (self->cases, position, 1, &item, 1);
    }
}

static Entry *
ensure_entry (SihCaseStore *self,
              SihCase      *c)
{
  const char *id = sih_case_get_id (c);
  Entry *entry = g_hash_table_lookup (self->entries, id);

  if (entry == NULL)
    {
      entry = entry_new (self, id);
      info_update_from_case (entry->info, c);
      g_hash_table_insert (self->entries, (gpointer)sih_case_info_get_id (entry->info), entry);
      model_insert (self, entry->info);
    }

  return entry;
}

static void
remove_entry (SihCaseStore *self,
              const char   *id)
{
  Entry *entry = g_hash_table_lookup (self->entries, id);

  if (entry == NULL)
    return;
  if (!entry->trashed)
    model_remove (self, entry->info);
  g_hash_table_remove (self->entries, id);
}

/* Saving */

static void
update_busy (SihCaseStore *self)
{
  GHashTableIter iter;
  Tracked *t;
  gboolean busy = self->n_in_flight > 0;

  g_hash_table_iter_init (&iter, self->tracked);
  while (!busy && g_hash_table_iter_next (&iter, NULL, (gpointer *)&t))
    {
      Entry *entry = g_hash_table_lookup (self->entries, sih_case_get_id (t->c));

      busy = t->dirty || (entry != NULL && entry->gen > entry->record_gen);
    }

  if (busy != self->busy)
    {
      self->busy = busy;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
    }
}

static gboolean
save_timeout_cb (gpointer user_data)
{
  Tracked *t = user_data;

  t->timeout_id = 0;
  save_async (t->store, t);

  return G_SOURCE_REMOVE;
}

static void
schedule_save (Tracked *t,
               guint    delay)
{
  g_clear_handle_id (&t->timeout_id, g_source_remove);
  t->timeout_id = g_timeout_add (delay, save_timeout_cb, t);
}

static void
tracked_free (Tracked *t)
{
  g_clear_handle_id (&t->timeout_id, g_source_remove);
  g_clear_signal_handler (&t->changed_id, t->c);
  g_clear_object (&t->c);
  g_free (t);
}

static void
case_changed_cb (SihCase *c,
                 Tracked *t)
{
  SihCaseStore *self = t->store;
  Entry *entry = g_hash_table_lookup (self->entries, sih_case_get_id (c));
  gint64 now = g_get_monotonic_time ();
  gint64 max_wait = (gint64)self->save_delay * MAX_DEBOUNCE_FACTOR * 1000;

  /* A new case reaches the list and the disk with its first record. */
  if (entry != NULL && entry->blank)
    {
      if (sih_case_is_blank (c))
        return;
      entry->blank = FALSE;
      info_update_from_case (entry->info, c);
      model_insert (self, entry->info);
    }

  if (!t->dirty)
    t->dirty_since = now;
  t->dirty = TRUE;

  if (entry != NULL)
    {
      info_update_from_case (entry->info, c);
      if (!entry->trashed)
        model_reposition (self, entry->info);
    }

  /* Wait for a pause in the changes, but not for ever. */
  if (t->timeout_id == 0 || now - t->dirty_since < max_wait)
    schedule_save (t, self->save_delay);

  update_busy (self);
}

/* Serializes on the calling (main) thread; the write may happen anywhere. */
static WriteJob *
prepare_write (SihCaseStore  *self,
               Entry         *entry,
               SihCase       *c,
               GError       **error)
{
  g_autoptr(GBytes) bytes = sih_case_file_to_bytes (c);
  WriteJob *job;

  if (g_bytes_get_size (bytes) > SIH_JSON_MAX_FILE_SIZE)
    {
      g_set_error (error, SIH_ERROR, SIH_ERROR_TOO_LARGE,
                   "The case is too large to save: it needs %" G_GSIZE_FORMAT
                   " bytes; at most %d can be read back", g_bytes_get_size (bytes),
                   SIH_JSON_MAX_FILE_SIZE);
      return NULL;
    }

  job = g_new0 (WriteJob, 1);
  job->id = g_strdup (sih_case_get_id (c));
  job->path = _sih_case_store_case_path (self, job->id);
  job->directory = g_strdup (self->directory);
  job->bytes = g_steal_pointer (&bytes);
  job->gen = ++entry->gen;
  job->slot = slot_ref (entry->slot);
  job->record = sih_case_record_new_from_case (c);
  job->inject = self->write_error != NULL ? g_error_copy (self->write_error) : NULL;
  job->c = g_object_ref (c);
  job->unreadable_dir = g_strdup (self->unreadable_dir);

  return job;
}

/* Something other than our file in the case file's place (a link put
 * there while the app runs, a folder) is moved aside, unchanged, as the
 * scan does at start-up, and reported: never written through, never
 * silently replaced. */
static void
set_aside_intruder (WriteJob *job)
{
  g_autofree char *name = NULL;
  struct stat st;

  if (g_lstat (job->path, &st) != 0)
    return;
  /* GLib 2.84 keeps the mode of a file it replaces: one someone made
   * readable to others is made private again before it is written. */
  if (S_ISREG (st.st_mode))
    {
      if ((st.st_mode & 0777) != 0600)
        g_chmod (job->path, 0600);
      return;
    }

  name = g_path_get_basename (job->path);
  job->set_aside =
    _sih_case_store_report_unreadable (job->unreadable_dir, job->path, TRUE,
                                       S_ISLNK (st.st_mode) ?
                                       g_error_new (SIH_ERROR, SIH_ERROR_IO,
                                                    "%s: a symbolic link was put in place of "
                                                    "the case file; the case was saved as a "
                                                    "new file", name) :
                                       g_error_new (SIH_ERROR, SIH_ERROR_IO,
                                                    "%s: something that is not a file was put "
                                                    "in place of the case file; the case was "
                                                    "saved as a new file", name));
}

static gboolean
write_case (SihCaseStore  *self,
            WriteJob      *job,
            GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  gboolean ok = TRUE;
  struct stat st;

  g_mutex_lock (&self->write_lock);

  if (job->slot->purged || job->gen <= job->slot->written_gen)
    {
      job->superseded = TRUE;
    }
  else if (job->inject != NULL)
    {
      g_propagate_error (error, g_error_copy (job->inject));
      ok = FALSE;
    }
  else if (set_aside_intruder (job), !g_file_set_contents_full (job->path, g_bytes_get_data (job->bytes, NULL),
                                      g_bytes_get_size (job->bytes),
                                      G_FILE_SET_CONTENTS_CONSISTENT |
                                      G_FILE_SET_CONTENTS_DURABLE,
                                      0600, &local_error))
    {
      /* GLib's message names the file, except when closing it failed. */
      g_autoptr(GError) on_file = NULL;

      sih_error_set_io_on_file (&on_file, NULL, job->path, local_error);
      /* Translators: %s says why, in GLib's words, with the file */
      sih_error_set_io (error, sih_error_get_io_code (on_file), _("Could not save the case: %s"),
                        on_file->message);
      ok = FALSE;
    }
  else
    {
      _sih_case_store_sync_directory (job->directory);
      if (g_lstat (job->path, &st) == 0)
        job->record->stamp = sih_file_stamp_from_stat (&st);
      job->slot->written_gen = job->gen;
    }

  g_mutex_unlock (&self->write_lock);

  return ok;
}

static void
write_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  GError *error = NULL;

  if (write_case (source_object, task_data, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
write_succeeded (SihCaseStore *self,
                 WriteJob     *job)
{
  Entry *entry = g_hash_table_lookup (self->entries, job->id);
  Tracked *t = g_hash_table_lookup (self->tracked, job->id);

  if (entry == NULL || entry->slot != job->slot)
    return;

  /* Callbacks can arrive after a newer synchronous write. */
  if (job->gen > entry->record_gen)
    {
      g_clear_pointer (&entry->record, sih_case_record_unref);
      entry->record = sih_case_record_ref (job->record);
      entry->record_gen = job->gen;
      schedule_index_write (self);
    }

  if (t != NULL && t->c == job->c && t->released && !t->dirty &&
      entry->gen <= entry->record_gen)
    g_hash_table_remove (self->tracked, job->id);

  g_signal_emit (self, signals[SAVED], 0, job->c);
}

static void
write_failed (SihCaseStore *self,
              WriteJob     *job,
              const GError *error,
              gboolean      emit)
{
  Entry *entry = g_hash_table_lookup (self->entries, job->id);
  Tracked *t = g_hash_table_lookup (self->tracked, job->id);

  /* A newer state reached the disk meanwhile: nothing was lost. */
  if (entry == NULL || entry->slot != job->slot || job->gen <= entry->record_gen)
    return;

  if (t != NULL && t->c == job->c)
    {
      if (!t->dirty)
        t->dirty_since = g_get_monotonic_time ();
      t->dirty = TRUE;
      if (t->timeout_id == 0)
        schedule_save (t, self->retry_interval);
    }

  if (emit)
    g_signal_emit (self, signals[SAVE_FAILED], 0, job->c, error);
}

static void
write_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  SihCaseStore *self = SIH_CASE_STORE (source);
  WriteJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  g_assert (self->n_in_flight > 0);
  self->n_in_flight--;

  if (job->set_aside != NULL)
    add_unreadable (self, g_steal_pointer (&job->set_aside));
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    write_failed (self, job, error, TRUE);
  else if (!job->superseded)
    write_succeeded (self, job);

  update_busy (self);
}

static void
save_async (SihCaseStore *self,
            Tracked      *t)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  Entry *entry = ensure_entry (self, t->c);
  WriteJob *job;

  g_clear_handle_id (&t->timeout_id, g_source_remove);
  if (!t->dirty)
    return;

  job = prepare_write (self, entry, t->c, &error);
  if (job == NULL)
    {
      if (t->timeout_id == 0)
        schedule_save (t, self->retry_interval);
      g_signal_emit (self, signals[SAVE_FAILED], 0, t->c, error);
      return;
    }

  t->dirty = FALSE;
  self->n_in_flight++;
  update_busy (self);

  task = g_task_new (self, NULL, write_done_cb, NULL);
  g_task_set_source_tag (task, save_async);
  g_task_set_task_data (task, job, (GDestroyNotify)write_job_free);
  g_task_run_in_thread (task, write_thread);
}

static GPtrArray *
snapshot_records (SihCaseStore *self)
{
  GPtrArray *records = g_ptr_array_new_full (g_hash_table_size (self->entries),
                                             (GDestroyNotify)sih_case_record_unref);
  GHashTableIter iter;
  Entry *entry;

  /* Trashed cases too: their files are still there until purged. */
  g_hash_table_iter_init (&iter, self->entries);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *)&entry))
    if (entry->record != NULL)
      g_ptr_array_add (records, sih_case_record_ref (entry->record));

  return records;
}

static IndexJob *
prepare_index_write (SihCaseStore *self)
{
  IndexJob *job = g_new0 (IndexJob, 1);

  g_clear_handle_id (&self->index_timeout_id, g_source_remove);
  self->index_dirty = FALSE;
  job->records = snapshot_records (self);
  job->path = g_strdup (self->index_path);
  job->gen = ++self->index_gen;

  return job;
}

static void
index_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  GError *error = NULL;

  if (write_index (source_object, task_data, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
index_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  SihCaseStore *self = SIH_CASE_STORE (source);
  g_autoptr(GError) error = NULL;

  g_assert (self->n_in_flight > 0);
  self->n_in_flight--;

  /* Only a cache: the cases themselves are safe, and the next start reads
   * them instead. */
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    g_debug ("Could not write the case index: %s", error->message);

  update_busy (self);
}

static gboolean
index_timeout_cb (gpointer user_data)
{
  SihCaseStore *self = user_data;
  g_autoptr(GTask) task = NULL;

  self->index_timeout_id = 0;

  task = g_task_new (self, NULL, index_done_cb, NULL);
  g_task_set_source_tag (task, index_timeout_cb);
  g_task_set_task_data (task, prepare_index_write (self), (GDestroyNotify)index_job_free);
  self->n_in_flight++;
  update_busy (self);
  g_task_run_in_thread (task, index_thread);

  return G_SOURCE_REMOVE;
}

static void
schedule_index_write (SihCaseStore *self)
{
  self->index_dirty = TRUE;
  if (self->index_timeout_id == 0)
    self->index_timeout_id = g_timeout_add (self->save_delay * INDEX_DELAY_FACTOR,
                                            index_timeout_cb, self);
}

static gboolean
flush (SihCaseStore  *self,
       gboolean       emit,
       GError       **error)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  GHashTableIter iter;
  Tracked *t;
  gboolean ok = TRUE;

  g_hash_table_iter_init (&iter, self->tracked);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *)&t))
    g_ptr_array_add (ids, g_strdup (sih_case_get_id (t->c)));

  for (guint i = 0; i < ids->len; i++)
    {
      const char *id = g_ptr_array_index (ids, i);
      g_autoptr(GError) local_error = NULL;
      Entry *entry;
      WriteJob *job;

      /* Signal handlers may have untracked it meanwhile. */
      t = g_hash_table_lookup (self->tracked, id);
      if (t == NULL)
        continue;
      entry = ensure_entry (self, t->c);

      /* Written, or being written by a worker: write it here and now, so
       * that it is on disk when this returns. */
      if (!t->dirty && entry->gen <= entry->record_gen)
        continue;

      g_clear_handle_id (&t->timeout_id, g_source_remove);
      job = prepare_write (self, entry, t->c, &local_error);
      if (job != NULL)
        {
          gboolean written;

          t->dirty = FALSE;
          written = write_case (self, job, &local_error);

          if (job->set_aside != NULL && emit)
            add_unreadable (self, g_steal_pointer (&job->set_aside));
          else if (job->set_aside != NULL)
            g_ptr_array_add (self->unreadable, g_steal_pointer (&job->set_aside));
          if (written)
            {
              if (!job->superseded)
                {
                  if (emit)
                    write_succeeded (self, job);
                  else
                    {
                      g_clear_pointer (&entry->record, sih_case_record_unref);
                      entry->record = sih_case_record_ref (job->record);
                      entry->record_gen = job->gen;
                      self->index_dirty = TRUE;
                    }
                }
            }
          else
            {
              write_failed (self, job, local_error, emit);
            }
          write_job_free (job);
        }
      else
        {
          if (t->timeout_id == 0)
            schedule_save (t, self->retry_interval);
          if (emit)
            g_signal_emit (self, signals[SAVE_FAILED], 0, t->c, local_error);
        }

      if (local_error != NULL && ok)
        {
          ok = FALSE;
          g_propagate_error (error, g_steal_pointer (&local_error));
        }
    }

  if (self->index_dirty)
    {
      IndexJob *job = prepare_index_write (self);
      g_autoptr(GError) index_error = NULL;

      if (!write_index (self, job, &index_error))
        g_debug ("Could not write the case index: %s", index_error->message);
      index_job_free (job);
    }

  update_busy (self);

  return ok;
}

/* GObject */

static void
sih_case_store_dispose (GObject *object)
{
  SihCaseStore *self = (SihCaseStore *)object;

  /* Whatever is still unsaved is saved now: nothing is lost because the
   * store went away first. */
  if (self->tracked != NULL)
    {
      flush (self, FALSE, NULL);
      g_hash_table_remove_all (self->tracked);
    }
  g_clear_handle_id (&self->index_timeout_id, g_source_remove);

  G_OBJECT_CLASS (sih_case_store_parent_class)->dispose (object);
}

static void
sih_case_store_finalize (GObject *object)
{
  SihCaseStore *self = (SihCaseStore *)object;

  g_clear_pointer (&self->tracked, g_hash_table_unref);
  g_clear_pointer (&self->entries, g_hash_table_unref);
  g_clear_object (&self->cases);
  g_clear_pointer (&self->unreadable, g_ptr_array_unref);
  g_clear_pointer (&self->directory, g_free);
  g_clear_pointer (&self->index_path, g_free);
  g_clear_pointer (&self->unreadable_dir, g_free);
  g_clear_error (&self->write_error);
  g_mutex_clear (&self->write_lock);
  g_mutex_clear (&self->index_lock);

  G_OBJECT_CLASS (sih_case_store_parent_class)->finalize (object);
}

static void
sih_case_store_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  SihCaseStore *self = SIH_CASE_STORE (object);

  switch (prop_id)
    {
    case PROP_DIRECTORY:
      g_value_set_string (value, self->directory);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;
    case PROP_SAVE_DELAY:
      g_value_set_uint (value, self->save_delay);
      break;
    case PROP_RETRY_INTERVAL:
      g_value_set_uint (value, self->retry_interval);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sih_case_store_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  SihCaseStore *self = SIH_CASE_STORE (object);

  switch (prop_id)
    {
    case PROP_DIRECTORY:
      self->directory = g_value_dup_string (value);
      break;
    case PROP_SAVE_DELAY:
      sih_case_store_set_save_delay (self, g_value_get_uint (value));
      break;
    case PROP_RETRY_INTERVAL:
      sih_case_store_set_retry_interval (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sih_case_store_constructed (GObject *object)
{
  SihCaseStore *self = (SihCaseStore *)object;

  G_OBJECT_CLASS (sih_case_store_parent_class)->constructed (object);

  if (self->directory == NULL)
    self->directory = sih_case_store_get_default_directory ();
  self->index_path = g_build_filename (self->directory, SIH_CASE_INDEX_NAME, NULL);
  self->unreadable_dir = g_build_filename (self->directory, UNREADABLE_NAME, NULL);
}

static void
sih_case_store_class_init (SihCaseStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sih_case_store_dispose;
  object_class->finalize = sih_case_store_finalize;
  object_class->get_property = sih_case_store_get_property;
  object_class->set_property = sih_case_store_set_property;
  object_class->constructed = sih_case_store_constructed;

  /**
   * SihCaseStore:directory:
   *
   * Where the case files are; %NULL at construction means the default,
   * see sih_case_store_get_default_directory().
   */
  properties[PROP_DIRECTORY] =
    g_param_spec_string ("directory", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * SihCaseStore:busy:
   *
   * Whether a tracked case has changes that are not on disk yet, or a
   * write is in progress.  The application holds itself while it is set.
   */
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * SihCaseStore:save-delay:
   *
   * How long a tracked case must be left alone before it is saved, in
   * milliseconds.
   */
  properties[PROP_SAVE_DELAY] =
    g_param_spec_uint ("save-delay", NULL, NULL, 0, 60000, DEFAULT_SAVE_DELAY,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * SihCaseStore:retry-interval:
   *
   * How long to wait before trying again after a failed save, in
   * milliseconds.  A change to the case tries again sooner.
   */
  properties[PROP_RETRY_INTERVAL] =
    g_param_spec_uint ("retry-interval", NULL, NULL, 0, 3600000, DEFAULT_RETRY_INTERVAL,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SihCaseStore::saved:
   * @c: the case
   *
   * A state of @c has reached the disk.  After #SihCaseStore::save-failed
   * it says that the trouble is over.
   */
  signals[SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, SIH_TYPE_CASE);

  /**
   * SihCaseStore::save-failed:
   * @c: the case, which stays in memory
   * @error: why, such as a read-only or full disk
   *
   * The previous file is intact; the store tries again after
   * #SihCaseStore:retry-interval and on the next change.
   */
  signals[SAVE_FAILED] =
    g_signal_new ("save-failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, SIH_TYPE_CASE,
                  G_TYPE_ERROR | G_SIGNAL_TYPE_STATIC_SCOPE);

  /**
   * SihCaseStore::unreadable:
   * @path: where the file was
   * @moved_to: (nullable): where it is now, in "unreadable/", or %NULL if it
   *   was left in place (it could not be read at all, for example for
   *   lack of permission)
   * @error: why it could not be read; the message names the file and, for
   *   a bad document, the member
   *
   * Also kept in sih_case_store_get_unreadable().
   */
  signals[UNREADABLE] =
    g_signal_new ("unreadable", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 3,
                  G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE,
                  G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE,
                  G_TYPE_ERROR | G_SIGNAL_TYPE_STATIC_SCOPE);
}

static void
sih_case_store_init (SihCaseStore *self)
{
  self->cases = g_list_store_new (SIH_TYPE_CASE_INFO);
  self->entries = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                         (GDestroyNotify)entry_free);
  self->tracked = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                         (GDestroyNotify)tracked_free);
  self->unreadable = g_ptr_array_new_with_free_func ((GDestroyNotify)_sih_case_store_unreadable_free);
  self->save_delay = DEFAULT_SAVE_DELAY;
  self->retry_interval = DEFAULT_RETRY_INTERVAL;
  g_mutex_init (&self->write_lock);
  g_mutex_init (&self->index_lock);
}

/* Public API */

/**
 * sih_case_store_get_default_directory:
 *
 * Returns: (transfer full): $XDG_DATA_HOME/APP_ID/cases; inside Flatpak,
 *   the application's own data directory
 */
char *
sih_case_store_get_default_directory (void)
{
  return g_build_filename (g_get_user_data_dir (), APPLICATION_ID, "cases", NULL);
}

/**
 * sih_case_store_new:
 * @directory: (nullable): where the case files are, or %NULL for the
 *   default
 *
 * Creates a store without touching the disk: connect to its signals, then
 * call sih_case_store_open() or sih_case_store_open_async().
 */
SihCaseStore *
sih_case_store_new (const char *directory)
{
  return g_object_new (SIH_TYPE_CASE_STORE, "directory", directory, NULL);
}

const char *
sih_case_store_get_directory (SihCaseStore *self)
{
  g_return_val_if_fail (SIH_IS_CASE_STORE (self), NULL);
  return self->directory;
}

static void
add_unreadable (SihCaseStore      *self,
                SihUnreadableCase *report)
{
  g_ptr_array_add (self->unreadable, report);
  g_signal_emit (self, signals[UNREADABLE], 0, report->path, report->moved_to, report->error);
}

static void
merge_scan (SihCaseStore *self,
            ScanResult   *result)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) infos = NULL;
  g_autoptr(GPtrArray) gone = g_ptr_array_new ();
  gboolean fresh = g_hash_table_size (self->entries) == 0;
  GHashTableIter iter;
  const char *id;
  Entry *entry;

  for (guint i = 0; i < result->records->len; i++)
    {
      SihCaseRecord *record = g_ptr_array_index (result->records, i);

      g_hash_table_add (seen, record->id);
      entry = g_hash_table_lookup (self->entries, record->id);
      if (entry == NULL)
        {
          entry = g_new0 (Entry, 1);
          entry->slot = slot_new ();
          entry->record = sih_case_record_ref (record);
          entry->info = g_object_ref (g_ptr_array_index (result->infos, i));
          g_hash_table_insert (self->entries, (gpointer)sih_case_info_get_id (entry->info),
                               entry);
        }
      else if (!g_hash_table_contains (self->tracked, record->id))
        {
          g_clear_pointer (&entry->record, sih_case_record_unref);
          entry->record = sih_case_record_ref (record);
          info_update_from_record (entry->info, record);
        }
      else if (entry->record == NULL && entry->gen == 0)
        {
          /* Tracked before the scan finished: the case in memory shows
           * what it holds; the record says what the disk holds. */
          entry->record = sih_case_record_ref (record);
        }
    }

  /* Files removed behind our back since the last open.  One written while
   * the worker was listing (an import) may be missing from the scan, but
   * it is on disk. */
  g_hash_table_iter_init (&iter, self->entries);
  while (g_hash_table_iter_next (&iter, (gpointer *)&id, (gpointer *)&entry))
    if (entry->record != NULL && !g_hash_table_contains (seen, id) &&
        !g_hash_table_contains (self->tracked, id) &&
        !g_file_test (sih_case_info_get_path (entry->info), G_FILE_TEST_IS_REGULAR))
      g_ptr_array_add (gone, (gpointer)id);
  for (guint i = 0; i < gone->len; i++)
    g_hash_table_remove (self->entries, g_ptr_array_index (gone, i));

  /* At start-up the list is exactly what the worker sorted. */
  if (fresh)
    {
      infos = g_ptr_array_ref (result->infos);
    }
  else
    {
      infos = g_ptr_array_new_full (g_hash_table_size (self->entries), NULL);
      g_hash_table_iter_init (&iter, self->entries);
      while (g_hash_table_iter_next (&iter, NULL, (gpointer *)&entry))
        if (!entry->trashed)
          g_ptr_array_add (infos, entry->info);
      g_ptr_array_sort (infos, compare_info_pointers);
    }
  g_list_store_splice (self->cases, 0, g_list_model_get_n_items (G_LIST_MODEL (self->cases)),
                       infos->pdata, infos->len);

  if (result->index_stale || gone->len > 0)
    schedule_index_write (self);

  for (guint i = 0; i < result->unreadable->len; i++)
    add_unreadable (self, g_steal_pointer (&g_ptr_array_index (result->unreadable, i)));
  g_ptr_array_set_size (result->unreadable, 0);
}

/**
 * sih_case_store_open:
 * @error: a #SIH_ERROR: %SIH_ERROR_IO when the folder cannot be created or
 *   listed
 *
 * Fills the list of cases.  Files that cannot be read are moved aside and
 * reported with #SihCaseStore::unreadable, which is not an error: the
 * other cases are listed.  Opening again picks up files changed by others.
 *
 * Returns: %TRUE if the folder could be read
 */
gboolean
sih_case_store_open (SihCaseStore  *self,
                     GError       **error)
{
  ScanResult *result;

  g_return_val_if_fail (SIH_IS_CASE_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  result = _sih_case_store_scan (self, error);
  if (result == NULL)
    return FALSE;

  merge_scan (self, result);
  _sih_case_store_scan_result_free (result);

  return TRUE;
}

static void
open_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;
  ScanResult *result = _sih_case_store_scan (source_object, &error);

  if (result == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, result, (GDestroyNotify)_sih_case_store_scan_result_free);
}

static void
open_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  SihCaseStore *self = SIH_CASE_STORE (source);
  g_autoptr(GTask) outer = user_data;
  g_autoptr(GError) error = NULL;
  ScanResult *scan;

  scan = g_task_propagate_pointer (G_TASK (result), &error);
  if (scan == NULL)
    {
      g_task_return_error (outer, g_steal_pointer (&error));
      return;
    }

  merge_scan (self, scan);
  _sih_case_store_scan_result_free (scan);
  g_task_return_boolean (outer, TRUE);
}

/**
 * sih_case_store_open_async:
 *
 * Like sih_case_store_open(), reading the folder in a worker thread; the
 * list is filled in one go on the main thread when it is done.
 */
void
sih_case_store_open_async (SihCaseStore        *self,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) inner = NULL;
  GTask *outer;

  g_return_if_fail (SIH_IS_CASE_STORE (self));

  outer = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (outer, sih_case_store_open_async);

  inner = g_task_new (self, cancellable, open_done_cb, outer);
  g_task_set_source_tag (inner, open_thread);
  g_task_set_return_on_cancel (inner, FALSE);
  g_task_run_in_thread (inner, open_thread);
}

gboolean
sih_case_store_open_finish (SihCaseStore  *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (SIH_IS_CASE_STORE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * sih_case_store_get_cases:
 *
 * Returns: (transfer none): a #GListModel of #SihCaseInfo, newest first
 *   (by the time the case last changed), without cases in the trash
 */
GListModel *
sih_case_store_get_cases (SihCaseStore *self)
{
  g_return_val_if_fail (SIH_IS_CASE_STORE (self), NULL);
  return G_LIST_MODEL (self->cases);
}

/**
 * sih_case_store_lookup:
 *
 * Returns: (transfer none) (nullable): the list entry for @id, unless it is
 *   unknown or in the trash
 */
SihCaseInfo *
sih_case_store_lookup (SihCaseStore *self,
                       const char   *id)
{
  Entry *entry;

  g_return_val_if_fail (SIH_IS_CASE_STORE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  entry = g_hash_table_lookup (self->entries, id);
  return entry != NULL && !entry->trashed && !entry->blank ? entry->info : NULL;
}

/**
 * sih_case_store_get_unreadable:
 *
 * Returns: (transfer none) (element-type SihUnreadableCase): every file
 *   that could not be read since the store was created, to tell the user
 *   at startup
 */
GPtrArray *
sih_case_store_get_unreadable (SihCaseStore *self)
{
  g_return_val_if_fail (SIH_IS_CASE_STORE (self), NULL);
  return self->unreadable;
}

/**
 * sih_case_store_track:
 * @c: a case
 *
 * Saves @c automatically from now on: after every change, once
 * #SihCaseStore:save-delay has passed without another one.  The case
 * appears in the list.  sih_case_store_new_case() and
 * sih_case_store_load() track the cases they return.
 */
void
sih_case_store_track (SihCaseStore *self,
                      SihCase      *c)
{
  Tracked *t;
  Entry *entry;

  g_return_if_fail (SIH_IS_CASE_STORE (self));
  g_return_if_fail (SIH_IS_CASE (c));

  t = g_hash_table_lookup (self->tracked, sih_case_get_id (c));
  if (t != NULL)
    {
      g_return_if_fail (t->c == c);
      if (t->changed_id == 0)
        t->changed_id = g_signal_connect (c, "changed", G_CALLBACK (case_changed_cb), t);
      t->released = FALSE;
      return;
    }

  entry = ensure_entry (self, c);
  info_update_from_case (entry->info, c);
  if (!entry->trashed)
    model_reposition (self, entry->info);

  t = g_new0 (Tracked, 1);
  t->store = self;
  t->c = g_object_ref (c);
  t->changed_id = g_signal_connect (c, "changed", G_CALLBACK (case_changed_cb), t);
  g_hash_table_insert (self->tracked, g_strdup (sih_case_get_id (c)), t);
}

/**
 * sih_case_store_untrack:
 * @c: a tracked case
 *
 * Stops saving changes to @c.  Changes made before are still saved (now,
 * without waiting for the delay), and retried if that fails.
 */
void
sih_case_store_untrack (SihCaseStore *self,
                        SihCase      *c)
{
  Tracked *t;
  Entry *entry;

  g_return_if_fail (SIH_IS_CASE_STORE (self));
  g_return_if_fail (SIH_IS_CASE (c));

  t = g_hash_table_lookup (self->tracked, sih_case_get_id (c));
  if (t == NULL || t->c != c)
    return;

  g_clear_signal_handler (&t->changed_id, c);
  t->released = TRUE;

  entry = g_hash_table_lookup (self->entries, sih_case_get_id (c));
  if (t->dirty)
    save_async (self, t);
  else if (entry != NULL && entry->blank)
    {
      /* Nothing was recorded: it leaves no trace. */
      g_autofree char *id = g_strdup (sih_case_get_id (c));

      g_hash_table_remove (self->tracked, id);
      remove_entry (self, id);
    }
  else if (entry == NULL || entry->gen <= entry->record_gen)
    g_hash_table_remove (self->tracked, sih_case_get_id (c));

  update_busy (self);
}

/**
 * sih_case_store_new_case:
 * @pack_id: the pack the case is worked on with
 * @pack_version: (nullable): its version
 *
 * A new case is not listed and not written until something is recorded
 * in it (sih_case_is_blank() turns false): opening the app or deleting
 * the open case leaves no empty case behind.
 *
 * Returns: (transfer full): a new, tracked case
 */
SihCase *
sih_case_store_new_case (SihCaseStore *self,
                         const char   *pack_id,
                         const char   *pack_version)
{
  g_autoptr(SihCase) c = NULL;
  Entry *entry;

  g_return_val_if_fail (SIH_IS_CASE_STORE (self), NULL);
  g_return_val_if_fail (sih_id_is_valid (pack_id), NULL);

  c = sih_case_new (pack_id, pack_version);
  entry = entry_new (self, sih_case_get_id (c));
  entry->blank = TRUE;
  info_update_from_case (entry->info, c);
  g_hash_table_insert (self->entries, (gpointer)sih_case_info_get_id (entry->info), entry);
  sih_case_store_track (self, c);

  return g_steal_pointer (&c);
}

/**
 * sih_case_store_load:
 * @id: a case id, such as sih_case_info_get_id() of a list entry
 * @error: a #SIH_ERROR: %SIH_ERROR_NOT_FOUND when there is no such case;
 *   for a file that cannot be read, the reason (the file is then moved
 *   aside, reported with #SihCaseStore::unreadable and leaves the list)
 *
 * Reads a case to resume it.  While a case is tracked, this returns the
 * same object, so that two windows never save two versions of it.
 *
 * Returns: (transfer full) (nullable): the case, tracked
 */
SihCase *
sih_case_store_load (SihCaseStore  *self,
                     const char    *id,
                     GError       **error)
{
  g_autoptr(SihCase) c = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;
  Tracked *t;
  Entry *entry;
  struct stat st;
  gboolean move;

  g_return_val_if_fail (SIH_IS_CASE_STORE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  t = g_hash_table_lookup (self->tracked, id);
  if (t != NULL)
    {
      c = g_object_ref (t->c);
      sih_case_store_track (self, c);
      return g_steal_pointer (&c);
    }

  entry = g_hash_table_lookup (self->entries, id);
  if (!sih_id_is_valid (id) || (entry != NULL && entry->trashed))
    {
      g_set_error (error, SIH_ERROR, SIH_ERROR_NOT_FOUND, "There is no case “%s”", id);
      return NULL;
    }

  path = _sih_case_store_case_path (self, id);
  name = g_path_get_basename (path);
  c = _sih_case_store_read_case_file (path, name, id, &st, &move, &local_error);
  if (c == NULL)
    {
      if (g_error_matches (local_error, SIH_ERROR, SIH_ERROR_NOT_FOUND))
        {
          if (entry != NULL && entry->record != NULL)
            {
              remove_entry (self, id);
              schedule_index_write (self);
            }
          g_set_error (error, SIH_ERROR, SIH_ERROR_NOT_FOUND, "There is no case “%s”", id);
          return NULL;
        }

      g_propagate_error (error, g_error_copy (local_error));
      if (move)
        {
          remove_entry (self, id);
          schedule_index_write (self);
        }
      add_unreadable (self, _sih_case_store_report_unreadable (self->unreadable_dir, path, move,
                                               g_steal_pointer (&local_error)));
      return NULL;
    }

  entry = ensure_entry (self, c);
  if (entry->gen == 0)
    {
      SihCaseRecord *record = sih_case_record_new_from_case (c);

      record->stamp = sih_file_stamp_from_stat (&st);
      g_clear_pointer (&entry->record, sih_case_record_unref);
      entry->record = record;
    }
  sih_case_store_track (self, c);

  return g_steal_pointer (&c);
}

/**
 * sih_case_store_flush:
 * @error: the first save that failed (each is also reported with
 *   #SihCaseStore::save-failed)
 *
 * Saves every tracked case with changes that are not on disk yet, now, on
 * the calling thread.  For closing the window.
 *
 * Returns: %TRUE if everything is on disk
 */
gboolean
sih_case_store_flush (SihCaseStore  *self,
                      GError       **error)
{
  g_return_val_if_fail (SIH_IS_CASE_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return flush (self, TRUE, error);
}

gboolean
sih_case_store_get_busy (SihCaseStore *self)
{
  g_return_val_if_fail (SIH_IS_CASE_STORE (self), FALSE);
  return self->busy;
}

/**
 * sih_case_store_trash:
 *
 * Takes the case out of the list but keeps its file, so that it can be
 * restored (Undo).  sih_case_store_purge() deletes it for good.
 *
 * Returns: %TRUE if the case was in the list
 */
gboolean
sih_case_store_trash (SihCaseStore *self,
                      const char   *id)
{
  Entry *entry;

  g_return_val_if_fail (SIH_IS_CASE_STORE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  entry = g_hash_table_lookup (self->entries, id);
  if (entry == NULL || entry->trashed)
    return FALSE;

  entry->trashed = TRUE;
  model_remove (self, entry->info);

  return TRUE;
}

/**
 * sih_case_store_restore:
 *
 * Puts a case taken out with sih_case_store_trash() back in the list.
 *
 * Returns: %TRUE if the case was in the trash
 */
gboolean
sih_case_store_restore (SihCaseStore *self,
                        const char   *id)
{
  Entry *entry;

  g_return_val_if_fail (SIH_IS_CASE_STORE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  entry = g_hash_table_lookup (self->entries, id);
  if (entry == NULL || !entry->trashed)
    return FALSE;

  entry->trashed = FALSE;
  model_insert (self, entry->info);

  return TRUE;
}

/**
 * sih_case_store_purge:
 * @error: a #SIH_ERROR: %SIH_ERROR_NOT_FOUND or %SIH_ERROR_IO
 *
 * Deletes a case's file for good, whether or not it is in the trash, and
 * stops tracking it.  No write still in progress can bring it back.
 */
gboolean
sih_case_store_purge (SihCaseStore  *self,
                      const char    *id,
                      GError       **error)
{
  g_autofree char *path = NULL;
  Entry *entry;
  int saved_errno = 0;

  g_return_val_if_fail (SIH_IS_CASE_STORE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  entry = g_hash_table_lookup (self->entries, id);
  if (entry == NULL)
    {
      g_set_error (error, SIH_ERROR, SIH_ERROR_NOT_FOUND, "There is no case “%s”", id);
      return FALSE;
    }

  path = _sih_case_store_case_path (self, id);

  g_mutex_lock (&self->write_lock);
  entry->slot->purged = TRUE;
  if (g_unlink (path) != 0 && errno != ENOENT)
    {
      saved_errno = errno;
      entry->slot->purged = FALSE;
    }
  g_mutex_unlock (&self->write_lock);

  if (saved_errno != 0)
    {
      /* Translators: a file and why */
      sih_error_set_io (error, g_io_error_from_errno (saved_errno), _("Could not delete %s: %s"),
                        path, g_strerror (saved_errno));
      return FALSE;
    }

  g_hash_table_remove (self->tracked, id);
  remove_entry (self, id);
  schedule_index_write (self);
  update_busy (self);

  return TRUE;
}

/* Removes something set aside: a file, a link (never what it points to)
 * or a folder named like a case, with what is in it. */
static gboolean
remove_set_aside (const char *path)
{
  struct stat st;
  GDir *dir;
  const char *name;

  if (g_lstat (path, &st) != 0 || !S_ISDIR (st.st_mode))
    return g_unlink (path) == 0 || errno == ENOENT;

  dir = g_dir_open (path, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      remove_set_aside (child);
    }
  if (dir != NULL)
    g_dir_close (dir);
  return g_rmdir (path) == 0;
}

/**
 * sih_case_store_delete_all:
 *
 * Deletes every case, in the list or in the trash, and every file set
 * aside as unreadable, for "delete all data".
 *
 * Returns: %TRUE if everything is gone; otherwise @error says what is not
 */
gboolean
sih_case_store_delete_all (SihCaseStore  *self,
                           GError       **error)
{
  g_autofree char **ids = NULL;
  g_autoptr(GDir) dir = NULL;
  gboolean ok = TRUE;
  const char *name;
  struct stat st;

  g_return_val_if_fail (SIH_IS_CASE_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  ids = (char **)g_hash_table_get_keys_as_array (self->entries, NULL);
  for (guint i = 0; ids[i] != NULL; i++)
    {
      g_autofree char *id = g_strdup (ids[i]);
      g_autoptr(GError) local_error = NULL;

      if (!sih_case_store_purge (self, id, &local_error) && ok)
        {
          ok = FALSE;
          g_propagate_error (error, g_steal_pointer (&local_error));
        }
    }

  /* Tracked cases not saved yet have no entry with a file; forget them too. */
  g_hash_table_remove_all (self->tracked);

  /* A link in place of unreadable/ goes, never what it points to. */
  if (g_lstat (self->unreadable_dir, &st) == 0 && !S_ISDIR (st.st_mode))
    g_unlink (self->unreadable_dir);
  else
    dir = g_dir_open (self->unreadable_dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (self->unreadable_dir, name, NULL);

      if (!remove_set_aside (path) && ok)
        {
          int saved_errno = errno;

          ok = FALSE;
          /* Translators: a file and why */
          sih_error_set_io (error, g_io_error_from_errno (saved_errno), _("Could not delete %s: %s"),
                            path, g_strerror (saved_errno));
        }
    }
  g_rmdir (self->unreadable_dir);
  g_ptr_array_set_size (self->unreadable, 0);

  g_clear_handle_id (&self->index_timeout_id, g_source_remove);
  self->index_dirty = FALSE;
  g_mutex_lock (&self->index_lock);
  /* Stop index writes still in flight from recreating it. */
  self->index_written_gen = ++self->index_gen;
  g_unlink (self->index_path);
  g_mutex_unlock (&self->index_lock);

  update_busy (self);

  return ok;
}

/**
 * sih_import_free:
 *
 * Frees what sih_case_store_check_import() found.
 */
void
sih_import_free (SihImport *import)
{
  if (import == NULL)
    return;
  g_clear_object (&import->kase);
  g_clear_object (&import->saved);
  g_free (import);
}

/**
 * sih_case_store_check_import:
 * @file: a case file, such as one someone else exported
 * @error: a #SIH_ERROR: why the file is not a case that can be read (the
 *   same reasons as sih_case_file_load_bytes()), or %SIH_ERROR_IO
 *
 * Reads and checks the file, and finds whether a saved case has its id
 * (the same case handed back, or imported before): then the person
 * chooses (sih_case_store_finish_import()) between updating that case,
 * when the file is newer, and keeping both.  Nothing is changed yet.
 *
 * Returns: (transfer full) (nullable): the case in the file and how it
 *   stands to the saved cases; free with sih_import_free()
 */
SihImport *
sih_case_store_check_import (SihCaseStore  *self,
                             GFile         *file,
                             GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(SihCase) c = NULL;
  g_autofree char *name = NULL;
  SihImport *import;
  Entry *entry;

  g_return_val_if_fail (SIH_IS_CASE_STORE (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  name = g_file_get_basename (file);
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, NULL, &local_error);
  if (info == NULL)
    {
      sih_error_set_io (error, sih_error_get_io_code (local_error), "%s: %s", name, local_error->message);
      return NULL;
    }
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      sih_error_set_io (error, G_IO_ERROR_NOT_REGULAR_FILE, "%s: not a regular file", name);
      return NULL;
    }
  if (g_file_info_get_size (info) > SIH_JSON_MAX_FILE_SIZE)
    {
      g_set_error (error, SIH_ERROR, SIH_ERROR_TOO_LARGE,
                   "%s: the file is %" G_GOFFSET_FORMAT " bytes; at most %d are allowed",
                   name, g_file_info_get_size (info), SIH_JSON_MAX_FILE_SIZE);
      return NULL;
    }

  bytes = g_file_load_bytes (file, NULL, NULL, &local_error);
  if (bytes == NULL)
    {
      sih_error_set_io (error, sih_error_get_io_code (local_error), "%s: %s", name, local_error->message);
      return NULL;
    }

  c = sih_case_file_load_bytes (bytes, name, error);
  if (c == NULL)
    return NULL;

  import = g_new0 (SihImport, 1);
  import->kase = g_steal_pointer (&c);
  entry = g_hash_table_lookup (self->entries, sih_case_get_id (import->kase));
  if (entry != NULL && !entry->trashed && !entry->blank)
    {
      import->saved = g_object_ref (entry->info);
      import->conflict = g_date_time_compare (sih_case_get_updated (import->kase),
                                              sih_case_info_get_updated (entry->info)) > 0
                         ? SIH_IMPORT_NEWER : SIH_IMPORT_NOT_NEWER;
    }
  else
    import->conflict = SIH_IMPORT_NEW;

  return import;
}

/* The copy kept beside the saved case says so in its title. */
static void
label_copy (SihCase *c)
{
  g_autofree char *title = sih_case_format_title (sih_case_get_title (c), sih_case_get_created (c));
  /* Translators: the title of an imported case kept beside the saved case
   * it is a copy of; %s is the title it had */
  g_autofree char *labelled = g_strdup_printf (_("%s (copy from handover)"), title);
  g_autofree char *cause_id = g_strdup (sih_case_get_cause_id (c));
  g_autofree char *reason = g_strdup (sih_case_get_status_reason (c));
  g_autofree char *route = g_strdup (sih_case_get_escalation_route (c));
  g_autoptr(GDateTime) call_back = sih_case_get_call_back (c) ? g_date_time_ref (sih_case_get_call_back (c)) : NULL;
  g_autoptr(GDateTime) updated = g_date_time_ref (sih_case_get_updated (c));
  SihStatus status = sih_case_get_status (c);

  /* Restoring the title resets the status: restore that as it was. */
  sih_case_restore_state (c, labelled, sih_case_get_solved (c), cause_id);
  sih_case_restore_status (c, status, reason, route, call_back);
  sih_case_restore_updated (c, updated);
}

/* Writes @c, new to the store or replacing the saved case with its id,
 * and lists it.  The write replaces the file atomically: if it fails,
 * the saved case is as it was, on disk and in the list. */
static SihCaseInfo *
add_imported (SihCaseStore  *self,
              SihCase       *c,
              GError       **error)
{
  Entry *existing = g_hash_table_lookup (self->entries, sih_case_get_id (c));
  Entry *entry;
  WriteJob *job;
  gboolean ok;

  if (!_sih_case_store_ensure_directory (self->directory, error))
    return NULL;

  entry = existing != NULL ? existing : entry_new (self, sih_case_get_id (c));
  if (existing == NULL)
    info_update_from_case (entry->info, c);
  job = prepare_write (self, entry, c, error);
  if (job == NULL)
    {
      if (existing == NULL)
        entry_free (entry);
      return NULL;
    }

  ok = write_case (self, job, error);
  if (job->set_aside != NULL)
    add_unreadable (self, g_steal_pointer (&job->set_aside));
  if (ok)
    {
      g_clear_pointer (&entry->record, sih_case_record_unref);
      entry->record = sih_case_record_ref (job->record);
      entry->record_gen = job->gen;
      if (existing == NULL)
        {
          g_hash_table_insert (self->entries, (gpointer)sih_case_info_get_id (entry->info), entry);
          model_insert (self, entry->info);
        }
      else
        {
          info_update_from_case (entry->info, c);
          model_reposition (self, entry->info);
        }
      schedule_index_write (self);
    }
  write_job_free (job);

  if (!ok)
    {
      if (existing == NULL)
        entry_free (entry);
      return NULL;
    }

  return g_object_ref (entry->info);
}

/**
 * sih_case_store_finish_import:
 * @import: what sih_case_store_check_import() found
 * @choice: for a case whose id is saved already, what the person chose:
 *   %SIH_IMPORT_UPDATE (only when the file is newer) or
 *   %SIH_IMPORT_KEEP_BOTH; for a new case, %SIH_IMPORT_ADD
 * @error: a #SIH_ERROR: %SIH_ERROR_IO when the file cannot be written, or
 *   when the case to update is open (sih_case_store_track())
 *
 * Adds the imported case to the store:
 *  - %SIH_IMPORT_ADD: as it is, with its id (a new case);
 *  - %SIH_IMPORT_UPDATE: in place of the saved case with its id, written
 *    atomically: if writing fails, the saved case stays as it was;
 *  - %SIH_IMPORT_KEEP_BOTH: as a copy with a new id and a title that says
 *    it is one ("… (copy from handover)").
 * Nothing is ever duplicated without the person choosing so.  Records for
 * steps the current pack does not have are kept.
 *
 * Returns: (transfer full) (nullable): the list entry of the case
 */
SihCaseInfo *
sih_case_store_finish_import (SihCaseStore     *self,
                              SihImport        *import,
                              SihImportChoice   choice,
                              GError          **error)
{
  g_autoptr(SihCase) c = NULL;
  g_autofree char *path = NULL;
  struct stat st;

  g_return_val_if_fail (SIH_IS_CASE_STORE (self), NULL);
  g_return_val_if_fail (import != NULL && SIH_IS_CASE (import->kase), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);
  g_return_val_if_fail (choice != SIH_IMPORT_ADD || import->conflict == SIH_IMPORT_NEW, NULL);
  g_return_val_if_fail (choice != SIH_IMPORT_UPDATE || import->conflict == SIH_IMPORT_NEWER, NULL);

  /* A copy, so that @import can be finished again (after an error). */
  {
    g_autoptr(GBytes) bytes = sih_case_file_to_bytes (import->kase);

    c = sih_case_file_load_bytes (bytes, sih_case_get_id (import->kase), error);
    if (c == NULL)
      return NULL;
  }

  switch (choice)
    {
    case SIH_IMPORT_UPDATE:
      /* A case being worked on would save over the update: it must be
       * let go first (sih_case_store_untrack()), and is then forgotten. */
      {
        Tracked *t = g_hash_table_lookup (self->tracked, sih_case_get_id (c));

        if (t != NULL && (!t->released || t->dirty))
          {
            sih_error_set_io (error, G_IO_ERROR_BUSY,
                              "The case “%s” is open; close it before updating it",
                              sih_case_get_id (c));
            return NULL;
          }
        if (t != NULL)
          g_hash_table_remove (self->tracked, sih_case_get_id (c));
      }
      if (!g_hash_table_contains (self->entries, sih_case_get_id (c)))
        {
          g_set_error (error, SIH_ERROR, SIH_ERROR_NOT_FOUND, "There is no case “%s” to update",
                       sih_case_get_id (c));
          return NULL;
        }
      return add_imported (self, c, error);

    case SIH_IMPORT_KEEP_BOTH:
      {
        g_autofree char *id = g_uuid_string_random ();

        sih_case_restore_id (c, id);
        label_copy (c);
        return add_imported (self, c, error);
      }

    case SIH_IMPORT_ADD:
    default:
      /* Its id taken since it was checked, or by something that is not a
       * listed case (a file set aside, a link): it gets an id of its own,
       * never writing over what is there. */
      path = _sih_case_store_case_path (self, sih_case_get_id (c));
      if (g_hash_table_contains (self->entries, sih_case_get_id (c)) ||
          g_hash_table_contains (self->tracked, sih_case_get_id (c)) ||
          g_lstat (path, &st) == 0 || errno != ENOENT)
        {
          g_autofree char *id = g_uuid_string_random ();

          sih_case_restore_id (c, id);
        }
      return add_imported (self, c, error);
    }
}

guint
sih_case_store_get_save_delay (SihCaseStore *self)
{
  g_return_val_if_fail (SIH_IS_CASE_STORE (self), 0);
  return self->save_delay;
}

/**
 * sih_case_store_set_save_delay:
 * @msec: milliseconds; tests shorten it
 */
void
sih_case_store_set_save_delay (SihCaseStore *self,
                               guint         msec)
{
  g_return_if_fail (SIH_IS_CASE_STORE (self));

  if (self->save_delay == msec)
    return;
  self->save_delay = msec;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SAVE_DELAY]);
}

guint
sih_case_store_get_retry_interval (SihCaseStore *self)
{
  g_return_val_if_fail (SIH_IS_CASE_STORE (self), 0);
  return self->retry_interval;
}

void
sih_case_store_set_retry_interval (SihCaseStore *self,
                                   guint         msec)
{
  g_return_if_fail (SIH_IS_CASE_STORE (self));

  if (self->retry_interval == msec)
    return;
  self->retry_interval = msec;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RETRY_INTERVAL]);
}

void
sih_case_store_set_write_error (SihCaseStore *self,
                                const GError *error)
{
  g_return_if_fail (SIH_IS_CASE_STORE (self));

  g_clear_error (&self->write_error);
  if (error != NULL)
    self->write_error = g_error_copy (error);
}
