/* test-summary.c: the support summary, against golden files
 *
 * Every case here has a fixed clock, a fixed device and a fixed "now", so
 * the summaries are byte for byte predictable.  The pack is
 * tests/data/packs/good.json loaded without a text domain (its strings
 * stay English); the summary's own labels are translated.
 *
 * To regenerate the golden files after an intended change:
 *
 *   SIH_UPDATE_GOLDEN=1 meson test -C _build summary
 *
 * and review the diff of tests/data/summary/ before committing it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "core/sih-summary.h"
#include "sih-test-locale.h"

typedef struct
{
  GDateTime *next;
} Clock;

/* Each reading is five minutes after the last, in UTC: the summary shows
 * them in the time zone of "now". */
static GDateTime *
fixed_clock (gpointer user_data)
{
  Clock *clock = user_data;
  GDateTime *time = g_date_time_ref (clock->next);

  g_date_time_unref (clock->next);
  clock->next = g_date_time_add_minutes (time, 5);
  return time;
}

static SihPack *
load_pack (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "packs", "good.json", NULL);
  g_autoptr(GError) error = NULL;
  SihPack *pack = sih_pack_new_from_file (path, NULL, &error);

  g_assert_no_error (error);
  return pack;
}

static GDateTime *
fixed_now (void)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_offset (9 * 3600);

  return g_date_time_new (tz, 2026, 11, 25, 19, 30, 0);
}

/* The Flatpak fixture of test-device-info, with the rest fixed. */
static SihDeviceInfo *
fixed_device (void)
{
  g_autofree char *root = g_test_build_filename (G_TEST_DIST, "data", "os-release", "flatpak", NULL);
  g_autoptr(GHashTable) env = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  SihDeviceInfo *info;

  g_hash_table_insert (env, g_strdup ("XDG_CURRENT_DESKTOP"), g_strdup ("GNOME"));
  g_hash_table_insert (env, g_strdup ("XDG_SESSION_TYPE"), g_strdup ("wayland"));
  g_hash_table_insert (env, g_strdup ("LANG"), g_strdup ("ja_JP.UTF-8"));
  g_hash_table_insert (env, g_strdup ("TZ"), g_strdup ("Asia/Tokyo"));
  info = sih_device_info_collect_with (root, env, "Linux 6.11.4-301.fc41.x86_64", "x86_64");
  /* Known offset, whether or not this machine has tzdata. */
  info->utc_offset = 9 * 3600;
  /* Not PACKAGE_VERSION: the golden files must not change with each release. */
  g_free (info->app_version);
  info->app_version = g_strdup ("0.1.0");
  sih_device_info_set_toolkit (info, "4.8.3", "1.2.2");
  sih_device_info_set_pack (info, "test-pack", "1.0");

  return info;
}

static SihCase *
new_case (Clock       *clock,
          const char  *pack_version)
{
  SihCase *kase = sih_case_new ("test-pack", pack_version);
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();

  clock->next = g_date_time_new (utc, 2026, 11, 25, 1, 0, 0);
  sih_case_set_clock (kase, fixed_clock, clock);
  return kase;
}

/* Someone at home with everything filled in. */
static SihCase *
make_full_case (Clock *clock)
{
  SihCase *kase = new_case (clock, "1.0");

  sih_case_set_cause_id (kase, "first");
  sih_case_set_detail (kase, SIH_DETAIL_DEVICE_TYPE, "pc");
  sih_case_set_detail (kase, SIH_DETAIL_BROWSER, "Firefox 128.0");
  sih_case_set_detail (kase, SIH_DETAIL_WHERE, "website");
  sih_case_set_detail (kase, SIH_DETAIL_SINCE, "yesterday evening, after updating the app.");
  sih_case_set_detail (kase, SIH_DETAIL_CHANGES, "new-phone,new-email");
  sih_case_set_detail (kase, SIH_DETAIL_CHANGES_NOTE,
                       "New phone since 20 Nov; my new number is 090-1234-5678");
  sih_case_set_detail (kase, SIH_DETAIL_ERROR_MESSAGE,
                       "There was a problem\nWe cannot find an account with that e-mail address");
  sih_case_set_detail (kase, SIH_DETAIL_ACCOUNT_EMAIL, "taro.yamada@example.co.jp");
  sih_case_set_detail (kase, SIH_DETAIL_ACCOUNT_PHONE, "+81 90-1234-5678");
  sih_case_set_detail (kase, SIH_DETAIL_EXTRA, "Please reply by e-mail to hanako@example.com.");

  /* Tried out of the pack's order: two, then one. */
  sih_case_set_outcome (kase, "first", "two", SIH_OUTCOME_FAILED);
  sih_case_set_note (kase, "first", "two", "Tried in Firefox and in Chrome; still fails.");
  sih_case_set_outcome (kase, "first", "one", SIH_OUTCOME_FAILED);
  sih_case_set_note (kase, "first", "one", "The code was 482913 but it had expired");
  sih_case_set_outcome (kase, "first", "one", SIH_OUTCOME_WORKED);
  /* A note on a step not tried yet is shared too. */
  sih_case_set_note (kase, "first", "three",
                     "Will try once I find the old phone (landline 03-1234-5678)");

  return kase;
}

/* A case opened and summarised straight away. */
static SihCase *
make_minimal_case (Clock *clock)
{
  return new_case (clock, "1.0");
}

/* An agent with a caller, a case from an older pack. */
static SihCase *
make_help_desk_case (Clock *clock)
{
  SihCase *kase = new_case (clock, "0.9");

  sih_case_set_cause_id (kase, "second");
  sih_case_set_detail (kase, SIH_DETAIL_DEVICE_TYPE, "phone");
  sih_case_set_detail (kase, SIH_DETAIL_OS, "iOS 17.5");
  sih_case_set_detail (kase, SIH_DETAIL_BROWSER, "Amazon Shopping app 27.1");
  sih_case_set_detail (kase, SIH_DETAIL_WHERE, "shopping-app");
  sih_case_set_detail (kase, SIH_DETAIL_SINCE, "2026年11月24日から");
  sih_case_set_detail (kase, SIH_DETAIL_CHANGES, "new-number, new-password");
  sih_case_set_detail (kase, SIH_DETAIL_ERROR_MESSAGE, "Incorrect code. ```Try again```");
  sih_case_set_detail (kase, SIH_DETAIL_ACCOUNT_EMAIL, "taro@example.com");

  sih_case_set_outcome (kase, "second", "a", SIH_OUTCOME_FAILED);
  sih_case_set_note (kase, "second", "a",
                     "Use *Caps Lock* off; see [help]\n# not a heading\n1. not a list");
  sih_case_set_outcome (kase, "first", "removed-step", SIH_OUTCOME_FAILED);
  sih_case_set_note (kase, "first", "removed-step", "A step the pack no longer has");
  sih_case_set_outcome (kase, "gone-cause", "x", SIH_OUTCOME_SKIPPED);
  sih_case_set_outcome (kase, "second", "c", SIH_OUTCOME_SKIPPED);
  sih_case_set_note (kase, "second", "c", "The caller has no computer at hand");
  sih_case_set_outcome (kase, "second", "b", SIH_OUTCOME_WORKED);
  sih_case_set_note (kase, "second", "b", "Worked on the caller's tablet (パスワードはabc12345)");
  /* Tried, then cleared: the note stays, and is shared. */
  sih_case_set_outcome (kase, "first", "one", SIH_OUTCOME_FAILED);
  sih_case_set_note (kase, "first", "one", "The caller will look for the old phone first");
  sih_case_set_outcome (kase, "first", "one", SIH_OUTCOME_NOT_TRIED);

  return kase;
}

