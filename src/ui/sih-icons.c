/* sih-icons.c: the icons causes show, and whether a theme has them
 *
 * A pack names its causes' icons; a help desk's pack may name one that the
 * running icon theme does not have (themes drop names between releases:
 * Adwaita 48 has no emblem-documents-symbolic).  Causes are shown with
 * sih_cause_dup_icon(), which falls back to the app's own symbolic icon, and
 * --validate-pack warns about such names with sih_icon_theme_new().
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ui/sih-icons.h"

/**
 * sih_cause_image_new:
 * @cause: a cause
 *
 * Returns: (transfer floating): a decorative image of @cause's icon
 */
GtkWidget *
sih_cause_image_new (SihCause *cause)
{
  GtkWidget *image = sih_decorative_image_new (NULL);

  sih_cause_image_set (GTK_IMAGE (image), cause);
  return image;
}

/**
 * sih_decorative_image_new:
 * @icon_name: (nullable): the icon
 *
 * An image that only decorates, such as the arrow at the end of a row:
 * screen readers skip it (GTK 4.8 would read "GtkImage").
 *
 * Returns: (transfer floating): a new image
 */
GtkWidget *
sih_decorative_image_new (const char *icon_name)
{
  return g_object_new (GTK_TYPE_IMAGE,
                       "icon-name", icon_name,
                       "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                       NULL);
}

/**
 * sih_cause_image_set:
 * @image: an image
 * @cause: a cause
 *
 * Shows @cause's icon in @image.
 */
void
sih_cause_image_set (GtkImage *image,
                     SihCause *cause)
{
  g_autoptr(GIcon) icon = NULL;

  g_return_if_fail (GTK_IS_IMAGE (image));
  g_return_if_fail (SIH_IS_CAUSE (cause));

  icon = sih_cause_dup_icon (cause);
  gtk_image_set_from_gicon (image, icon);
}

/**
 * sih_icon_theme_new:
 *
 * The icon theme the app's windows use (Adwaita, GTK's own icons and the
 * app's resources), made without a display, for checking icon names from
 * the command line.
 *
 * Returns: (transfer full): a new icon theme
 */
GtkIconTheme *
sih_icon_theme_new (void)
{
  GtkIconTheme *theme = gtk_icon_theme_new ();

  gtk_icon_theme_set_theme_name (theme, "Adwaita");
  gtk_icon_theme_add_resource_path (theme, RESOURCE_BASE "/icons");
  return theme;
}
