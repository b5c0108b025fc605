/* sih-case-list.c
 *
 * A popover over the case store's list: call-backs that are due first,
 * then those to come, then the rest newest first (sih_case_info_compare());
 * search by what the agent typed, cause or date (sih_case_info_matches());
 * filter by status; resume with a click, delete with a button.  The actions it triggers (win.open-case, win.delete-case, …)
 * belong to the window.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ui/sih-case-list.h"
#include "ui/sih-accessible.h"
#include "core/sih-time.h"

struct _SihCaseList
{
  GtkPopover          parent_instance;

  SihCaseStore       *store;
  SihPack            *pack;
  char               *search;
  SihCaseFilter       status;
  gboolean            setting_text;
  SihClockFunc        clock;
  gpointer            clock_data;
  guint               refresh_id;      /* while shown: at the next minute */
  GDateTime          *sort_now;        /* what "due" is measured against */

  GtkSearchEntry     *search_entry;
  GtkDropDown        *status_dropdown;
  GtkStack           *list_stack;
  GtkListView        *list_view;
  GtkSortListModel   *sort_model;
  GtkCustomSorter    *sorter;
  GtkFilterListModel *filter_model;
  GtkCustomFilter    *filter;
};

G_DEFINE_FINAL_TYPE (SihCaseList, sih_case_list, GTK_TYPE_POPOVER)

/**
 * sih_case_list_matches:
 * @pack: (nullable): to match the cause's title too
 * @search: (nullable): what the user typed (sih_case_info_matches())
 * @filter: %SIH_CASE_FILTER_ALL, or the status to show
 *
 * Returns: whether the list shows @info
 */
gboolean
sih_case_list_matches (SihCaseInfo   *info,
                       SihPack       *pack,
                       const char    *search,
                       SihCaseFilter  filter)
{
  if (filter != SIH_CASE_FILTER_ALL && (int)sih_case_info_get_status (info) != filter)
    return FALSE;

  return sih_case_info_matches (info, pack, search);
}

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  SihCaseList *self = user_data;

  return sih_case_list_matches (item, self->pack, self->search, self->status);
}

static GDateTime *now (SihCaseList *self);

static int
sort_func (gconstpointer a,
           gconstpointer b,
           gpointer      user_data)
{
  SihCaseList *self = user_data;

  return sih_case_info_compare ((SihCaseInfo *)a, (SihCaseInfo *)b, self->sort_now);
}

/* The order depends on the time (a call-back falls due): sorting uses one
 * time throughout, taken here. */
static void
resort (SihCaseList *self)
{
  g_clear_pointer (&self->sort_now, g_date_time_unref);
  self->sort_now = now (self);
  gtk_sorter_changed (GTK_SORTER (self->sorter), GTK_SORTER_CHANGE_DIFFERENT);
}

static void
update_empty (SihCaseList *self)
{
  gtk_stack_set_visible_child_name (self->list_stack,
                                    g_list_model_get_n_items (G_LIST_MODEL (self->sort_model)) > 0
                                    ? "list" : "empty");
}

static void
refilter (SihCaseList *self)
{
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_empty (self);
}

