/* sih-error.h: the project's error domain
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define SIH_ERROR (sih_error_quark ())

/**
 * SihError:
 * @SIH_ERROR_IO: the file could not be read or written; sih_error_get_io_code()
 *   says why (%G_IO_ERROR_NO_SPACE, %G_IO_ERROR_PERMISSION_DENIED, …)
 * @SIH_ERROR_TOO_LARGE: a file, string or array exceeds a sane limit
 * @SIH_ERROR_ENCODING: not UTF-8, or starts with a byte-order mark
 * @SIH_ERROR_SYNTAX: not well-formed JSON (the message has line and column)
 * @SIH_ERROR_TOO_DEEP: nested deeper than any real document
 * @SIH_ERROR_FORMAT: an unknown `format` version
 * @SIH_ERROR_MISSING: a required member is missing or empty
 * @SIH_ERROR_TYPE: a member has the wrong JSON type
 * @SIH_ERROR_INVALID_VALUE: a value is not one of the allowed ones
 * @SIH_ERROR_DUPLICATE: an id appears twice
 * @SIH_ERROR_REFERENCE: a reference to an id that does not exist
 * @SIH_ERROR_LINK: a link is not https:// to an official host
 * @SIH_ERROR_NOT_FOUND: the requested object does not exist
 * @SIH_ERROR_NOT_A_CASE: the file is JSON, but not a Sign-in Helper case
 */
typedef enum
{
  SIH_ERROR_IO,
  SIH_ERROR_TOO_LARGE,
  SIH_ERROR_ENCODING,
  SIH_ERROR_SYNTAX,
  SIH_ERROR_TOO_DEEP,
  SIH_ERROR_FORMAT,
  SIH_ERROR_MISSING,
  SIH_ERROR_TYPE,
  SIH_ERROR_INVALID_VALUE,
  SIH_ERROR_DUPLICATE,
  SIH_ERROR_REFERENCE,
  SIH_ERROR_LINK,
  SIH_ERROR_NOT_FOUND,
  SIH_ERROR_NOT_A_CASE,
} SihError;

GQuark       sih_error_quark       (void);

void         sih_error_set_io      (GError       **error,
                                    GIOErrorEnum   io_code,
                                    const char    *format,
                                    ...) G_GNUC_PRINTF (3, 4);
void         sih_error_set_io_on_file (GError       **error,
                                       const char    *what,
                                       const char    *path,
                                       const GError  *cause);
GIOErrorEnum sih_error_get_io_code (const GError  *error);

G_END_DECLS
