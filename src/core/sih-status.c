/* sih-status.c: where a case stands in a help desk's day
 *
 * One table holds every fact about a status, as sih-outcome.c does for
 * outcomes: adding one is a row here (and a value in the enum).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "core/sih-status.h"

static const SihStatusInfo statuses[SIH_N_STATUSES] = {
  /* Translators: the status of a case that is being worked on */
  { SIH_STATUS_OPEN, "open", NC_("case status", "Open"), FALSE, FALSE, FALSE },
  /* Translators: the status of a case; the caller has something to do or find */
  { SIH_STATUS_WAITING, "waiting", NC_("case status", "Waiting for the caller"), FALSE, FALSE, FALSE },
  /* Translators: the status of a case handed on to an official support route */
  { SIH_STATUS_ESCALATED, "escalated", NC_("case status", "Escalated"), TRUE, FALSE, FALSE },
  /* Translators: the status of a case; the help desk will call the caller back */
  { SIH_STATUS_CALL_BACK, "call-back", NC_("case status", "Call back"), FALSE, TRUE, FALSE },
  /* Translators: the status of a case whose problem is solved */
  { SIH_STATUS_SOLVED, "solved", NC_("case status", "Solved"), FALSE, FALSE, TRUE },
};

/**
 * sih_status_get_info:
 * @status: a status
 *
 * Returns: (transfer none): its row of the table
 */
const SihStatusInfo *
sih_status_get_info (SihStatus status)
{
  g_return_val_if_fail ((guint)status < SIH_N_STATUSES, &statuses[SIH_STATUS_OPEN]);

  g_assert (statuses[status].status == status);
  return &statuses[status];
}

const char *
sih_status_to_string (SihStatus status)
{
  return sih_status_get_info (status)->nick;
}

gboolean
sih_status_from_string (const char *nick,
                        SihStatus  *status)
{
  for (guint i = 0; i < SIH_N_STATUSES; i++)
    if (g_strcmp0 (nick, statuses[i].nick) == 0)
      {
        *status = statuses[i].status;
        return TRUE;
      }
  return FALSE;
}

const char *
sih_status_get_label (SihStatus status)
{
  return g_dpgettext2 (GETTEXT_PACKAGE, "case status", sih_status_get_info (status)->label);
}
