/* fuzz-search.c: the search matcher
 *
 * One index over the bundled pack (translated into Japanese when
 * $SIH_LOCALEDIR is set, so that both the translation and the English
 * source are searched), built once; every input is a query and a pasted
 * message, as arbitrary bytes: sih_search_index_query(),
 * sih_search_index_match_message() and sih_search_normalize() take any
 * text, valid UTF-8 or not.  The first byte chooses the number of results
 * asked for.  Results must be causes of the pack, best first, with finite
 * scores and the text that matched.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "fuzz-common.h"
#include "core/sih-search.h"

static SihSearchIndex *search_index;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autoptr(SihPack) pack = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  gsize length;
  const char *root = g_getenv ("SIH_SOURCE_ROOT");

  sih_fuzz_init (argc, argv);

  /* Read without GFile: GIO's first use loads the machine's GIO modules,
   * and where a module is newer than GIO's module cache GIO loses one
   * object doing so, which LeakSanitizer would report as this target's. */
  path = g_build_filename (root != NULL ? root : SIH_FUZZ_SOURCE_ROOT,
                           "data", "content", "amazon-signin.json", NULL);
  if (!g_file_get_contents (path, &contents, &length, &error))
    g_error ("%s", error->message);
  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
  pack = sih_pack_new_from_bytes (bytes, path, GETTEXT_PACKAGE, &error);
  if (pack == NULL)
    g_error ("%s", error->message);
  search_index = sih_search_index_new (pack);

  return 0;
}

static void
check_results (GPtrArray *results,
               guint      max_results)
{
  SihPack *pack = sih_search_index_get_pack (search_index);

  sih_fuzz_check (results != NULL);
  sih_fuzz_check (max_results == 0 || results->len <= max_results);

  for (guint i = 0; i < results->len; i++)
    {
      const SihSearchResult *result = g_ptr_array_index (results, i);
      gboolean step = result->match == SIH_SEARCH_MATCH_STEP_TITLE ||
                      result->match == SIH_SEARCH_MATCH_STEP_DETAIL;

      sih_fuzz_check (result->cause != NULL);
      sih_fuzz_check (sih_pack_find_cause (pack, sih_cause_get_id (result->cause)) ==
                      result->cause);
      sih_fuzz_check (isfinite (result->score));
      sih_fuzz_check (result->match <= SIH_SEARCH_MATCH_STEP_DETAIL);
      sih_fuzz_check (result->text != NULL && g_utf8_validate (result->text, -1, NULL));
      sih_fuzz_check (step == (result->step_id != NULL));
      if (step)
        sih_fuzz_check (sih_cause_find_step (result->cause, result->step_id) != NULL);
      if (i > 0)
        sih_fuzz_check (((const SihSearchResult *)g_ptr_array_index (results, i - 1))->score >=
                        result->score);
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GPtrArray) messages = NULL;
  g_autofree char *text = NULL;
  g_autofree char *normalized = NULL;
  guint max_results;

  if (size == 0)
    return 0;
  max_results = data[0] % 8;
  text = g_strndup ((const char *)data + 1, size - 1);

  results = sih_search_index_query (search_index, text, max_results);
  check_results (results, max_results);

  messages = sih_search_index_match_message (search_index, text);
  check_results (messages, 0);

  normalized = sih_search_normalize (text);
  sih_fuzz_check (normalized != NULL);

  return 0;
}
