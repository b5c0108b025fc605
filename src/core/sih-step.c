/* sih-step.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "core/sih-pack-private.h"

G_DEFINE_FINAL_TYPE (SihStep, sih_step, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_DETAIL,
  PROP_CALLER_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
sih_step_finalize (GObject *object)
{
  SihStep *self = (SihStep *)object;

  g_clear_pointer (&self->id, g_free);
  sih_text_clear (&self->title);
  sih_text_clear (&self->detail);
  sih_text_clear (&self->caution);
  sih_text_clear (&self->caller_text);
  g_clear_pointer (&self->links, g_ptr_array_unref);

  G_OBJECT_CLASS (sih_step_parent_class)->finalize (object);
}

static void
sih_step_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  SihStep *self = SIH_STEP (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title.text);
      break;
    case PROP_DETAIL:
      g_value_set_string (value, self->detail.text);
      break;
    case PROP_CALLER_TEXT:
      g_value_set_string (value, self->caller_text.text);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sih_step_class_init (SihStepClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sih_step_finalize;
  object_class->get_property = sih_step_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DETAIL] =
    g_param_spec_string ("detail", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CALLER_TEXT] =
    g_param_spec_string ("caller-text", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sih_step_init (SihStep *self)
{
  self->links = g_ptr_array_new_with_free_func ((GDestroyNotify)sih_link_free);
}

const char *
sih_step_get_id (SihStep *self)
{
  g_return_val_if_fail (SIH_IS_STEP (self), NULL);
  return self->id;
}

const char *
sih_step_get_title (SihStep *self)
{
  g_return_val_if_fail (SIH_IS_STEP (self), NULL);
  return self->title.text;
}

const char *
sih_step_get_title_source (SihStep *self)
{
  g_return_val_if_fail (SIH_IS_STEP (self), NULL);
  return self->title.source;
}

const char *
sih_step_get_detail (SihStep *self)
{
  g_return_val_if_fail (SIH_IS_STEP (self), NULL);
  return self->detail.text;
}

const char *
sih_step_get_detail_source (SihStep *self)
{
  g_return_val_if_fail (SIH_IS_STEP (self), NULL);
  return self->detail.source;
}

SihStepKind
sih_step_get_kind (SihStep *self)
{
  g_return_val_if_fail (SIH_IS_STEP (self), SIH_STEP_KIND_CHECK);
  return self->kind;
}

/**
 * sih_step_get_caution:
 *
 * Returns: (nullable): a warning to read before doing the step
 */
const char *
sih_step_get_caution (SihStep *self)
{
  g_return_val_if_fail (SIH_IS_STEP (self), NULL);
  return self->caution.text;
}

/**
 * sih_step_get_caller_text:
 *
 * The words a help-desk agent reads aloud to a caller for this step (the
 * pack's "say"), written from the same facts as the title and detail,
 * which then serve as the agent's notes.  Optional in every pack.
 *
 * Returns: (nullable): the words to read to a caller, translated
 */
const char *
sih_step_get_caller_text (SihStep *self)
{
  g_return_val_if_fail (SIH_IS_STEP (self), NULL);
  return self->caller_text.text;
}

/**
 * sih_step_get_caller_text_source:
 *
 * Returns: (nullable): the words to read to a caller, as the pack wrote them
 */
const char *
sih_step_get_caller_text_source (SihStep *self)
{
  g_return_val_if_fail (SIH_IS_STEP (self), NULL);
  return self->caller_text.source;
}

/**
 * sih_step_get_links:
 *
 * Returns: (transfer none) (element-type SihLink): official help pages
 */
GPtrArray *
sih_step_get_links (SihStep *self)
{
  g_return_val_if_fail (SIH_IS_STEP (self), NULL);
  return self->links;
}
