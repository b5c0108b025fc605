/* test-print.c: summaries exported as PDF, without a display
 *
 * GtkPrintOperation's export needs neither a display nor gtk_init(): this
 * test never initialises GTK, as `signin-helper --export-summary` does
 * not.  The PDFs are read back with poppler's pdfinfo, pdffonts and
 * pdftotext; the tests skip when those are not installed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>

#include "ui/sih-export.h"
#include "ui/sih-print.h"
#include "core/sih-summary.h"
#include "sih-test-files.h"
#include "sih-test-locale.h"

#define EMAIL        "taro.yamada@example.co.jp"
#define MASKED_EMAIL "t***@e***.co.jp"

static gboolean
have_poppler (void)
{
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autofree char *pdfinfo = g_find_program_in_path ("pdfinfo");

  if (pdftotext == NULL || pdfinfo == NULL)
    {
      g_test_skip ("pdftotext and pdfinfo (poppler-utils) are needed");
      return FALSE;
    }
  return TRUE;
}

/* A poppler tool's output; test-print needs poppler-utils. */
static char *
run_tool (const char *program,
          const char *options,
          const char *path)
{
  char *out = sih_test_run_poppler (program, options, path);

  g_assert_nonnull (out);
  return out;
}

static char *
run (const char *program,
     const char *path)
{
  return run_tool (program, NULL, path);
}

static guint
count_pages (const char *path)
{
  g_autofree char *info = run ("pdfinfo", path);
  const char *pages = strstr (info, "Pages:");

  g_assert_nonnull (pages);
  return (guint)g_ascii_strtoull (pages + strlen ("Pages:"), NULL, 10);
}

/* The PDF's title, from its properties. */
static char *
pdf_title (const char *path)
{
  g_autofree char *info = run ("pdfinfo", path);
  const char *title = strstr (info, "Title:");

  g_assert_nonnull (title);
  title += strlen ("Title:");
  while (*title == ' ')
    title++;
  return g_strndup (title, strcspn (title, "\n"));
}

/* Without white space: a line may wrap anywhere on paper, also between
 * two Japanese characters. */
static char *
squash (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      g_string_append_unichar (out, g_utf8_get_char (p));
  return g_string_free (out, FALSE);
}

static void
assert_contains (const char *text,
                 const char *needle)
{
  g_autofree char *squashed_text = squash (text);
  g_autofree char *squashed_needle = squash (needle);

  if (strstr (squashed_text, squashed_needle) == NULL)
    g_error ("“%s” is not in the PDF's text:\n%s", needle, text);
}

/* Whether @line, trimmed, is one of the PDF's lines. */
static gboolean
has_line (const char *text,
          const char *line)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_equal (g_strstrip (lines[i]), line))
      return TRUE;
  return FALSE;
}

/* Laid out, not the text or Markdown source: headings on lines of their
 * own, and none of the formats' marks. */
static void
assert_laid_out (const char *pdf_text,
                 GPtrArray  *blocks)
{
  g_auto(GStrv) lines = g_strsplit (pdf_text, "\n", -1);

  for (guint i = 0; i < blocks->len; i++)
    {
      const SihSummaryBlock *block = g_ptr_array_index (blocks, i);

      if (block->kind == SIH_SUMMARY_BLOCK_HEADING && !has_line (pdf_text, block->markup))
        g_error ("The heading “%s” is not a line of the PDF:\n%s", block->markup, pdf_text);
    }

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = g_strstrip (lines[i]);
      gboolean underline = *line != '\0' && strspn (line, "=") == strlen (line);

      underline = underline || (strlen (line) > 2 && strspn (line, "-") == strlen (line));
      if (underline)
        g_error ("An underline in the PDF: “%s”", line);
      g_assert_false (g_str_has_prefix (line, "#"));
      g_assert_false (g_str_has_prefix (line, "- "));
      g_assert_false (g_str_has_prefix (line, "[x]"));
      g_assert_false (g_str_has_prefix (line, "```"));
      g_assert_null (strstr (line, "**:"));
      g_assert_null (strstr (line, "\\"));
    }
}

