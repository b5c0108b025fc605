/* sih-detail.h: the case details the summary reads, and the values of
 * those chosen from a list (GTK-free)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The case details the summary reads (sih_case_set_detail() keys). */
#define SIH_DETAIL_DEVICE_TYPE   "device-type"   /* "pc", "phone" or "tablet" */
#define SIH_DETAIL_OS            "os"            /* free text; the caller's OS in help-desk use */
#define SIH_DETAIL_BROWSER       "browser"       /* browser or app, and its version */
#define SIH_DETAIL_WHERE         "where"         /* "website", "shopping-app", "seller-central",
                                                  * "prime-video" or "business" */
#define SIH_DETAIL_SINCE         "since"         /* free text */
#define SIH_DETAIL_CHANGES       "changes"       /* comma-separated: "new-phone", "new-number",
                                                  * "new-email", "new-password" */
#define SIH_DETAIL_CHANGES_NOTE  "changes-note"  /* free text */
#define SIH_DETAIL_ERROR_MESSAGE "error-message" /* pasted, shown verbatim */
#define SIH_DETAIL_ACCOUNT_EMAIL "account-email"
#define SIH_DETAIL_ACCOUNT_PHONE "account-phone"
#define SIH_DETAIL_EXTRA         "extra"         /* "anything else", shown at the top */

/**
 * SihDetailKind:
 * @SIH_DETAIL_KIND_TEXT: free text the person typed (the error message,
 *   "since when", notes on the changes, "anything else", the system and
 *   the browser, and any detail this version does not know)
 * @SIH_DETAIL_KIND_CHOICE: a value chosen from a list (an id, see
 *   #SihDetailChoice)
 * @SIH_DETAIL_KIND_EMAIL: the whole value is an e-mail address
 * @SIH_DETAIL_KIND_PHONE: the whole value is a phone number
 *
 * What a detail holds, which says how it is masked when it is shared.
 */
typedef enum
{
  SIH_DETAIL_KIND_TEXT,
  SIH_DETAIL_KIND_CHOICE,
  SIH_DETAIL_KIND_EMAIL,
  SIH_DETAIL_KIND_PHONE,
} SihDetailKind;

/**
 * SihDetailChoice:
 * @key: the detail
 * @multiple: the detail holds a set of the values, comma-separated
 *   ("new-phone,new-password"), rather than one
 * @values: (array zero-terminated=1): the values the app offers, in the
 *   order the Details form lists them
 *
 * A detail chosen from a list rather than typed.
 */
typedef struct
{
  const char         *key;
  gboolean            multiple;
  const char * const *values;
} SihDetailChoice;

SihDetailKind          sih_detail_get_kind      (const char            *key);
const SihDetailChoice *sih_detail_get_choices   (guint                 *n_choices);
const SihDetailChoice *sih_detail_choice_lookup (const char            *key);
gboolean               sih_detail_choice_knows  (const SihDetailChoice *choice,
                                                 const char            *value);
gboolean               sih_detail_list_contains (const char            *list,
                                                 const char            *value);
gboolean               sih_detail_has_value     (const char            *key,
                                                 const char            *stored,
                                                 const char            *value);

G_END_DECLS
