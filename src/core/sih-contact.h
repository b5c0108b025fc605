/* sih-contact.h: how to reach official support, and what to have ready
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "core/sih-pack-types.h"

G_BEGIN_DECLS

/**
 * SihContactItem:
 * @id: a stable id ("email-or-phone", "error-message", …) that the summary
 *   uses to fill in what is already known
 * @label: what to have ready (translated)
 * @caller_label: (nullable): the same, said of the caller, for the summary
 *   a help desk writes ("…whether the caller can still use it"); the
 *   summary falls back to @label
 */
typedef struct
{
  char    *id;
  SihText  label;
  SihText  caller_label;
} SihContactItem;

/**
 * SihContactRoute:
 * @id: a stable id
 * @title: the route's name (translated)
 * @detail: how to use it (translated)
 * @links: (element-type SihLink): official help pages
 */
typedef struct
{
  char      *id;
  SihText    title;
  SihText    detail;
  GPtrArray *links;
} SihContactRoute;

#define SIH_TYPE_CONTACT (sih_contact_get_type ())

G_DECLARE_FINAL_TYPE (SihContact, sih_contact, SIH, CONTACT, GObject)

const char      *sih_contact_get_intro        (SihContact *self);
guint            sih_contact_get_n_items      (SihContact *self);
SihContactItem  *sih_contact_get_item         (SihContact *self,
                                               guint       position);
guint            sih_contact_get_n_routes     (SihContact *self);
SihContactRoute *sih_contact_get_route        (SihContact *self,
                                               guint       position);
const char      *sih_contact_get_scam_warning (SihContact *self);

G_END_DECLS