static void
assert_private (const char *path)
{
  GStatBuf st;

  g_assert_no_errno (g_stat (path, &st));
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
}

static GDateTime *
fixed_now (void)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_offset (9 * 3600);

  return g_date_time_new (tz, 2026, 11, 25, 19, 30, 0);
}

/* Tried two steps of a cause of the bundled pack, with an e-mail address
 * in a note. */
static SihCase *
make_case (SihPack *pack)
{
  SihCase *kase = sih_case_new (sih_pack_get_id (pack), sih_pack_get_version (pack));

  sih_case_set_cause_id (kase, "code-not-arriving");
  sih_case_set_outcome (kase, "code-not-arriving", "wait-then-newest", SIH_OUTCOME_FAILED);
  sih_case_set_note (kase, "code-not-arriving", "wait-then-newest",
                     "The code was sent to " EMAIL " twice");
  sih_case_set_outcome (kase, "code-not-arriving", "check-mail-folders", SIH_OUTCOME_WORKED);
  sih_case_set_detail (kase, SIH_DETAIL_ERROR_MESSAGE, "There was a problem");
  return kase;
}

/* Exports @blocks to a new folder, as a PDF private to the user. */
static char *
export (const char *title,
        GPtrArray  *blocks)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("sih-print-XXXXXX", &error);
  char *path;

  g_assert_no_error (error);
  path = g_build_filename (dir, "summary.pdf", NULL);
  g_assert_true (sih_print_blocks (NULL, title, NULL, blocks, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  assert_private (path);
  return path;
}

/* Removes the PDF and its folder, which must hold nothing else: no
 * temporary file is left behind. */
static void
remove_export (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);

  g_assert_no_errno (g_remove (path));
  g_assert_no_errno (g_rmdir (dir));
}

static GPtrArray *
summary_blocks (SihPack          *pack,
                SihCase          *kase,
                SihSummaryFormat  format)
{
  g_autoptr(SihDeviceInfo) device = sih_export_collect_device_info (pack);
  g_autoptr(GDateTime) now = fixed_now ();
  SihSummaryOptions options;

  sih_summary_options_init (&options);
  options.format = format;
  return sih_summary_format_blocks (kase, pack, device, now, &options);
}

static SihSummaryBlock *
new_block (SihSummaryBlockKind  kind,
           guint                level,
           const char          *markup)
{
  SihSummaryBlock *block = g_new0 (SihSummaryBlock, 1);

  block->kind = kind;
  block->level = level;
  block->markup = g_strdup (markup);
  return block;
}

static GPtrArray *
new_blocks (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify)sih_summary_block_free);
}

static void
test_print_summary_pdf (void)
{
  g_autoptr(SihPack) pack = NULL;
  g_autoptr(SihCase) kase = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) blocks = NULL;
  g_autofree char *path = NULL;
  g_autofree char *pdf_text = NULL;
  g_autofree char *title = NULL;
  g_autofree char *pdf_title_text = NULL;
  SihCause *cause;

  if (!have_poppler ())
    return;

  sih_test_use_language ("en");
  pack = sih_pack_new_bundled (&error);
  g_assert_no_error (error);
  kase = make_case (pack);
  sih_case_set_title (kase, "Ref 4711");
  title = sih_export_document_title (kase);
  g_assert_cmpstr (title, ==, "Sign-in problem summary – Ref 4711");

  /* The Markdown view prints what the text view prints. */
  blocks = summary_blocks (pack, kase, SIH_SUMMARY_FORMAT_MARKDOWN);
  path = export (title, blocks);
  g_assert_cmpuint (count_pages (path), >, 0);
  pdf_title_text = pdf_title (path);
  g_assert_cmpstr (pdf_title_text, ==, title);

  pdf_text = run ("pdftotext", path);
  cause = sih_pack_find_cause (pack, "code-not-arriving");
  assert_contains (pdf_text, title);
  assert_contains (pdf_text, "Page 1 of");
  g_assert_true (has_line (pdf_text, "Sign-in problem summary"));
  g_assert_true (has_line (pdf_text, "Steps tried"));
  assert_laid_out (pdf_text, blocks);
  assert_contains (pdf_text, sih_step_get_title (sih_cause_find_step (cause, "wait-then-newest")));
  assert_contains (pdf_text, sih_step_get_title (sih_cause_find_step (cause, "check-mail-folders")));
  /* Masked, and not escaped as Markdown escapes it ("t\*\*\*"). */
  assert_contains (pdf_text, MASKED_EMAIL);
  g_assert_null (strstr (pdf_text, EMAIL));
  g_assert_null (strstr (pdf_text, "taro.yamada"));
  /* The message verbatim, the labels without Markdown's "**". */
  g_assert_true (has_line (pdf_text, "There was a problem"));
  assert_contains (pdf_text, "Since: not provided");

  remove_export (path);
}

