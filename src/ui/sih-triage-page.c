/* sih-triage-page.c
 *
 * Asks the pack's triage questions one at a time.  Every answer goes into
 * the case (so it is resumed and appears in the summary); the page shows
 * whatever the case says is next.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "core/sih-triage.h"
#include "ui/sih-triage-page.h"
#include "ui/sih-icons.h"

struct _SihTriagePage
{
  AdwBin      parent_instance;

  SihPack    *pack;
  SihTriage  *triage;
  SihCase    *kase;

  GtkLabel   *progress_label;
  GtkStack   *stack;
  GtkLabel   *question_label;
  GtkLabel   *hint_label;
  GtkListBox *answer_list;
  GtkListBox *result_list;
  GtkButton  *back_button;
  GtkButton  *restart_button;
};

G_DEFINE_FINAL_TYPE (SihTriagePage, sih_triage_page, ADW_TYPE_BIN)

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static void
answer_activated_cb (SihTriagePage *self,
                     GtkListBoxRow *row,
                     GtkListBox    *list)
{
  sih_triage_page_answer (self, g_object_get_data (G_OBJECT (row), "sih-answer"));
}

static GtkWidget *
new_row (const char *title,
         const char *subtitle,
         SihCause   *cause)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  if (cause != NULL)
    adw_action_row_add_prefix (ADW_ACTION_ROW (row), sih_cause_image_new (cause));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), sih_decorative_image_new ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  /* Named after its title already: a label of its own would be read as
   * well, on GTK 4.8. */

  return row;
}

static void
update (SihTriagePage *self)
{
  const SihTriageQuestion *question;
  g_autoptr(GPtrArray) path = NULL;
  g_autofree char *progress = NULL;

  if (self->triage == NULL || self->kase == NULL)
    return;

  path = sih_triage_get_path (self->triage, self->kase);
  question = sih_triage_get_current (self->triage, self->kase);

  if (path->len == 0)
    gtk_label_set_label (self->progress_label, _("A few questions lead to the checklist that fits."));
  else
    {
      /* Translators: how many triage questions were answered so far */
      progress = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u question answered",
                                               "%u questions answered", path->len),
                                  path->len);
      gtk_label_set_label (self->progress_label, progress);
    }
  gtk_widget_set_sensitive (GTK_WIDGET (self->back_button), path->len > 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->restart_button), path->len > 0);

  clear_list (self->answer_list);
  clear_list (self->result_list);

  if (question != NULL)
    {
      gtk_label_set_label (self->question_label, question->text.text);
      gtk_label_set_label (self->hint_label, question->hint.text != NULL ? question->hint.text : "");
      gtk_widget_set_visible (GTK_WIDGET (self->hint_label), question->hint.text != NULL);

      for (guint i = 0; i < sih_triage_question_get_n_answers (question); i++)
        {
          const SihTriageAnswer *answer = sih_triage_question_get_answer (question, i);
          GtkWidget *row = new_row (answer->label.text, NULL, NULL);

          g_object_set_data_full (G_OBJECT (row), "sih-answer", g_strdup (answer->id), g_free);
          gtk_list_box_append (self->answer_list, row);
        }
      gtk_stack_set_visible_child_name (self->stack, "question");
    }
  else
    {
      const char *cause_id = sih_triage_get_result (self->triage, self->kase);
      SihCause *cause = cause_id != NULL ? sih_pack_find_cause (self->pack, cause_id) : NULL;

      if (cause != NULL)
        {
          GtkWidget *row = new_row (sih_cause_get_title (cause), sih_cause_get_summary (cause),
                                    cause);

          gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.select-cause");
          gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", cause_id);
          gtk_list_box_append (self->result_list, row);
        }
      gtk_stack_set_visible_child_name (self->stack, "result");
    }
}

/**
 * sih_triage_page_answer:
 * @answer_id: an answer to the current question
 *
 * Records the answer in the case and moves on.
 *
 * Returns: whether it was an answer to the current question
 */
gboolean
sih_triage_page_answer (SihTriagePage *self,
                        const char    *answer_id)
{
  const SihTriageQuestion *question;

  g_return_val_if_fail (SIH_IS_TRIAGE_PAGE (self), FALSE);

  if (self->triage == NULL || self->kase == NULL)
    return FALSE;

  question = sih_triage_get_current (self->triage, self->kase);
  if (question == NULL ||
      !sih_triage_record_answer (self->triage, self->kase, question->id, answer_id))
    return FALSE;

  update (self);
  gtk_widget_grab_focus (GTK_WIDGET (self));
  return TRUE;
}

static void
back_clicked_cb (SihTriagePage *self)
{
  g_autoptr(GPtrArray) path = sih_triage_get_path (self->triage, self->kase);
  SihTriageChoice *last;
  g_autofree char *key = NULL;

  if (path->len == 0)
    return;

  /* Forget the last answer: that question is asked again. */
  last = g_ptr_array_index (path, path->len - 1);
  key = sih_triage_detail_key (last->question->id);
  sih_case_set_detail (self->kase, key, NULL);
  update (self);
  gtk_widget_grab_focus (GTK_WIDGET (self));
}

