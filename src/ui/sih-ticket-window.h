/* sih-ticket-window.h: a help-desk case's ticket, caller, status and calls
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "core/sih-case.h"
#include "core/sih-pack.h"

G_BEGIN_DECLS

#define SIH_TYPE_TICKET_WINDOW (sih_ticket_window_get_type ())

G_DECLARE_FINAL_TYPE (SihTicketWindow, sih_ticket_window, SIH, TICKET_WINDOW, AdwPreferencesWindow)

SihTicketWindow *sih_ticket_window_new         (GtkWindow       *parent,
                                                SihPack         *pack,
                                                SihCase         *kase);
SihCase         *sih_ticket_window_get_case    (SihTicketWindow *self);
GtkWidget       *sih_ticket_window_get_status_row (SihTicketWindow *self,
                                                SihStatus        status);
GtkWidget       *sih_ticket_window_get_route_row  (SihTicketWindow *self,
                                                const char      *route_id);

G_END_DECLS
