/* sih-link.h: which links the content may point to
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean             sih_link_is_official          (const char  *uri,
                                                    char       **why);
const char * const  *sih_link_get_official_domains (void);

G_END_DECLS
