/* sih-test-locale.h: run a test in a real locale, as people run the app
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean sih_test_language_available (const char *language);
gboolean sih_test_use_language       (const char *language);
void     sih_test_init_translations  (void);

G_END_DECLS