static void
test_print_japanese (void)
{
  g_autoptr(SihPack) pack = NULL;
  g_autoptr(SihCase) kase = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) blocks = NULL;
  g_autofree char *path = NULL;
  g_autofree char *pdf_text = NULL;
  g_autofree char *page = NULL;
  g_autofree char *title = NULL;
  g_autofree char *pdf_title_text = NULL;
  g_autofree char *fonts = NULL;
  const char *heading;
  const char *step_title;

  if (!have_poppler ())
    return;

  if (!sih_test_use_language ("ja"))
    return;
  heading = g_dpgettext2 (GETTEXT_PACKAGE, "summary", "Sign-in problem summary");
  g_assert_cmpstr (heading, !=, "Sign-in problem summary");

  /* The pack is translated as it loads. */
  pack = sih_pack_new_bundled (&error);
  g_assert_no_error (error);
  step_title = sih_step_get_title (sih_cause_find_step (sih_pack_find_cause (pack, "code-not-arriving"),
                                                        "wait-then-newest"));
  g_assert_false (g_str_is_ascii (step_title));

  kase = make_case (pack);
  sih_case_set_title (kase, "田中様");
  title = sih_export_document_title (kase);
  g_assert_true (g_str_has_prefix (title, heading));
  blocks = summary_blocks (pack, kase, SIH_SUMMARY_FORMAT_TEXT);
  path = export (title, blocks);
  g_assert_cmpuint (count_pages (path), >, 0);
  pdf_title_text = pdf_title (path);
  g_assert_cmpstr (pdf_title_text, ==, title);

  pdf_text = run ("pdftotext", path);
  g_assert_true (has_line (pdf_text, heading));
  assert_laid_out (pdf_text, blocks);
  assert_contains (pdf_text, step_title);
  assert_contains (pdf_text, MASKED_EMAIL);
  page = g_strdup_printf (_("Page %d of %d"), 1, (int)count_pages (path));
  g_assert_false (g_str_is_ascii (page));
  assert_contains (pdf_text, page);
  g_assert_null (strstr (pdf_text, EMAIL));

  /* Kanji in the Japanese font, not in whatever font has them. */
  fonts = run ("pdffonts", path);
  g_assert_nonnull (strstr (fonts, "NotoSansCJKjp-Regular"));
  g_assert_nonnull (strstr (fonts, "NotoSansCJKjp-Bold"));

  remove_export (path);
  sih_test_use_language ("en");
}

