/* sih-print.c
 *
 * Prints a summary or a checklist with GtkPrintOperation, or exports it
 * as PDF.  The core gives the document as blocks (headings, paragraphs,
 * list items, the error message verbatim); each is laid out with Pango in
 * the style the styles[] table gives its kind: headings bold and larger,
 * items with a bullet, a number or a box and a hanging indent, the message
 * in a fixed-width font on a grey band.  Pages break between lines, never
 * inside one, and never right after a heading; every page has a header
 * with the title and "Page N of M".
 *
 * Every PDF is private to the user (0600) from the moment it exists: an
 * export is written to a private temporary file beside the target and
 * renamed over it; for "Print to File" the target is made private before
 * GTK writes it, as GIO keeps a file's mode when it replaces it.
 *
 * An export draws the same pages on a cairo PDF surface of its own, not
 * through GtkPrintOperation's export: GTK writes that with stdio and
 * ignores the surface's error, so a full disk gave an empty PDF and no
 * error.  Our surface writes through write_cb, which keeps errno.  It
 * needs neither a display nor gtk_init(): the command line and the tests
 * use it headless.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <cairo-pdf.h>
#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ui/sih-print.h"
#include "ui/sih-dialogs.h"
#include "ui/sih-export.h"
#include "core/sih-summary.h"

/* Fontconfig takes the first family that has a glyph: the Japanese Noto
 * font (fonts-noto-cjk) first, so that kanji get their Japanese forms. */
#define SANS        "Noto Sans CJK JP, Noto Sans, Sans"
#define MONO        "Noto Sans Mono CJK JP, DejaVu Sans Mono, Monospace"
#define HEADER_FONT SANS " 8.5"
#define MARGIN_MM   18.0
#define LIST_INDENT 18.0  /* points from the margin to an item's text */
#define MARKER_GAP  5.0   /* points between a marker and the item's text */

/* How a kind of block is laid out: one row each. */
typedef struct
{
  const char *font;
  double      space_before;   /* points; blocks are as far apart as the larger of */
  double      space_after;    /* the one's space after and the next's before */
  double      indent;         /* points from the margin to the text */
  gboolean    keep_with_next; /* never the last thing on a page */
  gboolean    shaded;         /* on a grey band */
} BlockStyle;

static const BlockStyle styles[] = {
  [SIH_SUMMARY_BLOCK_HEADING] = { SANS " Bold 12.5", 16, 5, 0, TRUE, FALSE },
  [SIH_SUMMARY_BLOCK_PARAGRAPH] = { SANS " 10.5", 6, 6, 0, FALSE, FALSE },
  [SIH_SUMMARY_BLOCK_ITEM] = { SANS " 10.5", 3, 3, LIST_INDENT, FALSE, FALSE },
  [SIH_SUMMARY_BLOCK_NUMBERED] = { SANS " 10.5", 3, 3, LIST_INDENT, FALSE, FALSE },
  [SIH_SUMMARY_BLOCK_CHECKBOX] = { SANS " 10.5", 5, 5, LIST_INDENT, FALSE, FALSE },
  [SIH_SUMMARY_BLOCK_VERBATIM] = { MONO " 9.5", 6, 8, 8, FALSE, TRUE },
};

/* A heading of level 1: the document's title. */
static const BlockStyle title_style = { SANS " Bold 17", 0, 8, 0, TRUE, FALSE };

/* One line as printed: lines are never cut, pages break between them. */
typedef struct
{
  PangoLayoutLine *line;
  PangoLayoutLine *marker;     /* an item's bullet, number or box, on its first line */
  double           x;          /* from the left margin, in points */
  double           marker_x;
  double           top;        /* from the top of the text, in points */
  double           height;
  double           baseline;   /* from the line's top */
  gboolean         keep_with_next;
  gboolean         shaded;
  double           shade_x;
} Line;

typedef struct
{
  guint  first_line;  /* index in PrintJob.lines */
  double top;         /* that line's top */
} Page;

typedef struct
{
  char        *title;
  GPtrArray   *blocks;         /* SihSummaryBlock */
  PangoContext *pango;         /* what the layouts are made with */
  char        *protected_path; /* "Print to File" made this file private: NULL when not */
  gboolean     previewing;     /* only shown on screen: no file is written */
  double       header_height;  /* header and the gap under it, in points */
  GPtrArray   *layouts;        /* PangoLayout: a line needs its layout to be drawn */
  GArray      *lines;          /* Line */
  GArray      *pages;          /* Page */
} PrintJob;

