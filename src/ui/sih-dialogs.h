/* sih-dialogs.h: alerts (questions and error messages)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* An AdwAlertDialog where libadwaita has it (1.5 and later), otherwise an
 * AdwMessageDialog; both emit "response" (self, const char *response). */
typedef GObject SihAlert;

SihAlert             *sih_alert_new                      (const char            *heading,
                                                          const char            *body);
void                  sih_alert_add_response             (SihAlert              *alert,
                                                          const char            *id,
                                                          const char            *label,
                                                          AdwResponseAppearance  appearance);
void                  sih_alert_set_default_response     (SihAlert              *alert,
                                                          const char            *id);
void                  sih_alert_set_close_response       (SihAlert              *alert,
                                                          const char            *id);
void                  sih_alert_set_extra_child          (SihAlert              *alert,
                                                          GtkWidget             *child);
void                  sih_alert_present                  (SihAlert              *alert,
                                                          GtkWidget             *parent);

const char           *sih_alert_get_body                 (SihAlert              *alert);
const char           *sih_alert_get_default_response     (SihAlert              *alert);
AdwResponseAppearance sih_alert_get_response_appearance  (SihAlert              *alert,
                                                          const char            *id);
void                  sih_alert_respond                  (SihAlert              *alert,
                                                          const char            *id);
SihAlert             *sih_alert_get_visible              (GtkWidget             *parent);

void                  sih_show_error_dialog              (GtkWidget             *parent,
                                                          const char            *heading,
                                                          const char            *body);

G_END_DECLS
