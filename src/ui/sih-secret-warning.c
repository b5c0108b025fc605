/* sih-secret-warning.c
 *
 * A warning that sits right under a field a person types into (a
 * GtkEditable such as an entry row, or a GtkTextView) and shows itself
 * while the field holds something that looks like a password or a code,
 * as core/sih-mask.c decides.  "Remove" takes those out of the field.
 *
 * While the person types in the field, the check waits until they pause
 * (or leave the field), so that a number being typed does not make the
 * warning flicker; a change made elsewhere is checked at once, and so is
 * every change while the warning shows, so that it goes as soon as the
 * secret does.
 *
 * Removing deletes what was found, rather than putting the summary's
 * "[hidden]" marker in its place: the marker after a label ("password:
 * [hidden]") would itself read as a labelled value and be flagged again,
 * and the person asked for it to be gone.  One space is taken with it so
 * that no double space is left.  The warning then says so, with Undo,
 * until the field changes again: GTK 4.18 keeps no undo step for a
 * deletion made by the program, so Ctrl+Z cannot be relied on.
 *
 * For screen readers the message is an alert, said when it appears, and
 * the field's description while it shows; a field with a description of
 * its own gives it as :field-description, to have it back afterwards
 * (GTK 4.8 cannot read it from the field).  In a boxed list, put the
 * warning in a row of its own whose visibility is bound to the warning's.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "core/sih-mask.h"
#include "ui/sih-secret-warning.h"
#include "ui/sih-text-widgets.h"

/* How long the person pauses typing before the check. */
#define TYPING_PAUSE_MS 700

struct _SihSecretWarning
{
  AdwBin              parent_instance;

  GtkWidget          *field;
  char               *field_description; /* the field's own, when nothing shows */
  GObject            *source;   /* the field, or its text buffer: what says "changed" */
  GtkEventController *focus;    /* on the field; a reference of our own */
  guint               check_id;
  gboolean            found;
  char               *undo_text;  /* the field before Remove, while Undo is offered */
  gboolean            changing;   /* Remove or Undo is changing the field */

  GtkLabel           *label;
  GtkButton          *remove_button;
};

enum
{
  PROP_0,
  PROP_FIELD,
  PROP_FIELD_DESCRIPTION,
  PROP_FOUND,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (SihSecretWarning, sih_secret_warning, ADW_TYPE_BIN)

/* The widgets a screen reader may read for the field: the field, and the
 * text inside an entry (which has the focus). */
static void
describe_field (SihSecretWarning *self,
                gboolean          found)
{
  GtkWidget *targets[2] = { self->field, NULL };

  if (GTK_IS_EDITABLE (self->field))
    targets[1] = GTK_WIDGET (gtk_editable_get_delegate (GTK_EDITABLE (self->field)));

  for (guint i = 0; i < G_N_ELEMENTS (targets); i++)
    {
      if (targets[i] == NULL || (i > 0 && targets[i] == targets[0]))
        continue;
      if (found)
        gtk_accessible_update_property (GTK_ACCESSIBLE (targets[i]),
                                        GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                        gtk_label_get_label (self->label), -1);
      else if (self->field_description != NULL)
        gtk_accessible_update_property (GTK_ACCESSIBLE (targets[i]),
                                        GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                        self->field_description, -1);
      else
        gtk_accessible_reset_property (GTK_ACCESSIBLE (targets[i]),
                                       GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
}

/* The warning with Remove while something is found; after Remove, what
 * was done, with Undo. */
static void
update_display (SihSecretWarning *self)
{
  gboolean undo = self->undo_text != NULL && !self->found;

  gtk_label_set_label (self->label,
                       undo ? _("The password or code was taken out.") :
                       _("This looks like a password or a code. Support never needs it."));
  gtk_button_set_label (self->remove_button, undo ? _("_Undo") : C_("secret", "Remove"));
  gtk_button_set_use_underline (self->remove_button, undo);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->remove_button),
                                  undo ? "secret-warning.undo" : "secret-warning.remove");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->remove_button),
                               undo ? _("Put back what was taken out") :
                               _("Take the password or code out of this field"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->remove_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  undo ? _("Undo taking out the password or code") :
                                  _("Remove the password or code"), -1);
  gtk_widget_set_visible (GTK_WIDGET (self), self->found || undo);
}

