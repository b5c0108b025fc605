/* test-mask.c: e-mail addresses, phone numbers and secrets in free text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "core/sih-mask.h"

typedef struct
{
  const char *input;
  const char *masked;  /* with SIH_MASK_EMAILS | SIH_MASK_PHONES */
} MaskCase;

/* Each input has exactly what the expected text shows masked. */
static const MaskCase mask_cases[] = {
  /* E-mail addresses */
  { "taro@example.com", "t***@e***.com" },
  { "taro.yamada@example.co.jp", "t***@e***.co.jp" },
  { "hanako+amazon@mail.example.ne.jp", "h***@m***.e***.ne.jp" },
  { "Contact: John.Smith@Example.org.", "Contact: J***@E***.org." },
  { "user@sub.example.co.uk", "u***@s***.e***.co.uk" },
  { "a@b.io", "a***@b***.io" },
  { "メールはtaro@example.comです。", "メールはt***@e***.comです。" },
  { "ｔａｒｏ＠ｅｘａｍｐｌｅ．ｃｏｍに届きません", "t***@e***.comに届きません" },
  { "mail 09012345678@docomo.ne.jp please", "mail 0***@d***.ne.jp please" },
  { "two: a.b@x.com, c@y.jp", "two: a***@x***.com, c***@y***.jp" },
  /* Japanese phone numbers */
  { "090-1234-5678", "***-****-5678" },
  { "09012345678", "*******5678" },
  { "03-1234-5678", "**-****-5678" },
  { "0466-12-3456", "****-**-3456" },
  { "0120-123-456", "****-**3-456" },
  { "+81 90-1234-5678", "+81 **-****-5678" },
  { "+81-90-1234-5678", "+81-**-****-5678" },
  { "+819012345678", "+********5678" },
  { "(03) 1234-5678", "(**) ****-5678" },
  { "０９０－１２３４－５６７８", "***-****-5678" },
  { "０９０ー１２３４ー５６７８", "***-****-5678" },
  { "電話番号は090-1234-5678です。", "電話番号は***-****-5678です。" },
  { "携帯（０９０－１２３４－５６７８）に届かない", "携帯（***-****-5678）に届かない" },
  { "TEL:03-1234-5678", "TEL:**-****-5678" },
  /* International numbers */
  { "+1 206-555-0100", "+1 ***-***-0100" },
  { "+44 20 7946 0958", "+44 ** **** 0958" },
  { "(206) 555-0100", "(***) ***-0100" },
  { "1-800-555-0100", "*-***-***-0100" },
  { "020 7946 0958", "*** **** 0958" },
  { "Call me on +1 206-555-0100 tomorrow.", "Call me on +1 ***-***-0100 tomorrow." },
  { "My number 090-1234-5678 2026-11-25", "My number ***-****-5678 2026-11-25" },
  { "Numbers: 090-1234-5678, 03-1234-5678.", "Numbers: ***-****-5678, **-****-5678." },
  /* Not phone numbers */
  { "Order 250-1234567-1234567", NULL },
  { "注文番号503-1234567-1234567", NULL },
  { "D01-1234567-1234567", NULL },
  { "2026-11-25", NULL },
  { "2026/11/25", NULL },
  { "11/25/2026", NULL },
  { "2026年11月25日", NULL },
  { "at 10:30", NULL },
  { "GTK 4.8.3 and GLib 2.74.6", NULL },
  { "1.2.3", NULL },
  { "192.168.100.100", NULL },
  { "〒123-4567", NULL },
  { "code 123456", NULL },
  { "ISBN 4167158051", NULL },
  { "2026-11-25 10:30", NULL },
  { "not an address: a@b, @example.com, x@localhost", NULL },
};

static void
test_mask_table (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (mask_cases); i++)
    {
      const MaskCase *c = &mask_cases[i];
      g_autofree char *masked = sih_mask_text (c->input, SIH_MASK_EMAILS | SIH_MASK_PHONES);

      g_test_message ("%s → %s", c->input, masked);
      g_assert_cmpstr (masked, ==, c->masked != NULL ? c->masked : c->input);
    }
}

static void
test_mask_flags (void)
{
  const char *text = "taro@example.com, 090-1234-5678";
  g_autofree char *emails = sih_mask_text (text, SIH_MASK_EMAILS);
  g_autofree char *phones = sih_mask_text (text, SIH_MASK_PHONES);
  g_autofree char *none = sih_mask_text (text, SIH_MASK_NONE);

  g_assert_cmpstr (emails, ==, "t***@e***.com, 090-1234-5678");
  g_assert_cmpstr (phones, ==, "taro@example.com, ***-****-5678");
  g_assert_cmpstr (none, ==, text);
}

