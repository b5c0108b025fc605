/* sih-report-window.c
 *
 * A help desk's figures across its saved cases, for a period: a window of
 * its own, so that it can stay open beside the case being worked on.  The
 * counting (core/sih-report.c) runs on worker threads; a newer period or
 * closing the window cancels it.
 *
 * Every figure is written out as a number beside its bar, and every row
 * has one name for screen readers that says both ("Code not arriving:
 * 12 cases"): nothing depends on seeing the bar or its colour.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ui/sih-accessible.h"
#include "ui/sih-dialogs.h"
#include "ui/sih-export.h"
#include "ui/sih-report-window.h"
#include "ui/sih-tab-stop.h"

struct _SihReportWindow
{
  AdwWindow             parent_instance;

  SihCaseStore         *store;
  SihPack              *pack;
  SihReport            *report;
  SihReportPeriod       period;
  GCancellable         *cancellable;
  GPtrArray            *sections;  /* GtkWidget, in report_box */

  AdwToastOverlay      *toast_overlay;
  AdwWindowTitle       *window_title;
  GtkDropDown          *period_dropdown;
  GtkStack             *stack;
  GtkSpinner           *spinner;
  GtkBox               *report_box;
  GtkLabel             *period_label;
};

G_DEFINE_FINAL_TYPE (SihReportWindow, sih_report_window, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_PERIOD,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void compute (SihReportWindow *self);

/* Rows */

static char *
cases_name (const char *label,
            guint       count)
{
  /* Translators: what a screen reader reads for a bar of a report: a cause,
   * status or route, and how many cases it has */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s: %u case", "%s: %u cases", count),
                          label, count);
}

static GtkWidget *
new_row (GtkWidget  *child,
         const char *name)
{
  GtkWidget *row = gtk_list_box_row_new ();

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), child);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (row), FALSE);
  /* One name that says it all; what it is made of is read no more. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  gtk_accessible_update_state (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  return row;
}

/* A label, and under it the bar with the number beside it. */
static GtkWidget *
bar_row (const char *label,
         guint       count,
         guint       max)
{
  g_autofree char *name = cases_name (label, count);
  g_autofree char *number = g_strdup_printf ("%u", count);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *title = gtk_label_new (label);
  GtkWidget *bar = gtk_level_bar_new_for_interval (0, MAX (max, 1));
  GtkWidget *value = gtk_label_new (number);

  gtk_widget_add_css_class (box, "sih-report-row");
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD_CHAR);
  gtk_box_append (GTK_BOX (box), title);

  gtk_level_bar_set_value (GTK_LEVEL_BAR (bar), count);
  /* One colour whatever the value: the offsets would colour a long bar
   * as if it were a warning. */
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_LOW);
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_HIGH);
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_FULL);
  gtk_widget_add_css_class (bar, "sih-report-bar");
  gtk_widget_set_hexpand (bar, TRUE);
  gtk_widget_set_valign (bar, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (line), bar);

  gtk_widget_add_css_class (value, "sih-report-count");
  gtk_label_set_xalign (GTK_LABEL (value), 1);
  gtk_label_set_width_chars (GTK_LABEL (value), 4);
  gtk_box_append (GTK_BOX (line), value);
  gtk_box_append (GTK_BOX (box), line);

  return new_row (box, name);
}

/* A figure without a bar: "Cases    42". */
static GtkWidget *
figure_row (const char *label,
            const char *value)
{
  /* Translators: what a screen reader reads for a figure of a report:
   * "Median call time: 5 min 07 s" */
  g_autofree char *name = g_strdup_printf (C_("report figure", "%s: %s"), label, value);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *title = gtk_label_new (label);
  GtkWidget *number = gtk_label_new (value);

  gtk_widget_add_css_class (box, "sih-report-row");
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_box_append (GTK_BOX (box), title);
  gtk_widget_add_css_class (number, "sih-report-count");
  gtk_label_set_xalign (GTK_LABEL (number), 1);
  gtk_box_append (GTK_BOX (box), number);

  return new_row (box, name);
}

/* Named after its heading: a screen reader says which list it enters. */
static GtkWidget *
new_list (const char *name)
{
  GtkWidget *list = gtk_list_box_new ();

  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  return list;
}

static GtkWidget *
new_heading (const char *text,
             const char *css_class)
{
  /* A role is set when a widget is made, on GTK 4.8. */
  GtkWidget *label = g_object_new (GTK_TYPE_LABEL,
                                   "label", text,
                                   "accessible-role", GTK_ACCESSIBLE_ROLE_HEADING,
                                   NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, css_class);
  gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LEVEL,
                                  g_str_equal (css_class, "title-4") ? 2 : 3, -1);
  return label;
}

