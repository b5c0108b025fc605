/* test-print.c: summaries exported as PDF, without a display
 *
 * GtkPrintOperation's export needs neither a display nor gtk_init(): this
 * test never initialises GTK, as `signin-helper --export-summary` does
 * not.  The PDFs are read back with poppler's pdfinfo and pdftotext; the
 * tests skip when those are not installed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "ui/sih-export.h"
#include "ui/sih-print.h"
#include "core/sih-summary.h"
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

static char *
run (const char *program,
     const char *path)
{
  const char *argv[] = { program, path, NULL, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  /* pdftotext writes to the standard output with "-" as the output file. */
  if (g_str_equal (program, "pdftotext"))
    argv[2] = "-";
  g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status,
                &error);
  g_assert_no_error (error);
  g_spawn_check_wait_status (status, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&out);
}

static guint
count_pages (const char *path)
{
  g_autofree char *info = run ("pdfinfo", path);
  const char *pages = strstr (info, "Pages:");

  g_assert_nonnull (pages);
  return (guint)g_ascii_strtoull (pages + strlen ("Pages:"), NULL, 10);
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

static char *
export (const char *title,
        const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("sih-print-XXXXXX", &error);
  char *path;

  g_assert_no_error (error);
  path = g_build_filename (dir, "summary.pdf", NULL);
  g_assert_true (sih_print_text (NULL, title, text, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  return path;
}

static void
remove_export (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);

  g_assert_no_errno (g_remove (path));
  g_assert_no_errno (g_rmdir (dir));
}

static char *
summary_text (SihPack *pack,
              SihCase *kase)
{
  g_autoptr(SihDeviceInfo) device = sih_export_collect_device_info (pack);
  g_autoptr(GDateTime) now = fixed_now ();

  return sih_summary_format (kase, pack, device, now, NULL, NULL);
}

static void
test_print_summary_pdf (void)
{
  g_autoptr(SihPack) pack = NULL;
  g_autoptr(SihCase) kase = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *path = NULL;
  g_autofree char *pdf_text = NULL;
  SihCause *cause;

  if (!have_poppler ())
    return;

  sih_test_use_language ("en");
  pack = sih_pack_new_bundled (&error);
  g_assert_no_error (error);
  kase = make_case (pack);
  text = summary_text (pack, kase);
  g_assert_nonnull (strstr (text, MASKED_EMAIL));

  path = export ("Support Summary", text);
  g_assert_cmpuint (count_pages (path), >, 0);

  pdf_text = run ("pdftotext", path);
  cause = sih_pack_find_cause (pack, "code-not-arriving");
  assert_contains (pdf_text, "Support Summary");
  assert_contains (pdf_text, "Page 1 of");
  assert_contains (pdf_text, sih_step_get_title (sih_cause_find_step (cause, "wait-then-newest")));
  assert_contains (pdf_text, sih_step_get_title (sih_cause_find_step (cause, "check-mail-folders")));
  assert_contains (pdf_text, MASKED_EMAIL);
  g_assert_null (strstr (pdf_text, EMAIL));
  g_assert_null (strstr (pdf_text, "taro.yamada"));

  remove_export (path);
}

static void
test_print_japanese (void)
{
  g_autoptr(SihPack) pack = NULL;
  g_autoptr(SihCase) kase = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *path = NULL;
  g_autofree char *pdf_text = NULL;
  g_autofree char *page = NULL;
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
  text = summary_text (pack, kase);
  path = export (_("Support Summary"), text);
  g_assert_cmpuint (count_pages (path), >, 0);

  pdf_text = run ("pdftotext", path);
  assert_contains (pdf_text, heading);
  assert_contains (pdf_text, step_title);
  assert_contains (pdf_text, MASKED_EMAIL);
  page = g_strdup_printf (_("Page %d of %d"), 1, (int)count_pages (path));
  g_assert_false (g_str_is_ascii (page));
  assert_contains (pdf_text, page);
  g_assert_null (strstr (pdf_text, EMAIL));

  remove_export (path);
  sih_test_use_language ("en");
}

static void
test_print_paginates (void)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *path = NULL;
  g_autofree char *pdf_text = NULL;
  g_autofree char *squashed = NULL;
  const char *p;
  guint n_pages;

  if (!have_poppler ())
    return;

  sih_test_use_language ("en");
  /* Long lines that wrap, and enough of them for several pages. */
  for (guint i = 1; i <= 150; i++)
    g_string_append_printf (text, "Line %u: the quick brown fox jumps over the lazy dog, "
                            "and then it does it again for good measure. End %u.\n", i, i);

  path = export ("A long text", text->str);
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

static void
test_print_blank_checklist (void)
{
  g_autoptr(SihPack) pack = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
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

  text = sih_summary_blank_checklist (pack, cause, SIH_SUMMARY_FORMAT_TEXT);
  path = export (sih_cause_get_title (cause), text);
  pdf_text = run ("pdftotext", path);

  steps = sih_cause_get_steps (cause);
  for (guint i = 0; i < g_list_model_get_n_items (steps); i++)
    {
      g_autoptr(SihStep) step = g_list_model_get_item (steps, i);
      assert_contains (pdf_text, sih_step_get_title (step));
    }

  remove_export (path);
}

static void
test_print_error (void)
{
  g_autoptr(GError) error = NULL;

  /* A directory that does not exist: an error, not a crash. */
  g_assert_false (sih_print_text (NULL, "Title", "Text", "/nonexistent/dir/x.pdf", &error));
  g_assert_nonnull (error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  sih_test_init_translations ();

  g_test_add_func ("/print/summary-pdf", test_print_summary_pdf);
  g_test_add_func ("/print/japanese", test_print_japanese);
  g_test_add_func ("/print/paginates", test_print_paginates);
  g_test_add_func ("/print/blank-checklist", test_print_blank_checklist);
  g_test_add_func ("/print/error", test_print_error);

  return g_test_run ();
}
