/* sih-step-row.c
 *
 * The row shows what the case records for the step and writes the user's
 * choices back to the case; it keeps no state of its own.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ui/sih-secret-warning.h"
#include "ui/sih-step-row.h"
#include "core/sih-time.h"
#include "ui/sih-accessible.h"
#include "ui/sih-text-widgets.h"

/* Characters in a note, as the entry it was allowed. */
#define NOTE_MAX_LENGTH 2000

struct _SihStepRow
{
  AdwExpanderRow   parent_instance;

  SihCause        *cause;
  SihStep         *step;
  SihCase         *kase;
  SihOutcome       outcome;   /* as the "outcome" property last said */
  gboolean         updating;
  gboolean         help_desk;

  GtkListBoxRow   *content_row;
  GtkStack        *status_stack;
  GtkLabel        *number_label;
  GtkImage        *status_icon;
  GtkBox          *say_box;
  GtkLabel        *say_label;
  GtkLabel        *detail_heading;
  GtkLabel        *detail_label;
  GtkBox          *caution_box;
  GtkLabel        *caution_label;
  GtkBox          *links_box;
  GtkToggleButton *worked_button;
  GtkToggleButton *failed_button;
  GtkToggleButton *skipped_button;
  GtkToggleButton *not_tried_button;
  GtkLabel        *time_label;
  GtkTextView     *note_view;
  SihSecretWarning *note_warning;
  GtkLabel        *note_placeholder;
  GtkCheckButton  *internal_check;
};

G_DEFINE_FINAL_TYPE (SihStepRow, sih_step_row, ADW_TYPE_EXPANDER_ROW)

enum {
  PROP_0,
  PROP_OUTCOME,
  PROP_HELP_DESK,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GtkToggleButton *
button_for_outcome (SihStepRow *self,
                    SihOutcome  outcome)
{
  switch (outcome)
    {
    case SIH_OUTCOME_WORKED:
      return self->worked_button;
    case SIH_OUTCOME_FAILED:
      return self->failed_button;
    case SIH_OUTCOME_SKIPPED:
      return self->skipped_button;
    case SIH_OUTCOME_NOT_TRIED:
    default:
      return self->not_tried_button;
    }
}

void
sih_step_row_refresh_time (SihStepRow *self)
{
  const SihStepRecord *record;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *relative = NULL;
  g_autofree char *exact = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *recorded = NULL;
  SihOutcome outcome;

  g_return_if_fail (SIH_IS_STEP_ROW (self));

  record = sih_case_get_record (self->kase, sih_cause_get_id (self->cause),
                                sih_step_get_id (self->step));
  outcome = record != NULL ? record->outcome : SIH_OUTCOME_NOT_TRIED;

  if (record != NULL && record->changed != NULL && outcome != SIH_OUTCOME_NOT_TRIED)
    {
      now = sih_case_now (self->kase);
      relative = sih_time_format_relative (record->changed, now);
      exact = sih_time_format_exact (record->changed);
      /* Translators: a step's outcome and when it was recorded, e.g. "Worked · 5 minutes ago" */
      subtitle = g_strdup_printf (_("%s · %s"), sih_outcome_get_label (outcome), relative);
      /* Translators: %s is a time such as "5 minutes ago" */
      recorded = g_strdup_printf (_("Recorded %s"), relative);
      gtk_label_set_label (self->time_label, recorded);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->time_label), exact);
      gtk_widget_set_visible (GTK_WIDGET (self->time_label), TRUE);
    }
  else
    {
      subtitle = g_strdup (sih_outcome_get_label (outcome));
      gtk_widget_set_visible (GTK_WIDGET (self->time_label), FALSE);
    }

  /* The header row says it: it is described by its subtitle. */
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), subtitle);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), exact);
}

static void
update_from_case (SihStepRow *self)
{
  const char *cause_id = sih_cause_get_id (self->cause);
  const char *step_id = sih_step_get_id (self->step);
  SihOutcome outcome = sih_case_get_outcome (self->kase, cause_id, step_id);
  const char *note = sih_case_get_note (self->kase, cause_id, step_id);
  GtkWidget *widget = GTK_WIDGET (self);
  const SihOutcomeInfo *info;

  self->updating = TRUE;

  /* The buttons follow the "step.outcome" action, which follows this. */
  if (self->outcome != outcome)
    {
      self->outcome = outcome;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OUTCOME]);
    }

  sih_text_widget_set_text (GTK_WIDGET (self->note_view), note);
  gtk_check_button_set_active (self->internal_check,
                               sih_case_get_note_internal (self->kase, cause_id, step_id));

  for (guint i = 0; i < SIH_N_OUTCOMES; i++)
    {
      g_autofree char *css_class = g_strconcat ("sih-", sih_outcome_to_string (i), NULL);

      gtk_widget_remove_css_class (widget, css_class);
    }

  info = sih_outcome_get_info (outcome);
  if (info->icon_name != NULL)
    {
      g_autofree char *css_class = g_strconcat ("sih-", info->nick, NULL);

      gtk_image_set_from_icon_name (self->status_icon, info->icon_name);
      gtk_widget_add_css_class (widget, css_class);
      gtk_stack_set_visible_child_name (self->status_stack, "icon");
    }
  else
    {
      gtk_stack_set_visible_child_name (self->status_stack, "number");
    }

  sih_step_row_refresh_time (self);

  self->updating = FALSE;
}