static void
test_print_paginates (void)
{
  g_autoptr(GPtrArray) blocks = new_blocks ();
  g_autofree char *path = NULL;
  g_autofree char *pdf_text = NULL;
  g_autofree char *squashed = NULL;
  const char *p;
  guint n_pages;

  if (!have_poppler ())
    return;

  sih_test_use_language ("en");
  /* Long paragraphs that wrap, and enough of them for several pages. */
  for (guint i = 1; i <= 150; i++)
    {
      g_autofree char *text = g_strdup_printf ("Line %u: the quick brown fox jumps over the lazy "
                                               "dog, and then it does it again for good measure. "
                                               "End %u.", i, i);
      g_ptr_array_add (blocks, new_block (SIH_SUMMARY_BLOCK_PARAGRAPH, 0, text));
    }

  path = export ("A long text", blocks);
  n_pages = count_pages (path);
  g_assert_cmpuint (n_pages, >=, 2);

  pdf_text = run ("pdftotext", path);
  assert_contains (pdf_text, "Page 2 of");
  {
    g_autofree char *last = g_strdup_printf ("Page %u of %u", n_pages, n_pages);
    assert_contains (pdf_text, last);
  }

  /* Every line is there, in order, and whole: none was lost or cut at a
   * page break.  Long lines wrap, and a wrapped line may go on on the
   * next page, after its header: white space and headers do not count. */
  squashed = squash (pdf_text);
  for (guint i = 1; i <= n_pages; i++)
    {
      g_autofree char *header = g_strdup_printf ("AlongtextPage%uof%u", i, n_pages);
      char *found = strstr (squashed, header);

      g_assert_nonnull (found);
      memmove (found, found + strlen (header), strlen (found + strlen (header)) + 1);
    }
  p = squashed;
  for (guint i = 1; i <= 150; i++)
    {
      g_autofree char *start = g_strdup_printf ("Line%u:", i);
      g_autofree char *end = g_strdup_printf ("End%u.", i);
      const char *found = strstr (p, start);

      g_assert_nonnull (found);
      p = strstr (found, end);
      g_assert_nonnull (p);
    }

  remove_export (path);
}

/* The last line of a page, as it is laid out. */
static char *
last_line_of_page (const char *path,
                   guint       page)
{
  g_autofree char *options = g_strdup_printf ("-layout -f %u -l %u", page, page);
  g_autofree char *text = run_tool ("pdftotext", options, path);
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  const char *last = NULL;

  for (guint i = 0; lines[i] != NULL; i++)
    if (*g_strstrip (lines[i]) != '\0' && !g_str_equal (lines[i], "\f"))
      last = lines[i];
  g_assert_nonnull (last);
  return g_strdup (last);
}

/* A heading is never the last line of a page: with more and more lines
 * before it, a heading moves down the first page, past its bottom, and
 * each time it would end the page it goes over to the next one with the
 * line under it. */
static void
test_print_keeps_headings (void)
{
  guint n_moved = 0;

  if (!have_poppler ())
    return;

  sih_test_use_language ("en");
  for (guint n = 30; n <= 48; n++)
    {
      g_autoptr(GPtrArray) blocks = new_blocks ();
      g_autofree char *path = NULL;
      g_autofree char *last = NULL;
      g_autofree char *second = NULL;

      g_ptr_array_add (blocks, new_block (SIH_SUMMARY_BLOCK_HEADING, 1, "Title"));
      for (guint i = 1; i <= n; i++)
        {
          g_autofree char *item = g_strdup_printf ("Item %u", i);
          g_ptr_array_add (blocks, new_block (SIH_SUMMARY_BLOCK_ITEM, 0, item));
        }
      g_ptr_array_add (blocks, new_block (SIH_SUMMARY_BLOCK_HEADING, 2, "The heading"));
      g_ptr_array_add (blocks, new_block (SIH_SUMMARY_BLOCK_PARAGRAPH, 0, "What it heads"));

      path = export ("Headings", blocks);
      last = last_line_of_page (path, 1);
      if (g_str_equal (last, "The heading"))
        g_error ("With %u items before it, the heading ends the page", n);
      if (count_pages (path) > 1)
        {
          g_autofree char *text = run_tool ("pdftotext", "-layout -f 2 -l 2", path);

          /* The page starts with the heading, or the heading was on the
           * page before with what it heads. */
          if (strstr (text, "The heading") != NULL && strstr (text, "Item ") == NULL)
            n_moved++;
        }
      remove_export (path);
    }
  /* The heading did go past the end of the first page. */
  g_assert_cmpuint (n_moved, >, 0);
}

