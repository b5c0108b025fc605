/* sih-time.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "core/sih-time.h"

/* Midnights between @earlier and @later on the calendar, across months
 * and years ("yesterday" on New Year's Day is December 31st). */
static int
calendar_days_between (GDateTime *earlier,
                       GDateTime *later)
{
  g_autoptr(GDate) a = g_date_new_dmy (g_date_time_get_day_of_month (earlier),
                                       g_date_time_get_month (earlier),
                                       g_date_time_get_year (earlier));
  g_autoptr(GDate) b = g_date_new_dmy (g_date_time_get_day_of_month (later),
                                       g_date_time_get_month (later),
                                       g_date_time_get_year (later));

  return (int)g_date_get_julian (b) - (int)g_date_get_julian (a);
}

/**
 * sih_time_format_relative:
 * @time: when something happened
 * @now: the current time
 *
 * Returns: (transfer full): "just now", "5 minutes ago", "today at 14:03",
 *   "yesterday at 09:10" or a date, in the local time zone
 */
char *
sih_time_format_relative (GDateTime *time,
                          GDateTime *now)
{
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDateTime) local_now = NULL;
  GTimeSpan diff;
  int days;

  g_return_val_if_fail (time != NULL, NULL);
  g_return_val_if_fail (now != NULL, NULL);

  local = g_date_time_to_local (time);
  local_now = g_date_time_to_local (now);
  diff = g_date_time_difference (local_now, local);

  if (diff < G_TIME_SPAN_MINUTE && diff > -G_TIME_SPAN_MINUTE)
    return g_strdup (_("just now"));

  if (diff > 0 && diff < G_TIME_SPAN_HOUR)
    {
      int minutes = diff / G_TIME_SPAN_MINUTE;
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d minute ago", "%d minutes ago",
                                           minutes), minutes);
    }

  days = calendar_days_between (local, local_now);

  if (days == 0)
    {
      g_autofree char *clock = g_date_time_format (local, "%H:%M");
      /* Translators: %s is a time such as 14:03 */
      return g_strdup_printf (_("today at %s"), clock);
    }
  if (days == 1)
    {
      g_autofree char *clock = g_date_time_format (local, "%H:%M");
      /* Translators: %s is a time such as 14:03 */
      return g_strdup_printf (_("yesterday at %s"), clock);
    }

  return sih_time_format_date_time (local);
}

/**
 * sih_time_format_day:
 * @time: a time, past or to come (a call-back)
 * @now: the current time
 *
 * Returns: (transfer full): "today at 14:30", "tomorrow at 09:00",
 *   "yesterday at 16:10" or a date and time, in the local time zone
 */
char *
sih_time_format_day (GDateTime *time,
                     GDateTime *now)
{
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDateTime) local_now = NULL;
  g_autofree char *clock = NULL;
  int days;

  g_return_val_if_fail (time != NULL, NULL);
  g_return_val_if_fail (now != NULL, NULL);

  local = g_date_time_to_local (time);
  local_now = g_date_time_to_local (now);
  days = calendar_days_between (local_now, local);
  clock = g_date_time_format (local, "%H:%M");

  if (days == 0)
    /* Translators: %s is a time such as 14:03 */
    return g_strdup_printf (_("today at %s"), clock);
  if (days == 1)
    /* Translators: %s is a time such as 09:00 */
    return g_strdup_printf (_("tomorrow at %s"), clock);
  if (days == -1)
    /* Translators: %s is a time such as 14:03 */
    return g_strdup_printf (_("yesterday at %s"), clock);
  return sih_time_format_date_time (local);
}

/**
 * sih_time_format_date_time:
 * @time: a time
 *
 * Returns: (transfer full): the local date and time as people write them
 *   in the user's language ("Nov 25, 2026 at 14:03", "2026年11月25日 14:03")
 */
char *
sih_time_format_date_time (GDateTime *time)
{
  g_autoptr(GDateTime) local = NULL;

  g_return_val_if_fail (time != NULL, NULL);

  local = g_date_time_to_local (time);
  /* Translators: a date and time, see the strftime manual page; for
   * Japanese "%Y年%-m月%-d日 %H:%M" reads well */
  return g_date_time_format (local, _("%b %-d, %Y at %H:%M"));
}

/**
 * sih_time_format_exact:
 *
 * Returns: (transfer full): the full local date and time with its UTC
 *   offset, for tooltips and summaries
 */
char *
sih_time_format_exact (GDateTime *time)
{
  g_autoptr(GDateTime) local = NULL;

  g_return_val_if_fail (time != NULL, NULL);

  local = g_date_time_to_local (time);
  /* Translators: a full date and time with its UTC offset, see the
   * strftime manual page; for Japanese "%Y年%-m月%-d日 %H:%M:%S (UTC%:z)" */
  return g_date_time_format (local, _("%Y-%m-%d %H:%M:%S (UTC%:z)"));
}
