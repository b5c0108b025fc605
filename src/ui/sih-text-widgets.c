/* sih-text-widgets.c
 *
 * The details forms edit text in two kinds of widget: a GtkEditable (an
 * entry row) for a line, a GtkTextView for a message or a paragraph.
 * These read and write either kind, so that a form treats its fields
 * alike.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

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