static void
clear_line (Line *line)
{
  g_clear_pointer (&line->line, pango_layout_line_unref);
  g_clear_pointer (&line->marker, pango_layout_line_unref);
}

static void
print_job_free (PrintJob *job)
{
  g_free (job->title);
  g_free (job->protected_path);
  g_clear_pointer (&job->blocks, g_ptr_array_unref);
  g_clear_pointer (&job->lines, g_array_unref);
  g_clear_pointer (&job->layouts, g_ptr_array_unref);
  g_clear_pointer (&job->pages, g_array_unref);
  g_clear_object (&job->pango);
  g_free (job);
}

static PangoLayout *
new_layout (PrintJob   *job,
            const char *font_name,
            const char *text)
{
  PangoLayout *layout = pango_layout_new (job->pango);
  PangoFontDescription *font = pango_font_description_from_string (font_name);

  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);
  pango_font_description_free (font);
  return layout;
}

/* The core's markup is well formed; were it ever not, the text is still
 * printed, tags and all, rather than nothing. */
static void
set_markup (PangoLayout *layout,
            const char  *markup)
{
  PangoAttrList *attrs = NULL;
  g_autofree char *text = NULL;

  if (pango_parse_markup (markup, -1, 0, &attrs, &text, NULL, NULL))
    {
      pango_layout_set_text (layout, text, -1);
      pango_layout_set_attributes (layout, attrs);
      pango_attr_list_unref (attrs);
    }
  else
    pango_layout_set_text (layout, markup, -1);
}

static const BlockStyle *
style_for (const SihSummaryBlock *block)
{
  if (block->kind == SIH_SUMMARY_BLOCK_HEADING && block->level <= 1)
    return &title_style;
  g_return_val_if_fail ((guint)block->kind < G_N_ELEMENTS (styles), &styles[SIH_SUMMARY_BLOCK_PARAGRAPH]);
  return &styles[block->kind];
}

/* What stands before an item's text: NULL for other blocks. */
static const char *
marker_text (const SihSummaryBlock *block)
{
  switch (block->kind)
    {
    case SIH_SUMMARY_BLOCK_ITEM:
      return "•";
    case SIH_SUMMARY_BLOCK_NUMBERED:
      return block->marker;
    case SIH_SUMMARY_BLOCK_CHECKBOX:
      return block->checked ? "☑" : "☐";
    case SIH_SUMMARY_BLOCK_HEADING:
    case SIH_SUMMARY_BLOCK_PARAGRAPH:
    case SIH_SUMMARY_BLOCK_VERBATIM:
    default:
      return NULL;
    }
}

