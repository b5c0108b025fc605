/* bench-util.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

GBytes *bench_generate_pack (guint n_causes,
                             guint n_steps);

int     bench_compare_doubles (gconstpointer a,
                               gconstpointer b);
double  bench_median          (double       *times,
                               guint         n);
double  bench_ms_since        (gint64        start);
double  bench_proc_status_mib (const char   *field);
