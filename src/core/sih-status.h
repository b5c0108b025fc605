/* sih-status.h: where a case stands in a help desk's day
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  SIH_STATUS_OPEN,
  SIH_STATUS_WAITING,
  SIH_STATUS_ESCALATED,
  SIH_STATUS_CALL_BACK,
  SIH_STATUS_SOLVED,
} SihStatus;

#define SIH_N_STATUSES (SIH_STATUS_SOLVED + 1)

/**
 * SihStatusInfo:
 * @status: the status
 * @nick: its name in case files, the case index and actions ("call-back")
 * @label: what the case list and a summary say of it (sentence case;
 *   translated in the context "case status")
 * @has_route: whether it names an official route (escalated)
 * @has_time: whether it names a time (call back)
 * @closed: whether the case needs nothing more (solved)
 *
 * Everything about one status.  The label is untranslated; use the
 * functions below for what people read.
 */
typedef struct
{
  SihStatus   status;
  const char *nick;
  const char *label;
  gboolean    has_route;
  gboolean    has_time;
  gboolean    closed;
} SihStatusInfo;

const SihStatusInfo *sih_status_get_info    (SihStatus   status);
const char          *sih_status_to_string   (SihStatus   status);
gboolean             sih_status_from_string (const char *nick,
                                             SihStatus  *status);
const char          *sih_status_get_label   (SihStatus   status);

G_END_DECLS
