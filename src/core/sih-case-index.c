/* sih-case-index.c: the case folder's index.json
 *
 * Listing 10,000 saved cases must not mean reading 10,000 files: the index
 * remembers, for every case file, the version it saw (inode, size, mtime)
 * and what the list shows of it.  It is only a cache: an entry that does
 * not match its file, or an index that is not exactly what this writes, is
 * read again from the case files.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "core/sih-case-file.h"
#include "core/sih-case-index.h"
#include "core/sih-detail.h"
#include "core/sih-json-reader.h"
#include "core/sih-text-fold.h"

#define INDEX_KIND   "signin-helper-case-index"
#define INDEX_FORMAT 3

SihCaseRecord *
sih_case_record_ref (SihCaseRecord *record)
{
  g_atomic_ref_count_inc (&record->ref);
  return record;
}

void
sih_case_record_unref (SihCaseRecord *record)
{
  if (record == NULL || !g_atomic_ref_count_dec (&record->ref))
    return;
  g_free (record->id);
  g_free (record->title);
  g_free (record->cause_id);
  g_free (record->pack_id);
  g_free (record->pack_version);
  g_clear_pointer (&record->created, g_date_time_unref);
  g_clear_pointer (&record->updated, g_date_time_unref);
  g_clear_pointer (&record->call_back, g_date_time_unref);
  g_free (record->ticket);
  g_free (record->caller_name);
  g_free (record->search_text);
  g_free (record);
}

/* What the saved-cases search finds besides the title, ticket and caller
 * (which the record keeps as they are, to show): everything else the agent
 * typed.  Folded once here, at save or scan, so that the search compares
 * folded text only; the index keeps it whole (cutting it would lose
 * matches), which costs a few hundred bytes a typical case (see
 * bench/bench-cases.c).  A change to sih_text_fold() needs a new
 * INDEX_FORMAT, so that old folds are made again. */
static char *
make_search_text (SihCase *c)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_auto(GStrv) keys = sih_case_list_details (c);
  GPtrArray *records = sih_case_get_records (c);

  for (guint i = 0; i < records->len; i++)
    {
      const SihStepRecord *record = g_ptr_array_index (records, i);

      if (record->note != NULL && *record->note != '\0')
        g_string_append_printf (text, "%s\n", record->note);
    }
  /* Typed details only: how to reach the person (e-mail, phone) stays in
   * the case file, and a choice is an id, not the words the list shows. */
  for (guint i = 0; keys[i] != NULL; i++)
    if (sih_detail_get_kind (keys[i]) == SIH_DETAIL_KIND_TEXT)
      g_string_append_printf (text, "%s\n", sih_case_get_detail (c, keys[i]));
  if (sih_case_get_status_reason (c) != NULL)
    g_string_append_printf (text, "%s\n", sih_case_get_status_reason (c));

  if (text->len == 0)
    return NULL;
  return sih_text_fold (text->str);
}

SihCaseRecord *
sih_case_record_new_from_case (SihCase *c)
{
  SihCaseRecord *record = g_new0 (SihCaseRecord, 1);

  g_atomic_ref_count_init (&record->ref);
  record->id = g_strdup (sih_case_get_id (c));
  record->title = g_strdup (sih_case_get_title (c));
  record->cause_id = g_strdup (sih_case_get_cause_id (c));
  record->pack_id = g_strdup (sih_case_get_pack_id (c));
  record->pack_version = g_strdup (sih_case_get_pack_version (c));
  record->created = g_date_time_ref (sih_case_get_created (c));
  record->updated = g_date_time_ref (sih_case_get_updated (c));
  record->status = sih_case_get_status (c);
  if (sih_case_get_call_back (c) != NULL)
    record->call_back = g_date_time_ref (sih_case_get_call_back (c));
  record->ticket = g_strdup (sih_case_get_ticket (c));
  record->caller_name = g_strdup (sih_case_get_caller_name (c));
  record->search_text = make_search_text (c);

  return record;
}

SihFileStamp
sih_file_stamp_from_stat (const struct stat *st)
{
  SihFileStamp stamp;

  stamp.ino = st->st_ino;
  stamp.size = st->st_size;
  stamp.mtime_ns = (gint64)st->st_mtim.tv_sec * G_GINT64_CONSTANT (1000000000) + st->st_mtim.tv_nsec;

  return stamp;
}

gboolean
sih_file_stamp_equal (const SihFileStamp *a,
                      const SihFileStamp *b)
{
  return a->ino == b->ino && a->size == b->size && a->mtime_ns == b->mtime_ns;
}

