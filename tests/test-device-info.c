/* test-device-info.c: os-release parsing and device information from fixtures
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "core/sih-device-info.h"
#include "core/sih-error.h"

static GHashTable *
parse_fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "os-release", name, NULL);
  g_autoptr(GError) error = NULL;
  GHashTable *fields = sih_os_release_parse_file (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (fields);
  return fields;
}

static char *
fixture_root (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "os-release", name, NULL);
}

#define assert_field(fields, key, value) \
  g_assert_cmpstr (g_hash_table_lookup ((fields), (key)), ==, (value))

static void
test_os_release_quoted (void)
{
  g_autoptr(GHashTable) fields = parse_fixture ("quoted");

  assert_field (fields, "NAME", "Debian GNU/Linux");
  assert_field (fields, "VERSION", "12 (bookworm)");
  assert_field (fields, "PRETTY_NAME", "Debian GNU/Linux 12 (bookworm)");
  assert_field (fields, "ID", "debian");
  assert_field (fields, "VERSION_ID", "12");
  assert_field (fields, "VERSION_CODENAME", "bookworm");
  assert_field (fields, "HOME_URL", "https://www.debian.org/");
  assert_field (fields, "EMPTY", "");
  assert_field (fields, "EMPTY_QUOTED", "");
  assert_field (fields, "SPACES", "  kept inside quotes  ");
  g_assert_cmpuint (g_hash_table_size (fields), ==, 10);
}

static void
test_os_release_escapes (void)
{
  g_autoptr(GHashTable) fields = parse_fixture ("escapes");

  assert_field (fields, "NAME", "Escape \"Test\" OS");
  assert_field (fields, "PRETTY_NAME", "Costs $5 and `date` with a \\ backslash");
  assert_field (fields, "VERSION", "single \\\" quotes keep backslashes");
  assert_field (fields, "ID", "escape os");
  assert_field (fields, "VARIANT", "only four escapes: \\n \\a stay");
}

static void
test_os_release_invalid_lines (void)
{
  g_autoptr(GHashTable) fields = parse_fixture ("invalid");
  const char *absent[] = {
    "lower", "1BAD", "BAD KEY", "UNTERMINATED", "UNTERMINATED_SINGLE", "CONCAT", "TRAILING",
    "DANGLING", "this line has no equals sign",
  };

  assert_field (fields, "NAME", "Good OS");
  assert_field (fields, "ID", "last");
  assert_field (fields, "VERSION_ID", "1.0");
  assert_field (fields, "PRETTY_NAME", "Good OS");
  for (guint i = 0; i < G_N_ELEMENTS (absent); i++)
    g_assert_false (g_hash_table_contains (fields, absent[i]));
  g_assert_cmpuint (g_hash_table_size (fields), ==, 4);
}

static void
test_os_release_missing_fields (void)
{
  g_autoptr(GHashTable) missing = parse_fixture ("missing");
  g_autoptr(GHashTable) empty = parse_fixture ("empty");
  g_autoptr(GHashTable) bad = parse_fixture ("bad-utf8");
  g_autoptr(GHashTable) crlf = parse_fixture ("crlf");

  /* The defaults of os-release(5). */
  assert_field (missing, "NAME", "Linux");
  assert_field (missing, "ID", "linux");
  assert_field (missing, "PRETTY_NAME", "Linux 7");
  assert_field (missing, "VERSION_ID", "7");

  assert_field (empty, "NAME", "Linux");
  assert_field (empty, "ID", "linux");
  assert_field (empty, "PRETTY_NAME", "Linux");
  g_assert_null (g_hash_table_lookup (empty, "VERSION_ID"));

  /* A line that is not UTF-8 is dropped, the rest is kept. */
  assert_field (bad, "NAME", "Linux");
  assert_field (bad, "ID", "ok");

  assert_field (crlf, "NAME", "CRLF OS");
  assert_field (crlf, "ID", "crlf");
  assert_field (crlf, "PRETTY_NAME", "CRLF OS 1");
}

static void
test_os_release_in_memory (void)
{
  const char data[] = "NAME=\"Mem\"\nID=mem\nGARBAGE";
  g_autoptr(GHashTable) whole = sih_os_release_parse (data, -1);
  g_autoptr(GHashTable) cut = sih_os_release_parse (data, strlen ("NAME=\"Mem\"\n"));

  assert_field (whole, "NAME", "Mem");
  assert_field (whole, "ID", "mem");
  assert_field (cut, "NAME", "Mem");
  assert_field (cut, "ID", "linux");
}

