/* fuzz-mask.c: finding and masking personal data and secrets
 *
 * sih_mask_find() and everything built on it require valid UTF-8 (a
 * g_return_val_if_fail(), that is a programming error, not a refusal):
 * the model repairs what people type with g_utf8_make_valid() before it
 * keeps it.  So the harness does the same with input that is not valid
 * UTF-8 or holds NUL bytes, and then checks what the functions promise:
 * matches in order, never overlapping, on character boundaries; each kind
 * found the same whatever else is asked for; masked text valid UTF-8 with
 * something actually hidden; and sih_mask_text() equal to applying the
 * matches.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "fuzz-common.h"
#include "core/sih-mask.h"

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  sih_fuzz_init (argc, argv);
  return 0;
}

static gboolean
is_boundary (const char *text,
             gsize       offset)
{
  return ((guchar)text[offset] & 0xC0) != 0x80;
}

static void
check_matches (const char *text,
               GPtrArray  *matches,
               guint       flags)
{
  gsize len = strlen (text);
  gsize pos = 0;

  for (guint i = 0; i < matches->len; i++)
    {
      const SihMaskMatch *match = g_ptr_array_index (matches, i);

      sih_fuzz_check (match->start >= pos);
      sih_fuzz_check (match->start < match->end);
      sih_fuzz_check (match->end <= len);
      sih_fuzz_check (is_boundary (text, match->start));
      sih_fuzz_check (is_boundary (text, match->end));
      sih_fuzz_check (match->masked != NULL);
      sih_fuzz_check (g_utf8_validate (match->masked, -1, NULL));
      pos = match->end;

      switch (match->kind)
        {
        case SIH_MASK_KIND_EMAIL:
          sih_fuzz_check (flags & SIH_MASK_EMAILS);
          sih_fuzz_check (match->reason == SIH_SECRET_REASON_NONE);
          sih_fuzz_check (strstr (match->masked, "***") != NULL);
          break;
        case SIH_MASK_KIND_PHONE:
          sih_fuzz_check (flags & SIH_MASK_PHONES);
          sih_fuzz_check (match->reason == SIH_SECRET_REASON_NONE);
          sih_fuzz_check (strchr (match->masked, '*') != NULL);
          break;
        case SIH_MASK_KIND_SECRET:
          sih_fuzz_check (flags & SIH_MASK_SECRETS);
          sih_fuzz_check (match->reason != SIH_SECRET_REASON_NONE);
          break;
        default:
          sih_fuzz_check (FALSE);
        }
    }
}

static gboolean
same_match (const SihMaskMatch *a,
            const SihMaskMatch *b)
{
  return a->kind == b->kind && a->reason == b->reason && a->start == b->start &&
         a->end == b->end && strcmp (a->masked, b->masked) == 0;
}

/* The matches of @kind in @all are exactly @some. */
static void
check_subset (GPtrArray   *all,
              GPtrArray   *some,
              SihMaskKind  kind)
{
  guint j = 0;

  for (guint i = 0; i < all->len; i++)
    {
      const SihMaskMatch *match = g_ptr_array_index (all, i);

      if (match->kind != kind)
        continue;
      sih_fuzz_check (j < some->len);
      sih_fuzz_check (same_match (match, g_ptr_array_index (some, j)));
      j++;
    }
  sih_fuzz_check (j == some->len);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) emails = NULL;
  g_autoptr(GPtrArray) phones = NULL;
  g_autoptr(GPtrArray) secrets = NULL;
  g_autoptr(GPtrArray) none = NULL;
  g_autofree char *applied = NULL;
  g_autofree char *masked = NULL;
  g_autofree char *contacts_masked = NULL;
  g_autofree char *email = NULL;
  g_autofree char *phone = NULL;

  if (size == 0)
    text = g_strdup ("");
  else if (g_utf8_validate_len ((const char *)data, size, NULL))
    text = g_strndup ((const char *)data, size);
  else
    text = g_utf8_make_valid ((const char *)data, size);
  sih_fuzz_check (g_utf8_validate (text, -1, NULL));

  all = sih_mask_find (text, SIH_MASK_DEFAULT);
  check_matches (text, all, SIH_MASK_DEFAULT);

  emails = sih_mask_find (text, SIH_MASK_EMAILS);
  check_matches (text, emails, SIH_MASK_EMAILS);
  check_subset (all, emails, SIH_MASK_KIND_EMAIL);

  phones = sih_mask_find (text, SIH_MASK_PHONES);
  check_matches (text, phones, SIH_MASK_PHONES);
  check_subset (all, phones, SIH_MASK_KIND_PHONE);

  secrets = sih_mask_find_secrets (text);
  check_matches (text, secrets, SIH_MASK_SECRETS);
  check_subset (all, secrets, SIH_MASK_KIND_SECRET);

  none = sih_mask_find (text, SIH_MASK_NONE);
  sih_fuzz_check (none->len == 0);

  applied = sih_mask_apply (text, all);
  sih_fuzz_check (applied != NULL);
  sih_fuzz_check (g_utf8_validate (applied, -1, NULL));
  masked = sih_mask_text (text, SIH_MASK_DEFAULT);
  sih_fuzz_check (g_strcmp0 (masked, applied) == 0);

  contacts_masked = sih_mask_text (text, SIH_MASK_EMAILS | SIH_MASK_PHONES);
  sih_fuzz_check (contacts_masked != NULL);
  sih_fuzz_check (g_utf8_validate (contacts_masked, -1, NULL));

  /* The whole text as a field meant to hold an address or a number. */
  email = sih_mask_email (text);
  sih_fuzz_check (email != NULL && g_utf8_validate (email, -1, NULL));
  phone = sih_mask_phone (text);
  sih_fuzz_check (phone != NULL && g_utf8_validate (phone, -1, NULL));

  return 0;
}