static void
restart_clicked_cb (SihTriagePage *self)
{
  sih_triage_clear_answers (self->triage, self->kase);
  update (self);
  gtk_widget_grab_focus (GTK_WIDGET (self));
}

/* The focus goes to the question, not to an answer: the list of answers,
 * which a screen reader reads as the question (the list is labelled by
 * it); Enter there answers nothing, and Tab or Down go to the first
 * answer.  It used to land on an answer (often the second, "I typed my
 * password into a suspicious site…"), which Enter then recorded. */
static gboolean
sih_triage_page_grab_focus (GtkWidget *widget)
{
  SihTriagePage *self = SIH_TRIAGE_PAGE (widget);
  const char *page = gtk_stack_get_visible_child_name (self->stack);

  return gtk_widget_grab_focus (GTK_WIDGET (g_strcmp0 (page, "result") == 0 ? self->result_list
                                                                           : self->answer_list));
}

/* On the question (the list itself), the arrows go to the answers: the
 * list box only moves between rows. */
static gboolean
list_keynav_failed_cb (SihTriagePage    *self,
                       GtkDirectionType  direction,
                       GtkListBox       *list)
{
  GtkListBoxRow *row = NULL;
  int n = 0;

  /* The list itself has the focus in its window (active or not). */
  if (!gtk_widget_is_focus (GTK_WIDGET (list)))
    return FALSE;

  while (gtk_list_box_get_row_at_index (list, n) != NULL)
    n++;
  if (direction == GTK_DIR_DOWN)
    row = gtk_list_box_get_row_at_index (list, 0);
  else if (direction == GTK_DIR_UP && n > 0)
    row = gtk_list_box_get_row_at_index (list, n - 1);

  return row != NULL && gtk_widget_grab_focus (GTK_WIDGET (row));
}

static void
sih_triage_page_dispose (GObject *object)
{
  SihTriagePage *self = SIH_TRIAGE_PAGE (object);

  g_clear_object (&self->kase);
  g_clear_object (&self->pack);
  self->triage = NULL;

  G_OBJECT_CLASS (sih_triage_page_parent_class)->dispose (object);
}

static void
sih_triage_page_class_init (SihTriagePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sih_triage_page_dispose;
  widget_class->grab_focus = sih_triage_page_grab_focus;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/sih-triage-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SihTriagePage, progress_label);
  gtk_widget_class_bind_template_child (widget_class, SihTriagePage, stack);
  gtk_widget_class_bind_template_child (widget_class, SihTriagePage, question_label);
  gtk_widget_class_bind_template_child (widget_class, SihTriagePage, hint_label);
  gtk_widget_class_bind_template_child (widget_class, SihTriagePage, answer_list);
  gtk_widget_class_bind_template_child (widget_class, SihTriagePage, result_list);
  gtk_widget_class_bind_template_child (widget_class, SihTriagePage, back_button);
  gtk_widget_class_bind_template_child (widget_class, SihTriagePage, restart_button);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, restart_clicked_cb);
}

static void
sih_triage_page_init (SihTriagePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_object (self->answer_list, "row-activated", G_CALLBACK (answer_activated_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->answer_list, "keynav-failed", G_CALLBACK (list_keynav_failed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->result_list, "keynav-failed", G_CALLBACK (list_keynav_failed_cb),
                           self, G_CONNECT_SWAPPED);
}

GtkWidget *
sih_triage_page_new (void)
{
  return g_object_new (SIH_TYPE_TRIAGE_PAGE, NULL);
}

/**
 * sih_triage_page_show:
 *
 * Shows where @kase is in @pack's triage: the next question, or the cause
 * the answers lead to.
 */
void
sih_triage_page_show (SihTriagePage *self,
                      SihPack       *pack,
                      SihCase       *kase)
{
  g_return_if_fail (SIH_IS_TRIAGE_PAGE (self));
  g_return_if_fail (SIH_IS_PACK (pack));
  g_return_if_fail (SIH_IS_CASE (kase));

  g_set_object (&self->pack, pack);
  g_set_object (&self->kase, kase);
  self->triage = sih_pack_get_triage (pack);
  update (self);
}

/**
 * sih_triage_page_get_question_id:
 *
 * Returns: (nullable): the question shown, or %NULL when the result is
 */
const char *
sih_triage_page_get_question_id (SihTriagePage *self)
{
  const SihTriageQuestion *question;

  g_return_val_if_fail (SIH_IS_TRIAGE_PAGE (self), NULL);

  if (self->triage == NULL || self->kase == NULL)
    return NULL;
  question = sih_triage_get_current (self->triage, self->kase);
  return question != NULL ? question->id : NULL;
}

/**
 * sih_triage_page_get_result:
 *
 * Returns: (nullable): the cause the answers lead to, once they do
 */
const char *
sih_triage_page_get_result (SihTriagePage *self)
{
  g_return_val_if_fail (SIH_IS_TRIAGE_PAGE (self), NULL);

  if (self->triage == NULL || self->kase == NULL)
    return NULL;
  return sih_triage_get_result (self->triage, self->kase);
}
