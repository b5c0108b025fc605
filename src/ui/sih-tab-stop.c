/* sih-tab-stop.c: a list that is one Tab stop, moved in with the arrows
 *
 * GNOME's lists of places to go (a sidebar) take one press of Tab: Tab
 * goes to the selected item, the arrows move between the items, and the
 * next Tab leaves the list.  GTK 4.8's list view stops at every item
 * instead (GTK 4.12 added GtkListView:tab-behavior for this).  Put the
 * list (or the scrolled window around it) in a SihTabStop and it is one
 * stop, on both.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ui/sih-tab-stop.h"

struct _SihTabStop
{
  AdwBin parent_instance;
};

G_DEFINE_FINAL_TYPE (SihTabStop, sih_tab_stop, ADW_TYPE_BIN)

/* The selected item, if the list has made a widget for it. */
static GtkWidget *
find_selected (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if ((gtk_widget_get_state_flags (child) & GTK_STATE_FLAG_SELECTED) != 0 &&
          gtk_widget_get_focusable (child) && gtk_widget_get_mapped (child))
        return child;
      if ((found = find_selected (child)) != NULL)
        return found;
    }

  return NULL;
}

static gboolean
focus_is_inside (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && gtk_widget_is_ancestor (focus, widget);
}

static gboolean
sih_tab_stop_focus (GtkWidget        *widget,
                    GtkDirectionType  direction)
{
  GtkWidget *child = adw_bin_get_child (ADW_BIN (widget));
  GtkWidget *selected;

  if (child == NULL)
    return FALSE;

  /* The arrows move inside, as the list has them move. */
  if (direction != GTK_DIR_TAB_FORWARD && direction != GTK_DIR_TAB_BACKWARD)
    return gtk_widget_child_focus (child, direction);

  /* In the list already: Tab and Shift+Tab leave it.  Asked of the
   * window, not of the focus child GTK keeps on the way down to the
   * focus: on GTK 4.8 that can be left set after the focus has gone (seen
   * under load, with other windows taking the focus in turns), and the
   * list was then never entered again. */
  if (focus_is_inside (widget))
    return FALSE;

  /* Coming in, from either side: on the selected item, or else where the
   * list puts it coming in from above (its first item, or the one last
   * focused). */
  if ((selected = find_selected (child)) != NULL && gtk_widget_grab_focus (selected))
    return TRUE;
  return gtk_widget_child_focus (child, GTK_DIR_TAB_FORWARD);
}

static void
sih_tab_stop_class_init (SihTabStopClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->focus = sih_tab_stop_focus;
}

static void
sih_tab_stop_init (SihTabStop *self)
{
}

GtkWidget *
sih_tab_stop_new (void)
{
  return g_object_new (SIH_TYPE_TAB_STOP, NULL);
}
