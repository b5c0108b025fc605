/* sih-summary.c
 *
 * Turns a case into what a person takes to customer service or an agent
 * pastes into a ticket.  The order is fixed: a statement of the problem,
 * the error message, since when and recent changes, the answers to the
 * triage questions (if any), the steps tried in the order they were tried
 * with their checklist numbers and outcomes (in the words of the step's
 * buttons), the notes on steps not tried yet, device information, the
 * checklist of what support asks for, when the summary was made and the
 * versions, and the disclaimer.
 *
 * Everything the person typed goes through one function, masked_field(),
 * which masks e-mail addresses and phone numbers, withholds what looks like
 * a password or a code, and reports all of it to the caller; a field in the
 * options' unmask set is shown as written, except for what looks like a
 * password or a code, which is withheld whatever the options say.  Device information read from
 * the machine is not personal and is not masked.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "core/sih-summary.h"

/* The error message's first line in the opening paragraph is cut here. */
#define STATEMENT_MESSAGE_MAX_CHARS 160

typedef enum
{
  FIELD_TEXT,
  FIELD_EMAIL,
  FIELD_PHONE,
} FieldKind;

/* How one text format writes the summary's pieces: one row per format in
 * renderers[], below.  Nothing else in this file knows which format it is
 * writing. */
typedef struct
{
  /* A heading: the summary's title when @top, else a section's. */
  void        (*heading)   (GString *out, const char *title, gboolean top);
  /* The person's (or the pack's) text as a paragraph of its own. */
  char       *(*block)     (const char *text);
  /* The same text inside a line, after a label or in a list item. */
  char       *(*inline_)   (const char *text);
  /* A message quoted exactly as it was shown. */
  void        (*verbatim)  (GString *out, const char *text);
  const char  *strong_open, *strong_close;      /* around a label */
  const char  *emphasis_open, *emphasis_close;  /* around the closing line */
  const char  *item;          /* before an item of a list */
  const char  *checkbox_open; /* before "x] " or " ] " */
  const char  *check_indent;  /* lines after a checkbox's first */
  const char  *line_break;    /* ends a line inside an item or a paragraph */
} Renderer;

typedef struct
{
  SihCase                 *kase;
  SihPack                 *pack;
  const SihDeviceInfo     *device;
  GDateTime               *now;
  const SihSummaryOptions *options;
  const Renderer          *r;
  GString                 *out;
  GHashTable              *fields;    /* field id → shown text (nullable), owned */
  GPtrArray               *findings;  /* SihSummaryFinding */
} Summary;

typedef struct
{
  const SihStepRecord *record;
  guint                first_change;  /* index in the history, G_MAXUINT if none */
  guint                position;      /* in the case's records */
  GDateTime           *time;          /* when the outcome was set (borrowed) */
} Tried;

void
sih_summary_options_init (SihSummaryOptions *options)
{
  g_return_if_fail (options != NULL);

  options->format = SIH_SUMMARY_FORMAT_TEXT;
  options->mask = SIH_MASK_DEFAULT;
  options->unmask = NULL;
  options->help_desk = FALSE;
  options->timeline = FALSE;
}

void
sih_summary_finding_free (SihSummaryFinding *finding)
{
  if (finding == NULL)
    return;
  g_free (finding->field);
  g_clear_pointer (&finding->spans, g_array_unref);
  g_free (finding);
}

/**
 * sih_summary_note_field:
 *
 * Returns: (transfer full): the field id of a step's note, for the
 *   options' unmask set and in findings: "note:CAUSE/STEP"
 */
char *
sih_summary_note_field (const char *cause_id,
                        const char *step_id)
{
  g_return_val_if_fail (cause_id != NULL, NULL);
  g_return_val_if_fail (step_id != NULL, NULL);

  return g_strdup_printf ("note:%s/%s", cause_id, step_id);
}

/**
 * sih_summary_parse_note_field:
 * @field: a field id, as in #SihSummaryFinding
 * @cause_id: (out) (optional): the cause of the step
 * @step_id: (out) (optional): the step
 *
 * Returns: %TRUE if @field is a step's note ("note:CAUSE/STEP"), %FALSE
 *   for a detail
 */
gboolean
sih_summary_parse_note_field (const char  *field,
                              char       **cause_id,
                              char       **step_id)
{
  const char *slash;

  g_return_val_if_fail (field != NULL, FALSE);

  if (!g_str_has_prefix (field, "note:"))
    return FALSE;
  field += strlen ("note:");
  slash = strchr (field, '/');
  if (slash == NULL || slash == field || slash[1] == '\0')
    return FALSE;
  if (cause_id != NULL)
    *cause_id = g_strndup (field, slash - field);
  if (step_id != NULL)
    *step_id = g_strdup (slash + 1);
  return TRUE;
}

/* Every way a summary leaves the app: one row each. */
static const SihExportFormat export_formats[] = {
  { "text", "txt", "txt", "text/plain", SIH_SUMMARY_FORMAT_TEXT, FALSE },
  { "markdown", "md", "md", "text/markdown", SIH_SUMMARY_FORMAT_MARKDOWN, FALSE },
  { "pdf", NULL, "pdf", "application/pdf", SIH_SUMMARY_FORMAT_TEXT, TRUE },
};

/**
 * sih_export_format_lookup:
 * @name: (nullable): a format's name or alias
 *
 * Returns: (nullable): the format, or %NULL if there is none of that name
 */
const SihExportFormat *
sih_export_format_lookup (const char *name)
{
  for (guint i = 0; name != NULL && i < G_N_ELEMENTS (export_formats); i++)
    if (g_str_equal (name, export_formats[i].name) ||
        g_strcmp0 (name, export_formats[i].alias) == 0)
      return &export_formats[i];
  return NULL;
}

/**
 * sih_export_format_for_summary:
 * @format: a summary format
 *
 * Returns: the format a summary in @format is saved as
 */
const SihExportFormat *
sih_export_format_for_summary (SihSummaryFormat format)
{
  for (guint i = 0; i < G_N_ELEMENTS (export_formats); i++)
    if (export_formats[i].format == format && !export_formats[i].printed)
      return &export_formats[i];
  g_return_val_if_reached (&export_formats[0]);
}

/**
 * sih_summary_format_from_string:
 * @name: "text" or "markdown" (also "txt", "md")
 * @format: (out): the format
 *
 * Returns: whether @name is a format
 */
gboolean
sih_summary_format_from_string (const char       *name,
                                SihSummaryFormat *format)
{
  const SihExportFormat *found = sih_export_format_lookup (name);

  g_return_val_if_fail (format != NULL, FALSE);

  /* Text formats only: a PDF is printed, not formatted. */
  if (found == NULL || found->printed)
    return FALSE;
  *format = found->format;
  return TRUE;
}

/* Text helpers */

/* Line ends made "\n" and the ends trimmed; %NULL when nothing is left. */

/* Where the person's text lands in the summary
 *
 * When the caller asks for findings, masked_field() wraps what each one
 * shows in invisible marks: noncharacters, which Unicode sets aside for a
 * program's own use and which masked_field() drops from what people type.
 * U+FDD0, the finding's index as hex digits U+FDE0–U+FDEF, U+FDD1, the
 * text, U+FDD2.  The marks travel with the text through escaping and
 * layout; every helper below that looks at a neighbouring character looks
 * past them, so the words are the same with or without marks, and
 * take_marks() removes them at the end, noting where each finding was
 * written.  Each is three bytes in UTF-8: EF B7 90–AF. */
#define MARK_LEN   3
#define MARK_OPEN  "\xEF\xB7\x90"
#define MARK_BEGIN "\xEF\xB7\x91"
#define MARK_CLOSE "\xEF\xB7\x92"
#define MARK_DIGIT 0xA0

static inline gboolean
is_mark (const char *p)
{
  return (guchar)p[0] == 0xEF && (guchar)p[1] == 0xB7 &&
         (guchar)p[2] >= 0x90 && (guchar)p[2] <= 0xAF;
}

/* Past any marks at @p. */
static const char *
skip_marks (const char *p)
{
  while (is_mark (p))
    p += MARK_LEN;
  return p;
}

/* The character before @p in @text, looking past marks; ' ' at the start.
 * 0xEF is never a continuation byte, so a mark ends at @p exactly when
 * @p - 3 starts one. */
static const char *
before_marks (const char *text,
              const char *p)
{
  while (p - text >= MARK_LEN && is_mark (p - MARK_LEN))
    p -= MARK_LEN;
  return p;
}

static void
append_mark_open (GString *out,
                  guint    index)
{
  char digits[16];

  g_string_append (out, MARK_OPEN);
  g_snprintf (digits, sizeof digits, "%x", index);
  for (const char *d = digits; *d != '\0'; d++)
    {
      guint value = g_ascii_xdigit_value (*d);

      g_string_append_c (out, (char)0xEF);
      g_string_append_c (out, (char)0xB7);
      g_string_append_c (out, (char)(MARK_DIGIT + value));
    }
  g_string_append (out, MARK_BEGIN);
}

/* Cutting text may leave a mark open: close it where the cut is. */
static void
close_open_marks (GString *text)
{
  int depth = 0;

  for (const char *p = text->str; *p != '\0'; p++)
    {
      if (!is_mark (p))
        continue;
      if (memcmp (p, MARK_BEGIN, MARK_LEN) == 0)
        depth++;
      else if (memcmp (p, MARK_CLOSE, MARK_LEN) == 0 && depth > 0)
        depth--;
      p += MARK_LEN - 1;
    }
  for (; depth > 0; depth--)
    g_string_append (text, MARK_CLOSE);
}

/* Removes the marks from @text, adding to each finding where it was
 * written: byte offsets into the text without marks.  A noncharacter that
 * is not one of ours (a pack may hold anything) is left as it is. */
