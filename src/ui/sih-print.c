/* sih-print.c
 *
 * Prints plain text with GtkPrintOperation, or exports it as PDF.  The
 * text is laid out with Pango at the page width (a line indented with
 * spaces keeps its indent where it wraps) and split into pages between
 * lines, so that no line is ever cut in half; every page has a header
 * with the title and "Page N of M".
 *
 * Exporting (GTK_PRINT_OPERATION_ACTION_EXPORT) needs neither a display
 * nor gtk_init(): the command line and the tests use it headless.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "ui/sih-print.h"
#include "ui/sih-dialogs.h"
#include "core/sih-summary.h"

/* Fontconfig takes the first family that has a glyph: the Japanese Noto
 * font (fonts-noto-cjk) first, so that kanji get their Japanese forms. */
#define BODY_FONT   "Noto Sans CJK JP, Noto Sans, Sans 10.5"
#define HEADER_FONT "Noto Sans CJK JP, Noto Sans, Sans 8.5"
#define MARGIN_MM   18.0

/* One line as printed: lines are never cut, pages break between them. */
typedef struct
{
  PangoLayoutLine *line;
  double           x;         /* from the left margin, in points */
  double           top;       /* from the top of the text, in points */
  double           height;
  double           baseline;  /* from the line's top */
} Line;

typedef struct
{
  guint  first_line;  /* index in PrintJob.lines */
  double top;         /* that line's top */
} Page;

typedef struct
{
  char        *title;
  char        *text;
  double       header_height;  /* header and the gap under it, in points */
  GPtrArray   *layouts;        /* PangoLayout: a line needs its layout to be drawn */
  GArray      *lines;          /* Line */
  GArray      *pages;          /* Page */
} PrintJob;

static void
clear_line (Line *line)
{
  g_clear_pointer (&line->line, pango_layout_line_unref);
}

static void
print_job_free (PrintJob *job)
{
  g_free (job->title);
  g_free (job->text);
  g_clear_pointer (&job->lines, g_array_unref);
  g_clear_pointer (&job->layouts, g_ptr_array_unref);
  g_clear_pointer (&job->pages, g_array_unref);
  g_free (job);
}

static PangoLayout *
new_layout (GtkPrintContext *context,
            const char      *font_name,
            const char      *text)
{
  PangoLayout *layout = gtk_print_context_create_pango_layout (context);
  PangoFontDescription *font = pango_font_description_from_string (font_name);

  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);
  pango_font_description_free (font);
  return layout;
}

/* Lays out the text a line of it at a time, so that a line indented with
 * spaces ("   Note: …") keeps its indent where it wraps. */
