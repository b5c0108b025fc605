/* fuzz-case-index.c: the case folder's index reader
 *
 * The reader takes any bytes, and what it accepts is sane: valid ids,
 * UTF-8 text, times GDateTime can hold.  Whatever it read, written again
 * and read back, gives the same records, and that reading is complete.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "fuzz-common.h"
#include "core/sih-case-index.h"
#include "core/sih-json-reader.h"

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  sih_fuzz_init (argc, argv);
  return 0;
}

static void
check_record (const char          *key,
              const SihCaseRecord *record)
{
  sih_fuzz_check (g_str_equal (key, record->id));
  sih_fuzz_check (sih_id_is_valid (record->id));
  sih_fuzz_check (sih_id_is_valid (record->pack_id));
  sih_fuzz_check (record->pack_version == NULL || g_utf8_validate (record->pack_version, -1, NULL));
  sih_fuzz_check (record->title == NULL || g_utf8_validate (record->title, -1, NULL));
  sih_fuzz_check (record->cause_id == NULL || g_utf8_validate (record->cause_id, -1, NULL));
  sih_fuzz_check (record->ticket == NULL || g_utf8_validate (record->ticket, -1, NULL));
  sih_fuzz_check (record->caller_name == NULL || g_utf8_validate (record->caller_name, -1, NULL));
  sih_fuzz_check ((guint)record->status < SIH_N_STATUSES);
  sih_fuzz_check (record->call_back == NULL || sih_status_get_info (record->status)->has_time);
  sih_fuzz_check (record->created != NULL && record->updated != NULL);
}

static gboolean
same_time (GDateTime *a,
           GDateTime *b)
{
  return g_date_time_equal (a, b) &&
         g_date_time_get_utc_offset (a) == g_date_time_get_utc_offset (b);
}

static gboolean
same_record (const SihCaseRecord *a,
             const SihCaseRecord *b)
{
  return g_str_equal (a->id, b->id) &&
         sih_file_stamp_equal (&a->stamp, &b->stamp) &&
         same_time (a->created, b->created) && same_time (a->updated, b->updated) &&
         a->status == b->status &&
         (a->call_back == NULL ? b->call_back == NULL
                               : b->call_back != NULL && same_time (a->call_back, b->call_back)) &&
         g_strcmp0 (a->ticket, b->ticket) == 0 &&
         g_strcmp0 (a->caller_name, b->caller_name) == 0 &&
         g_strcmp0 (a->pack_id, b->pack_id) == 0 &&
         g_strcmp0 (a->pack_version, b->pack_version) == 0 &&
         g_strcmp0 (a->title, b->title) == 0 &&
         g_strcmp0 (a->cause_id, b->cause_id) == 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GHashTable) records = NULL;
  g_autoptr(GHashTable) again = NULL;
  g_autoptr(GPtrArray) list = g_ptr_array_new ();
  g_autoptr(GBytes) bytes = NULL;
  GHashTableIter iter;
  gpointer key, value;
  gboolean complete, complete_again;

  /* libFuzzer never passes NULL, but the replay tests do for an empty file. */
  records = sih_case_index_parse (size > 0 ? (const char *)data : "", size, &complete);
  sih_fuzz_check (records != NULL);

  g_hash_table_iter_init (&iter, records);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      check_record (key, value);
      g_ptr_array_add (list, value);
    }

  bytes = sih_case_index_to_bytes (list);
  again = sih_case_index_parse (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                &complete_again);
  sih_fuzz_check (complete_again);
  sih_fuzz_check (g_hash_table_size (again) == g_hash_table_size (records));
  for (guint i = 0; i < list->len; i++)
    {
      const SihCaseRecord *record = g_ptr_array_index (list, i);
      const SihCaseRecord *read_back = g_hash_table_lookup (again, record->id);

      sih_fuzz_check (read_back != NULL && same_record (record, read_back));
    }

  return 0;
}
