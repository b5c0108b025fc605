/* sih-detail.c: the details chosen from a list, and their values
 *
 * One table says which values each such detail takes: the Details form
 * offers them, and a pack's triage answers may name them (the loader
 * checks that they exist).  sih_detail_get_kind() says which details are
 * contact fields, masked whole wherever the case is shared.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "core/sih-detail.h"

static const char * const device_types[] = { "pc", "phone", "tablet", NULL };
static const char * const places[] = {
  "website", "shopping-app", "seller-central", "prime-video", "business", NULL,
};
static const char * const changes[] = { "new-phone", "new-number", "new-email", "new-password", NULL };

static const SihDetailChoice choices[] = {
  { SIH_DETAIL_DEVICE_TYPE, FALSE, device_types },
  { SIH_DETAIL_WHERE, FALSE, places },
  { SIH_DETAIL_CHANGES, TRUE, changes },
};

/**
 * sih_detail_get_kind:
 * @key: a detail's key
 *
 * Returns: what the detail holds: a contact field, a choice, or free text
 */
SihDetailKind
sih_detail_get_kind (const char *key)
{
  g_return_val_if_fail (key != NULL, SIH_DETAIL_KIND_TEXT);

  if (g_str_equal (key, SIH_DETAIL_ACCOUNT_EMAIL))
    return SIH_DETAIL_KIND_EMAIL;
  if (g_str_equal (key, SIH_DETAIL_ACCOUNT_PHONE))
    return SIH_DETAIL_KIND_PHONE;
  if (sih_detail_choice_lookup (key) != NULL)
    return SIH_DETAIL_KIND_CHOICE;
  return SIH_DETAIL_KIND_TEXT;
}

/**
 * sih_detail_get_choices:
 * @n_choices: (out): how many there are
 *
 * Returns: (array length=n_choices): every detail chosen from a list
 */
const SihDetailChoice *
sih_detail_get_choices (guint *n_choices)
{
  g_return_val_if_fail (n_choices != NULL, NULL);

  *n_choices = G_N_ELEMENTS (choices);
  return choices;
}

/**
 * sih_detail_choice_lookup:
 * @key: (nullable): a detail's key
 *
 * Returns: (nullable): the detail's values, or %NULL if it is not chosen
 *   from a list
 */
const SihDetailChoice *
sih_detail_choice_lookup (const char *key)
{
  for (guint i = 0; key != NULL && i < G_N_ELEMENTS (choices); i++)
    if (g_str_equal (key, choices[i].key))
      return &choices[i];
  return NULL;
}

/**
 * sih_detail_choice_knows:
 * @value: a value
 *
 * Returns: whether @value is one of those the app offers for the detail
 */
gboolean
sih_detail_choice_knows (const SihDetailChoice *choice,
                         const char            *value)
{
  g_return_val_if_fail (choice != NULL, FALSE);

  return value != NULL && g_strv_contains ((const char * const *)choice->values, value);
}

/**
 * sih_detail_list_contains:
 * @list: (nullable): comma-separated values, as a detail that holds a
 *   set stores them ("new-phone,new-password")
 * @value: a value
 *
 * Returns: whether @value is one of @list's, spaces around it ignored
 */
gboolean
sih_detail_list_contains (const char *list,
                          const char *value)
{
  g_auto(GStrv) tokens = NULL;

  g_return_val_if_fail (value != NULL, FALSE);

  if (list == NULL)
    return FALSE;
  tokens = g_strsplit (list, ",", -1);
  for (guint i = 0; tokens[i] != NULL; i++)
    if (g_str_equal (g_strstrip (tokens[i]), value))
      return TRUE;
  return FALSE;
}

/**
 * sih_detail_has_value:
 * @key: the detail's key
 * @stored: (nullable): what the case holds for it
 * @value: a value
 *
 * Whether the detail, as stored, has @value: is it, or for a detail that
 * holds a set, includes it.  Values the app does not know (from a newer
 * version) count like any other.
 *
 * Returns: %TRUE if @stored has @value
 */
gboolean
sih_detail_has_value (const char *key,
                      const char *stored,
                      const char *value)
{
  const SihDetailChoice *choice = sih_detail_choice_lookup (key);

  g_return_val_if_fail (value != NULL, FALSE);

  if (stored == NULL)
    return FALSE;
  if (choice != NULL && choice->multiple)
    return sih_detail_list_contains (stored, value);
  return g_str_equal (stored, value);
}
