/* sih-fault.h: driving the fault injector (sih-fault-inject.c) from the
 * process it is preloaded into, and reading its log
 *
 * Without the shim every call here does nothing, so a driver also runs
 * on its own.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <dlfcn.h>
#include <errno.h>
#include <stdlib.h>

#include <glib.h>
#include <glib/gstdio.h>
#include <unistd.h>

G_BEGIN_DECLS

/* A new folder for a test's runs: in /dev/shm where there is one.  Every
 * run syncs its files, thousands of times, and on a tmpfs that costs
 * nothing. */
static inline char *
sih_fault_make_tmp_dir (const char  *prefix,
                        GError     **error)
{
  if (g_file_test ("/dev/shm", G_FILE_TEST_IS_DIR) && access ("/dev/shm", W_OK) == 0)
    {
      g_autofree char *name = g_strdup_printf ("%s-XXXXXX", prefix);
      char *path = g_build_filename ("/dev/shm", name, NULL);

      if (g_mkdtemp_full (path, 0700) != NULL)
        return path;
      g_free (path);
    }
  {
    g_autofree char *name = g_strdup_printf ("%s-XXXXXX", prefix);

    return g_dir_make_tmp (name, error);
  }
}

/* The process ends with this status when SIH_FAULT_ERROR=CRASH fires. */
#define SIH_FAULT_CRASH_STATUS 99

static inline void
sih_fault_pause (gboolean pause)
{
  void (*fn) (int) = (void (*) (int))dlsym (RTLD_DEFAULT, "sih_fault_pause");

  if (fn != NULL)
    fn (pause);
}

static inline void
sih_fault_set_writes_only (gboolean only)
{
  void (*fn) (int) = (void (*) (int))dlsym (RTLD_DEFAULT, "sih_fault_set_writes_only");

  if (fn != NULL)
    fn (only);
}

static inline gboolean
sih_fault_loaded (void)
{
  return dlsym (RTLD_DEFAULT, "sih_fault_arm") != NULL;
}

/* Counts again from 0 the calls under @folder, failing call @at (0:
 * none) with @error ("ENOSPC", "EIO", "EACCES", "EROFS", "SHORT"). */
static inline void
sih_fault_arm (const char *folder,
               gulong      at,
               const char *error)
{
  void (*fn) (const char *, unsigned long, const char *) =
    (void (*) (const char *, unsigned long, const char *))dlsym (RTLD_DEFAULT, "sih_fault_arm");

  if (fn != NULL)
    fn (folder, at, error);
}

static inline gulong
sih_fault_count (void)
{
  unsigned long (*fn) (void) = (unsigned long (*) (void))dlsym (RTLD_DEFAULT, "sih_fault_count");

  return fn != NULL ? fn () : 0;
}

static inline gulong
sih_fault_fired (void)
{
  unsigned long (*fn) (void) = (unsigned long (*) (void))dlsym (RTLD_DEFAULT, "sih_fault_fired");

  return fn != NULL ? fn () : 0;
}

/* Returns: (transfer full): the log since the last arming, one line per
 * call: "N KIND ERRORS PATH" */
static inline char *
sih_fault_log (void)
{
  char *(*fn) (void) = (char *(*) (void))dlsym (RTLD_DEFAULT, "sih_fault_log");
  char *text = fn != NULL ? fn () : NULL;
  char *copy = g_strdup (text != NULL ? text : "");

  free (text);
  return copy;
}

/* "verify_asan_link_order=0" added to ASAN_OPTIONS: AddressSanitizer
 * wants to come first among the libraries, and the shim must come before
 * it to be seen. */
static inline char *
sih_fault_asan_options (const char *options)
{
  return g_strdup_printf ("%s%sverify_asan_link_order=0", options != NULL ? options : "",
                          options != NULL && *options != '\0' ? ":" : "");
}

/* Runs this program again with the shim (beside it in the build tree)
 * preloaded, unless it is already; returns in the process that has it,
 * with LD_PRELOAD unset for the programs it starts. */
static inline void
sih_fault_preload_self (char **argv)
{
  if (!sih_fault_loaded () && g_getenv ("SIH_FAULT_REEXEC") == NULL)
    {
      g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
      g_autofree char *folder = g_path_get_dirname (self);
      g_autofree char *shim = g_build_filename (folder, "libsih-fault-inject.so", NULL);
      g_autofree char *asan_options = sih_fault_asan_options (g_getenv ("ASAN_OPTIONS"));

      g_setenv ("ASAN_OPTIONS", asan_options, TRUE);
      g_setenv ("LD_PRELOAD", shim, TRUE);
      g_setenv ("SIH_FAULT_REEXEC", "1", TRUE);
      execv (self, argv);
      g_error ("Could not run %s again: %s", self, g_strerror (errno));
    }
  g_unsetenv ("LD_PRELOAD");
}

/**
 * SihFaultCall:
 * @n: its number, from 1
 * @kind: "create", "write", "rename", …
 * @errors: (array zero-terminated=1): what it can fail with
 * @path: the file or folder it touched
 */
typedef struct
{
  gulong   n;
  char    *kind;
  char   **errors;
  char    *path;
} SihFaultCall;

static inline void
sih_fault_call_free (SihFaultCall *call)
{
  g_free (call->kind);
  g_strfreev (call->errors);
  g_free (call->path);
  g_free (call);
}

/* Returns: (transfer full) (element-type SihFaultCall): the calls in @log;
 * @fired, if not NULL, is set to the call that failed (0: none) */
static inline GPtrArray *
sih_fault_parse_log (const char *log,
                     gulong     *fired)
{
  GPtrArray *calls = g_ptr_array_new_with_free_func ((GDestroyNotify)sih_fault_call_free);
  g_auto(GStrv) lines = g_strsplit (log, "\n", -1);

  if (fired != NULL)
    *fired = 0;
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], " ", 4);
      SihFaultCall *call;

      if (g_strv_length (fields) >= 2 && g_str_equal (fields[0], "FIRED"))
        {
          if (fired != NULL)
            *fired = g_ascii_strtoull (fields[1], NULL, 10);
          continue;
        }
      if (g_strv_length (fields) < 4)
        continue;
      call = g_new0 (SihFaultCall, 1);
      call->n = g_ascii_strtoull (fields[0], NULL, 10);
      call->kind = g_strdup (fields[1]);
      call->errors = g_str_equal (fields[2], "-") ? g_new0 (char *, 1) : g_strsplit (fields[2], ",", -1);
      call->path = g_strdup (fields[3]);
      g_ptr_array_add (calls, call);
    }
  return calls;
}

G_END_DECLS
