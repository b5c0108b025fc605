/* sih-summary-details.c
 *
 * The summary's "Details" page: the device, where and since when, recent
 * changes, the error message and the account, each written into the case
 * as it is typed (the case store saves it) and shown again when the case
 * changes elsewhere.  The page keeps nothing of its own.  Details nobody
 * has set yet are filled in from what the triage answers say
 * (sih_triage_fill_details()) when the page is given the case.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "core/sih-summary.h"
#include "core/sih-triage.h"
#include "ui/sih-accessible.h"
#include "ui/sih-summary-details.h"
#include "ui/sih-secret-warning.h"
#include "ui/sih-text-widgets.h"

struct _SihSummaryDetails
{
  AdwBin               parent_instance;

  SihCase             *kase;
  gboolean             help_desk;
  char                *this_os;   /* this machine's system, standing in for none typed */
  gboolean             updating;  /* showing the case in the widgets */
  gboolean             writing;   /* writing a widget's value to the case */

  AdwPreferencesGroup *device_group;
  AdwComboRow         *device_type_row;
  AdwEntryRow         *os_row;
  AdwEntryRow         *browser_row;
  AdwComboRow         *where_row;
  AdwEntryRow         *since_row;
  GtkCheckButton      *new_phone_check;
  GtkCheckButton      *new_number_check;
  GtkCheckButton      *new_email_check;
  GtkCheckButton      *new_password_check;
  AdwEntryRow         *changes_note_row;
  GtkTextView         *error_view;
  AdwPreferencesGroup *account_group;
  AdwEntryRow         *email_row;
  AdwEntryRow         *phone_row;
};

G_DEFINE_FINAL_TYPE (SihSummaryDetails, sih_summary_details, ADW_TYPE_BIN)

/* The rows of the combo rows after "Not set", and the check buttons, are
 * the values of core/sih-detail.c's table, in its order. */
static const char * const *
values_of (const char *key)
{
  return sih_detail_choice_lookup (key)->values;
}

#define DETAIL_KEY "sih-detail-key"

/* The text fields, each with the detail it edits. */
static GtkWidget *
text_field (SihSummaryDetails *self,
            guint              index,
            const char       **key)
{
  const struct { GtkWidget *widget; const char *key; } fields[] = {
    { GTK_WIDGET (self->os_row), SIH_DETAIL_OS },
    { GTK_WIDGET (self->browser_row), SIH_DETAIL_BROWSER },
    { GTK_WIDGET (self->since_row), SIH_DETAIL_SINCE },
    { GTK_WIDGET (self->changes_note_row), SIH_DETAIL_CHANGES_NOTE },
    { GTK_WIDGET (self->email_row), SIH_DETAIL_ACCOUNT_EMAIL },
    { GTK_WIDGET (self->phone_row), SIH_DETAIL_ACCOUNT_PHONE },
    { GTK_WIDGET (self->error_view), SIH_DETAIL_ERROR_MESSAGE },
  };

  if (index >= G_N_ELEMENTS (fields))
    return NULL;
  *key = fields[index].key;
  return fields[index].widget;
}

static GtkCheckButton *
change_check (SihSummaryDetails *self,
              guint              index)
{
  GtkCheckButton *checks[] = {
    self->new_phone_check, self->new_number_check, self->new_email_check, self->new_password_check,
  };

  g_assert (index < G_N_ELEMENTS (checks));
  return checks[index];
}

/* Selects @value in a combo row whose items are "Not set" then @key's
 * values; a value the list does not know (from a newer version, or typed
 * into a file) gets an item of its own rather than being shown as "Not
 * set". */
static void
select_in_combo (AdwComboRow *row,
                 const char  *key,
                 const char  *value)
{
  const char * const *values = values_of (key);
  guint n_values = g_strv_length ((char **)values) + 1;
  GtkStringList *list = GTK_STRING_LIST (adw_combo_row_get_model (row));
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (list));
  guint position = 0;

  if (value != NULL)
    {
      for (position = 1; position < n_values; position++)
        if (g_str_equal (values[position - 1], value))
          break;
      if (position == n_values)
        {
          const char *additions[] = { value, NULL };

          gtk_string_list_splice (list, n_values, n_items - n_values, additions);
        }
    }

  adw_combo_row_set_selected (row, position);
}

