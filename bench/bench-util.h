/* bench-util.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

GBytes *bench_generate_pack (guint n_causes,
                             guint n_steps);
