/* sih-bench-probe.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef char *(*SihBenchDescribeFunc) (GtkWindow *window);

void sih_bench_probe_attach (GtkWindow            *window,
                             GApplication         *app,
                             SihBenchDescribeFunc  describe);

G_END_DECLS
