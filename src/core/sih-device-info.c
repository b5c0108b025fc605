/* sih-device-info.c
 *
 * Collects what support asks about the machine.  Everything is read
 * through a root directory and an environment table so that tests feed
 * fixtures: the app passes NULL for both and gets the real machine.
 *
 * Inside Flatpak, /etc/os-release describes the runtime, not the machine
 * the person uses, so the host's is read from /run/host/os-release (or
 * /run/host/usr/lib/os-release, as os-release(5) allows) and the runtime
 * is named separately.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <sys/utsname.h>

#include "core/sih-device-info.h"
#include "core/sih-error.h"

/* os-release files are a few hundred bytes; anything this large is not one. */
#define OS_RELEASE_MAX_SIZE (64 * 1024)

G_DEFINE_BOXED_TYPE (SihDeviceInfo, sih_device_info, sih_device_info_copy, sih_device_info_free)

SihDeviceInfo *
sih_device_info_new (void)
{
  return g_new0 (SihDeviceInfo, 1);
}

SihDeviceInfo *
sih_device_info_copy (const SihDeviceInfo *info)
{
  SihDeviceInfo *copy;

  g_return_val_if_fail (info != NULL, NULL);

  copy = g_new0 (SihDeviceInfo, 1);
  copy->os_name = g_strdup (info->os_name);
  copy->os_id = g_strdup (info->os_id);
  copy->os_version_id = g_strdup (info->os_version_id);
  copy->flatpak = info->flatpak;
  copy->flatpak_runtime = g_strdup (info->flatpak_runtime);
  copy->runtime_name = g_strdup (info->runtime_name);
  copy->kernel = g_strdup (info->kernel);
  copy->architecture = g_strdup (info->architecture);
  copy->desktop = g_strdup (info->desktop);
  copy->session_type = g_strdup (info->session_type);
  copy->language = g_strdup (info->language);
  copy->time_zone = g_strdup (info->time_zone);
  copy->utc_offset = info->utc_offset;
  copy->app_version = g_strdup (info->app_version);
  copy->pack_id = g_strdup (info->pack_id);
  copy->pack_version = g_strdup (info->pack_version);
  copy->gtk_version = g_strdup (info->gtk_version);
  copy->adw_version = g_strdup (info->adw_version);

  return copy;
}

void
sih_device_info_free (SihDeviceInfo *info)
{
  if (info == NULL)
    return;

  g_free (info->os_name);
  g_free (info->os_id);
  g_free (info->os_version_id);
  g_free (info->flatpak_runtime);
  g_free (info->runtime_name);
  g_free (info->kernel);
  g_free (info->architecture);
  g_free (info->desktop);
  g_free (info->session_type);
  g_free (info->language);
  g_free (info->time_zone);
  g_free (info->app_version);
  g_free (info->pack_id);
  g_free (info->pack_version);
  g_free (info->gtk_version);
  g_free (info->adw_version);
  g_free (info);
}

/* os-release */

static gboolean
is_valid_key (const char *key,
              gsize       len)
{
  if (len == 0 || !(g_ascii_isupper (key[0]) || key[0] == '_'))
    return FALSE;
  for (gsize i = 1; i < len; i++)
    if (!(g_ascii_isupper (key[i]) || g_ascii_isdigit (key[i]) || key[i] == '_'))
      return FALSE;
  return TRUE;
}

/* Parses the value of one assignment, shell style.  Returns NULL for a
 * value that is not valid (an unterminated or concatenated quote).
 * Not g_shell_unquote(): it joins concatenated quoted strings ("a"'b'),
 * which os-release(5) rules out, and would accept what this refuses. */
