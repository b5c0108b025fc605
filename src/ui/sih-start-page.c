/* sih-start-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ui/sih-start-page.h"
#include "ui/sih-icons.h"

struct _SihStartPage
{
  AdwBin      parent_instance;

  GtkListBox *common_list;
  GtkLabel   *orphans_label;
  GtkLabel   *disclaimer_label;
  GtkButton  *triage_button;
  GtkSearchEntry *message_entry;
  GtkListBox *message_list;
  GtkLabel   *message_none_label;
  SihPack    *pack;
  SihSearchIndex *index;
  GListStore *message_matches;   /* SihCause */
};

G_DEFINE_FINAL_TYPE (SihStartPage, sih_start_page, ADW_TYPE_BIN)

/* The causes most people have, by the source article's account. */
static const char * const common_causes[] = {
  "wrong-credentials",
  "code-not-arriving",
  "account-locked",
  "account-takeover",
};

static GtkWidget *
create_message_row (gpointer item,
                    gpointer user_data)
{
  SihCause *cause = item;
  const char *matched = g_object_get_data (G_OBJECT (cause), "sih-matched-message");
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), sih_cause_get_title (cause));
  if (matched != NULL)
    {
      /* Translators: the known sign-in page message that the pasted text matched */
      g_autofree char *subtitle = g_strdup_printf (_("Known message: %s"), matched);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
    }
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), sih_cause_image_new (cause));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), sih_decorative_image_new ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.select-cause");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", sih_cause_get_id (cause));
  /* The row is named after its title already: a label of its own would be
   * read as well, on GTK 4.8. */
  return row;
}

/**
 * sih_start_page_match_message:
 * @text: what the sign-in page shows, pasted or retyped
 *
 * Lists the causes whose known messages match @text, best first (at most
 * three), and shows them under the entry.
 *
 * Returns: (transfer none): the causes listed
 */
GListModel *
sih_start_page_match_message (SihStartPage *self,
                              const char   *text)
{
  g_autoptr(GPtrArray) results = NULL;
  g_autofree char *trimmed = NULL;

  g_return_val_if_fail (SIH_IS_START_PAGE (self), NULL);

  g_list_store_remove_all (self->message_matches);
  trimmed = g_strstrip (g_strdup (text != NULL ? text : ""));

  if (self->index != NULL && *trimmed != '\0')
    {
      results = sih_search_index_match_message (self->index, trimmed);
      for (guint i = 0; i < results->len && i < 3; i++)
        {
          SihSearchResult *result = g_ptr_array_index (results, i);

          g_object_set_data_full (G_OBJECT (result->cause), "sih-matched-message",
                                  g_strdup (result->text), g_free);
          g_list_store_append (self->message_matches, result->cause);
        }
    }

  gtk_widget_set_visible (GTK_WIDGET (self->message_list),
                          g_list_model_get_n_items (G_LIST_MODEL (self->message_matches)) > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->message_none_label),
                          *trimmed != '\0' && self->index != NULL &&
                          g_list_model_get_n_items (G_LIST_MODEL (self->message_matches)) == 0);

  return G_LIST_MODEL (self->message_matches);
}

static void
message_changed_cb (SihStartPage   *self,
                    GtkSearchEntry *entry)
{
  sih_start_page_match_message (self, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

void
sih_start_page_set_search_index (SihStartPage   *self,
                                 SihSearchIndex *index)
{
  g_return_if_fail (SIH_IS_START_PAGE (self));

  g_clear_pointer (&self->index, sih_search_index_unref);
  if (index != NULL)
    self->index = sih_search_index_ref (index);
  sih_start_page_match_message (self, gtk_editable_get_text (GTK_EDITABLE (self->message_entry)));
}

static void
sih_start_page_dispose (GObject *object)
{
  g_clear_pointer (&SIH_START_PAGE (object)->index, sih_search_index_unref);
  g_clear_object (&SIH_START_PAGE (object)->message_matches);
  g_clear_object (&SIH_START_PAGE (object)->pack);
  G_OBJECT_CLASS (sih_start_page_parent_class)->dispose (object);
}

static void
sih_start_page_class_init (SihStartPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/sih-start-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SihStartPage, common_list);
  gtk_widget_class_bind_template_child (widget_class, SihStartPage, orphans_label);
  gtk_widget_class_bind_template_child (widget_class, SihStartPage, triage_button);
  gtk_widget_class_bind_template_child (widget_class, SihStartPage, message_entry);
  gtk_widget_class_bind_template_child (widget_class, SihStartPage, message_list);
  gtk_widget_class_bind_template_child (widget_class, SihStartPage, message_none_label);
  gtk_widget_class_bind_template_callback (widget_class, message_changed_cb);
  gtk_widget_class_bind_template_child (widget_class, SihStartPage, disclaimer_label);
  G_OBJECT_CLASS (klass)->dispose = sih_start_page_dispose;
}

static void
sih_start_page_init (SihStartPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->message_matches = g_list_store_new (SIH_TYPE_CAUSE);
  gtk_list_box_bind_model (self->message_list, G_LIST_MODEL (self->message_matches),
                           create_message_row, self, NULL);
}

GtkWidget *
sih_start_page_new (void)
{
  return g_object_new (SIH_TYPE_START_PAGE, NULL);
}

void
sih_start_page_set_pack (SihStartPage *self,
                         SihPack      *pack)
{
  GtkWidget *child;
  guint n_rows = 0;

  g_return_if_fail (SIH_IS_START_PAGE (self));
  g_return_if_fail (SIH_IS_PACK (pack));

  g_set_object (&self->pack, pack);
  gtk_label_set_label (self->disclaimer_label, sih_pack_get_disclaimer (pack));
  gtk_widget_set_visible (GTK_WIDGET (self->triage_button), sih_pack_get_triage (pack) != NULL);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->common_list))) != NULL)
    gtk_list_box_remove (self->common_list, child);

  for (guint i = 0; i < G_N_ELEMENTS (common_causes); i++)
    {
      SihCause *cause = sih_pack_find_cause (pack, common_causes[i]);
      GtkWidget *row;

      /* A custom pack may not have them. */
      if (cause == NULL)
        continue;

      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), sih_cause_get_title (cause));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), sih_cause_get_summary (cause));
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), sih_cause_image_new (cause));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), sih_decorative_image_new ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.select-cause");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", sih_cause_get_id (cause));
      gtk_list_box_append (self->common_list, row);
      n_rows++;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->common_list), n_rows > 0);
}

/**
 * sih_start_page_set_case:
 * @kase: (nullable): the case
 *
 * Mentions what the case records for causes this pack does not have (a
 * case made with an older pack): kept, and in the summary.
 */
void
sih_start_page_set_case (SihStartPage *self,
                         SihCase      *kase)
{
  GPtrArray *records;
  guint n_orphans = 0;

  g_return_if_fail (SIH_IS_START_PAGE (self));

  if (kase != NULL && self->pack != NULL)
    {
      records = sih_case_get_records (kase);
      for (guint i = 0; i < records->len; i++)
        {
          SihStepRecord *record = g_ptr_array_index (records, i);

          if (sih_pack_find_cause (self->pack, record->cause_id) == NULL)
            n_orphans++;
        }
    }

  if (n_orphans > 0)
    {
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
        "This case records %u step of a problem that this version of the guide no longer has. It is kept, and it is in the summary.",
        "This case records %u steps of problems that this version of the guide no longer has. They are kept, and they are in the summary.",
        n_orphans), n_orphans);
      gtk_label_set_label (self->orphans_label, text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->orphans_label), n_orphans > 0);
}
