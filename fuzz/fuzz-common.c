/* fuzz-common.c
 *
 * A warning or a critical from our code means that input broke a contract
 * (a g_return_if_fail() that a loader should have prevented), so both
 * abort like a crash.  Debug and informational messages are dropped to
 * keep the fuzzer's output readable.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "fuzz-common.h"

static GLogWriterOutput
fuzz_log_writer (GLogLevelFlags   log_level,
                 const GLogField *fields,
                 gsize            n_fields,
                 gpointer         user_data)
{
  if ((log_level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING)) == 0)
    return G_LOG_WRITER_HANDLED;

  g_log_writer_standard_streams (log_level, fields, n_fields, user_data);
  abort ();
}

void
sih_fuzz_fail (const char *file,
               int         line,
               const char *expr)
{
  fprintf (stderr, "%s:%d: check failed: %s\n", file, line, expr);
  abort ();
}

/**
 * sih_fuzz_init:
 *
 * Call first in LLVMFuzzerInitialize().  With $SIH_LOCALEDIR pointing at a
 * build's po/ directory, packs are translated into Japanese, so that the
 * loader's translation path runs on real catalogues.
 */
void
sih_fuzz_init (int    *argc,
               char ***argv)
{
  const char *localedir = g_getenv ("SIH_LOCALEDIR");

  /* GLib 2.74 still has the slice allocator, which would hide objects'
   * memory from AddressSanitizer.  GLib reads G_SLICE when it starts,
   * before this runs, so start again with it set.  (The replay tests get
   * it from the test environment.) */
#ifdef SIH_FUZZ_LIBFUZZER
  if (g_strcmp0 (g_getenv ("G_SLICE"), "always-malloc") != 0)
    {
      g_setenv ("G_SLICE", "always-malloc", TRUE);
      execv ("/proc/self/exe", *argv);
      perror ("execv /proc/self/exe");
      abort ();
    }
#endif

  g_log_set_writer_func (fuzz_log_writer, NULL, NULL);

  if (localedir != NULL)
    {
      /* glibc ignores LANGUAGE in the plain C locale. */
      g_setenv ("LANGUAGE", "ja", TRUE);
      setlocale (LC_ALL, "C.UTF-8");
      bindtextdomain (GETTEXT_PACKAGE, localedir);
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
    }
}
