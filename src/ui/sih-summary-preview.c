/* sih-summary-preview.c
 *
 * The summary's "Preview" page: exactly the text Copy, Save and Print
 * share, made again whenever the case changes.  Masked by default, with a
 * switch per field to share it as written (kept only while the page is
 * open), a warning for anything that looks like a password or a code,
 * and the "Anything else" box, which the summary puts first.
 *
 * The summary says where it wrote each finding; the page marks those
 * places and never searches the text for them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ui/sih-accessible.h"
#include "ui/sih-summary-preview.h"
#include "ui/sih-secret-warning.h"
#include "ui/sih-text-widgets.h"

struct _SihSummaryPreview
{
  AdwBin               parent_instance;

  SihPack             *pack;
  SihCase             *kase;
  SihDeviceInfo       *device;
  SihSummaryOptions    options;          /* .unmask: a set of field ids, owned */
  char                *text;             /* what Copy, Save and Print share */
  char                *mask_key;         /* what the mask rows show, to rebuild on change only */
  char                *secret_key;       /* likewise for the secret rows */
  GPtrArray           *mask_rows;
  GPtrArray           *secret_rows;
  GHashTable          *secret_row_by_field; /* field id → its row in secret_rows */
  GHashTable          *unmask_switches;  /* field id → GtkSwitch (owned by its row) */
  gboolean             writing;          /* between "Anything else" and the case */

  GtkTextView         *extra_view;
  AdwPreferencesGroup *secret_group;
  GtkToggleButton     *text_button;
  GtkToggleButton     *markdown_button;
  AdwPreferencesGroup *mask_group;
  GtkTextView         *preview_view;
  AdwPreferencesGroup *timeline_group;
  AdwActionRow        *timeline_row;
  GtkSwitch           *timeline_switch;
};

G_DEFINE_FINAL_TYPE (SihSummaryPreview, sih_summary_preview, ADW_TYPE_BIN)

