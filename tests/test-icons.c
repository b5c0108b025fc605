/* test-icons.c: every icon the app names is drawn, on the platform it runs on
 *
 * Icon themes drop names between releases (Adwaita 48 has no
 * emblem-documents-symbolic), and a system without an SVG loader draws
 * every SVG icon as a placeholder.  This test collects every icon name the
 * interface files, the interface code, the outcome table and the bundled
 * packs use, and fails on any that the running icon theme does not have or
 * cannot load.  CI runs it on Debian 12 and on Debian 13.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "ui/sih-icons.h"
#include "core/sih-outcome.h"
#include "core/sih-pack.h"
#include "sih-test-util.h"

static void
add_matches (GHashTable *names,
             const char *pattern,
             const char *text,
             const char *where)
{
  g_autoptr(GRegex) regex = g_regex_new (pattern, 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;

  g_regex_match (regex, text, 0, &match);
  while (g_match_info_matches (match))
    {
      g_autofree char *name = g_match_info_fetch (match, 1);

      if (!g_hash_table_contains (names, name))
        g_hash_table_insert (names, g_steal_pointer (&name), g_strdup (where));
      g_match_info_next (match, NULL);
    }
}

/* Icon names in every GtkBuilder file of the resources. */
static void
add_ui_files (GHashTable *names,
              const char *path)
{
  g_auto(GStrv) children = g_resources_enumerate_children (path, 0, NULL);

  for (guint i = 0; children != NULL && children[i] != NULL; i++)
    {
      g_autofree char *child = g_strconcat (path, children[i], NULL);

      if (g_str_has_suffix (child, "/"))
        add_ui_files (names, child);
      else if (g_str_has_suffix (child, ".ui"))
        {
          g_autoptr(GBytes) bytes = g_resources_lookup_data (child, 0, NULL);

          g_assert_nonnull (bytes);
          add_matches (names, "<property name=\"icon[-_]name\"[^>]*>([^<]+)</property>",
                       g_bytes_get_data (bytes, NULL), child);
        }
    }
}

/* Icon names written in the interface code, as string literals. */
static void
add_sources (GHashTable *names)
{
  g_autofree char *dir_path = g_build_filename (g_getenv ("SIH_SOURCE_ROOT"), "src", "ui", NULL);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *file;
  guint n_files = 0;

  g_assert_nonnull (dir);
  while ((file = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir_path, file, NULL);
      g_autofree char *text = NULL;

      if (!g_str_has_suffix (file, ".c"))
        continue;
      g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
      add_matches (names, "\"([a-z0-9-]+-symbolic)\"", text, file);
      n_files++;
    }
  g_assert_cmpuint (n_files, >, 10);
}

static void
add_pack (GHashTable *names,
          SihPack    *pack)
{
  GListModel *causes = sih_pack_get_causes (pack);

  for (guint i = 0; i < g_list_model_get_n_items (causes); i++)
    {
      g_autoptr(SihCause) cause = g_list_model_get_item (causes, i);
      g_autoptr(GIcon) icon = sih_cause_dup_icon (cause);
      const char * const *icon_names = g_themed_icon_get_names (G_THEMED_ICON (icon));

      /* The pack's own name and the fallback both (GThemedIcon adds the
       * names without "-symbolic" after them, which themes need not have). */
      for (guint j = 0; icon_names[j] != NULL; j++)
        if (g_str_has_suffix (icon_names[j], "-symbolic") &&
            !g_hash_table_contains (names, icon_names[j]))
          g_hash_table_insert (names, g_strdup (icon_names[j]),
                               g_strdup_printf ("%s: %s", sih_pack_get_id (pack),
                                                sih_cause_get_id (cause)));
    }
}

static gboolean
have_svg_loader (void)
{
  g_autoptr(GSList) formats = gdk_pixbuf_get_formats ();

  for (GSList *l = formats; l != NULL; l = l->next)
    if (g_strcmp0 (gdk_pixbuf_format_get_name (l->data), "svg") == 0)
      return TRUE;
  return FALSE;
}

static gboolean
has_suffix_file (GFile      *file,
                 const char *suffix)
{
  g_autofree char *uri = g_file_get_uri (file);

  return g_str_has_suffix (uri, suffix);
}