static void
test_mask_spans (void)
{
  /* Offsets are bytes into the original text, full-width characters too. */
  const char *text = "メール：ｔａｒｏ＠ｅｘａｍｐｌｅ．ｃｏｍ、電話：０９０－１２３４－５６７８";
  g_autoptr(GPtrArray) matches = sih_mask_find (text, SIH_MASK_DEFAULT);
  SihMaskMatch *email, *phone;

  g_assert_cmpuint (matches->len, ==, 2);
  email = g_ptr_array_index (matches, 0);
  phone = g_ptr_array_index (matches, 1);

  g_assert_cmpint (email->kind, ==, SIH_MASK_KIND_EMAIL);
  g_assert_cmpuint (email->start, ==, strlen ("メール："));
  g_assert_cmpuint (email->end, ==, strlen ("メール：ｔａｒｏ＠ｅｘａｍｐｌｅ．ｃｏｍ"));
  g_assert_cmpstr (email->masked, ==, "t***@e***.com");

  g_assert_cmpint (phone->kind, ==, SIH_MASK_KIND_PHONE);
  g_assert_cmpuint (phone->end, ==, strlen (text));
  g_assert_cmpuint (phone->start, ==, strlen (text) - strlen ("０９０－１２３４－５６７８"));
  g_assert_cmpstr (phone->masked, ==, "***-****-5678");

  {
    g_autofree char *applied = sih_mask_apply (text, matches);
    g_assert_cmpstr (applied, ==, "メール：t***@e***.com、電話：***-****-5678");
  }
}

static void
test_mask_fields (void)
{
  struct { const char *in, *out; } emails[] = {
    { "taro@example.co.jp", "t***@e***.co.jp" },
    { "  taro@example.com ", "t***@e***.com" },
    { "taro at example dot com", "t***" },
    { "山田", "山***" },
    { "", "" },
  }, phones[] = {
    { "090-1234-5678", "***-****-5678" },
    { "+81 90 1234 5678", "+81 ** **** 5678" },
    { "1234", "****" },
    { "0901234567890123456", "***************3456" },
    { "ext. 12345678", "ext. *****678" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (emails); i++)
    {
      g_autofree char *masked = sih_mask_email (emails[i].in);
      g_assert_cmpstr (masked, ==, emails[i].out);
    }
  for (guint i = 0; i < G_N_ELEMENTS (phones); i++)
    {
      g_autofree char *masked = sih_mask_phone (phones[i].in);
      g_assert_cmpstr (masked, ==, phones[i].out);
    }
}

typedef struct
{
  const char      *note;
  const char      *flagged;  /* the flagged text, or NULL */
  SihSecretReason  reason;
} SecretCase;

static const SecretCase secret_cases[] = {
  /* Flagged */
  { "The code was 482913", "482913", SIH_SECRET_REASON_LABELLED },
  { "password: hunter2", "hunter2", SIH_SECRET_REASON_LABELLED },
  { "Password=letmein", "letmein", SIH_SECRET_REASON_LABELLED },
  { "pw: Tanaka1980", "Tanaka1980", SIH_SECRET_REASON_LABELLED },
  { "pass: abcd", "abcd", SIH_SECRET_REASON_LABELLED },
  { "PIN 4321", "4321", SIH_SECRET_REASON_LABELLED },
  { "my password is sakura2024", "sakura2024", SIH_SECRET_REASON_LABELLED },
  { "パスワードはabc12345です", "abc12345", SIH_SECRET_REASON_LABELLED },
  { "パスワード：ｓａｋｕｒａ", "ｓａｋｕｒａ", SIH_SECRET_REASON_LABELLED },
  { "暗証番号 1234", "1234", SIH_SECRET_REASON_LABELLED },
  { "確認コード123456を入力したがエラー", "123456", SIH_SECRET_REASON_LABELLED },
  { "コードは「998877」でした", "998877", SIH_SECRET_REASON_LABELLED },
  { "Tried Hunter2!x again", "Hunter2!x", SIH_SECRET_REASON_MIXED },
  { "used Tr0ub4dor&3 yesterday", "Tr0ub4dor&3", SIH_SECRET_REASON_MIXED },
  { "got 482913 by SMS", "482913", SIH_SECRET_REASON_DIGITS },
  { "SMSで４８２９１３が届いた", "４８２９１３", SIH_SECRET_REASON_DIGITS },
  { "entered 9876 at the prompt", "9876", SIH_SECRET_REASON_DIGITS },
  /* Not flagged */
  { "I reset my password yesterday", NULL, 0 },
  { "Password: reset", NULL, 0 },
  { "The code never arrived", NULL, 0 },
  { "error code 5001 shown", NULL, 0 },
  { "エラーコード 5001", NULL, 0 },
  { "QRコード 1234", NULL, 0 },
  { "Tried again on 2026-11-25 at 10:30", NULL, 0 },
  { "It started in 2025", NULL, 0 },
  { "2026年11月25日から", NULL, 0 },
  { "Order 250-1234567-1234567 is affected", NULL, 0 },
  { "Paid ¥1500 and 2000円", NULL, 0 },
  { "Waited 1200 seconds", NULL, 0 },
  { "Firefox 128.0.3 on Windows11", NULL, 0 },
  { "Chrome/120.0.6099.109", NULL, 0 },
  { "see https://www.amazon.co.jp/ap/signin?openid=Abc123", NULL, 0 },
  { "called 090-1234-5678 and taro@example.com", NULL, 0 },
  { "パスワードが違いますと表示された", NULL, 0 },
  { "iPhone15 with the Shopping app", NULL, 0 },
  { "Debian GNU/Linux 12 with Wi-Fi/Bluetooth on", NULL, 0 },
  { "Dated 20261125", NULL, 0 },
  { "Step 3 failed twice", NULL, 0 },
  { "Firefox 128.5.0esr", NULL, 0 },
  { "Windows 10 build 19045", NULL, 0 },
  { "Caller 4711", NULL, 0 },
  { "Ticket: 48213 reopened", NULL, 0 },
  { "受付番号：12345", NULL, 0 },
  /* …but a word naming a number does not hide a labelled code. */
  { "Ticket 4711: the code was 998877", "998877", SIH_SECRET_REASON_LABELLED },
};

static const char *
reason_name (SihSecretReason reason)
{
  static const char * const names[] = { "none", "labelled", "digits", "mixed" };
  return names[reason];
}

static void
test_mask_secrets (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (secret_cases); i++)
    {
      const SecretCase *c = &secret_cases[i];
      g_autoptr(GPtrArray) found = sih_mask_find_secrets (c->note);

      for (guint j = 0; j < found->len; j++)
        {
          SihMaskMatch *m = g_ptr_array_index (found, j);
          g_autofree char *span = g_strndup (c->note + m->start, m->end - m->start);
          g_test_message ("%s: flagged “%s” (%s)", c->note, span, reason_name (m->reason));
        }

      if (c->flagged == NULL)
        {
          g_assert_cmpuint (found->len, ==, 0);
        }
      else
        {
          SihMaskMatch *m;
          g_autofree char *span = NULL;

          g_assert_cmpuint (found->len, ==, 1);
          m = g_ptr_array_index (found, 0);
          span = g_strndup (c->note + m->start, m->end - m->start);
          g_assert_cmpstr (span, ==, c->flagged);
          g_assert_cmpstr (reason_name (m->reason), ==, reason_name (c->reason));
          g_assert_cmpint (m->kind, ==, SIH_MASK_KIND_SECRET);
        }
    }
}

