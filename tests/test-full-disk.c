/* test-full-disk.c: a real full disk under the case folder and exports
 *
 * Mounts a small tmpfs as the data folder, works a case in the app (real
 * widgets, under Xvfb) until saving fails because the disk is full, keeps
 * working, frees space, and checks that every edit made while the disk
 * was full reaches the disk and that nothing saved earlier was touched.
 * Then the command line's exports onto the full disk.
 *
 * Mounting needs root: as another user every test is skipped.  The test
 * runs in a mount namespace of its own (unshare), so the tmpfs is gone
 * with the process even if it crashes; where that cannot be had (a chroot
 * whose root is not a mount point cannot be made private), the tmpfs is
 * unmounted at exit and on abort.
 *
 * SIH_TEST_LANGUAGE=ja runs it in Japanese; SIH_TEST_SCREENSHOTS=DIR saves
 * the screen while the disk is full (ImageMagick's import).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* unshare() */
#define _GNU_SOURCE
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <sched.h>
#include <signal.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/wait.h>
#include <unistd.h>

#include "core/sih-case-file.h"
#include "core/sih-case-info.h"
#include "ui/sih-application.h"
#include "ui/sih-cause-page.h"
#include "ui/sih-dialogs.h"
#include "ui/sih-step-row.h"
#include "ui/sih-text-widgets.h"
#include "ui/sih-window.h"
#include "sih-test-locale.h"
#include "sih-test-util.h"

/* Room for the case files and the index, not for much more. */
#define TMPFS_OPTIONS "size=1m,mode=0700"

static char *mount_point;   /* the tmpfs: the data folder (XDG_DATA_HOME) */

/* Waiting for the app (a save in a worker thread, a debounce): never for
 * a time, but a hang is a failure, not a stuck CI job. */
#define WAIT(condition, what)                                                  \
  G_STMT_START {                                                               \
    gint64 deadline_ = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;          \
    while (!(condition))                                                       \
      {                                                                        \
        if (g_get_monotonic_time () > deadline_)                               \
          g_error ("Gave up waiting for %s", what);                            \
        g_main_context_iteration (NULL, FALSE);                                \
        g_usleep (1000);                                                       \
      }                                                                        \
  } G_STMT_END

/* The disk */

static void
unmount_cb (void)
{
  if (mount_point != NULL)
    umount2 (mount_point, MNT_DETACH);
}

static void
unmount_on_signal (int signum)
{
  unmount_cb ();
  signal (signum, SIG_DFL);
  raise (signum);
}

/* Writes a file until the disk is full; returns its path. */
static char *
fill_disk (void)
{
  char *path = g_build_filename (mount_point, "filler", NULL);
  static const char block[4096];
  int fd = g_open (path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  ssize_t written;

  g_assert_cmpint (fd, >=, 0);
  do
    written = write (fd, block, sizeof block);
  while (written > 0);
  g_assert_cmpint (errno, ==, ENOSPC);
  /* What is left of the last page as well. */
  while (write (fd, block, 1) > 0)
    ;
  g_assert_no_errno (close (fd));
  return path;
}

static char *
cases_dir (void)
{
  return g_build_filename (mount_point, APPLICATION_ID, "cases", NULL);
}

/* Every file in the case folder but the index (a cache the store may
 * rewrite), with its bytes. */
static GHashTable *
snapshot_cases (void)
{
  g_autofree char *dir = cases_dir ();
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  GHashTable *files = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  const char *name;

  g_assert_nonnull (listing);
  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autoptr(GError) error = NULL;
      char *contents = NULL;

      if (g_str_equal (name, "index.json") || !g_file_test (path, G_FILE_TEST_IS_REGULAR))
        continue;
      g_file_get_contents (path, &contents, NULL, &error);
      g_assert_no_error (error);
      g_hash_table_insert (files, g_strdup (name), contents);
    }
  return files;
}

/* No temporary file was left behind in @dir. */
static void
assert_no_leftovers (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  g_assert_nonnull (listing);
  while ((name = g_dir_read_name (listing)) != NULL)
    if (name[0] == '.' || g_regex_match_simple ("\\.[A-Za-z0-9]{6}$", name, 0, 0))
      g_error ("A temporary file was left in %s: %s", dir, name);
}

