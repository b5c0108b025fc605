/* sih-text-widgets.c
 *
 * The details forms edit text in two kinds of widget: a GtkEditable (an
 * entry row) for a line, a GtkTextView for a message or a paragraph.
 * These read and write either kind, so that a form treats its fields
 * alike, and take the person to what looks like a password or a code in
 * one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "core/sih-mask.h"
#include "ui/sih-text-widgets.h"

/**
 * sih_text_widget_dup_text:
 * @widget: a #GtkEditable or a #GtkTextView
 *
 * Returns: (transfer full): its text
 */
char *
sih_text_widget_dup_text (GtkWidget *widget)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  if (GTK_IS_EDITABLE (widget))
    return g_strdup (gtk_editable_get_text (GTK_EDITABLE (widget)));

  g_return_val_if_fail (GTK_IS_TEXT_VIEW (widget), NULL);
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/**
 * sih_text_widget_set_text:
 * @widget: a #GtkEditable or a #GtkTextView
 * @text: (nullable): the text, %NULL for none
 *
 * Sets the text only if it differs, so that the cursor and the selection
 * stay where they are when the text comes back unchanged.
 */
void
sih_text_widget_set_text (GtkWidget  *widget,
                          const char *text)
{
  g_autofree char *current = sih_text_widget_dup_text (widget);

  if (text == NULL)
    text = "";
  if (g_strcmp0 (current, text) == 0)
    return;

  if (GTK_IS_EDITABLE (widget))
    gtk_editable_set_text (GTK_EDITABLE (widget), text);
  else
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget)), text, -1);
}

static void
select_range (GtkWidget *widget,
              int        start,
              int        end)
{
  if (GTK_IS_EDITABLE (widget))
    {
      gtk_editable_select_region (GTK_EDITABLE (widget), start, end);
    }
  else
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget));
      GtkTextIter from, to;

      gtk_text_buffer_get_iter_at_offset (buffer, &from, start);
      gtk_text_buffer_get_iter_at_offset (buffer, &to, end);
      /* The cursor at the start, where the view scrolls to. */
      gtk_text_buffer_select_range (buffer, &from, &to);
      gtk_text_view_scroll_mark_onscreen (GTK_TEXT_VIEW (widget), gtk_text_buffer_get_insert (buffer));
    }
}

typedef struct
{
  GWeakRef widget;
  char    *text;   /* the field's text when it was focused */
  int      start;
  int      end;
  guint    ticks;
} Selection;

static void
selection_free (Selection *selection)
{
  g_weak_ref_clear (&selection->widget);
  g_free (selection->text);
  g_free (selection);
}

static gboolean
has_selection (GtkWidget *widget,
               int        start,
               int        end)
{
  int from, to;

  if (GTK_IS_EDITABLE (widget))
    {
      if (!gtk_editable_get_selection_bounds (GTK_EDITABLE (widget), &from, &to))
        return start == end;
    }
  else
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget));
      GtkTextIter a, b;

      gtk_text_buffer_get_selection_bounds (buffer, &a, &b);
      from = gtk_text_iter_get_offset (&a);
      to = gtk_text_iter_get_offset (&b);
    }
  return from == start && to == end;
}

/* A field on a page that has just been shown takes the focus only once it
 * is mapped, and an entry then selects as it does on focus, at a time
 * that depends on the machine's speed: for a moment, while the text is
 * untouched, keep the code selected. */
static gboolean
reselect_cb (gpointer user_data)
{
  Selection *selection = user_data;
  g_autoptr(GtkWidget) widget = g_weak_ref_get (&selection->widget);
  g_autofree char *text = NULL;

  if (widget == NULL || ++selection->ticks > 40)
    return G_SOURCE_REMOVE;
  text = sih_text_widget_dup_text (widget);
  if (g_strcmp0 (text, selection->text) != 0)
    return G_SOURCE_REMOVE;
  if (gtk_widget_get_mapped (widget) && !has_selection (widget, selection->start, selection->end))
    select_range (widget, selection->start, selection->end);
  return G_SOURCE_CONTINUE;
}

/**
 * sih_text_widget_focus_secret:
 * @widget: a #GtkEditable or a #GtkTextView
 *
 * Puts the keyboard focus in @widget with the first thing that looks like
 * a password or a code selected, so that the person sees what to take
 * out and Delete takes it out; the rest of the text is never selected
 * with it, so that typing cannot replace it all.  Without one, the cursor
 * goes to the end.
 *
 * Returns: whether @widget took the focus
 */
gboolean
sih_text_widget_focus_secret (GtkWidget *widget)
{
  g_autofree char *text = sih_text_widget_dup_text (widget);
  g_autoptr(GPtrArray) secrets = sih_mask_find_secrets (text);
  Selection *selection;
  int start, end;

  if (!gtk_widget_grab_focus (widget))
    return FALSE;

  if (secrets->len > 0)
    {
      const SihMaskMatch *first = g_ptr_array_index (secrets, 0);

      start = (int)g_utf8_pointer_to_offset (text, text + first->start);
      end = (int)g_utf8_pointer_to_offset (text, text + first->end);
    }
  else
    {
      start = end = (int)g_utf8_strlen (text, -1);
    }

  select_range (widget, start, end);
  selection = g_new0 (Selection, 1);
  g_weak_ref_init (&selection->widget, widget);
  selection->text = g_steal_pointer (&text);
  selection->start = start;
  selection->end = end;
  g_timeout_add_full (G_PRIORITY_DEFAULT, 25, reselect_cb, selection,
                      (GDestroyNotify)selection_free);

  return TRUE;
}

static void
insert_text_cb (GtkTextBuffer *buffer,
                GtkTextIter   *location,
                const char    *text,
                int            len,
                gpointer       user_data)
{
  int max_length = GPOINTER_TO_INT (user_data);
  int room = max_length - gtk_text_buffer_get_char_count (buffer);
  const char *end;

  if (len < 0)
    len = strlen (text);
  if (g_utf8_strlen (text, len) <= room)
    return;

  /* What fits, as an entry's max-length keeps it: insert that instead
   * (which revalidates @location, as the caller expects). */
  g_signal_stop_emission_by_name (buffer, "insert-text");
  if (room <= 0)
    return;
  end = g_utf8_offset_to_pointer (text, room);
  gtk_text_buffer_insert (buffer, location, text, end - text);
}

/**
 * sih_text_view_set_max_length:
 * @view: a text view
 * @max_length: the most characters it takes
 *
 * Keeps @view to @max_length characters, as GtkEntry:max-length does: of
 * what is typed or pasted, only what fits goes in.
 */
void
sih_text_view_set_max_length (GtkTextView *view,
                              int          max_length)
{
  g_return_if_fail (GTK_IS_TEXT_VIEW (view));
  g_return_if_fail (max_length > 0);

  g_signal_connect (gtk_text_view_get_buffer (view), "insert-text", G_CALLBACK (insert_text_cb),
                    GINT_TO_POINTER (max_length));
}
