/* sih-summary-window.c
 *
 * The support summary: a "Details" page to fill in what the summary asks
 * about (every edit goes straight into the case, which the case store
 * saves), and a "Preview" page that shows exactly the text Copy, Save and
 * Print share, masked by default, with a switch per field to share it as
 * written and a warning for anything that looks like a password or a code.
 *
 * The window keeps no state that would need saving: the details live in
 * the case, the masking choices only for as long as the window is open.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ui/sih-export.h"
#include "ui/sih-print.h"
#include "core/sih-summary.h"
#include "ui/sih-summary-window.h"
#include "ui/sih-dialogs.h"

#define NOTE_PREFIX "note:"

struct _SihSummaryWindow
{
  AdwWindow             parent_instance;

  SihPack              *pack;
  SihCase              *kase;
  gboolean              help_desk;
  SihDeviceInfo        *device;
  SihSummaryOptions     options;          /* .unmask: a set of field ids, owned */
  char                 *text;             /* what Copy, Save and Print share */
  char                 *mask_key;         /* what the mask rows show, to rebuild on change only */
  char                 *secret_key;       /* likewise for the secret rows */
  GPtrArray            *mask_rows;
  GPtrArray            *secret_rows;
  GHashTable           *unmask_switches;  /* field id → GtkSwitch (owned by its row) */
  gboolean              updating;         /* showing the case in the widgets */
  gboolean              writing;          /* writing a widget's value to the case */
  GtkFileChooserNative *save_dialog;

  AdwToastOverlay      *toast_overlay;
  AdwViewStack         *view_stack;
  AdwPreferencesGroup  *device_group;
  AdwComboRow          *device_type_row;
  GtkStringList        *device_type_list;
  AdwEntryRow          *os_row;
  AdwEntryRow          *browser_row;
  AdwComboRow          *where_row;
  AdwEntryRow          *since_row;
  GtkCheckButton       *new_phone_check;
  GtkCheckButton       *new_number_check;
  GtkCheckButton       *new_email_check;
  GtkCheckButton       *new_password_check;
  AdwEntryRow          *changes_note_row;
  GtkTextView          *error_view;
  AdwPreferencesGroup  *account_group;
  AdwEntryRow          *email_row;
  AdwEntryRow          *phone_row;
  GtkTextView          *extra_view;
  AdwPreferencesGroup  *secret_group;
  GtkToggleButton      *text_button;
  GtkToggleButton      *markdown_button;
  AdwPreferencesGroup  *mask_group;
  GtkTextView          *preview_view;
};

G_DEFINE_FINAL_TYPE (SihSummaryWindow, sih_summary_window, ADW_TYPE_WINDOW)

/* Index 0 of both combo rows is "Not set". */
static const char * const device_types[] = { NULL, "pc", "phone", "tablet" };
static const char * const places[] = {
  NULL, "website", "shopping-app", "seller-central", "prime-video", "business",
};
static const char * const change_ids[] = { "new-phone", "new-number", "new-email", "new-password" };

#define DETAIL_KEY "sih-detail-key"
#define FIELD_KEY  "sih-field"

/* Field names */

static const char *
detail_label (const char *key)
{
  if (g_str_equal (key, SIH_DETAIL_OS))
    return _("Operating system");
  if (g_str_equal (key, SIH_DETAIL_BROWSER))
    return _("Browser or app, and its version");
  if (g_str_equal (key, SIH_DETAIL_SINCE))
    return _("Since when does it fail?");
  if (g_str_equal (key, SIH_DETAIL_CHANGES_NOTE))
    return _("About the changes");
  if (g_str_equal (key, SIH_DETAIL_ERROR_MESSAGE))
    return _("Error message");
  if (g_str_equal (key, SIH_DETAIL_EXTRA))
    return _("Anything else");
  if (g_str_equal (key, SIH_DETAIL_ACCOUNT_EMAIL))
    return _("Registered e-mail address");
  if (g_str_equal (key, SIH_DETAIL_ACCOUNT_PHONE))
    return _("Registered phone number");
  return key;
}

/* Splits "note:CAUSE/STEP"; %FALSE for a detail key. */
static gboolean
parse_note_field (const char  *field,
                  char       **cause_id,
                  char       **step_id)
{
  const char *slash;

  if (!g_str_has_prefix (field, NOTE_PREFIX))
    return FALSE;
  field += strlen (NOTE_PREFIX);
  slash = strchr (field, '/');
  if (slash == NULL)
    return FALSE;
  *cause_id = g_strndup (field, slash - field);
  *step_id = g_strdup (slash + 1);
  return TRUE;
}