static char *
take_marks (char      *text,
            GPtrArray *findings)
{
  GString *out = g_string_sized_new (strlen (text));
  g_autoptr(GArray) open = g_array_new (FALSE, FALSE, sizeof (guint));

  for (const char *p = text; *p != '\0';)
    {
      if (memcmp (p, MARK_OPEN, MARK_LEN) == 0)
        {
          const char *q = p + MARK_LEN;
          guint index = 0;

          for (; is_mark (q) && (guchar)q[2] >= MARK_DIGIT && index < G_MAXUINT / 16; q += MARK_LEN)
            index = index * 16 + ((guchar)q[2] - MARK_DIGIT);
          if (q > p + MARK_LEN && memcmp (q, MARK_BEGIN, MARK_LEN) == 0 && index < findings->len)
            {
              SihSummaryFinding *finding = g_ptr_array_index (findings, index);
              SihSummarySpan span = { out->len, out->len };

              g_array_append_val (finding->spans, span);
              g_array_append_val (open, index);
              p = q + MARK_LEN;
              continue;
            }
        }
      else if (memcmp (p, MARK_CLOSE, MARK_LEN) == 0 && open->len > 0)
        {
          guint index = g_array_index (open, guint, open->len - 1);
          SihSummaryFinding *finding = g_ptr_array_index (findings, index);

          g_array_set_size (open, open->len - 1);
          g_array_index (finding->spans, SihSummarySpan, finding->spans->len - 1).end = out->len;
          p += MARK_LEN;
          continue;
        }
      g_string_append_c (out, *p++);
    }

  g_free (text);
  return g_string_free (out, FALSE);
}

/* Like g_strstrip(), looking past marks and keeping them. */
static void
strip_keeping_marks (GString *text)
{
  GString *kept = g_string_new (NULL);
  gsize start = 0, end = text->len;

  while (start < end && (g_ascii_isspace (text->str[start]) || is_mark (text->str + start)))
    {
      if (is_mark (text->str + start))
        {
          g_string_append_len (kept, text->str + start, MARK_LEN);
          start += MARK_LEN;
        }
      else
        start++;
    }
  g_string_erase (text, 0, start);
  g_string_prepend_len (text, kept->str, kept->len);
  g_string_truncate (kept, 0);

  end = text->len;
  while (end > 0 && (g_ascii_isspace (text->str[end - 1]) ||
                     (end >= MARK_LEN && is_mark (text->str + end - MARK_LEN))))
    {
      if (end >= MARK_LEN && is_mark (text->str + end - MARK_LEN))
        {
          g_string_prepend_len (kept, text->str + end - MARK_LEN, MARK_LEN);
          end -= MARK_LEN;
        }
      else
        end--;
    }
  g_string_truncate (text, end);
  g_string_append_len (text, kept->str, kept->len);
  g_string_free (kept, TRUE);
}

static char *
clean_text (const char *text)
{
  GString *out;

  if (text == NULL)
    return NULL;

  out = g_string_new (NULL);
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '\r')
        {
          g_string_append_c (out, '\n');
          if (p[1] == '\n')
            p++;
        }
      else
        g_string_append_c (out, *p);
    }
  strip_keeping_marks (out);
  if (*skip_marks (out->str) == '\0')
    {
      g_string_free (out, TRUE);
      return NULL;
    }
  return g_string_free (out, FALSE);
}

static guint
display_width (const char *text)
{
  guint width = 0;

  for (const char *p = skip_marks (text); *p != '\0'; p = skip_marks (g_utf8_next_char (p)))
    {
      gunichar ch = g_utf8_get_char (p);

      if (g_unichar_iszerowidth (ch))
        continue;
      width += g_unichar_iswide (ch) ? 2 : 1;
    }
  return width;
}

/* Escapes what Markdown would read as formatting, line by line, so that a
 * line of the person's text never becomes a heading or a list item.  The
 * first line starts a line only when @at_line_start (a paragraph); in a
 * list item or after a label it does not.  A run of "_" that cannot
 * emphasise anything (inside a word, "x86_64", or between spaces, a blank
 * to write on) is left as it is, so the Markdown still reads as text. */
static char *
md_escape_full (const char *text,
                gboolean    at_line_start)
{
  GString *out = g_string_new (NULL);
  gboolean line_start = at_line_start;
  const char *p = text;

  while (*p != '\0')
    {
      char c;

      if (line_start)
        {
          line_start = FALSE;
          while (*p == ' ' || is_mark (p))
            {
              const char *next = *p == ' ' ? p + 1 : p + MARK_LEN;

              g_string_append_len (out, p, next - p);
              p = next;
            }
          if (*p == '#' || *p == '+' || *p == '-' || *p == '=')
            g_string_append_c (out, '\\');
          else if (g_ascii_isdigit (*p))
            {
              const char *q = p;

              while (g_ascii_isdigit (*q) || is_mark (q))
                q += g_ascii_isdigit (*q) ? 1 : MARK_LEN;
              if (*q == '.' || *q == ')')
                {
                  g_string_append_len (out, p, q - p);
                  g_string_append_c (out, '\\');
                  p = q;
                }
            }
          continue;
        }

      c = *p;
      if (c == '_')
        {
          const char *q = p;
          const char *prev = before_marks (text, p);
          char before = prev > text ? prev[-1] : ' ';
          char after;
          gboolean literal;

          while (*q == '_' || (is_mark (q) && *skip_marks (q) == '_'))
            q = *q == '_' ? q + 1 : skip_marks (q);
          after = *skip_marks (q) != '\0' ? *skip_marks (q) : ' ';
          literal = (g_ascii_isalnum (before) && g_ascii_isalnum (after)) ||
                    (g_ascii_isspace (before) && g_ascii_isspace (after));
          while (p < q)
            {
              if (*p != '_')
                {
                  g_string_append_len (out, p, MARK_LEN);
                  p += MARK_LEN;
                  continue;
                }
              if (!literal)
                g_string_append_c (out, '\\');
              g_string_append_c (out, '_');
              p++;
            }
          continue;
        }

      if (strchr ("\\`*[]<>|~", c) != NULL)
        g_string_append_c (out, '\\');
      g_string_append_c (out, c);
      if (c == '\n')
        line_start = TRUE;
      p++;
    }

  return g_string_free (out, FALSE);
}

static char *
md_escape (const char *text)
{
  return md_escape_full (text, TRUE);
}

static char *
md_inline (const char *text)
{
  return md_escape_full (text, FALSE);
}

static void
append_indented (GString    *out,
                 const char *text,
                 const char *indent,
                 const char *line_break)
{
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '\n')
        {
          g_string_append (out, line_break);
          g_string_append_c (out, '\n');
          g_string_append (out, indent);
        }
      else
        g_string_append_c (out, *p);
    }
}

static char *
format_offset (int seconds)
{
  int minutes = ABS (seconds) / 60;

  return g_strdup_printf ("UTC%c%02d:%02d", seconds < 0 ? '-' : '+', minutes / 60, minutes % 60);
}

static char *
format_time (GDateTime *time,
             GDateTime *now)
{
  g_autoptr(GDateTime) local = g_date_time_to_timezone (time, g_date_time_get_timezone (now));

  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

static char *
join_list (GPtrArray *items)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < items->len; i++)
    {
      if (i > 0)
        /* Translators: between the items of a list such as "new phone, new password" */
        g_string_append (out, C_("list separator", ", "));
      g_string_append (out, g_ptr_array_index (items, i));
    }
  return g_string_free (out, FALSE);
}

/* Output */

static void
text_heading (GString    *out,
              const char *title,
              gboolean    top)
{
  guint width = display_width (title);

  g_string_append_printf (out, "%s\n", title);
  for (guint i = 0; i < width; i++)
    g_string_append_c (out, top ? '=' : '-');
  g_string_append (out, "\n\n");
}

static void
md_heading (GString    *out,
            const char *title,
            gboolean    top)
{
  g_autofree char *escaped = md_inline (title);

  g_string_append_printf (out, "%s %s\n\n", top ? "#" : "##", escaped);
}

static void
text_verbatim (GString    *out,
               const char *text)
{
  g_string_append_printf (out, "%s\n\n", text);
}

static void
md_verbatim (GString    *out,
             const char *text)
{
  guint run = 0, longest = 0;
  g_autoptr(GString) fence = g_string_new (NULL);

  /* A fence longer than any run of backticks in the text. */
  for (const char *p = skip_marks (text); *p != '\0'; p = skip_marks (p + 1))
    {
      run = *p == '`' ? run + 1 : 0;
      longest = MAX (longest, run);
    }
  for (guint i = 0; i < MAX (3, longest + 1); i++)
    g_string_append_c (fence, '`');
  g_string_append_printf (out, "%s\n%s\n%s\n\n", fence->str, text, fence->str);
}

/* The layout, for paper: not a format people choose, but the text that
 * split_blocks() turns into SihSummaryBlocks.  Its structure is written in
 * control characters, which layout_inline() takes out of every text it is
 * given (what the person typed and what the pack says), so that only the
 * renderer writes them and a line of text can never pass for structure.
 * Line feed, tab and the other white space characters are not used. */
#define SUMMARY_FORMAT_LAYOUT ((SihSummaryFormat)(SIH_SUMMARY_FORMAT_MARKDOWN + 1))
#define TAG_TITLE        "\x01"  /* starts the summary's heading */
#define TAG_SECTION      "\x02"  /* starts a section's heading */
#define TAG_ITEM         "\x03"  /* starts an item of a list */
#define TAG_CHECKBOX     "\x04"  /* starts an item with a box, then "x] " or " ] " */
#define TAG_VERBATIM     "\x05"  /* starts a message quoted exactly */
#define TAG_TEXT         "\x06"  /* text follows: a paragraph, never a numbered item */
#define TAG_NEWLINE      "\x07"  /* a line break in a text */
#define TAG_GOES_ON      "\x08"  /* ends a line the block goes on after */
#define TAG_STRONG_OPEN  "\x0E"
#define TAG_STRONG_CLOSE "\x0F"
#define TAG_EM_OPEN      "\x10"
#define TAG_EM_CLOSE     "\x11"

static char *
layout_inline (const char *text)
{
  GString *out = g_string_sized_new (strlen (text));

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '\n')
        g_string_append (out, TAG_NEWLINE);
      else if (*p == '\t' || !((guchar)*p < 0x20 || *p == 0x7F))
        g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

static char *
layout_block (const char *text)
{
  g_autofree char *escaped = layout_inline (text);

  return g_strconcat (TAG_TEXT, escaped, NULL);
}

static void
layout_heading (GString    *out,
                const char *title,
                gboolean    top)
{
  g_autofree char *escaped = layout_inline (title);

  g_string_append_printf (out, "%s%s\n\n", top ? TAG_TITLE : TAG_SECTION, escaped);
}

static void
layout_verbatim (GString    *out,
                 const char *text)
{
  g_autofree char *escaped = layout_inline (text);

  g_string_append_printf (out, "%s%s\n\n", TAG_VERBATIM, escaped);
}

