/* sih-ticket-window.c
 *
 * Help-desk mode: the case's ticket and caller, its status (the rows come
 * from the table in core/sih-status.c: one radio row a status; the pack's
 * official routes for an escalation; a time to call back), and the calls
 * it holds.  Everything is written into the case as it is chosen or typed
 * (the store saves it): the ticket and the caller at each change, a status
 * when it is chosen, its reason and call-back time on Enter and when the
 * window closes.  The window keeps nothing of its own.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "core/sih-time.h"
#include "ui/sih-accessible.h"
#include "ui/sih-text-widgets.h"
#include "ui/sih-ticket-window.h"

struct _SihTicketWindow
{
  AdwPreferencesWindow  parent_instance;

  SihPack              *pack;
  SihCase              *kase;
  gboolean              loading;     /* showing the case, not changing it */

  AdwEntryRow          *ticket_row;
  AdwEntryRow          *caller_name_row;
  AdwEntryRow          *caller_contact_row;
  GtkLabel             *contact_caption;
  AdwPreferencesGroup  *status_group;
  AdwPreferencesGroup  *route_group;
  AdwPreferencesGroup  *call_back_group;
  AdwEntryRow          *call_back_row;
  GtkLabel             *call_back_caption;
  AdwEntryRow          *reason_row;
  GtkLabel             *reason_caption;
  AdwPreferencesGroup  *calls_group;
  GtkListBox           *calls_list;

  GtkWidget            *status_rows[SIH_N_STATUSES];
  GtkCheckButton       *status_checks[SIH_N_STATUSES];
  GPtrArray            *route_checks;  /* GtkCheckButton, route id as "sih-route" */
};

G_DEFINE_FINAL_TYPE (SihTicketWindow, sih_ticket_window, ADW_TYPE_PREFERENCES_WINDOW)

static SihStatus
chosen_status (SihTicketWindow *self)
{
  for (guint i = 0; i < SIH_N_STATUSES; i++)
    if (gtk_check_button_get_active (self->status_checks[i]))
      return i;
  return sih_case_get_status (self->kase);
}

static const char *
chosen_route (SihTicketWindow *self)
{
  for (guint i = 0; i < self->route_checks->len; i++)
    if (gtk_check_button_get_active (self->route_checks->pdata[i]))
      return g_object_get_data (self->route_checks->pdata[i], "sih-route");
  return NULL;
}

static void
show_call_back_hint (SihTicketWindow *self,
                     gboolean         error)
{
  const char *text;

  if (error)
    text = _("This is not a date and time. Write it as 2026-12-07 14:30, or 14:30 for today.");
  else
    text = _("For example 2026-12-07 14:30, or 14:30 for today. Press Enter to record it.");
  gtk_label_set_text (self->call_back_caption, text);
  sih_accessible_set_description (GTK_WIDGET (self->call_back_row), text);
  if (error)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->call_back_caption), "error");
      gtk_widget_remove_css_class (GTK_WIDGET (self->call_back_caption), "dim-label");
      gtk_widget_add_css_class (GTK_WIDGET (self->call_back_row), "error");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->call_back_caption), "error");
      gtk_widget_add_css_class (GTK_WIDGET (self->call_back_caption), "dim-label");
      gtk_widget_remove_css_class (GTK_WIDGET (self->call_back_row), "error");
    }
}

/* Only what goes with the chosen status is shown (the table says which). */
static void
update_visible (SihTicketWindow *self)
{
  const SihStatusInfo *info = sih_status_get_info (chosen_status (self));

  gtk_widget_set_visible (GTK_WIDGET (self->route_group), info->has_route && self->route_checks->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->call_back_group), info->has_time);
}

/* Writes the chosen status, with its reason, route and time, into the
 * case; the case records it in the history only when something changed. */
static void
commit_status (SihTicketWindow *self)
{
  const SihStatusInfo *info;
  g_autofree char *reason = NULL;
  g_autoptr(GDateTime) call_back = NULL;
  SihStatus status;

  if (self->loading || self->kase == NULL)
    return;

  status = chosen_status (self);
  info = sih_status_get_info (status);
  reason = sih_text_widget_dup_text (GTK_WIDGET (self->reason_row));
  if (info->has_time)
    {
      g_autofree char *text = sih_text_widget_dup_text (GTK_WIDGET (self->call_back_row));
      g_autoptr(GDateTime) now = sih_case_now (self->kase);

      if (text != NULL && *g_strstrip (text) != '\0')
        {
          call_back = sih_time_parse_local (text, now);
          show_call_back_hint (self, call_back == NULL);
          /* Said at once, not only when the field is read again. */
          if (call_back == NULL)
            sih_accessible_announce (GTK_WIDGET (self->call_back_row),
                                     gtk_label_get_text (self->call_back_caption));
          /* What was there stays until the time is written so it reads. */
          if (call_back == NULL && sih_case_get_call_back (self->kase) != NULL)
            call_back = g_date_time_ref (sih_case_get_call_back (self->kase));
        }
      else
        show_call_back_hint (self, FALSE);
    }

  self->loading = TRUE;
  sih_case_set_status (self->kase, status, reason, info->has_route ? chosen_route (self) : NULL,
                       call_back);
  self->loading = FALSE;
}

