/* sih-case.h: what was tried, and what happened (mutable, GTK-free)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "core/sih-cause.h"
#include "core/sih-enums.h"
#include "core/sih-outcome.h"
#include "core/sih-status.h"

G_BEGIN_DECLS

/* Bounds that keep every case small enough to be saved and read back (the
 * case file loader refuses anything larger, see sih-case-file.h).  Longer
 * text is cut at a character boundary; past the last entry, outcomes still
 * change but the history stops growing. */
#define SIH_CASE_MAX_TEXT    (64 * 1024)  /* bytes in a title, note or detail */
#define SIH_CASE_MAX_ENTRIES 100000       /* records, history entries, details */

/**
 * SihStepRecord:
 * @cause_id: the cause the step belongs to
 * @step_id: the step
 * @outcome: the last outcome set
 * @note: (nullable): the user's note
 * @changed: (nullable): when the outcome or note last changed
 * @internal: whether the note is for the help desk only: it never appears
 *   in what is given to the caller
 *
 * What is known about one step.  Records are kept for steps that the
 * current pack no longer has, so that nothing recorded is ever lost.
 */
typedef struct
{
  char       *cause_id;
  char       *step_id;
  SihOutcome  outcome;
  char       *note;
  GDateTime  *changed;
  gboolean    internal;
} SihStepRecord;

/**
 * SihHistoryKind:
 * @SIH_HISTORY_OUTCOME: a step's outcome changed
 * @SIH_HISTORY_NOTE: a step's note was edited (or marked internal)
 * @SIH_HISTORY_STATUS: the case's status changed
 */
typedef enum
{
  SIH_HISTORY_OUTCOME,
  SIH_HISTORY_NOTE,
  SIH_HISTORY_STATUS,
} SihHistoryKind;

/**
 * SihHistoryEntry:
 * @time: when the change was made
 * @kind: what changed
 * @agent: (nullable): who made it (the help desk agent's name)
 * @cause_id: (nullable): the cause (outcome and note changes)
 * @step_id: (nullable): the step (outcome and note changes)
 * @old_outcome: the outcome before (outcome changes)
 * @new_outcome: the outcome after (outcome changes)
 * @old_status: the status before (status changes)
 * @new_status: the status after (status changes)
 * @reason: (nullable): the reason given with the new status
 * @route_id: (nullable): the official route of an escalation
 * @call_back: (nullable): when to call back
 *
 * One change; the history is append-only (a note edited several times
 * in a row by the same agent is one entry, with the time of the last
 * edit).
 */
typedef struct
{
  GDateTime      *time;
  char           *cause_id;
  char           *step_id;
  SihOutcome      old_outcome;
  SihOutcome      new_outcome;
  SihHistoryKind  kind;
  char           *agent;
  SihStatus       old_status;
  SihStatus       new_status;
  char           *reason;
  char           *route_id;
  GDateTime      *call_back;
} SihHistoryEntry;

/**
 * SihCall:
 * @start: when the call started
 * @end: (nullable): when it ended; %NULL while it is running
 * @agent: (nullable): who took it
 *
 * One call with the caller, within a case.
 */
typedef struct
{
  GDateTime *start;
  GDateTime *end;
  char      *agent;
} SihCall;

void sih_step_record_free   (SihStepRecord   *record);
void sih_history_entry_free (SihHistoryEntry *entry);
void sih_call_free          (SihCall         *call);

/* Where the clock comes from: tests fix it, the app uses the real one. */
typedef GDateTime *(*SihClockFunc) (gpointer user_data);

#define SIH_TYPE_CASE (sih_case_get_type ())

G_DECLARE_FINAL_TYPE (SihCase, sih_case, SIH, CASE, GObject)

SihCase       *sih_case_new                (const char    *pack_id,
                                            const char    *pack_version);
void           sih_case_set_clock          (SihCase       *self,
                                            SihClockFunc   clock,
                                            gpointer       user_data);
GDateTime     *sih_case_now                (SihCase       *self);

const char    *sih_case_get_id             (SihCase       *self);
const char    *sih_case_get_pack_id        (SihCase       *self);
const char    *sih_case_get_pack_version   (SihCase       *self);
void           sih_case_set_pack_version   (SihCase       *self,
                                            const char    *pack_version);
GDateTime     *sih_case_get_created        (SihCase       *self);
GDateTime     *sih_case_get_updated        (SihCase       *self);
const char    *sih_case_get_title          (SihCase       *self);
char          *sih_case_format_title       (const char    *title,
                                            GDateTime     *created);
void           sih_case_set_title          (SihCase       *self,
                                            const char    *title);
gboolean       sih_case_get_solved         (SihCase       *self);
void           sih_case_set_solved         (SihCase       *self,
                                            gboolean       solved);
const char    *sih_case_get_cause_id       (SihCase       *self);

const char    *sih_case_get_agent          (SihCase       *self);
void           sih_case_set_agent          (SihCase       *self,
                                            const char    *agent);