static char *
step_title (SihSummaryWindow *self,
            const char       *cause_id,
            const char       *step_id)
{
  SihCause *cause = sih_pack_find_cause (self->pack, cause_id);
  SihStep *step = cause != NULL ? sih_cause_find_step (cause, step_id) : NULL;

  return g_strdup (step != NULL ? sih_step_get_title (step) : step_id);
}

static char *
unmask_title (SihSummaryWindow *self,
              const char       *field)
{
  g_autofree char *cause_id = NULL;
  g_autofree char *step_id = NULL;

  if (parse_note_field (field, &cause_id, &step_id))
    {
      g_autofree char *title = step_title (self, cause_id, step_id);
      /* Translators: a switch; %s is the title of a step */
      return g_strdup_printf (_("Show the note on “%s” unmasked"), title);
    }
  /* Translators: a switch; %s is a field such as “Registered e-mail address” */
  return g_strdup_printf (_("Show “%s” unmasked"), detail_label (field));
}

static char *
secret_title (SihSummaryWindow *self,
              const char       *field)
{
  g_autofree char *cause_id = NULL;
  g_autofree char *step_id = NULL;

  if (parse_note_field (field, &cause_id, &step_id))
    {
      g_autofree char *title = step_title (self, cause_id, step_id);
      /* Translators: %s is the title of a step */
      return g_strdup_printf (_("The note on “%s” looks like it contains a password or a code"),
                              title);
    }
  /* Translators: %s is a field such as “Error message” */
  return g_strdup_printf (_("“%s” looks like it contains a password or a code"),
                          detail_label (field));
}

/* Showing the case */

static void
set_editable_text (GtkEditable *editable,
                   const char  *value)
{
  if (g_strcmp0 (gtk_editable_get_text (editable), value != NULL ? value : "") != 0)
    gtk_editable_set_text (editable, value != NULL ? value : "");
}

static void
set_text_view_text (GtkTextView *view,
                    const char  *value)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;
  g_autofree char *current = NULL;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  current = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (g_strcmp0 (current, value != NULL ? value : "") != 0)
    gtk_text_buffer_set_text (buffer, value != NULL ? value : "", -1);
}

/* Selects @value in a combo row whose items match @values; a value the
 * list does not know (from a newer version, or typed into a file) gets an
 * item of its own rather than being shown as "Not set". */
static void
select_in_combo (AdwComboRow        *row,
                 const char * const *values,
                 guint               n_values,
                 const char         *value)
{
  GtkStringList *list = GTK_STRING_LIST (adw_combo_row_get_model (row));
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (list));
  guint position = 0;

  if (value != NULL)
    {
      for (position = 1; position < n_values; position++)
        if (g_str_equal (values[position], value))
          break;
      if (position == n_values)
        {
          const char *additions[] = { value, NULL };

          gtk_string_list_splice (list, n_values, n_items - n_values, additions);
        }
    }

  adw_combo_row_set_selected (row, position);
}

static gboolean
has_change (const char *changes,
            const char *id)
{
  g_auto(GStrv) tokens = changes != NULL ? g_strsplit (changes, ",", -1) : NULL;

  for (guint i = 0; tokens != NULL && tokens[i] != NULL; i++)
    if (g_str_equal (g_strstrip (tokens[i]), id))
      return TRUE;
  return FALSE;
}

static GtkCheckButton *
change_check (SihSummaryWindow *self,
              guint             index)
{
  GtkCheckButton *checks[] = {
    self->new_phone_check, self->new_number_check, self->new_email_check, self->new_password_check,
  };

  G_STATIC_ASSERT (G_N_ELEMENTS (checks) == G_N_ELEMENTS (change_ids));
  g_assert (index < G_N_ELEMENTS (checks));
  return checks[index];
}

static GtkWidget *
widget_for_key (SihSummaryWindow *self,
                const char       *key)
{
  GtkWidget *widgets[] = {
    GTK_WIDGET (self->os_row), GTK_WIDGET (self->browser_row), GTK_WIDGET (self->since_row),
    GTK_WIDGET (self->changes_note_row), GTK_WIDGET (self->email_row),
    GTK_WIDGET (self->phone_row), GTK_WIDGET (self->error_view), GTK_WIDGET (self->extra_view),
  };

  for (guint i = 0; i < G_N_ELEMENTS (widgets); i++)
    if (g_strcmp0 (g_object_get_data (G_OBJECT (widgets[i]), DETAIL_KEY), key) == 0)
      return widgets[i];
  return NULL;
}

