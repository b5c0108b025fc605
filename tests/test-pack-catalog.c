/* test-pack-catalog.c: finding custom packs, listing broken ones, loading the choice
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>
#include <unistd.h>

#include "core/sih-error.h"
#include "core/sih-pack-catalog.h"
#include "sih-test-locale.h"

typedef struct
{
  char *root;
  char *user_dir;
  char *system_dir;
} Fixture;

static void
copy_file (const char *from,
           const char *to)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize len;

  g_file_get_contents (from, &contents, &len, &error);
  g_assert_no_error (error);
  g_file_set_contents (to, contents, len, &error);
  g_assert_no_error (error);
}

static void
write_file (const char *dir,
            const char *name,
            const char *contents)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        {
          g_chmod (child, 0700);
          remove_tree (child);
        }
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

/* A user folder with every kind of file a help desk might leave there, and
 * a system folder with one more good pack. */
static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *good = g_test_build_filename (G_TEST_DIST, "data", "packs", "good.json", NULL);
  g_autofree char *bad = g_test_build_filename (G_TEST_DIST, "data", "packs", "bad",
                                                "step-kind-bad.json", NULL);
  g_autofree char *example = g_build_filename (g_getenv ("SIH_SOURCE_ROOT"), "data", "content",
                                               "example-helpdesk-pack.json", NULL);
  g_autofree char *path = NULL;

  fixture->root = g_dir_make_tmp ("sih-pack-catalog-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->user_dir = g_build_filename (fixture->root, "user", "packs", NULL);
  fixture->system_dir = g_build_filename (fixture->root, "system", "packs", NULL);
  g_assert_cmpint (g_mkdir_with_parents (fixture->user_dir, 0700), ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (fixture->system_dir, 0700), ==, 0);

  path = g_build_filename (fixture->user_dir, "b-good.json", NULL);
  copy_file (good, path);
  g_clear_pointer (&path, g_free);
  path = g_build_filename (fixture->user_dir, "c-broken.json", NULL);
  copy_file (bad, path);
  g_clear_pointer (&path, g_free);
  write_file (fixture->user_dir, "d-not-json.json", "This is not JSON at all.\n");
  /* Not offered at all: other extensions, hidden files, editors' files. */
  write_file (fixture->user_dir, "notes.txt", "Packs for the help desk.\n");
  write_file (fixture->user_dir, "b-good.json~", "{}");
  write_file (fixture->user_dir, ".hidden.json", "{}");
  /* A link to itself cannot be opened: listed with the reason. */
  path = g_build_filename (fixture->user_dir, "a-loop.json", NULL);
  g_assert_cmpint (symlink ("a-loop.json", path), ==, 0);
  g_clear_pointer (&path, g_free);

  path = g_build_filename (fixture->system_dir, "example-helpdesk-pack.json", NULL);
  copy_file (example, path);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  remove_tree (fixture->root);
  g_free (fixture->root);
  g_free (fixture->user_dir);
  g_free (fixture->system_dir);
}

static SihPackCatalogEntry *
get_entry (GListModel *model,
           guint       position)
{
  SihPackCatalogEntry *entry = g_list_model_get_item (model, position);

  g_assert_nonnull (entry);
  /* The list holds a reference for as long as the test needs one. */
  g_object_unref (entry);
  return entry;
}

static void
assert_bundled (SihPackCatalogEntry *entry)
{
  g_assert_true (sih_pack_catalog_entry_get_bundled (entry));
  g_assert_true (sih_pack_catalog_entry_get_usable (entry));
  g_assert_null (sih_pack_catalog_entry_get_error (entry));
  g_assert_null (sih_pack_catalog_entry_get_path (entry));
  g_assert_cmpstr (sih_pack_catalog_entry_get_setting_value (entry), ==, "");
  g_assert_cmpstr (sih_pack_catalog_entry_get_id (entry), ==, "amazon-signin");
  g_assert_nonnull (sih_pack_catalog_entry_get_version (entry));
  g_assert_cmpuint (sih_pack_catalog_entry_get_n_causes (entry), >, 0);
}