/* Shows the case's @key, or every detail when @key is %NULL. */
static void
show_details (SihSummaryDetails *self,
              const char        *key)
{
  GtkWidget *widget;
  const char *field_key;

  self->updating = TRUE;

  for (guint i = 0; (widget = text_field (self, i, &field_key)) != NULL; i++)
    {
      const char *value;

      if (key != NULL && !g_str_equal (key, field_key))
        continue;
      value = sih_case_get_detail (self->kase, field_key);
      /* Until the person types another, the summary names this machine's
       * system (not masked: it was not typed), so the field shows it.  The
       * browser cannot be known, and a caller's device, a phone or a
       * tablet is not this one. */
      if (value == NULL && g_str_equal (field_key, SIH_DETAIL_OS) &&
          sih_summary_on_this_computer (self->kase, self->help_desk))
        value = self->this_os;
      sih_text_widget_set_text (widget, value);
    }

  if (key == NULL || g_str_equal (key, SIH_DETAIL_DEVICE_TYPE))
    select_in_combo (self->device_type_row, SIH_DETAIL_DEVICE_TYPE,
                     sih_case_get_detail (self->kase, SIH_DETAIL_DEVICE_TYPE));
  if (key == NULL || g_str_equal (key, SIH_DETAIL_WHERE))
    select_in_combo (self->where_row, SIH_DETAIL_WHERE,
                     sih_case_get_detail (self->kase, SIH_DETAIL_WHERE));
  if (key == NULL || g_str_equal (key, SIH_DETAIL_CHANGES))
    {
      const char *changes = sih_case_get_detail (self->kase, SIH_DETAIL_CHANGES);
      const char * const *change_ids = values_of (SIH_DETAIL_CHANGES);

      for (guint i = 0; change_ids[i] != NULL; i++)
        gtk_check_button_set_active (change_check (self, i),
                                     sih_detail_list_contains (changes, change_ids[i]));
    }

  self->updating = FALSE;
}

/* Writing to the case */

static void
write_detail (SihSummaryDetails *self,
              const char        *key,
              const char        *value)
{
  if (self->updating || self->kase == NULL)
    return;

  self->writing = TRUE;
  sih_case_set_detail (self->kase, key, value);
  self->writing = FALSE;
}

static void
text_changed_cb (SihSummaryDetails *self,
                 GObject           *source)
{
  GtkWidget *widget = g_object_get_data (source, DETAIL_KEY "-widget");
  g_autofree char *text = sih_text_widget_dup_text (widget);

  write_detail (self, g_object_get_data (G_OBJECT (widget), DETAIL_KEY), text);
}

static void
combo_selected (SihSummaryDetails *self,
                AdwComboRow       *row,
                const char        *key)
{
  const char * const *values = values_of (key);
  guint n_values = g_strv_length ((char **)values) + 1;
  guint position = adw_combo_row_get_selected (row);

  if (position == GTK_INVALID_LIST_POSITION)
    return;
  if (position < n_values)
    write_detail (self, key, position > 0 ? values[position - 1] : NULL);
  else
    write_detail (self, key, gtk_string_list_get_string (GTK_STRING_LIST (adw_combo_row_get_model (row)),
                                                         position));
}

static void
device_type_selected_cb (SihSummaryDetails *self)
{
  combo_selected (self, self->device_type_row, SIH_DETAIL_DEVICE_TYPE);
  /* This computer's system stands in only while the device is this one. */
  if (!self->updating && self->kase != NULL)
    show_details (self, SIH_DETAIL_OS);
}

static void
where_selected_cb (SihSummaryDetails *self)
{
  combo_selected (self, self->where_row, SIH_DETAIL_WHERE);
}