/* Shows the case's @key, or every detail when @key is %NULL. */
static void
show_details (SihSummaryWindow *self,
              const char       *key)
{
  const char *keys[] = {
    SIH_DETAIL_OS, SIH_DETAIL_BROWSER, SIH_DETAIL_SINCE, SIH_DETAIL_CHANGES_NOTE,
    SIH_DETAIL_ACCOUNT_EMAIL, SIH_DETAIL_ACCOUNT_PHONE, SIH_DETAIL_ERROR_MESSAGE, SIH_DETAIL_EXTRA,
  };

  self->updating = TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      GtkWidget *widget;
      const char *value;

      if (key != NULL && !g_str_equal (key, keys[i]))
        continue;
      widget = widget_for_key (self, keys[i]);
      value = sih_case_get_detail (self->kase, keys[i]);
      /* Until the person types another, the summary names this machine's
       * system (not masked: it was not typed), so the field shows it.  The
       * browser cannot be known, and a caller's device, a phone or a
       * tablet is not this one. */
      if (value == NULL && g_str_equal (keys[i], SIH_DETAIL_OS) &&
          sih_summary_on_this_computer (self->kase, self->help_desk))
        value = self->device->os_name;
      if (GTK_IS_TEXT_VIEW (widget))
        set_text_view_text (GTK_TEXT_VIEW (widget), value);
      else
        set_editable_text (GTK_EDITABLE (widget), value);
    }

  if (key == NULL || g_str_equal (key, SIH_DETAIL_DEVICE_TYPE))
    select_in_combo (self->device_type_row, device_types, G_N_ELEMENTS (device_types),
                     sih_case_get_detail (self->kase, SIH_DETAIL_DEVICE_TYPE));
  if (key == NULL || g_str_equal (key, SIH_DETAIL_WHERE))
    select_in_combo (self->where_row, places, G_N_ELEMENTS (places),
                     sih_case_get_detail (self->kase, SIH_DETAIL_WHERE));
  if (key == NULL || g_str_equal (key, SIH_DETAIL_CHANGES))
    {
      const char *changes = sih_case_get_detail (self->kase, SIH_DETAIL_CHANGES);

      for (guint i = 0; i < G_N_ELEMENTS (change_ids); i++)
        gtk_check_button_set_active (change_check (self, i), has_change (changes, change_ids[i]));
    }

  self->updating = FALSE;
}

/* Writing to the case */

static void
write_detail (SihSummaryWindow *self,
              const char       *key,
              const char       *value)
{
  if (self->updating || self->kase == NULL)
    return;

  self->writing = TRUE;
  sih_case_set_detail (self->kase, key, value);
  self->writing = FALSE;
}

static void
entry_changed_cb (SihSummaryWindow *self,
                  GtkEditable      *editable)
{
  write_detail (self, g_object_get_data (G_OBJECT (editable), DETAIL_KEY),
                gtk_editable_get_text (editable));
}

static void
text_changed_cb (SihSummaryWindow *self,
                 GtkTextBuffer    *buffer)
{
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  write_detail (self, g_object_get_data (G_OBJECT (buffer), DETAIL_KEY), text);
}

static void
combo_selected (SihSummaryWindow   *self,
                AdwComboRow        *row,
                const char         *key,
                const char * const *values,
                guint               n_values)
{
  guint position = adw_combo_row_get_selected (row);

  if (position == GTK_INVALID_LIST_POSITION)
    return;
  if (position < n_values)
    write_detail (self, key, values[position]);
  else
    write_detail (self, key, gtk_string_list_get_string (GTK_STRING_LIST (adw_combo_row_get_model (row)),
                                                         position));
}

static void
device_type_selected_cb (SihSummaryWindow *self)
{
  combo_selected (self, self->device_type_row, SIH_DETAIL_DEVICE_TYPE,
                  device_types, G_N_ELEMENTS (device_types));
  /* This computer's system stands in only while the device is this one. */
  if (!self->updating && self->kase != NULL)
    show_details (self, SIH_DETAIL_OS);
}

static void
where_selected_cb (SihSummaryWindow *self)
{
  combo_selected (self, self->where_row, SIH_DETAIL_WHERE, places, G_N_ELEMENTS (places));
}

static void
change_toggled_cb (SihSummaryWindow *self)
{
  g_autoptr(GPtrArray) tokens = NULL;
  g_auto(GStrv) old = NULL;
  g_autofree char *value = NULL;

  if (self->updating || self->kase == NULL)
    return;

  tokens = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < G_N_ELEMENTS (change_ids); i++)
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

/* The preview */

