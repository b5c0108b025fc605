/* sih-contact.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "core/sih-pack-private.h"

G_DEFINE_FINAL_TYPE (SihContact, sih_contact, G_TYPE_OBJECT)

void
sih_contact_item_free (SihContactItem *item)
{
  if (item == NULL)
    return;
  g_free (item->id);
  sih_text_clear (&item->label);
  sih_text_clear (&item->caller_label);
  g_free (item);
}

void
sih_contact_route_free (SihContactRoute *route)
{
  if (route == NULL)
    return;
  g_free (route->id);
  sih_text_clear (&route->title);
  sih_text_clear (&route->detail);
  g_clear_pointer (&route->links, g_ptr_array_unref);
  g_free (route);
}

static void
sih_contact_finalize (GObject *object)
{
  SihContact *self = (SihContact *)object;

  sih_text_clear (&self->intro);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->routes, g_ptr_array_unref);
  sih_text_clear (&self->scam_warning);

  G_OBJECT_CLASS (sih_contact_parent_class)->finalize (object);
}

static void
sih_contact_class_init (SihContactClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sih_contact_finalize;
}

static void
sih_contact_init (SihContact *self)
{
  self->items = g_ptr_array_new_with_free_func ((GDestroyNotify)sih_contact_item_free);
  self->routes = g_ptr_array_new_with_free_func ((GDestroyNotify)sih_contact_route_free);
}

const char *
sih_contact_get_intro (SihContact *self)
{
  g_return_val_if_fail (SIH_IS_CONTACT (self), NULL);
  return self->intro.text;
}

guint
sih_contact_get_n_items (SihContact *self)
{
  g_return_val_if_fail (SIH_IS_CONTACT (self), 0);
  return self->items->len;
}

SihContactItem *
sih_contact_get_item (SihContact *self,
                      guint       position)
{
  g_return_val_if_fail (SIH_IS_CONTACT (self), NULL);
  g_return_val_if_fail (position < self->items->len, NULL);
  return g_ptr_array_index (self->items, position);
}

guint
sih_contact_get_n_routes (SihContact *self)
{
  g_return_val_if_fail (SIH_IS_CONTACT (self), 0);
  return self->routes->len;
}

SihContactRoute *
sih_contact_get_route (SihContact *self,
                       guint       position)
{
  g_return_val_if_fail (SIH_IS_CONTACT (self), NULL);
  g_return_val_if_fail (position < self->routes->len, NULL);
  return g_ptr_array_index (self->routes, position);
}

const char *
sih_contact_get_scam_warning (SihContact *self)
{
  g_return_val_if_fail (SIH_IS_CONTACT (self), NULL);
  return self->scam_warning.text;
}