static char *
parse_value (const char *p)
{
  GString *value = g_string_new (NULL);

  if (*p == '"')
    {
      for (p++; *p != '"'; p++)
        {
          if (*p == '\0')
            goto invalid;
          /* Inside double quotes a backslash escapes only these. */
          if (*p == '\\' && p[1] != '\0' && strchr ("\"\\$`", p[1]) != NULL)
            p++;
          g_string_append_c (value, *p);
        }
      p++;
    }
  else if (*p == '\'')
    {
      for (p++; *p != '\''; p++)
        {
          if (*p == '\0')
            goto invalid;
          g_string_append_c (value, *p);
        }
      p++;
    }
  else
    {
      /* Unquoted: a backslash takes the next character literally. */
      for (; *p != '\0'; p++)
        {
          if (*p == '\\')
            {
              if (p[1] == '\0')
                goto invalid;
              p++;
            }
          g_string_append_c (value, *p);
        }
    }

  /* "Concatenation of multiple individually quoted strings is not supported." */
  if (*p != '\0')
    goto invalid;
  if (!g_utf8_validate (value->str, value->len, NULL))
    goto invalid;

  return g_string_free (value, FALSE);

invalid:
  g_string_free (value, TRUE);
  return NULL;
}

/**
 * sih_os_release_parse:
 * @data: the contents of an os-release file
 * @length: its length, or -1 when NUL-terminated
 *
 * Parses os-release(5): KEY=value lines, values in double quotes (where
 * \", \\, \$ and \` are escapes), single quotes or none; lines starting
 * with "#" and blank lines are skipped, and so are invalid lines (no "=",
 * a key that is not A–Z, 0–9 and _, an unterminated quote, text after the
 * closing quote, invalid UTF-8).  A key set twice keeps the last value.
 *
 * The defaults of os-release(5) fill what is missing: NAME "Linux", ID
 * "linux", and PRETTY_NAME made from NAME and VERSION.
 *
 * Returns: (transfer full) (element-type utf8 utf8): key → value
 */
GHashTable *
sih_os_release_parse (const char *data,
                      gssize      length)
{
  g_autoptr(GHashTable) fields = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autofree char *copy = NULL;
  g_auto(GStrv) lines = NULL;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  /* g_strndup (NULL, 0) is NULL, not "". */
  copy = length < 0 ? g_strdup (data) : g_strndup (length > 0 ? data : "", length);
  lines = g_strsplit (copy, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = g_strstrip (lines[i]);
      const char *eq;
      char *value;

      if (*line == '\0' || *line == '#')
        continue;

      eq = strchr (line, '=');
      if (eq == NULL || !is_valid_key (line, eq - line))
        continue;

      value = parse_value (eq + 1);
      if (value == NULL)
        continue;

      g_hash_table_replace (fields, g_strndup (line, eq - line), value);
    }

  if (!g_hash_table_contains (fields, "NAME"))
    g_hash_table_insert (fields, g_strdup ("NAME"), g_strdup ("Linux"));
  if (!g_hash_table_contains (fields, "ID"))
    g_hash_table_insert (fields, g_strdup ("ID"), g_strdup ("linux"));
  if (!g_hash_table_contains (fields, "PRETTY_NAME"))
    {
      const char *name = g_hash_table_lookup (fields, "NAME");
      const char *version = g_hash_table_lookup (fields, "VERSION");

      g_hash_table_insert (fields, g_strdup ("PRETTY_NAME"),
                           version != NULL && *version != '\0' ?
                           g_strdup_printf ("%s %s", name, version) : g_strdup (name));
    }

  return g_steal_pointer (&fields);
}

/**
 * sih_os_release_parse_file:
 * @path: an os-release file
 *
 * Returns: (transfer full) (element-type utf8 utf8): see
 *   sih_os_release_parse(), or %NULL with @error set when the file cannot
 *   be read
 */
GHashTable *
sih_os_release_parse_file (const char  *path,
                           GError     **error)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize length;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!g_file_get_contents (path, &contents, &length, &local_error))
    {
      sih_error_set_io (error, sih_error_get_io_code (local_error), "%s", local_error->message);
      return NULL;
    }
  if (length > OS_RELEASE_MAX_SIZE)
    {
      g_set_error (error, SIH_ERROR, SIH_ERROR_TOO_LARGE,
                   "%s: %" G_GSIZE_FORMAT " bytes is too large for an os-release file",
                   path, length);
      return NULL;
    }

  return sih_os_release_parse (contents, length);
}

/* Collecting */

typedef struct
{
  const char *root;
  GHashTable *env;
} Source;

static char *
source_path (const Source *source,
             const char   *path)
{
  return g_build_filename (source->root != NULL ? source->root : "/", path, NULL);
}