/* The summary says where it wrote each finding: tag those places. */
static void
highlight_findings (SihSummaryWindow *self,
                    GPtrArray        *findings)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->preview_view);

  for (guint i = 0; i < findings->len; i++)
    {
      const SihSummaryFinding *finding = g_ptr_array_index (findings, i);
      const char *tag = finding->kind == SIH_MASK_KIND_SECRET ? "sih-secret" : "sih-personal";

      for (guint j = 0; j < finding->spans->len; j++)
        {
          const SihSummarySpan *span = &g_array_index (finding->spans, SihSummarySpan, j);
          GtkTextIter start, end;

          gtk_text_buffer_get_iter_at_offset (buffer, &start,
                                              (int)g_utf8_pointer_to_offset (self->text,
                                                                             self->text + span->start));
          gtk_text_buffer_get_iter_at_offset (buffer, &end,
                                              (int)g_utf8_pointer_to_offset (self->text,
                                                                             self->text + span->end));
          gtk_text_buffer_apply_tag_by_name (buffer, tag, &start, &end);
        }
    }
}

static void
unmask_switch_cb (SihSummaryWindow *self,
                  GParamSpec       *pspec,
                  GtkSwitch        *sw);

static void update_preview (SihSummaryWindow *self);

static void
clear_rows (AdwPreferencesGroup *group,
            GPtrArray           *rows)
{
  for (guint i = 0; i < rows->len; i++)
    adw_preferences_group_remove (group, g_ptr_array_index (rows, i));
  g_ptr_array_set_size (rows, 0);
}

static const char *
unmask_subtitle (gboolean unmasked,
                 gboolean has_secret)
{
  if (!unmasked)
    return _("Masked in the summary");
  if (has_secret)
    return _("Shown as written, including what looks like a password or a code");
  return _("Shown as written in the summary");
}

/* Fields with something masked, in the order the summary met them, and
 * whether each also has something that looks like a secret. */
static GPtrArray *
fields_with (SihSummaryWindow *self,
             GPtrArray        *findings,
             gboolean          secrets_only,
             GHashTable       *has_secret)
{
  GPtrArray *fields = g_ptr_array_new ();

  for (guint i = 0; i < findings->len; i++)
    {
      const SihSummaryFinding *finding = g_ptr_array_index (findings, i);
      gboolean unmasked = g_hash_table_contains (self->options.unmask, finding->field);

      if (finding->kind == SIH_MASK_KIND_SECRET)
        g_hash_table_add (has_secret, finding->field);
      if (secrets_only ? finding->kind != SIH_MASK_KIND_SECRET : !(finding->masked || unmasked))
        continue;
      if (!g_ptr_array_find_with_equal_func (fields, finding->field, g_str_equal, NULL))
        g_ptr_array_add (fields, finding->field);
    }
  return fields;
}

static char *
fields_key (GPtrArray *fields)
{
  GString *key = g_string_new (NULL);

  for (guint i = 0; i < fields->len; i++)
    g_string_append_printf (key, "%s\n", (char *)g_ptr_array_index (fields, i));
  return g_string_free (key, FALSE);
}

/* The rows are rebuilt only when the fields change, so that a switch
 * being toggled (and the keyboard focus on it) stays where it is. */
static void
update_mask_rows (SihSummaryWindow *self,
                  GPtrArray        *findings)
{
  g_autoptr(GHashTable) has_secret = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) fields = fields_with (self, findings, FALSE, has_secret);
  g_autofree char *key = fields_key (fields);

  if (g_strcmp0 (key, self->mask_key) != 0)
    {
      g_free (self->mask_key);
      self->mask_key = g_steal_pointer (&key);

      clear_rows (self->mask_group, self->mask_rows);
      g_hash_table_remove_all (self->unmask_switches);

      for (guint i = 0; i < fields->len; i++)
        {
          const char *field = g_ptr_array_index (fields, i);
          g_autofree char *title = unmask_title (self, field);
          GtkWidget *row = adw_action_row_new ();
          GtkWidget *sw = gtk_switch_new ();

          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
          gtk_widget_set_valign (sw, GTK_ALIGN_CENTER);
          gtk_switch_set_active (GTK_SWITCH (sw), g_hash_table_contains (self->options.unmask, field));
          gtk_accessible_update_property (GTK_ACCESSIBLE (sw), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
          g_object_set_data_full (G_OBJECT (sw), FIELD_KEY, g_strdup (field), g_free);
          g_signal_connect_swapped (sw, "notify::active", G_CALLBACK (unmask_switch_cb), self);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), sw);
          adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), sw);

          adw_preferences_group_add (self->mask_group, row);
          g_ptr_array_add (self->mask_rows, row);
          g_hash_table_insert (self->unmask_switches, g_strdup (field), sw);
        }
    }

  for (guint i = 0; i < fields->len; i++)
    {
      const char *field = g_ptr_array_index (fields, i);

      adw_action_row_set_subtitle (g_ptr_array_index (self->mask_rows, i),
                                   unmask_subtitle (g_hash_table_contains (self->options.unmask, field),
                                                    g_hash_table_contains (has_secret, field)));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->mask_group), fields->len > 0);
}

