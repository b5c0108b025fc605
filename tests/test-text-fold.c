/* test-text-fold.c: one folding for search and the saved-cases filter
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "core/sih-text-fold.h"

static void
test_text_fold_equal (void)
{
  static const struct { const char *a, *b; } same[] = {
    { "Password", "password" },
    { "ＰＡＳＳＷＯＲＤ １２３", "password 123" },
    { "パスワード", "ぱすわーど" },
    { "ﾊﾟｽﾜｰﾄﾞ", "ぱすわーど" },
    { "ｺｰﾄﾞ", "こーど" },
    { "Straße", "strasse" },
    { "ヴ", "ゔ" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (same); i++)
    {
      g_autofree char *a = sih_text_fold (same[i].a);
      g_autofree char *b = sih_text_fold (same[i].b);

      g_test_message ("%s → %s", same[i].a, a);
      g_assert_cmpstr (a, ==, b);
    }
}

static void
test_text_fold_different (void)
{
  g_autofree char *code = sih_text_fold ("コード");
  g_autofree char *cord = sih_text_fold ("コルド");
  /* The prolonged sound mark is a letter, not dropped. */
  g_autofree char *kodo = sih_text_fold ("こど");

  g_assert_cmpstr (code, !=, cord);
  g_assert_cmpstr (code, !=, kodo);
}

/* Text from anywhere: never a crash, always valid UTF-8 back. */
static void
test_text_fold_invalid (void)
{
  static const char * const bad[] = { "Tick\xc3\xa9\xff\xfe", "\xe3\x81", "\x80", "" };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *folded = sih_text_fold (bad[i]);

      g_assert_nonnull (folded);
      g_assert_true (g_utf8_validate (folded, -1, NULL));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/text-fold/equal", test_text_fold_equal);
  g_test_add_func ("/text-fold/different", test_text_fold_different);
  g_test_add_func ("/text-fold/invalid", test_text_fold_invalid);

  return g_test_run ();
}