/* A help desk's case on a live call: a ticket, the caller, two calls by
 * two agents, an escalation, an internal note. */
static SihCase *
make_ticket_case (Clock *clock)
{
  SihCase *kase = new_case (clock, "1.0");
  g_autoptr(GDateTime) call_back = NULL;

  sih_case_set_agent (kase, "Sato");
  sih_case_start_call (kase);
  sih_case_set_ticket (kase, "HD-4711");
  sih_case_set_caller_name (kase, "Tanaka Hanako");
  sih_case_set_caller_contact (kase, "090-1234-5678 after 18:00, or hanako@example.com");
  sih_case_set_cause_id (kase, "first");
  sih_case_set_detail (kase, SIH_DETAIL_DEVICE_TYPE, "phone");
  sih_case_set_outcome (kase, "first", "one", SIH_OUTCOME_FAILED);
  sih_case_set_note (kase, "first", "one", "Caller unsure which number is on the account");
  sih_case_set_note_internal (kase, "first", "one", TRUE);
  sih_case_set_outcome (kase, "first", "two", SIH_OUTCOME_SKIPPED);
  sih_case_set_note (kase, "first", "two", "No computer at hand");
  sih_case_set_status (kase, SIH_STATUS_ESCALATED, "Account locked", "customer-service", NULL);
  sih_case_stop_call (kase);

  sih_case_set_agent (kase, "Suzuki");
  sih_case_start_call (kase);
  call_back = g_date_time_add_hours (clock->next, 6);
  sih_case_set_status (kase, SIH_STATUS_CALL_BACK, "Caller home after six", NULL, call_back);

  return kase;
}

typedef SihCase *(*MakeCase) (Clock *clock);

typedef struct
{
  const char       *name;
  MakeCase          make;
  gboolean          help_desk;
  gboolean          with_device;
  const char       *unmask;
  const char       *language;
  SihSummaryFormat  format;
  gboolean          timeline;
} GoldenCase;

static void
compare_golden (const char *file,
                const char *actual)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "summary", file, NULL);
  g_autofree char *expected = NULL;
  g_autoptr(GError) error = NULL;

  if (g_getenv ("SIH_UPDATE_GOLDEN") != NULL)
    {
      g_file_set_contents (path, actual, -1, &error);
      g_assert_no_error (error);
      g_test_message ("updated %s", path);
      return;
    }

  g_file_get_contents (path, &expected, NULL, &error);
  g_assert_no_error (error);
  if (g_strcmp0 (expected, actual) != 0)
    g_test_message ("%s differs; if the change is intended, regenerate with SIH_UPDATE_GOLDEN=1",
                    file);
  g_assert_cmpstr (actual, ==, expected);
}

static void
test_summary_golden (gconstpointer data)
{
  const GoldenCase *golden = data;
  g_autoptr(SihPack) pack = NULL;
  g_autoptr(SihCase) kase = NULL;
  g_autoptr(SihDeviceInfo) device = NULL;
  g_autoptr(GDateTime) now = fixed_now ();
  g_autoptr(GHashTable) unmask = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *text = NULL;
  g_autofree char *file = NULL;
  SihSummaryOptions options;
  Clock clock = { NULL };

  if (!sih_test_use_language (golden->language))
    return;
  pack = load_pack ();
  kase = golden->make (&clock);
  if (golden->with_device)
    device = fixed_device ();

  sih_summary_options_init (&options);
  options.format = golden->format;
  options.help_desk = golden->help_desk;
  options.timeline = golden->timeline;
  if (golden->unmask != NULL)
    {
      g_hash_table_add (unmask, (gpointer)golden->unmask);
      options.unmask = unmask;
    }

  text = sih_summary_format (kase, pack, device, now, &options, NULL);
  file = g_strdup_printf ("%s.%s.%s", golden->name, golden->language,
                          golden->format == SIH_SUMMARY_FORMAT_MARKDOWN ? "md" : "txt");
  compare_golden (file, text);

  /* Asking where the findings are changes nothing in the text. */
  {
    g_autoptr(GPtrArray) findings = NULL;
    g_autofree char *with_findings = sih_summary_format (kase, pack, device, now, &options,
                                                         &findings);

    g_assert_cmpstr (with_findings, ==, text);
  }

  /* Whatever the golden file says, nothing private leaks. */
  g_assert_null (strstr (text, "taro.yamada@"));
  g_assert_null (strstr (text, "hanako@"));
  g_assert_null (strstr (text, "1234-5678"));
  g_assert_null (strstr (text, "482913"));
  g_assert_null (strstr (text, "abc12345"));
  /* Nor anything for the help desk only. */
  g_assert_null (strstr (text, "Caller unsure"));
  g_assert_null (strstr (text, "hanako@"));

  g_clear_pointer (&clock.next, g_date_time_unref);
}

static void
test_summary_blank_checklist (gconstpointer data)
{
  const GoldenCase *golden = data;
  g_autoptr(SihPack) pack = NULL;
  g_autofree char *text = NULL;
  g_autofree char *file = NULL;

  if (!sih_test_use_language (golden->language))
    return;
  pack = load_pack ();
  text = sih_summary_blank_checklist (pack, sih_pack_find_cause (pack, "first"), golden->format);
  file = g_strdup_printf ("%s.%s.%s", golden->name, golden->language,
                          golden->format == SIH_SUMMARY_FORMAT_MARKDOWN ? "md" : "txt");
  compare_golden (file, text);
}

/* Blocks for paper */

static void
markup_start_cb (GMarkupParseContext  *context,
                 const char           *element,
                 const char          **names,
                 const char          **values,
                 gpointer              user_data,
                 GError              **error)
{
  /* Bold and italic only, without attributes; "m" wraps the whole. */
  g_assert_true (g_str_equal (element, "m") || g_str_equal (element, "b") ||
                 g_str_equal (element, "i"));
  g_assert_null (names[0]);
}

static void
markup_text_cb (GMarkupParseContext  *context,
                const char           *text,
                gsize                 length,
                gpointer              user_data,
                GError              **error)
{
  g_string_append_len (user_data, text, length);
}

/* The text of a block's markup, which must be well-formed. */
static char *
markup_text (const char *markup)
{
  static const GMarkupParser parser = { markup_start_cb, NULL, markup_text_cb, NULL, NULL };
  GString *text = g_string_new (NULL);
  g_autoptr(GMarkupParseContext) context = g_markup_parse_context_new (&parser, 0, text, NULL);
  g_autofree char *wrapped = g_strconcat ("<m>", markup, "</m>", NULL);
  g_autoptr(GError) error = NULL;

  g_markup_parse_context_parse (context, wrapped, -1, &error);
  g_assert_no_error (error);
  g_markup_parse_context_end_parse (context, &error);
  g_assert_no_error (error);
  for (const char *p = text->str; *p != '\0'; p++)
    g_assert_true ((guchar)*p >= 0x20 || *p == '\n' || *p == '\t');
  return g_string_free (text, FALSE);
}

/* What the blocks hold, counted by kind, against the Markdown of the same
 * summary: the same headings, in order, and as many items of each kind. */