enum
{
  SHOW_FIELD,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

#define FIELD_KEY "sih-field"

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

static char *
step_title (SihSummaryPreview *self,
            const char       *cause_id,
            const char       *step_id)
{
  SihCause *cause = sih_pack_find_cause (self->pack, cause_id);
  SihStep *step = cause != NULL ? sih_cause_find_step (cause, step_id) : NULL;

  return g_strdup (step != NULL ? sih_step_get_title (step) : step_id);
}

static char *
unmask_title (SihSummaryPreview *self,
              const char       *field)
{
  g_autofree char *cause_id = NULL;
  g_autofree char *step_id = NULL;

  if (sih_summary_parse_note_field (field, &cause_id, &step_id))
    {
      g_autofree char *title = step_title (self, cause_id, step_id);
      /* Translators: a switch; %s is the title of a step */
      return g_strdup_printf (_("Show the note on “%s” unmasked"), title);
    }
  /* Translators: a switch; %s is a field such as “Registered e-mail address” */
  return g_strdup_printf (_("Show “%s” unmasked"), detail_label (field));
}

static char *
secret_title (SihSummaryPreview *self,
              const char       *field)
{
  g_autofree char *cause_id = NULL;
  g_autofree char *step_id = NULL;

  if (sih_summary_parse_note_field (field, &cause_id, &step_id))
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

/* The summary says where it wrote each finding: tag those places. */
static void
highlight_findings (SihSummaryPreview *self,
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
unmask_switch_cb (SihSummaryPreview *self,
                  GParamSpec       *pspec,
                  GtkSwitch        *sw);

static void update_preview (SihSummaryPreview *self);

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
    return _("Shown as written, except what looks like a password or a code");
  return _("Shown as written in the summary");
}

/* Fields with something masked, in the order the summary met them, and
 * whether each also has something that looks like a secret. */
static GPtrArray *
fields_with (SihSummaryPreview *self,
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
      /* A secret is withheld whatever the switch says: no switch for it. */
      if (secrets_only ? finding->kind != SIH_MASK_KIND_SECRET :
                         finding->kind == SIH_MASK_KIND_SECRET || !(finding->masked || unmasked))
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
update_mask_rows (SihSummaryPreview *self,
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
          /* One switch to a screen reader, and one Tab stop. */
          GtkWidget *row = g_object_new (ADW_TYPE_ACTION_ROW,
                                         "accessible-role", GTK_ACCESSIBLE_ROLE_SWITCH,
                                         NULL);
          GtkWidget *sw = gtk_switch_new ();

          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
          gtk_widget_set_valign (sw, GTK_ALIGN_CENTER);
          gtk_switch_set_active (GTK_SWITCH (sw), g_hash_table_contains (self->options.unmask, field));
          g_object_set_data_full (G_OBJECT (sw), FIELD_KEY, g_strdup (field), g_free);
          g_signal_connect_swapped (sw, "notify::active", G_CALLBACK (unmask_switch_cb), self);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), sw);
          sih_toggle_row_set_toggle (ADW_ACTION_ROW (row), sw);

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

/* A row of "Take These Out" takes the person to the field it is about:
 * "Anything else" is on this page; the window does the rest. */
static void
secret_row_activated_cb (SihSummaryPreview *self,
                         AdwActionRow      *row)
{
  const char *field = g_object_get_data (G_OBJECT (row), FIELD_KEY);

  if (g_str_equal (field, SIH_DETAIL_EXTRA))
    sih_text_widget_focus_secret (GTK_WIDGET (self->extra_view));
  else
    g_signal_emit (self, signals[SHOW_FIELD], 0, field);
}

static void
update_secret_rows (SihSummaryPreview *self,
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
      g_hash_table_remove_all (self->secret_row_by_field);

      for (guint i = 0; i < fields->len; i++)
        {
          const char *field = g_ptr_array_index (fields, i);
          g_autofree char *title = secret_title (self, field);
          GtkWidget *row = adw_action_row_new ();
          GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
          GtkWidget *arrow = gtk_image_new_from_icon_name ("go-next-symbolic");

          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
          gtk_widget_add_css_class (icon, "warning");
          gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          _("Warning"), -1);
          adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
          gtk_accessible_update_property (GTK_ACCESSIBLE (arrow), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          _("Open"), -1);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);
          gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
          g_object_set_data_full (G_OBJECT (row), FIELD_KEY, g_strdup (field), g_free);
          g_signal_connect_swapped (row, "activated", G_CALLBACK (secret_row_activated_cb), self);

          adw_preferences_group_add (self->secret_group, row);
          g_ptr_array_add (self->secret_rows, row);
          g_hash_table_insert (self->secret_row_by_field, g_strdup (field), row);
        }
    }

  for (guint i = 0; i < fields->len; i++)
    adw_action_row_set_subtitle (g_ptr_array_index (self->secret_rows, i),
                                 _("It is left out of the summary. Open it to remove it."));
  gtk_widget_set_visible (GTK_WIDGET (self->secret_group), fields->len > 0);
}

/* A field the person unmasked and then emptied is masked again when
 * something is written into it later. */