/* Lays out the blocks, one under the other, in lines. */
static void
lay_out (PrintJob *job,
         double    width)
{
  const BlockStyle *previous = NULL;
  double y = 0;

  for (guint i = 0; i < job->blocks->len; i++)
    {
      const SihSummaryBlock *block = g_ptr_array_index (job->blocks, i);
      const BlockStyle *style = style_for (block);
      const char *marker = marker_text (block);
      double indent = MIN (style->indent, width / 2);
      g_autoptr(PangoLayout) marker_layout = NULL;
      PangoLayout *layout;
      PangoLayoutIter *iter;
      PangoRectangle extents;
      double marker_x = 0;
      gboolean first = TRUE;

      if (previous != NULL)
        y += MAX (previous->space_after, style->space_before);
      previous = style;

      layout = new_layout (job, style->font, "");
      set_markup (layout, block->markup);
      pango_layout_set_width (layout, (int)((width - indent) * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
      g_ptr_array_add (job->layouts, layout);

      if (marker != NULL)
        {
          int marker_width;

          /* Right-aligned against the text: "9." and "10." line up. */
          marker_layout = new_layout (job, style->font, marker);
          pango_layout_get_pixel_size (marker_layout, &marker_width, NULL);
          marker_x = MAX (indent - MARKER_GAP - marker_width, 0);
        }

      iter = pango_layout_get_iter (layout);
      do
        {
          PangoRectangle logical;
          Line line = { 0 };

          pango_layout_iter_get_line_extents (iter, NULL, &logical);
          line.line = pango_layout_line_ref (pango_layout_iter_get_line_readonly (iter));
          line.x = indent + (double)logical.x / PANGO_SCALE;
          line.top = y + (double)logical.y / PANGO_SCALE;
          line.height = (double)logical.height / PANGO_SCALE;
          line.baseline = (double)(pango_layout_iter_get_baseline (iter) - logical.y) / PANGO_SCALE;
          line.keep_with_next = style->keep_with_next;
          line.shaded = style->shaded;
          line.shade_x = MAX (indent - 6, 0);
          if (first && marker_layout != NULL)
            {
              line.marker = pango_layout_line_ref (pango_layout_get_line_readonly (marker_layout, 0));
              line.marker_x = marker_x;
              g_ptr_array_add (job->layouts, g_object_ref (marker_layout));
            }
          first = FALSE;
          g_array_append_val (job->lines, line);
        }
      while (pango_layout_iter_next_line (iter));
      pango_layout_iter_free (iter);

      pango_layout_get_extents (layout, NULL, &extents);
      y += (double)extents.height / PANGO_SCALE;
    }
}

static gboolean
fits (const Line *line,
      const Page *page,
      double      body_height)
{
  return line->top + line->height - page->top <= body_height;
}

/* Splits the lines into pages of @body_height points.  A heading goes
 * over to the next page when the line after it would not fit under it. */
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
      gboolean fit = fits (line, &page, body_height);

      if (fit && line->keep_with_next)
        {
          guint next = i;

          /* Past a heading (or two in a row) to what it heads. */
          while (next < job->lines->len && g_array_index (job->lines, Line, next).keep_with_next)
            next++;
          if (next < job->lines->len)
            fit = fits (&g_array_index (job->lines, Line, next), &page, body_height);
        }

      /* A line taller than a whole page, or a heading with what it heads,
       * still gets a page of its own. */
      if (!fit && i > page.first_line)
        {
          page.first_line = i;
          page.top = line->top;
          g_array_append_val (job->pages, page);
        }
    }
}

/* The title in the PDF's properties, where a file manager or a PDF
 * viewer shows it. */
static void
set_pdf_title (PrintJob        *job,
               cairo_surface_t *surface)
{
  if (cairo_surface_get_type (surface) != CAIRO_SURFACE_TYPE_PDF)
    return;
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, job->title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Sign-in Helper");
}

/* "Print to File" writes where the settings say once all pages are drawn,
 * through g_file_replace(), which keeps the mode of a file it replaces:
 * so the file is made private before, never after. */
static void
protect_output_file (PrintJob          *job,
                     GtkPrintOperation *operation)
{
  GtkPrintSettings *settings = gtk_print_operation_get_print_settings (operation);
  const char *uri;
  g_autofree char *path = NULL;
  int fd;

  if (settings == NULL || job->previewing)
    return;
  /* The only printer that writes to output-uri; its name is GTK's own. */
  if (g_strcmp0 (gtk_print_settings_get_printer (settings), g_dgettext ("gtk40", "Print to File")) != 0)
    return;
  uri = gtk_print_settings_get (settings, GTK_PRINT_SETTINGS_OUTPUT_URI);
  path = uri != NULL ? g_filename_from_uri (uri, NULL, NULL) : NULL;
  if (path == NULL)
    return;

  fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
  if (fd >= 0)
    job->protected_path = g_strdup (path);
  else if (errno == EEXIST)
    fd = g_open (path, O_WRONLY | O_NOFOLLOW | O_CLOEXEC, 0);
  if (fd < 0)
    return;
  if (fchmod (fd, 0600) != 0)
    g_debug ("Could not make %s private: %s", path, g_strerror (errno));
  g_close (fd, NULL);
}

/* GTK's own preview: the pages are shown, not written to the file. */
static gboolean
preview_cb (GtkPrintOperation        *operation,
            GtkPrintOperationPreview *preview,
            GtkPrintContext          *context,
            GtkWindow                *parent,
            PrintJob                 *job)
{
  job->previewing = TRUE;
  return FALSE;
}