static void
take_screenshot (GtkWidget  *window,
                 const char *what)
{
  const char *dir = g_getenv ("SIH_TEST_SCREENSHOTS");
  const char *language = g_getenv ("SIH_TEST_LANGUAGE");
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  g_autofree char *command = NULL;

  if (dir == NULL)
    return;
  /* Past the banner's and the dialog's transitions. */
  sih_test_wait_for_frames (window, 30);
  name = g_strdup_printf ("%s-%s.png", what, language != NULL ? language : "en");
  path = g_build_filename (dir, name, NULL);
  command = g_strdup_printf ("import -window root %s", path);
  if (!g_spawn_command_line_sync (command, NULL, NULL, NULL, NULL))
    g_test_message ("No screenshot: import (ImageMagick) is not installed");
}

/* The app */

typedef void (*RunFunc) (SihApplication *app,
                         SihWindow      *window,
                         gpointer        data);

typedef struct
{
  RunFunc  func;
  gpointer data;
} Run;

static gboolean
run_idle_cb (gpointer user_data)
{
  SihApplication *app = SIH_APPLICATION (g_application_get_default ());
  SihWindow *window = SIH_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  Run *run = user_data;

  sih_test_iterate ();
  WAIT (sih_window_get_case (window) != NULL, "the saved cases to be listed");
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *)&window);
  run->func (app, window, run->data);
  if (window != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (window), (gpointer *)&window);
      gtk_window_close (GTK_WINDOW (window));
    }
  return G_SOURCE_REMOVE;
}

static void
activated_cb (GApplication *app,
              Run          *run)
{
  g_idle_add (run_idle_cb, run);
}

/* Starts the app as a user does, calls @func with its window, closes it. */
static void
run_app (RunFunc  func,
         gpointer data)
{
  g_autoptr(SihApplication) app = sih_application_new ();
  Run run = { func, data };

  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_signal_connect_after (app, "activate", G_CALLBACK (activated_cb), &run);
  g_assert_cmpint (g_application_run (G_APPLICATION (app), 0, NULL), ==, 0);
}

static SihStepRow *
step_row (SihWindow *window,
          guint      index)
{
  SihCausePage *page = SIH_CAUSE_PAGE (sih_test_find_widget (GTK_WIDGET (window), "cause_page"));
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (sih_cause_page_get_step_list (page), index);

  g_assert_true (SIH_IS_STEP_ROW (row));
  return SIH_STEP_ROW (row);
}

/* A click on a step's outcome button, and a note typed under it. */
static void
record_step (SihWindow  *window,
             guint       index,
             const char *button,
             const char *note)
{
  GtkWidget *row = GTK_WIDGET (step_row (window, index));

  g_signal_emit_by_name (sih_test_find_widget (row, button), "clicked");
  sih_text_widget_set_text (sih_test_find_widget (row, "note_view"), note);
  sih_test_iterate ();
}

static const char *
step_id (SihApplication *app,
         guint           index)
{
  SihCause *cause = sih_pack_find_cause (sih_application_get_pack (app), "code-not-arriving");
  g_autoptr(SihStep) step = g_list_model_get_item (sih_cause_get_steps (cause), index);

  return g_intern_string (sih_step_get_id (step));
}

typedef struct
{
  char       *earlier_id;   /* saved before the disk filled up */
  char       *id;           /* worked on while it was full */
  GHashTable *before;       /* the case files before the disk filled up */
} FullDisk;

typedef struct
{
  guint saved;
  guint failed;
} Counts;

static void
saved_cb (SihCaseStore *store,
          SihCase      *kase,
          Counts       *counts)
{
  counts->saved++;
}

static void
save_failed_cb (SihCaseStore *store,
                SihCase      *kase,
                GError       *error,
                Counts       *counts)
{
  g_test_message ("save failed: %s", error->message);
  counts->failed++;
}

