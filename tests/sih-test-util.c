/* sih-test-util.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "sih-test-util.h"

static void
skip_no_display (void)
{
  g_test_skip ("no display (run under xvfb-run -a dbus-run-session)");
}

/**
 * sih_test_init_gtk:
 *
 * Initialises GTK and libadwaita for a UI test.  Without a display every
 * test the caller adds is skipped instead of crashing.
 *
 * Returns: %TRUE when there is a display
 */
/* Every test process saves its cases in a directory of its own. */
static void
use_private_data_dir (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("sih-test-XXXXXX", &error);

  g_assert_no_error (error);
  g_setenv ("XDG_DATA_HOME", dir, TRUE);
}

gboolean
sih_test_init_gtk (int    *argc,
                   char ***argv)
{
  use_private_data_dir ();

  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_test_init (argc, argv, NULL);
      g_test_add_func ("/ui/skipped", skip_no_display);
      return FALSE;
    }

  gtk_test_init (argc, argv, NULL);
  adw_init ();
  return TRUE;
}

/**
 * sih_test_application_new:
 *
 * An application that has gone through startup (pack loaded, actions and
 * accelerators installed) without running a main loop.
 */
SihApplication *
sih_test_application_new (void)
{
  /* One per process: a registered application stays exported on the bus. */
  static SihApplication *app;
  g_autoptr(GError) error = NULL;

  if (app == NULL)
    {
      app = sih_application_new ();
      g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
      g_application_register (G_APPLICATION (app), NULL, &error);
      g_assert_no_error (error);
    }

  return g_object_ref (app);
}

void
sih_test_iterate (void)
{
  for (guint i = 0; i < 50 && g_main_context_iteration (NULL, FALSE); i++)
    ;
}

static gboolean
keep_waiting_cb (gpointer user_data)
{
  return G_SOURCE_CONTINUE;
}

/* Runs the main loop until @widget has been allocated @width. */
void
sih_test_wait_for_size (GtkWidget *widget,
                        int        width)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  guint tick = g_timeout_add (20, keep_waiting_cb, NULL);

  /* The tick wakes the loop up, so a size that never comes cannot hang. */
  while (gtk_widget_get_width (widget) != width && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (tick);
  sih_test_iterate ();
}

