/* sih-case-file-private.h: for SihCaseStore
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sys/stat.h>

#include "core/sih-case-file.h"

G_BEGIN_DECLS

GBytes *sih_case_file_read_stat (const char   *path,
                                 gboolean      follow_symlinks,
                                 struct stat  *st_out,
                                 GError      **error);

G_END_DECLS
