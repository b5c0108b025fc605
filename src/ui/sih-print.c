/* sih-print.c
 *
 * Prints plain text with GtkPrintOperation, or exports it as PDF.  The
 * text is laid out once with Pango at the page width and split into pages
 * between lines, so that no line is ever cut in half; every page has a
 * header with the title and "Page N of M".
 *
 * Exporting (GTK_PRINT_OPERATION_ACTION_EXPORT) needs neither a display
 * nor gtk_init(): the command line and the tests use it headless.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "sih-print.h"
#include "sih-summary.h"

/* Fontconfig takes the first family that has a glyph: the Japanese Noto
 * font (fonts-noto-cjk) first, so that kanji get their Japanese forms. */
#define BODY_FONT   "Noto Sans CJK JP, Noto Sans, Sans 10.5"
#define HEADER_FONT "Noto Sans CJK JP, Noto Sans, Sans 8.5"
#define MARGIN_MM   18.0

typedef struct
{
  int first_line;  /* index of the page's first line in the layout */
  int top;         /* its top in the layout, in Pango units */
} Page;

typedef struct
{
  char        *title;
  char        *text;
  PangoLayout *layout;
  double       header_height;  /* header and the gap under it, in points */
  GArray      *pages;          /* Page */
} PrintJob;

static void
print_job_free (PrintJob *job)
{
  g_free (job->title);
  g_free (job->text);
  g_clear_object (&job->layout);
  g_clear_pointer (&job->pages, g_array_unref);
  g_free (job);
}

static PangoLayout *
header_layout (GtkPrintContext *context,
               const char      *text)
{
  PangoLayout *layout = gtk_print_context_create_pango_layout (context);
  PangoFontDescription *font = pango_font_description_from_string (HEADER_FONT);

  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);
  pango_font_description_free (font);
  return layout;
}

/* Splits the laid-out text into pages of @body_height points. */
static void
paginate (PrintJob *job,
          double    body_height)
{
  PangoLayoutIter *iter = pango_layout_get_iter (job->layout);
  Page page = { 0, 0 };
  int line = 0;

  g_array_set_size (job->pages, 0);
  g_array_append_val (job->pages, page);

  do
    {
      PangoRectangle logical;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      /* A line taller than a whole page still gets a page of its own. */
      if (line > page.first_line &&
          (double)(logical.y + logical.height - page.top) / PANGO_SCALE > body_height)
        {
          page.first_line = line;
          page.top = logical.y;
          g_array_append_val (job->pages, page);
        }
      line++;
    }
  while (pango_layout_iter_next_line (iter));

  pango_layout_iter_free (iter);
}

static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                PrintJob          *job)
{
  double width = gtk_print_context_get_width (context);
  double height = gtk_print_context_get_height (context);
  PangoFontDescription *font = pango_font_description_from_string (BODY_FONT);
  g_autoptr(PangoLayout) header = header_layout (context, "Page 1");
  int header_text_height;

  pango_layout_get_pixel_size (header, NULL, &header_text_height);
  /* The header's text, then a rule half a line under it, then a line's gap. */
  job->header_height = header_text_height * 2.2;

  job->layout = gtk_print_context_create_pango_layout (context);
  pango_layout_set_font_description (job->layout, font);
  pango_layout_set_width (job->layout, (int)(width * PANGO_SCALE));
  pango_layout_set_wrap (job->layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (job->layout, job->text, -1);
  pango_font_description_free (font);

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
  page_layout = header_layout (context, page_text);
  pango_layout_get_pixel_size (page_layout, &page_width, &text_height);

  title_layout = header_layout (context, job->title);
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
  int end_line;
  PangoLayoutIter *iter;
  int line = 0;

  g_assert (page_nr >= 0 && (guint)page_nr < job->pages->len);

  draw_header (job, context, cr, page_nr);

  page = &g_array_index (job->pages, Page, page_nr);
  end_line = (guint)page_nr + 1 < job->pages->len ?
             g_array_index (job->pages, Page, page_nr + 1).first_line : G_MAXINT;

  cairo_set_source_rgb (cr, 0, 0, 0);
  iter = pango_layout_get_iter (job->layout);
  do
    {
      PangoRectangle logical;
      int baseline;

      if (line >= end_line)
        break;
      if (line >= page->first_line)
        {
          pango_layout_iter_get_line_extents (iter, NULL, &logical);
          baseline = pango_layout_iter_get_baseline (iter);
          cairo_move_to (cr, (double)logical.x / PANGO_SCALE,
                         job->header_height + (double)(baseline - page->top) / PANGO_SCALE);
          pango_cairo_show_layout_line (cr, pango_layout_iter_get_line_readonly (iter));
        }
      line++;
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
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

static void
show_print_error (GtkWindow    *parent,
                  const GError *error)
{
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (parent, _("Could Not Print"), error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
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
    show_print_error (parent, error);
}
