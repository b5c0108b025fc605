/* sih-lexicon.c: the words search and masking know, per language
 *
 * Every word list that depends on a language and that code rather than
 * people's usage decides is here: how English words are stemmed (search),
 * and what labels a password or a code, what names no secret, and what
 * makes a number an amount (masking).  What people call sign-in problems
 * (synonyms, colloquial forms, product names, dialect endings) is data:
 * data/search/lexicon.json, read by sih-search-lexicon.c.
 * Japanese and English words sit together; the lists are matched after
 * sih_text_fold() or ASCII case folding, as each user says.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "core/sih-lexicon.h"

/* Search */

/* English endings stripped to find a word's stem: "locked" is "lock". */
const char * const sih_lexicon_stem_endings[] = { "ing", "ies", "ed", "es", "ly", "s", NULL };

/* Masking */

/* Longest first, so that the value is looked for after the whole word. */
const char * const sih_lexicon_secret_words[SIH_LEXICON_N_SECRET_WORDS] = {
  "ワンタイムパスワード", "セキュリティコード", "パスワード", "認証コード", "確認コード",
  "暗証番号", "認証番号", "確認番号", "暗証", "コード",
  "passphrase", "password", "passcode", "passwd", "pass", "pwd", "otp", "pin", "pw", "code",
};

/* "error code 404" and "QRコード" name no secret. */
const char * const sih_lexicon_not_secret_codes[] = {
  "error", "status", "zip", "postal", "country", "area", "qr", "bar", "source", "http",
  "tracking", "promo", "promotion", "discount", "product",
  "エラー", "バー", "ソース", "郵便",
  NULL
};

/* Words before a number that say what it is, so that it is no code:
 * "build 19045", "Ticket 4711", "受付番号 12345". */
const char * const sih_lexicon_number_names[] = {
  "build", "version", "ver", "ticket", "case", "ref", "reference", "caller", "inquiry",
  "ビルド", "バージョン", "チケット", "受付番号", "問い合わせ番号", "問合せ番号", "ケース",
  NULL
};

/* Words that describe a password rather than being one: "password: reset". */
const char * const sih_lexicon_state_words[] = {
  "reset", "changed", "change", "none", "unknown", "forgot", "forgotten", "wrong", "correct",
  "incorrect", "expired", "sent", "received", "ok", "okay", "yes", "no", "same", "new", "old",
  "required", "invalid", "accepted", "rejected",
  NULL
};

/* Counters and units after a number that make it an amount, not a code. */
const char * const sih_lexicon_amount_units[] = {
  "年", "月", "日", "時", "分", "秒", "円", "件", "回", "個", "人", "台", "歳", "才", "枚", "冊",
  "yen", "jpy", "usd", "dollars", "times", "seconds", "secs", "minutes", "mins", "hours", "days",
  "years", "km", "kb", "mb", "gb", "mah", "points", "items",
  NULL
};

G_STATIC_ASSERT (G_N_ELEMENTS (sih_lexicon_secret_words) == SIH_LEXICON_N_SECRET_WORDS);