static void
assert_listing (GListModel *model,
                Fixture    *fixture)
{
  SihPackCatalogEntry *entry;
  g_autofree char *path = NULL;
  const GError *error;

  g_assert_true (g_list_model_get_item_type (model) == SIH_TYPE_PACK_CATALOG_ENTRY);
  /* Bundled, four in the user folder (sorted by name), one in the system folder. */
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 6);

  assert_bundled (get_entry (model, 0));

  entry = get_entry (model, 1);
  path = g_build_filename (fixture->user_dir, "a-loop.json", NULL);
  g_assert_false (sih_pack_catalog_entry_get_usable (entry));
  g_assert_false (sih_pack_catalog_entry_get_bundled (entry));
  g_assert_cmpstr (sih_pack_catalog_entry_get_path (entry), ==, path);
  g_assert_cmpstr (sih_pack_catalog_entry_get_setting_value (entry), ==, path);
  g_assert_cmpstr (sih_pack_catalog_entry_get_title (entry), ==, "a-loop.json");
  g_assert_null (sih_pack_catalog_entry_get_id (entry));
  g_assert_null (sih_pack_catalog_entry_get_version (entry));
  g_assert_cmpuint (sih_pack_catalog_entry_get_n_causes (entry), ==, 0);
  error = sih_pack_catalog_entry_get_error (entry);
  g_assert_error (error, SIH_ERROR, SIH_ERROR_IO);
  g_assert_true (g_str_has_prefix (error->message, path));
  g_clear_pointer (&path, g_free);

  entry = get_entry (model, 2);
  path = g_build_filename (fixture->user_dir, "b-good.json", NULL);
  g_assert_true (sih_pack_catalog_entry_get_usable (entry));
  g_assert_false (sih_pack_catalog_entry_get_bundled (entry));
  g_assert_cmpstr (sih_pack_catalog_entry_get_path (entry), ==, path);
  g_assert_cmpstr (sih_pack_catalog_entry_get_setting_value (entry), ==, path);
  g_assert_cmpstr (sih_pack_catalog_entry_get_id (entry), ==, "test-pack");
  g_assert_cmpstr (sih_pack_catalog_entry_get_title (entry), ==, "Test pack");
  g_assert_cmpstr (sih_pack_catalog_entry_get_version (entry), ==, "1.0");
  g_assert_cmpuint (sih_pack_catalog_entry_get_n_causes (entry), ==, 2);
  g_assert_null (sih_pack_catalog_entry_get_error (entry));
  g_clear_pointer (&path, g_free);

  /* Valid JSON, invalid pack: the loader's message, with the place. */
  entry = get_entry (model, 3);
  g_assert_false (sih_pack_catalog_entry_get_usable (entry));
  g_assert_cmpstr (sih_pack_catalog_entry_get_title (entry), ==, "c-broken.json");
  error = sih_pack_catalog_entry_get_error (entry);
  g_assert_error (error, SIH_ERROR, SIH_ERROR_INVALID_VALUE);
  g_assert_nonnull (strstr (error->message, "causes[1].steps[2].kind"));

  entry = get_entry (model, 4);
  g_assert_false (sih_pack_catalog_entry_get_usable (entry));
  g_assert_cmpstr (sih_pack_catalog_entry_get_title (entry), ==, "d-not-json.json");
  g_assert_error (sih_pack_catalog_entry_get_error (entry), SIH_ERROR, SIH_ERROR_SYNTAX);

  entry = get_entry (model, 5);
  path = g_build_filename (fixture->system_dir, "example-helpdesk-pack.json", NULL);
  g_assert_true (sih_pack_catalog_entry_get_usable (entry));
  g_assert_cmpstr (sih_pack_catalog_entry_get_path (entry), ==, path);
  g_assert_cmpstr (sih_pack_catalog_entry_get_id (entry), ==, "example-helpdesk");
  g_assert_cmpuint (sih_pack_catalog_entry_get_n_causes (entry), ==, 3);
}

