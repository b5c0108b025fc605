/* case-crash-common.h: the changing case of the crash test
 *
 * Shared by the helper that saves it and the test that checks what it
 * saved: the case after step N is the same on both sides, so the test can
 * rebuild exactly what each save must have written.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <stdlib.h>

#include "core/sih-case.h"

#define CRASH_CASE_ID "3c5e2a9d-71b4-4f0e-a8d6-2b9c0e1f7a34"

static GDateTime *
crash_clock (gpointer user_data)
{
  const guint *step = user_data;
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("+09:00");
  g_autoptr(GDateTime) base = g_date_time_new (tz, 2026, 1, 31, 9, 0, 0);

  return g_date_time_add_seconds (base, *step);
}

static SihCase *
crash_case_new (guint *step)
{
  g_autoptr(GDateTime) created = crash_clock (step);
  SihCase *c = sih_case_new_restored (CRASH_CASE_ID, "test-pack", "1.0", created, created);

  sih_case_set_clock (c, crash_clock, step);
  return c;
}

/* The step number a saved case has reached. */
static guint
crash_case_step (SihCase *c)
{
  const char *title = sih_case_get_title (c);

  if (title == NULL || !g_str_has_prefix (title, "step "))
    return 0;
  return (guint)strtoul (title + strlen ("step "), NULL, 10);
}

/* One round of changes: title, a note of varying length, now and then an
 * outcome, a detail, the solved state and the current cause. */
static void
crash_case_apply (SihCase *c,
                  guint   *step,
                  guint    n)
{
  const char *cause = n % 3 == 0 ? "cause-b" : "cause-a";
  g_autofree char *title = g_strdup_printf ("step %u", n);
  g_autofree char *step_id = g_strdup_printf ("step-%u", n % 7);
  g_autofree char *counter = g_strdup_printf ("%u", n);
  g_autoptr(GString) note = g_string_new (NULL);

  *step = n;
  for (guint i = 0; i < 1 + n % 40; i++)
    g_string_append_printf (note, "Note %u, line %u: the code did not arrive.\n", n, i);

  sih_case_set_title (c, title);
  sih_case_set_note (c, cause, step_id, note->str);
  if (n % 4 == 0)
    sih_case_set_outcome (c, cause, step_id, (SihOutcome)((n / 4) % 4));
  sih_case_set_detail (c, "counter", counter);
  sih_case_set_solved (c, n % 5 == 0);
  sih_case_set_cause_id (c, cause);
}
