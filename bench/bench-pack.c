/* bench-pack.c: how long loading a content pack takes
 *
 * Prints the median of several runs in milliseconds.  Run by bench/run.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdlib.h>

#include "core/sih-pack.h"
#include "bench-util.h"

static double
median_load_ms (GBytes     *bytes,
                const char *name,
                const char *domain,
                guint       runs)
{
  g_autofree double *times = g_new (double, runs);

  for (guint i = 0; i < runs; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SihPack) pack = NULL;
      gint64 start = g_get_monotonic_time ();

      pack = sih_pack_new_from_bytes (bytes, name, domain, &error);
      times[i] = (g_get_monotonic_time () - start) / 1000.0;
      if (pack == NULL)
        g_error ("%s", error->message);
    }

  return bench_median (times, runs);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GBytes) bundled = NULL;
  g_autoptr(GBytes) large = NULL;
  guint runs = argc > 1 ? (guint)atoi (argv[1]) : 15;

  setlocale (LC_ALL, "");
  if (g_getenv ("SIH_LOCALEDIR") != NULL)
    bindtextdomain (GETTEXT_PACKAGE, g_getenv ("SIH_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

  if (runs == 0)
    runs = 1;

  bundled = g_resources_lookup_data (SIH_BUNDLED_PACK_RESOURCE, 0, NULL);
  large = bench_generate_pack (1000, 20);

  g_print ("pack-load bundled (translated): %.3f ms (median of %u)\n",
           median_load_ms (bundled, "amazon-signin.json", GETTEXT_PACKAGE, runs), runs);
  g_print ("pack-load generated 1000 causes x 20 steps (%.1f MB): %.3f ms (median of %u)\n",
           g_bytes_get_size (large) / 1e6,
           median_load_ms (large, "large.json", NULL, runs), runs);

  return 0;
}