const char    *sih_case_get_handover_agent (SihCase       *self);
GDateTime     *sih_case_get_handover_time  (SihCase       *self);
const char    *sih_case_get_ticket         (SihCase       *self);
void           sih_case_set_ticket         (SihCase       *self,
                                            const char    *ticket);
const char    *sih_case_get_caller_name    (SihCase       *self);
void           sih_case_set_caller_name    (SihCase       *self,
                                            const char    *name);
const char    *sih_case_get_caller_contact (SihCase       *self);
void           sih_case_set_caller_contact (SihCase       *self,
                                            const char    *contact);
SihStatus      sih_case_get_status         (SihCase       *self);
const char    *sih_case_get_status_reason  (SihCase       *self);
const char    *sih_case_get_escalation_route (SihCase     *self);
GDateTime     *sih_case_get_call_back      (SihCase       *self);
gboolean       sih_case_set_status         (SihCase       *self,
                                            SihStatus      status,
                                            const char    *reason,
                                            const char    *route_id,
                                            GDateTime     *call_back);
gboolean       sih_case_start_call         (SihCase       *self);
gboolean       sih_case_stop_call          (SihCase       *self);
const SihCall *sih_case_get_running_call   (SihCase       *self);
GPtrArray     *sih_case_get_calls          (SihCase       *self);
gboolean       sih_case_set_note_internal  (SihCase       *self,
                                            const char    *cause_id,
                                            const char    *step_id,
                                            gboolean       internal);
gboolean       sih_case_get_note_internal  (SihCase       *self,
                                            const char    *cause_id,
                                            const char    *step_id);
void           sih_case_set_cause_id       (SihCase       *self,
                                            const char    *cause_id);

gboolean       sih_case_set_outcome        (SihCase       *self,
                                            const char    *cause_id,
                                            const char    *step_id,
                                            SihOutcome     outcome);
SihOutcome     sih_case_get_outcome        (SihCase       *self,
                                            const char    *cause_id,
                                            const char    *step_id);
gboolean       sih_case_set_note           (SihCase       *self,
                                            const char    *cause_id,
                                            const char    *step_id,
                                            const char    *note);
const char    *sih_case_get_note           (SihCase       *self,
                                            const char    *cause_id,
                                            const char    *step_id);
const SihStepRecord *
               sih_case_get_record         (SihCase       *self,
                                            const char    *cause_id,
                                            const char    *step_id);
GPtrArray     *sih_case_get_records        (SihCase       *self);
GPtrArray     *sih_case_get_history        (SihCase       *self);
guint          sih_case_count_tried        (SihCase       *self,
                                            SihCause      *cause,
                                            guint         *n_worked);

const char    *sih_case_get_detail         (SihCase       *self,
                                            const char    *key);
gboolean       sih_case_set_detail         (SihCase       *self,
                                            const char    *key,
                                            const char    *value);
GStrv          sih_case_list_details       (SihCase       *self);
gboolean       sih_case_is_blank           (SihCase       *self);

/* For loaders: restore state exactly as saved, without signals or history. */
SihCase       *sih_case_new_restored       (const char    *id,
                                            const char    *pack_id,
                                            const char    *pack_version,
                                            GDateTime     *created,
                                            GDateTime     *updated);
void           sih_case_restore_record     (SihCase       *self,
                                            const char    *cause_id,
                                            const char    *step_id,
                                            SihOutcome     outcome,
                                            const char    *note,
                                            GDateTime     *changed);
void           sih_case_restore_history    (SihCase       *self,
                                            GDateTime     *time,
                                            const char    *cause_id,
                                            const char    *step_id,
                                            SihOutcome     old_outcome,
                                            SihOutcome     new_outcome);
void           sih_case_restore_entry      (SihCase       *self,
                                            const SihHistoryEntry *entry);
void           sih_case_restore_note_internal (SihCase    *self,
                                            const char    *cause_id,
                                            const char    *step_id,
                                            gboolean       internal);
void           sih_case_restore_help_desk  (SihCase       *self,
                                            const char    *ticket,
                                            const char    *caller_name,
                                            const char    *caller_contact);
void           sih_case_restore_status     (SihCase       *self,
                                            SihStatus      status,
                                            const char    *reason,
                                            const char    *route_id,
                                            GDateTime     *call_back);
void           sih_case_restore_call       (SihCase       *self,
                                            GDateTime     *start,
                                            GDateTime     *end,
                                            const char    *agent);
void           sih_case_restore_handover   (SihCase       *self,
                                            const char    *agent,
                                            GDateTime     *time);
void           sih_case_restore_state      (SihCase       *self,
                                            const char    *title,
                                            gboolean       solved,
                                            const char    *cause_id);
void           sih_case_restore_detail     (SihCase       *self,
                                            const char    *key,
                                            const char    *value);
void           sih_case_restore_id         (SihCase       *self,
                                            const char    *id);
void           sih_case_restore_updated    (SihCase       *self,
                                            GDateTime     *updated);

G_END_DECLS