static void
assert_blocks_match_markdown (GPtrArray  *blocks,
                              const char *markdown)
{
  g_auto(GStrv) lines = g_strsplit (markdown, "\n", -1);
  g_autoptr(GPtrArray) headings = g_ptr_array_new_with_free_func (g_free);
  guint counts[SIH_SUMMARY_BLOCK_VERBATIM + 1] = { 0 };
  guint expected[SIH_SUMMARY_BLOCK_VERBATIM + 1] = { 0 };
  guint n_headings = 0;
  gboolean fenced = FALSE;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];
      const char *p = line;

      if (g_str_has_prefix (line, "```"))
        {
          expected[SIH_SUMMARY_BLOCK_VERBATIM] += fenced ? 0 : 1;
          fenced = !fenced;
          continue;
        }
      if (fenced)
        continue;
      if (g_str_has_prefix (line, "# ") || g_str_has_prefix (line, "## "))
        {
          expected[SIH_SUMMARY_BLOCK_HEADING]++;
          g_ptr_array_add (headings, g_strdup (strchr (line, ' ') + 1));
        }
      else if (g_str_has_prefix (line, "- [x] ") || g_str_has_prefix (line, "- [ ] "))
        expected[SIH_SUMMARY_BLOCK_CHECKBOX]++;
      else if (g_str_has_prefix (line, "- "))
        expected[SIH_SUMMARY_BLOCK_ITEM]++;
      while (g_ascii_isdigit (*p))
        p++;
      if (p > line && g_str_has_prefix (p, ". "))
        expected[SIH_SUMMARY_BLOCK_NUMBERED]++;
    }

  for (guint i = 0; i < blocks->len; i++)
    {
      const SihSummaryBlock *block = g_ptr_array_index (blocks, i);
      g_autofree char *text = markup_text (block->markup);

      counts[block->kind]++;
      g_assert_true ((block->marker != NULL) == (block->kind == SIH_SUMMARY_BLOCK_NUMBERED));
      if (block->kind == SIH_SUMMARY_BLOCK_HEADING)
        {
          /* The title first, then sections. */
          g_assert_cmpuint (block->level, ==, n_headings == 0 ? 1 : 2);
          g_assert_cmpuint (n_headings, <, headings->len);
          /* Markdown escapes what it would read as formatting. */
          if (strchr (g_ptr_array_index (headings, n_headings), '\\') == NULL)
            g_assert_cmpstr (text, ==, g_ptr_array_index (headings, n_headings));
          n_headings++;
        }
      /* No text format's underlines. */
      g_assert_null (strstr (text, "\n==="));
      g_assert_null (strstr (text, "\n---"));
    }

  /* Paragraphs are not counted: in Markdown they run over lines. */
  for (guint k = 0; k < G_N_ELEMENTS (counts); k++)
    if (k != SIH_SUMMARY_BLOCK_PARAGRAPH)
      g_assert_cmpuint (counts[k], ==, expected[k]);
  g_assert_cmpuint (counts[SIH_SUMMARY_BLOCK_HEADING], >=, 2);
}

static void
test_summary_blocks (gconstpointer data)
{
  const GoldenCase *golden = data;
  g_autoptr(SihPack) pack = NULL;
  g_autoptr(SihCase) kase = NULL;
  g_autoptr(SihDeviceInfo) device = NULL;
  g_autoptr(GDateTime) now = fixed_now ();
  g_autoptr(GPtrArray) blocks = NULL;
  g_autofree char *markdown = NULL;
  SihSummaryOptions options;
  Clock clock = { NULL };

  if (!sih_test_use_language (golden->language))
    return;
  pack = load_pack ();
  if (golden->make == NULL)
    {
      SihCause *cause = sih_pack_find_cause (pack, "first");

      markdown = sih_summary_blank_checklist (pack, cause, SIH_SUMMARY_FORMAT_MARKDOWN);
      blocks = sih_summary_blank_checklist_blocks (pack, cause);
      assert_blocks_match_markdown (blocks, markdown);
      return;
    }

  kase = golden->make (&clock);
  if (golden->with_device)
    device = fixed_device ();
  sih_summary_options_init (&options);
  options.format = SIH_SUMMARY_FORMAT_MARKDOWN;
  options.help_desk = golden->help_desk;
  options.timeline = golden->timeline;
  markdown = sih_summary_format (kase, pack, device, now, &options, NULL);
  /* Whatever the format asked for: blocks are blocks. */
  options.format = SIH_SUMMARY_FORMAT_TEXT;
  blocks = sih_summary_format_blocks (kase, pack, device, now, &options);
  assert_blocks_match_markdown (blocks, markdown);

  for (guint i = 0; i < blocks->len; i++)
    {
      const SihSummaryBlock *block = g_ptr_array_index (blocks, i);
      g_autofree char *text = markup_text (block->markup);

      /* The message as it was shown, in a block of its own. */
      if (block->kind == SIH_SUMMARY_BLOCK_VERBATIM)
        g_assert_cmpstr (text, ==, sih_case_get_detail (kase, SIH_DETAIL_ERROR_MESSAGE));
      /* Nothing of Markdown's: labels are bold in markup ("***" is a
       * masked address), and there are no escapes. */
      g_assert_null (strstr (text, "**:"));
      g_assert_null (strstr (text, "\\"));
    }

  g_clear_pointer (&clock.next, g_date_time_unref);
}

/* What someone types can be anything: markup, control characters, the
 * start of a list.  It stays text. */
static void
test_summary_blocks_hostile (void)
{
  g_autoptr(SihPack) pack = NULL;
  g_autoptr(SihCase) kase = NULL;
  g_autoptr(GDateTime) now = fixed_now ();
  g_autoptr(GPtrArray) blocks = NULL;
  g_autofree char *markdown = NULL;
  const char *extra = "1. <b>not bold</b> & </i> \x01\x02\x03\x04\x05\x06\x07\x08\x0E\x0F\x10\x11 **x**\n"
                      "# not a heading\n- not an item\n\tindented";
  gboolean found = FALSE;
  SihSummaryOptions options;
  Clock clock = { NULL };

  sih_test_use_language ("en");
  pack = load_pack ();
  kase = make_full_case (&clock);
  sih_case_set_detail (kase, SIH_DETAIL_EXTRA, extra);
  sih_case_set_note (kase, "first", "two", "\x08\n2. <i>\x0E");

  sih_summary_options_init (&options);
  options.format = SIH_SUMMARY_FORMAT_MARKDOWN;
  markdown = sih_summary_format (kase, pack, NULL, now, &options, NULL);
  blocks = sih_summary_format_blocks (kase, pack, NULL, now, NULL);
  assert_blocks_match_markdown (blocks, markdown);

  for (guint i = 0; i < blocks->len; i++)
    {
      const SihSummaryBlock *block = g_ptr_array_index (blocks, i);
      g_autofree char *text = markup_text (block->markup);

      if (g_str_has_prefix (text, "1. <b>"))
        {
          g_assert_cmpint (block->kind, ==, SIH_SUMMARY_BLOCK_PARAGRAPH);
          g_assert_cmpstr (text, ==, "1. <b>not bold</b> & </i>  **x**\n"
                                     "# not a heading\n- not an item\n\tindented");
          found = TRUE;
        }
      if (block->kind == SIH_SUMMARY_BLOCK_NUMBERED && g_str_equal (block->marker, "1."))
        g_assert_true (g_str_has_suffix (text, "\nNote: \n2. <i>"));
    }
  g_assert_true (found);

  g_clear_pointer (&clock.next, g_date_time_unref);
}

static const SihSummaryFinding *
find_finding (GPtrArray   *findings,
              const char  *field,
              SihMaskKind  kind)
{
  for (guint i = 0; i < findings->len; i++)
    {
      const SihSummaryFinding *finding = g_ptr_array_index (findings, i);

      if (g_str_equal (finding->field, field) && finding->kind == kind)
        return finding;
    }
  return NULL;
}