static void
test_print_blank_checklist (void)
{
  g_autoptr(SihPack) pack = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) blocks = NULL;
  g_autofree char *path = NULL;
  g_autofree char *pdf_text = NULL;
  SihCause *cause;
  GListModel *steps;

  if (!have_poppler ())
    return;

  sih_test_use_language ("en");
  pack = sih_pack_new_bundled (&error);
  g_assert_no_error (error);
  cause = sih_pack_find_cause (pack, "account-locked");
  g_assert_nonnull (cause);

  blocks = sih_summary_blank_checklist_blocks (pack, cause);
  path = export (sih_cause_get_title (cause), blocks);
  pdf_text = run ("pdftotext", path);
  assert_laid_out (pdf_text, blocks);

  steps = sih_cause_get_steps (cause);
  for (guint i = 0; i < g_list_model_get_n_items (steps); i++)
    {
      g_autoptr(SihStep) step = g_list_model_get_item (steps, i);
      g_autofree char *box = g_strdup_printf ("☐ %u. %s", i + 1, sih_step_get_title (step));

      /* An empty box to tick by hand. */
      assert_contains (pdf_text, box);
    }

  remove_export (path);
}

/* A PDF is private from the start, whatever the umask, also when it
 * replaces a file others could read, and nothing is left beside it. */