static void
set_outcome (SihStepRow *self,
             SihOutcome  outcome)
{
  sih_case_set_outcome (self->kase, sih_cause_get_id (self->cause),
                        sih_step_get_id (self->step), outcome);
}

static void
note_changed_cb (SihStepRow    *self,
                 GtkTextBuffer *buffer)
{
  g_autofree char *text = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->note_placeholder),
                          gtk_text_buffer_get_char_count (buffer) == 0);
  if (self->updating)
    return;

  text = sih_text_widget_dup_text (GTK_WIDGET (self->note_view));
  sih_case_set_note (self->kase, sih_cause_get_id (self->cause), sih_step_get_id (self->step), text);
}

static void
internal_toggled_cb (SihStepRow     *self,
                     GtkCheckButton *check)
{
  if (self->updating)
    return;

  sih_case_set_note_internal (self->kase, sih_cause_get_id (self->cause),
                              sih_step_get_id (self->step),
                              gtk_check_button_get_active (check));
}

static void
step_changed_cb (SihStepRow *self,
                 const char *cause_id,
                 const char *step_id,
                 SihCase    *kase)
{
  if (g_strcmp0 (cause_id, sih_cause_get_id (self->cause)) == 0 &&
      g_strcmp0 (step_id, sih_step_get_id (self->step)) == 0)
    update_from_case (self);
}