static void
test_summary_findings (void)
{
  g_autoptr(SihPack) pack = NULL;
  g_autoptr(SihCase) kase = NULL;
  g_autoptr(GDateTime) now = fixed_now ();
  g_autoptr(GPtrArray) findings = NULL;
  g_autofree char *text = NULL;
  g_autofree char *note_one = sih_summary_note_field ("first", "one");
  const SihSummaryFinding *finding;
  const char *note;
  Clock clock = { NULL };

  sih_test_use_language ("en");
  pack = load_pack ();
  kase = make_full_case (&clock);

  text = sih_summary_format (kase, pack, NULL, now, NULL, &findings);
  g_assert_nonnull (findings);

  /* The secret in a note: flagged for the preview, withheld from the text. */
  finding = find_finding (findings, note_one, SIH_MASK_KIND_SECRET);
  g_assert_nonnull (finding);
  g_assert_cmpint (finding->reason, ==, SIH_SECRET_REASON_LABELLED);
  g_assert_true (finding->masked);
  note = sih_case_get_note (kase, "first", "one");
  g_assert_cmpuint (finding->end - finding->start, ==, strlen ("482913"));
  g_assert_true (strncmp (note + finding->start, "482913", 6) == 0);
  g_assert_nonnull (strstr (text, "The code was [hidden] but it had expired"));

  /* Masked addresses and numbers, each reported once however often shown. */
  finding = find_finding (findings, SIH_DETAIL_ACCOUNT_EMAIL, SIH_MASK_KIND_EMAIL);
  g_assert_nonnull (finding);
  g_assert_true (finding->masked);
  g_assert_nonnull (find_finding (findings, SIH_DETAIL_ACCOUNT_PHONE, SIH_MASK_KIND_PHONE));
  g_assert_nonnull (find_finding (findings, SIH_DETAIL_EXTRA, SIH_MASK_KIND_EMAIL));
  g_assert_nonnull (find_finding (findings, SIH_DETAIL_CHANGES_NOTE, SIH_MASK_KIND_PHONE));
  for (guint i = 0; i < findings->len; i++)
    for (guint j = i + 1; j < findings->len; j++)
      {
        const SihSummaryFinding *a = g_ptr_array_index (findings, i);
        const SihSummaryFinding *b = g_ptr_array_index (findings, j);
        g_assert_false (g_str_equal (a->field, b->field) && a->start == b->start);
      }

  /* Nothing from a step that was not tried. */
  g_assert_null (find_finding (findings, "note:second/a", SIH_MASK_KIND_SECRET));

  g_assert_nonnull (strstr (text, "t***@e***.co.jp, +81 **-****-5678"));
  g_assert_nonnull (strstr (text, "h***@e***.com"));
  g_assert_nonnull (strstr (text, "***-****-5678"));

  g_clear_pointer (&clock.next, g_date_time_unref);
}

/* What the summary writes for a finding: the masked form or the text as
 * typed; in Markdown, with the escapes that keep it text. */
static char *
expected_shown (const SihSummaryFinding *finding,
                const char              *value)
{
  if (finding->masked && finding->kind == SIH_MASK_KIND_EMAIL &&
      finding->start == 0 && finding->end == strlen (value))
    return sih_mask_email (value);
  if (finding->masked && finding->kind == SIH_MASK_KIND_PHONE &&
      finding->start == 0 && finding->end == strlen (value))
    return sih_mask_phone (value);
  if (finding->masked)
    {
      g_autoptr(GPtrArray) matches = sih_mask_find (value, SIH_MASK_DEFAULT);

      for (guint i = 0; i < matches->len; i++)
        {
          const SihMaskMatch *match = g_ptr_array_index (matches, i);

          if (match->start == finding->start && match->end == finding->end)
            return g_strdup (match->masked);
        }
      g_assert_not_reached ();
    }
  return g_strndup (value + finding->start, finding->end - finding->start);
}

/* The summary drops the noncharacters U+FDD0–U+FDEF from what people type
 * and ends its lines with "\n" only. */
static char *
without_noncharacters (char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar ch = g_utf8_get_char (p);

      if (ch == '\r' && p[1] == '\n')
        continue;
      if (ch == '\r')
        ch = '\n';
      if (ch < 0xFDD0 || ch > 0xFDEF)
        g_string_append_unichar (out, ch);
    }
  g_free (text);
  return g_string_free (out, FALSE);
}

/* Markdown's escapes taken out again, to compare with what was typed. */
static char *
unescape_markdown (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '\\' && p[1] != '\0' && g_ascii_ispunct (p[1]))
        p++;
      g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

static const char *
finding_value (SihCase    *kase,
               const char *field)
{
  if (g_str_has_prefix (field, "note:"))
    {
      g_auto(GStrv) parts = g_strsplit (field + strlen ("note:"), "/", 2);
      return sih_case_get_note (kase, parts[0], parts[1]);
    }
  return sih_case_get_detail (kase, field);
}

/* A finding that spans lines is laid out as the list item or paragraph it
 * is in: the lines indented, and in Markdown ended with a hard break. */
static gboolean
same_lines (const char       *written,
            const char       *shown,
            SihSummaryFormat  format)
{
  g_auto(GStrv) written_lines = g_strsplit (written, "\n", -1);
  g_auto(GStrv) shown_lines = g_strsplit (shown, "\n", -1);

  if (g_strv_length (written_lines) != g_strv_length (shown_lines))
    return FALSE;
  for (guint i = 0; written_lines[i] != NULL; i++)
    {
      char *line = written_lines[i];
      gsize length = strlen (line);

      if (format == SIH_SUMMARY_FORMAT_MARKDOWN && written_lines[i + 1] != NULL &&
          length > 0 && line[length - 1] == '\\')
        line[length - 1] = '\0';
      if (i > 0)
        {
          g_strchug (line);
          g_strchug (shown_lines[i]);
        }
      if (!g_str_equal (line, shown_lines[i]))
        return FALSE;
    }
  return TRUE;
}

/* Every span of every finding lies on character boundaries of @text and
 * holds exactly what the summary shows for it. */
static void
check_spans (SihCase          *kase,
             const char       *text,
             GPtrArray        *findings,
             SihSummaryFormat  format)
{
  gsize length = strlen (text);

  for (guint i = 0; i < findings->len; i++)
    {
      const SihSummaryFinding *finding = g_ptr_array_index (findings, i);
      const char *value = finding_value (kase, finding->field);
      g_autofree char *shown = NULL;

      g_assert_nonnull (value);
      g_assert_nonnull (finding->spans);
      shown = without_noncharacters (expected_shown (finding, value));
      g_strstrip (shown);

      for (guint j = 0; j < finding->spans->len; j++)
        {
          const SihSummarySpan *span = &g_array_index (finding->spans, SihSummarySpan, j);
          g_autofree char *written = NULL;

          g_assert_cmpuint (span->start, <, span->end);
          g_assert_cmpuint (span->end, <=, length);
          g_assert_true (g_utf8_validate (text + span->start, span->end - span->start, NULL));
          written = g_strndup (text + span->start, span->end - span->start);
          /* Markdown escapes what it does not quote verbatim. */
          if (!same_lines (written, shown, format))
            {
              g_autofree char *plain = unescape_markdown (written);

              if (format != SIH_SUMMARY_FORMAT_MARKDOWN || !same_lines (plain, shown, format))
                g_error ("“%s” is written as “%s”", shown, written);
            }
        }
    }
}

/* The preview highlights what the summary wrote from the findings' spans:
 * in both formats, wherever each field is written, and only there. */
