/* sih-accessible.c: what a screen reader reads, the same on GTK 4.8 and newer
 *
 * GTK 4.8 (Debian 12) and GTK 4.18 (the GNOME runtime) name widgets for
 * screen readers differently: 4.8 reads a widget's label and then every
 * label it is labelled by, one after the other ("Copy Copy"), and exposes
 * the arrows and icons inside libadwaita 1.2's rows as images called
 * "GtkImage"; newer ones read only the labels it is labelled by, and
 * libadwaita hides its decorations itself.  These helpers make a widget
 * read once, on both; tools/a11y-tree.py --check (test-a11y-atspi) checks
 * the result as a screen reader gets it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ui/sih-accessible.h"

/**
 * sih_accessible_set_label:
 * @widget: a widget
 * @label: what a screen reader calls it
 *
 * Names @widget @label and nothing else: also instead of the labels
 * libadwaita names it after (an entry row's title), which GTK 4.8 would
 * read after @label.
 */
void
sih_accessible_set_label (GtkWidget  *widget,
                          const char *label)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (label != NULL);

  gtk_accessible_reset_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static void
drop_down_selected_cb (GtkDropDown *drop_down)
{
  const char *label = g_object_get_data (G_OBJECT (drop_down), "sih-accessible-label");
  GObject *item = gtk_drop_down_get_selected_item (drop_down);
  g_autofree char *name = NULL;

  if (item != NULL && GTK_IS_STRING_OBJECT (item))
    /* Translators: what a screen reader calls a drop-down: what it
     * chooses, and the current choice ("Which cases to show: Solved") */
    name = g_strdup_printf (_("%s: %s"), label, gtk_string_object_get_string (GTK_STRING_OBJECT (item)));
  else
    name = g_strdup (label);

  /* The drop-down is a combo box; GTK 4.18 gives it the choice as its
   * value and names its button after it itself (what is set below does
   * not stay there). */
  sih_accessible_set_label (GTK_WIDGET (drop_down), label);

  /* GTK 4.8 leaves the button, which a screen reader reads, unnamed. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (drop_down));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_TOGGLE_BUTTON (child))
      {
        GtkWidget *content = gtk_widget_get_first_child (child);

        sih_accessible_set_label (child, name);
        /* What the button shows (the choice, an arrow) is in its name; GTK
         * 4.8 exposes it as "(None)", "GtkStackPage" and a focusable
         * "GtkListItemWidget" besides. */
        if (content != NULL)
          gtk_accessible_update_state (GTK_ACCESSIBLE (content), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
      }
}

/**
 * sih_accessible_name_drop_down:
 * @drop_down: a drop-down of strings (a #GtkStringList)
 * @label: what it chooses
 *
 * Names @drop_down @label, and the button a screen reader reads for it
 * @label with the current choice, kept up to date.
 */
void
sih_accessible_name_drop_down (GtkDropDown *drop_down,
                               const char  *label)
{
  g_return_if_fail (GTK_IS_DROP_DOWN (drop_down));
  g_return_if_fail (label != NULL);

  g_object_set_data_full (G_OBJECT (drop_down), "sih-accessible-label", g_strdup (label), g_free);
  g_signal_handlers_disconnect_by_func (drop_down, drop_down_selected_cb, NULL);
  g_signal_connect (drop_down, "notify::selected", G_CALLBACK (drop_down_selected_cb), NULL);
  drop_down_selected_cb (drop_down);
}

/**
 * sih_accessible_name_entry_row:
 * @row: an entry row
 *
 * libadwaita 1.2 leaves an entry row's text field without a name, and 1.7
 * names the row after both its title labels ("Since when? Since when?"):
 * names both after the title, once.
 */
void
sih_accessible_name_entry_row (AdwEntryRow *row)
{
  GtkEditable *text;
  const char *title;

  g_return_if_fail (ADW_IS_ENTRY_ROW (row));

  text = gtk_editable_get_delegate (GTK_EDITABLE (row));
  title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));
  sih_accessible_set_label (GTK_WIDGET (row), title);
  if (text != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (text), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
}

/**
 * sih_accessible_set_description:
 * @widget: a widget, or an entry row
 * @description: (nullable): what a screen reader reads after its name
 *
 * Describes @widget, and for an entry row its text field (which is what
 * takes the focus).
 */