static void
sih_step_row_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  SihStepRow *self = SIH_STEP_ROW (object);

  switch (prop_id)
    {
    case PROP_OUTCOME:
      g_value_set_string (value, sih_outcome_to_string (self->outcome));
      break;
    case PROP_HELP_DESK:
      g_value_set_boolean (value, self->help_desk);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sih_step_row_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  SihStepRow *self = SIH_STEP_ROW (object);
  SihOutcome outcome;

  switch (prop_id)
    {
    case PROP_OUTCOME:
      /* The case tells the row (and so the buttons) when it changed. */
      if (self->kase != NULL && sih_outcome_from_string (g_value_get_string (value), &outcome))
        set_outcome (self, outcome);
      break;
    case PROP_HELP_DESK:
      sih_step_row_set_help_desk (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sih_step_row_dispose (GObject *object)
{
  SihStepRow *self = SIH_STEP_ROW (object);

  g_clear_object (&self->kase);
  g_clear_object (&self->step);
  g_clear_object (&self->cause);

  G_OBJECT_CLASS (sih_step_row_parent_class)->dispose (object);
}

static void
sih_step_row_class_init (SihStepRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sih_step_row_dispose;
  object_class->get_property = sih_step_row_get_property;
  object_class->set_property = sih_step_row_set_property;

  /**
   * SihStepRow:outcome:
   *
   * The step's outcome in the case, by its nick ("worked").
   */
  properties[PROP_OUTCOME] =
    g_param_spec_string ("outcome", NULL, NULL, "not-tried",
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /**
   * SihStepRow:help-desk:
   *
   * Whether the row is for a help desk agent on a call: the words to read
   * to the caller come first, the step's text follows as the agent's
   * notes, and the note can be marked internal.
   */
  properties[PROP_HELP_DESK] =
    g_param_spec_boolean ("help-desk", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (SIH_TYPE_SECRET_WARNING);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/sih-step-row.ui");
  gtk_widget_class_bind_template_child (widget_class, SihStepRow, content_row);
  gtk_widget_class_bind_template_child (widget_class, SihStepRow, status_stack);
  gtk_widget_class_bind_template_child (widget_class, SihStepRow, number_label);
  gtk_widget_class_bind_template_child (widget_class, SihStepRow, status_icon);
  gtk_widget_class_bind_template_child (widget_class, SihStepRow, say_box);
  gtk_widget_class_bind_template_child (widget_class, SihStepRow, say_label);
  gtk_widget_class_bind_template_child (widget_class, SihStepRow, detail_heading);
  gtk_widget_class_bind_template_child (widget_class, SihStepRow, detail_label);
  gtk_widget_class_bind_template_child (widget_class, SihStepRow, caution_box);
  gtk_widget_class_bind_template_child (widget_class, SihStepRow, caution_label);
  gtk_widget_class_bind_template_child (widget_class, SihStepRow, links_box);
  gtk_widget_class_bind_template_child (widget_class, SihStepRow, worked_button);
  gtk_widget_class_bind_template_child (widget_class, SihStepRow, failed_button);
  gtk_widget_class_bind_template_child (widget_class, SihStepRow, skipped_button);
  gtk_widget_class_bind_template_child (widget_class, SihStepRow, not_tried_button);
  gtk_widget_class_bind_template_child (widget_class, SihStepRow, time_label);
  gtk_widget_class_bind_template_child (widget_class, SihStepRow, note_view);
  gtk_widget_class_bind_template_child (widget_class, SihStepRow, note_warning);
  gtk_widget_class_bind_template_child (widget_class, SihStepRow, note_placeholder);
  gtk_widget_class_bind_template_child (widget_class, SihStepRow, internal_check);

  /* The step is read once, by its header row (a list item inside the
   * expander row): the expander row itself is only what holds it. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GENERIC);

  /* The step's outcome, as a stateful action: the four buttons show and set
   * it, and keys set it for the focused step wherever the focus is inside
   * the row (also while typing a note). */
  gtk_widget_class_install_property_action (widget_class, "step.outcome", "outcome");
  for (guint i = 0; i < SIH_N_OUTCOMES; i++)
    {
      const SihOutcomeInfo *info = sih_outcome_get_info (i);

      gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0 + (info->key - '0'),
                                           GDK_CONTROL_MASK, "step.outcome", "s", info->nick);
      gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_0 + (info->key - '0'),
                                           GDK_CONTROL_MASK, "step.outcome", "s", info->nick);
    }
}

/* Long labels (Japanese, large text) wrap instead of widening the window
 * past what a phone-sized screen has. */
static void
wrap_button_label (GtkWidget *button,
                   gboolean   center)
{
  GtkWidget *label = gtk_button_get_child (GTK_BUTTON (button));

  if (!GTK_IS_LABEL (label))
    return;
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  if (center)
    gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
  else
    gtk_label_set_xalign (GTK_LABEL (label), 0);
}

/* The list inside the expander row that holds its header row (libadwaita
 * makes it: the expander row's first child is a box, and this list comes
 * first in it). */
static GtkWidget *
header_list (SihStepRow *self)
{
  GtkWidget *box = gtk_widget_get_first_child (GTK_WIDGET (self));
  GtkWidget *list = box != NULL ? gtk_widget_get_first_child (box) : NULL;

  return GTK_IS_LIST_BOX (list) ? list : NULL;
}

static void
expanded_changed_cb (SihStepRow *self)
{
  GtkWidget *list = header_list (self);
  GtkWidget *header = list != NULL ? gtk_widget_get_first_child (list) : NULL;

  /* libadwaita 1.2 does not say it; 1.7 says the same. */
  if (header != NULL)
    gtk_accessible_update_state (GTK_ACCESSIBLE (header), GTK_ACCESSIBLE_STATE_EXPANDED,
                                 adw_expander_row_get_expanded (ADW_EXPANDER_ROW (self)), -1);
}

static void
sih_step_row_init (SihStepRow *self)
{
  GtkWidget *list;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* The expander row's arrow only decorates; the row and its lists pass
   * the focus on to the header row and the details, and never hold it. */
  sih_accessible_hide_images (GTK_WIDGET (self));
  gtk_widget_set_focusable (GTK_WIDGET (self), FALSE);
  if ((list = header_list (self)) != NULL)
    gtk_widget_set_focusable (list, FALSE);
  if ((list = gtk_widget_get_parent (GTK_WIDGET (self->content_row))) != NULL)
    gtk_widget_set_focusable (list, FALSE);
  g_signal_connect (self, "notify::expanded", G_CALLBACK (expanded_changed_cb), NULL);
  expanded_changed_cb (self);

  /* As long a note as an entry took before. */
  sih_text_view_set_max_length (self->note_view, NOTE_MAX_LENGTH);
  g_signal_connect_object (gtk_text_view_get_buffer (self->note_view), "changed",
                           G_CALLBACK (note_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->internal_check, "toggled",
                           G_CALLBACK (internal_toggled_cb), self, G_CONNECT_SWAPPED);

  /* The buttons say what the outcome table says. */
  for (guint i = 0; i < SIH_N_OUTCOMES; i++)
    {
      GtkWidget *button = GTK_WIDGET (button_for_outcome (self, i));
      g_autofree char *css_class = g_strconcat ("sih-outcome-", sih_outcome_to_string (i), NULL);

      gtk_button_set_label (GTK_BUTTON (button), sih_outcome_get_button (i));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "step.outcome");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", sih_outcome_to_string (i));
      gtk_widget_set_tooltip_text (button, sih_outcome_get_tooltip (i));
      gtk_widget_add_css_class (button, css_class);
      wrap_button_label (button, TRUE);
    }
}

static void
add_link (SihStepRow *self,
          SihLink    *link)
{
  GtkWidget *button = gtk_link_button_new_with_label (link->uri, link->label.text);

  gtk_widget_set_halign (button, GTK_ALIGN_START);
  wrap_button_label (button, FALSE);
  gtk_widget_set_tooltip_text (button, link->uri);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, link->label.text,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, link->uri,
                                  -1);
  gtk_box_append (self->links_box, button);
  gtk_widget_set_visible (GTK_WIDGET (self->links_box), TRUE);
}

GtkWidget *
sih_step_row_new (SihCause *cause,
                  SihStep  *step,
                  guint     number,
                  SihCase  *kase)
{
  SihStepRow *self;
  GPtrArray *links;
  g_autofree char *number_text = NULL;
  g_autofree char *details_label = NULL;
  g_autofree char *step_label = NULL;
  GtkWidget *list;

  g_return_val_if_fail (SIH_IS_CAUSE (cause), NULL);
  g_return_val_if_fail (SIH_IS_STEP (step), NULL);
  g_return_val_if_fail (SIH_IS_CASE (kase), NULL);

  self = g_object_new (SIH_TYPE_STEP_ROW, NULL);
  self->cause = g_object_ref (cause);
  self->step = g_object_ref (step);
  self->kase = g_object_ref (kase);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), sih_step_get_title (step));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (self), FALSE);
  /* A screen reader reads the step once, by its header row (named after
   * the title, described by the outcome), in a list that says where it is;
   * the details, when open, are a list named for them. */
  /* Translators: where a step is in its checklist, for screen readers */
  step_label = g_strdup_printf (_("Step %u of %u"), number, sih_cause_get_n_steps (cause));
  if ((list = header_list (self)) != NULL)
    sih_accessible_set_label (list, step_label);
  details_label = g_strdup_printf (_("Details of “%s”"), sih_step_get_title (step));
  if ((list = gtk_widget_get_parent (GTK_WIDGET (self->content_row))) != NULL)
    sih_accessible_set_label (list, details_label);
  if (sih_step_get_caller_text (step) != NULL)
    gtk_label_set_label (self->say_label, sih_step_get_caller_text (step));
  number_text = g_strdup_printf ("%u", number);
  gtk_label_set_label (self->number_label, number_text);
  gtk_label_set_label (self->detail_label, sih_step_get_detail (step));

  if (sih_step_get_caution (step) != NULL)
    {
      gtk_label_set_label (self->caution_label, sih_step_get_caution (step));
      gtk_widget_set_visible (GTK_WIDGET (self->caution_box), TRUE);
    }

  links = sih_step_get_links (step);
  for (guint i = 0; i < links->len; i++)
    add_link (self, g_ptr_array_index (links, i));

  g_signal_connect_object (kase, "step-changed", G_CALLBACK (step_changed_cb), self,
                           G_CONNECT_SWAPPED);
  update_from_case (self);

  return GTK_WIDGET (self);
}

/**
 * sih_step_row_set_help_desk:
 * @help_desk: whether an agent reads the step to a caller
 *
 * In help-desk mode the words to read aloud are the step's main text, when
 * the pack has them; the step's own text follows, headed as the agent's
 * notes; and the note can be marked internal.
 */
void
sih_step_row_set_help_desk (SihStepRow *self,
                            gboolean    help_desk)
{
  gboolean say;

  g_return_if_fail (SIH_IS_STEP_ROW (self));

  help_desk = !!help_desk;
  say = help_desk && self->step != NULL && sih_step_get_caller_text (self->step) != NULL;
  gtk_widget_set_visible (GTK_WIDGET (self->say_box), say);
  gtk_widget_set_visible (GTK_WIDGET (self->detail_heading), say);
  gtk_widget_set_visible (GTK_WIDGET (self->internal_check), help_desk);

  if (self->help_desk == help_desk)
    return;
  self->help_desk = help_desk;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HELP_DESK]);
}

SihStep *
sih_step_row_get_step (SihStepRow *self)
{
  g_return_val_if_fail (SIH_IS_STEP_ROW (self), NULL);
  return self->step;
}
