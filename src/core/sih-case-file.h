/* sih-case-file.h: a case as a JSON file, and back
 *
 * The case file format, version 2 (docs/case-format.md says the same with
 * an example); format 1 files are still read.  One JSON object, UTF-8
 * without a byte-order mark:
 *
 *   format       2 (a whole number; 1 for files written by older
 *                versions).  A reader refuses a format it does not know,
 *                without touching the file.
 *   kind         "signin-helper-case": tells a case from any other JSON.
 *   id           the case id (lowercase letters, digits, '-' and '_', at
 *                most 64; a UUID in practice); the file is "<id>.json".
 *   app_version  the version of Sign-in Helper that wrote it (optional).
 *   pack         { "id": pack id, "version": pack version (optional) }.
 *   created,     ISO 8601 date and time with a UTC offset, as written by
 *   updated      g_date_time_format_iso8601: "2026-01-31T09:30:00+09:00",
 *                with fractions of a second when there are any.
 *   title        the name the user gave the case (optional).
 *   solved       format 1 only: true or false (optional, default false).
 *   status       format 2: { "state": "open" | "waiting" | "escalated" |
 *                "call-back" | "solved", "reason": text (optional),
 *                "route": id of an official route (escalated only,
 *                optional), "call_back": time (call-back only, optional) };
 *                optional, default open.
 *   ticket       format 2: the help desk's ticket number (optional).
 *   caller       format 2: { "name": text, "contact": text } (both
 *                optional; the member is left out when both are).
 *   calls        format 2: [ { "start": time, "end": time (none while the
 *                call runs, only the last one), "agent": text } ].
 *   cause        the id of the cause being worked on (optional).
 *   records      [ { "cause": id, "step": id,
 *                    "outcome": "not-tried" | "worked" | "failed" | "skipped",
 *                    "note": text (optional), "changed": time (optional),
 *                    "internal": true (format 2, optional) } ]
 *                in the order the steps were first touched; every pair of
 *                cause and step at most once.  Records for steps the pack no
 *                longer has are kept as they are.
 *   history      [ { "time": time, "cause": id, "step": id,
 *                    "from": outcome, "to": outcome } ], oldest first,
 *                append-only.  Format 2 adds "agent" (optional) and
 *                "change": "outcome" (the default) | "note" (cause, step)
 *                | "status" (from and to are statuses; reason, route and
 *                call_back as with the new status, optional).
 *   details      { key (an id): text }, such as "error-message".
 *
 * Members other than these are refused rather than ignored: a file that
 * an older version cannot represent in full must not be rewritten by it
 * with parts missing, so a newer version that adds a member raises
 * "format" instead.  Strings are never blank and at most
 * %SIH_CASE_MAX_TEXT bytes; records, history and details hold at most
 * %SIH_CASE_MAX_ENTRIES each; the file is at most
 * %SIH_JSON_MAX_FILE_SIZE bytes.  The model enforces the same bounds, so
 * whatever is saved can be read back.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "core/sih-case.h"

G_BEGIN_DECLS

/* The newest format this version reads and writes, and the oldest it reads. */
#define SIH_CASE_FILE_FORMAT        2
#define SIH_CASE_FILE_FORMAT_OLDEST 1
#define SIH_CASE_FILE_KIND   "signin-helper-case"

GBytes   *sih_case_file_to_bytes     (SihCase     *c);
SihCase  *sih_case_file_load_bytes   (GBytes      *bytes,
                                      const char  *display_name,
                                      GError     **error);
SihCase  *sih_case_file_load         (const char  *path,
                                      GError     **error);
GBytes   *sih_case_file_read         (const char  *path,
                                      gboolean     follow_symlinks,
                                      GError     **error);
gboolean  sih_case_file_save_to_path (SihCase     *c,
                                      const char  *path,
                                      GError     **error);

G_END_DECLS