static void
test_summary_finding_spans (void)
{
  g_autoptr(SihPack) pack = NULL;
  g_autoptr(SihCase) kase = NULL;
  g_autoptr(GDateTime) now = fixed_now ();
  g_autofree char *note_one = sih_summary_note_field ("first", "one");
  Clock clock = { NULL };

  sih_test_use_language ("en");
  pack = load_pack ();
  kase = make_full_case (&clock);
  /* A number at the start of a line, which Markdown escapes ("\+81"), and
   * an underscore beside an address. */
  sih_case_set_detail (kase, SIH_DETAIL_EXTRA,
                       "Call me:\n+81 90-1111-2222 or mail_me at hanako@example.com.");
  sih_case_set_detail (kase, SIH_DETAIL_SINCE, "since taro.yamada@example.co.jp changed.");

  for (SihSummaryFormat format = SIH_SUMMARY_FORMAT_TEXT;
       format <= SIH_SUMMARY_FORMAT_MARKDOWN; format++)
    {
      g_autoptr(GPtrArray) findings = NULL;
      g_autofree char *text = NULL;
      SihSummaryOptions options;
      const SihSummaryFinding *finding;
      const SihSummarySpan *span;

      sih_summary_options_init (&options);
      options.format = format;
      text = sih_summary_format (kase, pack, NULL, now, &options, &findings);
      check_spans (kase, text, findings, format);

      /* The code in a note, withheld where the note is written. */
      finding = find_finding (findings, note_one, SIH_MASK_KIND_SECRET);
      g_assert_cmpuint (finding->spans->len, ==, 1);
      span = &g_array_index (finding->spans, SihSummarySpan, 0);
      g_assert_true (strncmp (text + span->start, "[hidden]",
                              span->end - span->start) == 0 ||
                     strncmp (text + span->start, "\\[hidden\\]",
                              span->end - span->start) == 0);
      g_assert_true (g_str_has_prefix (text + span->end, " but it had expired"));

      /* "Since" is quoted in the opening paragraph and in its section:
       * each place is a span. */
      finding = find_finding (findings, SIH_DETAIL_SINCE, SIH_MASK_KIND_EMAIL);
      g_assert_cmpuint (finding->spans->len, ==, 2);

      /* The number starting a line, with Markdown's escape inside it. */
      finding = find_finding (findings, SIH_DETAIL_EXTRA, SIH_MASK_KIND_PHONE);
      g_assert_cmpuint (finding->spans->len, ==, 1);
      span = &g_array_index (finding->spans, SihSummarySpan, 0);
      g_assert_true (text[span->start - 1] == '\n');
      g_assert_true (g_str_has_prefix (text + span->start,
                                       format == SIH_SUMMARY_FORMAT_MARKDOWN ? "\\+81" : "+81"));
    }

  g_clear_pointer (&clock.next, g_date_time_unref);
}

/* Pieces that matter to escaping and layout next to a finding. */
static const char * const pieces[] = {
  "a", "Z", "7", " ", "  ", "\n", "\r\n", ".", "。", "_", "__", "+", "-", "#", "1.", "`", "```",
  "*", "\\", "[", "]", "code", "コード", "パスワード: ", "password: ", "PIN ", "482913", "Abc12345!",
  "hanako@example.com", "t.y@example.co.jp", "090-1234-5678", "+81 90-1234-5678", "03-1234-5678",
  "\xef\xb7\x90", "\xef\xb7\x92", "\xef\xb7\xa1", "ｺｰﾄﾞ", "x86_64",
};

static char *
random_text (GRand *rand)
{
  GString *text = g_string_new (NULL);
  guint n = g_rand_int_range (rand, 0, 12);

  for (guint i = 0; i < n; i++)
    g_string_append (text, pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces))]);
  return g_string_free (text, FALSE);
}

/* Whatever people type next to an address, a number or a code, asking for
 * findings changes no byte of the summary, no mark is left in it, and the
 * spans hold what is shown.  A fixed seed, so that a failure repeats. */
static void
test_summary_finding_spans_random (void)
{
  static const char * const keys[] = {
    SIH_DETAIL_OS, SIH_DETAIL_BROWSER, SIH_DETAIL_SINCE, SIH_DETAIL_CHANGES_NOTE,
    SIH_DETAIL_ERROR_MESSAGE, SIH_DETAIL_ACCOUNT_EMAIL, SIH_DETAIL_ACCOUNT_PHONE, SIH_DETAIL_EXTRA,
  };
  g_autoptr(SihPack) pack = NULL;
  g_autoptr(GDateTime) now = fixed_now ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261206);
  g_autoptr(GHashTable) unmask = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *note_one = sih_summary_note_field ("first", "one");

  sih_test_use_language ("en");
  pack = load_pack ();

  for (guint round = 0; round < 400; round++)
    {
      Clock clock = { NULL };
      g_autoptr(SihCase) kase = make_full_case (&clock);
      SihSummaryOptions options;

      for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
        {
          g_autofree char *value = random_text (rand);
          g_autofree char *valid = g_utf8_make_valid (value, -1);

          sih_case_set_detail (kase, keys[i], valid);
        }
      {
        g_autofree char *value = random_text (rand);
        sih_case_set_note (kase, "first", "one", value);
      }

      sih_summary_options_init (&options);
      options.format = round % 2 == 0 ? SIH_SUMMARY_FORMAT_TEXT : SIH_SUMMARY_FORMAT_MARKDOWN;
      g_hash_table_remove_all (unmask);
      if (round % 3 == 0)
        {
          g_hash_table_add (unmask, (gpointer)SIH_DETAIL_EXTRA);
          g_hash_table_add (unmask, note_one);
        }
      options.unmask = unmask;

      {
        g_autoptr(GPtrArray) findings = NULL;
        g_autofree char *plain = sih_summary_format (kase, pack, NULL, now, &options, NULL);
        g_autofree char *text = sih_summary_format (kase, pack, NULL, now, &options, &findings);

        g_assert_cmpstr (text, ==, plain);
        g_assert_true (g_utf8_validate (text, -1, NULL));
        for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
          {
            gunichar ch = g_utf8_get_char (p);
            g_assert_false (ch >= 0xFDD0 && ch <= 0xFDEF);
          }
        check_spans (kase, text, findings, options.format);
      }
      g_clear_pointer (&clock.next, g_date_time_unref);
    }
}

static void
test_summary_unmask (void)
{
  g_autoptr(SihPack) pack = NULL;
  g_autoptr(SihCase) kase = NULL;
  g_autoptr(GDateTime) now = fixed_now ();
  g_autoptr(GHashTable) unmask = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) findings = NULL;
  g_autofree char *masked = NULL;
  g_autofree char *unmasked = NULL;
  g_autofree char *nothing = NULL;
  g_autofree char *note_one = sih_summary_note_field ("first", "one");
  SihSummaryOptions options;
  Clock clock = { NULL };

  sih_test_use_language ("en");
  pack = load_pack ();
  kase = make_full_case (&clock);
  sih_summary_options_init (&options);
  g_assert_cmpint (options.mask, ==, SIH_MASK_DEFAULT);
  g_assert_cmpint (options.format, ==, SIH_SUMMARY_FORMAT_TEXT);

  masked = sih_summary_format (kase, pack, NULL, now, &options, NULL);
  g_assert_null (strstr (masked, "taro.yamada@example.co.jp"));

  /* Unmasking one field shows it as written, and only it. */
  g_hash_table_add (unmask, (gpointer)SIH_DETAIL_ACCOUNT_EMAIL);
  g_hash_table_add (unmask, note_one);
  options.unmask = unmask;
  unmasked = sih_summary_format (kase, pack, NULL, now, &options, &findings);
  g_assert_nonnull (strstr (unmasked, "taro.yamada@example.co.jp, +81 **-****-5678"));
  /* A code stays withheld in a note shown as written. */
  g_assert_null (strstr (unmasked, "482913"));
  g_assert_nonnull (strstr (unmasked, "The code was [hidden] but it had expired"));
  g_assert_null (strstr (unmasked, "hanako@example.com"));
  g_assert_false (find_finding (findings, SIH_DETAIL_ACCOUNT_EMAIL, SIH_MASK_KIND_EMAIL)->masked);
  g_assert_true (find_finding (findings, note_one, SIH_MASK_KIND_SECRET)->masked);
  g_assert_true (find_finding (findings, SIH_DETAIL_EXTRA, SIH_MASK_KIND_EMAIL)->masked);
  g_assert_cmpstr (masked, !=, unmasked);

  /* With masking off, addresses and numbers are shown; flags still withhold secrets. */
  options.unmask = NULL;
  options.mask = SIH_MASK_SECRETS;
  nothing = sih_summary_format (kase, pack, NULL, now, &options, NULL);
  g_assert_nonnull (strstr (nothing, "taro.yamada@example.co.jp, +81 90-1234-5678"));
  g_assert_nonnull (strstr (nothing, "hanako@example.com"));
  g_assert_null (strstr (nothing, "482913"));

  g_clear_pointer (&clock.next, g_date_time_unref);
}

