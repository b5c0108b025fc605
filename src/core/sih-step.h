/* sih-step.h: one step of a cause's checklist
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "core/sih-pack-types.h"

G_BEGIN_DECLS

#define SIH_TYPE_STEP (sih_step_get_type ())

G_DECLARE_FINAL_TYPE (SihStep, sih_step, SIH, STEP, GObject)

const char *sih_step_get_id                 (SihStep *self);
const char *sih_step_get_title              (SihStep *self);
const char *sih_step_get_title_source       (SihStep *self);
const char *sih_step_get_detail             (SihStep *self);
const char *sih_step_get_detail_source      (SihStep *self);
SihStepKind sih_step_get_kind               (SihStep *self);
const char *sih_step_get_caution            (SihStep *self);
const char *sih_step_get_caller_text        (SihStep *self);
const char *sih_step_get_caller_text_source (SihStep *self);
GPtrArray  *sih_step_get_links              (SihStep *self);

G_END_DECLS
