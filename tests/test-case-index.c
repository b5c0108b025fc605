/* test-case-index.c: the case folder's index, a cache read strictly
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "core/sih-case-index.h"

static GHashTable *
parse_file (const char *name,
            gboolean   *complete)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "case-index", name, NULL);
  g_autofree char *data = NULL;
  gsize len;

  g_assert_true (g_file_get_contents (path, &data, &len, NULL));
  return sih_case_index_parse (data, len, complete);
}

static void
test_case_index_read (void)
{
  g_autoptr(GHashTable) records = NULL;
  SihCaseRecord *first, *second;
  gboolean complete;

  records = parse_file ("two.json", &complete);
  g_assert_true (complete);
  g_assert_cmpuint (g_hash_table_size (records), ==, 2);

  first = g_hash_table_lookup (records, "3f2a9c1e-7b4d-4e8a-9c2f-1a2b3c4d5e6f");
  g_assert_nonnull (first);
  g_assert_cmpuint (first->stamp.ino, ==, 1835012);
  g_assert_cmpint (first->stamp.size, ==, 2048);
  g_assert_cmpint (first->stamp.mtime_ns, ==, G_GINT64_CONSTANT (1764046800123456789));
  g_assert_cmpint (g_date_time_to_unix (first->created), ==, 1764046800);
  g_assert_cmpint (g_date_time_get_microsecond (first->created), ==, 123456);
  g_assert_cmpint (g_date_time_get_utc_offset (first->created), ==, 9 * G_TIME_SPAN_HOUR);
  g_assert_cmpint (first->status, ==, SIH_STATUS_OPEN);
  g_assert_null (first->call_back);
  g_assert_null (first->ticket);
  g_assert_null (first->caller_name);
  g_assert_cmpstr (first->pack_id, ==, "amazon-signin");
  g_assert_cmpstr (first->pack_version, ==, "2026.11");
  g_assert_null (first->title);
  g_assert_null (first->cause_id);

  /* The extremes GDateTime can hold, negative offsets, escapes. */
  second = g_hash_table_lookup (records, "b7c1d2e3-0000-4000-8000-000000000001");
  g_assert_nonnull (second);
  g_assert_cmpint (second->status, ==, SIH_STATUS_CALL_BACK);
  g_assert_cmpint (g_date_time_to_unix (second->call_back), ==, 1764140400);
  g_assert_cmpint (g_date_time_get_utc_offset (second->call_back), ==, 9 * G_TIME_SPAN_HOUR);
  g_assert_cmpstr (second->ticket, ==, "HD-48213");
  g_assert_cmpstr (second->caller_name, ==, "Tanaka \"Hanako\"");
  g_assert_cmpint (g_date_time_get_year (second->created), ==, 1);
  g_assert_cmpint (g_date_time_get_year (second->updated), ==, 9999);
  g_assert_cmpint (g_date_time_get_utc_offset (second->updated), ==, -10 * G_TIME_SPAN_HOUR);
  g_assert_null (second->pack_version);
  g_assert_cmpstr (second->title, ==, "Ticket 48213 \"Sato\" \\ \ttab");
  g_assert_cmpstr (second->cause_id, ==, "account-locked");
  g_assert_null (first->search_text);
  g_assert_cmpstr (second->search_text, ==, "caller will look for the backup codes\niphone 15 ｐｒｏ\n");
}

static gint
compare_ids (gconstpointer a,
             gconstpointer b)
{
  const SihCaseRecord *ra = *(SihCaseRecord * const *)a;
  const SihCaseRecord *rb = *(SihCaseRecord * const *)b;

  return strcmp (ra->id, rb->id);
}