static void
test_summary_checklist_ids (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "packs", "good.json", NULL);
  g_autofree char *json = NULL;
  g_autofree char *edited = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(SihPack) pack = NULL;
  g_autoptr(SihCase) kase = NULL;
  g_autoptr(SihCase) empty = NULL;
  g_autoptr(GDateTime) now = fixed_now ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *blank = NULL;
  g_auto(GStrv) parts = NULL;
  Clock clock = { NULL }, clock2 = { NULL };
  const char *prepare =
    "\"prepare\": ["
    "{\"id\": \"email-or-phone\", \"label\": \"Account\"},"
    "{\"id\": \"error-message\", \"label\": \"Message\"},"
    "{\"id\": \"device\", \"label\": \"Device\"},"
    "{\"id\": \"since\", \"label\": \"Since\"},"
    "{\"id\": \"tried\", \"label\": \"Tried\"},"
    "{\"id\": \"changes\", \"label\": \"Changes\"},"
    "{\"id\": \"order-number\", \"label\": \"An order number\"}]";
  const char *expected[] = {
    "[x] Account: t***@e***.co.jp, +81 **-****-5678\n",
    "[x] Message: given above\n",
    "[x] Device: PC, Fedora Linux 41 (Workstation Edition), Firefox 128.0\n",
    "[x] Since: yesterday evening, after updating the app.\n",
    "[x] Tried: 2 steps, listed above\n",
    "[x] Changes: new phone, new e-mail address (New phone since 20 Nov; my new number is "
    "***-****-5678)\n",
    "[ ] An order number: not provided\n",
  };

  sih_test_use_language ("en");
  g_file_get_contents (path, &json, NULL, &error);
  g_assert_no_error (error);
  parts = g_regex_split_simple ("\"prepare\": \\[[^\\]]*\\]", json, 0, 0);
  g_assert_cmpuint (g_strv_length (parts), ==, 2);
  edited = g_strconcat (parts[0], prepare, parts[1], NULL);
  bytes = g_bytes_new (edited, strlen (edited));
  pack = sih_pack_new_from_bytes (bytes, "six-items.json", NULL, &error);
  g_assert_no_error (error);

  kase = make_full_case (&clock);
  {
    g_autoptr(SihDeviceInfo) device = fixed_device ();
    text = sih_summary_format (kase, pack, device, now, NULL, NULL);
  }
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_test_message ("%s", expected[i]);
      g_assert_nonnull (strstr (text, expected[i]));
    }

  /* Nothing known: every box is empty. */
  empty = make_minimal_case (&clock2);
  blank = sih_summary_format (empty, pack, NULL, now, NULL, NULL);
  g_assert_null (strstr (blank, "[x]"));
  g_assert_nonnull (strstr (blank, "[ ] Tried: not provided\n"));

  g_clear_pointer (&clock.next, g_date_time_unref);
  g_clear_pointer (&clock2.next, g_date_time_unref);
}

/* The steps as the person recorded them: the checklist's numbers in the
 * order tried, the buttons' words, a step that could not be done among
 * the others, and notes on steps not tried yet, masked like every note. */
static void
test_summary_steps (gconstpointer data)
{
  const char *language = data;
  g_autoptr(SihPack) pack = NULL;
  g_autoptr(SihCase) kase = NULL;
  g_autoptr(GDateTime) now = fixed_now ();
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GHashTable) unmask = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *note_three = sih_summary_note_field ("first", "three");
  g_autofree char *note_a = sih_summary_note_field ("second", "a");
  g_autofree char *text = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *two = NULL, *three = NULL, *one = NULL, *untried = NULL;
  const char *p_two, *p_three, *p_one, *p_untried;
  SihSummaryOptions options;
  Clock clock = { NULL };

  if (!sih_test_use_language (language))
    return;
  pack = load_pack ();
  kase = new_case (&clock, "1.0");
  sih_case_set_outcome (kase, "first", "two", SIH_OUTCOME_FAILED);
  sih_case_set_outcome (kase, "first", "three", SIH_OUTCOME_SKIPPED);
  sih_case_set_note (kase, "first", "three", "No old phone");
  sih_case_set_outcome (kase, "first", "one", SIH_OUTCOME_WORKED);
  sih_case_set_note (kase, "second", "a", "Call me on 090-1234-5678 first");

  sih_summary_options_init (&options);
  text = sih_summary_format (kase, pack, NULL, now, &options, &findings);
  g_test_message ("%s", text);

  /* Each step as the checklist numbers it, with the cause when steps of
   * several causes are listed, and its button's words. */
  if (g_str_equal (language, "ja"))
    {
      two = g_strdup_printf ("2. Step two（First cause）：%s（", sih_outcome_get_label (SIH_OUTCOME_FAILED));
      three = g_strdup_printf ("3. Step three（First cause）：%s（",
                               sih_outcome_get_label (SIH_OUTCOME_SKIPPED));
      one = g_strdup_printf ("1. Step one（First cause）：%s（", sih_outcome_get_label (SIH_OUTCOME_WORKED));
      untried = g_strdup ("1. Step A（Second cause）：Call me on ***-****-5678 first\n");
      g_assert_cmpstr (sih_outcome_get_label (SIH_OUTCOME_SKIPPED), ==, "実行できなかった");
    }
  else
    {
      two = g_strdup_printf ("2. Step two (First cause): %s (", sih_outcome_get_label (SIH_OUTCOME_FAILED));
      three = g_strdup_printf ("3. Step three (First cause): %s (",
                               sih_outcome_get_label (SIH_OUTCOME_SKIPPED));
      one = g_strdup_printf ("1. Step one (First cause): %s (", sih_outcome_get_label (SIH_OUTCOME_WORKED));
      untried = g_strdup ("1. Step A (Second cause): Call me on ***-****-5678 first\n");
      g_assert_cmpstr (sih_outcome_get_label (SIH_OUTCOME_SKIPPED), ==, "Couldn’t do it");
    }
  p_two = strstr (text, two);
  p_three = strstr (text, three);
  p_one = strstr (text, one);
  p_untried = strstr (text, untried);
  g_assert_nonnull (p_two);
  g_assert_nonnull (p_three);
  g_assert_nonnull (p_one);
  g_assert_nonnull (p_untried);
  /* In the order tried, and the note on a step not tried yet after them. */
  g_assert_true (p_two < p_three && p_three < p_one && p_one < p_untried);
  /* Not called skipped: the person could not do it. */
  g_assert_null (strstr (text, "Skipped"));
  g_assert_null (strstr (text, "skipped"));
  g_assert_null (strstr (text, "スキップ"));

  /* The note is a finding like any other, and can be shown as written. */
  g_assert_nonnull (find_finding (findings, note_a, SIH_MASK_KIND_PHONE));
  g_assert_true (find_finding (findings, note_a, SIH_MASK_KIND_PHONE)->masked);
  g_assert_null (strstr (text, "090-1234"));
  g_hash_table_add (unmask, note_a);
  options.unmask = unmask;
  shown = sih_summary_format (kase, pack, NULL, now, &options, NULL);
  g_assert_nonnull (strstr (shown, "Call me on 090-1234-5678 first"));
  g_assert_null (find_finding (findings, note_three, SIH_MASK_KIND_PHONE));

  g_clear_pointer (&clock.next, g_date_time_unref);
}

