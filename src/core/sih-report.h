/* sih-report.h: figures across saved cases, for a help desk (GTK-free)
 *
 * Which cases a period holds: a case belongs to the period in which it was
 * *created* (the case file's "created"), from the period's start
 * (included) to its end (left out).  Creation never changes, so a case
 * never moves between periods as it is worked on, and every figure of a
 * report (statuses, steps, escalations, calls) is over the same cases.
 *
 * A report holds counts, ids and the pack's titles only: never a case's
 * title, notes, ticket, names or contact details.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "core/sih-case.h"
#include "core/sih-pack.h"

G_BEGIN_DECLS

typedef enum
{
  SIH_REPORT_PERIOD_LAST_7_DAYS,
  SIH_REPORT_PERIOD_LAST_30_DAYS,
  SIH_REPORT_PERIOD_THIS_MONTH,
  SIH_REPORT_PERIOD_ALL_TIME,
} SihReportPeriod;

#define SIH_N_REPORT_PERIODS (SIH_REPORT_PERIOD_ALL_TIME + 1)

/* How many steps a cause lists under "steps that worked most often". */
#define SIH_REPORT_TOP_STEPS 3

const char *sih_report_period_to_string   (SihReportPeriod   period);
gboolean    sih_report_period_from_string (const char       *nick,
                                           SihReportPeriod  *period);
const char *sih_report_period_get_label   (SihReportPeriod   period);
void        sih_report_period_get_range   (SihReportPeriod   period,
                                           GDateTime        *now,
                                           GDateTime       **from,
                                           GDateTime       **until);

/**
 * SihReportRow:
 * @id: (nullable): the cause, step, status nick or route; %NULL for
 *   "none" (no cause chosen, no route recorded)
 * @label: what people read: the pack's title (translated), the status
 *   label, or the id when the pack does not have it
 * @count: how many cases
 */
typedef struct
{
  char  *id;
  char  *label;
  guint  count;
} SihReportRow;

/**
 * SihReportCauseSteps:
 * @cause_id: the cause the steps belong to
 * @label: its title in the pack, or its id when the pack lacks it
 * @steps: (element-type SihReportRow): its steps that worked most often,
 *   at most %SIH_REPORT_TOP_STEPS, most often first
 */
typedef struct
{
  char      *cause_id;
  char      *label;
  GPtrArray *steps;
} SihReportCauseSteps;

/**
 * SihReport:
 * @from: (nullable): the period's start (included); %NULL for all time
 * @until: (nullable): its end (left out); %NULL for all time
 * @n_cases: cases in the period
 * @by_cause: (element-type SihReportRow): cases by the cause being worked
 *   on, most first; ties in the pack's order
 * @by_status: (element-type SihReportRow): cases by status, every status
 *   in the order of core/sih-status.c, zeros included
 * @worked: (element-type SihReportCauseSteps): by cause, in the pack's order
 * @n_escalated: cases escalated at any point (solved since, too)
 * @routes: (element-type SihReportRow): those cases by the official route
 *   of their latest escalation, most first
 * @n_calls: completed calls (a running call has no length yet)
 * @median_call: the median length of a completed call, in microseconds
 *   (the mean of the middle two for an even number); -1 without calls
 * @total_call: all completed calls together, in microseconds
 * @n_unreadable: files that could not be read (left out of every figure)
 * @n_read: files read this time; the others had not changed since they
 *   were last read, and what was read of them was used again
 *
 * The figures of one period.
 */
typedef struct
{
  GDateTime *from;
  GDateTime *until;
  guint      n_cases;
  GPtrArray *by_cause;
  GPtrArray *by_status;
  GPtrArray *worked;
  guint      n_escalated;
  GPtrArray *routes;
  guint      n_calls;
  gint64     median_call;
  gint64     total_call;
  guint      n_unreadable;
  guint      n_read;

  /*< private >*/
  gpointer   priv;
} SihReport;

gboolean   sih_report_in_period       (GDateTime            *from,
                                       GDateTime            *until,
                                       GDateTime            *created);

SihReport *sih_report_new             (GDateTime            *from,
                                       GDateTime            *until);
void       sih_report_free            (SihReport            *self);
gboolean   sih_report_add_case        (SihReport            *self,
                                       SihCase              *c);
void       sih_report_finish          (SihReport            *self,
                                       SihPack              *pack);

SihReport *sih_report_compute         (const char * const   *paths,
                                       GDateTime            *from,
                                       GDateTime            *until,
                                       SihPack              *pack,
                                       GCancellable         *cancellable,
                                       GError              **error);
void       sih_report_compute_async   (const char * const   *paths,
                                       GDateTime            *from,
                                       GDateTime            *until,
                                       SihPack              *pack,
                                       GCancellable         *cancellable,
                                       GAsyncReadyCallback   callback,
                                       gpointer              user_data);
SihReport *sih_report_compute_finish  (GAsyncResult         *result,
                                       GError              **error);

void       sih_report_clear_cache     (void);

char      *sih_report_format_duration (gint64                usec);
char      *sih_report_format_date     (GDateTime            *time);
GBytes    *sih_report_to_csv          (SihReport            *self,
                                       const char           *period_label);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SihReport, sih_report_free)

G_END_DECLS