/* A heading, an optional explanation, and what follows. */
static GtkWidget *
add_section (SihReportWindow *self,
             const char      *heading,
             const char      *description)
{
  GtkWidget *section = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);

  gtk_box_append (GTK_BOX (section), new_heading (heading, "title-4"));
  if (description != NULL)
    {
      GtkWidget *label = gtk_label_new (description);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (GTK_BOX (section), label);
    }
  gtk_box_append (self->report_box, section);
  g_ptr_array_add (self->sections, section);
  return section;
}

static guint
max_count (GPtrArray *rows)
{
  guint max = 0;

  for (guint i = 0; i < rows->len; i++)
    max = MAX (max, ((SihReportRow *)g_ptr_array_index (rows, i))->count);
  return max;
}

/* A list is one stop for Tab, the arrows moving through its rows: a
 * report has dozens of rows, and Tab should go from list to list. */
static void
append_list (GtkWidget *section,
             GtkWidget *list)
{
  GtkWidget *stop = sih_tab_stop_new ();

  adw_bin_set_child (ADW_BIN (stop), list);
  gtk_box_append (GTK_BOX (section), stop);
}

static void
add_bars (GtkWidget  *section,
          const char *name,
          GPtrArray  *rows,
          guint       max)
{
  GtkWidget *list = new_list (name);

  for (guint i = 0; i < rows->len; i++)
    {
      SihReportRow *row = g_ptr_array_index (rows, i);

      gtk_list_box_append (GTK_LIST_BOX (list), bar_row (row->label, row->count, max));
    }
  append_list (section, list);
}

static void
clear_sections (SihReportWindow *self)
{
  for (guint i = 0; i < self->sections->len; i++)
    gtk_box_remove (self->report_box, g_ptr_array_index (self->sections, i));
  g_ptr_array_set_size (self->sections, 0);
}

static void
show_report (SihReportWindow *self)
{
  SihReport *report = self->report;
  GtkWidget *section, *list;
  g_autofree char *n_cases = g_strdup_printf ("%u", report->n_cases);
  g_autofree char *n_escalated = g_strdup_printf ("%u", report->n_escalated);
  g_autofree char *n_calls = g_strdup_printf ("%u", report->n_calls);
  g_autofree char *median = NULL;

  clear_sections (self);

  if (report->from != NULL && report->until != NULL)
    {
      g_autoptr(GDateTime) last = g_date_time_add_seconds (report->until, -1);
      g_autofree char *from = sih_report_format_date (report->from);
      g_autofree char *until = sih_report_format_date (last);
      /* Translators: which cases a report counts: %s and %s are the first
       * and the last day of its period */
      g_autofree char *text = g_strdup_printf (_("Cases created from %s to %s"), from, until);

      gtk_label_set_text (self->period_label, text);
    }
  else
    gtk_label_set_text (self->period_label, _("Every saved case"));

  /* Translators: a heading of the report: its main figures */
  section = add_section (self, _("Overview"), NULL);
  list = new_list (_("Overview"));
  /* Translators: a figure of the report: how many cases it counts */
  gtk_list_box_append (GTK_LIST_BOX (list), figure_row (C_("report figure", "Cases"), n_cases));
  /* Translators: a figure of the report: cases escalated at any point */
  gtk_list_box_append (GTK_LIST_BOX (list), figure_row (C_("report figure", "Escalated"), n_escalated));
  /* Translators: a figure of the report: calls that have ended */
  gtk_list_box_append (GTK_LIST_BOX (list), figure_row (C_("report figure", "Completed calls"), n_calls));
  /* Translators: the median call time when there were no completed calls */
  median = report->median_call >= 0 ? sih_report_format_duration (report->median_call) : g_strdup (_("None"));
  /* Translators: a figure of the report: the median length of a completed call */
  gtk_list_box_append (GTK_LIST_BOX (list), figure_row (C_("report figure", "Median call time"), median));
  append_list (section, list);

  /* Translators: a heading of the report */
  section = add_section (self, _("Cases by Cause"), NULL);
  add_bars (section, _("Cases by Cause"), report->by_cause, max_count (report->by_cause));

  /* Translators: a heading of the report */
  section = add_section (self, _("Cases by Status"), NULL);
  add_bars (section, _("Cases by Status"), report->by_status, max_count (report->by_status));

  /* Translators: a heading of the report */
  section = add_section (self, _("Steps That Worked Most Often"),
                         report->worked->len > 0 ? NULL
                         /* Translators: in the report, when no step was marked as worked */
                         : _("No step was marked as worked in this period."));
  for (guint i = 0; i < report->worked->len; i++)
    {
      SihReportCauseSteps *cause = g_ptr_array_index (report->worked, i);
      GtkWidget *heading = new_heading (cause->label, "heading");

      gtk_widget_set_margin_top (heading, i > 0 ? 8 : 0);
      gtk_box_append (GTK_BOX (section), heading);
      add_bars (section, cause->label, cause->steps, max_count (cause->steps));
    }

  /* Translators: a heading of the report */
  section = add_section (self, _("Escalations by Official Route"),
                         report->n_escalated > 0
                         /* Translators: in the report, under "Escalations by Official Route" */
                         ? _("Cases escalated at any point, by the route of their latest escalation.")
                         /* Translators: in the report, when no case was escalated */
                         : _("No case was escalated in this period."));
  if (report->routes->len > 0)
    add_bars (section, _("Escalations by Official Route"), report->routes, max_count (report->routes));
}