static void
set_found (SihSecretWarning *self,
           gboolean          found)
{
  if (self->found == found)
    {
      update_display (self);
      return;
    }

  self->found = found;
  update_display (self);
  describe_field (self, found);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FOUND]);
}

/**
 * sih_secret_warning_check:
 *
 * Checks the field now, rather than when the person pauses typing.
 */
void
sih_secret_warning_check (SihSecretWarning *self)
{
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) secrets = NULL;

  g_return_if_fail (SIH_IS_SECRET_WARNING (self));

  g_clear_handle_id (&self->check_id, g_source_remove);
  if (self->field == NULL)
    {
      set_found (self, FALSE);
      return;
    }

  text = sih_text_widget_dup_text (self->field);
  secrets = sih_mask_find_secrets (text);
  set_found (self, secrets->len > 0);
}

static gboolean
check_cb (gpointer user_data)
{
  SihSecretWarning *self = user_data;

  self->check_id = 0;
  sih_secret_warning_check (self);
  return G_SOURCE_REMOVE;
}

static void
field_changed_cb (SihSecretWarning *self)
{
  /* Anything typed after Remove: Undo is no longer offered. */
  if (!self->changing && self->undo_text != NULL)
    {
      g_clear_pointer (&self->undo_text, g_free);
      update_display (self);
    }

  /* At once, unless the person is typing here and nothing shows yet. */
  if (self->found || !gtk_event_controller_focus_contains_focus (GTK_EVENT_CONTROLLER_FOCUS (self->focus)))
    {
      sih_secret_warning_check (self);
      return;
    }

  g_clear_handle_id (&self->check_id, g_source_remove);
  self->check_id = g_timeout_add (TYPING_PAUSE_MS, check_cb, self);
}

static void
field_leave_cb (SihSecretWarning *self)
{
  if (self->check_id != 0)
    sih_secret_warning_check (self);
}

/* Deletes the characters [@start, @end) of the field. */
static void
delete_range (GtkWidget *field,
              int        start,
              int        end)
{
  if (GTK_IS_EDITABLE (field))
    {
      GtkEditable *delegate = gtk_editable_get_delegate (GTK_EDITABLE (field));
      GtkWidget *text = GTK_WIDGET (delegate != NULL ? delegate : GTK_EDITABLE (field));

      /* As the person would: select it and delete the selection.  GTK
       * 4.18 keeps no undo step for gtk_editable_delete_text(), and Ctrl+Z
       * must bring back what Remove took. */
      gtk_editable_select_region (GTK_EDITABLE (field), start, end);
      if (!gtk_widget_activate_action (text, "selection.delete", NULL))
        gtk_editable_delete_text (GTK_EDITABLE (field), start, end);
    }
  else
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (field));
      GtkTextIter from, to;

      gtk_text_buffer_get_iter_at_offset (buffer, &from, start);
      gtk_text_buffer_get_iter_at_offset (buffer, &to, end);
      gtk_text_buffer_delete (buffer, &from, &to);
    }
}

/**
 * sih_secret_warning_remove:
 *
 * Takes what looks like a password or a code out of the field, as the
 * warning's "Remove" button does.
 */
