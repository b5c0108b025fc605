/* sih-secret-warning.h: "this looks like a password or a code", at the field
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SIH_TYPE_SECRET_WARNING (sih_secret_warning_get_type ())

G_DECLARE_FINAL_TYPE (SihSecretWarning, sih_secret_warning, SIH, SECRET_WARNING, AdwBin)

GtkWidget *sih_secret_warning_new       (GtkWidget        *field);
GtkWidget *sih_secret_warning_get_field (SihSecretWarning *self);
void       sih_secret_warning_set_field (SihSecretWarning *self,
                                         GtkWidget        *field);
void       sih_secret_warning_set_field_description (SihSecretWarning *self,
                                                     const char       *description);
gboolean   sih_secret_warning_get_found (SihSecretWarning *self);
void       sih_secret_warning_check     (SihSecretWarning *self);
void       sih_secret_warning_remove    (SihSecretWarning *self);
void              sih_secret_warning_undo   (SihSecretWarning *self);

G_END_DECLS
