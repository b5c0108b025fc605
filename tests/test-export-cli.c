/* test-export-cli.c: `signin-helper --export-summary`
 *
 * Runs the built binary, without a display, on a case saved by the test.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>

#include "core/sih-case-file.h"
#include "core/sih-pack.h"
#include "core/sih-summary.h"
#include "sih-test-files.h"

#define EMAIL        "taro.yamada@example.co.jp"
#define MASKED_EMAIL "t***@e***.co.jp"

typedef struct
{
  char *dir;
  char *case_path;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SihPack) pack = sih_pack_new_bundled (&error);
  g_autoptr(SihCase) kase = NULL;

  g_assert_no_error (error);
  kase = sih_case_new (sih_pack_get_id (pack), sih_pack_get_version (pack));
  sih_case_set_cause_id (kase, "code-not-arriving");
  sih_case_set_outcome (kase, "code-not-arriving", "wait-then-newest", SIH_OUTCOME_FAILED);
  sih_case_set_note (kase, "code-not-arriving", "wait-then-newest",
                     "The code was sent to " EMAIL " twice");
  /* A note on a step not tried yet. */
  sih_case_set_note (kase, "code-not-arriving", "check-filters",
                     "My son set up the filters, I will call him on 090-1234-5678");
  sih_case_set_detail (kase, SIH_DETAIL_ERROR_MESSAGE, "There was a problem");

  f->dir = g_dir_make_tmp ("sih-export-XXXXXX", &error);
  g_assert_no_error (error);
  f->case_path = g_build_filename (f->dir, "case.json", NULL);
  g_assert_true (sih_case_file_save_to_path (kase, f->case_path, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (f->dir, name, NULL);
      g_assert_no_errno (g_remove (path));
    }
  g_assert_no_errno (g_rmdir (f->dir));
  g_free (f->case_path);
  g_free (f->dir);
}

/* A limit on the size of the files the next run writes (RLIMIT_FSIZE),
 * or RLIM_INFINITY. */
static rlim_t file_size_limit = RLIM_INFINITY;

static void
limit_file_size_cb (gpointer user_data)
{
  struct rlimit limit;

  if (file_size_limit == RLIM_INFINITY || getrlimit (RLIMIT_FSIZE, &limit) != 0)
    return;
  /* A write past the limit then fails with EFBIG instead of killing. */
  signal (SIGXFSZ, SIG_IGN);
  limit.rlim_cur = file_size_limit;
  setrlimit (RLIMIT_FSIZE, &limit);
}

/* Runs signin-helper with the arguments after @err (NULL-terminated), in
 * English and without a display, with @env (NAME, VALUE, …, NULL) set. */
static int
run_export_env (const char * const *env,
                char              **out,
                char              **err,
                ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GError) error = NULL;
  const char *binary = g_getenv ("SIH_BINARY");
  const char *arg;
  va_list args;

  g_assert_nonnull (binary);
  g_ptr_array_add (argv, (gpointer)binary);
  va_start (args, err);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (gpointer)arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  /* Exporting, PDF included, must not need a display. */
  g_subprocess_launcher_unsetenv (launcher, "DISPLAY");
  g_subprocess_launcher_unsetenv (launcher, "WAYLAND_DISPLAY");
  g_subprocess_launcher_unsetenv (launcher, "LANGUAGE");
  g_subprocess_launcher_setenv (launcher, "LC_ALL", "C.UTF-8", TRUE);
  for (guint i = 0; env != NULL && env[i] != NULL; i += 2)
    g_subprocess_launcher_setenv (launcher, env[i], env[i + 1], TRUE);
  g_subprocess_launcher_set_child_setup (launcher, limit_file_size_cb, NULL, NULL);

  proc = g_subprocess_launcher_spawnv (launcher, (const char * const *)argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (proc, NULL, NULL, out, err, &error);
  g_assert_no_error (error);
  g_subprocess_wait (proc, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (proc));

  return g_subprocess_get_exit_status (proc);
}

#define run_export(out, err, ...) run_export_env (NULL, out, err, __VA_ARGS__)

