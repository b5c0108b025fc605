/* fuzz-os-release.c: the os-release parser
 *
 * The parser takes any bytes.  Whatever it returns has the defaults filled
 * in, keys as os-release(5) allows them and values in valid UTF-8; and a
 * length-delimited buffer parses like the same text NUL-terminated (the
 * text ends at the first NUL either way).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "fuzz-common.h"
#include "core/sih-device-info.h"

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  sih_fuzz_init (argc, argv);
  return 0;
}

static void
check_fields (GHashTable *fields)
{
  GHashTableIter iter;
  const char *key, *value;

  sih_fuzz_check (fields != NULL);
  sih_fuzz_check (g_hash_table_lookup (fields, "NAME") != NULL);
  sih_fuzz_check (g_hash_table_lookup (fields, "ID") != NULL);
  sih_fuzz_check (g_hash_table_lookup (fields, "PRETTY_NAME") != NULL);

  g_hash_table_iter_init (&iter, fields);
  while (g_hash_table_iter_next (&iter, (gpointer *)&key, (gpointer *)&value))
    {
      sih_fuzz_check (key[0] != '\0');
      for (const char *p = key; *p != '\0'; p++)
        sih_fuzz_check (g_ascii_isupper (*p) || *p == '_' || (p > key && g_ascii_isdigit (*p)));
      sih_fuzz_check (g_utf8_validate (value, -1, NULL));
    }
}

static gboolean
same_fields (GHashTable *a,
             GHashTable *b)
{
  GHashTableIter iter;
  const char *key, *value;

  if (g_hash_table_size (a) != g_hash_table_size (b))
    return FALSE;
  g_hash_table_iter_init (&iter, a);
  while (g_hash_table_iter_next (&iter, (gpointer *)&key, (gpointer *)&value))
    if (g_strcmp0 (value, g_hash_table_lookup (b, key)) != 0)
      return FALSE;
  return TRUE;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GHashTable) fields = NULL;
  g_autoptr(GHashTable) terminated_fields = NULL;
  /* libFuzzer never passes NULL, but the replay tests do for an empty
   * file, as the parser allows. */
  g_autofree char *terminated = g_strndup (size > 0 ? (const char *)data : "", size);

  fields = sih_os_release_parse ((const char *)data, size);
  check_fields (fields);

  terminated_fields = sih_os_release_parse (terminated, -1);
  check_fields (terminated_fields);
  sih_fuzz_check (same_fields (fields, terminated_fields));

  return 0;
}