/* A first case, saved while there is room: it must come through as it is. */
static void
earlier_run (SihApplication *app,
             SihWindow      *window,
             gpointer        data)
{
  FullDisk *fd = data;
  SihCaseStore *store = sih_application_get_store (app);
  SihCase *kase = sih_window_get_case (window);
  g_autoptr(GError) error = NULL;

  fd->earlier_id = g_strdup (sih_case_get_id (kase));
  sih_window_select_cause (window, "code-not-arriving");
  sih_test_iterate ();
  record_step (window, 0, "failed_button", "Waited ten minutes, nothing came");
  sih_case_set_title (kase, "Earlier caller");
  g_assert_true (sih_case_store_flush (store, &error));
  g_assert_no_error (error);
}

static void
full_run (SihApplication *app,
          SihWindow      *window,
          gpointer        data)
{
  FullDisk *fd = data;
  SihCaseStore *store = sih_application_get_store (app);
  GtkWidget *label = sih_test_find_widget (GTK_WIDGET (window), "save_banner_label");
  g_autofree char *dir = cases_dir ();
  g_autofree char *filler = NULL;
  g_autofree char *path = NULL;
  g_autofree char *saved_before = NULL;
  g_autofree char *on_disk = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SihCase) loaded = NULL;
  Counts counts = { 0, 0 };
  SihCase *kase;
  SihAlert *alert;
  guint saved;

  /* Retries come quickly, so the test need not wait ten seconds. */
  sih_case_store_set_retry_interval (store, 100);
  g_signal_connect (store, "saved", G_CALLBACK (saved_cb), &counts);
  g_signal_connect (store, "save-failed", G_CALLBACK (save_failed_cb), &counts);

  /* A new case, worked on and saved while there is room. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.new-case", NULL);
  sih_test_iterate ();
  kase = sih_window_get_case (window);
  g_assert_cmpstr (sih_case_get_id (kase), !=, fd->earlier_id);
  fd->id = g_strdup (sih_case_get_id (kase));
  sih_window_select_cause (window, "code-not-arriving");
  sih_test_iterate ();
  record_step (window, 0, "failed_button", "Before the disk filled up");
  WAIT (sih_case_store_lookup (store, fd->id) != NULL && !sih_case_store_get_busy (store),
        "the first save");
  path = g_strdup (sih_case_info_get_path (sih_case_store_lookup (store, fd->id)));
  g_file_get_contents (path, &saved_before, NULL, &error);
  g_assert_no_error (error);
  fd->before = snapshot_cases ();

  /* The disk fills up; the next edits cannot be saved. */
  filler = fill_disk ();
  record_step (window, 1, "worked_button", "Typed while the disk was full");
  WAIT (counts.failed > 0, "a save to fail");

  /* The person is told, in words they can act on, and it stays. */
  sih_test_iterate ();
  g_assert_true (gtk_revealer_get_reveal_child (sih_window_get_save_banner (window)));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (label)), _("the disk is full")));
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (label), g_strerror (ENOSPC)));
  take_screenshot (GTK_WIDGET (window), "full-disk");

  /* Closing is refused with the reason; the case stays open. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  sih_test_iterate ();
  alert = sih_alert_get_visible (GTK_WIDGET (window));
  g_assert_nonnull (alert);
  g_assert_nonnull (strstr (sih_alert_get_body (alert), g_strerror (ENOSPC)));
  {
    /* In the person's language throughout (SIH_TEST_LANGUAGE=ja). */
    const char *format = _("Could not save the case: %s");
    g_autofree char *prefix = g_strndup (format, strcspn (format, "%"));

    g_assert_true (g_str_has_prefix (sih_alert_get_body (alert), prefix));
  }
  take_screenshot (GTK_WIDGET (window), "full-disk-quit");
  sih_alert_respond (alert, "keep");
  sih_test_iterate ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));

  /* More work while it is full, retried and failing meanwhile. */
  record_step (window, 2, "failed_button", "Also typed while the disk was full");
  sih_case_set_title (kase, "Caller on a full disk");
  saved = counts.failed;
  WAIT (counts.failed > saved + 1, "more saves to fail");

  /* Nothing on disk was touched: the case as it was saved, the earlier
   * case as it was, no temporary file. */
  g_file_get_contents (path, &on_disk, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (on_disk, ==, saved_before);
  assert_no_leftovers (dir);

  /* Room again: the next retry saves everything, and says so. */
  g_assert_no_errno (g_unlink (filler));
  saved = counts.saved;
  WAIT (counts.saved > saved && !sih_case_store_get_busy (store), "the retry to save");
  sih_test_iterate ();
  g_assert_false (gtk_revealer_get_reveal_child (sih_window_get_save_banner (window)));

  loaded = sih_case_file_load (path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sih_case_get_title (loaded), ==, "Caller on a full disk");
  g_assert_cmpint (sih_case_get_outcome (loaded, "code-not-arriving", step_id (app, 0)), ==, SIH_OUTCOME_FAILED);
  g_assert_cmpstr (sih_case_get_note (loaded, "code-not-arriving", step_id (app, 0)), ==, "Before the disk filled up");
  g_assert_cmpint (sih_case_get_outcome (loaded, "code-not-arriving", step_id (app, 1)), ==, SIH_OUTCOME_WORKED);
  g_assert_cmpstr (sih_case_get_note (loaded, "code-not-arriving", step_id (app, 1)), ==, "Typed while the disk was full");
  g_assert_cmpint (sih_case_get_outcome (loaded, "code-not-arriving", step_id (app, 2)), ==, SIH_OUTCOME_FAILED);
  g_assert_cmpstr (sih_case_get_note (loaded, "code-not-arriving", step_id (app, 2)), ==, "Also typed while the disk was full");
  assert_no_leftovers (dir);

  g_signal_handlers_disconnect_by_data (store, &counts);
}