/* Lays the blocks out on pages of @width by @height points, the margins
 * taken off. */
static void
prepare_pages (PrintJob *job,
               double    width,
               double    height)
{
  g_autoptr(PangoLayout) header = new_layout (job, HEADER_FONT, "Page 1");
  int header_text_height;

  pango_layout_get_pixel_size (header, NULL, &header_text_height);
  /* The header's text, then a rule half a line under it, then a line's gap. */
  job->header_height = header_text_height * 2.2;

  g_array_set_size (job->lines, 0);
  g_ptr_array_set_size (job->layouts, 0);
  lay_out (job, width);
  paginate (job, MAX (height - job->header_height, 1.0));
}

static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                PrintJob          *job)
{
  protect_output_file (job, operation);
  set_pdf_title (job, cairo_get_target (gtk_print_context_get_cairo_context (context)));

  g_clear_object (&job->pango);
  /* What gtk_print_context_create_pango_layout() makes its layouts with. */
  job->pango = gtk_print_context_create_pango_context (context);
  pango_cairo_update_context (gtk_print_context_get_cairo_context (context), job->pango);
  prepare_pages (job, gtk_print_context_get_width (context), gtk_print_context_get_height (context));
  gtk_print_operation_set_n_pages (operation, (int)job->pages->len);
}

static void
draw_header (PrintJob *job,
             cairo_t  *cr,
             double    width,
             int       page_nr)
{
  g_autofree char *page_text = NULL;
  g_autoptr(PangoLayout) page_layout = NULL;
  g_autoptr(PangoLayout) title_layout = NULL;
  int page_width, text_height;

  /* Translators: in the header of every printed page */
  page_text = g_strdup_printf (_("Page %d of %d"), page_nr + 1, (int)job->pages->len);
  page_layout = new_layout (job, HEADER_FONT, page_text);
  pango_layout_get_pixel_size (page_layout, &page_width, &text_height);

  title_layout = new_layout (job, HEADER_FONT, job->title);
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

/* Draws page @page_nr with its top left corner, inside the margins, at
 * the origin of @cr. */
static void
draw_page (PrintJob *job,
           cairo_t  *cr,
           double    width,
           int       page_nr)
{
  const Page *page;
  guint end_line;

  g_assert (page_nr >= 0 && (guint)page_nr < job->pages->len);

  draw_header (job, cr, width, page_nr);

  page = &g_array_index (job->pages, Page, page_nr);
  end_line = (guint)page_nr + 1 < job->pages->len ?
             g_array_index (job->pages, Page, page_nr + 1).first_line : job->lines->len;

  for (guint i = page->first_line; i < end_line; i++)
    {
      const Line *line = &g_array_index (job->lines, Line, i);
      double top = job->header_height + line->top - page->top;

      if (line->shaded)
        {
          cairo_set_source_rgb (cr, 0.93, 0.93, 0.93);
          cairo_rectangle (cr, line->shade_x, top, width - line->shade_x, line->height);
          cairo_fill (cr);
        }

      cairo_set_source_rgb (cr, 0, 0, 0);
      if (line->marker != NULL)
        {
          cairo_move_to (cr, line->marker_x, top + line->baseline);
          pango_cairo_show_layout_line (cr, line->marker);
        }
      cairo_move_to (cr, line->x, top + line->baseline);
      pango_cairo_show_layout_line (cr, line->line);
    }
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page_nr,
              PrintJob          *job)
{
  draw_page (job, gtk_print_context_get_cairo_context (context),
             gtk_print_context_get_width (context), page_nr);
}

/* Where an export's bytes go: the temporary file, and the first error. */
typedef struct
{
  int fd;
  int saved_errno;
} Sink;

static cairo_status_t
write_cb (void                *closure,
          const unsigned char *data,
          unsigned int         length)
{
  Sink *sink = closure;

  if (sink->saved_errno == 0)
    sink->saved_errno = sih_export_temp_write (sink->fd, data, length);
  return sink->saved_errno == 0 ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR;
}

/* Draws every page on a PDF surface that writes to @sink, as GTK's export
 * lays a page out: the paper of @page_setup, the origin at its margins,
 * text measured in points.  Returns cairo's verdict; @sink says why a
 * write failed. */
static cairo_status_t
render_pdf (PrintJob     *job,
            GtkPageSetup *page_setup,
            Sink         *sink)
{
  double paper_width = gtk_page_setup_get_paper_width (page_setup, GTK_UNIT_POINTS);
  double paper_height = gtk_page_setup_get_paper_height (page_setup, GTK_UNIT_POINTS);
  double left = gtk_page_setup_get_left_margin (page_setup, GTK_UNIT_POINTS);
  double top = gtk_page_setup_get_top_margin (page_setup, GTK_UNIT_POINTS);
  double width = gtk_page_setup_get_page_width (page_setup, GTK_UNIT_POINTS);
  cairo_surface_t *surface;
  cairo_font_options_t *options;
  cairo_status_t status;
  cairo_t *cr;

  surface = cairo_pdf_surface_create_for_stream (write_cb, sink, paper_width, paper_height);
  set_pdf_title (job, surface);
  cr = cairo_create (surface);

  g_clear_object (&job->pango);
  job->pango = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  pango_cairo_context_set_font_options (job->pango, options);
  cairo_font_options_destroy (options);
  pango_cairo_context_set_resolution (job->pango, 72);
  pango_cairo_update_context (cr, job->pango);

  prepare_pages (job, width, gtk_page_setup_get_page_height (page_setup, GTK_UNIT_POINTS));
  for (guint i = 0; i < job->pages->len && cairo_status (cr) == CAIRO_STATUS_SUCCESS; i++)
    {
      cairo_save (cr);
      cairo_translate (cr, left, top);
      draw_page (job, cr, width, (int)i);
      cairo_restore (cr);
      cairo_show_page (cr);
    }

  status = cairo_status (cr);
  cairo_destroy (cr);
  /* The last of the file is written here, so its errors count too. */
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  return status;
}

/* Exports to a private temporary file beside @path, then puts it in
 * place: the PDF is never readable by others, and never half written.
 * When anything fails the temporary file goes and @path is as it was. */
static gboolean
export_pdf (PrintJob      *job,
            GtkPageSetup  *page_setup,
            const char    *path,
            GError       **error)
{
  g_autofree char *temp = NULL;
  cairo_status_t status;
  Sink sink = { -1, 0 };

  sink.fd = sih_export_temp_open (path, &temp, error);
  if (sink.fd < 0)
    return FALSE;

  status = render_pdf (job, page_setup, &sink);
  if (sink.saved_errno == 0 && status != CAIRO_STATUS_SUCCESS)
    {
      /* Not the file's fault: out of memory, say. */
      g_autofree char *display = g_filename_display_name (path);

      sih_export_temp_discard (sink.fd, temp);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s: %s", display,
                   cairo_status_to_string (status));
      return FALSE;
    }
  return sih_export_temp_commit (sink.fd, temp, path, sink.saved_errno, error);
}

