/* test-text-fold.c: one folding for search and the saved-cases filter
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

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
    /* A dash typed for the long-vowel mark, between kana. */
    { "パスワ－ド", "パスワード" },
    { "パスワ-ド", "パスワード" },
    { "ﾊﾟｽﾜ-ﾄﾞ", "パスワード" },
    { "パスワ‐ド", "パスワード" },
    { "パスワ—ド", "パスワード" },
    { "パスワ―ド", "パスワード" },
    { "こ−ど", "コード" },
    /* Small kana typed large. */
    { "アクテイビテイ", "アクティビティ" },
    { "ｱｸﾃｲﾋﾞﾃｨ", "アクティビティ" },
    { "ちよつと", "ちょっと" },
    { "セキユリテイ", "セキュリティ" },
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

/* A dash is the long-vowel mark only between kana. */
static void
test_text_fold_dashes_kept (void)
{
  static const struct { const char *text, *dash; } kept[] = {
    { "e-mail", "-" }, { "sign-in", "-" }, { "2-step", "-" }, { "コード-123", "-" },
    { "コード-", "-" }, { "-コード", "-" }, { "Amazon—ログイン", "—" }, { "2025-12-07", "-" },
    { "ログイン—2", "—" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (kept); i++)
    {
      g_autofree char *folded = sih_text_fold (kept[i].text);

      g_test_message ("%s → %s", kept[i].text, folded);
      g_assert_nonnull (strstr (folded, kept[i].dash));
    }
}

/* Every character stays one character, so that what was folded can be
 * mapped back. */
static void
test_text_fold_variants_length (void)
{
  static const char * const texts[] = { "パスワ－ド", "アクティビティ", "ｱｸﾃｨﾋﾞﾃｨ-", "a-b", "" };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autofree char *folded = sih_text_fold_variants (texts[i]);

      g_assert_cmpint (g_utf8_strlen (folded, -1), ==, g_utf8_strlen (texts[i], -1));
    }
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
  g_test_add_func ("/text-fold/dashes-kept", test_text_fold_dashes_kept);
  g_test_add_func ("/text-fold/variants-length", test_text_fold_variants_length);

  return g_test_run ();
}