static void
update_secret_rows (SihSummaryWindow *self,
                    GPtrArray        *findings)
{
  g_autoptr(GHashTable) has_secret = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) fields = fields_with (self, findings, TRUE, has_secret);
  g_autofree char *key = fields_key (fields);

  if (g_strcmp0 (key, self->secret_key) != 0)
    {
      g_free (self->secret_key);
      self->secret_key = g_steal_pointer (&key);

      clear_rows (self->secret_group, self->secret_rows);

      for (guint i = 0; i < fields->len; i++)
        {
          g_autofree char *title = secret_title (self, g_ptr_array_index (fields, i));
          GtkWidget *row = adw_action_row_new ();
          GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
          gtk_widget_add_css_class (icon, "warning");
          gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          _("Warning"), -1);
          adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);

          adw_preferences_group_add (self->secret_group, row);
          g_ptr_array_add (self->secret_rows, row);
        }
    }

  for (guint i = 0; i < fields->len; i++)
    adw_action_row_set_subtitle (g_ptr_array_index (self->secret_rows, i),
                                 g_hash_table_contains (self->options.unmask,
                                                        g_ptr_array_index (fields, i)) ?
                                 _("It is shared as written, because you chose to show this "
                                   "field unmasked. Please delete it.") :
                                 _("It is left out of the summary for now. Please delete it."));
  gtk_widget_set_visible (GTK_WIDGET (self->secret_group), fields->len > 0);
}

/* A field the person unmasked and then emptied is masked again when
 * something is written into it later. */
static void
forget_empty_unmasked (SihSummaryWindow *self,
                       GPtrArray        *findings)
{
  GHashTableIter iter;
  const char *field;

  g_hash_table_iter_init (&iter, self->options.unmask);
  while (g_hash_table_iter_next (&iter, (gpointer *)&field, NULL))
    {
      gboolean found = FALSE;

      for (guint i = 0; i < findings->len && !found; i++)
        found = g_str_equal (((SihSummaryFinding *)g_ptr_array_index (findings, i))->field, field);
      if (!found)
        g_hash_table_iter_remove (&iter);
    }
}

static void
update_preview (SihSummaryWindow *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->preview_view);
  g_autoptr(GDateTime) now = sih_case_now (self->kase);
  g_autoptr(GPtrArray) findings = NULL;

  g_free (self->text);
  self->text = sih_summary_format (self->kase, self->pack, self->device, now, &self->options,
                                   &findings);
  gtk_text_buffer_set_text (buffer, self->text, -1);

  forget_empty_unmasked (self, findings);
  highlight_findings (self, findings);
  update_mask_rows (self, findings);
  update_secret_rows (self, findings);
}

static void
unmask_switch_cb (SihSummaryWindow *self,
                  GParamSpec       *pspec,
                  GtkSwitch        *sw)
{
  const char *field = g_object_get_data (G_OBJECT (sw), FIELD_KEY);

  if (gtk_switch_get_active (sw))
    g_hash_table_add (self->options.unmask, g_strdup (field));
  else
    g_hash_table_remove (self->options.unmask, field);

  update_preview (self);
}

static void
format_toggled_cb (SihSummaryWindow *self,
                   GtkToggleButton  *button)
{
  SihSummaryFormat format;

  if (!gtk_toggle_button_get_active (button))
    return;
  format = button == self->markdown_button ? SIH_SUMMARY_FORMAT_MARKDOWN : SIH_SUMMARY_FORMAT_TEXT;
  if (format == self->options.format)
    return;
  self->options.format = format;
  if (self->kase != NULL)
    update_preview (self);
}

static void
case_changed_cb (SihSummaryWindow *self)
{
  update_preview (self);
}

static void
detail_changed_cb (SihSummaryWindow *self,
                   const char       *key)
{
  /* Only changes made elsewhere: the widget that wrote it shows it already. */
  if (!self->writing)
    show_details (self, key);
}

/* Copy, Save, Print */

static void
copy_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SihSummaryWindow *self = SIH_SUMMARY_WINDOW (widget);

  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), self->text);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Summary copied")));
}

