/* sih-pack-catalog.c
 *
 * Finds the content packs a person can choose from: the bundled one,
 * always first, then every "*.json" file in the pack folders, each
 * validated by loading it.  A pack that cannot be loaded is still listed,
 * with the loader's error, so that a help desk sees why its pack is not
 * offered; nothing here ever stops the app.
 *
 * The setting that records the choice ("content-pack") is "" for the
 * bundled pack and the file's path otherwise; see
 * sih_pack_catalog_entry_get_setting_value().
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <string.h>

#include "core/sih-error.h"
#include "core/sih-pack-catalog.h"

#define PACKS_DIR_NAME "packs"

struct _SihPackCatalogEntry
{
  GObject   parent_instance;

  gboolean  bundled;
  char     *path;
  char     *id;
  char     *title;
  char     *version;
  guint     n_causes;
  GError   *error;
};

G_DEFINE_FINAL_TYPE (SihPackCatalogEntry, sih_pack_catalog_entry, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_BUNDLED,
  PROP_PATH,
  PROP_ID,
  PROP_TITLE,
  PROP_VERSION,
  PROP_N_CAUSES,
  PROP_USABLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
sih_pack_catalog_entry_finalize (GObject *object)
{
  SihPackCatalogEntry *self = (SihPackCatalogEntry *)object;

  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->version, g_free);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (sih_pack_catalog_entry_parent_class)->finalize (object);
}

static void
sih_pack_catalog_entry_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  SihPackCatalogEntry *self = SIH_PACK_CATALOG_ENTRY (object);

  switch (prop_id)
    {
    case PROP_BUNDLED:
      g_value_set_boolean (value, self->bundled);
      break;
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_VERSION:
      g_value_set_string (value, self->version);
      break;
    case PROP_N_CAUSES:
      g_value_set_uint (value, self->n_causes);
      break;
    case PROP_USABLE:
      g_value_set_boolean (value, self->error == NULL);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sih_pack_catalog_entry_class_init (SihPackCatalogEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = sih_pack_catalog_entry_finalize;
  object_class->get_property = sih_pack_catalog_entry_get_property;

  /* An entry never changes: the catalog makes a new list instead. */
  properties[PROP_BUNDLED] = g_param_spec_boolean ("bundled", NULL, NULL, FALSE, flags);
  properties[PROP_PATH] = g_param_spec_string ("path", NULL, NULL, NULL, flags);
  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_VERSION] = g_param_spec_string ("version", NULL, NULL, NULL, flags);
  properties[PROP_N_CAUSES] = g_param_spec_uint ("n-causes", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_USABLE] = g_param_spec_boolean ("usable", NULL, NULL, FALSE, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sih_pack_catalog_entry_init (SihPackCatalogEntry *self)
{
}

static void
set_from_pack (SihPackCatalogEntry *self,
               SihPack             *pack)
{
  self->id = g_strdup (sih_pack_get_id (pack));
  self->title = g_strdup (sih_pack_get_title (pack));
  self->version = g_strdup (sih_pack_get_version (pack));
  self->n_causes = sih_pack_get_n_causes (pack);
}

/**
 * sih_pack_catalog_entry_new_bundled:
 *
 * Returns: (transfer full): the entry for the pack inside the application
 */
SihPackCatalogEntry *
sih_pack_catalog_entry_new_bundled (void)
{
  SihPackCatalogEntry *self = g_object_new (SIH_TYPE_PACK_CATALOG_ENTRY, NULL);
  g_autoptr(SihPack) pack = sih_pack_new_bundled (&self->error);

  self->bundled = TRUE;
  if (pack != NULL)
    set_from_pack (self, pack);
  else
    self->title = g_strdup (PACKAGE_NAME);

  return self;
}

/**
 * sih_pack_catalog_entry_new_for_file:
 * @path: a pack file
 *
 * Loads @path to check it.  A file that is not a valid pack (or not there
 * at all) still gives an entry: its title is the file name and
 * sih_pack_catalog_entry_get_error() says what is wrong.
 *
 * Returns: (transfer full): the entry
 */
SihPackCatalogEntry *
sih_pack_catalog_entry_new_for_file (const char *path)
{
  SihPackCatalogEntry *self;
  g_autoptr(SihPack) pack = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (SIH_TYPE_PACK_CATALOG_ENTRY, NULL);
  self->path = g_strdup (path);

  /* Translated like the bundled pack, so that texts a custom pack copied
   * from it unchanged are shown in the person's language. */
  pack = sih_pack_new_from_file (path, GETTEXT_PACKAGE, &self->error);
  if (pack != NULL)
    set_from_pack (self, pack);
  else
    self->title = g_filename_display_basename (path);

  return self;
}

gboolean
sih_pack_catalog_entry_get_bundled (SihPackCatalogEntry *self)
{
  g_return_val_if_fail (SIH_IS_PACK_CATALOG_ENTRY (self), FALSE);
  return self->bundled;
}

/**
 * sih_pack_catalog_entry_get_path:
 *
 * Returns: (nullable) (type filename): the pack's file; %NULL for the
 *   bundled pack
 */
const char *
sih_pack_catalog_entry_get_path (SihPackCatalogEntry *self)
{
  g_return_val_if_fail (SIH_IS_PACK_CATALOG_ENTRY (self), NULL);
  return self->path;
}

/**
 * sih_pack_catalog_entry_get_setting_value:
 *
 * Returns: what the "content-pack" setting holds when this pack is
 *   chosen: "" for the bundled pack, the file's path otherwise
 */
const char *
sih_pack_catalog_entry_get_setting_value (SihPackCatalogEntry *self)
{
  g_return_val_if_fail (SIH_IS_PACK_CATALOG_ENTRY (self), NULL);
  return self->bundled ? "" : self->path;
}

/**
 * sih_pack_catalog_entry_get_id:
 *
 * Returns: (nullable): the pack's id; %NULL when it could not be loaded
 */
const char *
sih_pack_catalog_entry_get_id (SihPackCatalogEntry *self)
{
  g_return_val_if_fail (SIH_IS_PACK_CATALOG_ENTRY (self), NULL);
  return self->id;
}

/**
 * sih_pack_catalog_entry_get_title:
 *
 * Returns: the pack's title, or its file name when it could not be loaded
 */
const char *
sih_pack_catalog_entry_get_title (SihPackCatalogEntry *self)
{
  g_return_val_if_fail (SIH_IS_PACK_CATALOG_ENTRY (self), NULL);
  return self->title;
}

/**
 * sih_pack_catalog_entry_get_version:
 *
 * Returns: (nullable): the pack's version; %NULL when it could not be loaded
 */
const char *
sih_pack_catalog_entry_get_version (SihPackCatalogEntry *self)
{
  g_return_val_if_fail (SIH_IS_PACK_CATALOG_ENTRY (self), NULL);
  return self->version;
}

guint
sih_pack_catalog_entry_get_n_causes (SihPackCatalogEntry *self)
{
  g_return_val_if_fail (SIH_IS_PACK_CATALOG_ENTRY (self), 0);
  return self->n_causes;
}

/**
 * sih_pack_catalog_entry_get_error:
 *
 * Returns: (nullable): why the pack cannot be used, a #SIH_ERROR whose
 *   message names the file and the place in it; %NULL when it can
 */
const GError *
sih_pack_catalog_entry_get_error (SihPackCatalogEntry *self)
{
  g_return_val_if_fail (SIH_IS_PACK_CATALOG_ENTRY (self), NULL);
  return self->error;
}

gboolean
sih_pack_catalog_entry_get_usable (SihPackCatalogEntry *self)
{
  g_return_val_if_fail (SIH_IS_PACK_CATALOG_ENTRY (self), FALSE);
  return self->error == NULL;
}

/* The catalog */

/**
 * sih_pack_catalog_get_default_dirs:
 *
 * The folders searched for packs, in the order they are listed:
 * "$XDG_DATA_HOME/io.github.signinhelper.SigninHelper/packs" (the
 * person's own; inside Flatpak that is under
 * ~/.var/app/io.github.signinhelper.SigninHelper/data) and
 * "$prefix/share/signin-helper/packs" (installed for everyone).
 *
 * Returns: (transfer full) (array zero-terminated=1) (element-type filename):
 *   the folders
 */
char **
sih_pack_catalog_get_default_dirs (void)
{
  char **dirs = g_new0 (char *, 3);

  dirs[0] = g_build_filename (g_get_user_data_dir (), APPLICATION_ID, PACKS_DIR_NAME, NULL);
  dirs[1] = g_build_filename (PKGDATADIR, PACKS_DIR_NAME, NULL);

  return dirs;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *)a, *(const char * const *)b);
}

