/* sih-handover.c
 *
 * The copy is made by writing the case and reading it back, so that it
 * shares nothing with the case on this computer, and then has each text
 * the person typed replaced by its safe form.  The loader's restore
 * functions keep every bound of the model (a masked text that grew past
 * SIH_CASE_MAX_TEXT is cut), so the copy always saves and reads back.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "core/sih-case-file.h"
#include "core/sih-detail.h"
#include "core/sih-handover.h"

static void
count (SihHandoverReport *report,
       SihMaskKind        kind)
{
  if (kind == SIH_MASK_KIND_SECRET)
    report->n_withheld++;
  else
    report->n_masked++;
}

/* What a handover file holds for @value, a text of @kind. */
static char *
safe_text (const char         *value,
           SihDetailKind       kind,
           SihMaskFlags        mask,
           SihHandoverReport  *report)
{
  g_autoptr(GPtrArray) matches = NULL;

  if (value == NULL)
    return NULL;

  switch (kind)
    {
    case SIH_DETAIL_KIND_CHOICE:
      return g_strdup (value);

    case SIH_DETAIL_KIND_EMAIL:
      if (!(mask & SIH_MASK_EMAILS))
        return g_strdup (value);
      count (report, SIH_MASK_KIND_EMAIL);
      return sih_mask_email (value);

    case SIH_DETAIL_KIND_PHONE:
      if (!(mask & SIH_MASK_PHONES))
        return g_strdup (value);
      count (report, SIH_MASK_KIND_PHONE);
      return sih_mask_phone (value);

    case SIH_DETAIL_KIND_TEXT:
    default:
      matches = sih_mask_find (value, mask);
      for (guint i = 0; i < matches->len; i++)
        count (report, ((SihMaskMatch *)g_ptr_array_index (matches, i))->kind);
      return sih_mask_apply (value, matches);
    }
}

/**
 * sih_handover_copy_case:
 * @kase: a case
 * @mask: what to mask besides secrets: %SIH_MASK_EMAILS and
 *   %SIH_MASK_PHONES; %SIH_MASK_SECRETS is added whatever @mask says
 * @report: (out caller-allocates) (optional): what was taken out
 *
 * Returns: (transfer full): a copy of @kase that is safe to hand over;
 *   @kase is not changed
 */
SihCase *
sih_handover_copy_case (SihCase           *kase,
                        SihMaskFlags       mask,
                        SihHandoverReport *report)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(SihCase) copy = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) keys = NULL;
  SihHandoverReport local = { 0, 0 };
  GPtrArray *records;
  const char *title;

  g_return_val_if_fail (SIH_IS_CASE (kase), NULL);

  /* Support never needs a password or a code. */
  mask |= SIH_MASK_SECRETS;

  bytes = sih_case_file_to_bytes (kase);
  copy = sih_case_file_load_bytes (bytes, sih_case_get_id (kase), &error);
  /* The model holds nothing its own file format cannot read back. */
  if (copy == NULL)
    {
      g_critical ("A case could not be copied: %s", error->message);
      return NULL;
    }

  title = sih_case_get_title (copy);
  if (title != NULL)
    {
      g_autofree char *safe = safe_text (title, SIH_DETAIL_KIND_TEXT, mask, &local);
      /* Restoring replaces the case's own copy. */
      g_autofree char *cause_id = g_strdup (sih_case_get_cause_id (copy));

      sih_case_restore_state (copy, safe, sih_case_get_solved (copy), cause_id);
    }

  /* A help desk's fields: the ticket and the caller's name are typed text;
   * how to reach the caller is contact details, masked unless chosen; the
   * status is kept as it is (restoring the title above reset it), with its
   * reason made safe like any text. */
  {
    g_autofree char *ticket = safe_text (sih_case_get_ticket (copy), SIH_DETAIL_KIND_TEXT, mask, &local);
    g_autofree char *name = safe_text (sih_case_get_caller_name (copy), SIH_DETAIL_KIND_TEXT, mask, &local);
    g_autofree char *contact = safe_text (sih_case_get_caller_contact (copy), SIH_DETAIL_KIND_TEXT,
                                          mask, &local);
    g_autofree char *reason = safe_text (sih_case_get_status_reason (kase), SIH_DETAIL_KIND_TEXT,
                                         mask, &local);

    sih_case_restore_help_desk (copy, ticket, name, contact);
    sih_case_restore_status (copy, sih_case_get_status (kase), reason,
                             sih_case_get_escalation_route (kase), sih_case_get_call_back (kase));
  }

  records = sih_case_get_records (copy);
  for (guint i = 0; i < records->len; i++)
    {
      const SihStepRecord *record = g_ptr_array_index (records, i);
      g_autoptr(GDateTime) changed = NULL;
      g_autofree char *cause_id = NULL;
      g_autofree char *step_id = NULL;
      g_autofree char *safe = NULL;

      if (record->note == NULL)
        continue;
      /* Restoring replaces the record's own strings and time. */
      changed = record->changed != NULL ? g_date_time_ref (record->changed) : NULL;
      cause_id = g_strdup (record->cause_id);
      step_id = g_strdup (record->step_id);
      safe = safe_text (record->note, SIH_DETAIL_KIND_TEXT, mask, &local);
      sih_case_restore_record (copy, cause_id, step_id, record->outcome, safe, changed);
    }

  keys = sih_case_list_details (copy);
  for (guint i = 0; keys[i] != NULL; i++)
    {
      g_autofree char *safe = safe_text (sih_case_get_detail (copy, keys[i]),
                                         sih_detail_get_kind (keys[i]), mask, &local);

      sih_case_restore_detail (copy, keys[i], safe);
    }

  /* Who hands it over, and when, for whoever imports it. */
  {
    g_autoptr(GDateTime) now = sih_case_now (kase);

    sih_case_restore_handover (copy, sih_case_get_agent (kase), now);
  }

  sih_case_restore_updated (copy, sih_case_get_updated (kase));

  if (report != NULL)
    *report = local;
  return g_steal_pointer (&copy);
}

/**
 * sih_handover_export:
 * @kase: a case
 * @path: the file the person chose
 * @mask: as for sih_handover_copy_case()
 * @report: (out caller-allocates) (optional): what was taken out
 * @error: a #SIH_ERROR, as sih_case_file_save_to_path() sets
 *
 * Writes a copy of @kase that is safe to hand over to @path, atomically
 * and private to the user (0600).
 *
 * Returns: %TRUE when the file was written
 */
gboolean
sih_handover_export (SihCase            *kase,
                     const char         *path,
                     SihMaskFlags        mask,
                     SihHandoverReport  *report,
                     GError            **error)
{
  g_autoptr(SihCase) copy = NULL;

  g_return_val_if_fail (SIH_IS_CASE (kase), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  copy = sih_handover_copy_case (kase, mask, report);
  g_return_val_if_fail (copy != NULL, FALSE);

  return sih_case_file_save_to_path (copy, path, error);
}