static void
test_catalog_discover (Fixture       *fixture,
                       gconstpointer  data)
{
  const char *dirs[] = { fixture->user_dir, fixture->system_dir, NULL };
  g_autoptr(GListModel) model = sih_pack_catalog_discover (dirs);

  assert_listing (model, fixture);
}

static void
discovered_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  GListModel **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = sih_pack_catalog_discover_finish (result, &error);
  g_assert_no_error (error);
}

static void
test_catalog_discover_async (Fixture       *fixture,
                             gconstpointer  data)
{
  const char *dirs[] = { fixture->user_dir, fixture->system_dir, NULL };
  g_autoptr(GListModel) model = NULL;

  sih_pack_catalog_discover_async (dirs, NULL, discovered_cb, &model);
  while (model == NULL)
    g_main_context_iteration (NULL, TRUE);

  assert_listing (model, fixture);
}

static void
cancelled_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr(GError) error = NULL;
  GListModel *model = sih_pack_catalog_discover_finish (result, &error);

  g_assert_null (model);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  *done = TRUE;
}

static void
test_catalog_discover_cancelled (Fixture       *fixture,
                                 gconstpointer  data)
{
  const char *dirs[] = { fixture->user_dir, NULL };
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  gboolean done = FALSE;

  g_cancellable_cancel (cancellable);
  sih_pack_catalog_discover_async (dirs, cancellable, cancelled_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static void
test_catalog_missing_folders (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autofree char *missing = g_build_filename (fixture->root, "nobody-made-this", NULL);
  g_autofree char *file = g_build_filename (fixture->root, "packs-is-a-file", NULL);
  g_autofree char *locked = g_build_filename (fixture->root, "locked", NULL);
  const char *dirs[] = { missing, file, locked, fixture->user_dir, NULL };
  g_autoptr(GListModel) model = NULL;
  SihPackCatalogEntry *entry;
  guint n_problems = 1;

  write_file (fixture->root, "packs-is-a-file", "");
  g_assert_cmpint (g_mkdir (locked, 0000), ==, 0);
  /* root reads any folder: the locked one only counts for others. */
  if (geteuid () != 0)
    n_problems = 2;

  model = sih_pack_catalog_discover (dirs);

  /* A missing folder is normal and not listed; one that cannot be read
   * is, so that whoever installed packs there sees why none appear. */
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1 + n_problems + 4);
  assert_bundled (get_entry (model, 0));

  entry = get_entry (model, 1);
  g_assert_cmpstr (sih_pack_catalog_entry_get_path (entry), ==, file);
  g_assert_false (sih_pack_catalog_entry_get_usable (entry));
  g_assert_error (sih_pack_catalog_entry_get_error (entry), SIH_ERROR, SIH_ERROR_IO);

  if (n_problems == 2)
    {
      entry = get_entry (model, 2);
      g_assert_cmpstr (sih_pack_catalog_entry_get_path (entry), ==, locked);
      g_assert_false (sih_pack_catalog_entry_get_usable (entry));
      g_assert_error (sih_pack_catalog_entry_get_error (entry), SIH_ERROR, SIH_ERROR_IO);
    }

  entry = get_entry (model, 1 + n_problems);
  g_assert_cmpstr (sih_pack_catalog_entry_get_title (entry), ==, "a-loop.json");
}

static void
test_catalog_same_folder_twice (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autofree char *again = g_build_filename (fixture->user_dir, "..", "packs", NULL);
  const char *dirs[] = { fixture->user_dir, again, NULL };
  g_autoptr(GListModel) model = sih_pack_catalog_discover (dirs);

  /* Bundled and the four in the user folder, once. */
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 5);
}

static void
test_catalog_default_dirs (void)
{
  g_auto(GStrv) dirs = sih_pack_catalog_get_default_dirs ();
  g_autofree char *user = g_build_filename (g_get_user_data_dir (), APPLICATION_ID, "packs", NULL);
  g_autofree char *system = g_build_filename (PKGDATADIR, "packs", NULL);

  g_assert_cmpuint (g_strv_length (dirs), ==, 2);
  g_assert_cmpstr (dirs[0], ==, user);
  g_assert_cmpstr (dirs[1], ==, system);
}

