/* sih-time.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

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

/**
 * sih_time_format_clock:
 * @span: how long something has run
 *
 * Returns: (transfer full): the time as a running clock shows it: minutes
 *   and seconds ("04:12"), with the hours in front past an hour ("1:02:03")
 */
char *
sih_time_format_clock (GTimeSpan span)
{
  gint64 seconds = MAX (span, 0) / G_TIME_SPAN_SECOND;
  gint64 hours = seconds / 3600;

  if (hours > 0)
    return g_strdup_printf ("%" G_GINT64_FORMAT ":%02d:%02d", hours,
                            (int)(seconds / 60 % 60), (int)(seconds % 60));
  return g_strdup_printf ("%02d:%02d", (int)(seconds / 60), (int)(seconds % 60));
}

/**
 * sih_time_format_duration:
 * @span: how long something took
 *
 * Returns: (transfer full): the length in words, as a screen reader reads
 *   it out and a summary writes it: "4 minutes 12 seconds", "1 hour 3
 *   minutes", "0 seconds"; units that are zero are left out
 */
char *
sih_time_format_duration (GTimeSpan span)
{
  gint64 total = MAX (span, 0) / G_TIME_SPAN_SECOND;
  gulong hours = total / 3600;
  gulong minutes = total / 60 % 60;
  gulong seconds = total % 60;
  char *parts[3] = { NULL, NULL, NULL };
  char *text = NULL;
  guint n = 0;

  if (hours > 0)
    parts[n++] = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%lu hour", "%lu hours", hours),
                                  hours);
  if (minutes > 0)
    parts[n++] = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%lu minute", "%lu minutes",
                                               minutes), minutes);
  if (seconds > 0 || n == 0)
    parts[n++] = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%lu second", "%lu seconds",
                                               seconds), seconds);

  text = parts[0];
  for (guint i = 1; i < n; i++)
    {
      /* Translators: joins the parts of a length of time, "4 minutes" and
       * "12 seconds"; Japanese writes them together ("%s%s") */
      char *joined = g_strdup_printf (C_("duration", "%s %s"), text, parts[i]);

      g_free (text);
      g_free (parts[i]);
      text = joined;
    }
  return text;
}

static gboolean
read_number (const char **p,
             guint        max_digits,
             guint       *value)
{
  guint n = 0;

  *value = 0;
  while (g_ascii_isdigit (**p) && n < max_digits)
    {
      *value = *value * 10 + (guint)(**p - '0');
      (*p)++;
      n++;
    }
  return n > 0;
}

static void
skip_separators (const char **p)
{
  while (**p == ' ' || **p == '\t')
    (*p)++;
}

/**
 * sih_time_parse_local:
 * @text: a date and time as typed: "2026-12-07 14:30", "2026/12/7 9:05",
 *   "12-07 14:30" (this year) or "14:30" (today); full-width digits and
 *   "T" between date and time are taken too
 * @now: the current time, which gives the year and day left out
 *
 * Returns: (transfer full) (nullable): the time in the local time zone, or
 *   %NULL when @text is not a date and time
 */
GDateTime *
sih_time_parse_local (const char *text,
                      GDateTime  *now)
{
  g_autofree char *folded = NULL;
  g_autoptr(GDateTime) local_now = NULL;
  g_autoptr(GTimeZone) tz = NULL;
  guint numbers[3] = { 0, 0, 0 };
  guint n_date = 0;
  guint hour, minute;
  int year, month, day;
  const char *p;

  g_return_val_if_fail (now != NULL, NULL);

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return NULL;
  /* Digits typed with a Japanese input method are full width: NFKC folds
   * them (and "：", "／") to ASCII. */
  folded = g_utf8_normalize (text, -1, G_NORMALIZE_NFKC);
  if (folded == NULL)
    return NULL;
  g_strstrip (folded);
  p = folded;

  local_now = g_date_time_to_local (now);
  year = g_date_time_get_year (local_now);
  month = g_date_time_get_month (local_now);
  day = g_date_time_get_day_of_month (local_now);

  /* A date: numbers joined by "-", "/" or "." and followed by a space or
   * "T"; without one, the text is only a time. */
  if (strpbrk (p, "-/.") != NULL)
    {
      while (n_date < 3)
        {
          if (!read_number (&p, n_date == 0 ? 4 : 2, &numbers[n_date]))
            return NULL;
          n_date++;
          if (*p != '-' && *p != '/' && *p != '.')
            break;
          p++;
        }
      if (n_date == 3)
        {
          year = numbers[0];
          month = numbers[1];
          day = numbers[2];
        }
      else if (n_date == 2)
        {
          month = numbers[0];
          day = numbers[1];
        }
      else
        return NULL;
      if (*p == 'T' || *p == 't')
        p++;
      else if (*p != ' ' && *p != '\t')
        return NULL;
      skip_separators (&p);
    }

  if (!read_number (&p, 2, &hour) || *p != ':')
    return NULL;
  p++;
  if (!read_number (&p, 2, &minute))
    return NULL;
  skip_separators (&p);
  if (*p != '\0' || hour > 23 || minute > 59 || year < 1 || year > 9999 ||
      month < 1 || month > 12 || day < 1 || day > g_date_get_days_in_month (month, year))
    return NULL;

  tz = g_time_zone_new_local ();
  return g_date_time_new (tz, year, month, day, hour, minute, 0);
}