static void
change_toggled_cb (SihSummaryDetails *self)
{
  const char * const *change_ids = values_of (SIH_DETAIL_CHANGES);
  g_autoptr(GPtrArray) tokens = NULL;
  g_auto(GStrv) old = NULL;
  g_autofree char *value = NULL;

  if (self->updating || self->kase == NULL)
    return;

  tokens = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; change_ids[i] != NULL; i++)
    if (gtk_check_button_get_active (change_check (self, i)))
      g_ptr_array_add (tokens, g_strdup (change_ids[i]));

  /* Keep what this version has no check button for. */
  old = g_strsplit (sih_case_get_detail (self->kase, SIH_DETAIL_CHANGES) ?: "", ",", -1);
  for (guint i = 0; old[i] != NULL; i++)
    {
      const char *token = g_strstrip (old[i]);

      if (*token != '\0' && !g_strv_contains (change_ids, token))
        g_ptr_array_add (tokens, g_strdup (token));
    }
  g_ptr_array_add (tokens, NULL);

  value = g_strjoinv (",", (char **)tokens->pdata);
  write_detail (self, SIH_DETAIL_CHANGES, value);
}

static void
detail_changed_cb (SihSummaryDetails *self,
                   const char        *key)
{
  /* Only changes made elsewhere: the widget that wrote it shows it already. */
  if (!self->writing)
    show_details (self, key);
}

/* GObject */

static void
sih_summary_details_dispose (GObject *object)
{
  SihSummaryDetails *self = SIH_SUMMARY_DETAILS (object);

  if (self->kase != NULL)
    g_signal_handlers_disconnect_by_data (self->kase, self);
  g_clear_object (&self->kase);

  G_OBJECT_CLASS (sih_summary_details_parent_class)->dispose (object);
}

static void
sih_summary_details_finalize (GObject *object)
{
  SihSummaryDetails *self = SIH_SUMMARY_DETAILS (object);

  g_free (self->this_os);

  G_OBJECT_CLASS (sih_summary_details_parent_class)->finalize (object);
}

static void
sih_summary_details_class_init (SihSummaryDetailsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sih_summary_details_dispose;
  object_class->finalize = sih_summary_details_finalize;

  g_type_ensure (SIH_TYPE_SECRET_WARNING);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/sih-summary-details.ui");
  gtk_widget_class_bind_template_child (widget_class, SihSummaryDetails, device_group);
  gtk_widget_class_bind_template_child (widget_class, SihSummaryDetails, device_type_row);
  gtk_widget_class_bind_template_child (widget_class, SihSummaryDetails, os_row);
  gtk_widget_class_bind_template_child (widget_class, SihSummaryDetails, browser_row);
  gtk_widget_class_bind_template_child (widget_class, SihSummaryDetails, where_row);
  gtk_widget_class_bind_template_child (widget_class, SihSummaryDetails, since_row);
  gtk_widget_class_bind_template_child (widget_class, SihSummaryDetails, new_phone_check);
  gtk_widget_class_bind_template_child (widget_class, SihSummaryDetails, new_number_check);
  gtk_widget_class_bind_template_child (widget_class, SihSummaryDetails, new_email_check);
  gtk_widget_class_bind_template_child (widget_class, SihSummaryDetails, new_password_check);
  gtk_widget_class_bind_template_child (widget_class, SihSummaryDetails, changes_note_row);
  gtk_widget_class_bind_template_child (widget_class, SihSummaryDetails, error_view);
  gtk_widget_class_bind_template_child (widget_class, SihSummaryDetails, account_group);
  gtk_widget_class_bind_template_child (widget_class, SihSummaryDetails, email_row);
  gtk_widget_class_bind_template_child (widget_class, SihSummaryDetails, phone_row);
  gtk_widget_class_bind_template_callback (widget_class, device_type_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, where_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, change_toggled_cb);
}