static void
search_changed_cb (SihCaseList    *self,
                   GtkSearchEntry *entry)
{
  if (!self->setting_text)
    sih_case_list_set_search (self, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

static void
status_selected_cb (SihCaseList *self)
{
  guint selected = gtk_drop_down_get_selected (self->status_dropdown);

  /* The first item is All, then the statuses in the table's order. */
  self->status = selected == 0 || selected == GTK_INVALID_LIST_POSITION
                 ? SIH_CASE_FILTER_ALL : (SihCaseFilter)(selected - 1);
  refilter (self);
}

typedef struct
{
  GtkLabel    *title;
  GtkLabel    *status;
  GtkLabel    *subtitle;
  GtkButton   *delete_button;
  SihCaseInfo *info;                   /* the case shown, while bound */
} RowWidgets;

static void
row_widgets_free (RowWidgets *widgets)
{
  g_clear_object (&widgets->info);
  g_free (widgets);
}

static GDateTime *
now (SihCaseList *self)
{
  return self->clock != NULL ? self->clock (self->clock_data) : g_date_time_new_now_local ();
}

/* Deleting shows a toast with Undo in the window: out of the popover's
 * way, so that Undo is one click (the first click outside a popover only
 * closes it). */
static void
delete_clicked_cb (SihCaseList *self)
{
  gtk_popover_popdown (GTK_POPOVER (self));
}

static void
item_setup_cb (SihCaseList *self,
               GtkListItem *item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *status = gtk_label_new (NULL);
  GtkWidget *subtitle = gtk_label_new (NULL);
  GtkWidget *delete_button = gtk_button_new_from_icon_name ("user-trash-symbolic");
  RowWidgets *widgets = g_new0 (RowWidgets, 1);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  /* Wrapped, not cut: the ticket at its end is what an agent looks for. */
  gtk_label_set_xalign (GTK_LABEL (status), 0);
  gtk_label_set_wrap (GTK_LABEL (status), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (status), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (status, "caption");
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_ellipsize (GTK_LABEL (subtitle), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_set_hexpand (labels, TRUE);
  gtk_box_append (GTK_BOX (labels), title);
  gtk_box_append (GTK_BOX (labels), status);
  gtk_box_append (GTK_BOX (labels), subtitle);
  gtk_box_append (GTK_BOX (box), labels);

  gtk_widget_set_valign (delete_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (delete_button, "flat");
  gtk_widget_set_tooltip_text (delete_button, _("Delete Case"));
  /* After the button has done its action. */
  g_signal_connect_object (delete_button, "clicked", G_CALLBACK (delete_clicked_cb), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  gtk_box_append (GTK_BOX (box), delete_button);

  widgets->title = GTK_LABEL (title);
  widgets->status = GTK_LABEL (status);
  widgets->subtitle = GTK_LABEL (subtitle);
  widgets->delete_button = GTK_BUTTON (delete_button);
  g_object_set_data_full (G_OBJECT (box), "sih-row", widgets, (GDestroyNotify) row_widgets_free);
  gtk_list_item_set_child (item, box);
}

/* The row's text, with how long ago the case changed as of now. */
static void
update_row_text (SihCaseList *self,
                 GtkWidget   *box)
{
  RowWidgets *widgets = g_object_get_data (G_OBJECT (box), "sih-row");
  SihCaseInfo *info = widgets->info;
  g_autoptr(GDateTime) time_now = now (self);
  g_autofree char *when = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *title = NULL;
  g_autofree char *status = NULL;
  g_autofree char *description = NULL;
  SihCause *cause = NULL;
  GtkWidget *list_item_widget;

  title = sih_case_format_title (sih_case_info_get_title (info), sih_case_info_get_created (info));

  when = sih_time_format_relative (sih_case_info_get_updated (info), time_now);
  if (self->pack != NULL && sih_case_info_get_cause_id (info) != NULL)
    cause = sih_pack_find_cause (self->pack, sih_case_info_get_cause_id (info));

  /* Translators: a saved case: when it last changed, and its cause */
  subtitle = g_strdup_printf (_("%s · %s"), when, cause ? sih_cause_get_title (cause) : "");
  g_strchomp (subtitle);
  if (g_str_has_suffix (subtitle, " ·"))
    subtitle[strlen (subtitle) - strlen (" ·")] = '\0';

  /* The status in words (a call-back that is due says so, the colour only
   * repeats it), and the ticket when there is one. */
  status = sih_case_info_format_status (info, time_now);
  if (sih_case_info_get_ticket (info) != NULL)
    {
      /* Translators: a saved case's help-desk ticket number, then its
       * status ("Call back today at 14:30"); first, so that a narrow list
       * wraps the status rather than the number; the space after "Ticket"
       * is a no-break space */
      char *with_ticket = g_strdup_printf (_("Ticket\u00a0%s · %s"), sih_case_info_get_ticket (info), status);

      g_free (status);
      status = with_ticket;
    }
  if (sih_case_info_is_call_back_due (info, time_now))
    gtk_widget_add_css_class (GTK_WIDGET (widgets->status), "warning");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (widgets->status), "warning");

  gtk_label_set_label (widgets->title, title);
  gtk_label_set_label (widgets->status, status);
  gtk_widget_set_tooltip_text (GTK_WIDGET (widgets->status), status);
  gtk_label_set_label (widgets->subtitle, subtitle);
  gtk_widget_set_tooltip_text (GTK_WIDGET (widgets->subtitle), subtitle);
  description = g_strdup_printf ("%s. %s", status, subtitle);

  /* GTK 4.8 cannot name list items; name the focusable item directly. */
  list_item_widget = gtk_widget_get_parent (box);
  if (list_item_widget != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (list_item_widget),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                    -1);
}

static void
item_bind_cb (SihCaseList *self,
              GtkListItem *item)
{
  SihCaseInfo *info = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  RowWidgets *widgets = g_object_get_data (G_OBJECT (box), "sih-row");
  g_autofree char *title = NULL;
  g_autofree char *delete_label = NULL;

  g_set_object (&widgets->info, info);
  update_row_text (self, box);

  title = sih_case_format_title (sih_case_info_get_title (info), sih_case_info_get_created (info));
  /* The target first: the action takes the case's id. */
  gtk_actionable_set_action_target (GTK_ACTIONABLE (widgets->delete_button), "s",
                                    sih_case_info_get_id (info));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (widgets->delete_button), "win.delete-case");

  /* Translators: accessible name of the delete button of a case */
  delete_label = g_strdup_printf (_("Delete “%s”"), title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (widgets->delete_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, delete_label, -1);
}

static void
item_unbind_cb (SihCaseList *self,
                GtkListItem *item)
{
  RowWidgets *widgets = g_object_get_data (G_OBJECT (gtk_list_item_get_child (item)), "sih-row");

  g_clear_object (&widgets->info);
}

/* Relative times ("just now", "5 minutes ago") age: while the list is
 * shown, its rows are written again when the minute changes; hidden, it
 * does nothing. */
static void
refresh_rows (SihCaseList *self,
              GtkWidget   *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      RowWidgets *widgets = g_object_get_data (G_OBJECT (child), "sih-row");

      if (widgets != NULL && widgets->info != NULL)
        update_row_text (self, child);
      else
        refresh_rows (self, child);
    }
}

static void schedule_refresh (SihCaseList *self);

static gboolean
refresh_cb (gpointer user_data)
{
  SihCaseList *self = user_data;

  self->refresh_id = 0;
  resort (self);
  refresh_rows (self, GTK_WIDGET (self->list_view));
  schedule_refresh (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_refresh (SihCaseList *self)
{
  g_autoptr(GDateTime) time_now = now (self);
  /* A little past the minute, so that it has changed. */
  guint delay = (60 - g_date_time_get_second (time_now)) * 1000 -
                g_date_time_get_microsecond (time_now) / 1000 + 50;

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  self->refresh_id = g_timeout_add (delay, refresh_cb, self);
}

static void
sih_case_list_map (GtkWidget *widget)
{
  SihCaseList *self = SIH_CASE_LIST (widget);

  GTK_WIDGET_CLASS (sih_case_list_parent_class)->map (widget);
  /* The list model reports cases added, removed or moved, not a status or
   * a note changed in place: filter and sort again each time it is shown. */
  refilter (self);
  resort (self);
  refresh_rows (self, GTK_WIDGET (self->list_view));
  schedule_refresh (self);
}

static void
sih_case_list_unmap (GtkWidget *widget)
{
  SihCaseList *self = SIH_CASE_LIST (widget);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  GTK_WIDGET_CLASS (sih_case_list_parent_class)->unmap (widget);
}

static void
item_activated_cb (SihCaseList *self,
                   guint        position,
                   GtkListView *list)
{
  g_autoptr(SihCaseInfo) info = g_list_model_get_item (G_LIST_MODEL (self->sort_model), position);

  if (info == NULL)
    return;

  gtk_popover_popdown (GTK_POPOVER (self));
  gtk_widget_activate_action (GTK_WIDGET (self), "win.open-case", "s", sih_case_info_get_id (info));
}

static void
items_changed_cb (SihCaseList *self)
{
  update_empty (self);
}

static void
sih_case_list_dispose (GObject *object)
{
  SihCaseList *self = SIH_CASE_LIST (object);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  g_clear_object (&self->store);
  g_clear_object (&self->pack);
  g_clear_pointer (&self->search, g_free);
  g_clear_pointer (&self->sort_now, g_date_time_unref);

  G_OBJECT_CLASS (sih_case_list_parent_class)->dispose (object);
}

static void
sih_case_list_class_init (SihCaseListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sih_case_list_dispose;
  widget_class->map = sih_case_list_map;
  widget_class->unmap = sih_case_list_unmap;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/sih-case-list.ui");
  gtk_widget_class_bind_template_child (widget_class, SihCaseList, search_entry);
  gtk_widget_class_bind_template_child (widget_class, SihCaseList, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SihCaseList, list_stack);
  gtk_widget_class_bind_template_child (widget_class, SihCaseList, list_view);
  gtk_widget_class_bind_template_child (widget_class, SihCaseList, sort_model);
  gtk_widget_class_bind_template_child (widget_class, SihCaseList, sorter);
  gtk_widget_class_bind_template_child (widget_class, SihCaseList, filter_model);
  gtk_widget_class_bind_template_child (widget_class, SihCaseList, filter);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, status_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, item_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, item_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, item_unbind_cb);
  gtk_widget_class_bind_template_callback (widget_class, item_activated_cb);
}

static void
sih_case_list_init (SihCaseList *self)
{
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  self->status = SIH_CASE_FILTER_ALL;
  self->sort_now = g_date_time_new_now_local ();
  gtk_custom_filter_set_filter_func (self->filter, filter_func, self, NULL);
  gtk_custom_sorter_set_sort_func (self->sorter, sort_func, self, NULL);

  /* The labels come from the status table, in its order. */
  gtk_string_list_append (statuses, C_("cases", "All"));
  for (guint i = 0; i < SIH_N_STATUSES; i++)
    gtk_string_list_append (statuses, sih_status_get_label ((SihStatus)i));
  gtk_drop_down_set_model (self->status_dropdown, G_LIST_MODEL (statuses));
  sih_accessible_name_drop_down (self->status_dropdown, _("Which cases to show"));
  g_signal_connect_object (self->sort_model, "items-changed", G_CALLBACK (items_changed_cb),
                           self, G_CONNECT_SWAPPED);
  update_empty (self);
}

GtkWidget *
sih_case_list_new (void)
{
  return g_object_new (SIH_TYPE_CASE_LIST, NULL);
}

void
sih_case_list_set_store (SihCaseList  *self,
                         SihCaseStore *store,
                         SihPack      *pack)
{
  g_return_if_fail (SIH_IS_CASE_LIST (self));

  g_set_object (&self->store, store);
  g_set_object (&self->pack, pack);
  gtk_filter_list_model_set_model (self->filter_model,
                                   store != NULL ? sih_case_store_get_cases (store) : NULL);
  update_empty (self);
}

void
sih_case_list_set_search (SihCaseList *self,
                          const char  *text)
{
  g_return_if_fail (SIH_IS_CASE_LIST (self));

  /* Setting the entry's text passes through "" on the way, which the
   * entry reports at once: ignore its echo of what we set. */
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)), text ? text : "") != 0)
    {
      self->setting_text = TRUE;
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text ? text : "");
      self->setting_text = FALSE;
    }
  g_free (self->search);
  self->search = g_strdup (text);
  refilter (self);
}

