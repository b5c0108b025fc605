/* sih-bench-probe.c: what bench/startup.py reads from a window
 *
 * With SIGNIN_HELPER_QUIT_AFTER_FIRST_FRAME set, the app (and bench's bare
 * window) quit as soon as their first frame is drawn.  With
 * SIGNIN_HELPER_BENCH_KEYS=N they say on standard output when that frame
 * was drawn, then wait for N keys, and for each say when it reached the
 * window and when the frame that shows its effect was drawn, with what the
 * window shows then; after the Nth they quit.  Times are
 * g_get_monotonic_time() in microseconds:
 *
 *   first-frame T
 *   key NAME RECEIVED PAINTED WHAT-IS-SHOWN
 *
 * A key is handled completely before the next frame starts, so the next
 * frame drawn after it shows what it did.  Compiled into the app and into
 * bench/bare-window, so that both are measured alike.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "ui/sih-bench-probe.h"

typedef struct
{
  GtkWindow            *window;
  GApplication         *app;
  SihBenchDescribeFunc  describe;
  guint                 keys_left;
  gboolean              quit_after_first_frame;
  guint                 keyval;      /* a key waiting for its frame, or 0 */
  gint64                received;
} Probe;

static void
say (const char *line)
{
  fputs (line, stdout);
  fputc ('\n', stdout);
  fflush (stdout);
}

static void
after_paint_cb (GdkFrameClock *clock,
                Probe         *probe)
{
  gint64 now = g_get_monotonic_time ();
  g_autofree char *line = NULL;

  if (probe->received == 0)
    {
      /* The first frame. */
      line = g_strdup_printf ("first-frame %" G_GINT64_FORMAT, now);
      if (!probe->quit_after_first_frame)
        say (line);
      if (probe->quit_after_first_frame || probe->keys_left == 0)
        {
          g_signal_handlers_disconnect_by_func (clock, after_paint_cb, probe);
          g_application_quit (probe->app);
        }
      probe->received = -1;
      return;
    }

  if (probe->keyval == 0)
    return;

  {
    g_autofree char *shown = probe->describe != NULL ? probe->describe (probe->window) : NULL;

    line = g_strdup_printf ("key %s %" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %s",
                            gdk_keyval_name (probe->keyval), probe->received, now,
                            shown != NULL ? shown : "-");
  }
  say (line);
  probe->keyval = 0;
  if (--probe->keys_left == 0)
    {
      g_signal_handlers_disconnect_by_func (clock, after_paint_cb, probe);
      g_application_quit (probe->app);
    }
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                Probe                 *probe)
{
  if (probe->keys_left > 0 && probe->keyval == 0 && probe->received != 0)
    {
      probe->keyval = keyval;
      probe->received = g_get_monotonic_time ();
      /* A key that changes nothing on screen still gets its frame. */
      gtk_widget_queue_draw (GTK_WIDGET (probe->window));
    }
  return GDK_EVENT_PROPAGATE;
}

static void
realize_cb (GtkWidget *window,
            Probe     *probe)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (after_paint_cb), probe);
}

/**
 * sih_bench_probe_attach:
 * @window: a window not realized yet
 * @app: the application, quit when the probe is done
 * @describe: (nullable): says what @window shows after a key
 *
 * Measures @window for bench/ when the environment asks for it (see
 * above); does nothing otherwise.
 */
void
sih_bench_probe_attach (GtkWindow            *window,
                        GApplication         *app,
                        SihBenchDescribeFunc  describe)
{
  const char *keys = g_getenv ("SIGNIN_HELPER_BENCH_KEYS");
  Probe *probe;

  if (keys == NULL && g_getenv ("SIGNIN_HELPER_QUIT_AFTER_FIRST_FRAME") == NULL)
    return;

  probe = g_new0 (Probe, 1);
  probe->window = window;
  probe->app = app;
  probe->describe = describe;
  probe->keys_left = keys != NULL ? (guint) strtoul (keys, NULL, 10) : 0;
  probe->quit_after_first_frame = keys == NULL;
  g_object_set_data_full (G_OBJECT (window), "sih-bench-probe", probe, g_free);

  if (probe->keys_left > 0)
    {
      GtkEventController *controller = gtk_event_controller_key_new ();

      gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
      g_signal_connect (controller, "key-pressed", G_CALLBACK (key_pressed_cb), probe);
      gtk_widget_add_controller (GTK_WIDGET (window), controller);
    }
  g_signal_connect (window, "realize", G_CALLBACK (realize_cb), probe);
}