static void
test_os_release_errors (void)
{
  g_autofree char *missing = fixture_root ("does-not-exist");
  g_autofree char *directory = fixture_root ("flatpak");
  g_autoptr(GError) error = NULL;
  GHashTable *fields;

  fields = sih_os_release_parse_file (missing, &error);
  g_assert_null (fields);
  g_assert_error (error, SIH_ERROR, SIH_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "does-not-exist"));
  g_clear_error (&error);

  fields = sih_os_release_parse_file (directory, &error);
  g_assert_null (fields);
  g_assert_error (error, SIH_ERROR, SIH_ERROR_IO);
}

static GHashTable *
make_env (const char *first_key,
          ...)
{
  GHashTable *env = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  va_list args;

  va_start (args, first_key);
  for (const char *key = first_key; key != NULL; key = va_arg (args, const char *))
    g_hash_table_insert (env, g_strdup (key), g_strdup (va_arg (args, const char *)));
  va_end (args);

  return env;
}

static void
test_device_flatpak (void)
{
  g_autofree char *root = fixture_root ("flatpak");
  g_autoptr(GHashTable) env = make_env ("XDG_CURRENT_DESKTOP", "GNOME",
                                        "XDG_SESSION_TYPE", "wayland",
                                        "LANGUAGE", "ja:en",
                                        "LANG", "ja_JP.UTF-8",
                                        "TZ", "JST-9",
                                        NULL);
  g_autoptr(SihDeviceInfo) info = sih_device_info_collect_with (root, env, "Linux 6.11.4", "x86_64");

  g_assert_true (info->flatpak);
  /* The host, not the runtime, and /run/host/os-release before usr/lib. */
  g_assert_cmpstr (info->os_name, ==, "Fedora Linux 41 (Workstation Edition)");
  g_assert_cmpstr (info->os_id, ==, "fedora");
  g_assert_cmpstr (info->os_version_id, ==, "41");
  g_assert_cmpstr (info->flatpak_runtime, ==, "org.gnome.Platform/x86_64/47");
  g_assert_cmpstr (info->runtime_name, ==, "GNOME 47 (Flatpak runtime)");
  g_assert_cmpstr (info->kernel, ==, "Linux 6.11.4");
  g_assert_cmpstr (info->architecture, ==, "x86_64");
  g_assert_cmpstr (info->desktop, ==, "GNOME");
  g_assert_cmpstr (info->session_type, ==, "wayland");
  g_assert_cmpstr (info->language, ==, "ja");
  g_assert_cmpstr (info->time_zone, ==, "JST-9");
  g_assert_cmpint (info->utc_offset, ==, 9 * 3600);
  g_assert_cmpstr (info->app_version, ==, PACKAGE_VERSION);
  g_assert_null (info->gtk_version);
  g_assert_null (info->pack_id);
}

static void
test_device_flatpak_usr_lib (void)
{
  g_autofree char *root = fixture_root ("flatpak-usr-lib");
  g_autoptr(GHashTable) env = make_env ("XDG_CURRENT_DESKTOP", "ubuntu:GNOME",
                                        "XDG_SESSION_TYPE", "x11",
                                        "LC_ALL", "en_GB.UTF-8",
                                        "LANG", "ja_JP.UTF-8",
                                        "TZ", "UTC",
                                        NULL);
  g_autoptr(SihDeviceInfo) info = sih_device_info_collect_with (root, env, "Linux 6.8.0", "aarch64");

  g_assert_true (info->flatpak);
  g_assert_cmpstr (info->os_name, ==, "Ubuntu 24.04.1 LTS");
  g_assert_cmpstr (info->os_id, ==, "ubuntu");
  g_assert_cmpstr (info->os_version_id, ==, "24.04");
  g_assert_cmpstr (info->flatpak_runtime, ==, "org.freedesktop.Platform/aarch64/24.08");
  g_assert_cmpstr (info->runtime_name, ==, "Freedesktop SDK 24.08 (Flatpak runtime)");
  g_assert_cmpstr (info->desktop, ==, "ubuntu:GNOME");
  g_assert_cmpstr (info->session_type, ==, "x11");
  g_assert_cmpstr (info->language, ==, "en_GB.UTF-8");
  g_assert_cmpstr (info->time_zone, ==, "UTC");
  g_assert_cmpint (info->utc_offset, ==, 0);
}