void
sih_case_list_set_filter (SihCaseList   *self,
                          SihCaseFilter  filter)
{
  g_return_if_fail (SIH_IS_CASE_LIST (self));
  g_return_if_fail (filter == SIH_CASE_FILTER_ALL || (filter >= 0 && filter < SIH_N_STATUSES));

  gtk_drop_down_set_selected (self->status_dropdown,
                              filter == SIH_CASE_FILTER_ALL ? 0 : (guint)filter + 1);
}

/**
 * sih_case_list_get_filter:
 *
 * Returns: %SIH_CASE_FILTER_ALL, or the status of the cases shown
 */
SihCaseFilter
sih_case_list_get_filter (SihCaseList *self)
{
  g_return_val_if_fail (SIH_IS_CASE_LIST (self), SIH_CASE_FILTER_ALL);
  return self->status;
}

/**
 * sih_case_list_get_visible:
 *
 * Returns: (transfer none): the cases the list shows, after searching and
 *   filtering, in the list's order
 */
GListModel *
sih_case_list_get_visible (SihCaseList *self)
{
  g_return_val_if_fail (SIH_IS_CASE_LIST (self), NULL);
  return G_LIST_MODEL (self->sort_model);
}

/**
 * sih_case_list_set_clock:
 * @clock: (nullable): where the time comes from; %NULL for the real one
 *
 * For tests: the clock the list says how long ago cases changed by.
 */
void
sih_case_list_set_clock (SihCaseList  *self,
                         SihClockFunc  clock,
                         gpointer      user_data)
{
  g_return_if_fail (SIH_IS_CASE_LIST (self));

  self->clock = clock;
  self->clock_data = user_data;
}

/**
 * sih_case_list_get_refresh_source:
 *
 * For tests: the timer that writes the rows' times again at the next
 * minute, while the list is shown.
 *
 * Returns: (transfer none) (nullable): the timer, or %NULL while hidden
 */
GSource *
sih_case_list_get_refresh_source (SihCaseList *self)
{
  g_return_val_if_fail (SIH_IS_CASE_LIST (self), NULL);

  return self->refresh_id != 0 ? g_main_context_find_source_by_id (NULL, self->refresh_id) : NULL;
}