/* Computing */

static void
set_busy (SihReportWindow *self,
          gboolean         busy)
{
  if (gtk_spinner_get_spinning (self->spinner) == busy)
    return;
  gtk_spinner_set_spinning (self->spinner, busy);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
computed_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(SihReportWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  SihReport *report = sih_report_compute_finish (result, &error);

  /* Cancelled: a newer computation (or none, when the window closed)
   * takes over. */
  if (report == NULL)
    return;

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->report, sih_report_free);
  self->report = report;
  if (report->n_cases == 0)
    {
      clear_sections (self);
      gtk_stack_set_visible_child_name (self->stack, "empty");
    }
  else
    {
      show_report (self);
      gtk_stack_set_visible_child_name (self->stack, "report");
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "report.export", report->n_cases > 0);
  set_busy (self, FALSE);
}

static void
compute (SihReportWindow *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) from = NULL;
  g_autoptr(GDateTime) until = NULL;
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  GListModel *cases = self->store != NULL ? sih_case_store_get_cases (self->store) : NULL;

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->report, sih_report_free);

  /* The files as saved: the list leaves out cases in the trash and blank
   * ones, as the report should.  It knows when each case was created, so
   * only the files of the period are read (the report checks again). */
  sih_report_period_get_range (self->period, now, &from, &until);
  for (guint i = 0; cases != NULL && i < g_list_model_get_n_items (cases); i++)
    {
      g_autoptr(SihCaseInfo) info = g_list_model_get_item (cases, i);

      if (sih_report_in_period (from, until, sih_case_info_get_created (info)))
        g_ptr_array_add (paths, g_strdup (sih_case_info_get_path (info)));
    }
  g_ptr_array_add (paths, NULL);

  self->cancellable = g_cancellable_new ();
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "report.export", FALSE);
  gtk_stack_set_visible_child_name (self->stack, "computing");
  set_busy (self, TRUE);
  sih_report_compute_async ((const char * const *)paths->pdata, from, until, self->pack,
                            self->cancellable, computed_cb, g_object_ref (self));
}

/* The drop-down's button is what takes the focus: it says what it chooses
 * and what is chosen, once. */
static void
name_period_button (SihReportWindow *self)
{
  GtkWidget *button = gtk_widget_get_first_child (GTK_WIDGET (self->period_dropdown));
  /* Translators: what a screen reader reads for the report's choice of
   * period: "Period: Last 30 days" */
  g_autofree char *name = g_strdup_printf (_("Period: %s"), sih_report_period_get_label (self->period));

  if (button != NULL)
    sih_accessible_set_label (button, name);
}

static void
period_changed_cb (SihReportWindow *self)
{
  guint selected = gtk_drop_down_get_selected (self->period_dropdown);

  if (selected < SIH_N_REPORT_PERIODS)
    sih_report_window_set_period (self, selected);
}

/* Export CSV… */

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SihReportWindow *self = SIH_REPORT_WINDOW (widget);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = sih_report_format_date (now);
  g_autofree char *name = NULL;
  g_autoptr(GBytes) bytes = NULL;

  if (self->report == NULL)
    return;

  /* Translators: the suggested name of a report's spreadsheet; %s is today's date */
  name = g_strdup_printf (_("Sign-in report %s.csv"), date);
  bytes = sih_report_to_csv (self->report, sih_report_period_get_label (self->period));
  sih_export_save_bytes (GTK_WINDOW (self), self->toast_overlay, _("Export CSV"), _("_Export"),
                         name, bytes, _("Could Not Export the Report"));
}

/* GObject */

static gboolean
sih_report_window_close_request (GtkWindow *window)
{
  SihReportWindow *self = SIH_REPORT_WINDOW (window);

  g_cancellable_cancel (self->cancellable);
  return GTK_WINDOW_CLASS (sih_report_window_parent_class)->close_request (window);
}

