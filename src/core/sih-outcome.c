/* sih-outcome.c: what happened when a step was tried
 *
 * One table holds every fact about an outcome: adding one is a row here
 * (and a value in the enum), not a switch in every file that shows one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "core/sih-outcome.h"

static const SihOutcomeInfo outcomes[SIH_N_OUTCOMES] = {
  {
    SIH_OUTCOME_NOT_TRIED, "not-tried",
    N_("Not Tried Yet"), N_("Not tried yet"),
    N_("Clear the outcome of this step (Ctrl+0)"),
    NULL, '0', FALSE,
  },
  {
    SIH_OUTCOME_WORKED, "worked",
    N_("Worked"), N_("Worked"),
    N_("This step solved the problem (Ctrl+1)"),
    "object-select-symbolic", '1', TRUE,
  },
  {
    SIH_OUTCOME_FAILED, "failed",
    N_("Didn’t Work"), N_("Didn’t work"),
    N_("I did this step but the problem is still there (Ctrl+2)"),
    "window-close-symbolic", '2', TRUE,
  },
  {
    SIH_OUTCOME_SKIPPED, "skipped",
    N_("Couldn’t Do It"), N_("Couldn’t do it"),
    N_("I could not do this step, or skipped it (Ctrl+3)"),
    "media-skip-forward-symbolic", '3', TRUE,
  },
};

/**
 * sih_outcome_get_info:
 * @outcome: an outcome
 *
 * Returns: (transfer none): its row of the table
 */
const SihOutcomeInfo *
sih_outcome_get_info (SihOutcome outcome)
{
  g_return_val_if_fail ((guint)outcome < SIH_N_OUTCOMES, &outcomes[SIH_OUTCOME_NOT_TRIED]);

  g_assert (outcomes[outcome].outcome == outcome);
  return &outcomes[outcome];
}

const char *
sih_outcome_to_string (SihOutcome outcome)
{
  return sih_outcome_get_info (outcome)->nick;
}

gboolean
sih_outcome_from_string (const char *nick,
                         SihOutcome *outcome)
{
  for (guint i = 0; i < SIH_N_OUTCOMES; i++)
    if (g_strcmp0 (nick, outcomes[i].nick) == 0)
      {
        *outcome = outcomes[i].outcome;
        return TRUE;
      }
  return FALSE;
}

const char *
sih_outcome_get_button (SihOutcome outcome)
{
  return g_dgettext (GETTEXT_PACKAGE, sih_outcome_get_info (outcome)->button);
}

const char *
sih_outcome_get_label (SihOutcome outcome)
{
  return g_dgettext (GETTEXT_PACKAGE, sih_outcome_get_info (outcome)->label);
}

const char *
sih_outcome_get_tooltip (SihOutcome outcome)
{
  return g_dgettext (GETTEXT_PACKAGE, sih_outcome_get_info (outcome)->tooltip);
}

gboolean
sih_outcome_is_tried (SihOutcome outcome)
{
  return sih_outcome_get_info (outcome)->tried;
}