static const Renderer renderers[] = {
  [SIH_SUMMARY_FORMAT_TEXT] = {
    text_heading, g_strdup, g_strdup, text_verbatim,
    "", "", "", "", "", "[", "    ", "",
  },
  [SIH_SUMMARY_FORMAT_MARKDOWN] = {
    md_heading, md_escape, md_inline, md_verbatim,
    "**", "**", "*", "*", "- ", "- [", "  ", "\\",
  },
  [SUMMARY_FORMAT_LAYOUT] = {
    layout_heading, layout_block, layout_inline, layout_verbatim,
    TAG_STRONG_OPEN, TAG_STRONG_CLOSE, TAG_EM_OPEN, TAG_EM_CLOSE, TAG_ITEM, TAG_CHECKBOX, "",
    TAG_GOES_ON,
  },
};

static const Renderer *
renderer_for (SihSummaryFormat format)
{
  g_return_val_if_fail ((guint)format < G_N_ELEMENTS (renderers), &renderers[0]);
  return &renderers[format];
}

/* A label as the format sets labels off ("**Since**"), escaped. */
static char *
strong (Summary    *s,
        const char *label)
{
  g_autofree char *escaped = s->r->inline_ (label);

  return g_strconcat (s->r->strong_open, escaped, s->r->strong_close, NULL);
}

static void
heading (Summary    *s,
         const char *title,
         gboolean    top)
{
  s->r->heading (s->out, title, top);
}

static void
paragraph (Summary    *s,
           const char *text)
{
  g_autofree char *escaped = s->r->block (text);

  append_indented (s->out, escaped, "", s->r->line_break);
  g_string_append (s->out, "\n\n");
}

/* An item of a list: @line, already escaped, may span lines. */
static void
list_item (Summary    *s,
           const char *line)
{
  g_string_append (s->out, s->r->item);
  append_indented (s->out, line, "  ", s->r->line_break);
  g_string_append_c (s->out, '\n');
}

/* "Label: value" as a line or a list item; @value may span lines. */
static void
item (Summary    *s,
      const char *label,
      const char *value)
{
  g_autofree char *bold = strong (s, label);
  g_autofree char *escaped = NULL;
  g_autofree char *line = NULL;

  if (value == NULL)
    /* Translators: what the summary says about something the person did not fill in */
    value = C_("summary", "not provided");

  escaped = s->r->inline_ (value);
  /* Translators: a label and its value, "Since: yesterday" */
  line = g_strdup_printf (C_("summary", "%s: %s"), bold, escaped);
  list_item (s, line);
}

static void
end_section (Summary *s)
{
  g_string_append_c (s->out, '\n');
}

/* Returns the finding's index, or G_MAXUINT when nobody asked. */
static guint
add_finding (Summary         *s,
             const char      *field,
             SihMaskKind      kind,
             SihSecretReason  reason,
             gsize            start,
             gsize            end,
             gboolean         masked)
{
  SihSummaryFinding *finding;

  if (s->findings == NULL)
    return G_MAXUINT;

  finding = g_new0 (SihSummaryFinding, 1);
  finding->field = g_strdup (field);
  finding->kind = kind;
  finding->reason = reason;
  finding->start = start;
  finding->end = end;
  finding->masked = masked;
  finding->spans = g_array_new (FALSE, FALSE, sizeof (SihSummarySpan));
  g_ptr_array_add (s->findings, finding);
  return s->findings->len - 1;
}

static SihMaskFlags
flag_for_kind (SihMaskKind kind)
{
  switch (kind)
    {
    case SIH_MASK_KIND_EMAIL:
      return SIH_MASK_EMAILS;
    case SIH_MASK_KIND_PHONE:
      return SIH_MASK_PHONES;
    case SIH_MASK_KIND_SECRET:
      return SIH_MASK_SECRETS;
    default:
      g_return_val_if_reached (SIH_MASK_NONE);
    }
}

/* What the person typed, without anything that could pass for a mark. */
static void
append_typed (GString    *out,
              const char *text,
              gssize      length)
{
  const char *end = length < 0 ? text + strlen (text) : text + length;

  for (const char *p = text; p < end;)
    {
      if (is_mark (p))
        p += MARK_LEN;
      else
        g_string_append_c (out, *p++);
    }
}

/* @shown, written for the finding at @index (G_MAXUINT: no marks). */
static void
append_shown (GString    *out,
              guint       index,
              const char *shown,
              gssize      length)
{
  if (index != G_MAXUINT)
    append_mark_open (out, index);
  append_typed (out, shown, length);
  if (index != G_MAXUINT)
    g_string_append (out, MARK_CLOSE);
}

/* The one way a value the person typed reaches the summary: masked as the
 * options say, trimmed, and reported once however often it is shown. */
static const char *
masked_field (Summary    *s,
              const char *id,
              const char *value,
              FieldKind   kind)
{
  gpointer cached;
  gboolean unmasked;
  g_autoptr(GString) shown = NULL;

  if (value == NULL)
    return NULL;
  if (g_hash_table_lookup_extended (s->fields, id, NULL, &cached))
    return cached;

  unmasked = s->options->unmask != NULL && g_hash_table_contains (s->options->unmask, id);
  shown = g_string_sized_new (strlen (value));

  if (kind == FIELD_TEXT)
    {
      g_autoptr(GPtrArray) matches = sih_mask_find (value, SIH_MASK_DEFAULT);
      gsize pos = 0;

      for (guint i = 0; i < matches->len; i++)
        {
          SihMaskMatch *match = g_ptr_array_index (matches, i);
          /* What looks like a password or a code is withheld even from a
           * field shown as written: support never needs it. */
          gboolean masked = (!unmasked || match->kind == SIH_MASK_KIND_SECRET) &&
                            (s->options->mask & flag_for_kind (match->kind));
          guint index = add_finding (s, id, match->kind, match->reason,
                                     match->start, match->end, masked);

          append_typed (shown, value + pos, match->start - pos);
          if (masked)
            append_shown (shown, index, match->masked, -1);
          else
            append_shown (shown, index, value + match->start, match->end - match->start);
          pos = match->end;
        }
      append_typed (shown, value + pos, -1);
    }
  else
    {
      SihMaskKind mask_kind = kind == FIELD_EMAIL ? SIH_MASK_KIND_EMAIL : SIH_MASK_KIND_PHONE;
      gboolean masked = !unmasked && (s->options->mask & flag_for_kind (mask_kind));
      /* The whole field is the address or the number, however it is written. */
      guint index = add_finding (s, id, mask_kind, SIH_SECRET_REASON_NONE, 0, strlen (value), masked);
      g_autofree char *whole = NULL;

      if (!masked)
        whole = g_strdup (value);
      else if (kind == FIELD_EMAIL)
        whole = sih_mask_email (value);
      else
        whole = sih_mask_phone (value);
      append_shown (shown, index, whole, -1);
    }

  cached = clean_text (shown->str);
  g_hash_table_insert (s->fields, g_strdup (id), cached);
  return cached;
}

static const char *
detail (Summary    *s,
        const char *key)
{
  SihDetailKind detail_kind = sih_detail_get_kind (key);
  FieldKind kind = detail_kind == SIH_DETAIL_KIND_EMAIL ? FIELD_EMAIL :
                   detail_kind == SIH_DETAIL_KIND_PHONE ? FIELD_PHONE : FIELD_TEXT;

  return masked_field (s, key, sih_case_get_detail (s->kase, key), kind);
}

static const char *
note (Summary             *s,
      const SihStepRecord *record)
{
  g_autofree char *id = NULL;

  /* A note for the help desk only is never given to anyone else. */
  if (record->internal)
    return NULL;
  id = sih_summary_note_field (record->cause_id, record->step_id);
  return masked_field (s, id, record->note, FIELD_TEXT);
}

/* Words for the case's values */

static const char *
service_name (Summary *s)
{
  const char *service = sih_pack_get_service (s->pack);

  return service != NULL ? service : "Amazon";
}

static char *
where_phrase (Summary *s)
{
  const char *where = sih_case_get_detail (s->kase, SIH_DETAIL_WHERE);

  if (where == NULL)
    return g_strdup (service_name (s));
  if (g_str_equal (where, "website"))
    /* Translators: where someone signs in; %s is the service, "Amazon" */
    return g_strdup_printf (C_("where", "the %s website"), service_name (s));
  if (g_str_equal (where, "shopping-app"))
    /* Translators: %s is the service, "Amazon" */
    return g_strdup_printf (C_("where", "the %s Shopping app"), service_name (s));
  if (g_str_equal (where, "seller-central"))
    return g_strdup (C_("where", "Seller Central"));
  if (g_str_equal (where, "prime-video"))
    return g_strdup (C_("where", "Prime Video"));
  if (g_str_equal (where, "business"))
    /* Translators: %s is the service, "Amazon" */
    return g_strdup_printf (C_("where", "%s Business"), service_name (s));
  return g_strdup (where);
}

static const char *
device_type_name (const char *type)
{
  if (type == NULL)
    return NULL;
  if (g_str_equal (type, "pc"))
    return C_("device type", "PC");
  if (g_str_equal (type, "phone"))
    return C_("device type", "Phone");
  if (g_str_equal (type, "tablet"))
    return C_("device type", "Tablet");
  return type;
}

static char *
device_type_text (Summary *s)
{
  return g_strdup (device_type_name (sih_case_get_detail (s->kase, SIH_DETAIL_DEVICE_TYPE)));
}

/* The device as the object of "on …" in the opening paragraph. */
static const char *
device_type_phrase (const char *type)
{
  if (g_str_equal (type, "pc"))
    return C_("signing in on", "a PC");
  if (g_str_equal (type, "phone"))
    return C_("signing in on", "a phone");
  if (g_str_equal (type, "tablet"))
    return C_("signing in on", "a tablet");
  return type;
}

static char *
changes_text (Summary *s)
{
  const char *changes = sih_case_get_detail (s->kase, SIH_DETAIL_CHANGES);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) tokens = NULL;

  if (changes == NULL)
    return NULL;

  tokens = g_strsplit (changes, ",", -1);
  for (guint i = 0; tokens[i] != NULL; i++)
    {
      const char *token = g_strstrip (tokens[i]);

      if (*token == '\0')
        continue;
      if (g_str_equal (token, "new-phone"))
        g_ptr_array_add (names, g_strdup (C_("recent change", "new phone")));
      else if (g_str_equal (token, "new-number"))
        g_ptr_array_add (names, g_strdup (C_("recent change", "new phone number")));
      else if (g_str_equal (token, "new-email"))
        g_ptr_array_add (names, g_strdup (C_("recent change", "new e-mail address")));
      else if (g_str_equal (token, "new-password"))
        g_ptr_array_add (names, g_strdup (C_("recent change", "new password")));
      else
        g_ptr_array_add (names, g_strdup (token));
    }

  return names->len > 0 ? join_list (names) : NULL;
}