static void
save_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(SihSummaryWindow) self = user_data;
  GFile *file = G_FILE (source);
  g_autoptr(GError) error = NULL;

  if (!g_file_replace_contents_finish (file, result, NULL, &error))
    {
      sih_show_error_dialog (GTK_WIDGET (self), _("Could Not Save the Summary"), error->message);
    }
  else
    {
      g_autofree char *name = g_file_get_basename (file);
      /* A toast's title is markup. */
      g_autofree char *escaped = g_markup_escape_text (name, -1);
      /* Translators: %s is a file name */
      g_autofree char *message = g_strdup_printf (_("Saved as “%s”"), escaped);

      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
    }
}

static void
save_response_cb (SihSummaryWindow *self,
                  int               response,
                  GtkNativeDialog  *dialog)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GBytes) bytes = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  g_clear_object (&self->save_dialog);
  if (file == NULL)
    return;

  bytes = g_bytes_new (self->text, strlen (self->text));
  /* Personal data: private to the user, and never half written. */
  g_file_replace_contents_bytes_async (file, bytes, NULL, FALSE,
                                       G_FILE_CREATE_PRIVATE | G_FILE_CREATE_REPLACE_DESTINATION,
                                       NULL, save_done_cb, g_object_ref (self));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SihSummaryWindow *self = SIH_SUMMARY_WINDOW (widget);
  g_autoptr(GDateTime) now = sih_case_now (self->kase);
  /* ISO 8601 in file names, so that they sort by date in any language. */
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *name = NULL;

  if (self->save_dialog != NULL)
    return;

  name = g_strdup_printf ("signin-summary-%s.%s", date,
                          sih_export_format_for_summary (self->options.format)->extension);
  self->save_dialog = gtk_file_chooser_native_new (_("Save Summary"), GTK_WINDOW (self),
                                                   GTK_FILE_CHOOSER_ACTION_SAVE,
                                                   _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->save_dialog), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->save_dialog), name);
  g_signal_connect_swapped (self->save_dialog, "response", G_CALLBACK (save_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->save_dialog));
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  SihSummaryWindow *self = SIH_SUMMARY_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = g_strdup (self->text);

  /* The dialog runs a main loop: the preview may change meanwhile. */
  if (!sih_print_text (GTK_WINDOW (self), _("Support Summary"), text, NULL, &error))
    sih_show_error_dialog (GTK_WIDGET (self), _("Could Not Print"), error->message);
}

/* GObject */

static void
sih_summary_window_dispose (GObject *object)
{
  SihSummaryWindow *self = SIH_SUMMARY_WINDOW (object);

  if (self->kase != NULL)
    g_signal_handlers_disconnect_by_data (self->kase, self);
  if (self->save_dialog != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->save_dialog, self);
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->save_dialog));
      g_clear_object (&self->save_dialog);
    }
  g_clear_object (&self->kase);
  g_clear_object (&self->pack);

  G_OBJECT_CLASS (sih_summary_window_parent_class)->dispose (object);
}

static void
sih_summary_window_finalize (GObject *object)
{
  SihSummaryWindow *self = SIH_SUMMARY_WINDOW (object);

  g_clear_pointer (&self->device, sih_device_info_free);
  g_clear_pointer (&self->options.unmask, g_hash_table_unref);
  g_clear_pointer (&self->unmask_switches, g_hash_table_unref);
  g_clear_pointer (&self->mask_rows, g_ptr_array_unref);
  g_clear_pointer (&self->secret_rows, g_ptr_array_unref);
  g_free (self->text);
  g_free (self->mask_key);
  g_free (self->secret_key);

  G_OBJECT_CLASS (sih_summary_window_parent_class)->finalize (object);
}

