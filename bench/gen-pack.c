/* gen-pack.c: write a generated pack, for timing the app with a large one
 *
 * Usage: gen-pack FILE [CAUSES] [STEPS]
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>

#include "bench-util.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GBytes) pack = NULL;
  g_autoptr(GError) error = NULL;

  if (argc < 2)
    {
      g_printerr ("Usage: %s FILE [CAUSES] [STEPS]\n", argv[0]);
      return 2;
    }

  pack = bench_generate_pack (argc > 2 ? atoi (argv[2]) : 1000, argc > 3 ? atoi (argv[3]) : 20);
  if (!g_file_set_contents (argv[1], g_bytes_get_data (pack, NULL), g_bytes_get_size (pack), &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  return 0;
}
