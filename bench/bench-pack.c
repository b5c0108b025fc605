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

#include "sih-pack.h"

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

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

  qsort (times, runs, sizeof (double), compare_doubles);
  return times[runs / 2];
}

static GBytes *
generate_pack (guint n_causes,
               guint n_steps)
{
  GString *json = g_string_new (NULL);

  g_string_append (json,
                   "{\"format\":1,\"id\":\"large\",\"version\":\"1\",\"title\":\"Large pack\","
                   "\"service\":\"Example\",\"updated\":\"2026-01-01\",\"disclaimer\":\"Test.\","
                   "\"contact\":{\"intro\":\"I\",\"prepare\":[{\"id\":\"a\",\"label\":\"A\"}],"
                   "\"routes\":[{\"id\":\"r\",\"title\":\"R\",\"detail\":\"D\"}],"
                   "\"scam_warning\":\"W\"},\"causes\":[");
  for (guint c = 0; c < n_causes; c++)
    {
      g_string_append_printf (json,
                              "%s{\"id\":\"cause-%u\",\"title\":\"Cause number %u\","
                              "\"summary\":\"A generated cause for measuring the loader.\","
                              "\"icon\":\"dialog-password-symbolic\",\"urgency\":\"normal\","
                              "\"symptoms\":[\"It does not work\",\"The code never comes\"],"
                              "\"error_messages\":[{\"lang\":\"en\",\"text\":\"There was a problem\"}],"
                              "\"escalate\":\"Contact support.\",\"related\":[%s],\"steps\":[",
                              c > 0 ? "," : "", c, c, c > 0 ? "\"cause-0\"" : "");
      for (guint s = 0; s < n_steps; s++)
        g_string_append_printf (json,
                                "%s{\"id\":\"step-%u\",\"title\":\"Step %u of cause %u\","
                                "\"detail\":\"Look at the screen, press the button, and note what "
                                "happens. If it works, you are done; if not, go on.\","
                                "\"kind\":\"check\",\"links\":[{\"label\":\"Help\","
                                "\"uri\":\"https://www.amazon.co.jp/gp/help/customer/display.html"
                                "?nodeId=201945460\"}]}",
                                s > 0 ? "," : "", s, s, c);
      g_string_append (json, "]}");
    }
  g_string_append (json, "]}");

  return g_string_free_to_bytes (json);
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
  large = generate_pack (1000, 20);

  g_print ("pack-load bundled (translated): %.3f ms (median of %u)\n",
           median_load_ms (bundled, "amazon-signin.json", GETTEXT_PACKAGE, runs), runs);
  g_print ("pack-load generated 1000 causes x 20 steps (%.1f MB): %.3f ms (median of %u)\n",
           g_bytes_get_size (large) / 1e6,
           median_load_ms (large, "large.json", NULL, runs), runs);

  return 0;
}