static void
lay_out (PrintJob        *job,
         GtkPrintContext *context,
         double           width)
{
  g_auto(GStrv) paragraphs = g_strsplit (job->text, "\n", -1);
  g_autoptr(PangoLayout) space = new_layout (context, BODY_FONT, " ");
  PangoRectangle space_rect;
  double y = 0;

  pango_layout_get_extents (space, NULL, &space_rect);

  for (guint i = 0; paragraphs[i] != NULL; i++)
    {
      const char *text = paragraphs[i];
      PangoLayout *layout;
      PangoLayoutIter *iter;
      PangoRectangle extents;
      double indent;

      while (*text == ' ')
        text++;
      /* Very deep indents would leave no room: then they are not kept. */
      indent = MIN ((double)(text - paragraphs[i]) * space_rect.width / PANGO_SCALE, width / 2);

      layout = new_layout (context, BODY_FONT, text);
      pango_layout_set_width (layout, (int)((width - indent) * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
      g_ptr_array_add (job->layouts, layout);

      iter = pango_layout_get_iter (layout);
      do
        {
          PangoRectangle logical;
          Line line;

          pango_layout_iter_get_line_extents (iter, NULL, &logical);
          line.line = pango_layout_line_ref (pango_layout_iter_get_line_readonly (iter));
          line.x = indent + (double)logical.x / PANGO_SCALE;
          line.top = y + (double)logical.y / PANGO_SCALE;
          line.height = (double)logical.height / PANGO_SCALE;
          line.baseline = (double)(pango_layout_iter_get_baseline (iter) - logical.y) / PANGO_SCALE;
          g_array_append_val (job->lines, line);
        }
      while (pango_layout_iter_next_line (iter));
      pango_layout_iter_free (iter);

      pango_layout_get_extents (layout, NULL, &extents);
      y += (double)extents.height / PANGO_SCALE;
    }
}

/* Splits the lines into pages of @body_height points. */
static void
paginate (PrintJob *job,
          double    body_height)
{
  Page page = { 0, 0 };

  g_array_set_size (job->pages, 0);
  g_array_append_val (job->pages, page);

  for (guint i = 0; i < job->lines->len; i++)
    {
      const Line *line = &g_array_index (job->lines, Line, i);

      /* A line taller than a whole page still gets a page of its own. */
      if (i > page.first_line && line->top + line->height - page.top > body_height)
        {
          page.first_line = i;
          page.top = line->top;
          g_array_append_val (job->pages, page);
        }
    }
}

static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                PrintJob          *job)
{
  double width = gtk_print_context_get_width (context);
  double height = gtk_print_context_get_height (context);
  g_autoptr(PangoLayout) header = new_layout (context, HEADER_FONT, "Page 1");
  int header_text_height;

  pango_layout_get_pixel_size (header, NULL, &header_text_height);
  /* The header's text, then a rule half a line under it, then a line's gap. */
  job->header_height = header_text_height * 2.2;

  g_array_set_size (job->lines, 0);
  g_ptr_array_set_size (job->layouts, 0);
  lay_out (job, context, width);
  paginate (job, MAX (height - job->header_height, 1.0));
  gtk_print_operation_set_n_pages (operation, (int)job->pages->len);
}

static void
draw_header (PrintJob        *job,
             GtkPrintContext *context,
             cairo_t         *cr,
             int              page_nr)
{
  double width = gtk_print_context_get_width (context);
  g_autofree char *page_text = NULL;
  g_autoptr(PangoLayout) page_layout = NULL;
  g_autoptr(PangoLayout) title_layout = NULL;
  int page_width, text_height;

  /* Translators: in the header of every printed page */
  page_text = g_strdup_printf (_("Page %d of %d"), page_nr + 1, (int)job->pages->len);
  page_layout = new_layout (context, HEADER_FONT, page_text);
  pango_layout_get_pixel_size (page_layout, &page_width, &text_height);

  title_layout = new_layout (context, HEADER_FONT, job->title);
  pango_layout_set_width (title_layout, (int)MAX ((width - page_width - 24) * PANGO_SCALE, 0));
  pango_layout_set_ellipsize (title_layout, PANGO_ELLIPSIZE_END);

  cairo_set_source_rgb (cr, 0.25, 0.25, 0.25);
  cairo_move_to (cr, 0, 0);
  pango_cairo_show_layout (cr, title_layout);
  cairo_move_to (cr, width - page_width, 0);
  pango_cairo_show_layout (cr, page_layout);

  cairo_set_line_width (cr, 0.5);
  cairo_move_to (cr, 0, text_height * 1.4);
  cairo_line_to (cr, width, text_height * 1.4);
  cairo_stroke (cr);
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page_nr,
              PrintJob          *job)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  const Page *page;
  guint end_line;

  g_assert (page_nr >= 0 && (guint)page_nr < job->pages->len);

  draw_header (job, context, cr, page_nr);

  page = &g_array_index (job->pages, Page, page_nr);
  end_line = (guint)page_nr + 1 < job->pages->len ?
             g_array_index (job->pages, Page, page_nr + 1).first_line : job->lines->len;

  cairo_set_source_rgb (cr, 0, 0, 0);
  for (guint i = page->first_line; i < end_line; i++)
    {
      const Line *line = &g_array_index (job->lines, Line, i);

      cairo_move_to (cr, line->x, job->header_height + line->top - page->top + line->baseline);
      pango_cairo_show_layout_line (cr, line->line);
    }
}

/* Kept for the next print dialog in this session: the same printer. */
static GtkPrintSettings *last_settings;

