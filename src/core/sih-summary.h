/* sih-summary.h: a case as text for official support (GTK-free)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "core/sih-case.h"
#include "core/sih-detail.h"
#include "core/sih-device-info.h"
#include "core/sih-mask.h"
#include "core/sih-pack.h"

G_BEGIN_DECLS

/**
 * SihSummaryFormat:
 * @SIH_SUMMARY_FORMAT_TEXT: plain text that reads well pasted into an
 *   e-mail or a chat: underlined headings, no fixed line width
 * @SIH_SUMMARY_FORMAT_MARKDOWN: Markdown: "#"/"##" headings, lists, the
 *   error message in a fenced block
 */
typedef enum
{
  SIH_SUMMARY_FORMAT_TEXT,
  SIH_SUMMARY_FORMAT_MARKDOWN,
} SihSummaryFormat;

/**
 * SihSummaryOptions:
 * @format: text or Markdown
 * @mask: what to mask; %SIH_MASK_DEFAULT masks e-mail addresses and phone
 *   numbers and withholds what looks like a password or a code
 * @unmask: (nullable) (element-type utf8 utf8): a set of field ids
 *   (detail keys, or sih_summary_note_field() for a step's note) the person
 *   chose to share as written: their e-mail addresses and phone numbers
 *   are not masked; what looks like a password or a code is still withheld
 * @help_desk: describe a caller's problem ("The caller cannot sign in")
 *   rather than one's own; the device section then holds only what the
 *   case says about the caller's device, not this machine's information;
 *   the ticket heads the summary, and the caller, the status and the calls
 *   follow it (the caller's name and contact masked as typed text, field
 *   ids "caller-name" and "caller-contact"; the ticket is "ticket", the
 *   status's reason "status-reason", and a reason in the timeline
 *   "status-reason:N" for the Nth history entry)
 * @timeline: in help-desk use, end with who did what and when (outcomes,
 *   note edits, statuses, calls); off by default
 *
 * Initialise with sih_summary_options_init() so that new members get
 * their defaults.
 */
typedef struct
{
  SihSummaryFormat  format;
  SihMaskFlags      mask;
  GHashTable       *unmask;
  gboolean          help_desk;
  gboolean          timeline;
} SihSummaryOptions;

/**
 * SihSummarySpan:
 * @start: byte offset in the summary's text
 * @end: byte offset just after it
 *
 * Where the summary wrote something.
 */
typedef struct
{
  gsize start;
  gsize end;
} SihSummarySpan;

/**
 * SihSummaryFinding:
 * @field: the field id ("account-email", "note:CAUSE/STEP", …)
 * @kind: an e-mail address, a phone number or a secret
 * @reason: for a secret, why it was flagged
 * @start: byte offset in the field's value
 * @end: byte offset just after it
 * @masked: whether the summary masks (or, for a secret, withholds) it
 * @spans: (element-type SihSummarySpan): where the summary shows it, as
 *   masked or as written, Markdown escapes included: once for each place
 *   the field appears (a field may be quoted in the opening paragraph and
 *   again in its section), none when it is not shown
 *
 * Something in a field that the preview should point out: what was
 * masked, so that the person can unmask the field deliberately, and what
 * looks like a password or a code, so that they can take it out.
 */
typedef struct
{
  char            *field;
  SihMaskKind      kind;
  SihSecretReason  reason;
  gsize            start;
  gsize            end;
  gboolean         masked;
  GArray          *spans;
} SihSummaryFinding;

/**
 * SihSummaryBlockKind:
 * @SIH_SUMMARY_BLOCK_HEADING: a heading; its level says which
 * @SIH_SUMMARY_BLOCK_PARAGRAPH: a paragraph
 * @SIH_SUMMARY_BLOCK_ITEM: an item of a bulleted list
 * @SIH_SUMMARY_BLOCK_NUMBERED: an item of a numbered list; its marker is
 *   the number ("2.")
 * @SIH_SUMMARY_BLOCK_CHECKBOX: an item with a box, ticked or not
 * @SIH_SUMMARY_BLOCK_VERBATIM: a message quoted exactly as it was shown,
 *   for a fixed-width font
 */
typedef enum
{
  SIH_SUMMARY_BLOCK_HEADING,
  SIH_SUMMARY_BLOCK_PARAGRAPH,
  SIH_SUMMARY_BLOCK_ITEM,
  SIH_SUMMARY_BLOCK_NUMBERED,
  SIH_SUMMARY_BLOCK_CHECKBOX,
  SIH_SUMMARY_BLOCK_VERBATIM,
} SihSummaryBlockKind;

/**
 * SihSummaryBlock:
 * @kind: what the block is
 * @level: a heading's level: 1 for the title, 2 for a section's
 * @marker: (nullable): a numbered item's number, "2."
 * @checked: whether a checkbox is ticked
 * @markup: the text as Pango markup: "<b>" and "<i>" and entities only,
 *   "\n" where a line breaks inside the block
 *
 * One block of a summary laid out on paper, with the structure the text
 * formats show with underlines, "#" and "**".
 */
typedef struct
{
  SihSummaryBlockKind  kind;
  guint                level;
  char                *marker;
  gboolean             checked;
  char                *markup;
} SihSummaryBlock;

/**
 * SihExportFormat:
 * @name: what the command line and settings call it ("markdown")
 * @alias: (nullable): another name it answers to ("md")
 * @extension: the file name extension, without the dot
 * @mime_type: its MIME type
 * @format: the text it is made of
 * @printed: laid out on pages (a PDF) rather than written as text
 *
 * One row of the table of the ways a summary leaves the app.
 */
typedef struct
{
  const char       *name;
  const char       *alias;
  const char       *extension;
  const char       *mime_type;
  SihSummaryFormat  format;
  gboolean          printed;
} SihExportFormat;

const SihExportFormat *sih_export_format_lookup      (const char       *name);
const SihExportFormat *sih_export_format_for_summary (SihSummaryFormat  format);

void      sih_summary_options_init     (SihSummaryOptions        *options);
void      sih_summary_finding_free     (SihSummaryFinding        *finding);
char     *sih_summary_note_field       (const char               *cause_id,
                                        const char               *step_id);
gboolean  sih_summary_parse_note_field (const char               *field,
                                        char                    **cause_id,
                                        char                    **step_id);
gboolean  sih_summary_format_from_string (const char             *name,
                                          SihSummaryFormat       *format);
gboolean  sih_summary_on_this_computer (SihCase                  *kase,
                                        gboolean                  help_desk);

char     *sih_summary_format           (SihCase                  *kase,
                                        SihPack                  *pack,
                                        const SihDeviceInfo      *device,
                                        GDateTime                *now,
                                        const SihSummaryOptions  *options,
                                        GPtrArray               **findings);
char     *sih_summary_blank_checklist  (SihPack                  *pack,
                                        SihCause                 *cause,
                                        SihSummaryFormat          format);

void       sih_summary_block_free             (SihSummaryBlock         *block);
GPtrArray *sih_summary_format_blocks          (SihCase                 *kase,
                                               SihPack                 *pack,
                                               const SihDeviceInfo     *device,
                                               GDateTime               *now,
                                               const SihSummaryOptions *options);
GPtrArray *sih_summary_blank_checklist_blocks (SihPack                 *pack,
                                               SihCause                *cause);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SihSummaryFinding, sih_summary_finding_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SihSummaryBlock, sih_summary_block_free)

G_END_DECLS