static void
status_toggled_cb (SihTicketWindow *self,
                   GParamSpec      *pspec,
                   GtkCheckButton  *check)
{
  if (!gtk_check_button_get_active (check))
    return;
  update_visible (self);
  commit_status (self);
}

static void
status_apply_cb (SihTicketWindow *self)
{
  commit_status (self);
}

static void
ticket_changed_cb (SihTicketWindow *self)
{
  g_autofree char *text = sih_text_widget_dup_text (GTK_WIDGET (self->ticket_row));

  if (!self->loading && self->kase != NULL)
    sih_case_set_ticket (self->kase, text);
}

static void
caller_name_changed_cb (SihTicketWindow *self)
{
  g_autofree char *text = sih_text_widget_dup_text (GTK_WIDGET (self->caller_name_row));

  if (!self->loading && self->kase != NULL)
    sih_case_set_caller_name (self->kase, text);
}

static void
caller_contact_changed_cb (SihTicketWindow *self)
{
  g_autofree char *text = sih_text_widget_dup_text (GTK_WIDGET (self->caller_contact_row));

  if (!self->loading && self->kase != NULL)
    sih_case_set_caller_contact (self->kase, text);
}

/* libadwaita 1.2 leaves an entry row's apply button without a name. */
static void
name_apply_button (GtkWidget  *widget,
                   const char *label)
{
  if (GTK_IS_BUTTON (widget))
    {
      sih_accessible_set_label (widget, label);
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    name_apply_button (child, label);
}

static GtkWidget *
new_radio_row (const char     *title,
               const char     *subtitle,
               GtkCheckButton *group,
               GtkCheckButton **check_out)
{
  GtkWidget *row = g_object_new (ADW_TYPE_ACTION_ROW,
                                 "accessible-role", GTK_ACCESSIBLE_ROLE_RADIO,
                                 "title", title,
                                 "use-markup", FALSE,
                                 NULL);
  GtkWidget *check = gtk_check_button_new ();

  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  if (group != NULL)
    gtk_check_button_set_group (GTK_CHECK_BUTTON (check), group);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  /* One radio button to a screen reader, and one Tab stop. */
  sih_toggle_row_set_toggle (ADW_ACTION_ROW (row), check);
  *check_out = GTK_CHECK_BUTTON (check);
  return row;
}

/* The calls, oldest first: when each started, how long it took, who took it. */
static void
update_calls (SihTicketWindow *self)
{
  GPtrArray *calls = sih_case_get_calls (self->kase);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->calls_list))) != NULL)
    gtk_list_box_remove (self->calls_list, child);

  gtk_widget_set_visible (GTK_WIDGET (self->calls_list), calls->len > 0);
  adw_preferences_group_set_description (self->calls_group,
                                         calls->len == 0
                                         ? _("No calls yet. Start one with the clock in the header bar, or Ctrl+Shift+C.")
                                         : NULL);

  for (guint i = 0; i < calls->len; i++)
    {
      const SihCall *call = calls->pdata[i];
      g_autofree char *start = sih_time_format_date_time (call->start);
      g_autofree char *length = NULL;
      g_autofree char *subtitle = NULL;
      GtkWidget *row;

      if (call->end != NULL)
        {
          g_autoptr(GDateTime) end = g_date_time_to_local (call->end);
          g_autofree char *until = g_date_time_format (end, "%H:%M");
          g_autofree char *duration = sih_time_format_duration (g_date_time_difference (call->end, call->start));

          /* Translators: a call in the list of calls: when it ended and how
           * long it took, "until 14:15, 12 minutes 4 seconds" */
          length = g_strdup_printf (_("until %s, %s"), until, duration);
        }
      else
        length = g_strdup (_("running"));

      if (call->agent != NULL)
        /* Translators: a call in the list of calls: how long it took and who
         * took it, "until 14:15, 12 minutes 4 seconds · Sato Ken" */
        subtitle = g_strdup_printf (_("%s · %s"), length, call->agent);
      else
        subtitle = g_steal_pointer (&length);

      row = g_object_new (ADW_TYPE_ACTION_ROW, "title", start, "subtitle", subtitle,
                          "use-markup", FALSE, NULL);
      /* GTK 4.8 names the row by its title only: the rest is read after it. */
      sih_accessible_set_description (row, subtitle);
      gtk_list_box_append (self->calls_list, row);
    }
}