static void
sih_summary_details_init (SihSummaryDetails *self)
{
  GtkWidget *widget;
  const char *key;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* libadwaita 1.2 shows its rows' arrows and pencils as images a screen
   * reader reads ("GtkImage"). */
  sih_accessible_hide_images (GTK_WIDGET (self));
  for (guint i = 0; values_of (SIH_DETAIL_CHANGES)[i] != NULL; i++)
    {
      GtkWidget *check = GTK_WIDGET (change_check (self, i));

      sih_toggle_row_set_toggle (ADW_ACTION_ROW (gtk_widget_get_ancestor (check, ADW_TYPE_ACTION_ROW)),
                                 check);
    }

  for (guint i = 0; (widget = text_field (self, i, &key)) != NULL; i++)
    {
      GObject *source = G_OBJECT (widget);

      g_object_set_data (G_OBJECT (widget), DETAIL_KEY, (gpointer)key);
      if (GTK_IS_TEXT_VIEW (widget))
        source = G_OBJECT (gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget)));
      else
        sih_accessible_name_entry_row (ADW_ENTRY_ROW (widget));
      g_object_set_data (source, DETAIL_KEY "-widget", widget);
      g_signal_connect_swapped (source, "changed", G_CALLBACK (text_changed_cb), self);
    }
}

/**
 * sih_summary_details_set_case:
 * @kase: the case to show and write the details into
 * @triage: (nullable): the pack's triage questions, whose answers fill in
 *   the details nobody has set yet
 * @help_desk: the case is about a caller's device, not this machine
 * @this_os: (nullable): this machine's operating system, shown while the
 *   case names none and the problem is on this machine
 */
void
sih_summary_details_set_case (SihSummaryDetails *self,
                              SihCase           *kase,
                              SihTriage         *triage,
                              gboolean           help_desk,
                              const char        *this_os)
{
  g_return_if_fail (SIH_IS_SUMMARY_DETAILS (self));
  g_return_if_fail (SIH_IS_CASE (kase));
  g_return_if_fail (triage == NULL || SIH_IS_TRIAGE (triage));

  if (self->kase != NULL)
    g_signal_handlers_disconnect_by_data (self->kase, self);
  g_set_object (&self->kase, kase);
  self->help_desk = help_desk;
  g_free (self->this_os);
  self->this_os = g_strdup (this_os);

  if (help_desk)
    {
      adw_preferences_group_set_title (self->device_group, _("The Caller’s Device"));
      adw_preferences_group_set_description (self->device_group,
                                             _("Describe the device the caller is using."));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->where_row),
                                     _("Where does the caller sign in?"));
      adw_preferences_group_set_description (self->account_group,
                                             _("Only to help support find the caller’s account. "
                                               "Masked in the summary unless you choose to show it."));
    }
  else
    {
      adw_preferences_group_set_description (self->device_group,
                                             _("Filled in from this computer where possible. Change "
                                               "anything that is not right, for example when the "
                                               "problem is on your phone."));
    }

  /* Before showing them: "I changed phones" ticks "New phone" while no
   * recent change is set; what the person set stays as it is. */
  if (triage != NULL)
    sih_triage_fill_details (triage, kase);
  show_details (self, NULL);
  g_signal_connect_swapped (kase, "detail-changed", G_CALLBACK (detail_changed_cb), self);
}

/**
 * sih_summary_details_focus_field:
 * @key: a detail typed on this page (see #SihSummaryFinding)
 *
 * Puts the keyboard focus in the field that edits @key, which scrolls it
 * into view, with what looks like a password or a code selected.
 *
 * Returns: %TRUE if the page has a field for @key and it took the focus
 */
gboolean
sih_summary_details_focus_field (SihSummaryDetails *self,
                                 const char        *key)
{
  GtkWidget *widget;
  const char *field_key;

  g_return_val_if_fail (SIH_IS_SUMMARY_DETAILS (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  for (guint i = 0; (widget = text_field (self, i, &field_key)) != NULL; i++)
    if (g_str_equal (key, field_key))
      return sih_text_widget_focus_secret (widget);
  return FALSE;
}