static void
test_device_flatpak_no_host (void)
{
  g_autofree char *root = fixture_root ("flatpak-no-host");
  g_autoptr(GHashTable) env = make_env (NULL, NULL);
  g_autoptr(SihDeviceInfo) info = sih_device_info_collect_with (root, env, "Linux 6.1", "x86_64");

  /* Nothing is made up when the host cannot be read. */
  g_assert_true (info->flatpak);
  g_assert_null (info->os_name);
  g_assert_null (info->runtime_name);
  g_assert_cmpstr (info->flatpak_runtime, ==, "org.gnome.Platform/x86_64/46");
  g_assert_null (info->desktop);
  g_assert_null (info->session_type);
  g_assert_cmpstr (info->language, ==, "C");
  g_assert_cmpstr (info->time_zone, ==, "UTC");
}

static void
test_device_host (void)
{
  g_autofree char *root = fixture_root ("host");
  g_autoptr(GHashTable) env = make_env ("LANG", "fr_FR.UTF-8", "XDG_SESSION_TYPE", "", NULL);
  g_autoptr(SihDeviceInfo) info = sih_device_info_collect_with (root, env, "Linux 6.1.0", "x86_64");
  g_autoptr(GTimeZone) tokyo = g_time_zone_new_identifier ("Asia/Tokyo");

  g_assert_false (info->flatpak);
  g_assert_null (info->flatpak_runtime);
  g_assert_cmpstr (info->os_name, ==, "Debian GNU/Linux 12 (bookworm)");
  g_assert_cmpstr (info->os_id, ==, "debian");
  g_assert_cmpstr (info->language, ==, "fr_FR.UTF-8");
  /* An empty variable counts as unset. */
  g_assert_null (info->session_type);
  /* The zone /etc/localtime links to; its offset needs the system's tzdata. */
  g_assert_cmpstr (info->time_zone, ==, "Asia/Tokyo");
  if (tokyo != NULL)
    g_assert_cmpint (info->utc_offset, ==, 9 * 3600);
}

static void
test_device_host_usr_lib (void)
{
  g_autofree char *root = fixture_root ("host-usr-lib");
  g_autoptr(GHashTable) env = make_env ("LANGUAGE", ":de:en", NULL);
  g_autoptr(SihDeviceInfo) info = sih_device_info_collect_with (root, env, NULL, NULL);

  g_assert_false (info->flatpak);
  g_assert_cmpstr (info->os_name, ==, "openSUSE Tumbleweed");
  g_assert_cmpstr (info->os_version_id, ==, "20261120");
  g_assert_cmpstr (info->language, ==, "de");
  g_assert_cmpstr (info->time_zone, ==, "Europe/London");
  /* Without overrides, kernel and architecture come from uname(). */
  g_assert_nonnull (info->kernel);
  g_assert_nonnull (info->architecture);
  g_assert_cmpstr (info->architecture, !=, "");
}

static void
test_device_real (void)
{
  g_autoptr(SihDeviceInfo) info = sih_device_info_collect ();
  g_autoptr(SihDeviceInfo) copy = NULL;

  g_assert_nonnull (info->os_name);
  g_assert_nonnull (info->kernel);
  g_assert_nonnull (info->language);
  g_assert_nonnull (info->time_zone);
  g_assert_cmpstr (info->app_version, ==, PACKAGE_VERSION);

  sih_device_info_set_toolkit (info, "4.8.3", "1.2.2");
  sih_device_info_set_pack (info, "amazon-signin", "0.1.0");
  copy = sih_device_info_copy (info);
  g_assert_cmpstr (copy->gtk_version, ==, "4.8.3");
  g_assert_cmpstr (copy->adw_version, ==, "1.2.2");
  g_assert_cmpstr (copy->pack_id, ==, "amazon-signin");
  g_assert_cmpstr (copy->pack_version, ==, "0.1.0");
  g_assert_cmpstr (copy->os_name, ==, info->os_name);
  g_assert_true (copy->os_name != info->os_name);
}