/* The index
 *
 * {"format":2,"kind":"signin-helper-case-index","cases":[
 * ENTRY,
 * …
 * ]}
 * where each ENTRY, one a line, is
 *   [id, inode, size, mtime (ns), created (µs since 1970, UTC),
 *    created's UTC offset (s), updated (µs), updated's offset (s), status
 *    ("open", "call-back", …), call back (µs) or null, its offset (s) or
 *    null, pack id, pack version or null, title or null, cause or null,
 *    ticket or null, caller's name or null, search text or null]
 * so that the list can filter by status, put due call-backs first and
 * search tickets, callers, notes and details without reading every case.
 * (Format 1, with "solved" instead of the status and call back, and
 * format 2, without the search text, are simply rebuilt.)
 * Valid JSON, for people and tools; but the app reads only exactly what it
 * writes (see read_index()).
 */

/* Text in the index comes from case files the reader accepted, so it is
 * valid UTF-8; only what JSON requires is escaped. */
static void
append_json_string (GString    *out,
                    const char *text)
{
  if (text == NULL)
    {
      g_string_append (out, "null");
      return;
    }

  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      guchar ch = *p;

      if (ch == '"' || ch == '\\')
        {
          g_string_append_c (out, '\\');
          g_string_append_c (out, ch);
        }
      else if (ch < 0x20)
        g_string_append_printf (out, "\\u%04x", ch);
      else
        g_string_append_c (out, ch);
    }
  g_string_append_c (out, '"');
}

static void
append_time (GString   *out,
             GDateTime *time)
{
  gint64 usec = g_date_time_to_unix (time) * G_USEC_PER_SEC + g_date_time_get_microsecond (time);

  g_string_append_printf (out, ",%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT, usec,
                          g_date_time_get_utc_offset (time) / G_USEC_PER_SEC);
}

/**
 * sih_case_index_to_bytes:
 * @records: (element-type SihCaseRecord): the records, in the order to keep
 *
 * Returns: (transfer full): the index file
 */
GBytes *
sih_case_index_to_bytes (GPtrArray *records)
{
  GString *out = g_string_sized_new (160 * records->len + 80);

  g_string_append_printf (out, "{\"format\":%d,\"kind\":\"%s\",\"cases\":[\n",
                          INDEX_FORMAT, INDEX_KIND);
  for (guint i = 0; i < records->len; i++)
    {
      SihCaseRecord *record = g_ptr_array_index (records, i);

      g_string_append_c (out, '[');
      append_json_string (out, record->id);
      g_string_append_printf (out, ",%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT,
                              (gint64)record->stamp.ino, record->stamp.size,
                              record->stamp.mtime_ns);
      append_time (out, record->created);
      append_time (out, record->updated);
      g_string_append_c (out, ',');
      append_json_string (out, sih_status_to_string (record->status));
      if (record->call_back != NULL)
        append_time (out, record->call_back);
      else
        g_string_append (out, ",null,null");
      g_string_append_c (out, ',');
      append_json_string (out, record->pack_id);
      g_string_append_c (out, ',');
      append_json_string (out, record->pack_version);
      g_string_append_c (out, ',');
      append_json_string (out, record->title);
      g_string_append_c (out, ',');
      append_json_string (out, record->cause_id);
      g_string_append_c (out, ',');
      append_json_string (out, record->ticket);
      g_string_append_c (out, ',');
      append_json_string (out, record->caller_name);
      g_string_append_c (out, ',');
      append_json_string (out, record->search_text);
      g_string_append (out, i + 1 < records->len ? "],\n" : "]\n");
    }
  g_string_append (out, "]}\n");

  return g_string_free_to_bytes (out);
}

/* Reading the index: a strict parser of exactly what index_to_bytes()
 * writes, straight into records.  Building a json-glib tree of 10,000
 * entries and freeing it again took longer than everything else at
 * start-up; and an index that is not exactly ours is simply rebuilt. */

typedef struct
{
  const char *p;
  const char *end;
} Cursor;

static gboolean
cursor_literal (Cursor     *c,
                const char *literal)
{
  gsize len = strlen (literal);

  if ((gsize)(c->end - c->p) < len || memcmp (c->p, literal, len) != 0)
    return FALSE;
  c->p += len;
  return TRUE;
}

