/* sih-test-files.h: a private home, and reading PDFs back, for the tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *sih_test_make_home   (const char *documents);
void  sih_test_remove_home (const char *home,
                            const char *documents);
char *sih_test_run_poppler (const char *program,
                            const char *options,
                            const char *path);

G_END_DECLS
