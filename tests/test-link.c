/* test-link.c: the official-host allow-list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "core/sih-link.h"

static void
test_link_official (void)
{
  static const char * const good[] = {
    "https://www.amazon.co.jp/gp/help/customer/display.html?nodeId=201945460",
    "https://amazon.co.jp/",
    "https://www.amazon.com/gp/help/customer/display.html?nodeId=201945300",
    "https://amazon.jp",
    "https://sellercentral.amazon.co.jp/help/hub/reference/external/202153510",
    "https://sellercentral-japan.amazon.com/",
    "https://business.amazon.co.jp/",
    "https://www.primevideo.com/help",
    "https://www.aboutamazon.jp/",
    "https://trustworthyshopping.aboutamazon.com/",
    "https://WWW.AMAZON.CO.JP/",
    "https://www.amazon.com/reportascam",
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autofree char *why = NULL;

      g_test_message ("%s", good[i]);
      g_assert_true (sih_link_is_official (good[i], &why));
      g_assert_null (why);
    }
}

static void
test_link_rejected (void)
{
  static const char * const bad[] = {
    "http://www.amazon.co.jp/",                 /* not https */
    "https://amazon.co.jp.evil.example/",       /* lookalike suffix */
    "https://evil-amazon.co.jp/",               /* lookalike prefix */
    "https://evilamazon.com/",
    "https://amazon.co.jp@evil.example/",       /* user info trick */
    "https://user:pass@www.amazon.co.jp/",
    "https://www.amazon.co.jp:8443/",           /* explicit port */
    "https://amazon.co/",
    "https://amazon.co.uk.example.com/",
    "https://192.0.2.1/",
    "https:///nohost",
    "javascript:alert(1)",
    "ftp://amazon.co.jp/",
    "not a uri",
    "",
    "https://.amazon.co.jp/",
    "https://www..amazon.co.jp/",
    "https://www.amazon.co.jp./",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *why = NULL;

      g_test_message ("%s", bad[i]);
      g_assert_false (sih_link_is_official (bad[i], &why));
      g_assert_nonnull (why);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/link/official", test_link_official);
  g_test_add_func ("/link/rejected", test_link_rejected);

  return g_test_run ();
}
