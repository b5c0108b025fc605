/* test-validate-cli.c: `signin-helper --validate-pack`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>

static int
run_validate (const char * const  *files,
              char               **out,
              char               **err)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GError) error = NULL;
  const char *binary = g_getenv ("SIH_BINARY");

  g_assert_nonnull (binary);
  g_ptr_array_add (argv, (gpointer)binary);
  g_ptr_array_add (argv, (gpointer)"--validate-pack");
  for (guint i = 0; files[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer)files[i]);
  g_ptr_array_add (argv, NULL);

  /* No display: validating must not need one. */
  proc = g_subprocess_newv ((const char * const *)argv->pdata,
                            G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE,
                            &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (proc, NULL, NULL, out, err, &error);
  g_assert_no_error (error);
  g_subprocess_wait (proc, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (proc));

  return g_subprocess_get_exit_status (proc);
}

static void
test_validate_good (void)
{
  g_autofree char *good = g_test_build_filename (G_TEST_DIST, "data", "packs", "good.json", NULL);
  g_autofree char *bundled = g_build_filename (g_getenv ("SIH_SOURCE_ROOT"), "data", "content",
                                               "amazon-signin.json", NULL);
  const char *files[] = { good, bundled, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *expected = NULL;

  g_assert_cmpint (run_validate (files, &out, &err), ==, 0);
  expected = g_strdup_printf ("%s: ok (2 causes, 6 steps)\n", good);
  g_assert_true (g_str_has_prefix (out, expected));
  g_assert_nonnull (strstr (out, bundled));
  g_assert_true (g_regex_match_simple (": ok \\([0-9]+ causes, [0-9]+ steps\\)\n$", out, 0, 0));
  g_assert_cmpstr (err, ==, "");
}

static void
test_validate_bad (void)
{
  g_autofree char *good = g_test_build_filename (G_TEST_DIST, "data", "packs", "good.json", NULL);
  g_autofree char *bad = g_test_build_filename (G_TEST_DIST, "data", "packs", "bad",
                                                "step-kind-bad.json", NULL);
  const char *files[] = { good, bad, "/nonexistent.json", NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_auto(GStrv) lines = NULL;

  g_assert_cmpint (run_validate (files, &out, &err), ==, 1);
  g_assert_cmpstr (out, ==, "");

  /* One line per file, in order, each starting with the file name. */
  lines = g_strsplit (err, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 4);
  g_assert_true (g_str_has_prefix (lines[0], good));
  g_assert_true (g_str_has_suffix (lines[0], ": ok (2 causes, 6 steps)"));
  g_assert_true (g_str_has_prefix (lines[1], bad));
  g_assert_nonnull (strstr (lines[1], "causes[1].steps[2].kind"));
  g_assert_nonnull (strstr (lines[1], "“fix”"));
  g_assert_true (g_str_has_prefix (lines[2], "/nonexistent.json: "));
  g_assert_cmpstr (lines[3], ==, "");
}

/* An icon the theme lacks is a warning, not an error: the app shows its
 * own icon there. */
static void
test_validate_unknown_icon (void)
{
  g_autofree char *good = g_test_build_filename (G_TEST_DIST, "data", "packs", "good.json", NULL);
  g_autofree char *json = NULL;
  g_autofree char *changed = NULL;
  g_autofree char *dir = g_dir_make_tmp ("sih-validate-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "icon.json", NULL);
  g_auto(GStrv) parts = NULL;
  const char *files[] = { path, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *expected = NULL;

  g_assert_true (g_file_get_contents (good, &json, NULL, NULL));
  parts = g_strsplit (json, "dialog-password-symbolic", 2);
  g_assert_cmpuint (g_strv_length (parts), ==, 2);
  changed = g_strjoinv ("no-such-icon-symbolic", parts);
  g_assert_true (g_file_set_contents (path, changed, -1, NULL));

  g_assert_cmpint (run_validate (files, &out, &err), ==, 0);
  expected = g_strdup_printf ("%s: ok (2 causes, 6 steps)\n"
                              "%s: warning: cause “first” names the icon “no-such-icon-symbolic”, "
                              "which the icon theme does not have; the app shows its own icon "
                              "there instead\n", path, path);
  g_assert_cmpstr (out, ==, expected);
  g_assert_cmpstr (err, ==, "");

  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* "say" is optional, but a pack that has it on some steps names the
 * steps without it. */
static void
test_validate_partial_caller_text (void)
{
  g_autofree char *good = g_test_build_filename (G_TEST_DIST, "data", "packs", "good.json", NULL);
  g_autofree char *json = NULL;
  g_autofree char *changed = NULL;
  g_autofree char *dir = g_dir_make_tmp ("sih-validate-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "say.json", NULL);
  g_auto(GStrv) parts = NULL;
  const char *files[] = { path, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *expected = NULL;

  g_assert_true (g_file_get_contents (good, &json, NULL, NULL));
  parts = g_strsplit (json, "\"say\": \"Could you do B?\", ", 2);
  g_assert_cmpuint (g_strv_length (parts), ==, 2);
  changed = g_strjoinv ("", parts);
  g_assert_true (g_file_set_contents (path, changed, -1, NULL));

  g_assert_cmpint (run_validate (files, &out, &err), ==, 0);
  expected = g_strdup_printf ("%s: ok (2 causes, 6 steps)\n"
                              "%s: warning: step “b” of cause “second” has no “say” (words to "
                              "read to a caller), though 5 of the 6 steps have them\n",
                              path, path);
  g_assert_cmpstr (out, ==, expected);
  g_assert_cmpstr (err, ==, "");

  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
test_validate_no_files (void)
{
  const char *files[] = { NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run_validate (files, &out, &err), !=, 0);
  g_assert_nonnull (strstr (err, "FILE"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/validate-cli/good", test_validate_good);
  g_test_add_func ("/validate-cli/bad", test_validate_bad);
  g_test_add_func ("/validate-cli/unknown-icon", test_validate_unknown_icon);
  g_test_add_func ("/validate-cli/partial-caller-text", test_validate_partial_caller_text);
  g_test_add_func ("/validate-cli/no-files", test_validate_no_files);

  return g_test_run ();
}