/* Kept for the next print dialog in this session: the same printer. */
static GtkPrintSettings *last_settings;

/* The settings the dialog starts with: the last ones, with "Print to
 * File" suggesting @file_name in the folder used last, or in Documents. */
static GtkPrintSettings *
dialog_settings (const char *file_name)
{
  GtkPrintSettings *settings = last_settings != NULL ? gtk_print_settings_copy (last_settings) :
                                                       gtk_print_settings_new ();
  const char *last_uri = gtk_print_settings_get (settings, GTK_PRINT_SETTINGS_OUTPUT_URI);
  const char *format = gtk_print_settings_get (settings, GTK_PRINT_SETTINGS_OUTPUT_FILE_FORMAT);
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *name = NULL;
  g_autofree char *uri = NULL;

  if (file_name == NULL)
    return settings;

  if (last_uri != NULL)
    {
      g_autoptr(GFile) last = g_file_new_for_uri (last_uri);

      folder = g_file_get_parent (last);
      if (folder != NULL && g_file_query_file_type (folder, G_FILE_QUERY_INFO_NONE, NULL) !=
                            G_FILE_TYPE_DIRECTORY)
        g_clear_object (&folder);
    }
  if (folder == NULL)
    folder = sih_export_default_folder ();

  name = g_strdup_printf ("%s.%s", file_name, format != NULL ? format : "pdf");
  file = g_file_get_child (folder, name);
  uri = g_file_get_uri (file);
  gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_URI, uri);
  gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_BASENAME, file_name);
  return settings;
}