/* A step as its checklist shows it, "2. Check Caps Lock": the summary and
 * the printed checklist number steps alike. */
static char *
numbered_title (guint       number,
                const char *title)
{
  return g_strdup_printf ("%u. %s", number, title);
}

/* The step as the checklist shows it: its number in its cause and its
 * title from the pack, or its id when the pack no longer has it (a case
 * made with an older pack); with the cause when steps of several causes
 * are listed, since each cause numbers its steps from 1. */
static char *
step_title (Summary             *s,
            const SihStepRecord *record,
            gboolean             with_cause)
{
  SihCause *cause = sih_pack_find_cause (s->pack, record->cause_id);
  SihStep *step = cause != NULL ? sih_cause_find_step (cause, record->step_id) : NULL;
  g_autofree char *title = step != NULL ?
                           numbered_title (sih_cause_get_step_number (cause, record->step_id),
                                           sih_step_get_title (step)) :
                           g_strdup (record->step_id);

  if (!with_cause)
    return g_steal_pointer (&title);

  /* Translators: a step and the cause it belongs to, "2. Check Caps Lock (Wrong password)" */
  return g_strdup_printf (C_("summary", "%s (%s)"), title,
                          cause != NULL ? sih_cause_get_title (cause) : record->cause_id);
}

/* The records with an outcome, in the order they were first changed. */

static int
compare_tried (gconstpointer a,
               gconstpointer b)
{
  const Tried *ta = a, *tb = b;

  if (ta->first_change != tb->first_change)
    return ta->first_change < tb->first_change ? -1 : 1;
  return ta->position < tb->position ? -1 : ta->position > tb->position;
}

static GArray *
collect_tried (Summary *s)
{
  GPtrArray *records = sih_case_get_records (s->kase);
  GPtrArray *history = sih_case_get_history (s->kase);
  g_autoptr(GHashTable) first = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) last = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GArray *tried = g_array_new (FALSE, FALSE, sizeof (Tried));

  for (guint i = 0; i < history->len; i++)
    {
      const SihHistoryEntry *entry = g_ptr_array_index (history, i);
      char *key;

      if (entry->kind != SIH_HISTORY_OUTCOME)
        continue;

      key = g_strconcat (entry->cause_id, "\037", entry->step_id, NULL);

      if (!g_hash_table_contains (first, key))
        g_hash_table_insert (first, g_strdup (key), GUINT_TO_POINTER (i + 1));
      g_hash_table_replace (last, key, entry->time);
    }

  for (guint i = 0; i < records->len; i++)
    {
      const SihStepRecord *record = g_ptr_array_index (records, i);
      g_autofree char *key = NULL;
      Tried t = { record, G_MAXUINT, i, record->changed };
      guint index;

      if (!sih_outcome_is_tried (record->outcome))
        continue;

      key = g_strconcat (record->cause_id, "\037", record->step_id, NULL);
      index = GPOINTER_TO_UINT (g_hash_table_lookup (first, key));
      if (index > 0)
        {
          t.first_change = index - 1;
          t.time = g_hash_table_lookup (last, key);
        }
      g_array_append_val (tried, t);
    }

  g_array_sort (tried, compare_tried);
  return tried;
}

/* The records with a note but no outcome, in checklist order: by cause
 * in the pack, then by step; steps the pack no longer has come last. */

static guint
cause_position (Summary    *s,
                const char *cause_id)
{
  GListModel *causes = sih_pack_get_causes (s->pack);

  for (guint i = 0; i < g_list_model_get_n_items (causes); i++)
    {
      g_autoptr(SihCause) cause = g_list_model_get_item (causes, i);

      if (g_str_equal (sih_cause_get_id (cause), cause_id))
        return i;
    }
  return G_MAXUINT;
}

typedef struct
{
  Tried record;
  guint cause;   /* position in the pack, G_MAXUINT if not there */
  guint number;  /* in the checklist, G_MAXUINT if not there */
} Noted;

static int
compare_noted (gconstpointer a,
               gconstpointer b)
{
  const Noted *na = a, *nb = b;

  if (na->cause != nb->cause)
    return na->cause < nb->cause ? -1 : 1;
  if (na->number != nb->number)
    return na->number < nb->number ? -1 : 1;
  return compare_tried (&na->record, &nb->record);
}

static GArray *
collect_noted (Summary *s)
{
  GPtrArray *records = sih_case_get_records (s->kase);
  g_autoptr(GArray) noted = g_array_new (FALSE, FALSE, sizeof (Noted));
  GArray *result = g_array_new (FALSE, FALSE, sizeof (Tried));

  for (guint i = 0; i < records->len; i++)
    {
      const SihStepRecord *record = g_ptr_array_index (records, i);
      Noted n = { { record, G_MAXUINT, i, record->changed }, G_MAXUINT, G_MAXUINT };
      SihCause *cause;

      if (sih_outcome_is_tried (record->outcome) || record->note == NULL || record->internal)
        continue;
      cause = sih_pack_find_cause (s->pack, record->cause_id);
      if (cause != NULL)
        {
          guint number = sih_cause_get_step_number (cause, record->step_id);

          n.cause = cause_position (s, record->cause_id);
          n.number = number > 0 ? number : G_MAXUINT;
        }
      g_array_append_val (noted, n);
    }

  g_array_sort (noted, compare_noted);
  for (guint i = 0; i < noted->len; i++)
    g_array_append_val (result, g_array_index (noted, Noted, i).record);
  return result;
}

/* Sections */

static void
add_title (Summary *s)
{
  const char *ticket = NULL;
  g_autofree char *title = NULL;

  if (s->options->help_desk)
    ticket = masked_field (s, "ticket", sih_case_get_ticket (s->kase), FIELD_TEXT);

  if (ticket == NULL)
    {
      /* Translators: the title of a summary */
      heading (s, C_("summary", "Sign-in problem summary"), TRUE);
      return;
    }

  /* Translators: the title of a help desk's summary; %s is the ticket number */
  title = g_strdup_printf (C_("summary", "Ticket %s: sign-in problem summary"), ticket);
  heading (s, title, TRUE);
}

/* "12 min 30 s": how long a call took. */
static char *
format_duration (GTimeSpan span)
{
  gint64 seconds = MAX (span, 0) / G_TIME_SPAN_SECOND;

  if (seconds >= 3600)
    /* Translators: how long a call took, "1 h 05 min" */
    return g_strdup_printf (C_("summary", "%d h %02d min"), (int)(seconds / 3600),
                            (int)(seconds % 3600 / 60));
  /* Translators: how long a call took, "12 min 30 s" */
  return g_strdup_printf (C_("summary", "%d min %02d s"), (int)(seconds / 60), (int)(seconds % 60));
}

/* The title of the pack's official route, or its id when the pack no
 * longer has it. */
static const char *
route_title (Summary    *s,
             const char *route_id)
{
  SihContact *contact = sih_pack_get_contact (s->pack);

  for (guint i = 0; contact != NULL && i < sih_contact_get_n_routes (contact); i++)
    {
      SihContactRoute *route = sih_contact_get_route (contact, i);

      if (g_str_equal (route->id, route_id))
        return route->title.text;
    }
  return route_id;
}

/* A status as the summary says it: "Escalated to Customer Service",
 * "Call back at 2026-11-25 18:30". */
static char *
status_text (Summary    *s,
             SihStatus   status,
             const char *route,
             GDateTime  *call_back)
{
  if (status == SIH_STATUS_ESCALATED && route != NULL)
    /* Translators: "Escalated to Customer Service" */
    return g_strdup_printf (C_("summary", "%1$s to %2$s"), sih_status_get_label (status),
                            route_title (s, route));
  if (status == SIH_STATUS_CALL_BACK && call_back != NULL)
    {
      g_autofree char *when = format_time (call_back, s->now);

      /* Translators: "Call back at 2026-11-25 18:30" */
      return g_strdup_printf (C_("summary", "%1$s at %2$s"), sih_status_get_label (status), when);
    }
  return g_strdup (sih_status_get_label (status));
}

/* Whether the case holds anything of a help desk's own. */
static gboolean
has_help_desk (Summary *s)
{
  return sih_case_get_ticket (s->kase) != NULL || sih_case_get_caller_name (s->kase) != NULL ||
         sih_case_get_caller_contact (s->kase) != NULL ||
         sih_case_get_status (s->kase) != SIH_STATUS_OPEN ||
         sih_case_get_status_reason (s->kase) != NULL || sih_case_get_calls (s->kase)->len > 0;
}

static char *
call_text (Summary       *s,
           const SihCall *call)
{
  g_autofree char *start = format_time (call->start, s->now);
  g_autofree char *span = NULL;
  const char *agent = call->agent;

  if (call->end != NULL)
    {
      g_autoptr(GDateTime) local = g_date_time_to_timezone (call->end,
                                                            g_date_time_get_timezone (s->now));
      g_autofree char *end = g_date_time_format (local, "%H:%M");
      g_autofree char *duration = format_duration (g_date_time_difference (call->end, call->start));

      /* Translators: a call, "2026-11-25 10:00–10:12 (12 min 30 s)" */
      span = g_strdup_printf (C_("summary", "%1$s–%2$s (%3$s)"), start, end, duration);
    }
  else
    /* Translators: a call not ended when the summary was made */
    span = g_strdup_printf (C_("summary", "%s, still in progress"), start);

  if (agent == NULL)
    return g_steal_pointer (&span);
  /* Translators: a call and the agent who took it, "2026-11-25 10:00–10:12 (12 min 30 s), Sato" */
  return g_strdup_printf (C_("summary", "%1$s, %2$s"), span, agent);
}

