/* fuzz-common.h: what every libFuzzer target shares
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <stddef.h>
#include <stdint.h>

#include <glib.h>

G_BEGIN_DECLS

/* libFuzzer's entry points. */
int  LLVMFuzzerInitialize   (int            *argc,
                             char         ***argv);
int  LLVMFuzzerTestOneInput (const uint8_t  *data,
                             size_t          size);

void sih_fuzz_init          (int            *argc,
                             char         ***argv);

/* Stops the run like a crash, so that libFuzzer saves the input. */
#define sih_fuzz_check(expr) \
  G_STMT_START { \
    if (G_UNLIKELY (!(expr))) \
      sih_fuzz_fail (__FILE__, __LINE__, #expr); \
  } G_STMT_END

G_NORETURN void sih_fuzz_fail (const char *file,
                               int         line,
                               const char *expr);

G_END_DECLS