/* This computer's system stands in for the device's only when the
 * problem is on this computer: never for a phone, a tablet or a caller. */
static void
test_summary_this_computer (void)
{
  const struct {
    const char *type;
    const char *os;
    gboolean    help_desk;
    gboolean    here;
  } cases[] = {
    { NULL, NULL, FALSE, TRUE },
    { "pc", NULL, FALSE, TRUE },
    { "phone", NULL, FALSE, FALSE },
    { "tablet", NULL, FALSE, FALSE },
    { "Smart TV", NULL, FALSE, FALSE },
    { "phone", "iOS 18.1", FALSE, FALSE },
    { NULL, NULL, TRUE, FALSE },
    { "pc", "Windows 11", TRUE, FALSE },
  };
  g_autoptr(SihPack) pack = NULL;
  g_autoptr(SihDeviceInfo) device = fixed_device ();
  g_autoptr(GDateTime) now = fixed_now ();

  sih_test_use_language ("en");
  pack = load_pack ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      Clock clock = { NULL };
      g_autoptr(SihCase) kase = make_minimal_case (&clock);
      g_autofree char *text = NULL;
      SihSummaryOptions options;

      sih_summary_options_init (&options);
      options.help_desk = cases[i].help_desk;
      if (cases[i].type != NULL)
        sih_case_set_detail (kase, SIH_DETAIL_DEVICE_TYPE, cases[i].type);
      if (cases[i].os != NULL)
        sih_case_set_detail (kase, SIH_DETAIL_OS, cases[i].os);
      g_assert_cmpint (sih_summary_on_this_computer (kase, cases[i].help_desk), ==,
                       cases[i].here);

      text = sih_summary_format (kase, pack, device, now, &options, NULL);
      g_test_message ("device type %s, help desk %d", cases[i].type, cases[i].help_desk);
      /* The system, kernel, desktop and runtime are this computer's. */
      g_assert_true ((strstr (text, "Fedora Linux 41") != NULL) == (cases[i].here && cases[i].os == NULL));
      g_assert_true ((strstr (text, "Kernel: Linux 6.11.4") != NULL) == cases[i].here);
      g_assert_true ((strstr (text, "Desktop: GNOME (Wayland)") != NULL) == cases[i].here);
      g_assert_true ((strstr (text, "Flatpak runtime:") != NULL) == cases[i].here);
      /* The person's language and time zone, wherever the problem is. */
      g_assert_true ((strstr (text, "Time zone: Asia/Tokyo") != NULL) == !cases[i].help_desk);
      /* What was typed is always shown. */
      if (cases[i].os != NULL)
        g_assert_nonnull (strstr (text, cases[i].os));
      else if (!cases[i].here)
        g_assert_nonnull (strstr (text, "Operating system: not provided"));

      g_clear_pointer (&clock.next, g_date_time_unref);
    }
}

static void
test_summary_format_names (void)
{
  SihSummaryFormat format = SIH_SUMMARY_FORMAT_TEXT;

  g_assert_true (sih_summary_format_from_string ("markdown", &format));
  g_assert_cmpint (format, ==, SIH_SUMMARY_FORMAT_MARKDOWN);
  g_assert_true (sih_summary_format_from_string ("text", &format));
  g_assert_cmpint (format, ==, SIH_SUMMARY_FORMAT_TEXT);
  g_assert_true (sih_summary_format_from_string ("md", &format));
  g_assert_cmpint (format, ==, SIH_SUMMARY_FORMAT_MARKDOWN);
  g_assert_false (sih_summary_format_from_string ("pdf", &format));
  g_assert_false (sih_summary_format_from_string (NULL, &format));
  g_assert_cmpint (format, ==, SIH_SUMMARY_FORMAT_MARKDOWN);

  /* One table says how each leaves the app. */
  g_assert_true (sih_export_format_lookup ("pdf")->printed);
  g_assert_cmpstr (sih_export_format_lookup ("pdf")->mime_type, ==, "application/pdf");
  g_assert_true (sih_export_format_lookup ("txt") == sih_export_format_lookup ("text"));
  g_assert_null (sih_export_format_lookup ("html"));
  g_assert_null (sih_export_format_lookup (NULL));
  g_assert_cmpstr (sih_export_format_for_summary (SIH_SUMMARY_FORMAT_MARKDOWN)->extension, ==, "md");
  g_assert_cmpstr (sih_export_format_for_summary (SIH_SUMMARY_FORMAT_TEXT)->extension, ==, "txt");
  g_assert_cmpstr (sih_export_format_for_summary (SIH_SUMMARY_FORMAT_TEXT)->mime_type, ==, "text/plain");
}

/* What a help desk adds is shown in help-desk use only; the route an
 * escalation went to is named as the pack names it; the caller's contact
 * is masked unless unmasked; the timeline only when asked for. */
static void
test_summary_help_desk_fields (void)
{
  g_autoptr(SihPack) pack = NULL;
  g_autoptr(SihCase) kase = NULL;
  g_autoptr(GDateTime) now = fixed_now ();
  g_autoptr(GHashTable) unmask = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *plain = NULL;
  g_autofree char *desk = NULL;
  g_autofree char *unmasked = NULL;
  g_autofree char *timeline = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  SihSummaryOptions options;
  Clock clock = { NULL };
  gboolean found_contact = FALSE;

  if (!sih_test_use_language ("en"))
    return;
  pack = load_pack ();
  kase = make_ticket_case (&clock);
  sih_case_set_status (kase, SIH_STATUS_ESCALATED, NULL, "customer-service", NULL);

  sih_summary_options_init (&options);
  g_assert_false (options.timeline);
  plain = sih_summary_format (kase, pack, NULL, now, &options, NULL);
  g_assert_null (strstr (plain, "HD-4711"));
  g_assert_null (strstr (plain, "Tanaka"));
  g_assert_null (strstr (plain, "Caller unsure"));

  options.help_desk = TRUE;
  desk = sih_summary_format (kase, pack, NULL, now, &options, &findings);
  g_assert_true (g_str_has_prefix (desk, "Ticket HD-4711: sign-in problem summary\n"));
  g_assert_nonnull (strstr (desk, "Status: Escalated to Customer Service\n"));
  g_assert_null (strstr (desk, "Reason:"));
  g_assert_null (strstr (desk, "090-1234"));
  g_assert_null (strstr (desk, "Caller unsure"));
  g_assert_null (strstr (desk, "Timeline"));
  for (guint i = 0; i < findings->len; i++)
    {
      SihSummaryFinding *finding = g_ptr_array_index (findings, i);

      if (g_str_equal (finding->field, "caller-contact") && finding->kind == SIH_MASK_KIND_PHONE)
        found_contact = finding->masked && finding->spans->len == 1;
    }
  g_assert_true (found_contact);

  g_hash_table_add (unmask, (gpointer)"caller-contact");
  options.unmask = unmask;
  unmasked = sih_summary_format (kase, pack, NULL, now, &options, NULL);
  g_assert_nonnull (strstr (unmasked, "090-1234-5678 after 18:00"));

  options.timeline = TRUE;
  timeline = sih_summary_format (kase, pack, NULL, now, &options, NULL);
  g_assert_nonnull (strstr (timeline, "Timeline\n--------\n"));
  g_assert_nonnull (strstr (timeline, "Suzuki — Status: Escalated"));
  /* Not even that an internal note was written. */
  g_assert_null (strstr (timeline, "Note edited on 1."));
  g_assert_nonnull (strstr (timeline, "Note edited on 2."));

  g_clear_pointer (&clock.next, g_date_time_unref);
}