/* The ticket, the caller, the status and the calls, in help-desk use. */
static void
add_help_desk (Summary *s)
{
  GPtrArray *calls = sih_case_get_calls (s->kase);
  const char *reason = sih_case_get_status_reason (s->kase);
  g_autofree char *status = NULL;

  if (!s->options->help_desk || !has_help_desk (s))
    return;

  /* Translators: heading of the ticket, the caller, the status and the calls */
  heading (s, C_("summary", "Help desk case"), FALSE);
  /* Translators: the help desk's ticket or reference number */
  item (s, C_("summary", "Ticket"),
        masked_field (s, "ticket", sih_case_get_ticket (s->kase), FIELD_TEXT));
  /* Translators: the caller's name */
  item (s, C_("summary", "Caller"),
        masked_field (s, "caller-name", sih_case_get_caller_name (s->kase), FIELD_TEXT));
  /* Translators: how to reach the caller */
  item (s, C_("summary", "How to reach the caller"),
        masked_field (s, "caller-contact", sih_case_get_caller_contact (s->kase), FIELD_TEXT));
  status = status_text (s, sih_case_get_status (s->kase),
                        sih_case_get_escalation_route (s->kase),
                        sih_case_get_call_back (s->kase));
  /* Translators: where the case stands: open, escalated, … */
  item (s, C_("summary", "Status"), status);
  if (reason != NULL)
    /* Translators: why the case has its status */
    item (s, C_("summary", "Reason"), masked_field (s, "status-reason", reason, FIELD_TEXT));
  for (guint i = 0; i < calls->len; i++)
    {
      g_autofree char *label = NULL;
      g_autofree char *text = call_text (s, g_ptr_array_index (calls, i));

      /* Translators: "Call 2", the calls of a case in order */
      label = g_strdup_printf (C_("summary", "Call %u"), i + 1);
      item (s, label, text);
    }
  end_section (s);
}

typedef struct
{
  GDateTime *time;   /* borrowed */
  guint      order;
  char      *text;
} Event;

static int
compare_events (gconstpointer a,
                gconstpointer b)
{
  const Event *ea = a, *eb = b;
  int by_time = g_date_time_compare (ea->time, eb->time);

  if (by_time != 0)
    return by_time;
  return ea->order < eb->order ? -1 : ea->order > eb->order;
}

static void
clear_event (gpointer data)
{
  g_free (((Event *)data)->text);
}

static void
add_event (GArray     *events,
           GDateTime  *time,
           const char *agent,
           char       *what)
{
  Event e = { time, events->len, NULL };

  if (agent != NULL)
    /* Translators: in the timeline, who did what: "Sato — Status: Escalated" */
    e.text = g_strdup_printf (C_("summary", "%1$s — %2$s"), agent, what);
  else
    e.text = g_strdup (what);
  g_free (what);
  g_array_append_val (events, e);
}

/* Who did what, and when: every change in the history and every call,
 * oldest first, in help-desk use when asked for. */
static void
add_timeline (Summary *s)
{
  GPtrArray *history = sih_case_get_history (s->kase);
  GPtrArray *calls = sih_case_get_calls (s->kase);
  g_autoptr(GArray) events = NULL;

  if (!s->options->help_desk || !s->options->timeline)
    return;

  events = g_array_new (FALSE, FALSE, sizeof (Event));
  g_array_set_clear_func (events, clear_event);

  for (guint i = 0; i < history->len; i++)
    {
      const SihHistoryEntry *entry = g_ptr_array_index (history, i);
      SihStepRecord step = { entry->cause_id, entry->step_id, };
      g_autofree char *title = NULL;

      switch (entry->kind)
        {
        case SIH_HISTORY_OUTCOME:
          title = step_title (s, &step, TRUE);
          /* Translators: in the timeline, a step's new outcome: "1. Check the spam folder (First cause): Didn’t work" */
          add_event (events, entry->time, entry->agent,
                     g_strdup_printf (C_("summary", "%s: %s"), title,
                                      sih_outcome_get_label (entry->new_outcome)));
          break;
        case SIH_HISTORY_NOTE:
          /* Not even that an internal note was written. */
          if (sih_case_get_note_internal (s->kase, entry->cause_id, entry->step_id))
            break;
          title = step_title (s, &step, TRUE);
          /* Translators: in the timeline; %s is a step */
          add_event (events, entry->time, entry->agent,
                     g_strdup_printf (C_("summary", "Note edited on %s"), title));
          break;
        case SIH_HISTORY_STATUS:
          {
            g_autofree char *status = status_text (s, entry->new_status, entry->route_id,
                                                   entry->call_back);
            g_autofree char *with_reason = NULL;

            if (entry->reason != NULL)
              {
                g_autofree char *id = g_strdup_printf ("status-reason:%u", i);
                const char *reason = masked_field (s, id, entry->reason, FIELD_TEXT);

                /* Translators: in the timeline, a status and why: "Escalated (Account locked)" */
                with_reason = g_strdup_printf (C_("summary", "%s (%s)"), status, reason);
              }
            /* Translators: in the timeline, the case's new status */
            add_event (events, entry->time, entry->agent,
                       g_strdup_printf (C_("summary", "%s: %s"), C_("summary", "Status"),
                                        with_reason != NULL ? with_reason : status));
          }
          break;
        default:
          g_assert_not_reached ();
        }
    }

  for (guint i = 0; i < calls->len; i++)
    {
      const SihCall *call = g_ptr_array_index (calls, i);

      /* Translators: in the timeline; %u is the call's number */
      add_event (events, call->start, call->agent,
                 g_strdup_printf (C_("summary", "Call %u started"), i + 1));
      if (call->end != NULL)
        /* Translators: in the timeline; %u is the call's number */
        add_event (events, call->end, call->agent,
                   g_strdup_printf (C_("summary", "Call %u ended"), i + 1));
    }

  g_array_sort (events, compare_events);

  /* Translators: heading of who did what, and when */
  heading (s, C_("summary", "Timeline"), FALSE);
  if (events->len == 0)
    paragraph (s, C_("summary", "Nothing has been recorded yet."));
  for (guint i = 0; i < events->len; i++)
    {
      const Event *e = &g_array_index (events, Event, i);
      g_autofree char *time = format_time (e->time, s->now);

      item (s, time, e->text);
    }
  end_section (s);
}

static void
add_extra (Summary *s)
{
  const char *extra = detail (s, SIH_DETAIL_EXTRA);

  if (extra == NULL)
    return;

  /* Translators: heading of what the person wrote in the "anything else" box */
  heading (s, C_("summary", "Anything else"), FALSE);
  paragraph (s, extra);
}

static char *
first_line (const char *text)
{
  const char *end = strchr (text, '\n');
  g_autoptr(GString) line = g_string_new_len (text, end != NULL ? end - text : -1);
  GString *cut;
  guint n_chars = 0;
  const char *p;

  strip_keeping_marks (line);
  /* Cut after so many characters, not counting marks. */
  for (p = skip_marks (line->str); *p != '\0' && n_chars < STATEMENT_MESSAGE_MAX_CHARS; n_chars++)
    p = skip_marks (g_utf8_next_char (p));
  cut = g_string_new_len (line->str, p - line->str);
  if (*p != '\0')
    g_string_append (cut, "…");
  close_open_marks (cut);
  return g_string_free (cut, FALSE);
}

/* Free text ending a sentence loses its own full stop; marks after it
 * stay where they are. */
static char *
without_full_stop (const char *text)
{
  GString *copy = g_string_new (text);

  for (;;)
    {
      const char *end = before_marks (copy->str, copy->str + copy->len);
      gsize at = end - copy->str;

      if (at > 0 && (copy->str[at - 1] == '.' || copy->str[at - 1] == ' '))
        g_string_erase (copy, at - 1, 1);
      else
        break;
    }
  {
    const char *end = before_marks (copy->str, copy->str + copy->len);
    gsize at = end - copy->str;

    if (at >= strlen ("。") && strncmp (end - strlen ("。"), "。", strlen ("。")) == 0)
      g_string_erase (copy, at - strlen ("。"), strlen ("。"));
  }
  return g_string_free (copy, FALSE);
}

/* Sentences in English take a space between them; in Japanese, after "。",
 * they do not. */
static void
next_sentence (GString *text)
{
  const char *end = before_marks (text->str, text->str + text->len);
  const char *last;

  if (end == text->str)
    return;
  last = g_utf8_find_prev_char (text->str, end);
  if (last != NULL && (guchar)*last < 0x80)
    g_string_append_c (text, ' ');
}

static void
add_statement (Summary *s)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *where = where_phrase (s);
  const char *type = sih_case_get_detail (s->kase, SIH_DETAIL_DEVICE_TYPE);
  const char *cause_id = sih_case_get_cause_id (s->kase);
  const char *since = detail (s, SIH_DETAIL_SINCE);
  const char *message = detail (s, SIH_DETAIL_ERROR_MESSAGE);
  gboolean desk = s->options->help_desk;

  if (type != NULL)
    g_string_append_printf (text,
                            desk ?
                            /* Translators: %1$s is where ("the Amazon website"), %2$s the device ("a PC") */
                            _("The caller cannot sign in to %1$s on %2$s.") :
                            /* Translators: %1$s is where ("the Amazon website"), %2$s the device ("a PC") */
                            _("I cannot sign in to %1$s on %2$s."),
                            where, device_type_phrase (type));
  else
    g_string_append_printf (text,
                            desk ?
                            /* Translators: %s is where ("the Amazon website") */
                            _("The caller cannot sign in to %s.") :
                            /* Translators: %s is where ("the Amazon website") */
                            _("I cannot sign in to %s."),
                            where);

  if (cause_id != NULL)
    {
      SihCause *cause = sih_pack_find_cause (s->pack, cause_id);
      const char *title = cause != NULL ? sih_cause_get_title (cause) : cause_id;

      next_sentence (text);
      g_string_append_printf (text,
                              desk ?
                              /* Translators: %s is the title of a cause */
                              _("We are following the steps for “%s”.") :
                              /* Translators: %s is the title of a cause */
                              _("I am following the steps for “%s”."),
                              title);
    }

  if (since != NULL)
    {
      g_autofree char *line = first_line (since);
      g_autofree char *bare = without_full_stop (line);

      next_sentence (text);
      /* Translators: %s is what the person wrote, "yesterday evening" */
      g_string_append_printf (text, _("It started: %s."), bare);
    }

  if (message != NULL)
    {
      g_autofree char *line = first_line (message);

      next_sentence (text);
      /* Translators: %s is the first line of the error message, verbatim */
      g_string_append_printf (text, _("The message shown is “%s”."), line);
    }

  /* Translators: heading of the opening paragraph */
  heading (s, C_("summary", "Problem"), FALSE);
  paragraph (s, text->str);
}

