/* fuzz-case-file.c: the case-file loader, and the round trip
 *
 * A case that loads must serialize, load again and serialize to the same
 * bytes: whatever the app accepts from someone else, it can save and read
 * back without losing or changing anything.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "fuzz-common.h"
#include "core/sih-case-file.h"
#include "core/sih-error.h"
#include "core/sih-json-reader.h"

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  sih_fuzz_init (argc, argv);
  return 0;
}

static void
check_error (SihCase      *c,
             const GError *error)
{
  sih_fuzz_check ((c == NULL) == (error != NULL));
  if (error != NULL)
    {
      sih_fuzz_check (error->domain == SIH_ERROR);
      sih_fuzz_check (g_str_has_prefix (error->message, "fuzz.json: "));
      sih_fuzz_check (g_utf8_validate (error->message, -1, NULL));
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(GBytes) saved_again = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SihCase) c = NULL;
  g_autoptr(SihCase) again = NULL;

  c = sih_case_file_load_bytes (bytes, "fuzz.json", &error);
  check_error (c, error);
  if (c == NULL)
    return 0;

  saved = sih_case_file_to_bytes (c);
  sih_fuzz_check (g_bytes_get_size (saved) <= SIH_JSON_MAX_FILE_SIZE);

  again = sih_case_file_load_bytes (saved, "fuzz.json", &error);
  if (again == NULL)
    {
      g_printerr ("A case that loaded does not load after saving: %s\n%.*s\n", error->message,
                  (int)g_bytes_get_size (saved), (const char *)g_bytes_get_data (saved, NULL));
      sih_fuzz_check (again != NULL);
    }

  saved_again = sih_case_file_to_bytes (again);
  if (!g_bytes_equal (saved, saved_again))
    {
      g_printerr ("Saved once:\n%.*s\nSaved again:\n%.*s\n",
                  (int)g_bytes_get_size (saved), (const char *)g_bytes_get_data (saved, NULL),
                  (int)g_bytes_get_size (saved_again),
                  (const char *)g_bytes_get_data (saved_again, NULL));
      sih_fuzz_check (g_bytes_equal (saved, saved_again));
    }

  return 0;
}
