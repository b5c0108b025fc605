/* sih-link.c
 *
 * Links in a content pack must lead to Amazon's own help, never to a
 * lookalike.  A link is accepted only when it is https://, has no user
 * info, no explicit port, and its host is one of the official domains or
 * a subdomain of one (compared label by label, so that
 * "amazon.co.jp.evil.example" and "evil-amazon.co.jp" do not pass).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "core/sih-link.h"

static const char * const official_domains[] = {
  "amazon.co.jp",
  "amazon.jp",
  "amazon.com",
  "primevideo.com",
  "aboutamazon.jp",
  "aboutamazon.com",
  NULL
};

const char * const *
sih_link_get_official_domains (void)
{
  return official_domains;
}

static gboolean
host_is_official (const char *host)
{
  gsize host_len = strlen (host);

  for (guint i = 0; official_domains[i] != NULL; i++)
    {
      const char *domain = official_domains[i];
      gsize len = strlen (domain);

      if (host_len == len && g_ascii_strcasecmp (host, domain) == 0)
        return TRUE;

      /* A subdomain: "…." immediately followed by the domain at the end. */
      if (host_len > len + 1 &&
          host[host_len - len - 1] == '.' &&
          g_ascii_strcasecmp (host + host_len - len, domain) == 0)
        return TRUE;
    }

  return FALSE;
}

static gboolean
host_is_well_formed (const char *host)
{
  gsize label_len = 0;

  if (*host == '\0' || *host == '.')
    return FALSE;

  for (const char *p = host; *p != '\0'; p++)
    {
      if (*p == '.')
        {
          if (label_len == 0)
            return FALSE;
          label_len = 0;
          continue;
        }
      if (!g_ascii_isalnum (*p) && *p != '-')
        return FALSE;
      label_len++;
    }

  return label_len > 0;
}

/**
 * sih_link_is_official:
 * @uri: a link from a content pack
 * @why: (out) (optional): why it was refused, in English, for error messages
 *
 * Returns: %TRUE when @uri is an https link to an official host.
 */
gboolean
sih_link_is_official (const char  *uri,
                      char       **why)
{
  g_autoptr(GUri) parsed = NULL;
  const char *host;

  if (why != NULL)
    *why = NULL;

  g_return_val_if_fail (uri != NULL, FALSE);

  parsed = g_uri_parse (uri, G_URI_FLAGS_NONE, NULL);
  if (parsed == NULL)
    {
      if (why != NULL)
        *why = g_strdup ("is not a valid URI");
      return FALSE;
    }

  if (g_strcmp0 (g_uri_get_scheme (parsed), "https") != 0)
    {
      if (why != NULL)
        *why = g_strdup ("must start with https://");
      return FALSE;
    }

  if (g_uri_get_userinfo (parsed) != NULL)
    {
      if (why != NULL)
        *why = g_strdup ("must not contain user information before the host (\"…@\")");
      return FALSE;
    }

  if (g_uri_get_port (parsed) != -1)
    {
      if (why != NULL)
        *why = g_strdup ("must not name a port");
      return FALSE;
    }

  host = g_uri_get_host (parsed);
  if (host == NULL || !host_is_well_formed (host))
    {
      if (why != NULL)
        *why = g_strdup ("has no valid host name");
      return FALSE;
    }

  if (!host_is_official (host))
    {
      if (why != NULL)
        *why = g_strdup_printf ("points to “%s”, which is not an official Amazon host", host);
      return FALSE;
    }

  return TRUE;
}
