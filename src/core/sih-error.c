/* sih-error.c: the project's error domain
 *
 * An extended error domain: a %SIH_ERROR_IO error also carries the
 * #GIOErrorEnum of what failed underneath, so that callers (and people)
 * can tell a full disk from a folder they may not write to.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "core/sih-error.h"

typedef struct
{
  GIOErrorEnum io_code;
} SihErrorPrivate;

static void
sih_error_private_init (SihErrorPrivate *priv)
{
  priv->io_code = G_IO_ERROR_FAILED;
}

static void
sih_error_private_copy (const SihErrorPrivate *src,
                        SihErrorPrivate       *dest)
{
  dest->io_code = src->io_code;
}

static void
sih_error_private_clear (SihErrorPrivate *priv)
{
}

G_DEFINE_EXTENDED_ERROR (SihError, sih_error)

/**
 * sih_error_set_io:
 * @error: (nullable): where to put the error
 * @io_code: why the I/O failed
 * @format: the message, printf-style
 *
 * Sets a %SIH_ERROR_IO error that remembers @io_code.
 */
void
sih_error_set_io (GError       **error,
                  GIOErrorEnum   io_code,
                  const char    *format,
                  ...)
{
  GError *new_error;
  va_list args;

  if (error == NULL)
    return;

  va_start (args, format);
  new_error = g_error_new_valist (SIH_ERROR, SIH_ERROR_IO, format, args);
  va_end (args);

  sih_error_get_private (new_error)->io_code = io_code;
  g_propagate_error (error, new_error);
}

/**
 * sih_error_get_io_code:
 * @error: an error
 *
 * Returns: why the I/O behind @error failed: the code of a %SIH_ERROR_IO
 *   error, of a %G_IO_ERROR, or of a %G_FILE_ERROR as a #GIOErrorEnum;
 *   %G_IO_ERROR_FAILED for anything else
 */
GIOErrorEnum
sih_error_get_io_code (const GError *error)
{
  g_return_val_if_fail (error != NULL, G_IO_ERROR_FAILED);

  if (error->domain == SIH_ERROR)
    return error->code == SIH_ERROR_IO ? sih_error_get_private (error)->io_code
                                       : G_IO_ERROR_FAILED;
  if (error->domain == G_IO_ERROR)
    return error->code;
  if (error->domain == G_FILE_ERROR)
    return g_io_error_from_file_error (error->code);
  return G_IO_ERROR_FAILED;
}

/**
 * sih_error_set_io_on_file:
 * @error: (nullable): where to put the error
 * @what: (nullable): what was being done, "Could not save the case"
 * @path: the file it was done to
 * @cause: what GLib said; its code is kept
 *
 * Sets a %SIH_ERROR_IO error that names the file, whatever GLib said.
 * GLib names the file (or the temporary file beside it) in most of its
 * messages, but not when closing it fails: then its message is only
 * "No space left on device", and the person cannot tell which file.
 */
void
sih_error_set_io_on_file (GError       **error,
                          const char    *what,
                          const char    *path,
                          const GError  *cause)
{
  g_autofree char *folder = NULL;
  gboolean named;

  g_return_if_fail (path != NULL);
  g_return_if_fail (cause != NULL);

  folder = g_path_get_dirname (path);
  named = strstr (cause->message, folder) != NULL;
  if (what != NULL && named)
    sih_error_set_io (error, sih_error_get_io_code (cause), "%s: %s", what, cause->message);
  else if (what != NULL)
    sih_error_set_io (error, sih_error_get_io_code (cause), "%s %s: %s", what, path, cause->message);
  else if (named)
    sih_error_set_io (error, sih_error_get_io_code (cause), "%s", cause->message);
  else
    sih_error_set_io (error, sih_error_get_io_code (cause), "%s: %s", path, cause->message);
}