static const char *
source_getenv (const Source *source,
               const char   *name)
{
  const char *value;

  if (source->env != NULL)
    value = g_hash_table_lookup (source->env, name);
  else
    value = g_getenv (name);

  return value != NULL && *value != '\0' ? value : NULL;
}

/* The first of @paths that can be read, relative to the root. */
static GHashTable *
read_os_release (const Source       *source,
                 const char * const *paths)
{
  for (guint i = 0; paths[i] != NULL; i++)
    {
      g_autofree char *path = source_path (source, paths[i]);
      g_autoptr(GError) error = NULL;
      GHashTable *fields = sih_os_release_parse_file (path, &error);

      if (fields != NULL)
        return fields;
      g_debug ("%s", error->message);
    }
  return NULL;
}

static void
set_os (SihDeviceInfo *info,
        GHashTable    *fields)
{
  info->os_name = g_strdup (g_hash_table_lookup (fields, "PRETTY_NAME"));
  info->os_id = g_strdup (g_hash_table_lookup (fields, "ID"));
  info->os_version_id = g_strdup (g_hash_table_lookup (fields, "VERSION_ID"));
}

static char *
read_flatpak_runtime (const Source *source)
{
  g_autofree char *path = source_path (source, ".flatpak-info");
  g_autoptr(GKeyFile) keyfile = g_key_file_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *runtime = NULL;

  if (!g_key_file_load_from_file (keyfile, path, G_KEY_FILE_NONE, &error))
    {
      g_debug ("%s: %s", path, error->message);
      return NULL;
    }

  runtime = g_key_file_get_string (keyfile, "Application", "runtime", NULL);
  if (runtime == NULL)
    runtime = g_key_file_get_string (keyfile, "Runtime", "runtime", NULL);
  if (runtime == NULL || *runtime == '\0')
    return NULL;

  /* "runtime/org.gnome.Platform/x86_64/47" */
  if (g_str_has_prefix (runtime, "runtime/"))
    return g_strdup (runtime + strlen ("runtime/"));
  return g_steal_pointer (&runtime);
}

