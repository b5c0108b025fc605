/* sih-device-info.h: what support asks about the machine (GTK-free)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * SihDeviceInfo:
 * @os_name: (nullable): the operating system as people call it
 *   (os-release PRETTY_NAME, else NAME and VERSION), of the host when
 *   running in Flatpak
 * @os_id: (nullable): os-release ID ("debian", "fedora")
 * @os_version_id: (nullable): os-release VERSION_ID ("12", "41")
 * @flatpak: whether the app runs in a Flatpak sandbox
 * @flatpak_runtime: (nullable): the Flatpak runtime
 *   ("org.gnome.Platform/x86_64/47")
 * @runtime_name: (nullable): the runtime's own os-release PRETTY_NAME
 *   ("GNOME 47 (Flatpak runtime)")
 * @kernel: (nullable): kernel name and release ("Linux 6.1.0-18-amd64")
 * @architecture: (nullable): machine architecture ("x86_64")
 * @desktop: (nullable): the desktop (XDG_CURRENT_DESKTOP, "GNOME")
 * @session_type: (nullable): "wayland", "x11" or "tty" (XDG_SESSION_TYPE)
 * @language: (nullable): the UI language ("ja_JP.UTF-8", "en")
 * @time_zone: (nullable): the time zone identifier ("Asia/Tokyo")
 * @utc_offset: the time zone's offset from UTC, in seconds, when collected
 * @app_version: (nullable): Sign-in Helper's version
 * @pack_id: (nullable): the content pack in use
 * @pack_version: (nullable): its version
 * @gtk_version: (nullable): GTK's version, filled in by the UI
 * @adw_version: (nullable): libadwaita's version, filled in by the UI
 *
 * A plain record: the core never links GTK, so the UI passes the toolkit
 * versions in (sih_device_info_set_toolkit()).
 */
typedef struct
{
  char     *os_name;
  char     *os_id;
  char     *os_version_id;
  gboolean  flatpak;
  char     *flatpak_runtime;
  char     *runtime_name;
  char     *kernel;
  char     *architecture;
  char     *desktop;
  char     *session_type;
  char     *language;
  char     *time_zone;
  int       utc_offset;
  char     *app_version;
  char     *pack_id;
  char     *pack_version;
  char     *gtk_version;
  char     *adw_version;
} SihDeviceInfo;

#define SIH_TYPE_DEVICE_INFO (sih_device_info_get_type ())

GType          sih_device_info_get_type     (void) G_GNUC_CONST;
SihDeviceInfo *sih_device_info_new          (void);
SihDeviceInfo *sih_device_info_copy         (const SihDeviceInfo *info);
void           sih_device_info_free         (SihDeviceInfo       *info);

SihDeviceInfo *sih_device_info_collect      (void);
SihDeviceInfo *sih_device_info_collect_with (const char          *root,
                                             GHashTable          *env,
                                             const char          *kernel,
                                             const char          *architecture);
void           sih_device_info_set_toolkit  (SihDeviceInfo       *info,
                                             const char          *gtk_version,
                                             const char          *adw_version);
void           sih_device_info_set_pack     (SihDeviceInfo       *info,
                                             const char          *pack_id,
                                             const char          *pack_version);
char          *sih_device_info_to_text      (const SihDeviceInfo *info);

GHashTable    *sih_os_release_parse         (const char          *data,
                                             gssize               length);
GHashTable    *sih_os_release_parse_file    (const char          *path,
                                             GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SihDeviceInfo, sih_device_info_free)

G_END_DECLS
