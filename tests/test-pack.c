/* test-pack.c: loading and validating content packs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "core/sih-error.h"
#include "core/sih-link.h"
#include "core/sih-pack.h"

static const char *
error_code_name (int code)
{
  g_autoptr(GEnumClass) klass = NULL;
  static const char * const names[] = {
    "IO", "TOO_LARGE", "ENCODING", "SYNTAX", "TOO_DEEP", "FORMAT", "MISSING", "TYPE",
    "INVALID_VALUE", "DUPLICATE", "REFERENCE", "LINK", "NOT_FOUND", "NOT_A_CASE",
  };

  if (code < 0 || code >= (int)G_N_ELEMENTS (names))
    return "?";
  return names[code];
}

static SihPack *
load_test_file (const char  *name,
                GError     **error)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "packs", name, NULL);

  return sih_pack_new_from_file (path, NULL, error);
}

static SihPack *
load_string (const char  *json,
             GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (json, strlen (json));

  return sih_pack_new_from_bytes (bytes, "inline.json", NULL, error);
}

static void
test_pack_good (void)
{
  g_autoptr(SihPack) pack = NULL;
  g_autoptr(GError) error = NULL;
  SihCause *cause;
  SihStep *step;
  SihContact *contact;
  GPtrArray *messages;

  pack = load_test_file ("good.json", &error);
  g_assert_no_error (error);
  g_assert_nonnull (pack);

  g_assert_cmpstr (sih_pack_get_id (pack), ==, "test-pack");
  g_assert_cmpstr (sih_pack_get_version (pack), ==, "1.0");
  g_assert_cmpstr (sih_pack_get_title (pack), ==, "Test pack");
  g_assert_cmpstr (sih_pack_get_service (pack), ==, "Example");
  g_assert_cmpstr (sih_pack_get_updated (pack), ==, "2026-01-31");
  g_assert_cmpuint (sih_pack_get_n_causes (pack), ==, 2);
  g_assert_cmpuint (sih_pack_get_n_steps (pack), ==, 6);

  cause = sih_pack_find_cause (pack, "first");
  g_assert_nonnull (cause);
  g_assert_cmpstr (sih_cause_get_title (cause), ==, "First cause");
  g_assert_cmpstr (sih_cause_get_summary (cause), ==, "The first cause.");
  g_assert_cmpstr (sih_cause_get_icon_name (cause), ==, "dialog-password-symbolic");
  g_assert_cmpint (sih_cause_get_urgency (cause), ==, SIH_URGENCY_NORMAL);
  g_assert_cmpuint (sih_cause_get_n_symptoms (cause), ==, 2);
  g_assert_cmpstr (sih_cause_get_symptom (cause, 1), ==, "It still fails");
  g_assert_cmpstr (sih_cause_get_escalate (cause), ==, "Ask for help.");
  g_assert_cmpstr (sih_cause_get_related (cause)[0], ==, "second");
  g_assert_null (sih_cause_get_related (cause)[1]);

  messages = sih_cause_get_error_messages (cause);
  g_assert_cmpuint (messages->len, ==, 2);
  g_assert_cmpstr (((SihErrorMessage *)messages->pdata[0])->lang, ==, "ja");
  g_assert_cmpstr (((SihErrorMessage *)messages->pdata[0])->text, ==, "エラーです");

  g_assert_cmpuint (sih_cause_get_n_steps (cause), ==, 3);
  step = sih_cause_find_step (cause, "two");
  g_assert_nonnull (step);
  g_assert_cmpstr (sih_step_get_title (step), ==, "Step two");
  g_assert_cmpstr (sih_step_get_detail (step), ==, "Do two.");
  g_assert_cmpint (sih_step_get_kind (step), ==, SIH_STEP_KIND_ACTION);
  g_assert_cmpstr (sih_step_get_caution (step), ==, "Careful.");
  g_assert_cmpstr (sih_step_get_caller_text (step), ==, "Please do two, carefully.");
  g_assert_cmpstr (sih_step_get_caller_text_source (step), ==, "Please do two, carefully.");
  {
    g_autofree char *caller_text = NULL;

    g_object_get (step, "caller-text", &caller_text, NULL);
    g_assert_cmpstr (caller_text, ==, "Please do two, carefully.");
  }
  g_assert_cmpuint (sih_step_get_links (step)->len, ==, 0);
  g_assert_null (sih_cause_find_step (cause, "four"));

  step = sih_cause_find_step (cause, "one");
  g_assert_null (sih_step_get_caution (step));
  g_assert_cmpuint (sih_step_get_links (step)->len, ==, 1);
  g_assert_cmpstr (((SihLink *)sih_step_get_links (step)->pdata[0])->label.text, ==, "Help");

  g_assert_cmpint (sih_cause_get_urgency (sih_pack_find_cause (pack, "second")), ==,
                   SIH_URGENCY_CRITICAL);
  g_assert_null (sih_pack_find_cause (pack, "third"));

  contact = sih_pack_get_contact (pack);
  g_assert_cmpstr (sih_contact_get_intro (contact), ==, "How to contact support.");
  g_assert_cmpuint (sih_contact_get_n_items (contact), ==, 2);
  g_assert_cmpstr (sih_contact_get_item (contact, 1)->id, ==, "error-message");
  g_assert_cmpuint (sih_contact_get_n_routes (contact), ==, 1);
  g_assert_cmpstr (sih_contact_get_route (contact, 0)->title.text, ==, "Customer Service");
  g_assert_cmpstr (sih_contact_get_scam_warning (contact), ==, "Beware of fakes.");
}

static void
test_pack_bad_corpus (void)
{
  g_autofree char *index_path = g_test_build_filename (G_TEST_DIST, "data", "packs", "bad",
                                                       "expected.txt", NULL);
  g_autofree char *index = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GError) error = NULL;
  guint checked = 0;

  g_file_get_contents (index_path, &index, NULL, &error);
  g_assert_no_error (error);

  lines = g_strsplit (index, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = NULL;
      g_autofree char *name = NULL;
      g_autoptr(SihPack) pack = NULL;
      g_autoptr(GError) load_error = NULL;

      if (lines[i][0] == '#' || lines[i][0] == '\0')
        continue;

      fields = g_strsplit (lines[i], "\t", 3);
      g_assert_cmpuint (g_strv_length (fields), ==, 3);

      name = g_build_filename ("bad", fields[0], NULL);
      pack = load_test_file (name, &load_error);
      g_test_message ("%s → %s", fields[0], load_error ? load_error->message : "(loaded)");
      g_assert_null (pack);
      g_assert_error (load_error, SIH_ERROR, load_error->code);
      g_assert_cmpstr (error_code_name (load_error->code), ==, fields[1]);
      /* The message names the file and the place in the document. */
      g_assert_nonnull (strstr (load_error->message, fields[0]));
      if (strstr (load_error->message, fields[2]) == NULL)
        g_error ("%s: “%s” does not contain “%s”", fields[0], load_error->message, fields[2]);
      checked++;
    }

  g_assert_cmpuint (checked, >=, 30);
}