static void
test_full_disk_cases (void)
{
  FullDisk fd = { NULL, NULL, NULL };
  g_autoptr(GHashTable) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SihCase) earlier = NULL;
  g_autofree char *dir = cases_dir ();
  g_autofree char *earlier_path = NULL;
  GHashTableIter iter;
  gpointer name, contents;

  run_app (earlier_run, &fd);
  run_app (full_run, &fd);

  /* Every case file from before is byte for byte as it was, but the one
   * worked on, which has every edit. */
  after = snapshot_cases ();
  g_hash_table_iter_init (&iter, fd.before);
  while (g_hash_table_iter_next (&iter, &name, &contents))
    {
      g_autofree char *id_name = g_strdup_printf ("%s.json", fd.id);

      g_assert_true (g_hash_table_contains (after, name));
      if (!g_str_equal (name, id_name))
        g_assert_cmpstr (g_hash_table_lookup (after, name), ==, contents);
    }
  earlier_path = g_strdup_printf ("%s/%s.json", dir, fd.earlier_id);
  earlier = sih_case_file_load (earlier_path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sih_case_get_title (earlier), ==, "Earlier caller");

  g_hash_table_unref (fd.before);
  g_free (fd.earlier_id);
  g_free (fd.id);
}

/* The command line's exports onto a full disk: an error naming the file
 * and saying why, exit status 1, nothing left, an old file as it was. */