/* What it writes, it reads back exactly; and the file is what it reads. */
static void
test_case_index_round_trip (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "case-index", "two.json", NULL);
  g_autofree char *original = NULL;
  g_autoptr(GHashTable) records = NULL;
  g_autoptr(GHashTable) again = NULL;
  g_autoptr(GPtrArray) list = g_ptr_array_new ();
  g_autoptr(GBytes) bytes = NULL;
  GHashTableIter iter;
  gpointer value;
  gboolean complete;
  gsize len;

  g_assert_true (g_file_get_contents (path, &original, &len, NULL));
  records = sih_case_index_parse (original, len, &complete);
  g_assert_true (complete);

  g_hash_table_iter_init (&iter, records);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_add (list, value);
  g_ptr_array_sort (list, compare_ids);
  bytes = sih_case_index_to_bytes (list);

  /* The test file is written in the order and form the store writes. */
  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), original, len);

  again = sih_case_index_parse (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &complete);
  g_assert_true (complete);
  g_assert_cmpuint (g_hash_table_size (again), ==, 2);
}

/* Every cut of a good index reads as the entries before the cut, and says
 * it is not complete; nothing is made up. */
static void
test_case_index_truncated (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "case-index", "two.json", NULL);
  g_autofree char *data = NULL;
  gsize len;

  g_assert_true (g_file_get_contents (path, &data, &len, NULL));
  for (gsize cut = 0; cut < len; cut++)
    {
      gboolean complete = TRUE;
      g_autoptr(GHashTable) records = sih_case_index_parse (data, cut, &complete);

      g_assert_false (complete);
      g_assert_cmpuint (g_hash_table_size (records), <=, 2);
    }
}

/* Anything that is not exactly what the store writes stops the reading
 * there; the rest is read from the case files. */
static void
test_case_index_refused (void)
{
  static const struct { const char *entry; } bad[] = {
    { "[\"Upper\",1,1,1,0,0,0,0,\"open\",null,null,\"p\",null,null,null,null,null,null]" },
    { "[\"a\",1,1,1,0,0,0,0,\"open\",null,null,\"P\",null,null,null,null,null,null]" },
    { "[\"a\",1,1,1,0,0,0,0,\"maybe\",null,null,\"p\",null,null,null,null,null,null]" },
    { "[\"a\",1,1,1,0,0,0,0,false,null,null,\"p\",null,null,null,null,null,null]" },
    { "[\"a\",1,1,1,0,0,0,0,\"open\",null,null,\"p\",null,null,null,null,null]" },
    { "[\"a\",1,1,1,0,0,0,0,\"open\",null,null,null,null,null,null,null,null,null]" },
    { "[\"a\",99999999999999999999,1,1,0,0,0,0,\"open\",null,null,\"p\",null,null,null,null,null,null]" },
    { "[\"a\",1,1,1,0,90000,0,0,\"open\",null,null,\"p\",null,null,null,null,null,null]" },
    { "[\"a\",1,1,1,-62135596800000001,0,0,0,\"open\",null,null,\"p\",null,null,null,null,null,null]" },
    { "[\"a\",1,1,1,0,0,0,0,\"open\",null,null,\"p\",null,\"\\u0041\",null,null,null,null]" },
    { "[\"a\",1,1,1,0,0,0,0,\"open\",null,null,\"p\",null,\"\\n\",null,null,null,null]" },
    { "[\"a\",1,1,1,0,0,0,0,\"open\",null,null,\"p\",null,\"\xff\",null,null,null,null]" },
    { "[\"a\", 1,1,1,0,0,0,0,\"open\",null,null,\"p\",null,null,null,null,null,null]" },
    /* A call-back time only for a case to call back, and whole. */
    { "[\"a\",1,1,1,0,0,0,0,\"open\",0,0,\"p\",null,null,null,null,null,null]" },
    { "[\"a\",1,1,1,0,0,0,0,\"call-back\",0,null,\"p\",null,null,null,null,null,null]" },
    { "[\"a\",1,1,1,0,0,0,0,\"call-back\",null,0,\"p\",null,null,null,null,null,null]" },
    { "[\"a\",1,1,1,0,0,0,0,\"call-back\",0,90000,\"p\",null,null,null,null,null,null]" },
    { "[\"a\",1,1,1,0,0,0,0,\"open\",null,null,\"p\",null,null,null,4711,null,null]" },
    { "[\"a\",1,1,1,0,0,0,0,\"open\",null,null,\"p\",null,null,null,null,\"\xff\",null]" },
  };
  const char *head = "{\"format\":3,\"kind\":\"signin-helper-case-index\",\"cases\":[\n";

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *text = g_strdup_printf ("%s[\"good\",1,1,1,0,0,0,0,\"open\",null,null,\"p\",null,null,null,null,null,null],\n"
                                               "%s\n]}\n", head, bad[i].entry);
      gboolean complete = TRUE;
      g_autoptr(GHashTable) records = sih_case_index_parse (text, strlen (text), &complete);
      g_autofree char *shown = g_strescape (bad[i].entry, NULL);

      g_test_message ("%s", shown);
      g_assert_false (complete);
      g_assert_cmpuint (g_hash_table_size (records), ==, 1);
      g_assert_true (g_hash_table_contains (records, "good"));
    }

  /* Another format or kind is not read at all; a duplicate stops it. */
  {
    const char *other = "{\"format\":4,\"kind\":\"signin-helper-case-index\",\"cases\":[\n]}\n";
    const char *twice = "{\"format\":3,\"kind\":\"signin-helper-case-index\",\"cases\":[\n"
                        "[\"a\",1,1,1,0,0,0,0,\"open\",null,null,\"p\",null,null,null,null,null,null],\n"
                        "[\"a\",2,1,1,0,0,0,0,\"open\",null,null,\"p\",null,null,null,null,null,null]\n]}\n";
    gboolean complete = TRUE;
    g_autoptr(GHashTable) none = sih_case_index_parse (other, strlen (other), &complete);
    g_autoptr(GHashTable) one = NULL;

    g_assert_false (complete);
    g_assert_cmpuint (g_hash_table_size (none), ==, 0);
    one = sih_case_index_parse (twice, strlen (twice), &complete);
    g_assert_false (complete);
    g_assert_cmpuint (g_hash_table_size (one), ==, 1);
    g_assert_cmpuint (((SihCaseRecord *)g_hash_table_lookup (one, "a"))->stamp.ino, ==, 1);
  }
}