void
sih_secret_warning_remove (SihSecretWarning *self)
{
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) secrets = NULL;
  GtkTextBuffer *buffer = NULL;

  g_return_if_fail (SIH_IS_SECRET_WARNING (self));

  if (self->field == NULL)
    return;

  text = sih_text_widget_dup_text (self->field);
  secrets = sih_mask_find_secrets (text);
  if (secrets->len == 0)
    return;
  self->changing = TRUE;

  /* One step to undo in a text view. */
  if (GTK_IS_TEXT_VIEW (self->field))
    {
      buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->field));
      gtk_text_buffer_begin_user_action (buffer);
    }

  /* From the last, so that the offsets of the others stay right. */
  for (guint i = secrets->len; i-- > 0;)
    {
      const SihMaskMatch *match = g_ptr_array_index (secrets, i);
      gsize from = match->start;
      gsize to = match->end;

      /* "code 123456 was" → "code was", not "code  was". */
      if (from > 0 && text[from - 1] == ' ' && (text[to] == ' ' || text[to] == '\0'))
        from--;
      else if (from == 0 && text[to] == ' ')
        to++;

      delete_range (self->field, (int)g_utf8_pointer_to_offset (text, text + from),
                    (int)g_utf8_pointer_to_offset (text, text + to));
    }

  if (buffer != NULL)
    gtk_text_buffer_end_user_action (buffer);

  self->changing = FALSE;
  g_free (self->undo_text);
  self->undo_text = g_steal_pointer (&text);
  sih_secret_warning_check (self);
  /* Back to where the person types; Undo is one Tab away. */
  gtk_widget_grab_focus (self->field);
}

/**
 * sih_secret_warning_undo:
 *
 * Puts back what Remove took out, as the warning's "Undo" button does.
 */
void
sih_secret_warning_undo (SihSecretWarning *self)
{
  g_autofree char *text = NULL;

  g_return_if_fail (SIH_IS_SECRET_WARNING (self));

  if (self->field == NULL || self->undo_text == NULL)
    return;

  text = g_steal_pointer (&self->undo_text);
  self->changing = TRUE;
  sih_text_widget_set_text (self->field, text);
  self->changing = FALSE;
  sih_secret_warning_check (self);
  gtk_widget_grab_focus (self->field);
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  sih_secret_warning_remove (SIH_SECRET_WARNING (widget));
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  sih_secret_warning_undo (SIH_SECRET_WARNING (widget));
}

static void
disconnect_field (SihSecretWarning *self)
{
  g_clear_handle_id (&self->check_id, g_source_remove);
  if (self->source != NULL)
    g_signal_handlers_disconnect_by_data (self->source, self);
  g_clear_object (&self->source);
  if (self->focus != NULL)
    {
      /* Unless the field let go of it already. */
      if (gtk_event_controller_get_widget (self->focus) == self->field)
        gtk_widget_remove_controller (self->field, self->focus);
      g_clear_object (&self->focus);
    }
  if (self->field != NULL && self->found)
    describe_field (self, FALSE);
  g_clear_object (&self->field);
}

/**
 * sih_secret_warning_set_field:
 * @field: (nullable): a #GtkEditable or a #GtkTextView to watch
 */
void
sih_secret_warning_set_field (SihSecretWarning *self,
                              GtkWidget        *field)
{
  g_return_if_fail (SIH_IS_SECRET_WARNING (self));
  g_return_if_fail (field == NULL || GTK_IS_EDITABLE (field) || GTK_IS_TEXT_VIEW (field));

  if (self->field == field)
    return;

  disconnect_field (self);
  set_found (self, FALSE);

  if (field != NULL)
    {
      self->field = g_object_ref (field);
      self->source = g_object_ref (GTK_IS_TEXT_VIEW (field)
                                   ? G_OBJECT (gtk_text_view_get_buffer (GTK_TEXT_VIEW (field)))
                                   : G_OBJECT (field));
      g_signal_connect_swapped (self->source, "changed", G_CALLBACK (field_changed_cb), self);
      self->focus = gtk_event_controller_focus_new ();
      g_signal_connect_swapped (self->focus, "leave", G_CALLBACK (field_leave_cb), self);
      gtk_widget_add_controller (field, g_object_ref (self->focus));
    }

  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
  sih_secret_warning_check (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIELD]);
}

/**
 * sih_secret_warning_get_field:
 *
 * Returns: (transfer none) (nullable): the field watched
 */
GtkWidget *
sih_secret_warning_get_field (SihSecretWarning *self)
{
  g_return_val_if_fail (SIH_IS_SECRET_WARNING (self), NULL);
  return self->field;
}

