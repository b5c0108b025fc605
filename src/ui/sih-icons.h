/* sih-icons.h: the icons causes show, and whether a theme has them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "core/sih-cause.h"

G_BEGIN_DECLS

GtkWidget    *sih_cause_image_new       (SihCause     *cause);
GtkWidget    *sih_decorative_image_new  (const char   *icon_name);
void          sih_cause_image_set       (GtkImage     *image,
                                         SihCause     *cause);
GtkIconTheme *sih_icon_theme_new        (void);

G_END_DECLS