static void
sih_report_window_dispose (GObject *object)
{
  SihReportWindow *self = SIH_REPORT_WINDOW (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_clear_object (&self->pack);
  g_clear_pointer (&self->report, sih_report_free);
  g_clear_pointer (&self->sections, g_ptr_array_unref);

  G_OBJECT_CLASS (sih_report_window_parent_class)->dispose (object);
}

static void
sih_report_window_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  SihReportWindow *self = SIH_REPORT_WINDOW (object);

  switch (prop_id)
    {
    case PROP_PERIOD:
      g_value_set_uint (value, self->period);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, sih_report_window_get_busy (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sih_report_window_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  SihReportWindow *self = SIH_REPORT_WINDOW (object);

  switch (prop_id)
    {
    case PROP_PERIOD:
      sih_report_window_set_period (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sih_report_window_class_init (SihReportWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = sih_report_window_dispose;
  object_class->get_property = sih_report_window_get_property;
  object_class->set_property = sih_report_window_set_property;
  window_class->close_request = sih_report_window_close_request;

  properties[PROP_PERIOD] =
    g_param_spec_uint ("period", NULL, NULL, 0, SIH_N_REPORT_PERIODS - 1,
                       SIH_REPORT_PERIOD_LAST_30_DAYS,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/sih-report-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SihReportWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, SihReportWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, SihReportWindow, period_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SihReportWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, SihReportWindow, spinner);
  gtk_widget_class_bind_template_child (widget_class, SihReportWindow, report_box);
  gtk_widget_class_bind_template_child (widget_class, SihReportWindow, period_label);
  gtk_widget_class_bind_template_callback (widget_class, period_changed_cb);

  gtk_widget_class_install_action (widget_class, "report.export", NULL, export_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "report.export", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
sih_report_window_init (SihReportWindow *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  self->period = SIH_REPORT_PERIOD_LAST_30_DAYS;
  self->sections = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < SIH_N_REPORT_PERIODS; i++)
    gtk_string_list_append (labels, sih_report_period_get_label (i));
  g_signal_handlers_block_by_func (self->period_dropdown, period_changed_cb, self);
  gtk_drop_down_set_model (self->period_dropdown, G_LIST_MODEL (labels));
  gtk_drop_down_set_selected (self->period_dropdown, self->period);
  g_signal_handlers_unblock_by_func (self->period_dropdown, period_changed_cb, self);
  /* Translators: what a screen reader calls the report's choice of period */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->period_dropdown),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Period"), -1);
  name_period_button (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "report.export", FALSE);
}

/**
 * sih_report_window_new:
 * @parent: (nullable): the main window
 * @store: the saved cases
 * @pack: (nullable): the pack whose titles the report uses
 *
 * Returns: (transfer none): the window, not shown yet, already counting
 *   the cases of the last 30 days
 */
SihReportWindow *
sih_report_window_new (GtkWindow    *parent,
                       SihCaseStore *store,
                       SihPack      *pack)
{
  SihReportWindow *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (SIH_IS_CASE_STORE (store), NULL);
  g_return_val_if_fail (pack == NULL || SIH_IS_PACK (pack), NULL);

  self = g_object_new (SIH_TYPE_REPORT_WINDOW,
                       "transient-for", parent,
                       "destroy-with-parent", TRUE,
                       "application", parent != NULL ? gtk_window_get_application (parent) : NULL,
                       NULL);
  self->store = g_object_ref (store);
  self->pack = pack != NULL ? g_object_ref (pack) : NULL;
  compute (self);

  return self;
}

SihReportPeriod
sih_report_window_get_period (SihReportWindow *self)
{
  g_return_val_if_fail (SIH_IS_REPORT_WINDOW (self), SIH_REPORT_PERIOD_ALL_TIME);

  return self->period;
}

/**
 * sih_report_window_set_period:
 * @self: a report window
 * @period: the period to show
 *
 * Counts the cases of @period, cancelling a count still running.
 */
void
sih_report_window_set_period (SihReportWindow *self,
                              SihReportPeriod  period)
{
  g_return_if_fail (SIH_IS_REPORT_WINDOW (self));
  g_return_if_fail ((guint)period < SIH_N_REPORT_PERIODS);

  if (self->period == period)
    return;
  self->period = period;
  if (gtk_drop_down_get_selected (self->period_dropdown) != period)
    gtk_drop_down_set_selected (self->period_dropdown, period);
  name_period_button (self);
  if (self->store != NULL)
    compute (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERIOD]);
}

/**
 * sih_report_window_get_busy:
 *
 * Returns: whether the window is counting
 */
gboolean
sih_report_window_get_busy (SihReportWindow *self)
{
  g_return_val_if_fail (SIH_IS_REPORT_WINDOW (self), FALSE);

  return gtk_spinner_get_spinning (self->spinner);
}

/**
 * sih_report_window_get_report:
 *
 * Returns: (transfer none) (nullable): the report shown; %NULL while counting
 */
SihReport *
sih_report_window_get_report (SihReportWindow *self)
{
  g_return_val_if_fail (SIH_IS_REPORT_WINDOW (self), NULL);

  return self->report;
}