GtkWidget *
sih_test_find_widget (GtkWidget  *root,
                      const char *buildable_id)
{
  const char *id;

  if (GTK_IS_BUILDABLE (root) &&
      (id = gtk_buildable_get_buildable_id (GTK_BUILDABLE (root))) != NULL &&
      g_strcmp0 (id, buildable_id) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = sih_test_find_widget (child, buildable_id);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* What AT-SPI gives a screen reader: widgets that are visible, shown by
 * their parent (not a stack's other pages, nor libadwaita 1.7's unused
 * entry-row apply button) and not hidden from assistive technology. */
static gboolean
is_exposed (GtkWidget *widget)
{
  GtkAccessible *accessible = GTK_ACCESSIBLE (widget);
  g_autofree char *not_hidden = NULL;

  if (!gtk_widget_get_visible (widget) || !gtk_widget_get_child_visible (widget))
    return FALSE;
  if (!gtk_test_accessible_has_state (accessible, GTK_ACCESSIBLE_STATE_HIDDEN))
    return TRUE;
  /* NULL when the state has the value TRUE. */
  not_hidden = gtk_test_accessible_check_state (accessible, GTK_ACCESSIBLE_STATE_HIDDEN, TRUE);
  return not_hidden != NULL;
}

static gboolean
is_interactive (GtkWidget *widget)
{
  GtkAccessibleRole role;

  if (GTK_IS_LABEL (widget))
    return FALSE;    /* a label is its own name */
  if (GTK_IS_TEXT (widget) && GTK_IS_EDITABLE (gtk_widget_get_parent (widget)))
    return FALSE;    /* the entry's inner text: the entry carries the name */
  if (GTK_IS_BUTTON (widget) || GTK_IS_MENU_BUTTON (widget) || GTK_IS_EDITABLE (widget) ||
      GTK_IS_CHECK_BUTTON (widget) || GTK_IS_SWITCH (widget) || GTK_IS_DROP_DOWN (widget) ||
      GTK_IS_TEXT_VIEW (widget))
    return TRUE;
  /* Screen readers announce a focused list row by its name. */
  if (GTK_IS_LIST_BOX_ROW (widget))
    return gtk_widget_get_focusable (widget);
  /* Containers (lists, groups) take focus only to pass it on to their
   * children, which are checked themselves. */
  role = gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (widget));
  if (role == GTK_ACCESSIBLE_ROLE_GENERIC || role == GTK_ACCESSIBLE_ROLE_GROUP ||
      role == GTK_ACCESSIBLE_ROLE_LIST || role == GTK_ACCESSIBLE_ROLE_PRESENTATION ||
      role == GTK_ACCESSIBLE_ROLE_NONE)
    return FALSE;

  return gtk_widget_get_focusable (widget) && gtk_widget_get_can_focus (widget);
}

static gboolean
has_own_name (GtkWidget *widget)
{
  GtkAccessible *accessible = GTK_ACCESSIBLE (widget);

  return gtk_test_accessible_has_property (accessible, GTK_ACCESSIBLE_PROPERTY_LABEL) ||
         gtk_test_accessible_has_relation (accessible, GTK_ACCESSIBLE_RELATION_LABELLED_BY);
}

static gboolean
has_name (GtkWidget *widget)
{
  GtkWidget *parent = gtk_widget_get_parent (widget);

  if (has_own_name (widget))
    return TRUE;

  /* A menu button's inner toggle button: GTK 4.8 copies the menu button's
   * label to it, newer GTK names it from the menu button when AT-SPI asks
   * (the accessibility tree on Debian 13 reads "Case Menu" for both). */
  return GTK_IS_TOGGLE_BUTTON (widget) && GTK_IS_MENU_BUTTON (parent) && has_own_name (parent);
}

static guint
collect_unnamed (GtkWidget *widget,
                 GString   *problems)
{
  guint n_checked = 0;

  /* Out of sight, or where the keyboard cannot go (a combo row's display
   * of its selection). */
  if (!is_exposed (widget) || !gtk_widget_get_can_focus (widget))
    return 0;

  if (is_interactive (widget))
    {
      n_checked++;
      if (!has_name (widget))
        {
          GtkWidget *parent = gtk_widget_get_parent (widget);
          const char *id = GTK_IS_BUILDABLE (widget)
                           ? gtk_buildable_get_buildable_id (GTK_BUILDABLE (widget)) : NULL;

          g_string_append_printf (problems, "  %s%s%s (in %s) has no accessible name\n",
                                  G_OBJECT_TYPE_NAME (widget), id ? " #" : "", id ? id : "",
                                  parent ? G_OBJECT_TYPE_NAME (parent) : "nothing");
        }
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n_checked += collect_unnamed (child, problems);

  return n_checked;
}

/**
 * sih_test_assert_all_named:
 * @root: the screen to check
 * @screen: what to call it in messages
 * @at_least: how many controls there are at least
 *
 * Fails on any control of @root that a screen reader would reach and could
 * not name: one with neither an accessible label nor a labelled-by relation.
 */
void
sih_test_assert_all_named (GtkWidget  *root,
                           const char *screen,
                           guint       at_least)
{
  g_autoptr(GString) problems = g_string_new (NULL);
  guint n_checked = collect_unnamed (root, problems);

  g_test_message ("%s: %u controls checked", screen, n_checked);
  g_assert_cmpuint (n_checked, >=, at_least);
  if (problems->len > 0)
    g_error ("%s:\n%s", screen, problems->str);
}

/* A key, or one of several keys (GtkWindow's Tab is "Tab or keypad Tab"). */
static gboolean
trigger_matches (GtkShortcutTrigger *trigger,
                 guint               keyval,
                 GdkModifierType     modifiers)
{
  if (GTK_IS_ALTERNATIVE_TRIGGER (trigger))
    return trigger_matches (gtk_alternative_trigger_get_first (GTK_ALTERNATIVE_TRIGGER (trigger)),
                            keyval, modifiers) ||
           trigger_matches (gtk_alternative_trigger_get_second (GTK_ALTERNATIVE_TRIGGER (trigger)),
                            keyval, modifiers);
  return GTK_IS_KEYVAL_TRIGGER (trigger) &&
         gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval &&
         gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == modifiers;
}

/**
 * sih_test_find_shortcut:
 * @widget: a widget with key bindings (gtk_widget_class_add_binding_action())
 * @keyval: the key
 * @modifiers: the modifiers held with it
 *
 * Returns: (transfer none) (nullable): the shortcut of @widget's that the
 *   key triggers
 */
GtkShortcut *
sih_test_find_shortcut (GtkWidget       *widget,
                        guint            keyval,
                        GdkModifierType  modifiers)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

          /* The controller keeps its own reference. */
          if (trigger_matches (trigger, keyval, modifiers))
            return shortcut;
        }
    }

  return NULL;
}

/**
 * sih_test_activate_shortcut:
 * @widget: a widget with key bindings (gtk_widget_class_add_binding_action())
 * @keyval: the key
 * @modifiers: the modifiers held with it
 *
 * Does what pressing the key does: activates the shortcut of @widget's
 * that the key triggers, with its arguments.
 *
 * Returns: whether @widget has such a shortcut
 */
gboolean
sih_test_activate_shortcut (GtkWidget       *widget,
                            guint            keyval,
                            GdkModifierType  modifiers)
{
  GtkShortcut *shortcut = sih_test_find_shortcut (widget, keyval, modifiers);

  return shortcut != NULL &&
         gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut),
                                       GTK_SHORTCUT_ACTION_EXCLUSIVE, widget,
                                       gtk_shortcut_get_arguments (shortcut));
}