static char *
read_language (const Source *source)
{
  static const char * const variables[] = { "LC_ALL", "LC_MESSAGES", "LANG" };
  const char *language;

  if (source->env == NULL)
    return g_strdup (g_get_language_names ()[0]);

  /* What g_get_language_names() looks at, in its order. */
  language = source_getenv (source, "LANGUAGE");
  if (language != NULL)
    {
      g_auto(GStrv) parts = g_strsplit (language, ":", -1);

      for (guint i = 0; parts[i] != NULL; i++)
        if (*parts[i] != '\0')
          return g_strdup (parts[i]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (variables); i++)
    if ((language = source_getenv (source, variables[i])) != NULL)
      return g_strdup (language);

  return g_strdup ("C");
}

/* The zone /etc/localtime links to, or /etc/timezone names. */
static char *
read_zone_name (const Source *source)
{
  g_autofree char *link_path = source_path (source, "etc/localtime");
  g_autofree char *name_path = source_path (source, "etc/timezone");
  g_autofree char *target = g_file_read_link (link_path, NULL);
  g_autofree char *contents = NULL;
  const char *zoneinfo;

  if (target != NULL && (zoneinfo = strstr (target, "zoneinfo/")) != NULL)
    return g_strdup (zoneinfo + strlen ("zoneinfo/"));

  if (g_file_get_contents (name_path, &contents, NULL, NULL))
    {
      g_strstrip (contents);
      if (*contents != '\0' && g_utf8_validate (contents, -1, NULL))
        return g_steal_pointer (&contents);
    }

  return NULL;
}

static void
read_time_zone (const Source  *source,
                SihDeviceInfo *info)
{
  g_autoptr(GTimeZone) tz = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *name = NULL;

  if (source->env == NULL && source->root == NULL)
    {
      tz = g_time_zone_new_local ();
      info->time_zone = g_strdup (g_time_zone_get_identifier (tz));
    }
  else
    {
      const char *tz_variable = source_getenv (source, "TZ");

      name = tz_variable != NULL ? g_strdup (tz_variable) : read_zone_name (source);
      if (name != NULL)
        tz = g_time_zone_new_identifier (name);
      if (tz == NULL)
        tz = g_time_zone_new_utc ();
      info->time_zone = name != NULL ? g_steal_pointer (&name) :
                        g_strdup (g_time_zone_get_identifier (tz));
    }

  now = g_date_time_new_now (tz);
  info->utc_offset = (int)(g_date_time_get_utc_offset (now) / G_TIME_SPAN_SECOND);
}

/**
 * sih_device_info_collect_with:
 * @root: (nullable): where "/" is, or %NULL for the real machine
 * @env: (nullable) (element-type utf8 utf8): the environment, or %NULL for
 *   the process's
 * @kernel: (nullable): kernel name and release, or %NULL for uname()'s
 * @architecture: (nullable): the architecture, or %NULL for uname()'s
 *
 * Collects device information from @root and @env, so that tests can
 * describe any machine:
 *  - inside Flatpak (@root/.flatpak-info exists): the host OS from
 *    @root/run/host/os-release, else @root/run/host/usr/lib/os-release;
 *    the runtime from .flatpak-info's runtime= and @root/etc/os-release;
 *  - outside Flatpak: g_get_os_info() for the real machine, else
 *    @root/etc/os-release, falling back to @root/usr/lib/os-release;
 *  - the desktop and session type from XDG_CURRENT_DESKTOP and
 *    XDG_SESSION_TYPE, the language from LANGUAGE, LC_ALL, LC_MESSAGES or
 *    LANG (g_get_language_names() for the real environment), the time zone
 *    from TZ, else what @root/etc/localtime links to or @root/etc/timezone
 *    names (the local time zone for the real machine).
 *
 * The app version is Sign-in Helper's own; the pack and toolkit versions
 * are for the caller to set.
 *
 * Returns: (transfer full): the information
 */
SihDeviceInfo *
sih_device_info_collect_with (const char *root,
                              GHashTable *env,
                              const char *kernel,
                              const char *architecture)
{
  SihDeviceInfo *info = sih_device_info_new ();
  Source source = { root, env };
  g_autofree char *flatpak_info = source_path (&source, ".flatpak-info");
  g_autoptr(GHashTable) fields = NULL;
  struct utsname uts;
  gboolean have_uname = (kernel == NULL || architecture == NULL) && uname (&uts) == 0;

  info->flatpak = g_file_test (flatpak_info, G_FILE_TEST_EXISTS);

  if (info->flatpak)
    {
      static const char * const host[] = {
        "run/host/os-release", "run/host/usr/lib/os-release", NULL
      };
      static const char * const runtime[] = { "etc/os-release", "usr/lib/os-release", NULL };
      g_autoptr(GHashTable) runtime_fields = NULL;

      fields = read_os_release (&source, host);
      if (fields != NULL)
        set_os (info, fields);

      info->flatpak_runtime = read_flatpak_runtime (&source);
      runtime_fields = read_os_release (&source, runtime);
      if (runtime_fields != NULL)
        info->runtime_name = g_strdup (g_hash_table_lookup (runtime_fields, "PRETTY_NAME"));
    }
  else if (root == NULL)
    {
      info->os_name = g_get_os_info (G_OS_INFO_KEY_PRETTY_NAME);
      info->os_id = g_get_os_info (G_OS_INFO_KEY_ID);
      info->os_version_id = g_get_os_info (G_OS_INFO_KEY_VERSION_ID);
    }
  else
    {
      static const char * const paths[] = { "etc/os-release", "usr/lib/os-release", NULL };

      fields = read_os_release (&source, paths);
      if (fields != NULL)
        set_os (info, fields);
    }

  if (kernel != NULL)
    info->kernel = g_strdup (kernel);
  else if (have_uname)
    info->kernel = g_strdup_printf ("%s %s", uts.sysname, uts.release);
  if (architecture != NULL)
    info->architecture = g_strdup (architecture);
  else if (have_uname)
    info->architecture = g_strdup (uts.machine);

  info->desktop = g_strdup (source_getenv (&source, "XDG_CURRENT_DESKTOP"));
  info->session_type = g_strdup (source_getenv (&source, "XDG_SESSION_TYPE"));
  info->language = read_language (&source);
  read_time_zone (&source, info);
  info->app_version = g_strdup (PACKAGE_VERSION);

  return info;
}

/**
 * sih_device_info_collect:
 *
 * Returns: (transfer full): information about the machine the app runs on
 */
SihDeviceInfo *
sih_device_info_collect (void)
{
  return sih_device_info_collect_with (NULL, NULL, NULL, NULL);
}

/**
 * sih_device_info_set_toolkit:
 * @gtk_version: (nullable): "4.8.3", from gtk_get_major_version() and friends
 * @adw_version: (nullable): "1.2.2", from adw_get_major_version() and friends
 */
void
sih_device_info_set_toolkit (SihDeviceInfo *info,
                             const char    *gtk_version,
                             const char    *adw_version)
{
  g_return_if_fail (info != NULL);

  g_free (info->gtk_version);
  info->gtk_version = g_strdup (gtk_version);
  g_free (info->adw_version);
  info->adw_version = g_strdup (adw_version);
}

void
sih_device_info_set_pack (SihDeviceInfo *info,
                          const char    *pack_id,
                          const char    *pack_version)
{
  g_return_if_fail (info != NULL);

  g_free (info->pack_id);
  info->pack_id = g_strdup (pack_id);
  g_free (info->pack_version);
  info->pack_version = g_strdup (pack_version);
}

/* Text for bug reports */

static void
append_line (GString    *out,
             const char *label,
             const char *value)
{
  g_string_append_printf (out, "%s: %s\n", label,
                          value != NULL && *value != '\0' ? value : "unknown");
}

/**
 * sih_device_info_to_text:
 * @info: the information
 *
 * Formats @info as plain text, one "Label: value" line each, for the About
 * window's debug information and for bug reports.  Deliberately not
 * translated: whoever reads it (developers, support staff) reads it in
 * English whatever the language of the person who copied it.  What is not
 * known is written "unknown"; the Flatpak runtime is only given inside
 * Flatpak.
 *
 * Returns: (transfer full): the text, ending with a newline
 */
char *
sih_device_info_to_text (const SihDeviceInfo *info)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *pack = NULL;
  g_autofree char *os_id = NULL;
  g_autofree char *kernel = NULL;
  g_autofree char *zone = NULL;
  int offset;

  g_return_val_if_fail (info != NULL, NULL);

  if (info->pack_id != NULL)
    pack = info->pack_version != NULL ?
           g_strdup_printf ("%s %s", info->pack_id, info->pack_version) :
           g_strdup (info->pack_id);
  if (info->os_id != NULL)
    os_id = info->os_version_id != NULL ?
            g_strdup_printf ("%s %s", info->os_id, info->os_version_id) :
            g_strdup (info->os_id);
  if (info->kernel != NULL)
    kernel = info->architecture != NULL ?
             g_strdup_printf ("%s (%s)", info->kernel, info->architecture) :
             g_strdup (info->kernel);
  else if (info->architecture != NULL)
    kernel = g_strdup_printf ("unknown (%s)", info->architecture);
  if (info->time_zone != NULL)
    {
      offset = ABS (info->utc_offset);
      zone = g_strdup_printf ("%s (UTC%c%02d:%02d)", info->time_zone,
                              info->utc_offset < 0 ? '-' : '+',
                              offset / 3600, offset % 3600 / 60);
    }

  append_line (out, PACKAGE_NAME, info->app_version);
  append_line (out, "Content pack", pack);
  append_line (out, "GTK", info->gtk_version);
  append_line (out, "libadwaita", info->adw_version);
  append_line (out, "Operating system", info->os_name);
  append_line (out, "Operating system ID", os_id);
  append_line (out, "Kernel", kernel);
  append_line (out, "Flatpak", info->flatpak ? "yes" : "no");
  if (info->flatpak)
    {
      g_autofree char *runtime = NULL;

      if (info->flatpak_runtime != NULL && info->runtime_name != NULL)
        runtime = g_strdup_printf ("%s (%s)", info->flatpak_runtime, info->runtime_name);
      else
        runtime = g_strdup (info->flatpak_runtime != NULL ? info->flatpak_runtime
                                                          : info->runtime_name);
      append_line (out, "Flatpak runtime", runtime);
    }
  append_line (out, "Desktop", info->desktop);
  append_line (out, "Session type", info->session_type);
  append_line (out, "Language", info->language);
  append_line (out, "Time zone", zone);

  return g_string_free (g_steal_pointer (&out), FALSE);
}
