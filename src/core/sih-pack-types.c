/* sih-pack-types.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "core/sih-pack-types.h"

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
