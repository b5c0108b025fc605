/* sih-time.h: times as people read them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *sih_time_format_relative (GDateTime *time,
                                GDateTime *now);
char *sih_time_format_day      (GDateTime *time,
                                GDateTime *now);
char *sih_time_format_exact    (GDateTime *time);
char *sih_time_format_date_time (GDateTime *time);

char *sih_time_format_clock    (GTimeSpan  span);
char *sih_time_format_duration (GTimeSpan  span);

GDateTime *sih_time_parse_local (const char *text,
                                 GDateTime  *now);

G_END_DECLS