static void
add_error_message (Summary *s)
{
  const char *message = detail (s, SIH_DETAIL_ERROR_MESSAGE);

  /* Translators: heading; the message is quoted exactly as the page showed it */
  heading (s, C_("summary", "Error message (exactly as shown)"), FALSE);

  if (message == NULL)
    {
      paragraph (s, C_("summary", "not provided"));
      return;
    }

  s->r->verbatim (s->out, message);
}

static void
add_since (Summary *s)
{
  g_autofree char *changes = changes_text (s);
  const char *changes_note = detail (s, SIH_DETAIL_CHANGES_NOTE);

  /* Translators: heading */
  heading (s, C_("summary", "Since when, and recent changes"), FALSE);
  /* Translators: when the problem started */
  item (s, C_("summary", "Since"), detail (s, SIH_DETAIL_SINCE));
  item (s, C_("summary", "Recent changes"), changes);
  if (changes_note != NULL)
    /* Translators: the person's own words about the recent changes */
    item (s, C_("summary", "About the changes"), changes_note);
  end_section (s);
}

/* How the summary names each detail a triage answer can disagree with,
 * and says what the case holds for it. */
static const struct
{
  const char *key;
  const char *phrase;  /* C_("summary", …) */
  char      *(*value) (Summary *s);
} disagreement_details[] = {
  /* Translators: in "The answer “…” does not agree with %s (…)" */
  { SIH_DETAIL_CHANGES, NC_("summary", "the recent changes given above"), changes_text },
  /* Translators: in "The answer “…” does not agree with %s (…)"; the
   * service is "the Amazon website", "Seller Central"… */
  { SIH_DETAIL_WHERE, NC_("summary", "the service named above"), where_phrase },
  /* Translators: in "The answer “…” does not agree with %s (…)" */
  { SIH_DETAIL_DEVICE_TYPE, NC_("summary", "the device type given below"), device_type_text },
};

/* Where an answer and a detail do not agree, the summary says so, once
 * for each answer and detail, so that support can ask which is right. */
static void
add_disagreements (Summary   *s,
                   SihTriage *triage)
{
  g_autoptr(GPtrArray) found = sih_triage_get_disagreements (triage, s->kase);
  g_autoptr(GHashTable) said = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < found->len; i++)
    {
      const SihTriageDisagreement *d = g_ptr_array_index (found, i);
      char *key = g_strconcat (d->question->id, "\037", d->fact->detail, NULL);
      g_autofree char *value = NULL;
      g_autofree char *sentence = NULL;
      guint row;

      if (!g_hash_table_add (said, key))
        continue;
      for (row = 0; row < G_N_ELEMENTS (disagreement_details); row++)
        if (g_str_equal (disagreement_details[row].key, d->fact->detail))
          break;
      g_return_if_fail (row < G_N_ELEMENTS (disagreement_details));

      value = disagreement_details[row].value (s);
      sentence = g_strdup_printf (/* Translators: %1$s is an answer to a guided question, %2$s
                                   * what it disagrees with ("the recent changes given above"),
                                   * %3$s what that says ("new phone") */
                                  _("The answer “%1$s” does not agree with %2$s (%3$s)."),
                                  d->answer->label.text,
                                  g_dpgettext2 (GETTEXT_PACKAGE, "summary",
                                                disagreement_details[row].phrase),
                                  value);
      /* Translators: before an answer and a detail that disagree, for support to ask about */
      item (s, C_("summary", "Please check"), sentence);
    }
}

/* The triage questions answered, in order, and where they lead; only if
 * the person answered any. */
static void
add_triage (Summary *s)
{
  SihTriage *triage = sih_pack_get_triage (s->pack);
  g_autoptr(GPtrArray) path = NULL;
  const char *result;

  if (triage == NULL)
    return;
  path = sih_triage_get_path (triage, s->kase);
  if (path->len == 0)
    return;

  /* Translators: heading of the questions the person answered to find the cause */
  heading (s, C_("summary", "Answers to the guided questions"), FALSE);
  for (guint i = 0; i < path->len; i++)
    {
      const SihTriageChoice *choice = g_ptr_array_index (path, i);
      g_autofree char *question = s->r->inline_ (choice->question->text.text);
      g_autofree char *answer = s->r->inline_ (choice->answer->label.text);
      g_autofree char *line = NULL;

      /* Translators: a question and the answer chosen, "Does a code arrive? → No" */
      line = g_strdup_printf (C_("summary", "%s → %s"), question, answer);
      list_item (s, line);
    }

  result = sih_triage_get_result (triage, s->kase);
  if (result != NULL)
    {
      SihCause *cause = sih_pack_find_cause (s->pack, result);

      /* Translators: the cause the answers lead to */
      item (s, C_("summary", "Where the answers lead"),
            cause != NULL ? sih_cause_get_title (cause) : result);
    }
  else
    item (s, C_("summary", "Where the answers lead"),
          /* Translators: the person stopped before the questions led to a cause */
          C_("summary", "not finished"));
  add_disagreements (s, triage);
  end_section (s);
}

/* Whether the steps listed belong to more than one cause. */
static gboolean
spans_causes (GArray *tried,
              GArray *noted)
{
  const char *first = NULL;
  GArray *lists[] = { tried, noted };

  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    for (guint i = 0; i < lists[l]->len; i++)
      {
        const char *cause_id = g_array_index (lists[l], Tried, i).record->cause_id;

        if (first == NULL)
          first = cause_id;
        else if (!g_str_equal (first, cause_id))
          return TRUE;
      }
  return FALSE;
}

/* A step's note under its line: "Note: the page reloaded". */
static void
append_note (Summary             *s,
             GString             *line,
             const SihStepRecord *record)
{
  const char *text = note (s, record);
  g_autofree char *escaped = NULL;

  if (text == NULL)
    return;
  escaped = s->r->inline_ (text);
  g_string_append_c (line, '\n');
  /* Translators: a step's note, "Note: the page reloaded" */
  g_string_append_printf (line, C_("summary", "%s: %s"), C_("summary", "Note"), escaped);
}

/* Every step with an outcome, whatever it was, with the words of the
 * step's buttons: a step the person could not do was tried too, and
 * where it comes in the order can matter as much as why. */
static void
add_tried (Summary *s,
           GArray  *tried,
           gboolean with_cause)
{
  /* Translators: heading of the steps tried, in the order they were tried */
  heading (s, C_("summary", "Steps tried"), FALSE);

  if (tried->len == 0)
    {
      paragraph (s, C_("summary", "No steps have been tried yet."));
      return;
    }

  paragraph (s, with_cause ?
             /* Translators: under "Steps tried", when they belong to several causes */
             C_("summary", "Listed in the order they were tried. The numbers are the steps’ "
                           "numbers in each cause’s checklist.") :
             /* Translators: under "Steps tried" */
             C_("summary", "Listed in the order they were tried. The numbers are the steps’ "
                           "numbers in the checklist."));

  for (guint i = 0; i < tried->len; i++)
    {
      const Tried *t = &g_array_index (tried, Tried, i);
      g_autofree char *title = step_title (s, t->record, with_cause);
      g_autofree char *label = strong (s, title);
      g_autofree char *outcome = s->r->inline_ (sih_outcome_get_label (t->record->outcome));
      g_autoptr(GString) line = g_string_new (NULL);

      if (t->time != NULL)
        {
          g_autofree char *time = format_time (t->time, s->now);
          /* Translators: a step's outcome and when it was set, "Didn’t work (2026-11-25 10:15)" */
          g_autofree char *when = g_strdup_printf (C_("summary", "%s (%s)"), outcome, time);

          g_string_append_printf (line, C_("summary", "%s: %s"), label, when);
        }
      else
        g_string_append_printf (line, C_("summary", "%s: %s"), label, outcome);
      append_note (s, line, t->record);
      list_item (s, line->str);
    }
  end_section (s);
}

/* What the person wrote on steps they have not tried yet: they wrote it
 * for someone to read. */
static void
add_untried_notes (Summary *s,
                   GArray  *noted,
                   gboolean with_cause)
{
  if (noted->len == 0)
    return;

  /* Translators: heading of the notes the person wrote on steps without an outcome */
  heading (s, C_("summary", "Notes on steps not tried yet"), FALSE);
  for (guint i = 0; i < noted->len; i++)
    {
      const Tried *t = &g_array_index (noted, Tried, i);
      g_autofree char *title = step_title (s, t->record, with_cause);

      item (s, title, note (s, t->record));
    }
  end_section (s);
}

/**
 * sih_summary_on_this_computer:
 * @kase: the case
 * @help_desk: whether the case is a caller's
 *
 * Whether the problem is on the computer the app runs on, so that its
 * system may stand in for an operating system nobody typed: not in
 * help-desk use, and not when the case names a phone, a tablet or
 * another device.
 *
 * Returns: %TRUE when this computer's details describe the case's device
 */
gboolean
sih_summary_on_this_computer (SihCase  *kase,
                              gboolean  help_desk)
{
  const char *type;

  g_return_val_if_fail (SIH_IS_CASE (kase), FALSE);

  type = sih_case_get_detail (kase, SIH_DETAIL_DEVICE_TYPE);
  return !help_desk && (type == NULL || g_str_equal (type, "pc"));
}

static char *
os_text (Summary *s)
{
  const char *os = detail (s, SIH_DETAIL_OS);

  if (os != NULL)
    return g_strdup (os);
  if (s->device != NULL && s->device->os_name != NULL &&
      sih_summary_on_this_computer (s->kase, s->options->help_desk))
    return g_strdup (s->device->os_name);
  return NULL;
}

