/* sih-error.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "core/sih-error.h"

G_DEFINE_QUARK (sih-error-quark, sih_error)