static GString *
good_pack_with (const char *cause_extra)
{
  GString *json = g_string_new (NULL);

  g_string_append (json,
                   "{\"format\":1,\"id\":\"p\",\"version\":\"1\",\"title\":\"T\",\"service\":\"S\","
                   "\"updated\":\"2026-01-01\",\"disclaimer\":\"D\",\"contact\":{\"intro\":\"I\","
                   "\"prepare\":[{\"id\":\"a\",\"label\":\"A\"}],\"routes\":[{\"id\":\"r\","
                   "\"title\":\"R\",\"detail\":\"D\"}],\"scam_warning\":\"W\"},\"causes\":[");
  g_string_append (json, cause_extra);
  g_string_append (json, "]}");

  return json;
}

static void
append_cause (GString *json,
              guint    index,
              guint    n_steps,
              gsize    title_len)
{
  g_string_append_printf (json,
                          "%s{\"id\":\"c%u\",\"title\":\"", index > 0 ? "," : "", index);
  if (title_len == 0)
    g_string_append (json, "Cause");
  else
    for (gsize i = 0; i < title_len; i++)
      g_string_append_c (json, 'x');
  g_string_append (json,
                   "\",\"summary\":\"S\",\"icon\":\"a-symbolic\",\"urgency\":\"normal\","
                   "\"symptoms\":[],\"error_messages\":[],\"escalate\":\"E\",\"steps\":[");
  for (guint s = 0; s < n_steps; s++)
    g_string_append_printf (json,
                            "%s{\"id\":\"s%u\",\"title\":\"T\",\"detail\":\"D\",\"kind\":\"check\"}",
                            s > 0 ? "," : "", s);
  g_string_append (json, "]}");
}