/**
 * sih_print_blocks:
 * @parent: (nullable): the window the print dialog belongs to
 * @title: shown in the header of every page; the print job's name and
 *   the PDF's title
 * @file_name: (nullable): what "Print to File" suggests calling the file,
 *   without an extension; made safe with sih_export_safe_file_name()
 * @blocks: (element-type SihSummaryBlock): what to print
 * @export_pdf_path: (nullable): write a PDF there instead of showing the
 *   print dialog; works without a display
 * @error: why it failed
 *
 * Prints @blocks laid out, paginated between lines, with a header on
 * every page.  Without @export_pdf_path the print dialog is shown (its
 * "Print to File" gives a PDF as well) and this returns once the dialog
 * is done and the file, if any, is written.
 *
 * Returns: %FALSE with @error set when printing or exporting failed;
 *   %TRUE otherwise, also when the person cancelled the dialog
 */
gboolean
sih_print_blocks (GtkWindow   *parent,
                  const char  *title,
                  const char  *file_name,
                  GPtrArray   *blocks,
                  const char  *export_pdf_path,
                  GError     **error)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GtkPageSetup) page_setup = NULL;
  GtkPrintOperationResult result;
  PrintJob *job;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), FALSE);
  g_return_val_if_fail (title != NULL, FALSE);
  g_return_val_if_fail (blocks != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  job = g_new0 (PrintJob, 1);
  job->title = g_strdup (title);
  job->blocks = g_ptr_array_ref (blocks);
  job->lines = g_array_new (FALSE, FALSE, sizeof (Line));
  g_array_set_clear_func (job->lines, (GDestroyNotify)clear_line);
  job->layouts = g_ptr_array_new_with_free_func (g_object_unref);
  job->pages = g_array_new (FALSE, FALSE, sizeof (Page));

  /* The printer's minimal margins are too narrow to read comfortably. */
  page_setup = gtk_page_setup_new ();
  gtk_page_setup_set_top_margin (page_setup, MARGIN_MM, GTK_UNIT_MM);
  gtk_page_setup_set_bottom_margin (page_setup, MARGIN_MM, GTK_UNIT_MM);
  gtk_page_setup_set_left_margin (page_setup, MARGIN_MM, GTK_UNIT_MM);
  gtk_page_setup_set_right_margin (page_setup, MARGIN_MM, GTK_UNIT_MM);

  if (export_pdf_path != NULL)
    {
      gboolean ok = export_pdf (job, page_setup, export_pdf_path, error);

      print_job_free (job);
      return ok;
    }

  operation = gtk_print_operation_new ();
  g_object_set_data_full (G_OBJECT (operation), "sih-print-job", job,
                          (GDestroyNotify)print_job_free);
  gtk_print_operation_set_job_name (operation, title);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  gtk_print_operation_set_default_page_setup (operation, page_setup);

  g_signal_connect (operation, "preview", G_CALLBACK (preview_cb), job);
  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print_cb), job);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), job);

  {
    g_autoptr(GtkPrintSettings) settings = dialog_settings (file_name);

    gtk_print_operation_set_print_settings (operation, settings);
  }
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                    parent, error);
  if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    g_set_object (&last_settings, gtk_print_operation_get_print_settings (operation));

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      GStatBuf st;

      /* An empty file made private for output that never came. */
      if (job->protected_path != NULL && g_stat (job->protected_path, &st) == 0 && st.st_size == 0)
        g_unlink (job->protected_path);
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
  g_autoptr(GPtrArray) blocks = NULL;
  g_autofree char *title = NULL;
  g_autofree char *file_name = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (SIH_IS_PACK (pack));
  g_return_if_fail (SIH_IS_CAUSE (cause));

  blocks = sih_summary_blank_checklist_blocks (pack, cause);
  /* Translators: the header of a printed checklist; %s is the cause */
  title = g_strdup_printf (_("Checklist: %s"), sih_cause_get_title (cause));
  file_name = sih_export_safe_file_name (title);
  if (!sih_print_blocks (parent, title, file_name, blocks, NULL, &error))
    sih_show_error_dialog (GTK_WIDGET (parent), _("Could Not Print"), error->message);
}