static void
test_catalog_default_discover (void)
{
  g_autoptr(GListModel) model = sih_pack_catalog_discover (NULL);

  /* Whatever else is installed, the bundled pack comes first. */
  g_assert_cmpuint (g_list_model_get_n_items (model), >=, 1);
  assert_bundled (get_entry (model, 0));
}

static void
test_catalog_load_selected (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *good = g_build_filename (fixture->user_dir, "b-good.json", NULL);
  g_autofree char *broken = g_build_filename (fixture->user_dir, "c-broken.json", NULL);
  g_autofree char *gone = g_build_filename (fixture->user_dir, "gone.json", NULL);
  g_autoptr(GError) error = NULL;
  SihPack *pack;

  pack = sih_pack_catalog_load_selected ("", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sih_pack_get_id (pack), ==, "amazon-signin");
  g_object_unref (pack);

  pack = sih_pack_catalog_load_selected (NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sih_pack_get_id (pack), ==, "amazon-signin");
  g_object_unref (pack);

  pack = sih_pack_catalog_load_selected (good, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sih_pack_get_id (pack), ==, "test-pack");
  g_object_unref (pack);

  /* Never a silent fallback: the caller decides, and says why. */
  pack = sih_pack_catalog_load_selected (broken, &error);
  g_assert_null (pack);
  g_assert_error (error, SIH_ERROR, SIH_ERROR_INVALID_VALUE);
  g_assert_true (g_str_has_prefix (error->message, broken));
  g_clear_error (&error);

  pack = sih_pack_catalog_load_selected (gone, &error);
  g_assert_null (pack);
  g_assert_error (error, SIH_ERROR, SIH_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "gone.json"));
  g_clear_error (&error);

  pack = sih_pack_catalog_load_selected ("relative/pack.json", &error);
  g_assert_null (pack);
  g_assert_error (error, SIH_ERROR, SIH_ERROR_INVALID_VALUE);
  g_clear_error (&error);
}

/* A custom pack that copied the bundled pack's texts gets their
 * translations; its own texts are shown as written. */
static void
test_catalog_translated (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *bundled = g_build_filename (g_getenv ("SIH_SOURCE_ROOT"), "data", "content",
                                               "amazon-signin.json", NULL);
  g_autofree char *copy = g_build_filename (fixture->user_dir, "copy.json", NULL);
  g_autofree char *example = g_build_filename (fixture->system_dir, "example-helpdesk-pack.json",
                                               NULL);
  g_autoptr(SihPackCatalogEntry) copied = NULL;
  g_autoptr(SihPackCatalogEntry) own = NULL;

  if (!sih_test_use_language ("ja"))
    return;

  copy_file (bundled, copy);

  copied = sih_pack_catalog_entry_new_for_file (copy);
  own = sih_pack_catalog_entry_new_for_file (example);
  g_assert_cmpstr (sih_pack_catalog_entry_get_title (copied), ==, "Amazonにログインできないとき");
  g_assert_cmpstr (sih_pack_catalog_entry_get_title (own), ==, "Example Corp sign-in problems");

  sih_test_use_language ("en");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  sih_test_init_translations ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/pack-catalog/discover", test_catalog_discover);
  ADD ("/pack-catalog/discover-async", test_catalog_discover_async);
  ADD ("/pack-catalog/discover-cancelled", test_catalog_discover_cancelled);
  ADD ("/pack-catalog/missing-folders", test_catalog_missing_folders);
  ADD ("/pack-catalog/same-folder-twice", test_catalog_same_folder_twice);
  ADD ("/pack-catalog/load-selected", test_catalog_load_selected);
  ADD ("/pack-catalog/translated", test_catalog_translated);
  g_test_add_func ("/pack-catalog/default-dirs", test_catalog_default_dirs);
  g_test_add_func ("/pack-catalog/default-discover", test_catalog_default_discover);

#undef ADD

  return g_test_run ();
}