static void
add_device (Summary *s)
{
  /* The language and time zone are the person's wherever the problem
   * is; the system, desktop and runtime only on this computer. */
  const SihDeviceInfo *d = s->options->help_desk ? NULL : s->device;
  gboolean here = sih_summary_on_this_computer (s->kase, s->options->help_desk);
  g_autofree char *os = os_text (s);

  heading (s, s->options->help_desk ?
           /* Translators: heading in help-desk use */
           C_("summary", "The caller’s device") :
           /* Translators: heading */
           C_("summary", "Device"), FALSE);

  item (s, C_("summary", "Device type"),
        device_type_name (sih_case_get_detail (s->kase, SIH_DETAIL_DEVICE_TYPE)));
  item (s, C_("summary", "Operating system"), os);
  item (s, C_("summary", "Browser or app"), detail (s, SIH_DETAIL_BROWSER));

  if (d != NULL && here)
    {
      if (d->kernel != NULL)
        {
          g_autofree char *kernel = d->architecture != NULL ?
                                    g_strdup_printf ("%s (%s)", d->kernel, d->architecture) :
                                    g_strdup (d->kernel);
          item (s, C_("summary", "Kernel"), kernel);
        }
      if (d->desktop != NULL || d->session_type != NULL)
        {
          const char *session = d->session_type;
          g_autofree char *desktop = NULL;

          if (g_strcmp0 (session, "wayland") == 0)
            session = "Wayland";
          else if (g_strcmp0 (session, "x11") == 0)
            session = "X11";

          if (d->desktop != NULL && session != NULL)
            desktop = g_strdup_printf ("%s (%s)", d->desktop, session);
          else
            desktop = g_strdup (d->desktop != NULL ? d->desktop : session);
          /* Translators: the desktop and session type, "GNOME (Wayland)" */
          item (s, C_("summary", "Desktop"), desktop);
        }
      if (d->flatpak)
        {
          g_autoptr(GPtrArray) parts = g_ptr_array_new ();
          g_autofree char *runtime = NULL;

          if (d->flatpak_runtime != NULL)
            g_ptr_array_add (parts, d->flatpak_runtime);
          if (d->runtime_name != NULL)
            g_ptr_array_add (parts, d->runtime_name);
          runtime = parts->len > 0 ? join_list (parts) : g_strdup (C_("summary", "yes"));
          item (s, C_("summary", "Flatpak runtime"), runtime);
        }
    }
  if (d != NULL)
    {
      if (d->language != NULL)
        item (s, C_("summary", "Language"), d->language);
      if (d->time_zone != NULL)
        {
          g_autofree char *offset = format_offset (d->utc_offset);
          g_autofree char *zone = g_strdup_printf ("%s (%s)", d->time_zone, offset);
          item (s, C_("summary", "Time zone"), zone);
        }
    }
  end_section (s);
}

static char *
device_short (Summary *s)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  const char *type = device_type_name (sih_case_get_detail (s->kase, SIH_DETAIL_DEVICE_TYPE));
  const char *browser = detail (s, SIH_DETAIL_BROWSER);
  char *os = os_text (s);

  if (type != NULL)
    g_ptr_array_add (parts, g_strdup (type));
  if (os != NULL)
    g_ptr_array_add (parts, os);
  if (browser != NULL)
    g_ptr_array_add (parts, g_strdup (browser));

  return parts->len > 0 ? join_list (parts) : NULL;
}

static void
add_checklist (Summary *s,
               GArray  *tried)
{
  SihContact *contact = sih_pack_get_contact (s->pack);
  guint n_tried = tried->len;

  /* Translators: heading of the list of what customer service asks for */
  heading (s, C_("summary", "What support will ask for"), FALSE);

  for (guint i = 0; contact != NULL && i < sih_contact_get_n_items (contact); i++)
    {
      SihContactItem *entry = sih_contact_get_item (contact, i);
      g_autofree char *value = NULL;
      g_autofree char *line = NULL;
      char box;

      if (g_str_equal (entry->id, "email-or-phone"))
        {
          g_autoptr(GPtrArray) parts = g_ptr_array_new ();
          const char *email = detail (s, SIH_DETAIL_ACCOUNT_EMAIL);
          const char *phone = detail (s, SIH_DETAIL_ACCOUNT_PHONE);

          if (email != NULL)
            g_ptr_array_add (parts, (gpointer)email);
          if (phone != NULL)
            g_ptr_array_add (parts, (gpointer)phone);
          if (parts->len > 0)
            value = join_list (parts);
        }
      else if (g_str_equal (entry->id, "error-message"))
        {
          if (detail (s, SIH_DETAIL_ERROR_MESSAGE) != NULL)
            /* Translators: in the checklist, the error message is already in the summary */
            value = g_strdup (C_("summary", "given above"));
        }
      else if (g_str_equal (entry->id, "device"))
        value = device_short (s);
      else if (g_str_equal (entry->id, "since"))
        value = g_strdup (detail (s, SIH_DETAIL_SINCE));
      else if (g_str_equal (entry->id, "tried"))
        {
          if (n_tried > 0)
            value = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                  "%u step, listed above",
                                                  "%u steps, listed above", n_tried),
                                     n_tried);
        }
      else if (g_str_equal (entry->id, "changes"))
        {
          g_autofree char *changes = changes_text (s);
          const char *changes_note = detail (s, SIH_DETAIL_CHANGES_NOTE);

          if (changes != NULL && changes_note != NULL)
            value = g_strdup_printf (C_("summary", "%s (%s)"), changes, changes_note);
          else if (changes != NULL || changes_note != NULL)
            value = g_strdup (changes != NULL ? changes : changes_note);
        }

      /* A box ticked when the summary already has it. */
      box = value != NULL ? 'x' : ' ';
      if (value == NULL)
        value = g_strdup (C_("summary", "not provided"));
      {
        /* A help desk's summary speaks of the caller, when the pack says
         * how. */
        const char *label = s->options->help_desk && entry->caller_label.text != NULL
                            ? entry->caller_label.text : entry->label.text;
        g_autofree char *escaped_label = s->r->inline_ (label);
        g_autofree char *escaped = s->r->inline_ (value);

        line = g_strdup_printf (C_("summary", "%s: %s"), escaped_label, escaped);
        g_string_append_printf (s->out, "%s%c] ", s->r->checkbox_open, box);
        append_indented (s->out, line, s->r->check_indent, s->r->line_break);
        g_string_append_c (s->out, '\n');
      }
    }
  end_section (s);
}

/* The last line of every summary and checklist. */
static void
closing_line (Summary *s)
{
  /* Translators: the last line of every summary; %s is the service, "Amazon" */
  g_autofree char *disclaimer = g_strdup_printf (_("Prepared with Sign-in Helper, an independent "
                                                   "app not affiliated with %s."),
                                                 service_name (s));
  g_autofree char *escaped = s->r->inline_ (disclaimer);

  g_string_append_printf (s->out, "%s%s%s\n", s->r->emphasis_open, escaped, s->r->emphasis_close);
}

static void
add_footer (Summary *s)
{
  g_autoptr(GPtrArray) versions = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *now = g_date_time_format (s->now, "%Y-%m-%d %H:%M");
  g_autofree char *offset = format_offset (g_date_time_get_utc_offset (s->now) / G_TIME_SPAN_SECOND);
  g_autofree char *made = g_strdup_printf ("%s (%s)", now, offset);
  g_autofree char *joined = NULL;
  const char *app_version = s->device != NULL && s->device->app_version != NULL ?
                            s->device->app_version : PACKAGE_VERSION;
  const char *case_pack_version = sih_case_get_pack_version (s->kase);

  g_ptr_array_add (versions, g_strdup_printf ("Sign-in Helper %s", app_version));
  if (case_pack_version != NULL &&
      g_strcmp0 (case_pack_version, sih_pack_get_version (s->pack)) != 0)
    /* Translators: %1$s and %2$s are the pack's id and version, %3$s the
     * version the case was started with */
    g_ptr_array_add (versions, g_strdup_printf (_("content pack %1$s %2$s (case started with %3$s)"),
                                                sih_pack_get_id (s->pack),
                                                sih_pack_get_version (s->pack),
                                                case_pack_version));
  else
    /* Translators: %1$s and %2$s are the pack's id and version */
    g_ptr_array_add (versions, g_strdup_printf (_("content pack %1$s %2$s"),
                                                sih_pack_get_id (s->pack),
                                                sih_pack_get_version (s->pack)));
  if (s->device != NULL && s->device->gtk_version != NULL)
    g_ptr_array_add (versions, g_strdup_printf ("GTK %s", s->device->gtk_version));
  if (s->device != NULL && s->device->adw_version != NULL)
    g_ptr_array_add (versions, g_strdup_printf ("libadwaita %s", s->device->adw_version));
  joined = join_list (versions);

  /* Lines, not a list: a list here would run on from the checklist's. */
  {
    /* Translators: when the summary was made, with the UTC offset */
    const char *labels[] = { C_("summary", "Summary made"), C_("summary", "Versions") };
    const char *values[] = { made, joined };

    for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
      {
        g_autofree char *label = strong (s, labels[i]);
        g_autofree char *value = s->r->inline_ (values[i]);
        g_autofree char *line = g_strdup_printf (C_("summary", "%s: %s"), label, value);

        if (i > 0)
          {
            g_string_append (s->out, s->r->line_break);
            g_string_append_c (s->out, '\n');
          }
        append_indented (s->out, line, "  ", s->r->line_break);
      }
    g_string_append (s->out, "\n\n");
  }

  closing_line (s);
}

/**
 * sih_summary_format:
 * @kase: the case
 * @pack: the pack it is worked on with (for titles and the checklist)
 * @device: (nullable): this machine's information (ignored in help-desk use)
 * @now: when the summary is made; its time zone is the one times are shown in
 * @options: (nullable): the options, or %NULL for the defaults
 * @findings: (out) (optional) (transfer container) (element-type SihSummaryFinding):
 *   what was found in the person's text: e-mail addresses and phone numbers
 *   (masked or not) and what looks like a password or a code, for the
 *   preview to show
 *
 * Makes the summary in the language of the message catalogue.  Steps the
 * pack does not have (a case made with an older pack) are listed by id.
 *
 * Returns: (transfer full): the summary
 */
char *
sih_summary_format (SihCase                  *kase,
                    SihPack                  *pack,
                    const SihDeviceInfo      *device,
                    GDateTime                *now,
                    const SihSummaryOptions  *options,
                    GPtrArray               **findings)
{
  SihSummaryOptions defaults;
  g_autoptr(GHashTable) fields = NULL;
  g_autoptr(GArray) tried = NULL;
  g_autoptr(GArray) noted = NULL;
  Summary s = { 0 };
  gboolean with_cause;

  g_return_val_if_fail (SIH_IS_CASE (kase), NULL);
  g_return_val_if_fail (SIH_IS_PACK (pack), NULL);
  g_return_val_if_fail (now != NULL, NULL);

  if (options == NULL)
    {
      sih_summary_options_init (&defaults);
      options = &defaults;
    }

  fields = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  s.kase = kase;
  s.pack = pack;
  s.device = device;
  s.now = now;
  s.options = options;
  s.r = renderer_for (options->format);
  s.out = g_string_new (NULL);
  s.fields = fields;
  if (findings != NULL)
    s.findings = g_ptr_array_new_with_free_func ((GDestroyNotify)sih_summary_finding_free);

  tried = collect_tried (&s);
  noted = collect_noted (&s);
  with_cause = spans_causes (tried, noted);

  add_title (&s);
  add_help_desk (&s);
  add_extra (&s);
  add_statement (&s);
  add_error_message (&s);
  add_since (&s);
  add_triage (&s);
  add_tried (&s, tried, with_cause);
  add_untried_notes (&s, noted, with_cause);
  add_device (&s);
  add_checklist (&s, tried);
  add_timeline (&s);
  add_footer (&s);

  if (findings == NULL)
    return g_string_free (s.out, FALSE);
  *findings = s.findings;
  return take_marks (g_string_free (s.out, FALSE), s.findings);
}

