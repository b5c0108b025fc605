/* sih-start-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sih-start-page.h"

struct _SihStartPage
{
  AdwBin      parent_instance;

  GtkListBox *common_list;
  GtkLabel   *orphans_label;
  GtkLabel   *disclaimer_label;
  SihPack    *pack;
};

G_DEFINE_FINAL_TYPE (SihStartPage, sih_start_page, ADW_TYPE_BIN)

/* The causes most people have, by the source article's account. */
static const char * const common_causes[] = {
  "wrong-credentials",
  "code-not-arriving",
  "account-locked",
  "account-takeover",
};

static void
sih_start_page_dispose (GObject *object)
{
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
  gtk_widget_class_bind_template_child (widget_class, SihStartPage, disclaimer_label);
  G_OBJECT_CLASS (klass)->dispose = sih_start_page_dispose;
}

static void
sih_start_page_init (SihStartPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
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
      adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name (sih_cause_get_icon_name (cause)));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("go-next-symbolic"));
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
