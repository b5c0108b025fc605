/* sih-pack-types.h: small value types shared by the pack objects
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "core/sih-enums.h"

G_BEGIN_DECLS

typedef enum
{
  SIH_URGENCY_NORMAL,
  SIH_URGENCY_HIGH,
  SIH_URGENCY_CRITICAL,
} SihUrgency;

typedef enum
{
  SIH_STEP_KIND_CHECK,
  SIH_STEP_KIND_ACTION,
  SIH_STEP_KIND_CONTACT,
} SihStepKind;

#define SIH_TYPE_LINK      (sih_link_get_type ())

/* A translatable string: the pack's source text and what the user sees.
 * @text points either at @source or into the message catalogue. */
typedef struct
{
  char       *source;
  const char *text;
} SihText;

void sih_text_clear (SihText *text);

/**
 * SihLink:
 * @label: what the user reads (translated)
 * @uri: an https address on an official host
 */
typedef struct
{
  SihText  label;
  char    *uri;
} SihLink;

GType    sih_link_get_type (void) G_GNUC_CONST;
SihLink *sih_link_copy     (const SihLink *link);
void     sih_link_free     (SihLink       *link);

/**
 * SihErrorMessage:
 * @lang: the language the sign-in page shows it in ("ja", "en")
 * @text: the message verbatim (never translated)
 */
typedef struct
{
  char *lang;
  char *text;
} SihErrorMessage;

void sih_error_message_free (SihErrorMessage *message);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SihLink, sih_link_free)

G_END_DECLS