static gboolean
is_pack_name (const char *name)
{
  gsize len = strlen (name);

  /* Hidden files include editors' lock files (".#pack.json"). */
  return name[0] != '.' && len > strlen (".json") &&
         g_ascii_strcasecmp (name + len - strlen (".json"), ".json") == 0;
}

static void
add_directory (GListStore *store,
               const char *directory)
{
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  dir = g_dir_open (directory, 0, &error);
  if (dir == NULL)
    {
      /* A folder nobody made is the usual case, not a problem. */
      if (!g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        {
          g_autoptr(SihPackCatalogEntry) entry = g_object_new (SIH_TYPE_PACK_CATALOG_ENTRY, NULL);

          entry->path = g_strdup (directory);
          entry->title = g_filename_display_name (directory);
          sih_error_set_io (&entry->error, sih_error_get_io_code (error), "%s", error->message);
          g_list_store_append (store, entry);
        }
      return;
    }

  while ((name = g_dir_read_name (dir)) != NULL)
    if (is_pack_name (name))
      g_ptr_array_add (names, g_strdup (name));

  /* The order of a folder listing is arbitrary; people look for names. */
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (directory, g_ptr_array_index (names, i), NULL);
      g_autoptr(SihPackCatalogEntry) entry = sih_pack_catalog_entry_new_for_file (path);

      if (entry->error != NULL)
        g_debug ("Content pack not offered: %s", entry->error->message);
      g_list_store_append (store, entry);
    }
}