static void
sih_summary_window_class_init (SihSummaryWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sih_summary_window_dispose;
  object_class->finalize = sih_summary_window_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/sih-summary-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SihSummaryWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, SihSummaryWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, SihSummaryWindow, device_group);
  gtk_widget_class_bind_template_child (widget_class, SihSummaryWindow, device_type_row);
  gtk_widget_class_bind_template_child (widget_class, SihSummaryWindow, device_type_list);
  gtk_widget_class_bind_template_child (widget_class, SihSummaryWindow, os_row);
  gtk_widget_class_bind_template_child (widget_class, SihSummaryWindow, browser_row);
  gtk_widget_class_bind_template_child (widget_class, SihSummaryWindow, where_row);
  gtk_widget_class_bind_template_child (widget_class, SihSummaryWindow, since_row);
  gtk_widget_class_bind_template_child (widget_class, SihSummaryWindow, new_phone_check);
  gtk_widget_class_bind_template_child (widget_class, SihSummaryWindow, new_number_check);
  gtk_widget_class_bind_template_child (widget_class, SihSummaryWindow, new_email_check);
  gtk_widget_class_bind_template_child (widget_class, SihSummaryWindow, new_password_check);
  gtk_widget_class_bind_template_child (widget_class, SihSummaryWindow, changes_note_row);
  gtk_widget_class_bind_template_child (widget_class, SihSummaryWindow, error_view);
  gtk_widget_class_bind_template_child (widget_class, SihSummaryWindow, account_group);
  gtk_widget_class_bind_template_child (widget_class, SihSummaryWindow, email_row);
  gtk_widget_class_bind_template_child (widget_class, SihSummaryWindow, phone_row);
  gtk_widget_class_bind_template_child (widget_class, SihSummaryWindow, extra_view);
  gtk_widget_class_bind_template_child (widget_class, SihSummaryWindow, secret_group);
  gtk_widget_class_bind_template_child (widget_class, SihSummaryWindow, text_button);
  gtk_widget_class_bind_template_child (widget_class, SihSummaryWindow, markdown_button);
  gtk_widget_class_bind_template_child (widget_class, SihSummaryWindow, mask_group);
  gtk_widget_class_bind_template_child (widget_class, SihSummaryWindow, preview_view);
  gtk_widget_class_bind_template_callback (widget_class, device_type_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, where_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, change_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, format_toggled_cb);

  gtk_widget_class_install_action (widget_class, "summary.copy", NULL, copy_action);
  gtk_widget_class_install_action (widget_class, "summary.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "summary.print", NULL, print_action);

  /* Text widgets handle Ctrl+C themselves first (their selection). */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK, "summary.copy", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "summary.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "summary.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
connect_detail (SihSummaryWindow *self,
                GtkWidget        *widget,
                const char       *key)
{
  g_object_set_data (G_OBJECT (widget), DETAIL_KEY, (gpointer)key);
  if (GTK_IS_TEXT_VIEW (widget))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget));

      g_object_set_data (G_OBJECT (buffer), DETAIL_KEY, (gpointer)key);
      g_signal_connect_swapped (buffer, "changed", G_CALLBACK (text_changed_cb), self);
    }
  else
    g_signal_connect_swapped (widget, "changed", G_CALLBACK (entry_changed_cb), self);
}

/* libadwaita 1.2 leaves an entry row's text field without a name: give it
 * the row's title, so that a screen reader says what to type. */
static void
name_entry_row (AdwEntryRow *row)
{
  GtkEditable *text = gtk_editable_get_delegate (GTK_EDITABLE (row));

  if (text != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (text), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)),
                                    -1);
}

/* Preferences → "Mask e-mail addresses and phone numbers": off shows them
 * as written; what looks like a password or a code is withheld anyway. */
static void
apply_mask_preference (SihSummaryOptions *options)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autoptr(GSettingsSchema) schema = NULL;

  g_object_get (settings, "settings-schema", &schema, NULL);
  if (g_settings_schema_has_key (schema, "mask-by-default") &&
      !g_settings_get_boolean (settings, "mask-by-default"))
    options->mask = SIH_MASK_SECRETS;
}

static void
sih_summary_window_init (SihSummaryWindow *self)
{
  GtkTextBuffer *preview = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  sih_summary_options_init (&self->options);
  self->options.unmask = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  apply_mask_preference (&self->options);
  self->unmask_switches = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->mask_rows = g_ptr_array_new ();
  self->secret_rows = g_ptr_array_new ();

  connect_detail (self, GTK_WIDGET (self->os_row), SIH_DETAIL_OS);
  connect_detail (self, GTK_WIDGET (self->browser_row), SIH_DETAIL_BROWSER);
  connect_detail (self, GTK_WIDGET (self->since_row), SIH_DETAIL_SINCE);
  connect_detail (self, GTK_WIDGET (self->changes_note_row), SIH_DETAIL_CHANGES_NOTE);
  connect_detail (self, GTK_WIDGET (self->email_row), SIH_DETAIL_ACCOUNT_EMAIL);
  connect_detail (self, GTK_WIDGET (self->phone_row), SIH_DETAIL_ACCOUNT_PHONE);
  connect_detail (self, GTK_WIDGET (self->error_view), SIH_DETAIL_ERROR_MESSAGE);
  connect_detail (self, GTK_WIDGET (self->extra_view), SIH_DETAIL_EXTRA);

  preview = gtk_text_view_get_buffer (self->preview_view);
  gtk_text_buffer_create_tag (preview, "sih-personal",
                              "background", "rgba(53,132,228,0.18)",
                              NULL);
  gtk_text_buffer_create_tag (preview, "sih-secret",
                              "background", "rgba(229,165,10,0.35)",
                              "underline", PANGO_UNDERLINE_ERROR,
                              NULL);
}