/**
 * sih_summary_blank_checklist:
 * @pack: the pack
 * @cause: one of its causes
 * @format: text or Markdown
 *
 * A checklist to print or read out: the cause's steps with empty boxes
 * and a line for notes under each.
 *
 * Returns: (transfer full): the checklist
 */
char *
sih_summary_blank_checklist (SihPack          *pack,
                             SihCause         *cause,
                             SihSummaryFormat  format)
{
  Summary s = { 0 };
  GListModel *steps;
  const char *escalate;
  /* Room to write by hand. */
  const char *blank = "________________________________________";

  g_return_val_if_fail (SIH_IS_PACK (pack), NULL);
  g_return_val_if_fail (SIH_IS_CAUSE (cause), NULL);

  s.pack = pack;
  s.r = renderer_for (format);
  s.out = g_string_new (NULL);

  heading (&s, sih_cause_get_title (cause), TRUE);
  if (sih_cause_get_summary (cause) != NULL)
    paragraph (&s, sih_cause_get_summary (cause));

  steps = sih_cause_get_steps (cause);
  for (guint i = 0; i < g_list_model_get_n_items (steps); i++)
    {
      g_autoptr(SihStep) step = g_list_model_get_item (steps, i);
      const char *detail_text = sih_step_get_detail (step);
      const char *caution = sih_step_get_caution (step);
      g_autofree char *title = numbered_title (i + 1, sih_step_get_title (step));
      g_autofree char *notes = NULL;
      const char *indent = s.r->check_indent;
      const char *line_break = s.r->line_break;

      {
        g_autofree char *bold = strong (&s, title);

        g_string_append_printf (s.out, "%s ] %s", s.r->checkbox_open, bold);
      }

      if (detail_text != NULL)
        {
          g_autofree char *escaped = s.r->block (detail_text);
          g_string_append_printf (s.out, "%s\n%s", line_break, indent);
          append_indented (s.out, escaped, indent, line_break);
        }
      if (caution != NULL)
        {
          g_autofree char *line = g_strdup_printf (C_("summary", "%s: %s"),
                                                   /* Translators: a step's warning */
                                                   C_("summary", "Caution"), caution);
          g_autofree char *escaped = s.r->block (line);
          g_string_append_printf (s.out, "%s\n%s", line_break, indent);
          append_indented (s.out, escaped, indent, line_break);
        }

      notes = g_strdup_printf (C_("summary", "%s: %s"), C_("summary", "Notes"), blank);
      {
        g_autofree char *escaped = s.r->block (notes);

        g_string_append_printf (s.out, "%s\n%s%s\n\n", line_break, indent, escaped);
      }
    }

  escalate = sih_cause_get_escalate (cause);
  if (escalate != NULL)
    {
      /* Translators: heading before the pack's advice on when to contact support */
      heading (&s, C_("summary", "If nothing here helps"), FALSE);
      paragraph (&s, escalate);
    }

  closing_line (&s);

  return g_string_free (s.out, FALSE);
}

/* Blocks to lay out on paper */

void
sih_summary_block_free (SihSummaryBlock *block)
{
  if (block == NULL)
    return;
  g_free (block->marker);
  g_free (block->markup);
  g_free (block);
}

/* Reads what starts a block, and returns where its text starts. */
static const char *
read_block_start (SihSummaryBlock *block,
                  const char      *line)
{
  const char *p = line;

  block->kind = SIH_SUMMARY_BLOCK_PARAGRAPH;
  if (*line == TAG_TITLE[0] || *line == TAG_SECTION[0])
    {
      block->kind = SIH_SUMMARY_BLOCK_HEADING;
      block->level = *line == TAG_TITLE[0] ? 1 : 2;
      return line + 1;
    }
  if (*line == TAG_ITEM[0])
    {
      block->kind = SIH_SUMMARY_BLOCK_ITEM;
      return line + 1;
    }
  if (*line == TAG_VERBATIM[0])
    {
      block->kind = SIH_SUMMARY_BLOCK_VERBATIM;
      return line + 1;
    }
  if (*line == TAG_CHECKBOX[0])
    {
      block->kind = SIH_SUMMARY_BLOCK_CHECKBOX;
      if ((line[1] == 'x' || line[1] == ' ') && line[2] == ']' && line[3] == ' ')
        {
          block->checked = line[1] == 'x';
          return line + 4;
        }
      return line + 1;
    }

  /* "2. ": what the person typed starts with TAG_TEXT, so this is ours. */
  while (g_ascii_isdigit (*p))
    p++;
  if (p > line && p[0] == '.' && p[1] == ' ')
    {
      block->kind = SIH_SUMMARY_BLOCK_NUMBERED;
      block->marker = g_strndup (line, p + 1 - line);
      return p + 2;
    }
  return line;
}

/* Appends @length bytes of layout text to @markup as Pango markup; @open
 * holds the "b" and "i" elements open, innermost last. */
static void
append_markup (GString    *markup,
               const char *text,
               gsize       length,
               GString    *open)
{
  for (const char *p = text; p < text + length; p++)
    {
      char element = 0;

      switch (*p)
        {
        case '&':
          g_string_append (markup, "&amp;");
          continue;
        case '<':
          g_string_append (markup, "&lt;");
          continue;
        case '>':
          g_string_append (markup, "&gt;");
          continue;
        default:
          break;
        }

      if (*p == TAG_NEWLINE[0])
        g_string_append_c (markup, '\n');
      else if (*p == TAG_STRONG_OPEN[0] || *p == TAG_EM_OPEN[0])
        {
          element = *p == TAG_STRONG_OPEN[0] ? 'b' : 'i';
          g_string_append_printf (markup, "<%c>", element);
          g_string_append_c (open, element);
        }
      else if (*p == TAG_STRONG_CLOSE[0] || *p == TAG_EM_CLOSE[0])
        {
          element = *p == TAG_STRONG_CLOSE[0] ? 'b' : 'i';
          /* Only the innermost element can close. */
          if (open->len > 0 && open->str[open->len - 1] == element)
            {
              g_string_append_printf (markup, "</%c>", element);
              g_string_truncate (open, open->len - 1);
            }
        }
      else if ((guchar)*p >= 0x20 || *p == '\t')
        g_string_append_c (markup, *p);
      /* Any other tag (TAG_TEXT) has done its work. */
    }
}

/* Splits text written by the layout renderer into blocks: one a line,
 * unless the line ends with TAG_GOES_ON; the indent of the line after is
 * the text renderers', not part of the text. */
static GPtrArray *
split_blocks (const char *text)
{
  GPtrArray *blocks = g_ptr_array_new_with_free_func ((GDestroyNotify)sih_summary_block_free);
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  g_autoptr(GString) markup = g_string_new (NULL);
  g_autoptr(GString) open = g_string_new (NULL);
  SihSummaryBlock *block = NULL;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];
      gsize length;
      gboolean goes_on;

      if (block == NULL)
        {
          if (*line == '\0')
            continue;
          block = g_new0 (SihSummaryBlock, 1);
          line = read_block_start (block, line);
        }
      else
        {
          while (*line == ' ')
            line++;
          g_string_append_c (markup, '\n');
        }

      length = strlen (line);
      goes_on = length > 0 && line[length - 1] == TAG_GOES_ON[0];
      append_markup (markup, line, goes_on ? length - 1 : length, open);
      if (goes_on && lines[i + 1] != NULL)
        continue;

      while (open->len > 0)
        {
          g_string_append_printf (markup, "</%c>", open->str[open->len - 1]);
          g_string_truncate (open, open->len - 1);
        }
      block->markup = g_strdup (markup->str);
      g_string_truncate (markup, 0);
      g_ptr_array_add (blocks, g_steal_pointer (&block));
    }

  return blocks;
}

/**
 * sih_summary_format_blocks:
 * @kase: the case
 * @pack: the pack it is worked on with
 * @device: (nullable): this machine's information
 * @now: when the summary is made
 * @options: (nullable): as for sih_summary_format(); the format is not
 *   used
 *
 * The summary sih_summary_format() makes, with the same words, masking
 * and order, as blocks to lay out on paper: headings as headings and
 * lists as lists, whichever text format the person looks at.
 *
 * Returns: (transfer container) (element-type SihSummaryBlock): the blocks
 */
GPtrArray *
sih_summary_format_blocks (SihCase                 *kase,
                           SihPack                 *pack,
                           const SihDeviceInfo     *device,
                           GDateTime               *now,
                           const SihSummaryOptions *options)
{
  SihSummaryOptions layout;
  g_autofree char *text = NULL;

  g_return_val_if_fail (SIH_IS_CASE (kase), NULL);
  g_return_val_if_fail (SIH_IS_PACK (pack), NULL);
  g_return_val_if_fail (now != NULL, NULL);

  if (options != NULL)
    layout = *options;
  else
    sih_summary_options_init (&layout);
  layout.format = SUMMARY_FORMAT_LAYOUT;

  text = sih_summary_format (kase, pack, device, now, &layout, NULL);
  return split_blocks (text);
}

/**
 * sih_summary_blank_checklist_blocks:
 * @pack: the pack
 * @cause: one of its causes
 *
 * sih_summary_blank_checklist() as blocks to lay out on paper.
 *
 * Returns: (transfer container) (element-type SihSummaryBlock): the blocks
 */
GPtrArray *
sih_summary_blank_checklist_blocks (SihPack  *pack,
                                    SihCause *cause)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (SIH_IS_PACK (pack), NULL);
  g_return_val_if_fail (SIH_IS_CAUSE (cause), NULL);

  text = sih_summary_blank_checklist (pack, cause, SUMMARY_FORMAT_LAYOUT);
  return split_blocks (text);
}