static const GoldenCase golden_cases[] = {
  { "full", make_full_case, FALSE, TRUE, NULL, "en", SIH_SUMMARY_FORMAT_TEXT },
  { "full", make_full_case, FALSE, TRUE, NULL, "en", SIH_SUMMARY_FORMAT_MARKDOWN },
  { "full", make_full_case, FALSE, TRUE, NULL, "ja", SIH_SUMMARY_FORMAT_TEXT },
  { "full", make_full_case, FALSE, TRUE, NULL, "ja", SIH_SUMMARY_FORMAT_MARKDOWN },
  { "minimal", make_minimal_case, FALSE, FALSE, NULL, "en", SIH_SUMMARY_FORMAT_TEXT },
  { "minimal", make_minimal_case, FALSE, FALSE, NULL, "en", SIH_SUMMARY_FORMAT_MARKDOWN },
  { "minimal", make_minimal_case, FALSE, FALSE, NULL, "ja", SIH_SUMMARY_FORMAT_TEXT },
  { "minimal", make_minimal_case, FALSE, FALSE, NULL, "ja", SIH_SUMMARY_FORMAT_MARKDOWN },
  { "help-desk", make_help_desk_case, TRUE, TRUE, SIH_DETAIL_ACCOUNT_EMAIL, "en", SIH_SUMMARY_FORMAT_TEXT },
  { "help-desk", make_help_desk_case, TRUE, TRUE, SIH_DETAIL_ACCOUNT_EMAIL, "en", SIH_SUMMARY_FORMAT_MARKDOWN },
  { "help-desk", make_help_desk_case, TRUE, TRUE, SIH_DETAIL_ACCOUNT_EMAIL, "ja", SIH_SUMMARY_FORMAT_TEXT },
  { "help-desk", make_help_desk_case, TRUE, TRUE, SIH_DETAIL_ACCOUNT_EMAIL, "ja", SIH_SUMMARY_FORMAT_MARKDOWN },
  { "ticket", make_ticket_case, TRUE, TRUE, NULL, "en", SIH_SUMMARY_FORMAT_TEXT, TRUE },
  { "ticket", make_ticket_case, TRUE, TRUE, NULL, "en", SIH_SUMMARY_FORMAT_MARKDOWN, TRUE },
  { "ticket", make_ticket_case, TRUE, TRUE, NULL, "ja", SIH_SUMMARY_FORMAT_TEXT, TRUE },
  { "ticket", make_ticket_case, TRUE, TRUE, NULL, "ja", SIH_SUMMARY_FORMAT_MARKDOWN, TRUE },
};

static const GoldenCase checklist_cases[] = {
  { "blank-checklist", NULL, FALSE, FALSE, NULL, "en", SIH_SUMMARY_FORMAT_TEXT },
  { "blank-checklist", NULL, FALSE, FALSE, NULL, "en", SIH_SUMMARY_FORMAT_MARKDOWN },
  { "blank-checklist", NULL, FALSE, FALSE, NULL, "ja", SIH_SUMMARY_FORMAT_TEXT },
  { "blank-checklist", NULL, FALSE, FALSE, NULL, "ja", SIH_SUMMARY_FORMAT_MARKDOWN },
};

/* The field id of a note, and back. */
static void
test_summary_note_field (void)
{
  g_autofree char *field = sih_summary_note_field ("first", "one");
  g_autofree char *cause_id = NULL;
  g_autofree char *step_id = NULL;

  g_assert_cmpstr (field, ==, "note:first/one");
  g_assert_true (sih_summary_parse_note_field (field, &cause_id, &step_id));
  g_assert_cmpstr (cause_id, ==, "first");
  g_assert_cmpstr (step_id, ==, "one");

  g_assert_false (sih_summary_parse_note_field (SIH_DETAIL_EXTRA, NULL, NULL));
  g_assert_false (sih_summary_parse_note_field ("note:first", NULL, NULL));
  g_assert_false (sih_summary_parse_note_field ("note:/one", NULL, NULL));
  g_assert_false (sih_summary_parse_note_field ("note:first/", NULL, NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  sih_test_init_translations ();

  for (guint i = 0; i < G_N_ELEMENTS (golden_cases); i++)
    {
      const GoldenCase *c = &golden_cases[i];
      g_autofree char *name = g_strdup_printf ("/summary/golden/%s/%s/%s", c->name, c->language,
                                               c->format == SIH_SUMMARY_FORMAT_MARKDOWN ?
                                               "markdown" : "text");
      g_test_add_data_func (name, c, test_summary_golden);
    }
  for (guint i = 0; i < G_N_ELEMENTS (checklist_cases); i++)
    {
      const GoldenCase *c = &checklist_cases[i];
      g_autofree char *name = g_strdup_printf ("/summary/blank-checklist/%s/%s", c->language,
                                               c->format == SIH_SUMMARY_FORMAT_MARKDOWN ?
                                               "markdown" : "text");
      g_test_add_data_func (name, c, test_summary_blank_checklist);
    }
  g_test_add_data_func ("/summary/steps/en", "en", test_summary_steps);
  g_test_add_data_func ("/summary/steps/ja", "ja", test_summary_steps);
  for (guint i = 0; i < G_N_ELEMENTS (golden_cases); i++)
    {
      const GoldenCase *c = &golden_cases[i];
      g_autofree char *name = NULL;

      if (c->format != SIH_SUMMARY_FORMAT_MARKDOWN)
        continue;
      name = g_strdup_printf ("/summary/blocks/%s/%s", c->name, c->language);
      g_test_add_data_func (name, c, test_summary_blocks);
    }
  for (guint i = 0; i < G_N_ELEMENTS (checklist_cases); i++)
    {
      const GoldenCase *c = &checklist_cases[i];
      g_autofree char *name = NULL;

      if (c->format != SIH_SUMMARY_FORMAT_MARKDOWN)
        continue;
      name = g_strdup_printf ("/summary/blocks/blank-checklist/%s", c->language);
      g_test_add_data_func (name, c, test_summary_blocks);
    }
  g_test_add_func ("/summary/blocks/hostile", test_summary_blocks_hostile);
  g_test_add_func ("/summary/findings", test_summary_findings);
  g_test_add_func ("/summary/finding-spans", test_summary_finding_spans);
  g_test_add_func ("/summary/finding-spans/random", test_summary_finding_spans_random);
  g_test_add_func ("/summary/unmask", test_summary_unmask);
  g_test_add_func ("/summary/help-desk-fields", test_summary_help_desk_fields);
  g_test_add_func ("/summary/checklist-ids", test_summary_checklist_ids);
  g_test_add_func ("/summary/format-names", test_summary_format_names);
  g_test_add_func ("/summary/this-computer", test_summary_this_computer);
  g_test_add_func ("/summary/note-field", test_summary_note_field);

  return g_test_run ();
}
