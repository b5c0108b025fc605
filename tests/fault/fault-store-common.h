/* fault-store-common.h: what the store's fault driver and its harness
 * share: the cases they work on and how the folder's state is read
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <string.h>
#include <sys/stat.h>

#include <glib.h>
#include <glib/gstdio.h>

#include "core/sih-case-file.h"

G_BEGIN_DECLS

#define FAULT_PACK       "test-pack"
#define FAULT_CAUSE      "first"
#define FAULT_STEP       "one"
#define FAULT_CASE_A     "case-a"
#define FAULT_CASE_B     "case-b"
#define FAULT_CASE_C     "case-c"
#define FAULT_CASE_D     "case-d"    /* added behind the index's back */
#define FAULT_CASE_NEW   "case-new"  /* the import of a new case */
#define FAULT_JUNK       "case-junk" /* not a case: set aside, never lost */
#define FAULT_IMPORT     "import.json"
#define FAULT_HANDOVER   "handover.json"

/* Where the driver and the harness keep things, under the run's root. */
#define FAULT_CASES_DIR    "cases"
#define FAULT_HANDOVER_DIR "handover"

static inline gboolean
fault_is_known_id (const char *id)
{
  static const char *const ids[] = {
    FAULT_CASE_A, FAULT_CASE_B, FAULT_CASE_C, FAULT_CASE_D, FAULT_CASE_NEW,
  };

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    if (g_strcmp0 (ids[i], id) == 0)
      return TRUE;
  return FALSE;
}

/* "NAME.XXXXXX" (GLib) or ".NAME.XXXXXX": a temporary file, which a crash
 * or a failed write may leave; it is not a case. */
static inline gboolean
fault_is_temporary (const char *name)
{
  const char *dot = strrchr (name, '.');

  return dot != NULL && strlen (dot + 1) == 6 && !g_str_equal (dot, ".json") && dot != name;
}

static inline int
fault_compare_lines (gconstpointer a,
                     gconstpointer b)
{
  return strcmp (*(char * const *)a, *(char * const *)b);
}

static inline gboolean
fault_describe_dir (GPtrArray   *lines,
                    const char  *root,
                    const char  *relative,
                    GError     **error)
{
  g_autofree char *path = g_build_filename (root, relative, NULL);
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  /* A folder that is not there holds nothing. */
  if (dir == NULL)
    return TRUE;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *file = g_build_filename (path, name, NULL);
      g_autofree char *key = g_build_filename (relative, name, NULL);
      g_autofree char *contents = NULL;
      g_autofree char *sum = NULL;
      g_autoptr(GError) local_error = NULL;
      g_autoptr(SihCase) c = NULL;
      gsize length;
      GStatBuf st;

      if (g_str_equal (name, "index.json") || fault_is_temporary (name))
        continue;
      if (g_lstat (file, &st) != 0)
        continue;
      if (S_ISDIR (st.st_mode))
        {
          if (!fault_describe_dir (lines, root, key, error))
            return FALSE;
          continue;
        }

      c = sih_case_file_load (file, &local_error);
      if (c == NULL)
        {
          /* Only the file that was never a case may be one. */
          if (!g_str_has_prefix (name, FAULT_JUNK) &&
              !g_str_has_prefix (relative, FAULT_CASES_DIR G_DIR_SEPARATOR_S "unreadable"))
            {
              g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED, "%s is damaged: %s", key,
                           local_error->message);
              return FALSE;
            }
          if (!g_file_get_contents (file, &contents, &length, error))
            return FALSE;
          sum = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (guchar *)contents, length);
          g_ptr_array_add (lines, g_strdup_printf ("%s bytes %s mode %o", key, sum,
                                                   st.st_mode & 0777));
          continue;
        }

      /* A copy kept by an import gets an id of its own, new each time. */
      if (!fault_is_known_id (sih_case_get_id (c)))
        {
          g_free (key);
          key = g_build_filename (relative, "(copy)", NULL);
        }
      g_ptr_array_add (lines, g_strdup_printf ("%s case “%s” note “%s” mode %o", key,
                                               sih_case_get_title (c),
                                               sih_case_get_note (c, FAULT_CAUSE, FAULT_STEP),
                                               st.st_mode & 0777));
    }
  return TRUE;
}

/**
 * fault_describe_state:
 * @root: a run's folder
 *
 * Every case file under @root, read with the app's own loader, as one
 * line each (where, title, note, mode), sorted; a file that is not a case
 * (set aside) by its checksum.  Index and temporary files are left out:
 * the index is a cache, checked on its own.
 *
 * Returns: (transfer full) (nullable): the state; %NULL with @error when a
 *   case file is damaged
 */
static inline char *
fault_describe_state (const char  *root,
                      GError     **error)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);

  if (!fault_describe_dir (lines, root, FAULT_CASES_DIR, error) ||
      !fault_describe_dir (lines, root, FAULT_HANDOVER_DIR, error))
    return NULL;
  g_ptr_array_sort (lines, fault_compare_lines);
  g_ptr_array_add (lines, NULL);
  return g_strjoinv ("\n", (char **)lines->pdata);
}

G_END_DECLS
