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

#include "core/sih-json-reader.h"
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

/* Where the time of loading @bytes goes: the checks before parsing,
 * json-glib's parse into a tree, freeing the tree, and reading the tree
 * into the pack (validation, translation, objects) as the rest. */
static void
print_phases (GBytes     *bytes,
              const char *label,
              const char *domain,
              guint       runs)
{
  g_autofree double *scan_parse = g_new (double, runs);
  g_autofree double *parse = g_new (double, runs);
  g_autofree double *free_tree = g_new (double, runs);
  double total = median_load_ms (bytes, "phases.json", domain, runs);
  double m_scan_parse, m_parse, m_free;

  for (guint i = 0; i < runs; i++)
    {
      g_autoptr(JsonParser) parser = json_parser_new_immutable ();
      g_autoptr(GError) error = NULL;
      JsonNode *root;
      gint64 start = g_get_monotonic_time ();

      root = sih_json_parse_bytes (bytes, "phases.json", &error);
      scan_parse[i] = bench_ms_since (start);
      if (root == NULL)
        g_error ("%s", error->message);
      start = g_get_monotonic_time ();
      json_node_unref (root);
      free_tree[i] = bench_ms_since (start);

      start = g_get_monotonic_time ();
      if (!json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL),
                                       g_bytes_get_size (bytes), &error))
        g_error ("%s", error->message);
      parse[i] = bench_ms_since (start);
    }

  m_scan_parse = bench_median (scan_parse, runs);
  m_parse = bench_median (parse, runs);
  m_free = bench_median (free_tree, runs);
  g_print ("  phases of %s: checks before parsing %.1f ms, json-glib parse %.1f ms, "
           "freeing the tree %.1f ms, reading the tree %.1f ms (of %.1f ms)\n",
           label, MAX (m_scan_parse - m_parse, 0), m_parse, m_free,
           MAX (total - m_scan_parse - m_free, 0), total);
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

  /* Memory first, in a process that has loaded nothing yet: what the pack
   * keeps resident, and the peak while json-glib's tree is there too. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(SihPack) pack = NULL;
    double before = bench_proc_status_mib ("VmRSS");
    double peak_before = bench_proc_status_mib ("VmHWM");

    pack = sih_pack_new_from_bytes (large, "large.json", GETTEXT_PACKAGE, &error);
    if (pack == NULL)
      g_error ("%s", error->message);
    g_print ("pack-load generated 1000 causes x 20 steps: %.1f MiB resident once loaded, "
             "%.1f MiB at the peak of loading (over the %.1f MiB before)\n",
             bench_proc_status_mib ("VmRSS") - before,
             bench_proc_status_mib ("VmHWM") - MAX (before, peak_before), before);
  }

  g_print ("pack-load bundled (translated): %.3f ms (median of %u)\n",
           median_load_ms (bundled, "amazon-signin.json", GETTEXT_PACKAGE, runs), runs);
  g_print ("pack-load generated 1000 causes x 20 steps (%.1f MB): %.3f ms (median of %u)\n",
           g_bytes_get_size (large) / 1e6,
           median_load_ms (large, "large.json", NULL, runs), runs);
  /* The app translates every pack it shows, a help desk's too. */
  g_print ("pack-load generated 1000 causes x 20 steps (translated): %.3f ms (median of %u)\n",
           median_load_ms (large, "large.json", GETTEXT_PACKAGE, runs), runs);
  if (g_getenv ("SIH_BENCH_PHASES") != NULL)
    {
      print_phases (bundled, "bundled (translated)", GETTEXT_PACKAGE, runs);
      print_phases (large, "generated (translated)", GETTEXT_PACKAGE, runs);
    }

  return 0;
}