/* Shows what the case holds; the fields being typed in are left alone. */
static void
load_status (SihTicketWindow *self)
{
  SihStatus status = sih_case_get_status (self->kase);
  const char *route = sih_case_get_escalation_route (self->kase);

  self->loading = TRUE;
  gtk_check_button_set_active (self->status_checks[status], TRUE);
  for (guint i = 0; i < self->route_checks->len; i++)
    {
      GtkCheckButton *check = self->route_checks->pdata[i];

      gtk_check_button_set_active (check, g_strcmp0 (g_object_get_data (G_OBJECT (check), "sih-route"),
                                                     route) == 0);
    }
  self->loading = FALSE;
  update_visible (self);
}

static void
case_changed_cb (SihTicketWindow *self)
{
  if (!self->loading)
    load_status (self);
  update_calls (self);
}

/* A reason or a time typed and not yet recorded with Enter is recorded
 * when the window closes. */
static gboolean
sih_ticket_window_close_request (GtkWindow *window)
{
  SihTicketWindow *self = SIH_TICKET_WINDOW (window);

  commit_status (self);
  return GTK_WINDOW_CLASS (sih_ticket_window_parent_class)->close_request (window);
}

static void
sih_ticket_window_dispose (GObject *object)
{
  SihTicketWindow *self = SIH_TICKET_WINDOW (object);

  if (self->kase != NULL)
    g_signal_handlers_disconnect_by_data (self->kase, self);
  g_clear_object (&self->kase);
  g_clear_object (&self->pack);
  g_clear_pointer (&self->route_checks, g_ptr_array_unref);

  G_OBJECT_CLASS (sih_ticket_window_parent_class)->dispose (object);
}

static void
sih_ticket_window_class_init (SihTicketWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = sih_ticket_window_dispose;
  window_class->close_request = sih_ticket_window_close_request;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/sih-ticket-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SihTicketWindow, ticket_row);
  gtk_widget_class_bind_template_child (widget_class, SihTicketWindow, caller_name_row);
  gtk_widget_class_bind_template_child (widget_class, SihTicketWindow, caller_contact_row);
  gtk_widget_class_bind_template_child (widget_class, SihTicketWindow, contact_caption);
  gtk_widget_class_bind_template_child (widget_class, SihTicketWindow, status_group);
  gtk_widget_class_bind_template_child (widget_class, SihTicketWindow, route_group);
  gtk_widget_class_bind_template_child (widget_class, SihTicketWindow, call_back_group);
  gtk_widget_class_bind_template_child (widget_class, SihTicketWindow, call_back_row);
  gtk_widget_class_bind_template_child (widget_class, SihTicketWindow, call_back_caption);
  gtk_widget_class_bind_template_child (widget_class, SihTicketWindow, reason_row);
  gtk_widget_class_bind_template_child (widget_class, SihTicketWindow, reason_caption);
  gtk_widget_class_bind_template_child (widget_class, SihTicketWindow, calls_group);
  gtk_widget_class_bind_template_child (widget_class, SihTicketWindow, calls_list);
  gtk_widget_class_bind_template_callback (widget_class, ticket_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, caller_name_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, caller_contact_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, status_apply_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}

static void
sih_ticket_window_init (SihTicketWindow *self)
{
  GtkCheckButton *group = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->route_checks = g_ptr_array_new ();

  /* One radio row a status, from the table. */
  for (guint i = 0; i < SIH_N_STATUSES; i++)
    {
      self->status_rows[i] = new_radio_row (sih_status_get_label (i), NULL, group,
                                            &self->status_checks[i]);
      if (group == NULL)
        group = self->status_checks[i];
      g_signal_connect_object (self->status_checks[i], "notify::active",
                               G_CALLBACK (status_toggled_cb), self, G_CONNECT_SWAPPED);
      adw_preferences_group_add (self->status_group, self->status_rows[i]);
    }
  /* The reason (from the template) after the statuses it goes with. */
  g_object_ref (self->reason_row);
  adw_preferences_group_remove (self->status_group, GTK_WIDGET (self->reason_row));
  adw_preferences_group_add (self->status_group, GTK_WIDGET (self->reason_row));
  g_object_unref (self->reason_row);

  sih_accessible_name_entry_row (self->ticket_row);
  sih_accessible_name_entry_row (self->caller_name_row);
  sih_accessible_name_entry_row (self->caller_contact_row);
  sih_accessible_name_entry_row (self->call_back_row);
  sih_accessible_name_entry_row (self->reason_row);
  sih_accessible_set_description (GTK_WIDGET (self->caller_contact_row),
                                  gtk_label_get_label (self->contact_caption));
  sih_accessible_set_description (GTK_WIDGET (self->reason_row),
                                  gtk_label_get_label (self->reason_caption));
  name_apply_button (GTK_WIDGET (self->reason_row), _("Record the Reason"));
  name_apply_button (GTK_WIDGET (self->call_back_row), _("Record the Time"));
  show_call_back_hint (self, FALSE);
}

