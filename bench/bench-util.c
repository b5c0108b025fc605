/* bench-util.c: generated input for the benchmarks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "bench-util.h"

/* A valid pack of @n_causes causes with @n_steps steps each, with texts of
 * realistic length. */
GBytes *
bench_generate_pack (guint n_causes,
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


/* For qsort() and g_array_sort(): smaller first. */
int
bench_compare_doubles (gconstpointer a,
                       gconstpointer b)
{
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

/* The median of @n times (sorts them). */
double
bench_median (double *times,
              guint   n)
{
  qsort (times, n, sizeof (double), bench_compare_doubles);
  return times[n / 2];
}

/* Milliseconds since @start, a g_get_monotonic_time(). */
double
bench_ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

/* A memory figure of this process from /proc/self/status ("VmRSS",
 * "VmHWM"), in MiB; 0 where there is no /proc. */
double
bench_proc_status_mib (const char *field)
{
  g_autofree char *status = NULL;
  g_auto(GStrv) lines = NULL;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return 0;
  lines = g_strsplit (status, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], field) && lines[i][strlen (field)] == ':')
      return g_ascii_strtod (lines[i] + strlen (field) + 1, NULL) / 1024;
  return 0;
}