static void
assert_loads (GtkIconTheme *theme,
              const char   *name,
              const char   *where,
              GString      *problems)
{
  g_autoptr(GtkIconPaintable) paintable = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;

  if (!gtk_icon_theme_has_icon (theme, name))
    {
      g_string_append_printf (problems, "  %s (%s): not in the icon theme\n", name, where);
      return;
    }

  paintable = gtk_icon_theme_lookup_icon (theme, name, NULL, 16, 1, GTK_TEXT_DIR_LTR, 0);
  file = gtk_icon_paintable_get_file (paintable);
  if (file == NULL)
    {
      g_string_append_printf (problems, "  %s (%s): no file\n", name, where);
      return;
    }

  if (g_strcmp0 (gtk_icon_paintable_get_icon_name (paintable), name) != 0)
    {
      g_string_append_printf (problems, "  %s (%s): the theme gives %s instead\n", name, where,
                              gtk_icon_paintable_get_icon_name (paintable));
      return;
    }

  /* GTK draws SVG icons through gdk-pixbuf's SVG loader: without it
   * (librsvg2-common), every SVG icon is a placeholder. */
  if (has_suffix_file (file, ".svg") && !have_svg_loader ())
    {
      g_string_append_printf (problems, "  %s (%s): an SVG, and gdk-pixbuf has no SVG loader\n",
                              name, where);
      return;
    }

  texture = gdk_texture_new_from_file (file, &error);
  if (texture == NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);

      g_string_append_printf (problems, "  %s (%s): %s cannot be loaded: %s\n",
                              name, where, uri, error->message);
    }
}

static void
test_icons_all_drawn (void)
{
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(SihApplication) app = sih_test_application_new ();
  g_autoptr(GString) problems = g_string_new (NULL);
  g_autofree char *example_path = g_build_filename (g_getenv ("SIH_SOURCE_ROOT"), "data", "content",
                                                    "example-helpdesk-pack.json", NULL);
  g_autoptr(SihPack) example = NULL;
  g_autoptr(GError) error = NULL;
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gdk_display_get_default ());
  GHashTableIter iter;
  gpointer name, where;

  example = sih_pack_new_from_file (example_path, NULL, &error);
  g_assert_no_error (error);

  add_ui_files (names, RESOURCE_BASE "/");
  add_sources (names);
  for (guint i = 0; i < SIH_N_OUTCOMES; i++)
    if (sih_outcome_get_info (i)->icon_name != NULL)
      g_hash_table_insert (names, g_strdup (sih_outcome_get_info (i)->icon_name),
                           g_strdup ("the outcome table"));
  add_pack (names, sih_application_get_pack (app));
  add_pack (names, example);
  g_test_message ("%u icon names", g_hash_table_size (names));
  g_assert_cmpuint (g_hash_table_size (names), >, 20);

  g_hash_table_iter_init (&iter, names);
  while (g_hash_table_iter_next (&iter, &name, &where))
    assert_loads (theme, name, where, problems);

  if (problems->len > 0)
    g_error ("Icons that would be drawn as placeholders:\n%s", problems->str);
}

/* A pack naming an icon the theme lacks shows the app's own icon, and
 * --validate-pack's theme says it is missing. */
static void
test_icons_fallback (void)
{
  g_autofree char *good = g_test_build_filename (G_TEST_DIST, "data", "packs", "good.json", NULL);
  g_autofree char *json = NULL;
  g_auto(GStrv) parts = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SihPack) pack = NULL;
  g_autoptr(GtkIconTheme) validator_theme = sih_icon_theme_new ();
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gdk_display_get_default ());
  g_autoptr(GtkIconPaintable) paintable = NULL;
  g_autoptr(GIcon) icon = NULL;

  g_assert_true (g_file_get_contents (good, &json, NULL, NULL));
  parts = g_strsplit (json, "dialog-password-symbolic", 2);
  g_assert_cmpuint (g_strv_length (parts), ==, 2);
  bytes = g_bytes_new_take (g_strjoinv ("no-such-icon-symbolic", parts),
                            strlen (json) - strlen ("dialog-password-symbolic") +
                            strlen ("no-such-icon-symbolic"));
  pack = sih_pack_new_from_bytes (bytes, "changed.json", NULL, &error);
  g_assert_no_error (error);

  icon = sih_cause_dup_icon (sih_pack_find_cause (pack, "first"));
  paintable = gtk_icon_theme_lookup_by_gicon (theme, icon, 16, 1, GTK_TEXT_DIR_LTR, 0);
  g_assert_cmpstr (gtk_icon_paintable_get_icon_name (paintable), ==, APPLICATION_ID "-symbolic");

  g_assert_false (gtk_icon_theme_has_icon (validator_theme, "no-such-icon-symbolic"));
  g_assert_true (gtk_icon_theme_has_icon (validator_theme, APPLICATION_ID "-symbolic"));
  g_assert_true (gtk_icon_theme_has_icon (validator_theme, "go-next-symbolic"));
}

int
main (int   argc,
      char *argv[])
{
  if (!sih_test_init_gtk (&argc, &argv))
    return g_test_run ();

  g_test_add_func ("/icons/all-drawn", test_icons_all_drawn);
  g_test_add_func ("/icons/fallback", test_icons_fallback);

  return g_test_run ();
}