static gboolean
cursor_int (Cursor *c,
            gint64 *value)
{
  gboolean negative = FALSE;
  guint64 magnitude = 0;
  const char *start;

  if (c->p < c->end && *c->p == '-')
    {
      negative = TRUE;
      c->p++;
    }
  start = c->p;
  while (c->p < c->end && g_ascii_isdigit (*c->p))
    {
      if (magnitude > (G_MAXINT64 - 9) / 10)
        return FALSE;
      magnitude = magnitude * 10 + (guint64)(*c->p - '0');
      c->p++;
    }
  if (c->p == start || c->p - start > 19)
    return FALSE;

  *value = negative ? -(gint64)magnitude : (gint64)magnitude;
  return TRUE;
}


/* @value: (out) (transfer full): the text, or %NULL for null if @nullable */
static gboolean
cursor_string (Cursor    *c,
               gboolean   nullable,
               char     **value)
{
  g_autoptr(GString) text = NULL;

  *value = NULL;
  if (nullable && cursor_literal (c, "null"))
    return TRUE;
  if (!cursor_literal (c, "\""))
    return FALSE;

  text = g_string_new (NULL);
  while (c->p < c->end && *c->p != '"')
    {
      const char *run = c->p;

      while (c->p < c->end && *c->p != '"' && *c->p != '\\')
        c->p++;
      g_string_append_len (text, run, c->p - run);

      if (c->p < c->end && *c->p == '\\')
        {
          c->p++;
          if (c->p < c->end && (*c->p == '"' || *c->p == '\\'))
            {
              g_string_append_c (text, *c->p);
              c->p++;
            }
          else if (c->end - c->p >= 5 && *c->p == 'u' &&
                   g_ascii_isxdigit (c->p[1]) && g_ascii_isxdigit (c->p[2]) &&
                   g_ascii_isxdigit (c->p[3]) && g_ascii_isxdigit (c->p[4]))
            {
              gunichar ch = g_ascii_xdigit_value (c->p[1]) << 12 |
                            g_ascii_xdigit_value (c->p[2]) << 8 |
                            g_ascii_xdigit_value (c->p[3]) << 4 |
                            g_ascii_xdigit_value (c->p[4]);

              /* index_to_bytes() escapes only control characters so. */
              if (ch == 0 || ch >= 0x20)
                return FALSE;
              g_string_append_c (text, (char)ch);
              c->p += 5;
            }
          else
            {
              return FALSE;
            }
        }
    }
  if (!cursor_literal (c, "\"") || !g_utf8_validate_len (text->str, text->len, NULL))
    return FALSE;

  *value = g_string_free (g_steal_pointer (&text), FALSE);
  return TRUE;
}

static GDateTime *
index_time (gint64      usec,
            gint64      offset,
            GHashTable *zones)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) exact = NULL;
  GTimeZone *tz;

  /* Within the years GDateTime can represent, and real UTC offsets. */
  if (usec < -G_GINT64_CONSTANT (62135596800) * G_USEC_PER_SEC ||
      usec > G_GINT64_CONSTANT (253402300799) * G_USEC_PER_SEC ||
      offset < -86400 || offset > 86400)
    return NULL;

  tz = g_hash_table_lookup (zones, GINT_TO_POINTER ((int)offset));
  if (tz == NULL)
    {
      tz = g_time_zone_new_offset ((gint32)offset);
      g_hash_table_insert (zones, GINT_TO_POINTER ((int)offset), tz);
    }

  /* Whole seconds rounded down, so that times before 1970 work too. */
  utc = g_date_time_new_from_unix_utc (usec >= 0 ? usec / G_USEC_PER_SEC
                                                 : -((-usec + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC));
  if (utc == NULL)
    return NULL;
  exact = g_date_time_add (utc, usec - g_date_time_to_unix (utc) * G_USEC_PER_SEC);
  return exact != NULL ? g_date_time_to_timezone (exact, tz) : NULL;
}