static void
test_print_private (void)
{
  g_autoptr(GPtrArray) blocks = new_blocks ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("sih-print-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "summary.pdf", NULL);
  g_autoptr(GDir) listing = NULL;
  mode_t umask_was;

  g_assert_no_error (error);
  g_ptr_array_add (blocks, new_block (SIH_SUMMARY_BLOCK_PARAGRAPH, 0, "Private"));

  g_file_set_contents (path, "old", -1, &error);
  g_assert_no_error (error);
  g_assert_no_errno (g_chmod (path, 0644));

  umask_was = umask (0);
  g_assert_true (sih_print_blocks (NULL, "Private", NULL, blocks, path, &error));
  umask (umask_was);
  g_assert_no_error (error);
  assert_private (path);

  listing = g_dir_open (dir, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (g_dir_read_name (listing), ==, "summary.pdf");
  g_assert_null (g_dir_read_name (listing));

  remove_export (path);
}

static void
test_print_error (void)
{
  g_autoptr(GPtrArray) blocks = new_blocks ();
  g_autoptr(GError) error = NULL;

  g_ptr_array_add (blocks, new_block (SIH_SUMMARY_BLOCK_PARAGRAPH, 0, "Text"));
  /* A directory that does not exist: an error that names the file, not a crash. */
  g_assert_false (sih_print_blocks (NULL, "Title", NULL, blocks, "/nonexistent/dir/x.pdf", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_true (g_str_has_prefix (error->message, "/nonexistent/dir/x.pdf"));
}

/* Exports with files limited to @limit bytes (RLIMIT_FSIZE): a write
 * past it fails with EFBIG, as one on a full disk fails with ENOSPC, and
 * needs no root.  Returns what sih_print_blocks() returned. */
static gboolean
export_limited (GPtrArray   *blocks,
                const char  *path,
                rlim_t       limit,
                GError     **error)
{
  struct rlimit was, limited;
  void (*handler) (int);
  gboolean ok;

  g_assert_no_errno (getrlimit (RLIMIT_FSIZE, &was));
  limited = was;
  limited.rlim_cur = limit;
  /* Without SIGXFSZ the write fails instead of killing the process. */
  handler = signal (SIGXFSZ, SIG_IGN);
  g_assert_no_errno (setrlimit (RLIMIT_FSIZE, &limited));
  ok = sih_print_blocks (NULL, "Title", NULL, blocks, path, error);
  g_assert_no_errno (setrlimit (RLIMIT_FSIZE, &was));
  signal (SIGXFSZ, handler);
  return ok;
}

/* A PDF that cannot be written whole is an error that names the file and
 * says why, wherever the write fails: at its first byte, half way, or in
 * the last bytes cairo writes when the document is finished.  Nothing is
 * left: no PDF, no temporary file, and a file that was there is as it
 * was.  (GTK's export wrote through stdio and ignored cairo's error: the
 * export "succeeded" with an empty or cut-off PDF.) */
static void
test_print_write_fails (void)
{
  g_autoptr(GPtrArray) blocks = new_blocks ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("sih-print-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "summary.pdf", NULL);
  g_autofree char *expected = g_strdup_printf ("%s: %s", path, g_strerror (EFBIG));
  GStatBuf st;
  rlim_t size;

  g_assert_no_error (error);
  for (guint i = 0; i < 40; i++)
    g_ptr_array_add (blocks, new_block (SIH_SUMMARY_BLOCK_PARAGRAPH, 0,
                                        "A paragraph long enough to fill a few lines of a page, "
                                        "and with forty of them the PDF has two pages."));

  /* The whole PDF's size, then the same export cut short at points from
   * the first byte to the last. */
  g_assert_true (sih_print_blocks (NULL, "Title", NULL, blocks, path, &error));
  g_assert_no_error (error);
  g_assert_no_errno (g_stat (path, &st));
  size = (rlim_t)st.st_size;
  g_assert_cmpuint (size, >, 1000);
  g_assert_no_errno (g_remove (path));

  for (guint with_old = 0; with_old < 2; with_old++)
    {
      rlim_t limits[] = { 0, 1, 100, size / 2, size - 100, size - 1 };

      for (guint i = 0; i < G_N_ELEMENTS (limits); i++)
        {
          g_autoptr(GDir) listing = NULL;
          g_autofree char *contents = NULL;

          g_test_message ("limit %lu bytes, %s", (gulong)limits[i], with_old ? "replacing a file" : "a new file");
          if (with_old)
            {
              g_file_set_contents (path, "old", -1, &error);
              g_assert_no_error (error);
            }
          g_assert_false (export_limited (blocks, path, limits[i], &error));
          g_assert_nonnull (error);
          g_assert_cmpstr (error->message, ==, expected);
          g_clear_error (&error);

          listing = g_dir_open (dir, 0, &error);
          g_assert_no_error (error);
          if (with_old)
            {
              g_assert_cmpstr (g_dir_read_name (listing), ==, "summary.pdf");
              g_file_get_contents (path, &contents, NULL, &error);
              g_assert_no_error (error);
              g_assert_cmpstr (contents, ==, "old");
              g_assert_no_errno (g_remove (path));
            }
          g_assert_null (g_dir_read_name (listing));
        }
    }

  /* With room again, it works. */
  g_assert_true (export_limited (blocks, path, size, &error));
  g_assert_no_error (error);
  remove_export (path);
}

/* What a saved or printed summary is suggested to be called. */
static void
test_print_file_names (void)
{
  struct { const char *typed; const char *safe; } names[] = {
    { "Ref 4711 / Tanaka: phone", "Ref 4711 Tanaka phone" },
    { "..hidden", "hidden" },
    { "a\\b*c?d\"e<f>g|h", "a b c d e f g h" },
    { "tab\tand\nline", "tab and line" },
    { "right\u202Eto left", "right to left" },
    { "  trailing dots...  ", "trailing dots" },
    { "田中様／携帯", "田中様／携帯" },
    { "/:*?", "" },
  };
  g_autoptr(GTimeZone) tz = g_time_zone_new_offset (9 * 3600);
  g_autoptr(GDateTime) now = g_date_time_new (tz, 2026, 11, 25, 19, 30, 0);
  g_autoptr(SihCase) kase = sih_case_new ("amazon-signin", "1");
  g_autoptr(GString) long_title = g_string_new (NULL);
  g_autofree char *name = NULL;

  sih_test_use_language ("en");
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *safe = sih_export_safe_file_name (names[i].typed);
      g_assert_cmpstr (safe, ==, names[i].safe);
    }

  name = sih_export_file_name (kase, now);
  g_assert_cmpstr (name, ==, "Sign-in problem summary 2026-11-25");
  g_clear_pointer (&name, g_free);

  sih_case_set_title (kase, "Ref 4711 / Tanaka: phone");
  name = sih_export_file_name (kase, now);
  g_assert_cmpstr (name, ==, "Sign-in problem summary 2026-11-25 - Ref 4711 Tanaka phone");
  g_clear_pointer (&name, g_free);

  /* A help desk's ticket comes first, made safe. */
  sih_case_set_ticket (kase, "HD-4711");
  name = sih_export_file_name (kase, now);
  g_assert_cmpstr (name, ==, "HD-4711 - Sign-in problem summary 2026-11-25 - Ref 4711 Tanaka phone");
  g_clear_pointer (&name, g_free);
  /* ...and heads every printed page. */
  name = sih_export_document_title (kase);
  g_assert_cmpstr (name, ==, "Ticket HD-4711 – Sign-in problem summary – Ref 4711 / Tanaka: phone");
  g_clear_pointer (&name, g_free);
  sih_case_set_title (kase, NULL);
  sih_case_set_ticket (kase, " INC/2026:0042* ");
  name = sih_export_file_name (kase, now);
  g_assert_cmpstr (name, ==, "INC 2026 0042 - Sign-in problem summary 2026-11-25");
  g_clear_pointer (&name, g_free);
  sih_case_set_ticket (kase, "///");
  name = sih_export_file_name (kase, now);
  g_assert_cmpstr (name, ==, "Sign-in problem summary 2026-11-25");
  g_clear_pointer (&name, g_free);
  sih_case_set_ticket (kase, NULL);

  /* Cut, at a character, to a length any file system takes. */
  for (guint i = 0; i < 200; i++)
    g_string_append (long_title, "田");
  sih_case_set_title (kase, long_title->str);
  name = sih_export_file_name (kase, now);
  g_assert_cmpuint (strlen (name), <=, 150);
  g_assert_true (g_utf8_validate (name, -1, NULL));
  g_assert_true (g_str_has_suffix (name, "田"));
}

/* Documents when there is such a folder, or else the home folder: never
 * the folder the app was started from. */
static void
test_print_default_folder (void)
{
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GFile) documents = NULL;
  g_autoptr(GFile) home = g_file_new_for_path (g_get_home_dir ());
  const char *path = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);

  /* main() set up a home with Documents (tests/meson.build points
   * XDG_CONFIG_HOME into the build tree, but not HOME). */
  g_assert_nonnull (path);
  documents = g_file_new_for_path (path);
  folder = sih_export_default_folder ();
  g_assert_true (g_file_equal (folder, documents));
  g_clear_object (&folder);

  g_assert_no_errno (g_rmdir (path));
  folder = sih_export_default_folder ();
  g_assert_true (g_file_equal (folder, home));
  g_assert_no_errno (g_mkdir (path, 0700));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = sih_test_make_home ("Dokumente");
  int status;

  g_test_init (&argc, &argv, NULL);
  sih_test_init_translations ();

  g_test_add_func ("/print/summary-pdf", test_print_summary_pdf);
  g_test_add_func ("/print/japanese", test_print_japanese);
  g_test_add_func ("/print/paginates", test_print_paginates);
  g_test_add_func ("/print/keeps-headings", test_print_keeps_headings);
  g_test_add_func ("/print/blank-checklist", test_print_blank_checklist);
  g_test_add_func ("/print/private", test_print_private);
  g_test_add_func ("/print/error", test_print_error);
  g_test_add_func ("/print/write-fails", test_print_write_fails);
  g_test_add_func ("/print/file-names", test_print_file_names);
  g_test_add_func ("/print/default-folder", test_print_default_folder);

  status = g_test_run ();
  sih_test_remove_home (home, "Dokumente");
  return status;
}