/**
 * sih_summary_window_new:
 * @parent: (nullable): the main window
 * @pack: the pack in use
 * @kase: the case to summarise; the window writes the details into it
 * @help_desk: the case is about a caller's device, not this machine
 *
 * Returns: (transfer none): the window, not shown yet
 */
SihSummaryWindow *
sih_summary_window_new (GtkWindow *parent,
                        SihPack   *pack,
                        SihCase   *kase,
                        gboolean   help_desk)
{
  SihSummaryWindow *self;
  g_auto(GStrv) details = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (SIH_IS_PACK (pack), NULL);
  g_return_val_if_fail (SIH_IS_CASE (kase), NULL);

  self = g_object_new (SIH_TYPE_SUMMARY_WINDOW,
                       "transient-for", parent,
                       "destroy-with-parent", TRUE,
                       "application", parent != NULL ? gtk_window_get_application (parent) : NULL,
                       NULL);
  self->pack = g_object_ref (pack);
  self->kase = g_object_ref (kase);
  self->help_desk = help_desk;
  self->options.help_desk = help_desk;
  self->device = sih_export_collect_device_info (pack);

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

  /* A case with nothing filled in yet opens on the details. */
  details = sih_case_list_details (kase);
  adw_view_stack_set_visible_child_name (self->view_stack,
                                         details == NULL || details[0] == NULL ? "details" : "preview");

  name_entry_row (self->os_row);
  name_entry_row (self->browser_row);
  name_entry_row (self->since_row);
  name_entry_row (self->changes_note_row);
  name_entry_row (self->email_row);
  name_entry_row (self->phone_row);

  show_details (self, NULL);
  update_preview (self);

  g_signal_connect_swapped (kase, "changed", G_CALLBACK (case_changed_cb), self);
  g_signal_connect_swapped (kase, "detail-changed", G_CALLBACK (detail_changed_cb), self);

  return self;
}

/**
 * sih_summary_window_present:
 * @parent: (nullable): the main window
 * @pack: the pack in use
 * @kase: the case to summarise
 * @help_desk: the case is about a caller's device, not this machine
 *
 * Opens the summary, modal to @parent.
 */
void
sih_summary_window_present (GtkWindow *parent,
                            SihPack   *pack,
                            SihCase   *kase,
                            gboolean   help_desk)
{
  SihSummaryWindow *self = sih_summary_window_new (parent, pack, kase, help_desk);

  g_return_if_fail (self != NULL);
  gtk_window_present (GTK_WINDOW (self));
}

/**
 * sih_summary_window_get_text:
 *
 * Returns: exactly what Copy, Save and Print share, as the preview shows it
 */
const char *
sih_summary_window_get_text (SihSummaryWindow *self)
{
  g_return_val_if_fail (SIH_IS_SUMMARY_WINDOW (self), NULL);
  return self->text;
}

/**
 * sih_summary_window_get_unmask_switch:
 * @field: a field id, as in #SihSummaryFinding
 *
 * Returns: (transfer none) (nullable): the switch that shares @field as
 *   written, if the field has anything masked
 */
GtkSwitch *
sih_summary_window_get_unmask_switch (SihSummaryWindow *self,
                                      const char       *field)
{
  g_return_val_if_fail (SIH_IS_SUMMARY_WINDOW (self), NULL);
  g_return_val_if_fail (field != NULL, NULL);
  return g_hash_table_lookup (self->unmask_switches, field);
}

/**
 * sih_summary_print:
 * @parent: (nullable): the main window
 * @pack: the pack in use
 * @kase: the case to summarise
 * @help_desk: the case is about a caller's device, not this machine
 *
 * Prints the summary as the preview first shows it: plain text, with
 * e-mail addresses and phone numbers masked.  Errors are shown in a dialog.
 */
void
sih_summary_print (GtkWindow *parent,
                   SihPack   *pack,
                   SihCase   *kase,
                   gboolean   help_desk)
{
  g_autoptr(SihDeviceInfo) device = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  SihSummaryOptions options;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (SIH_IS_PACK (pack));
  g_return_if_fail (SIH_IS_CASE (kase));

  sih_summary_options_init (&options);
  apply_mask_preference (&options);
  options.help_desk = help_desk;
  device = sih_export_collect_device_info (pack);
  now = sih_case_now (kase);
  text = sih_summary_format (kase, pack, device, now, &options, NULL);
  if (!sih_print_text (parent, _("Support Summary"), text, NULL, &error))
    sih_show_error_dialog (GTK_WIDGET (parent), _("Could Not Print"), error->message);
}