/**
 * sih_pack_catalog_discover:
 * @dirs: (nullable) (array zero-terminated=1) (element-type filename): the
 *   folders to search, or %NULL for sih_pack_catalog_get_default_dirs()
 *
 * Lists the bundled pack first, then, folder by folder and sorted by file
 * name, every file whose name ends in ".json" (hidden files are skipped;
 * subfolders are not searched).  Each is loaded to check it; one that
 * cannot be loaded is listed with its error and is not usable.  A folder
 * that does not exist is skipped; one that exists but cannot be read is
 * listed as an unusable entry with the reason.
 *
 * Loading reads every file: call sih_pack_catalog_discover_async() from
 * the UI.
 *
 * Returns: (transfer full): a list of #SihPackCatalogEntry
 */
GListModel *
sih_pack_catalog_discover (const char * const *dirs)
{
  g_auto(GStrv) default_dirs = NULL;
  g_autoptr(GListStore) store = g_list_store_new (SIH_TYPE_PACK_CATALOG_ENTRY);
  g_autoptr(SihPackCatalogEntry) bundled = sih_pack_catalog_entry_new_bundled ();
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (dirs == NULL)
    {
      default_dirs = sih_pack_catalog_get_default_dirs ();
      dirs = (const char * const *)default_dirs;
    }

  g_list_store_append (store, bundled);

  for (guint i = 0; dirs[i] != NULL; i++)
    {
      g_autofree char *canonical = g_canonicalize_filename (dirs[i], NULL);

      /* A prefix of $HOME/.local makes both folders the same one. */
      if (!g_hash_table_add (seen, g_steal_pointer (&canonical)))
        continue;
      add_directory (store, dirs[i]);
    }

  return G_LIST_MODEL (g_steal_pointer (&store));
}

static void
discover_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  GListModel *model = sih_pack_catalog_discover (task_data);

  if (g_task_return_error_if_cancelled (task))
    g_object_unref (model);
  else
    g_task_return_pointer (task, model, g_object_unref);
}

/**
 * sih_pack_catalog_discover_async:
 * @dirs: (nullable): see sih_pack_catalog_discover()
 *
 * Does sih_pack_catalog_discover() in a worker thread.
 */
void
sih_pack_catalog_discover_async (const char * const  *dirs,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, sih_pack_catalog_discover_async);
  g_task_set_task_data (task, g_strdupv ((char **)dirs), (GDestroyNotify)g_strfreev);
  g_task_run_in_thread (task, discover_thread);
}

/**
 * sih_pack_catalog_discover_finish:
 *
 * Returns: (transfer full) (nullable): a list of #SihPackCatalogEntry, or
 *   %NULL with @error set when cancelled
 */
GListModel *
sih_pack_catalog_discover_finish (GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == sih_pack_catalog_discover_async,
                        NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * sih_pack_catalog_load_selected:
 * @setting_value: (nullable): the "content-pack" setting: "" or %NULL for
 *   the bundled pack, else the path of a pack file
 * @error: a #SIH_ERROR naming the file and what is wrong with it
 *
 * Loads the pack the person chose, translated where its texts are the
 * bundled pack's.  When it cannot be loaded the caller is expected to
 * fall back to sih_pack_new_bundled() and say why; this function never
 * falls back by itself, so that the error is not lost.
 *
 * Returns: (transfer full) (nullable): the pack, or %NULL with @error set
 */
SihPack *
sih_pack_catalog_load_selected (const char  *setting_value,
                                GError     **error)
{
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (setting_value == NULL || *setting_value == '\0')
    return sih_pack_new_bundled (error);

  if (!g_path_is_absolute (setting_value))
    {
      g_set_error (error, SIH_ERROR, SIH_ERROR_INVALID_VALUE,
                   "%s: a content pack is chosen by its full path", setting_value);
      return NULL;
    }

  return sih_pack_new_from_file (setting_value, GETTEXT_PACKAGE, error);
}