void
sih_accessible_set_description (GtkWidget  *widget,
                                const char *description)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (ADW_IS_ENTRY_ROW (widget) && gtk_editable_get_delegate (GTK_EDITABLE (widget)) != NULL)
    sih_accessible_set_description (GTK_WIDGET (gtk_editable_get_delegate (GTK_EDITABLE (widget))),
                                    description);
  if (description != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                    description, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

/**
 * sih_accessible_announce:
 * @widget: the widget the message is about
 * @message: what to say
 *
 * Has a screen reader say @message now, without moving the focus: with
 * gtk_accessible_announce() where GTK has it (4.14 and newer).  GTK 4.8
 * cannot; there @message becomes @widget's description, which is read when
 * the focus is on it.
 *
 * Returns: %TRUE if it was announced, %FALSE if the caller should also show
 *   @message (a toast)
 */
gboolean
sih_accessible_announce (GtkWidget  *widget,
                         const char *message)
{
  g_return_val_if_fail (GTK_IS_WIDGET (widget), FALSE);
  g_return_val_if_fail (message != NULL, FALSE);

#if GTK_CHECK_VERSION (4, 14, 0)
  /* Newer than the floor on purpose: GTK 4.8 has no way to announce. */
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_accessible_announce (GTK_ACCESSIBLE (widget), message,
                           GTK_ACCESSIBLE_ANNOUNCEMENT_PRIORITY_MEDIUM);
  G_GNUC_END_IGNORE_DEPRECATIONS
  return TRUE;
#else
  sih_accessible_set_description (widget, message);
  return FALSE;
#endif
}

/**
 * sih_accessible_hide_images:
 * @root: a widget whose images only decorate
 *
 * Hides every image inside @root from screen readers, for good: the
 * arrows and icons of libadwaita's rows and view switchers, which
 * libadwaita 1.2 exposes as images without a name.  Images of one's own are made
 * decorative when they are made (sih_decorative_image_new()).
 */
/* GTK exposes a widget again each time it is shown, and libadwaita 1.2
 * shows an entry row's pencil again whenever the row loses the focus or
 * its window stops being the active one. */
static gboolean
hide_again_cb (gpointer user_data)
{
  gtk_accessible_update_state (GTK_ACCESSIBLE (user_data), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  return G_SOURCE_REMOVE;
}

/* GTK marks the image as shown only once "show" and its handlers are done:
 * hidden again before anything else runs. */
static void
keep_hidden_cb (GtkWidget *image)
{
  g_idle_add_full (G_PRIORITY_HIGH, hide_again_cb, g_object_ref (image), g_object_unref);
}

void
sih_accessible_hide_images (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  if (GTK_IS_IMAGE (root))
    {
      gtk_accessible_update_state (GTK_ACCESSIBLE (root), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
      if (g_object_get_data (G_OBJECT (root), "sih-kept-hidden") == NULL)
        {
          g_signal_connect (root, "show", G_CALLBACK (keep_hidden_cb), NULL);
          g_object_set_data (G_OBJECT (root), "sih-kept-hidden", GINT_TO_POINTER (TRUE));
        }
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    sih_accessible_hide_images (child);
}

static void
toggle_active_cb (GtkWidget    *toggle,
                  GParamSpec   *pspec,
                  AdwActionRow *row)
{
  gboolean active;

  g_object_get (toggle, "active", &active, NULL);
  gtk_accessible_update_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_CHECKED,
                               active ? GTK_ACCESSIBLE_TRISTATE_TRUE : GTK_ACCESSIBLE_TRISTATE_FALSE,
                               -1);
}

/**
 * sih_toggle_row_set_toggle:
 * @row: a row made with the accessible role checkbox, radio or switch
 * @toggle: the check button or switch in @row
 *
 * Makes @row one control, as libadwaita 1.4's AdwSwitchRow is: one Tab
 * stop that a screen reader reads once, with whether it is on.  The row
 * takes the focus and says whether it is checked, activating it (Space,
 * Enter, a click) flips @toggle, and @toggle only shows it; before, the
 * row and its toggle were two stops read with the same name.
 */
void
sih_toggle_row_set_toggle (AdwActionRow *row,
                           GtkWidget    *toggle)
{
  GtkAccessibleRole role;

  g_return_if_fail (ADW_IS_ACTION_ROW (row));
  g_return_if_fail (GTK_IS_CHECK_BUTTON (toggle) || GTK_IS_SWITCH (toggle));

  role = gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (row));
  g_return_if_fail (role == GTK_ACCESSIBLE_ROLE_CHECKBOX || role == GTK_ACCESSIBLE_ROLE_RADIO ||
                    role == GTK_ACCESSIBLE_ROLE_SWITCH);

  /* can-focus keeps Tab from stopping there, focusable keeps it from
   * being reported as a place to stop. */
  gtk_widget_set_focusable (toggle, FALSE);
  gtk_widget_set_can_focus (toggle, FALSE);
  gtk_accessible_reset_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_LABEL);
  adw_action_row_set_activatable_widget (row, toggle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);

  g_signal_connect_object (toggle, "notify::active", G_CALLBACK (toggle_active_cb), row, 0);
  toggle_active_cb (toggle, NULL, row);
}

/* GTK 4.8's shortcuts window makes its search button without a name. */
static void
name_search_buttons (GtkWidget *widget)
{
  if (GTK_IS_TOGGLE_BUTTON (widget) && gtk_button_get_label (GTK_BUTTON (widget)) == NULL &&
      g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (widget)), "edit-find-symbolic") == 0)
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    _("Search Shortcuts"), -1);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    name_search_buttons (child);
}

/**
 * sih_accessible_name_shortcuts_window:
 * @window: the window's shortcuts window (help overlay)
 *
 * Names what GTK 4.8 leaves unnamed in a shortcuts window: its search
 * button, in the header bar (its titlebar, outside its content).
 */
void
sih_accessible_name_shortcuts_window (GtkWindow *window)
{
  GtkWidget *titlebar;

  g_return_if_fail (GTK_IS_WINDOW (window));

  name_search_buttons (GTK_WIDGET (window));
  if ((titlebar = gtk_window_get_titlebar (window)) != NULL)
    name_search_buttons (titlebar);
}