/**
 * sih_secret_warning_set_field_description:
 * @description: (nullable): the field's own accessible description
 *
 * Sets the description the field has while no warning shows.
 */
void
sih_secret_warning_set_field_description (SihSecretWarning *self,
                                          const char       *description)
{
  g_return_if_fail (SIH_IS_SECRET_WARNING (self));

  if (g_strcmp0 (self->field_description, description) == 0)
    return;
  g_free (self->field_description);
  self->field_description = g_strdup (description);
  if (self->field != NULL && !self->found)
    describe_field (self, FALSE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIELD_DESCRIPTION]);
}

/**
 * sih_secret_warning_get_found:
 *
 * Returns: whether the warning shows: the field holds something that
 *   looks like a password or a code
 */
gboolean
sih_secret_warning_get_found (SihSecretWarning *self)
{
  g_return_val_if_fail (SIH_IS_SECRET_WARNING (self), FALSE);
  return self->found;
}

/* GObject */

static void
sih_secret_warning_dispose (GObject *object)
{
  SihSecretWarning *self = SIH_SECRET_WARNING (object);

  disconnect_field (self);

  G_OBJECT_CLASS (sih_secret_warning_parent_class)->dispose (object);
}

static void
sih_secret_warning_finalize (GObject *object)
{
  SihSecretWarning *self = SIH_SECRET_WARNING (object);

  g_free (self->field_description);
  g_free (self->undo_text);

  G_OBJECT_CLASS (sih_secret_warning_parent_class)->finalize (object);
}

static void
sih_secret_warning_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  SihSecretWarning *self = SIH_SECRET_WARNING (object);

  switch (prop_id)
    {
    case PROP_FIELD:
      g_value_set_object (value, self->field);
      break;
    case PROP_FIELD_DESCRIPTION:
      g_value_set_string (value, self->field_description);
      break;
    case PROP_FOUND:
      g_value_set_boolean (value, self->found);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sih_secret_warning_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  SihSecretWarning *self = SIH_SECRET_WARNING (object);

  switch (prop_id)
    {
    case PROP_FIELD:
      sih_secret_warning_set_field (self, g_value_get_object (value));
      break;
    case PROP_FIELD_DESCRIPTION:
      sih_secret_warning_set_field_description (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sih_secret_warning_class_init (SihSecretWarningClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sih_secret_warning_dispose;
  object_class->finalize = sih_secret_warning_finalize;
  object_class->get_property = sih_secret_warning_get_property;
  object_class->set_property = sih_secret_warning_set_property;

  /**
   * SihSecretWarning:field:
   *
   * The #GtkEditable or #GtkTextView to watch.
   */
  properties[PROP_FIELD] =
    g_param_spec_object ("field", NULL, NULL, GTK_TYPE_WIDGET,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /**
   * SihSecretWarning:field-description:
   *
   * The field's own accessible description, which the warning replaces
   * while it shows ("Never write passwords or codes in notes").
   */
  properties[PROP_FIELD_DESCRIPTION] =
    g_param_spec_string ("field-description", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /**
   * SihSecretWarning:found:
   *
   * Whether the field holds something that looks like a password or a
   * code (and the warning shows).
   */
  properties[PROP_FOUND] =
    g_param_spec_boolean ("found", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/sih-secret-warning.ui");
  gtk_widget_class_bind_template_child (widget_class, SihSecretWarning, label);
  gtk_widget_class_bind_template_child (widget_class, SihSecretWarning, remove_button);

  gtk_widget_class_install_action (widget_class, "secret-warning.remove", NULL, remove_action);
  gtk_widget_class_install_action (widget_class, "secret-warning.undo", NULL, undo_action);
}

static void
sih_secret_warning_init (SihSecretWarning *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * sih_secret_warning_new:
 * @field: (nullable): a #GtkEditable or a #GtkTextView to watch
 *
 * Returns: (transfer floating): a warning, hidden until @field holds
 *   something that looks like a password or a code
 */
GtkWidget *
sih_secret_warning_new (GtkWidget *field)
{
  return g_object_new (SIH_TYPE_SECRET_WARNING, "field", field, NULL);
}
