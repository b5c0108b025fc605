/* sih-outcome.h: what happened when a step was tried
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  SIH_OUTCOME_NOT_TRIED,
  SIH_OUTCOME_WORKED,
  SIH_OUTCOME_FAILED,
  SIH_OUTCOME_SKIPPED,
} SihOutcome;

#define SIH_N_OUTCOMES (SIH_OUTCOME_SKIPPED + 1)

/**
 * SihOutcomeInfo:
 * @outcome: the outcome
 * @nick: its name in case files and actions ("failed"); CSS classes are
 *   made from it ("sih-failed")
 * @button: what its button says (title case)
 * @label: what a step that has it says (sentence case), and what a
 *   support summary says of it: the same words as the button
 * @tooltip: the button's tooltip, with its shortcut
 * @icon_name: (nullable): the icon a step with it shows instead of its number
 * @key: the digit that sets it with Ctrl held
 * @tried: whether it counts as tried
 *
 * Everything about one outcome.  The strings are untranslated; use the
 * functions below for what people read.
 */
typedef struct
{
  SihOutcome  outcome;
  const char *nick;
  const char *button;
  const char *label;
  const char *tooltip;
  const char *icon_name;
  char        key;
  gboolean    tried;
} SihOutcomeInfo;

const SihOutcomeInfo *sih_outcome_get_info     (SihOutcome  outcome);
const char           *sih_outcome_to_string    (SihOutcome  outcome);
gboolean              sih_outcome_from_string  (const char *nick,
                                                SihOutcome *outcome);
const char           *sih_outcome_get_button   (SihOutcome  outcome);
const char           *sih_outcome_get_label    (SihOutcome  outcome);
const char           *sih_outcome_get_tooltip  (SihOutcome  outcome);
gboolean              sih_outcome_is_tried     (SihOutcome  outcome);

G_END_DECLS