/**
 * sih_print_text:
 * @parent: (nullable): the window the print dialog belongs to
 * @title: shown in the header of every page, and the print job's name
 * @text: the text, printed as it is (line breaks kept, long lines wrapped)
 * @export_pdf_path: (nullable): write a PDF there instead of showing the
 *   print dialog; works without a display
 * @error: why it failed
 *
 * Prints @text, paginated between lines, with a header on every page.
 * Without @export_pdf_path the print dialog is shown (its "Print to File"
 * gives a PDF as well) and this returns once the dialog is done.
 *
 * Returns: %FALSE with @error set when printing or exporting failed;
 *   %TRUE otherwise, also when the person cancelled the dialog
 */
gboolean
sih_print_text (GtkWindow   *parent,
                const char  *title,
                const char  *text,
                const char  *export_pdf_path,
                GError     **error)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GtkPageSetup) page_setup = NULL;
  GtkPrintOperationResult result;
  PrintJob *job;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), FALSE);
  g_return_val_if_fail (title != NULL, FALSE);
  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  job = g_new0 (PrintJob, 1);
  job->title = g_strdup (title);
  /* A trailing line break would only add an empty line, or an empty page. */
  job->text = g_strchomp (g_strdup (text));
  job->lines = g_array_new (FALSE, FALSE, sizeof (Line));
  g_array_set_clear_func (job->lines, (GDestroyNotify)clear_line);
  job->layouts = g_ptr_array_new_with_free_func (g_object_unref);
  job->pages = g_array_new (FALSE, FALSE, sizeof (Page));

  operation = gtk_print_operation_new ();
  g_object_set_data_full (G_OBJECT (operation), "sih-print-job", job,
                          (GDestroyNotify)print_job_free);
  gtk_print_operation_set_job_name (operation, title);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);

  /* The printer's minimal margins are too narrow to read comfortably. */
  page_setup = gtk_page_setup_new ();
  gtk_page_setup_set_top_margin (page_setup, MARGIN_MM, GTK_UNIT_MM);
  gtk_page_setup_set_bottom_margin (page_setup, MARGIN_MM, GTK_UNIT_MM);
  gtk_page_setup_set_left_margin (page_setup, MARGIN_MM, GTK_UNIT_MM);
  gtk_page_setup_set_right_margin (page_setup, MARGIN_MM, GTK_UNIT_MM);
  gtk_print_operation_set_default_page_setup (operation, page_setup);

  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print_cb), job);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), job);

  if (export_pdf_path != NULL)
    {
      gtk_print_operation_set_export_filename (operation, export_pdf_path);
      result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, error);
    }
  else
    {
      if (last_settings != NULL)
        gtk_print_operation_set_print_settings (operation, last_settings);
      result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                        parent, error);
      if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
        g_set_object (&last_settings, gtk_print_operation_get_print_settings (operation));
    }

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, GTK_PRINT_ERROR, GTK_PRINT_ERROR_GENERAL,
                     _("Printing “%s” failed"), title);
      return FALSE;
    }

  return TRUE;
}

/**
 * sih_print_checklist:
 * @parent: (nullable): the window the print dialog belongs to
 * @pack: the pack
 * @cause: one of its causes
 *
 * Prints the cause's steps with empty boxes and room for notes, for
 * people who want it on paper or will read it out to a caller.  Errors
 * are shown in a dialog.
 */
void
sih_print_checklist (GtkWindow *parent,
                     SihPack   *pack,
                     SihCause  *cause)
{
  g_autofree char *text = NULL;
  g_autofree char *title = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (SIH_IS_PACK (pack));
  g_return_if_fail (SIH_IS_CAUSE (cause));

  text = sih_summary_blank_checklist (pack, cause, SIH_SUMMARY_FORMAT_TEXT);
  /* Translators: the header of a printed checklist; %s is the cause */
  title = g_strdup_printf (_("Checklist: %s"), sih_cause_get_title (cause));
  if (!sih_print_text (parent, title, text, NULL, &error))
    sih_show_error_dialog (GTK_WIDGET (parent), _("Could Not Print"), error->message);
}