/**
 * sih_ticket_window_new:
 * @parent: the main window
 * @pack: the pack in use, whose official routes an escalation names
 * @kase: the case to show and write into
 *
 * Returns: (transfer none): a new window, not yet presented
 */
SihTicketWindow *
sih_ticket_window_new (GtkWindow *parent,
                       SihPack   *pack,
                       SihCase   *kase)
{
  SihTicketWindow *self;
  SihContact *contact;
  GtkCheckButton *group = NULL;
  GDateTime *call_back;

  g_return_val_if_fail (SIH_IS_PACK (pack), NULL);
  g_return_val_if_fail (SIH_IS_CASE (kase), NULL);

  self = g_object_new (SIH_TYPE_TICKET_WINDOW, "transient-for", parent, NULL);
  self->pack = g_object_ref (pack);
  self->kase = g_object_ref (kase);

  /* The pack's official routes, in its order. */
  contact = sih_pack_get_contact (pack);
  for (guint i = 0; contact != NULL && i < sih_contact_get_n_routes (contact); i++)
    {
      SihContactRoute *route = sih_contact_get_route (contact, i);
      GtkCheckButton *check;
      GtkWidget *row = new_radio_row (route->title.text, NULL, group, &check);

      if (group == NULL)
        group = check;
      g_object_set_data_full (G_OBJECT (check), "sih-route", g_strdup (route->id), g_free);
      g_ptr_array_add (self->route_checks, check);
      g_signal_connect_object (check, "notify::active", G_CALLBACK (status_toggled_cb), self,
                               G_CONNECT_SWAPPED);
      adw_preferences_group_add (self->route_group, row);
    }

  self->loading = TRUE;
  sih_text_widget_set_text (GTK_WIDGET (self->ticket_row), sih_case_get_ticket (kase));
  sih_text_widget_set_text (GTK_WIDGET (self->caller_name_row), sih_case_get_caller_name (kase));
  sih_text_widget_set_text (GTK_WIDGET (self->caller_contact_row), sih_case_get_caller_contact (kase));
  sih_text_widget_set_text (GTK_WIDGET (self->reason_row), sih_case_get_status_reason (kase));
  call_back = sih_case_get_call_back (kase);
  if (call_back != NULL)
    {
      g_autoptr(GDateTime) local = g_date_time_to_local (call_back);
      g_autofree char *text = g_date_time_format (local, "%Y-%m-%d %H:%M");

      sih_text_widget_set_text (GTK_WIDGET (self->call_back_row), text);
    }
  self->loading = FALSE;

  load_status (self);
  update_calls (self);
  g_signal_connect_object (kase, "changed", G_CALLBACK (case_changed_cb), self, G_CONNECT_SWAPPED);

  /* libadwaita 1.2 shows its rows' decorations as images without a name. */
  sih_accessible_hide_images (GTK_WIDGET (self));

  return self;
}

SihCase *
sih_ticket_window_get_case (SihTicketWindow *self)
{
  g_return_val_if_fail (SIH_IS_TICKET_WINDOW (self), NULL);
  return self->kase;
}

/**
 * sih_ticket_window_get_status_row:
 *
 * For tests: the radio row that chooses @status.
 *
 * Returns: (transfer none): the row
 */
GtkWidget *
sih_ticket_window_get_status_row (SihTicketWindow *self,
                                  SihStatus        status)
{
  g_return_val_if_fail (SIH_IS_TICKET_WINDOW (self), NULL);
  g_return_val_if_fail ((guint)status < SIH_N_STATUSES, NULL);
  return self->status_rows[status];
}

/**
 * sih_ticket_window_get_route_row:
 *
 * For tests: the radio row that chooses the official route @route_id.
 *
 * Returns: (transfer none) (nullable): the row
 */
GtkWidget *
sih_ticket_window_get_route_row (SihTicketWindow *self,
                                 const char      *route_id)
{
  g_return_val_if_fail (SIH_IS_TICKET_WINDOW (self), NULL);

  for (guint i = 0; i < self->route_checks->len; i++)
    if (g_strcmp0 (g_object_get_data (self->route_checks->pdata[i], "sih-route"), route_id) == 0)
      return gtk_widget_get_ancestor (self->route_checks->pdata[i], ADW_TYPE_ACTION_ROW);
  return NULL;
}