static void
test_pack_hostile (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) json = NULL;
  g_autoptr(SihPack) pack = NULL;

  /* A 20 MB title: parsed, then refused by size. */
  json = g_string_new (NULL);
  append_cause (json, 0, 3, 20 * 1024 * 1024);
  g_string_prepend (json, "");
  {
    g_autoptr(GString) whole = good_pack_with (json->str);
    pack = load_string (whole->str, &error);
  }
  g_assert_null (pack);
  g_assert_error (error, SIH_ERROR, SIH_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "causes[0].title"));
  g_clear_error (&error);
  g_string_free (g_steal_pointer (&json), TRUE);

  /* 100,000 steps in all: refused, quickly. */
  json = g_string_new (NULL);
  for (guint i = 0; i < 600; i++)
    append_cause (json, i, 170, 0);
  {
    g_autoptr(GString) whole = good_pack_with (json->str);
    pack = load_string (whole->str, &error);
  }
  g_assert_null (pack);
  g_assert_error (error, SIH_ERROR, SIH_ERROR_TOO_LARGE);
  g_clear_error (&error);
  g_string_free (g_steal_pointer (&json), TRUE);

  /* 100,000 nested arrays: refused before json-glib can overflow the stack. */
  json = g_string_new ("{\"format\":1,\"x\":");
  for (guint i = 0; i < 100000; i++)
    g_string_append_c (json, '[');
  for (guint i = 0; i < 100000; i++)
    g_string_append_c (json, ']');
  g_string_append_c (json, '}');
  pack = load_string (json->str, &error);
  g_assert_null (pack);
  g_assert_error (error, SIH_ERROR, SIH_ERROR_TOO_DEEP);
  g_clear_error (&error);
  g_string_free (g_steal_pointer (&json), TRUE);

  /* Brackets inside strings do not count as nesting. */
  json = good_pack_with ("");
  g_string_truncate (json, json->len - 2);
  append_cause (json, 0, 3, 0);
  g_string_append (json, "]}");
  g_string_replace (json, "\"title\":\"T\"", "\"title\":\"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\"", 1);
  pack = load_string (json->str, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sih_pack_get_title (pack), ==, "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[");
  g_clear_object (&pack);
  g_string_free (g_steal_pointer (&json), TRUE);

  /* A file over the size limit is refused before it is parsed. */
  json = g_string_sized_new (33 * 1024 * 1024);
  g_string_append_c (json, '"');
  for (gsize i = 0; i < 33 * 1024 * 1024; i++)
    g_string_append_c (json, ' ');
  g_string_append_c (json, '"');
  pack = load_string (json->str, &error);
  g_assert_null (pack);
  g_assert_error (error, SIH_ERROR, SIH_ERROR_TOO_LARGE);
  g_clear_error (&error);
}

/* The words for a caller are optional in every pack, step by step. */
static void
test_pack_caller_text_optional (void)
{
  g_autoptr(GString) causes = g_string_new (NULL);
  g_autoptr(GString) json = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SihPack) pack = NULL;
  SihCause *cause;

  append_cause (causes, 0, 2, 0);
  g_string_replace (causes, "\"id\":\"s1\",",
                    "\"id\":\"s1\",\"say\":\"Could you check it?\",", 1);
  json = good_pack_with (causes->str);
  pack = load_string (json->str, &error);
  g_assert_no_error (error);

  cause = sih_pack_find_cause (pack, "c0");
  g_assert_null (sih_step_get_caller_text (sih_cause_find_step (cause, "s0")));
  g_assert_null (sih_step_get_caller_text_source (sih_cause_find_step (cause, "s0")));
  g_assert_cmpstr (sih_step_get_caller_text (sih_cause_find_step (cause, "s1")), ==,
                   "Could you check it?");
}

static void
test_pack_missing_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SihPack) pack = NULL;

  pack = sih_pack_new_from_file ("/nonexistent/pack.json", NULL, &error);
  g_assert_null (pack);
  g_assert_error (error, SIH_ERROR, SIH_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "/nonexistent/pack.json"));
}

static void
test_pack_bundled (void)
{
  g_autoptr(SihPack) pack = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  GListModel *causes;

  pack = sih_pack_new_bundled (&error);
  g_assert_no_error (error);
  g_assert_nonnull (pack);
  g_assert_cmpstr (sih_pack_get_id (pack), ==, "amazon-signin");

  causes = sih_pack_get_causes (pack);
  g_assert_cmpuint (g_list_model_get_n_items (causes), >=, 3);

  for (guint i = 0; i < g_list_model_get_n_items (causes); i++)
    {
      g_autoptr(SihCause) cause = g_list_model_get_item (causes, i);
      const char * const *related = sih_cause_get_related (cause);

      g_test_message ("cause %s", sih_cause_get_id (cause));
      g_assert_true (g_hash_table_add (ids, (gpointer)sih_cause_get_id (cause)));
      g_assert_cmpuint (sih_cause_get_n_steps (cause), >=, 3);
      /* test-icons checks that the icon theme draws it, on each platform. */
      g_assert_nonnull (sih_cause_get_icon_name (cause));
      {
        g_autoptr(GIcon) icon = sih_cause_dup_icon (cause);
        const char * const *names = g_themed_icon_get_names (G_THEMED_ICON (icon));

        /* The app's own icon stands in where the theme lacks the pack's. */
        g_assert_cmpstr (names[0], ==, sih_cause_get_icon_name (cause));
        g_assert_cmpstr (names[1], ==, APPLICATION_ID "-symbolic");
      }

      for (guint j = 0; related[j] != NULL; j++)
        g_assert_nonnull (sih_pack_find_cause (pack, related[j]));
    }

  g_assert_cmpuint (sih_contact_get_n_routes (sih_pack_get_contact (pack)), >=, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pack/good", test_pack_good);
  g_test_add_func ("/pack/bad-corpus", test_pack_bad_corpus);
  g_test_add_func ("/pack/hostile", test_pack_hostile);
  g_test_add_func ("/pack/caller-text-optional", test_pack_caller_text_optional);
  g_test_add_func ("/pack/missing-file", test_pack_missing_file);
  g_test_add_func ("/pack/bundled", test_pack_bundled);

  return g_test_run ();
}