static void
forget_empty_unmasked (SihSummaryPreview *self,
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
update_preview (SihSummaryPreview *self)
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
unmask_switch_cb (SihSummaryPreview *self,
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
format_toggled_cb (SihSummaryPreview *self,
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
case_changed_cb (SihSummaryPreview *self)
{
  update_preview (self);
}

/* "Anything else" is a detail of the case like those on the Details page. */
static void
extra_changed_cb (SihSummaryPreview *self)
{
  g_autofree char *text = NULL;

  /* Not while the box shows what the case holds: replacing its text
   * empties it first, which would empty the detail too. */
  if (self->kase == NULL || self->writing)
    return;
  text = sih_text_widget_dup_text (GTK_WIDGET (self->extra_view));
  self->writing = TRUE;
  sih_case_set_detail (self->kase, SIH_DETAIL_EXTRA, text);
  self->writing = FALSE;
}

static void
detail_changed_cb (SihSummaryPreview *self,
                   const char        *key)
{
  if (!self->writing && g_str_equal (key, SIH_DETAIL_EXTRA))
    {
      self->writing = TRUE;
      sih_text_widget_set_text (GTK_WIDGET (self->extra_view),
                                sih_case_get_detail (self->kase, SIH_DETAIL_EXTRA));
      self->writing = FALSE;
    }
}

/* GObject */

static void
sih_summary_preview_dispose (GObject *object)
{
  SihSummaryPreview *self = SIH_SUMMARY_PREVIEW (object);

  if (self->kase != NULL)
    g_signal_handlers_disconnect_by_data (self->kase, self);
  g_clear_object (&self->kase);
  g_clear_object (&self->pack);

  G_OBJECT_CLASS (sih_summary_preview_parent_class)->dispose (object);
}

static void
sih_summary_preview_finalize (GObject *object)
{
  SihSummaryPreview *self = SIH_SUMMARY_PREVIEW (object);

  g_clear_pointer (&self->device, sih_device_info_free);
  g_clear_pointer (&self->options.unmask, g_hash_table_unref);
  g_clear_pointer (&self->unmask_switches, g_hash_table_unref);
  g_clear_pointer (&self->mask_rows, g_ptr_array_unref);
  g_clear_pointer (&self->secret_rows, g_ptr_array_unref);
  g_clear_pointer (&self->secret_row_by_field, g_hash_table_unref);
  g_free (self->text);
  g_free (self->mask_key);
  g_free (self->secret_key);

  G_OBJECT_CLASS (sih_summary_preview_parent_class)->finalize (object);
}

static void
timeline_switch_cb (SihSummaryPreview *self)
{
  gboolean timeline = gtk_switch_get_active (self->timeline_switch);

  if (self->writing || timeline == self->options.timeline)
    return;
  self->options.timeline = timeline;
  if (self->kase != NULL)
    update_preview (self);
}

/**
 * sih_summary_preview_get_timeline_switch:
 *
 * For tests: the switch that adds a timeline (help-desk mode).
 *
 * Returns: (transfer none): the switch
 */
GtkSwitch *
sih_summary_preview_get_timeline_switch (SihSummaryPreview *self)
{
  g_return_val_if_fail (SIH_IS_SUMMARY_PREVIEW (self), NULL);
  return self->timeline_switch;
}

static void
sih_summary_preview_class_init (SihSummaryPreviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sih_summary_preview_dispose;
  object_class->finalize = sih_summary_preview_finalize;

  g_type_ensure (SIH_TYPE_SECRET_WARNING);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/sih-summary-preview.ui");
  gtk_widget_class_bind_template_child (widget_class, SihSummaryPreview, extra_view);
  gtk_widget_class_bind_template_child (widget_class, SihSummaryPreview, secret_group);
  gtk_widget_class_bind_template_child (widget_class, SihSummaryPreview, text_button);
  gtk_widget_class_bind_template_child (widget_class, SihSummaryPreview, markdown_button);
  gtk_widget_class_bind_template_child (widget_class, SihSummaryPreview, mask_group);
  gtk_widget_class_bind_template_child (widget_class, SihSummaryPreview, preview_view);
  gtk_widget_class_bind_template_child (widget_class, SihSummaryPreview, timeline_group);
  gtk_widget_class_bind_template_child (widget_class, SihSummaryPreview, timeline_row);
  gtk_widget_class_bind_template_child (widget_class, SihSummaryPreview, timeline_switch);
  gtk_widget_class_bind_template_callback (widget_class, format_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, timeline_switch_cb);

  /**
   * SihSummaryPreview::show-field:
   * @field: a field id, as in #SihSummaryFinding: a detail of the Details
   *   page, or a step's note
   *
   * The person asked to go to @field, to take out what looks like a
   * password or a code.
   */
  signals[SHOW_FIELD] =
    g_signal_new ("show-field", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

/* Preferences → "Mask e-mail addresses and phone numbers": off shows them
 * as written; what looks like a password or a code is withheld anyway. */
void
sih_summary_apply_mask_preference (SihSummaryOptions *options)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autoptr(GSettingsSchema) schema = NULL;

  g_object_get (settings, "settings-schema", &schema, NULL);
  if (g_settings_schema_has_key (schema, "mask-by-default") &&
      !g_settings_get_boolean (settings, "mask-by-default"))
    options->mask = SIH_MASK_SECRETS;
}

static void
sih_summary_preview_init (SihSummaryPreview *self)
{
  GtkTextBuffer *preview = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  /* One switch to a screen reader, and one Tab stop. */
  sih_toggle_row_set_toggle (self->timeline_row, GTK_WIDGET (self->timeline_switch));

  sih_summary_options_init (&self->options);
  self->options.unmask = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sih_summary_apply_mask_preference (&self->options);
  self->unmask_switches = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->mask_rows = g_ptr_array_new ();
  self->secret_rows = g_ptr_array_new ();
  self->secret_row_by_field = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_signal_connect_swapped (gtk_text_view_get_buffer (self->extra_view), "changed",
                            G_CALLBACK (extra_changed_cb), self);

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
 * sih_summary_preview_set_case:
 * @pack: the pack in use
 * @kase: the case to summarise
 * @help_desk: the case is about a caller's device, not this machine
 * @device: (nullable): this machine's information
 */
void
sih_summary_preview_set_case (SihSummaryPreview   *self,
                              SihPack             *pack,
                              SihCase             *kase,
                              gboolean             help_desk,
                              const SihDeviceInfo *device)
{
  g_return_if_fail (SIH_IS_SUMMARY_PREVIEW (self));
  g_return_if_fail (SIH_IS_PACK (pack));
  g_return_if_fail (SIH_IS_CASE (kase));

  if (self->kase != NULL)
    g_signal_handlers_disconnect_by_data (self->kase, self);
  g_set_object (&self->pack, pack);
  g_set_object (&self->kase, kase);
  g_clear_pointer (&self->device, sih_device_info_free);
  self->device = device != NULL ? sih_device_info_copy (device) : NULL;
  self->options.help_desk = help_desk;
  g_hash_table_remove_all (self->options.unmask);
  /* A timeline is for help desks, and only when asked for. */
  self->writing = TRUE;
  gtk_switch_set_active (self->timeline_switch, FALSE);
  self->writing = FALSE;
  self->options.timeline = FALSE;
  gtk_widget_set_visible (GTK_WIDGET (self->timeline_group), help_desk);

  self->writing = TRUE;
  sih_text_widget_set_text (GTK_WIDGET (self->extra_view),
                            sih_case_get_detail (kase, SIH_DETAIL_EXTRA));
  self->writing = FALSE;
  update_preview (self);

  g_signal_connect_swapped (kase, "changed", G_CALLBACK (case_changed_cb), self);
  g_signal_connect_swapped (kase, "detail-changed", G_CALLBACK (detail_changed_cb), self);
}

/**
 * sih_summary_preview_get_text:
 *
 * Returns: exactly what Copy, Save and Print share, as the preview shows it
 */
const char *
sih_summary_preview_get_text (SihSummaryPreview *self)
{
  g_return_val_if_fail (SIH_IS_SUMMARY_PREVIEW (self), NULL);
  return self->text;
}

/**
 * sih_summary_preview_get_format:
 *
 * Returns: the format the preview shows, which Save writes
 */
SihSummaryFormat
sih_summary_preview_get_format (SihSummaryPreview *self)
{
  g_return_val_if_fail (SIH_IS_SUMMARY_PREVIEW (self), SIH_SUMMARY_FORMAT_TEXT);
  return self->options.format;
}

/**
 * sih_summary_preview_dup_blocks:
 *
 * The summary the preview shows (the same case, masking and unmasked
 * fields) laid out for paper, whichever text format the preview shows.
 *
 * Returns: (transfer container) (element-type SihSummaryBlock): its blocks
 */
GPtrArray *
sih_summary_preview_dup_blocks (SihSummaryPreview *self)
{
  g_autoptr(GDateTime) now = NULL;

  g_return_val_if_fail (SIH_IS_SUMMARY_PREVIEW (self), NULL);
  g_return_val_if_fail (self->kase != NULL, NULL);

  now = sih_case_now (self->kase);
  return sih_summary_format_blocks (self->kase, self->pack, self->device, now, &self->options);
}

/**
 * sih_summary_preview_get_unmask_switch:
 * @field: a field id, as in #SihSummaryFinding
 *
 * Returns: (transfer none) (nullable): the switch that shares @field as
 *   written, if the field has anything masked
 */
GtkSwitch *
sih_summary_preview_get_unmask_switch (SihSummaryPreview *self,
                                       const char        *field)
{
  g_return_val_if_fail (SIH_IS_SUMMARY_PREVIEW (self), NULL);
  g_return_val_if_fail (field != NULL, NULL);
  return g_hash_table_lookup (self->unmask_switches, field);
}

/**
 * sih_summary_preview_get_secret_row:
 * @field: a field id, as in #SihSummaryFinding
 *
 * Returns: (transfer none) (nullable): the row of "Take These Out" about
 *   @field, if it holds something that looks like a password or a code
 */
GtkWidget *
sih_summary_preview_get_secret_row (SihSummaryPreview *self,
                                    const char        *field)
{
  g_return_val_if_fail (SIH_IS_SUMMARY_PREVIEW (self), NULL);
  g_return_val_if_fail (field != NULL, NULL);
  return g_hash_table_lookup (self->secret_row_by_field, field);
}
