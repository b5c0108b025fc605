/* test-error.c: I/O errors remember why they failed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>

#include "core/sih-error.h"

static void
test_error_io_code (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) copy = NULL;

  sih_error_set_io (&error, g_io_error_from_errno (ENOSPC), "%s: %s", "case.json",
                    g_strerror (ENOSPC));
  g_assert_error (error, SIH_ERROR, SIH_ERROR_IO);
  g_assert_cmpint (sih_error_get_io_code (error), ==, G_IO_ERROR_NO_SPACE);
  g_assert_true (g_str_has_prefix (error->message, "case.json: "));

  /* Copies keep it: errors cross threads that way. */
  copy = g_error_copy (error);
  g_assert_cmpint (sih_error_get_io_code (copy), ==, G_IO_ERROR_NO_SPACE);

  /* Nowhere to put it is fine. */
  sih_error_set_io (NULL, G_IO_ERROR_PERMISSION_DENIED, "ignored");
}

static void
test_error_io_code_of_others (void)
{
  g_autoptr(GError) file_error = g_error_new_literal (G_FILE_ERROR, G_FILE_ERROR_ACCES, "no");
  g_autoptr(GError) io_error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_READ_ONLY, "ro");
  g_autoptr(GError) format = g_error_new_literal (SIH_ERROR, SIH_ERROR_FORMAT, "v9");
  g_autoptr(GError) plain_io = g_error_new_literal (SIH_ERROR, SIH_ERROR_IO, "?");

  g_assert_cmpint (sih_error_get_io_code (file_error), ==, G_IO_ERROR_PERMISSION_DENIED);
  g_assert_cmpint (sih_error_get_io_code (io_error), ==, G_IO_ERROR_READ_ONLY);
  g_assert_cmpint (sih_error_get_io_code (format), ==, G_IO_ERROR_FAILED);
  g_assert_cmpint (sih_error_get_io_code (plain_io), ==, G_IO_ERROR_FAILED);
}

/* GLib's message when closing a file fails names no file: the error
 * names it, and keeps the reason's code. */
static void
test_error_io_on_file (void)
{
  g_autoptr(GError) close_error = g_error_new_literal (G_FILE_ERROR, G_FILE_ERROR_NOSPC,
                                                       g_strerror (ENOSPC));
  g_autoptr(GError) create_error = g_error_new (G_FILE_ERROR, G_FILE_ERROR_ROFS,
                                                "Failed to create file “%s”: %s",
                                                "/cases/a.json.X1Y2Z3", g_strerror (EROFS));
  g_autoptr(GError) saved = NULL;
  g_autoptr(GError) plain = NULL;
  g_autoptr(GError) named = NULL;
  g_autoptr(GError) named_plain = NULL;

  sih_error_set_io_on_file (&saved, "Could not save the case", "/cases/a.json", close_error);
  g_assert_error (saved, SIH_ERROR, SIH_ERROR_IO);
  g_assert_cmpint (sih_error_get_io_code (saved), ==, G_IO_ERROR_NO_SPACE);
  g_assert_cmpstr (saved->message, ==, "Could not save the case /cases/a.json: No space left on device");

  sih_error_set_io_on_file (&plain, NULL, "/cases/a.json", close_error);
  g_assert_cmpstr (plain->message, ==, "/cases/a.json: No space left on device");

  /* Named already: not twice. */
  sih_error_set_io_on_file (&named, "Could not save the case", "/cases/a.json", create_error);
  g_assert_cmpint (sih_error_get_io_code (named), ==, G_IO_ERROR_READ_ONLY);
  g_assert_cmpstr (named->message, ==, "Could not save the case: Failed to create file "
                   "“/cases/a.json.X1Y2Z3”: Read-only file system");
  sih_error_set_io_on_file (&named_plain, NULL, "/cases/a.json", create_error);
  g_assert_cmpstr (named_plain->message, ==, create_error->message);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/error/io-code", test_error_io_code);
  g_test_add_func ("/error/io-code-of-others", test_error_io_code_of_others);
  g_test_add_func ("/error/io-on-file", test_error_io_on_file);

  return g_test_run ();
}