static void
test_mask_secrets_hidden (void)
{
  g_autofree char *masked = NULL;
  g_autofree char *kept = NULL;

  masked = sih_mask_text ("Code 482913 sent to taro@example.com", SIH_MASK_DEFAULT);
  g_assert_cmpstr (masked, ==, "Code [hidden] sent to t***@e***.com");

  kept = sih_mask_text ("Code 482913 sent to taro@example.com",
                        SIH_MASK_EMAILS | SIH_MASK_PHONES);
  g_assert_cmpstr (kept, ==, "Code 482913 sent to t***@e***.com");
}

static void
test_mask_plain_text (void)
{
  const char *texts[] = {
    "",
    "Nothing personal here.",
    "ログインできません。",
    "@@@ ... +++ --- ((()))",
    "+",
    "0",
    "a@",
    "@b.com",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autofree char *masked = sih_mask_text (texts[i], SIH_MASK_DEFAULT);
      g_assert_cmpstr (masked, ==, texts[i]);
    }
}

/* A pasted log full of numbers, as long as a field can be: every number
 * is still found, and the field is read at once (runs of numbers were
 * read in cubic time: this took hours). */
static void
test_mask_many_numbers (void)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GPtrArray) found = NULL;

  while (text->len + 5 <= 64 * 1024)
    g_string_append (text, "4821 ");
  g_string_append (text, "090-1234-5678");

  found = sih_mask_find (text->str, SIH_MASK_DEFAULT);
  g_assert_cmpuint (found->len, ==, (text->len - 13) / 5 + 1);
  g_assert_cmpint (((SihMaskMatch *)g_ptr_array_index (found, 0))->kind, ==, SIH_MASK_KIND_SECRET);
  g_assert_cmpint (((SihMaskMatch *)g_ptr_array_index (found, found->len - 1))->kind, ==,
                   SIH_MASK_KIND_PHONE);
}

int
main (int   argc,
      char *argv[])
{
  /* The "[hidden]" marker is translated; these tests read it in English. */
  g_setenv ("LANGUAGE", "en", TRUE);
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/mask/table", test_mask_table);
  g_test_add_func ("/mask/flags", test_mask_flags);
  g_test_add_func ("/mask/spans", test_mask_spans);
  g_test_add_func ("/mask/fields", test_mask_fields);
  g_test_add_func ("/mask/secrets", test_mask_secrets);
  g_test_add_func ("/mask/secrets-hidden", test_mask_secrets_hidden);
  g_test_add_func ("/mask/plain-text", test_mask_plain_text);
  g_test_add_func ("/mask/many-numbers", test_mask_many_numbers);

  return g_test_run ();
}
