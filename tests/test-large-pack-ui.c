/* test-large-pack-ui.c: the window with a help desk's pack of a thousand
 * causes (needs a display)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "bench-util.h"
#include "ui/sih-application.h"
#include "ui/sih-window.h"
#include "sih-test-util.h"

#define N_CAUSES 1000

typedef struct
{
  SihApplication     *app;
  SihWindow          *window;
  SihCase            *kase;
  GtkListView        *cause_list;
  GtkSingleSelection *selection;
} Fixture;

static char *pack_path;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  SihPack *pack;

  f->app = sih_test_application_new ();
  pack = sih_application_get_pack (f->app);
  g_assert_cmpstr (sih_pack_get_id (pack), ==, "large");
  g_assert_cmpuint (sih_pack_get_n_causes (pack), ==, N_CAUSES);
  f->kase = sih_case_new (sih_pack_get_id (pack), sih_pack_get_version (pack));

  f->window = sih_window_new (f->app);
  sih_window_set_case (f->window, f->kase);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1000, 700);
  f->cause_list = GTK_LIST_VIEW (sih_test_find_widget (GTK_WIDGET (f->window), "cause_list"));
  f->selection = GTK_SINGLE_SELECTION (gtk_list_view_get_model (f->cause_list));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  sih_test_iterate ();
  g_clear_object (&f->kase);
  g_clear_object (&f->app);
}

static guint
n_listed (Fixture *f)
{
  return g_list_model_get_n_items (G_LIST_MODEL (f->selection));
}

/* The first frame lists the causes that fit in the window, not the two
 * hundred GTK would make rows for; every frame after it lists a few more,
 * until all are listed. */
static void
test_large_pack_listed_a_few_at_a_time (Fixture       *f,
                                        gconstpointer  data)
{
  guint before;
  guint frames = 0;

  g_assert_cmpuint (n_listed (f), >=, 20);
  g_assert_cmpuint (n_listed (f), <, 100);

  gtk_window_present (GTK_WINDOW (f->window));
  sih_test_wait_for_frames (GTK_WIDGET (f->window), 1);
  before = n_listed (f);
  g_assert_cmpuint (before, <, N_CAUSES);

  while (n_listed (f) < N_CAUSES)
    {
      guint listed = n_listed (f);

      sih_test_wait_for_frames (GTK_WIDGET (f->window), 1);
      /* A few more each frame, never fewer. */
      g_assert_cmpuint (n_listed (f), >=, listed);
      g_assert_cmpuint (n_listed (f) - listed, <=, listed < 200 ? 16 : N_CAUSES);
      g_assert_cmpuint (++frames, <, 200);
    }
  g_assert_cmpuint (frames, >, 1);
}

/* A cause not listed yet is found at once: all are listed then. */
static void
test_large_pack_select_unlisted (Fixture       *f,
                                 gconstpointer  data)
{
  SihCause *selected;

  g_assert_cmpuint (n_listed (f), <, N_CAUSES);
  sih_window_select_cause (f->window, "cause-900");
  g_assert_cmpuint (n_listed (f), ==, N_CAUSES);
  selected = gtk_single_selection_get_selected_item (f->selection);
  g_assert_nonnull (selected);
  g_assert_cmpstr (sih_cause_get_id (selected), ==, "cause-900");
  g_assert_cmpuint (gtk_single_selection_get_selected (f->selection), ==, 900);
  g_assert_cmpstr (sih_case_get_cause_id (f->kase), ==, "cause-900");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GBytes) pack = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autofree char *dir = NULL;
  int status;

  if (!sih_test_init_gtk (&argc, &argv))
    return g_test_run ();

  /* The app loads the pack chosen in Preferences: this one. */
  dir = g_dir_make_tmp ("sih-large-pack-XXXXXX", &error);
  g_assert_no_error (error);
  pack_path = g_build_filename (dir, "large.json", NULL);
  pack = bench_generate_pack (N_CAUSES, 2);
  g_file_set_contents (pack_path, g_bytes_get_data (pack, NULL), g_bytes_get_size (pack), &error);
  g_assert_no_error (error);
  settings = g_settings_new (APPLICATION_ID);
  g_settings_set_string (settings, "content-pack", pack_path);

  g_test_add ("/large-pack/listed-a-few-at-a-time", Fixture, NULL,
              fixture_set_up, test_large_pack_listed_a_few_at_a_time, fixture_tear_down);
  g_test_add ("/large-pack/select-unlisted", Fixture, NULL,
              fixture_set_up, test_large_pack_select_unlisted, fixture_tear_down);

  status = g_test_run ();
  g_unlink (pack_path);
  g_rmdir (dir);
  g_free (pack_path);
  return status;
}