/* An index of format 1 (with "solved" and without the status) is not read
 * at all: the case files are read again, and the index rewritten. */
static void
test_case_index_format_1 (void)
{
  gboolean complete = TRUE;
  g_autoptr(GHashTable) records = parse_file ("format-1.json", &complete);

  g_assert_false (complete);
  g_assert_cmpuint (g_hash_table_size (records), ==, 0);
}

/* What the list needs of a help-desk case is in its record. */
static void
test_case_index_from_case (void)
{
  g_autoptr(SihCase) c = sih_case_new ("test-pack", NULL);
  g_autoptr(GDateTime) call_back = g_date_time_new_utc (2026, 3, 1, 9, 0, 0);
  g_autoptr(SihCaseRecord) record = NULL;
  g_autoptr(GPtrArray) list = g_ptr_array_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GHashTable) again = NULL;
  SihCaseRecord *read;
  gboolean complete;

  sih_case_set_ticket (c, "HD-4711");
  sih_case_set_caller_name (c, "Tanaka Hanako");
  sih_case_set_caller_contact (c, "090-1234-5678");
  sih_case_set_status (c, SIH_STATUS_CALL_BACK, "After six", NULL, call_back);
  record = sih_case_record_new_from_case (c);
  g_assert_cmpint (record->status, ==, SIH_STATUS_CALL_BACK);
  g_assert_true (g_date_time_equal (record->call_back, call_back));
  g_assert_cmpstr (record->ticket, ==, "HD-4711");
  g_assert_cmpstr (record->caller_name, ==, "Tanaka Hanako");

  g_ptr_array_add (list, record);
  bytes = sih_case_index_to_bytes (list);
  /* How to reach the caller stays in the case file only.  (The whole
   * number: "090" alone turns up in one random case id in about twenty.) */
  g_assert_null (g_strstr_len (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                               "090-1234-5678"));
  again = sih_case_index_parse (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &complete);
  g_assert_true (complete);
  read = g_hash_table_lookup (again, sih_case_get_id (c));
  g_assert_nonnull (read);
  g_assert_cmpint (read->status, ==, SIH_STATUS_CALL_BACK);
  g_assert_true (g_date_time_equal (read->call_back, call_back));
  g_assert_cmpstr (read->ticket, ==, "HD-4711");
  g_assert_cmpstr (read->caller_name, ==, "Tanaka Hanako");
}