static SihCaseRecord *
index_record (Cursor     *c,
              GHashTable *zones)
{
  g_autoptr(SihCaseRecord) record = g_new0 (SihCaseRecord, 1);
  g_autofree char *status = NULL;
  gint64 ino, created, created_offset, updated, updated_offset;
  gint64 call_back = 0, call_back_offset = 0;
  gboolean has_call_back;

  g_atomic_ref_count_init (&record->ref);
  if (!cursor_literal (c, "[") ||
      !cursor_string (c, FALSE, &record->id) || !sih_id_is_valid (record->id) ||
      !cursor_literal (c, ",") || !cursor_int (c, &ino) ||
      !cursor_literal (c, ",") || !cursor_int (c, &record->stamp.size) ||
      !cursor_literal (c, ",") || !cursor_int (c, &record->stamp.mtime_ns) ||
      !cursor_literal (c, ",") || !cursor_int (c, &created) ||
      !cursor_literal (c, ",") || !cursor_int (c, &created_offset) ||
      !cursor_literal (c, ",") || !cursor_int (c, &updated) ||
      !cursor_literal (c, ",") || !cursor_int (c, &updated_offset) ||
      !cursor_literal (c, ",") || !cursor_string (c, FALSE, &status) ||
      !sih_status_from_string (status, &record->status) ||
      !cursor_literal (c, ","))
    return NULL;
  has_call_back = !cursor_literal (c, "null,null");
  if ((has_call_back &&
       (!cursor_int (c, &call_back) || !cursor_literal (c, ",") ||
        !cursor_int (c, &call_back_offset))) ||
      !cursor_literal (c, ",") || !cursor_string (c, FALSE, &record->pack_id) ||
      !sih_id_is_valid (record->pack_id) ||
      !cursor_literal (c, ",") || !cursor_string (c, TRUE, &record->pack_version) ||
      !cursor_literal (c, ",") || !cursor_string (c, TRUE, &record->title) ||
      !cursor_literal (c, ",") || !cursor_string (c, TRUE, &record->cause_id) ||
      !cursor_literal (c, ",") || !cursor_string (c, TRUE, &record->ticket) ||
      !cursor_literal (c, ",") || !cursor_string (c, TRUE, &record->caller_name) ||
      !cursor_literal (c, ",") || !cursor_string (c, TRUE, &record->search_text) ||
      !cursor_literal (c, "]"))
    return NULL;

  if (has_call_back)
    {
      /* Only a case to call back has a time, as in the case file. */
      if (!sih_status_get_info (record->status)->has_time)
        return NULL;
      record->call_back = index_time (call_back, call_back_offset, zones);
      if (record->call_back == NULL)
        return NULL;
    }

  record->stamp.ino = (guint64)ino;
  record->created = index_time (created, created_offset, zones);
  record->updated = index_time (updated, updated_offset, zones);
  if (record->created == NULL || record->updated == NULL)
    return NULL;

  return g_steal_pointer (&record);
}

/**
 * sih_case_index_parse:
 * @data: the index file's contents
 * @len: their length
 * @complete: (out): whether every entry was read, up to the end
 *
 * Reads exactly what sih_case_index_to_bytes() writes.  Anything it cannot
 * make sense of is left out, with the entries after it, so that those case
 * files are read again: the index is a cache, never a source.
 *
 * Returns: (transfer full) (element-type utf8 SihCaseRecord): id → record
 */
GHashTable *
sih_case_index_parse (const char *data,
                      gsize       len,
                      gboolean   *complete)
{
  GHashTable *records = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                               (GDestroyNotify)sih_case_record_unref);
  g_autoptr(GHashTable) zones = g_hash_table_new_full (NULL, NULL, NULL,
                                                       (GDestroyNotify)g_time_zone_unref);
  g_autofree char *header = NULL;
  Cursor c;

  *complete = FALSE;

  c.p = data;
  c.end = data + len;
  header = g_strdup_printf ("{\"format\":%d,\"kind\":\"%s\",\"cases\":[\n", INDEX_FORMAT,
                            INDEX_KIND);
  if (!cursor_literal (&c, header))
    return records;

  while (!cursor_literal (&c, "]}\n"))
    {
      SihCaseRecord *record = index_record (&c, zones);

      if (record == NULL || g_hash_table_contains (records, record->id))
        {
          /* Everything up to here stands; the rest is read from the files. */
          g_clear_pointer (&record, sih_case_record_unref);
          return records;
        }
      g_hash_table_insert (records, record->id, record);

      if (!cursor_literal (&c, ",\n") && !cursor_literal (&c, "\n"))
        return records;
    }

  *complete = c.p == c.end;
  return records;
}

/**
 * sih_case_index_read:
 * @path: the index file, read without following a link
 * @complete: (out): whether every entry was read
 *
 * Returns: (transfer full): as sih_case_index_parse(); empty when the file
 *   cannot be read
 */
GHashTable *
sih_case_index_read (const char *path,
                     gboolean   *complete)
{
  g_autoptr(GBytes) bytes = sih_case_file_read (path, FALSE, NULL);
  gsize len = 0;
  const char *data;

  if (bytes == NULL)
    {
      *complete = FALSE;
      return g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                    (GDestroyNotify)sih_case_record_unref);
    }

  data = g_bytes_get_data (bytes, &len);
  return sih_case_index_parse (data, len, complete);
}