/**
 * sih_test_tab_stops:
 * @window: a window on screen
 * @direction: %GTK_DIR_TAB_FORWARD (Tab) or %GTK_DIR_TAB_BACKWARD (Shift+Tab)
 *
 * Presses Tab (or Shift+Tab) round the whole window, from where the focus
 * is, as the window's own key binding moves it.
 *
 * Returns: (transfer container): the widgets the focus stops at, in order,
 *   each once
 */
GPtrArray *
sih_test_tab_stops (GtkWindow        *window,
                    GtkDirectionType  direction)
{
  GPtrArray *stops = g_ptr_array_new ();
  guint first;

  for (guint i = 0; i < 1000; i++)
    {
      GtkWidget *focus;

      g_signal_emit_by_name (window, "move-focus", direction);
      sih_test_iterate ();
      focus = gtk_window_get_focus (window);
      if (focus == NULL)
        continue;
      /* Back where a round began: the round is from there on.  Where the
       * focus started may be outside the round (the list itself, before
       * one of its rows took the focus): it is dropped. */
      if (g_ptr_array_find (stops, focus, &first))
        {
          for (guint j = 0; j < first; j++)
            g_test_message ("Tab does not come back to %s", G_OBJECT_TYPE_NAME (stops->pdata[j]));
          g_ptr_array_remove_range (stops, 0, first);
          return stops;
        }
      g_ptr_array_add (stops, focus);
    }

  g_error ("Tab never came round to where it started");
}

/**
 * sih_test_count_inside:
 *
 * Returns: how many of @widgets are @ancestor or inside it
 */
guint
sih_test_count_inside (GPtrArray *widgets,
                       GtkWidget *ancestor)
{
  guint n = 0;

  for (guint i = 0; i < widgets->len; i++)
    if (widgets->pdata[i] == ancestor || gtk_widget_is_ancestor (widgets->pdata[i], ancestor))
      n++;
  return n;
}

static gboolean
count_frame_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       user_data)
{
  guint *n_frames = user_data;

  (*n_frames)++;
  return G_SOURCE_CONTINUE;
}

/**
 * sih_test_make_active:
 *
 * Presents @window and waits (up to three seconds) for it to be the active
 * window.  Without a window manager the windows of tests running at the
 * same time on the display take the focus in turns, and GTK 4.18 moves
 * the focus with Tab only inside the active window; libadwaita 1.2's
 * entry rows show (and expose) their pencil while their window is not
 * active.
 *
 * Returns: whether @window is active
 */
gboolean
sih_test_make_active (GtkWindow *window)
{
  gint64 deadline = g_get_monotonic_time () + 3 * G_USEC_PER_SEC;

  while (!gtk_window_is_active (window) && g_get_monotonic_time () < deadline)
    {
      gtk_window_present (window);
      sih_test_wait_for_frames (GTK_WIDGET (window), 1);
    }
  sih_test_iterate ();
  if (!gtk_window_is_active (window))
    g_test_message ("%s never became the active window", G_OBJECT_TYPE_NAME (window));
  return gtk_window_is_active (window);
}

/**
 * sih_test_wait_for_frames:
 *
 * Runs the main loop until @widget's window has drawn @n_frames frames:
 * styles and layout are brought up to date in a frame.
 */
void
sih_test_wait_for_frames (GtkWidget *widget,
                          guint      n_frames)
{
  guint n = 0;
  guint id = gtk_widget_add_tick_callback (widget, count_frame_cb, &n, NULL);

  while (n < n_frames)
    g_main_context_iteration (NULL, TRUE);
  gtk_widget_remove_tick_callback (widget, id);
}

/**
 * sih_test_render:
 * @widget: a widget on screen
 *
 * Returns: (transfer full): @widget's pixels as it draws itself now
 */
GBytes *
sih_test_render (GtkWidget *widget)
{
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  gsize stride = (gsize) width * 4;
  guchar *data;

  g_assert_cmpint (width, >, 0);
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)),
                                         node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  data = g_malloc (stride * height);
  gdk_texture_download (texture, data, stride);
  return g_bytes_new_take (data, stride * height);
}

static void
read_text_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  char **text = user_data;
  g_autoptr(GError) error = NULL;

  *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, &error);
  g_assert_no_error (error);
}

/**
 * sih_test_read_clipboard:
 * @widget: a widget on screen
 *
 * Returns: (transfer full): the text on @widget's clipboard (fails the
 *   test when there is none within five seconds)
 */
char *
sih_test_read_clipboard (GtkWidget *widget)
{
  char *text = NULL;
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (widget), NULL, read_text_cb, &text);
  while (text == NULL && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_nonnull (text);
  return text;
}

/**
 * sih_test_find_file_chooser:
 *
 * Without a portal, GtkFileChooserNative shows GTK's own dialog.
 *
 * Returns: (transfer none) (nullable): the file chooser dialog on screen
 */
GtkWidget *
sih_test_find_file_chooser (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (GTK_IS_FILE_CHOOSER_DIALOG (window) && gtk_widget_get_visible (window))
        return window;
    }
  return NULL;
}