/* An index of format 2 has no search text: it is not read, so that the
 * case files are read again and the search finds their notes. */
static void
test_case_index_format_2 (void)
{
  gboolean complete = TRUE;
  g_autoptr(GHashTable) records = parse_file ("format-2.json", &complete);

  g_assert_false (complete);
  g_assert_cmpuint (g_hash_table_size (records), ==, 0);
}

/* The search text holds the notes, typed details and the status's reason,
 * folded; never how to reach anyone, nor the ids of choices. */
static void
test_case_index_search_text (void)
{
  g_autoptr(SihCase) c = sih_case_new ("test-pack", NULL);
  g_autoptr(SihCaseRecord) record = NULL;
  g_autoptr(GPtrArray) list = g_ptr_array_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GHashTable) again = NULL;
  SihCaseRecord *read;
  gboolean complete;

  record = sih_case_record_new_from_case (c);
  g_assert_null (record->search_text);
  g_clear_pointer (&record, sih_case_record_unref);

  sih_case_set_note (c, "code-not-arriving", "check-spam", "ＳＭＳ never came\n\"quoted\"");
  sih_case_set_note (c, "code-not-arriving", "wait", "パスワード");
  sih_case_set_detail (c, "error-message", "There was a problem");
  sih_case_set_detail (c, "device-type", "tablet");
  sih_case_set_detail (c, "account-email", "hanako@example.com");
  sih_case_set_status (c, SIH_STATUS_WAITING, "Looking for the backup codes", NULL, NULL);
  record = sih_case_record_new_from_case (c);
  g_assert_nonnull (strstr (record->search_text, "sms never came"));
  g_assert_nonnull (strstr (record->search_text, "ぱすわーど"));
  g_assert_nonnull (strstr (record->search_text, "there was a problem"));
  g_assert_nonnull (strstr (record->search_text, "looking for the backup codes"));
  g_assert_null (strstr (record->search_text, "example.com"));
  g_assert_null (strstr (record->search_text, "tablet"));

  g_ptr_array_add (list, record);
  bytes = sih_case_index_to_bytes (list);
  g_assert_null (g_strstr_len (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), "example.com"));
  again = sih_case_index_parse (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &complete);
  g_assert_true (complete);
  read = g_hash_table_lookup (again, sih_case_get_id (c));
  g_assert_nonnull (read);
  g_assert_cmpstr (read->search_text, ==, record->search_text);
}

static void
test_case_index_missing_file (void)
{
  gboolean complete = TRUE;
  g_autoptr(GHashTable) records = sih_case_index_read ("/nonexistent/index.json", &complete);

  g_assert_false (complete);
  g_assert_cmpuint (g_hash_table_size (records), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/case-index/read", test_case_index_read);
  g_test_add_func ("/case-index/round-trip", test_case_index_round_trip);
  g_test_add_func ("/case-index/truncated", test_case_index_truncated);
  g_test_add_func ("/case-index/refused", test_case_index_refused);
  g_test_add_func ("/case-index/format-1", test_case_index_format_1);
  g_test_add_func ("/case-index/from-case", test_case_index_from_case);
  g_test_add_func ("/case-index/format-2", test_case_index_format_2);
  g_test_add_func ("/case-index/search-text", test_case_index_search_text);
  g_test_add_func ("/case-index/missing-file", test_case_index_missing_file);

  return g_test_run ();
}
