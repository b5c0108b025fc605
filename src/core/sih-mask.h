/* sih-mask.h: find and mask personal data and secrets in free text
 *
 * What counts as what (docs/masking.md has the full rule with examples):
 *
 * E-mail address: local part of [A-Za-z0-9._%+-], "@", at least two
 * dot-separated labels of [A-Za-z0-9-], the last one (the top-level domain)
 * letters only.  Masked as the first character of the local part and of
 * each label before the public suffix, each followed by "***":
 * taro.yamada@example.co.jp → t***@e***.co.jp.  The public suffix is the
 * top-level domain, or the last two labels when the top-level domain is a
 * two-letter country code after co, ne, or, ac, go, ad, ed, gr, lg, com,
 * net, org, gov or edu.
 *
 * Phone number: digits (ASCII or full-width; each character is compared in
 * its NFKC form) in groups joined by "-", ".", parentheses or a single
 * space, not glued to letters, digits or to "-", ".", "/", ":" that continue
 * into another number.  It is a phone number when one of these holds:
 *  - it starts with "+" and has 8–15 digits (E.164): +81 90-1234-5678;
 *  - it starts with 0 (not 00) and has 10 or 11 digits (Japanese and
 *    other national formats with a trunk prefix): 090-1234-5678,
 *    09012345678, (03) 1234-5678, 020 7946 0958;
 *  - its groups are 3-3-4 digits, optionally after a "1" group, the first
 *    group starting with 2–9 (North American): (206) 555-0100.
 * Everything else is not a phone number, in particular Amazon order
 * numbers (3-7-7 digits, 17 in all), dates (2026-11-25, 2026/11/25,
 * 11/25/2026, 2026年11月25日), times (10:30), versions (4.8.3), IP
 * addresses, postal codes (123-4567), ten-digit numbers without a leading
 * 0 or "+" (ISBNs, ids) and short numbers such as six-digit codes (those
 * are secrets, below).  Masked by replacing every digit with "*" except
 * the last 4 (10 or more digits after the country code), 3 (8–9) or 2
 * (fewer), and the country code after "+", which names a country, not a
 * person (as the top-level domain of an e-mail address does).  Separators
 * are kept, in their ASCII form: ０９０－１２３４－５６７８ → ***-****-5678.
 *
 * Secrets are flagged, never guessed at for masking by default: see
 * sih_mask_find_secrets().
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * SihMaskFlags:
 * @SIH_MASK_NONE: mask nothing
 * @SIH_MASK_EMAILS: mask e-mail addresses
 * @SIH_MASK_PHONES: mask phone numbers
 * @SIH_MASK_SECRETS: replace text that looks like a password or a
 *   one-time code (see sih_mask_find_secrets()) with "[hidden]"
 * @SIH_MASK_DEFAULT: all of the above
 */
typedef enum /*< flags >*/
{
  SIH_MASK_NONE    = 0,
  SIH_MASK_EMAILS  = 1 << 0,
  SIH_MASK_PHONES  = 1 << 1,
  SIH_MASK_SECRETS = 1 << 2,
  SIH_MASK_DEFAULT = SIH_MASK_EMAILS | SIH_MASK_PHONES | SIH_MASK_SECRETS,
} SihMaskFlags;

/**
 * SihMaskKind:
 * @SIH_MASK_KIND_EMAIL: an e-mail address
 * @SIH_MASK_KIND_PHONE: a phone number
 * @SIH_MASK_KIND_SECRET: something that looks like a password or a code
 */
typedef enum
{
  SIH_MASK_KIND_EMAIL,
  SIH_MASK_KIND_PHONE,
  SIH_MASK_KIND_SECRET,
} SihMaskKind;

/**
 * SihSecretReason:
 * @SIH_SECRET_REASON_NONE: not a secret (e-mail addresses and phone numbers)
 * @SIH_SECRET_REASON_LABELLED: the value after a word such as "password",
 *   "pw:", "code", "パスワード", "暗証番号" or "コード"
 * @SIH_SECRET_REASON_DIGITS: a standalone number of 4–8 digits that is not
 *   a year, a date, a price or an amount
 * @SIH_SECRET_REASON_MIXED: a token of 8 or more characters without spaces
 *   that mixes at least three of upper case, lower case, digits and symbols
 *   ("Hunter2!x")
 */
typedef enum
{
  SIH_SECRET_REASON_NONE,
  SIH_SECRET_REASON_LABELLED,
  SIH_SECRET_REASON_DIGITS,
  SIH_SECRET_REASON_MIXED,
} SihSecretReason;

/**
 * SihMaskMatch:
 * @kind: what was found
 * @reason: for a secret, why it was flagged
 * @start: byte offset of the first byte in the text
 * @end: byte offset just after the last byte
 * @masked: what the match is replaced with when masked
 *
 * One match.  Offsets are in bytes into the text given, so that a caller
 * can highlight the original characters (full-width ones included).
 */
typedef struct
{
  SihMaskKind      kind;
  SihSecretReason  reason;
  gsize            start;
  gsize            end;
  char            *masked;
} SihMaskMatch;

#define SIH_TYPE_MASK_MATCH (sih_mask_match_get_type ())

GType         sih_mask_match_get_type  (void) G_GNUC_CONST;
SihMaskMatch *sih_mask_match_copy      (const SihMaskMatch *match);
void          sih_mask_match_free      (SihMaskMatch       *match);

GPtrArray    *sih_mask_find            (const char         *text,
                                        SihMaskFlags        flags);
GPtrArray    *sih_mask_find_secrets    (const char         *text);
char         *sih_mask_text            (const char         *text,
                                        SihMaskFlags        flags);
char         *sih_mask_apply           (const char         *text,
                                        GPtrArray          *matches);
char         *sih_mask_email           (const char         *address);
char         *sih_mask_phone           (const char         *number);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SihMaskMatch, sih_mask_match_free)

G_END_DECLS