static void
test_full_disk_export_cli (void)
{
  const char *formats[] = { "text", "markdown", "pdf" };
  g_autofree char *exports = g_build_filename (mount_point, "exports", NULL);
  g_autofree char *case_path = g_build_filename (exports, "case.json", NULL);
  g_autofree char *old_path = g_build_filename (exports, "old.pdf", NULL);
  g_autofree char *filler = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SihPack) pack = sih_pack_new_bundled (&error);
  g_autoptr(SihCase) kase = NULL;

  g_assert_no_error (error);
  kase = sih_case_new (sih_pack_get_id (pack), sih_pack_get_version (pack));
  g_assert_no_errno (g_mkdir (exports, 0700));
  sih_case_set_cause_id (kase, "code-not-arriving");
  sih_case_set_outcome (kase, "code-not-arriving", "wait-then-newest", SIH_OUTCOME_FAILED);
  sih_case_set_note (kase, "code-not-arriving", "wait-then-newest", "Exported on a full disk");
  g_assert_true (sih_case_file_save_to_path (kase, case_path, &error));
  g_assert_no_error (error);
  g_file_set_contents (old_path, "old", -1, &error);
  g_assert_no_error (error);
  filler = fill_disk ();

  for (guint replace = 0; replace < 2; replace++)
    for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
      {
        g_autofree char *name = g_strdup_printf ("s.%s", formats[i]);
        g_autofree char *output = replace ? g_strdup (old_path) : g_build_filename (exports, name, NULL);
        g_autofree char *expected = g_strdup_printf ("%s: %s\n", output, g_strerror (ENOSPC));
        g_autofree char *err = NULL;
        g_autofree char *contents = NULL;
        const char *argv[] = { g_getenv ("SIH_BINARY"), "--export-summary", case_path,
                               "--format", formats[i], "--output", output, NULL };
        /* In this process's language, which setlocale() alone may have set. */
        g_auto(GStrv) envp = g_environ_setenv (g_get_environ (), "LC_ALL",
                                               setlocale (LC_MESSAGES, NULL), TRUE);
        int status;

        g_test_message ("%s onto %s", formats[i], output);
        g_spawn_sync (NULL, (char **)argv, envp, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                      NULL, &err, &status, &error);
        g_assert_no_error (error);
        g_assert_true (WIFEXITED (status));
        g_assert_cmpint (WEXITSTATUS (status), ==, 1);
        if (strstr (err, expected) == NULL)
          g_error ("Expected “%s” in what it said:\n%s", expected, err);
        if (replace)
          {
            g_file_get_contents (output, &contents, NULL, &error);
            g_assert_no_error (error);
            g_assert_cmpstr (contents, ==, "old");
          }
        else
          g_assert_false (g_file_test (output, G_FILE_TEST_EXISTS));
        assert_no_leftovers (exports);
      }

  g_assert_no_errno (g_unlink (filler));
}

static void
skip_cb (gconstpointer data)
{
  g_test_skip (data);
}

int
main (int   argc,
      char *argv[])
{
  const char *language = g_getenv ("SIH_TEST_LANGUAGE");
  g_autofree char *why_not = NULL;
  gboolean private_namespace = FALSE;

  /* Before any thread starts: a thread made earlier would stay outside. */
  if (geteuid () != 0)
    why_not = g_strdup ("needs root to mount a tmpfs (CI runs the suite as root)");
  else if (unshare (CLONE_NEWNS) != 0)
    why_not = g_strdup_printf ("cannot have a mount namespace of its own: %s", g_strerror (errno));
  else
    /* Nothing mounted here is seen outside.  In a chroot "/" is no
     * mount point and stays as it is: then unmounting is up to us. */
    private_namespace = mount (NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) == 0;

  if (!sih_test_init_gtk (&argc, &argv))
    return g_test_run ();
  sih_test_init_translations ();
  if (language != NULL && !sih_test_use_language (language))
    why_not = g_strdup_printf ("no locale for %s here", language);

  if (why_not == NULL)
    {
      /* The data folder this process uses (a fresh one) becomes the tmpfs. */
      mount_point = g_strdup (g_get_user_data_dir ());
      if (mount ("sih-full-disk", mount_point, "tmpfs", MS_NOSUID | MS_NODEV, TMPFS_OPTIONS) != 0)
        {
          why_not = g_strdup_printf ("cannot mount a tmpfs on %s: %s", mount_point, g_strerror (errno));
          g_clear_pointer (&mount_point, g_free);
        }
      else if (!private_namespace)
        {
          atexit (unmount_cb);
          signal (SIGABRT, unmount_on_signal);
          signal (SIGTRAP, unmount_on_signal);
          signal (SIGSEGV, unmount_on_signal);
        }
    }

  if (why_not != NULL)
    {
      /* On CI everything must run. */
      if (g_getenv ("CI") != NULL && *g_getenv ("CI") != '\0' && geteuid () == 0)
        g_error ("test-full-disk: %s", why_not);
      g_test_add_data_func ("/full-disk/skipped", why_not, skip_cb);
      return g_test_run ();
    }

  g_test_add_func ("/full-disk/cases", test_full_disk_cases);
  g_test_add_func ("/full-disk/export-cli", test_full_disk_export_cli);
  return g_test_run ();
}
