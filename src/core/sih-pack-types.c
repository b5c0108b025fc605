/* sih-pack-types.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "core/sih-pack-types.h"

GType
sih_urgency_get_type (void)
{
  static gsize type_id = 0;

  if (g_once_init_enter (&type_id))
    {
      static const GEnumValue values[] = {
        { SIH_URGENCY_NORMAL, "SIH_URGENCY_NORMAL", "normal" },
        { SIH_URGENCY_HIGH, "SIH_URGENCY_HIGH", "high" },
        { SIH_URGENCY_CRITICAL, "SIH_URGENCY_CRITICAL", "critical" },
        { 0, NULL, NULL }
      };
      GType type = g_enum_register_static ("SihUrgency", values);
      g_once_init_leave (&type_id, type);
    }

  return type_id;
}

GType
sih_step_kind_get_type (void)
{
  static gsize type_id = 0;

  if (g_once_init_enter (&type_id))
    {
      static const GEnumValue values[] = {
        { SIH_STEP_KIND_CHECK, "SIH_STEP_KIND_CHECK", "check" },
        { SIH_STEP_KIND_ACTION, "SIH_STEP_KIND_ACTION", "action" },
        { SIH_STEP_KIND_CONTACT, "SIH_STEP_KIND_CONTACT", "contact" },
        { 0, NULL, NULL }
      };
      GType type = g_enum_register_static ("SihStepKind", values);
      g_once_init_leave (&type_id, type);
    }

  return type_id;
}

void
sih_text_clear (SihText *text)
{
  g_clear_pointer (&text->source, g_free);
  text->text = NULL;
}

G_DEFINE_BOXED_TYPE (SihLink, sih_link, sih_link_copy, sih_link_free)

SihLink *
sih_link_copy (const SihLink *link)
{
  SihLink *copy = g_new0 (SihLink, 1);

  copy->label.source = g_strdup (link->label.source);
  /* A translated text lives in the catalogue; an untranslated one is our copy. */
  copy->label.text = link->label.text == link->label.source ? copy->label.source : link->label.text;
  copy->uri = g_strdup (link->uri);

  return copy;
}

void
sih_link_free (SihLink *link)
{
  if (link == NULL)
    return;

  sih_text_clear (&link->label);
  g_free (link->uri);
  g_free (link);
}

void
sih_error_message_free (SihErrorMessage *message)
{
  if (message == NULL)
    return;

  g_free (message->lang);
  g_free (message->text);
  g_free (message);
}