static void
test_device_to_text (void)
{
  g_autoptr(SihDeviceInfo) info = sih_device_info_new ();
  g_autofree char *text = NULL;

  info->os_name = g_strdup ("Debian GNU/Linux 12 (bookworm)");
  info->os_id = g_strdup ("debian");
  info->os_version_id = g_strdup ("12");
  info->kernel = g_strdup ("Linux 6.1.0-18-amd64");
  info->architecture = g_strdup ("x86_64");
  info->desktop = g_strdup ("GNOME");
  info->session_type = g_strdup ("wayland");
  info->language = g_strdup ("ja_JP.UTF-8");
  info->time_zone = g_strdup ("Asia/Tokyo");
  info->utc_offset = 9 * 3600;
  info->app_version = g_strdup ("0.1.0");
  sih_device_info_set_toolkit (info, "4.8.3", "1.2.2");
  sih_device_info_set_pack (info, "amazon-signin", "2026.11");

  text = sih_device_info_to_text (info);
  g_assert_cmpstr (text, ==,
                   "Sign-in Helper: 0.1.0\n"
                   "Content pack: amazon-signin 2026.11\n"
                   "GTK: 4.8.3\n"
                   "libadwaita: 1.2.2\n"
                   "Operating system: Debian GNU/Linux 12 (bookworm)\n"
                   "Operating system ID: debian 12\n"
                   "Kernel: Linux 6.1.0-18-amd64 (x86_64)\n"
                   "Flatpak: no\n"
                   "Desktop: GNOME\n"
                   "Session type: wayland\n"
                   "Language: ja_JP.UTF-8\n"
                   "Time zone: Asia/Tokyo (UTC+09:00)\n");
}

static void
test_device_to_text_flatpak (void)
{
  g_autofree char *root = fixture_root ("flatpak");
  g_autoptr(GHashTable) env = make_env ("LANG", "en_US.UTF-8", "TZ", "America/St_Johns", NULL);
  g_autoptr(SihDeviceInfo) info = sih_device_info_collect_with (root, env, "Linux 6.11.4", "x86_64");
  g_autoptr(GTimeZone) st_johns = g_time_zone_new_identifier ("America/St_Johns");
  g_autofree char *text = NULL;

  text = sih_device_info_to_text (info);
  g_assert_nonnull (strstr (text, "\nOperating system: Fedora Linux 41 (Workstation Edition)\n"));
  g_assert_nonnull (strstr (text, "\nFlatpak: yes\n"
                                  "Flatpak runtime: org.gnome.Platform/x86_64/47 "
                                  "(GNOME 47 (Flatpak runtime))\n"));
  /* Not collected yet: said, not left out. */
  g_assert_nonnull (strstr (text, "\nContent pack: unknown\nGTK: unknown\n"));
  g_assert_nonnull (strstr (text, "\nDesktop: unknown\nSession type: unknown\n"));
  /* Newfoundland is 3:30 or 2:30 behind UTC, with the minutes kept. */
  if (st_johns != NULL)
    g_assert_true (strstr (text, "\nTime zone: America/St_Johns (UTC-03:30)\n") != NULL ||
                   strstr (text, "\nTime zone: America/St_Johns (UTC-02:30)\n") != NULL);
  g_assert_true (g_str_has_suffix (text, "\n"));
}

static void
test_device_to_text_empty (void)
{
  g_autoptr(SihDeviceInfo) info = sih_device_info_new ();
  g_autofree char *text = sih_device_info_to_text (info);

  g_assert_cmpstr (text, ==,
                   "Sign-in Helper: unknown\n"
                   "Content pack: unknown\n"
                   "GTK: unknown\n"
                   "libadwaita: unknown\n"
                   "Operating system: unknown\n"
                   "Operating system ID: unknown\n"
                   "Kernel: unknown\n"
                   "Flatpak: no\n"
                   "Desktop: unknown\n"
                   "Session type: unknown\n"
                   "Language: unknown\n"
                   "Time zone: unknown\n");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/os-release/quoted", test_os_release_quoted);
  g_test_add_func ("/os-release/escapes", test_os_release_escapes);
  g_test_add_func ("/os-release/invalid-lines", test_os_release_invalid_lines);
  g_test_add_func ("/os-release/missing-fields", test_os_release_missing_fields);
  g_test_add_func ("/os-release/in-memory", test_os_release_in_memory);
  g_test_add_func ("/os-release/errors", test_os_release_errors);
  g_test_add_func ("/device-info/flatpak", test_device_flatpak);
  g_test_add_func ("/device-info/flatpak-usr-lib", test_device_flatpak_usr_lib);
  g_test_add_func ("/device-info/flatpak-no-host", test_device_flatpak_no_host);
  g_test_add_func ("/device-info/host", test_device_host);
  g_test_add_func ("/device-info/host-usr-lib", test_device_host_usr_lib);
  g_test_add_func ("/device-info/real", test_device_real);
  g_test_add_func ("/device-info/to-text", test_device_to_text);
  g_test_add_func ("/device-info/to-text-flatpak", test_device_to_text_flatpak);
  g_test_add_func ("/device-info/to-text-empty", test_device_to_text_empty);

  return g_test_run ();
}
