/* sih-cause.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "core/sih-pack-private.h"

G_DEFINE_FINAL_TYPE (SihCause, sih_cause, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_SUMMARY,
  PROP_ICON_NAME,
  PROP_URGENCY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
clear_text_element (gpointer data)
{
  sih_text_clear (data);
}

static void
sih_cause_finalize (GObject *object)
{
  SihCause *self = (SihCause *)object;

  g_clear_pointer (&self->id, g_free);
  sih_text_clear (&self->title);
  sih_text_clear (&self->summary);
  g_clear_pointer (&self->icon_name, g_free);
  g_clear_pointer (&self->symptoms, g_array_unref);
  g_clear_pointer (&self->error_messages, g_ptr_array_unref);
  g_clear_pointer (&self->steps_by_id, g_hash_table_unref);
  g_clear_object (&self->steps);
  sih_text_clear (&self->escalate);
  g_clear_pointer (&self->related, g_strfreev);

  G_OBJECT_CLASS (sih_cause_parent_class)->finalize (object);
}

static void
sih_cause_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  SihCause *self = SIH_CAUSE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title.text);
      break;
    case PROP_SUMMARY:
      g_value_set_string (value, self->summary.text);
      break;
    case PROP_ICON_NAME:
      g_value_set_string (value, self->icon_name);
      break;
    case PROP_URGENCY:
      g_value_set_enum (value, self->urgency);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sih_cause_class_init (SihCauseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sih_cause_finalize;
  object_class->get_property = sih_cause_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SUMMARY] =
    g_param_spec_string ("summary", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ICON_NAME] =
    g_param_spec_string ("icon-name", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_URGENCY] =
    g_param_spec_enum ("urgency", NULL, NULL, SIH_TYPE_URGENCY, SIH_URGENCY_NORMAL,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sih_cause_init (SihCause *self)
{
  self->symptoms = g_array_new (FALSE, TRUE, sizeof (SihText));
  g_array_set_clear_func (self->symptoms, clear_text_element);
  self->error_messages = g_ptr_array_new_with_free_func ((GDestroyNotify)sih_error_message_free);
  self->steps = g_list_store_new (SIH_TYPE_STEP);
  self->steps_by_id = g_hash_table_new (g_str_hash, g_str_equal);
}

const char *
sih_cause_get_id (SihCause *self)
{
  g_return_val_if_fail (SIH_IS_CAUSE (self), NULL);
  return self->id;
}

const char *
sih_cause_get_title (SihCause *self)
{
  g_return_val_if_fail (SIH_IS_CAUSE (self), NULL);
  return self->title.text;
}

const char *
sih_cause_get_title_source (SihCause *self)
{
  g_return_val_if_fail (SIH_IS_CAUSE (self), NULL);
  return self->title.source;
}

const char *
sih_cause_get_summary (SihCause *self)
{
  g_return_val_if_fail (SIH_IS_CAUSE (self), NULL);
  return self->summary.text;
}

const char *
sih_cause_get_summary_source (SihCause *self)
{
  g_return_val_if_fail (SIH_IS_CAUSE (self), NULL);
  return self->summary.source;
}

const char *
sih_cause_get_icon_name (SihCause *self)
{
  g_return_val_if_fail (SIH_IS_CAUSE (self), NULL);
  return self->icon_name;
}

/* The app's own symbolic icon, in its resources. */
#define FALLBACK_ICON_NAME APPLICATION_ID "-symbolic"

/**
 * sih_cause_dup_icon:
 * @self: a cause
 *
 * The cause's icon, falling back to the app's own symbolic icon (shipped in
 * its resources, so it cannot be missing) when the icon theme has no icon of
 * the name the pack gives, or the pack gives none.
 *
 * Returns: (transfer full): a #GThemedIcon
 */
GIcon *
sih_cause_dup_icon (SihCause *self)
{
  const char *names[] = { self->icon_name, FALLBACK_ICON_NAME, NULL };

  g_return_val_if_fail (SIH_IS_CAUSE (self), NULL);

  if (self->icon_name == NULL)
    return g_themed_icon_new (FALLBACK_ICON_NAME);
  return g_themed_icon_new_from_names ((char **)names, -1);
}

SihUrgency
sih_cause_get_urgency (SihCause *self)
{
  g_return_val_if_fail (SIH_IS_CAUSE (self), SIH_URGENCY_NORMAL);
  return self->urgency;
}

guint
sih_cause_get_n_symptoms (SihCause *self)
{
  g_return_val_if_fail (SIH_IS_CAUSE (self), 0);
  return self->symptoms->len;
}

const char *
sih_cause_get_symptom (SihCause *self,
                       guint     position)
{
  g_return_val_if_fail (SIH_IS_CAUSE (self), NULL);
  g_return_val_if_fail (position < self->symptoms->len, NULL);
  return g_array_index (self->symptoms, SihText, position).text;
}

const char *
sih_cause_get_symptom_source (SihCause *self,
                              guint     position)
{
  g_return_val_if_fail (SIH_IS_CAUSE (self), NULL);
  g_return_val_if_fail (position < self->symptoms->len, NULL);
  return g_array_index (self->symptoms, SihText, position).source;
}

/**
 * sih_cause_get_error_messages:
 *
 * Returns: (transfer none) (element-type SihErrorMessage): messages the
 *   sign-in pages show, verbatim
 */
GPtrArray *
sih_cause_get_error_messages (SihCause *self)
{
  g_return_val_if_fail (SIH_IS_CAUSE (self), NULL);
  return self->error_messages;
}

/**
 * sih_cause_get_steps:
 *
 * Returns: (transfer none): a #GListModel of #SihStep, in order
 */
GListModel *
sih_cause_get_steps (SihCause *self)
{
  g_return_val_if_fail (SIH_IS_CAUSE (self), NULL);
  return G_LIST_MODEL (self->steps);
}

guint
sih_cause_get_n_steps (SihCause *self)
{
  g_return_val_if_fail (SIH_IS_CAUSE (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->steps));
}

/**
 * sih_cause_find_step:
 *
 * Returns: (transfer none) (nullable): the step with @step_id
 */
SihStep *
sih_cause_find_step (SihCause   *self,
                     const char *step_id)
{
  g_return_val_if_fail (SIH_IS_CAUSE (self), NULL);
  g_return_val_if_fail (step_id != NULL, NULL);
  return g_hash_table_lookup (self->steps_by_id, step_id);
}

/**
 * sih_cause_get_step_number:
 * @step_id: a step's id
 *
 * The number the checklist shows for the step: its position in the
 * cause, from 1.
 *
 * Returns: the step's number, or 0 if the cause has no step @step_id
 */
guint
sih_cause_get_step_number (SihCause   *self,
                           const char *step_id)
{
  SihStep *step;
  guint position;

  g_return_val_if_fail (SIH_IS_CAUSE (self), 0);
  g_return_val_if_fail (step_id != NULL, 0);

  step = sih_cause_find_step (self, step_id);
  if (step == NULL || !g_list_store_find (self->steps, step, &position))
    return 0;
  return position + 1;
}

const char *
sih_cause_get_escalate (SihCause *self)
{
  g_return_val_if_fail (SIH_IS_CAUSE (self), NULL);
  return self->escalate.text;
}

/**
 * sih_cause_get_related:
 *
 * Returns: (transfer none): ids of related causes (possibly empty)
 */
const char * const *
sih_cause_get_related (SihCause *self)
{
  g_return_val_if_fail (SIH_IS_CAUSE (self), NULL);
  return (const char * const *)self->related;
}
