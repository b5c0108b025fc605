/* sih-window-private.h: what the window's files share
 *
 * The window is split by concern, as GNOME Text Editor splits its own:
 * sih-window.c (construction, the sidebar, search, the pages and saving)
 * and sih-window-actions.c (the win.* actions and their keys).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "core/sih-search.h"
#include "ui/sih-case-list.h"
#include "ui/sih-cause-page.h"
#include "ui/sih-start-page.h"
#include "ui/sih-triage-page.h"
#include "ui/sih-window.h"

G_BEGIN_DECLS

struct _SihWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;
  SihPack              *pack;
  SihCase              *kase;
  SihCaseStore         *store;
  gboolean              selecting;
  gboolean              save_failed;
  gboolean              quit_unsaved;
  GHashTable           *pending_deletes;  /* ids trashed, waiting for their toast */
  SihSearchIndex       *search_index;
  GListStore           *search_results;   /* SihCause, best first */
  GHashTable           *search_matches;   /* SihCause → what matched (text) */
  GPtrArray            *cause_rows;       /* the sidebar's rows, not owned */
  GtkSliceListModel    *all_causes;       /* every cause, listed a few at a time */
  guint                 listing_id;       /* tick callback growing all_causes */

  AdwToastOverlay      *toast_overlay;
  AdwLeaflet           *leaflet;
  GtkWidget            *sidebar;
  GtkListView          *cause_list;
  GtkSingleSelection   *selection;
  GtkMenuButton        *cases_button;
  GtkToggleButton      *search_button;
  GtkSearchBar         *search_bar;
  GtkSearchEntry       *search_entry;
  GtkStack             *sidebar_stack;
  SihTriagePage        *triage_page;
  SihCaseList          *case_list;
  AdwWindowTitle       *content_title;
  GtkStack             *content_stack;
  SihStartPage         *start_page;
  SihCausePage         *cause_page;
  AdwStatusPage        *error_page;
  AdwToast             *unreadable_toast;  /* while shown */
  AdwToast             *pack_toast;        /* while shown */
  GtkRevealer          *save_banner;
  GtkLabel             *save_banner_label;

  /* Help-desk mode */
  GtkButton            *call_button;
  GtkImage             *call_icon;
  GtkLabel             *call_label;
  GtkButton            *ticket_button;
  guint                 call_tick_id;
  gboolean              call_shown;       /* the button says Stop Call */
  GtkWindow            *ticket_window;    /* weak, while open */
};

void     _sih_window_class_add_actions       (GtkWidgetClass *widget_class);

void     _sih_window_select_position         (SihWindow      *self,
                                              guint           position);
void     _sih_window_show_start              (SihWindow      *self);
void     _sih_window_show_toast              (SihWindow      *self,
                                              const char     *text);
void     _sih_window_open_case               (SihWindow      *self,
                                              const char     *id);
void     _sih_window_delete_case             (SihWindow      *self,
                                              const char     *id);
gboolean _sih_window_help_desk_mode          (SihWindow      *self);
void     _sih_window_watch_help_desk_mode    (SihWindow      *self);
void     _sih_window_update_call             (SihWindow      *self);
char    *_sih_window_dup_call_time           (SihWindow      *self);
void     _sih_window_show_unreadable_details (SihWindow      *self);
void     _sih_window_retry_save              (SihWindow      *self);

G_END_DECLS