static void
test_export_text (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run_export (&out, &err, "--export-summary", f->case_path, NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");
  g_assert_true (g_str_has_prefix (out, "Sign-in problem summary\n====="));
  g_assert_nonnull (strstr (out, "The code was sent to " MASKED_EMAIL " twice"));
  g_assert_null (strstr (out, EMAIL));
  g_assert_nonnull (strstr (out, "There was a problem"));
  /* Numbered as in the checklist, in the words of the step's buttons. */
  g_assert_nonnull (strstr (out, "\n1. Wait a few minutes, then use the newest code: Didn’t work ("));
  /* The note on a step not tried yet, masked like every note. */
  g_assert_nonnull (strstr (out, "\nNotes on steps not tried yet\n"));
  g_assert_nonnull (strstr (out, "My son set up the filters, I will call him on ***-****-5678"));
  g_assert_null (strstr (out, "090-1234"));
}

static void
test_export_markdown (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run_export (&out, &err, "--export-summary", f->case_path,
                               "--format", "markdown", NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");
  g_assert_true (g_str_has_prefix (out, "# Sign-in problem summary\n"));
  g_assert_nonnull (strstr (out, "\n## "));
  /* Masked, with the asterisks escaped for Markdown. */
  g_assert_nonnull (strstr (out, "t\\*\\*\\*@e\\*\\*\\*.co.jp"));
  g_assert_null (strstr (out, EMAIL));
}

static void
test_export_no_mask (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run_export (&out, &err, "--export-summary", f->case_path, "--no-mask", NULL),
                   ==, 0);
  g_assert_cmpstr (err, ==, "");
  g_assert_nonnull (strstr (out, "The code was sent to " EMAIL " twice"));
  g_assert_null (strstr (out, MASKED_EMAIL));
}

static void
test_export_output_file (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *path = g_build_filename (f->dir, "summary.md", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  g_assert_cmpint (run_export (&out, &err, "--export-summary", f->case_path,
                               "--format", "markdown", "--output", path, NULL), ==, 0);
  g_assert_cmpstr (out, ==, "");
  g_assert_cmpstr (err, ==, "");
  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (contents, "# Sign-in problem summary\n"));
  g_assert_null (strstr (contents, EMAIL));
  /* Personal data: for the user's eyes only. */
  g_assert_no_errno (g_stat (path, &st));
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
}

static void
test_export_pdf (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *path = g_build_filename (f->dir, "x.pdf", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;
  GStatBuf st;

  /* It replaces a file that others could read. */
  g_file_set_contents (path, "old", -1, &error);
  g_assert_no_error (error);
  g_assert_no_errno (g_chmod (path, 0644));

  g_assert_cmpint (run_export (&out, &err, "--export-summary", f->case_path,
                               "--format", "pdf", "--output", path, NULL), ==, 0);
  g_assert_cmpstr (out, ==, "");
  g_assert_cmpstr (err, ==, "");
  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, 1000);
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  /* Personal data, like the text formats: for the user's eyes only. */
  g_assert_no_errno (g_stat (path, &st));
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  text = sih_test_run_poppler ("pdftotext", NULL, path);
  if (text == NULL)
    {
      g_test_skip ("pdftotext (poppler-utils) is needed to read the PDF");
      return;
    }
  /* Laid out: headings without the text format's underlines. */
  g_assert_nonnull (strstr (text, "Sign-in problem summary\n"));
  g_assert_nonnull (strstr (text, "Steps tried\n"));
  g_assert_null (strstr (text, "\n====="));
  g_assert_null (strstr (text, "\n-----"));
  g_assert_nonnull (strstr (text, MASKED_EMAIL));
  g_assert_null (strstr (text, EMAIL));
}

/* A summary that cannot be written whole (here files may not grow past
 * 100 bytes: a write fails with EFBIG, as one on a full disk fails with
 * ENOSPC) is an error that names the file and says why, in every format,
 * with exit status 1; nothing is left, and a file that was there is as it
 * was.  (A PDF used to "succeed" as an empty file.) */
static void
test_export_write_fails (Fixture       *f,
                         gconstpointer  data)
{
  const char *formats[] = { "text", "markdown", "pdf" };

  for (guint with_old = 0; with_old < 2; with_old++)
    for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
      {
        g_autofree char *out = NULL;
        g_autofree char *err = NULL;
        g_autofree char *name = g_strdup_printf ("summary.%s", formats[i]);
        g_autofree char *path = g_build_filename (f->dir, name, NULL);
        g_autofree char *expected = g_strdup_printf ("%s: %s\n", path, g_strerror (EFBIG));
        g_autoptr(GDir) listing = NULL;
        g_autoptr(GError) error = NULL;
        const char *entry;
        int status;

        g_test_message ("%s, %s", formats[i], with_old ? "replacing a file" : "a new file");
        if (with_old)
          {
            g_file_set_contents (path, "old", -1, &error);
            g_assert_no_error (error);
          }
        file_size_limit = 100;
        status = run_export (&out, &err, "--export-summary", f->case_path,
                             "--format", formats[i], "--output", path, NULL);
        file_size_limit = RLIM_INFINITY;
        g_assert_cmpint (status, ==, 1);
        g_assert_cmpstr (out, ==, "");
        g_assert_cmpstr (err, ==, expected);

        /* The case file, and the old summary if there was one. */
        listing = g_dir_open (f->dir, 0, &error);
        g_assert_no_error (error);
        while ((entry = g_dir_read_name (listing)) != NULL)
          g_assert_true (g_str_equal (entry, "case.json") || (with_old && g_str_equal (entry, name)));
        if (with_old)
          {
            g_autofree char *contents = NULL;

            g_file_get_contents (path, &contents, NULL, &error);
            g_assert_no_error (error);
            g_assert_cmpstr (contents, ==, "old");
            g_assert_no_errno (g_remove (path));
          }
      }
}

/* Whose device the summary describes: the caller's leaves this
 * machine's kernel out. */
static void
assert_device_section (const char *out,
                       gboolean    caller)
{
  g_assert_true ((strstr (out, "\nThe caller’s device\n") != NULL) == caller);
  g_assert_true ((strstr (out, "\nDevice\n") != NULL) == !caller);
  g_assert_true ((strstr (out, "\nKernel: ") != NULL) == !caller);
}

/* Exports with help-desk mode set to @mode in a settings key file in
 * @config, as Preferences would have saved it. */
static char *
export_in_help_desk_mode (Fixture    *f,
                          const char *config,
                          gboolean    mode)
{
  g_autofree char *settings_dir = g_build_filename (config, "glib-2.0", "settings", NULL);
  g_autofree char *keyfile = g_build_filename (settings_dir, "keyfile", NULL);
  g_autofree char *contents = g_strdup_printf ("[io/github/signinhelper/SigninHelper]\n"
                                               "help-desk-mode=%s\n", mode ? "true" : "false");
  const char * const env[] = {
    "GSETTINGS_BACKEND", "keyfile", "XDG_CONFIG_HOME", config, NULL,
  };
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;

  g_assert_no_errno (g_mkdir_with_parents (settings_dir, 0700));
  g_file_set_contents (keyfile, contents, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (run_export_env (env, &out, &err, "--export-summary", f->case_path, NULL),
                   ==, 0);
  g_assert_cmpstr (err, ==, "");
  return out;
}

/* A help desk's summary is about the caller's device: this machine's
 * system and kernel stay out, with --help-desk or with help-desk mode
 * switched on in Preferences. */
static void
test_export_help_desk (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *config = g_build_filename (f->dir, "config", NULL);
  g_autofree char *glib_dir = g_build_filename (config, "glib-2.0", NULL);
  g_autofree char *settings_dir = g_build_filename (glib_dir, "settings", NULL);
  g_autofree char *keyfile = g_build_filename (settings_dir, "keyfile", NULL);
  char *out = NULL;
  char *err = NULL;

  /* Someone's own computer: its kernel is there. */
  g_assert_cmpint (run_export (&out, &err, "--export-summary", f->case_path, NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");
  assert_device_section (out, FALSE);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_export (&out, &err, "--export-summary", f->case_path, "--help-desk", NULL),
                   ==, 0);
  g_assert_cmpstr (err, ==, "");
  g_assert_true (g_str_has_prefix (out, "Sign-in problem summary\n"));
  g_assert_nonnull (strstr (out, "The caller cannot sign in"));
  assert_device_section (out, TRUE);
  g_assert_nonnull (strstr (out, "Operating system: not provided"));
  g_assert_null (strstr (out, "\nTime zone: "));
  g_assert_null (strstr (out, EMAIL));
  /* The footer still names the versions of the app that wrote it, as the
   * app's own Support Summary does. */
  g_assert_nonnull (strstr (out, ", GTK "));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Help-desk mode from Preferences, switched on and off again. */
  out = export_in_help_desk_mode (f, config, TRUE);
  assert_device_section (out, TRUE);
  g_clear_pointer (&out, g_free);
  out = export_in_help_desk_mode (f, config, FALSE);
  assert_device_section (out, FALSE);
  g_clear_pointer (&out, g_free);

  g_assert_no_errno (g_remove (keyfile));
  g_assert_no_errno (g_rmdir (settings_dir));
  g_assert_no_errno (g_rmdir (glib_dir));
  g_assert_no_errno (g_rmdir (config));
}

static void
test_export_broken_case (Fixture       *f,
                         gconstpointer  data)
{
  const char *broken[] = { "truncated.json", "format-99.json", "not-json.json" };

  for (guint i = 0; i < G_N_ELEMENTS (broken); i++)
    {
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "cases", "bad",
                                                     broken[i], NULL);
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;

      g_assert_cmpint (run_export (&out, &err, "--export-summary", path, NULL), ==, 1);
      g_assert_cmpstr (out, ==, "");
      /* One line that names the file and says what is wrong. */
      g_assert_true (g_str_has_prefix (err, path));
      g_assert_cmpuint (strlen (err), >, strlen (path) + 10);
      g_assert_true (strchr (err, '\n') == err + strlen (err) - 1);
    }

  {
    g_autofree char *missing = g_build_filename (f->dir, "missing.json", NULL);
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;

    g_assert_cmpint (run_export (&out, &err, "--export-summary", missing, NULL), ==, 1);
    g_assert_true (g_str_has_prefix (err, missing));
  }
}

static void
test_export_usage (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  /* A PDF is never written to a terminal. */
  g_assert_cmpint (run_export (&out, &err, "--export-summary", f->case_path, "--format", "pdf",
                               NULL), ==, 2);
  g_assert_nonnull (strstr (err, "--output"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_export (&out, &err, "--export-summary", f->case_path, "--format", "docx",
                               NULL), ==, 2);
  g_assert_nonnull (strstr (err, "docx"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_export (&out, &err, "--no-mask", NULL), ==, 2);
  g_assert_nonnull (strstr (err, "--export-summary"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_export (&out, &err, "--help-desk", NULL), ==, 2);
  g_assert_nonnull (strstr (err, "--export-summary"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/export-cli/text", Fixture, NULL, fixture_set_up, test_export_text,
              fixture_tear_down);
  g_test_add ("/export-cli/markdown", Fixture, NULL, fixture_set_up, test_export_markdown,
              fixture_tear_down);
  g_test_add ("/export-cli/no-mask", Fixture, NULL, fixture_set_up, test_export_no_mask,
              fixture_tear_down);
  g_test_add ("/export-cli/output-file", Fixture, NULL, fixture_set_up, test_export_output_file,
              fixture_tear_down);
  g_test_add ("/export-cli/write-fails", Fixture, NULL, fixture_set_up, test_export_write_fails,
              fixture_tear_down);
  g_test_add ("/export-cli/pdf", Fixture, NULL, fixture_set_up, test_export_pdf,
              fixture_tear_down);
  g_test_add ("/export-cli/help-desk", Fixture, NULL, fixture_set_up, test_export_help_desk,
              fixture_tear_down);
  g_test_add ("/export-cli/broken-case", Fixture, NULL, fixture_set_up, test_export_broken_case,
              fixture_tear_down);
  g_test_add ("/export-cli/usage", Fixture, NULL, fixture_set_up, test_export_usage,
              fixture_tear_down);

  return g_test_run ();
}
