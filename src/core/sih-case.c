/* sih-case.c
 *
 * A case is what one person (or one caller) has tried: an outcome and a
 * note per step, an append-only history of outcome changes, free-form
 * details (device, error message, …) and whether the problem is solved.
 * Widgets read and write it; the case store saves it on "changed".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include <string.h>

#include "core/sih-case.h"
#include "core/sih-time.h"
#include "core/sih-json-reader.h"

struct _SihCase
{
  GObject       parent_instance;

  char         *id;
  char         *pack_id;
  char         *pack_version;
  GDateTime    *created;
  GDateTime    *updated;
  char         *title;
  char         *cause_id;

  SihStatus     status;
  char         *status_reason;
  char         *route_id;       /* escalated: which official route */
  GDateTime    *call_back;      /* call back: when */
  char         *ticket;
  char         *caller_name;
  char         *caller_contact;
  char         *agent;          /* stamps changes; not saved as such */
  GPtrArray    *calls;          /* SihCall */
  char         *handover_agent; /* who exported the handover file this */
  GDateTime    *handover_time;  /* case came from, and when */

  GHashTable   *records;        /* "cause\037step" → SihStepRecord (borrowed) */
  GPtrArray    *record_order;   /* SihStepRecord, owned, in order of first change */
  GPtrArray    *history;        /* SihHistoryEntry */
  GHashTable   *details;        /* key → value */

  SihClockFunc  clock;
  gpointer      clock_data;
};

G_DEFINE_FINAL_TYPE (SihCase, sih_case, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_SOLVED,
  PROP_CAUSE_ID,
  PROP_UPDATED,
  PROP_STATUS,
  N_PROPS
};

enum {
  CHANGED,
  STEP_CHANGED,
  DETAIL_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

void
sih_step_record_free (SihStepRecord *record)
{
  if (record == NULL)
    return;
  g_free (record->cause_id);
  g_free (record->step_id);
  g_free (record->note);
  g_clear_pointer (&record->changed, g_date_time_unref);
  g_free (record);
}

void
sih_history_entry_free (SihHistoryEntry *entry)
{
  if (entry == NULL)
    return;
  g_clear_pointer (&entry->time, g_date_time_unref);
  g_free (entry->cause_id);
  g_free (entry->step_id);
  g_free (entry->agent);
  g_free (entry->reason);
  g_free (entry->route_id);
  g_clear_pointer (&entry->call_back, g_date_time_unref);
  g_free (entry);
}

void
sih_call_free (SihCall *call)
{
  if (call == NULL)
    return;
  g_clear_pointer (&call->start, g_date_time_unref);
  g_clear_pointer (&call->end, g_date_time_unref);
  g_free (call->agent);
  g_free (call);
}

static GDateTime *
real_clock (gpointer user_data)
{
  return g_date_time_new_now_local ();
}

static void
sih_case_finalize (GObject *object)
{
  SihCase *self = (SihCase *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->pack_id, g_free);
  g_clear_pointer (&self->pack_version, g_free);
  g_clear_pointer (&self->created, g_date_time_unref);
  g_clear_pointer (&self->updated, g_date_time_unref);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->cause_id, g_free);
  g_clear_pointer (&self->records, g_hash_table_unref);
  g_clear_pointer (&self->record_order, g_ptr_array_unref);
  g_clear_pointer (&self->history, g_ptr_array_unref);
  g_clear_pointer (&self->details, g_hash_table_unref);
  g_clear_pointer (&self->status_reason, g_free);
  g_clear_pointer (&self->route_id, g_free);
  g_clear_pointer (&self->call_back, g_date_time_unref);
  g_clear_pointer (&self->ticket, g_free);
  g_clear_pointer (&self->caller_name, g_free);
  g_clear_pointer (&self->caller_contact, g_free);
  g_clear_pointer (&self->agent, g_free);
  g_clear_pointer (&self->calls, g_ptr_array_unref);
  g_clear_pointer (&self->handover_agent, g_free);
  g_clear_pointer (&self->handover_time, g_date_time_unref);

  G_OBJECT_CLASS (sih_case_parent_class)->finalize (object);
}

static void
sih_case_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  SihCase *self = SIH_CASE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_SOLVED:
      g_value_set_boolean (value, self->status == SIH_STATUS_SOLVED);
      break;
    case PROP_CAUSE_ID:
      g_value_set_string (value, self->cause_id);
      break;
    case PROP_UPDATED:
      g_value_set_boxed (value, self->updated);
      break;
    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sih_case_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  SihCase *self = SIH_CASE (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      sih_case_set_title (self, g_value_get_string (value));
      break;
    case PROP_SOLVED:
      sih_case_set_solved (self, g_value_get_boolean (value));
      break;
    case PROP_CAUSE_ID:
      sih_case_set_cause_id (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sih_case_class_init (SihCaseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sih_case_finalize;
  object_class->get_property = sih_case_get_property;
  object_class->set_property = sih_case_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SOLVED] =
    g_param_spec_boolean ("solved", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAUSE_ID] =
    g_param_spec_string ("cause-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_UPDATED] =
    g_param_spec_boxed ("updated", NULL, NULL, G_TYPE_DATE_TIME,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL, SIH_TYPE_STATUS, SIH_STATUS_OPEN,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SihCase::changed:
   *
   * Emitted once for every real change to what the case records, and never
   * for a change that leaves it as it was.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * SihCase::step-changed:
   * @cause_id: the cause
   * @step_id: the step whose outcome or note changed
   */
  signals[STEP_CHANGED] =
    g_signal_new ("step-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2,
                  G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE,
                  G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE);

  /**
   * SihCase::detail-changed:
   * @key: the detail that changed
   */
  signals[DETAIL_CHANGED] =
    g_signal_new ("detail-changed", G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1,
                  G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE);
}

static void
sih_case_init (SihCase *self)
{
  self->records = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->record_order = g_ptr_array_new_with_free_func ((GDestroyNotify)sih_step_record_free);
  self->history = g_ptr_array_new_with_free_func ((GDestroyNotify)sih_history_entry_free);
  self->details = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->calls = g_ptr_array_new_with_free_func ((GDestroyNotify)sih_call_free);
  self->status = SIH_STATUS_OPEN;
  self->clock = real_clock;
}

SihCase *
sih_case_new (const char *pack_id,
              const char *pack_version)
{
  SihCase *self;

  g_return_val_if_fail (sih_id_is_valid (pack_id), NULL);

  self = g_object_new (SIH_TYPE_CASE, NULL);
  self->id = g_uuid_string_random ();
  self->pack_id = g_strdup (pack_id);
  self->pack_version = g_strdup (pack_version);
  self->created = sih_case_now (self);
  self->updated = g_date_time_ref (self->created);

  return self;
}

SihCase *
sih_case_new_restored (const char *id,
                       const char *pack_id,
                       const char *pack_version,
                       GDateTime  *created,
                       GDateTime  *updated)
{
  SihCase *self;

  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (pack_id != NULL, NULL);
  g_return_val_if_fail (created != NULL, NULL);
  g_return_val_if_fail (updated != NULL, NULL);

  self = g_object_new (SIH_TYPE_CASE, NULL);
  self->id = g_strdup (id);
  self->pack_id = g_strdup (pack_id);
  self->pack_version = g_strdup (pack_version);
  self->created = g_date_time_ref (created);
  self->updated = g_date_time_ref (updated);

  return self;
}

/**
 * sih_case_set_clock:
 * @clock: (nullable): where times come from, or %NULL for the real clock
 *
 * Tests fix the clock so that times are predictable.  A case created
 * before the clock was set keeps its creation time.
 */
void
sih_case_set_clock (SihCase      *self,
                    SihClockFunc  clock,
                    gpointer      user_data)
{
  g_return_if_fail (SIH_IS_CASE (self));

  self->clock = clock != NULL ? clock : real_clock;
  self->clock_data = user_data;
}

/**
 * sih_case_now:
 *
 * Returns: (transfer full): the current time by the case's clock
 */
GDateTime *
sih_case_now (SihCase *self)
{
  g_return_val_if_fail (SIH_IS_CASE (self), NULL);
  return self->clock (self->clock_data);
}

/* @now: (nullable): the time of the change, so that a record and the case
 * agree on it exactly */
static void
touch (SihCase   *self,
       GDateTime *now)
{
  g_clear_pointer (&self->updated, g_date_time_unref);
  self->updated = now != NULL ? g_date_time_ref (now) : sih_case_now (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UPDATED]);
}

const char *
sih_case_get_id (SihCase *self)
{
  g_return_val_if_fail (SIH_IS_CASE (self), NULL);
  return self->id;
}

const char *
sih_case_get_pack_id (SihCase *self)
{
  g_return_val_if_fail (SIH_IS_CASE (self), NULL);
  return self->pack_id;
}

const char *
sih_case_get_pack_version (SihCase *self)
{
  g_return_val_if_fail (SIH_IS_CASE (self), NULL);
  return self->pack_version;
}

/**
 * sih_case_set_pack_version:
 *
 * Records the version of the pack the case is now worked on with.  This is
 * not a change of what was tried, so it emits no signal.
 */
void
sih_case_set_pack_version (SihCase    *self,
                           const char *pack_version)
{
  g_return_if_fail (SIH_IS_CASE (self));
  g_free (self->pack_version);
  self->pack_version = g_strdup (pack_version);
}

GDateTime *
sih_case_get_created (SihCase *self)
{
  g_return_val_if_fail (SIH_IS_CASE (self), NULL);
  return self->created;
}

GDateTime *
sih_case_get_updated (SihCase *self)
{
  g_return_val_if_fail (SIH_IS_CASE (self), NULL);
  return self->updated;
}

void
sih_case_restore_updated (SihCase   *self,
                          GDateTime *updated)
{
  g_return_if_fail (SIH_IS_CASE (self));
  g_return_if_fail (updated != NULL);
  g_clear_pointer (&self->updated, g_date_time_unref);
  self->updated = g_date_time_ref (updated);
}

/**
 * sih_case_get_title:
 *
 * Returns: (nullable): the name the user gave the case, such as a caller's
 *   reference number
 */
const char *
sih_case_get_title (SihCase *self)
{
  g_return_val_if_fail (SIH_IS_CASE (self), NULL);
  return self->title;
}

/**
 * sih_case_format_title:
 * @title: (nullable): the name the user gave a case
 * @created: when the case was started
 *
 * What a case is called wherever it is listed or shown: its name, or for a
 * case without one when it was started ("Case of Nov 25, 2026 at 14:03").
 *
 * Returns: (transfer full): the title to show
 */
char *
sih_case_format_title (const char *title,
                       GDateTime  *created)
{
  g_autofree char *when = NULL;

  if (title != NULL)
    return g_strdup (title);

  g_return_val_if_fail (created != NULL, NULL);
  when = sih_time_format_date_time (created);
  /* Translators: a case that has no name yet; %s is when it was started */
  return g_strdup_printf (_("Case of %s"), when);
}

static gboolean
is_blank (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      return FALSE;
  return TRUE;
}

/* Keep what the user typed; only blank text means "nothing".  Invalid
 * UTF-8 and text past SIH_CASE_MAX_TEXT would make the saved file
 * unreadable, so they are repaired and cut here, at the source. */
static char *
normalize (const char *text)
{
  char *value;
  gsize len;

  if (text == NULL || is_blank (text))
    return NULL;

  value = g_utf8_make_valid (text, -1);
  len = strlen (value);
  if (len > SIH_CASE_MAX_TEXT)
    {
      char *end = value + SIH_CASE_MAX_TEXT;

      while (end > value && ((guchar)*end & 0xC0) == 0x80)
        end--;
      *end = '\0';
    }

  return value;
}

void
sih_case_set_title (SihCase    *self,
                    const char *title)
{
  g_autofree char *value = NULL;

  g_return_if_fail (SIH_IS_CASE (self));

  value = normalize (title);
  if (g_strcmp0 (value, self->title) == 0)
    return;

  g_free (self->title);
  self->title = g_steal_pointer (&value);
  touch (self, NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
  g_signal_emit (self, signals[CHANGED], 0);
}

/**
 * sih_case_get_solved:
 *
 * Returns: whether the status is %SIH_STATUS_SOLVED
 */
gboolean
sih_case_get_solved (SihCase *self)
{
  g_return_val_if_fail (SIH_IS_CASE (self), FALSE);
  return self->status == SIH_STATUS_SOLVED;
}

/**
 * sih_case_set_solved:
 *
 * Sets the status to solved, or from solved back to open (without a
 * reason).  Any other status is left as it is by %FALSE.
 */
void
sih_case_set_solved (SihCase  *self,
                     gboolean  solved)
{
  g_return_if_fail (SIH_IS_CASE (self));

  if (solved)
    sih_case_set_status (self, SIH_STATUS_SOLVED, NULL, NULL, NULL);
  else if (self->status == SIH_STATUS_SOLVED)
    sih_case_set_status (self, SIH_STATUS_OPEN, NULL, NULL, NULL);
}

/**
 * sih_case_get_cause_id:
 *
 * Returns: (nullable): the cause being worked on, to resume where the
 *   user left off
 */
const char *
sih_case_get_cause_id (SihCase *self)
{
  g_return_val_if_fail (SIH_IS_CASE (self), NULL);
  return self->cause_id;
}

void
sih_case_set_cause_id (SihCase    *self,
                       const char *cause_id)
{
  g_return_if_fail (SIH_IS_CASE (self));
  g_return_if_fail (cause_id == NULL || sih_id_is_valid (cause_id));

  if (g_strcmp0 (cause_id, self->cause_id) == 0)
    return;

  g_free (self->cause_id);
  self->cause_id = g_strdup (cause_id);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAUSE_ID]);
  g_signal_emit (self, signals[CHANGED], 0);
}

/* The history is append-only; at its bound it stops growing rather than
 * forgetting its beginning.
 *
 * Returns: (nullable) (transfer none): the new entry, stamped with @now
 *   and the current agent */
static SihHistoryEntry *
append_entry (SihCase        *self,
              SihHistoryKind  kind,
              GDateTime      *now)
{
  SihHistoryEntry *entry;

  if (self->history->len >= SIH_CASE_MAX_ENTRIES)
    return NULL;

  entry = g_new0 (SihHistoryEntry, 1);
  entry->kind = kind;
  entry->time = g_date_time_ref (now);
  entry->agent = g_strdup (self->agent);
  g_ptr_array_add (self->history, entry);
  return entry;
}

/* A note is typed a character at a time: edits in a row by the same agent
 * are one entry, which keeps the time of the last one. */
static void
note_edited (SihCase    *self,
             const char *cause_id,
             const char *step_id,
             GDateTime  *now)
{
  SihHistoryEntry *last = NULL;

  if (self->history->len > 0)
    last = g_ptr_array_index (self->history, self->history->len - 1);

  if (last != NULL && last->kind == SIH_HISTORY_NOTE &&
      g_strcmp0 (last->cause_id, cause_id) == 0 && g_strcmp0 (last->step_id, step_id) == 0 &&
      g_strcmp0 (last->agent, self->agent) == 0)
    {
      g_date_time_unref (last->time);
      last->time = g_date_time_ref (now);
      return;
    }

  last = append_entry (self, SIH_HISTORY_NOTE, now);
  if (last != NULL)
    {
      last->cause_id = g_strdup (cause_id);
      last->step_id = g_strdup (step_id);
    }
}

static char *
record_key (const char *cause_id,
            const char *step_id)
{
  return g_strconcat (cause_id, "\037", step_id, NULL);
}

static SihStepRecord *
lookup_record (SihCase    *self,
               const char *cause_id,
               const char *step_id)
{
  g_autofree char *key = record_key (cause_id, step_id);
  return g_hash_table_lookup (self->records, key);
}

static SihStepRecord *
ensure_record (SihCase    *self,
               const char *cause_id,
               const char *step_id)
{
  SihStepRecord *record = lookup_record (self, cause_id, step_id);

  if (record == NULL)
    {
      if (self->record_order->len >= SIH_CASE_MAX_ENTRIES)
        return NULL;

      record = g_new0 (SihStepRecord, 1);
      record->cause_id = g_strdup (cause_id);
      record->step_id = g_strdup (step_id);
      record->outcome = SIH_OUTCOME_NOT_TRIED;
      g_ptr_array_add (self->record_order, record);
      g_hash_table_insert (self->records, record_key (cause_id, step_id), record);
    }

  return record;
}

/**
 * sih_case_set_outcome:
 *
 * Records an outcome and the time it was set, and appends the change to
 * the history (unless it already holds %SIH_CASE_MAX_ENTRIES entries).
 *
 * Returns: %TRUE if anything changed; %FALSE for a no-op, or when the case
 *   already holds %SIH_CASE_MAX_ENTRIES records and this would be a new one
 */
gboolean
sih_case_set_outcome (SihCase    *self,
                      const char *cause_id,
                      const char *step_id,
                      SihOutcome  outcome)
{
  SihStepRecord *record;
  SihHistoryEntry *entry;
  g_autoptr(GDateTime) now = NULL;

  g_return_val_if_fail (SIH_IS_CASE (self), FALSE);
  g_return_val_if_fail (sih_id_is_valid (cause_id) && sih_id_is_valid (step_id), FALSE);
  g_return_val_if_fail ((guint)outcome < SIH_N_OUTCOMES, FALSE);

  if (sih_case_get_outcome (self, cause_id, step_id) == outcome)
    return FALSE;

  record = ensure_record (self, cause_id, step_id);
  if (record == NULL)
    return FALSE;

  now = sih_case_now (self);

  /* The history is append-only; at its bound it stops growing rather than
   * forgetting its beginning. */
  entry = append_entry (self, SIH_HISTORY_OUTCOME, now);
  if (entry != NULL)
    {
      entry->cause_id = g_strdup (cause_id);
      entry->step_id = g_strdup (step_id);
      entry->old_outcome = record->outcome;
      entry->new_outcome = outcome;
    }

  record->outcome = outcome;
  g_clear_pointer (&record->changed, g_date_time_unref);
  record->changed = g_date_time_ref (now);

  touch (self, now);
  g_signal_emit (self, signals[STEP_CHANGED], 0, cause_id, step_id);
  g_signal_emit (self, signals[CHANGED], 0);

  return TRUE;
}

SihOutcome
sih_case_get_outcome (SihCase    *self,
                      const char *cause_id,
                      const char *step_id)
{
  SihStepRecord *record;

  g_return_val_if_fail (SIH_IS_CASE (self), SIH_OUTCOME_NOT_TRIED);

  record = lookup_record (self, cause_id, step_id);
  return record != NULL ? record->outcome : SIH_OUTCOME_NOT_TRIED;
}

/**
 * sih_case_set_note:
 * @note: (nullable): the note; blank text removes it
 *
 * Sets the note and the record's change time.
 *
 * Returns: %TRUE if anything changed
 */
gboolean
sih_case_set_note (SihCase    *self,
                   const char *cause_id,
                   const char *step_id,
                   const char *note)
{
  g_autofree char *value = NULL;
  SihStepRecord *record;

  g_return_val_if_fail (SIH_IS_CASE (self), FALSE);
  g_return_val_if_fail (sih_id_is_valid (cause_id) && sih_id_is_valid (step_id), FALSE);

  value = normalize (note);
  if (g_strcmp0 (value, sih_case_get_note (self, cause_id, step_id)) == 0)
    return FALSE;

  record = ensure_record (self, cause_id, step_id);
  if (record == NULL)
    return FALSE;
  g_free (record->note);
  record->note = g_steal_pointer (&value);
  g_clear_pointer (&record->changed, g_date_time_unref);
  record->changed = sih_case_now (self);
  note_edited (self, cause_id, step_id, record->changed);

  touch (self, record->changed);
  g_signal_emit (self, signals[STEP_CHANGED], 0, cause_id, step_id);
  g_signal_emit (self, signals[CHANGED], 0);

  return TRUE;
}

/**
 * sih_case_get_note:
 *
 * Returns: (nullable): the note for the step
 */
const char *
sih_case_get_note (SihCase    *self,
                   const char *cause_id,
                   const char *step_id)
{
  SihStepRecord *record;

  g_return_val_if_fail (SIH_IS_CASE (self), NULL);

  record = lookup_record (self, cause_id, step_id);
  return record != NULL ? record->note : NULL;
}

/**
 * sih_case_get_record:
 *
 * Returns: (nullable) (transfer none): what is recorded for the step
 */
const SihStepRecord *
sih_case_get_record (SihCase    *self,
                     const char *cause_id,
                     const char *step_id)
{
  g_return_val_if_fail (SIH_IS_CASE (self), NULL);
  return lookup_record (self, cause_id, step_id);
}

/**
 * sih_case_get_records:
 *
 * Returns: (transfer none) (element-type SihStepRecord): every record, in
 *   the order the steps were first touched, including steps the pack no
 *   longer has
 */
GPtrArray *
sih_case_get_records (SihCase *self)
{
  g_return_val_if_fail (SIH_IS_CASE (self), NULL);
  return self->record_order;
}

/**
 * sih_case_get_history:
 *
 * Returns: (transfer none) (element-type SihHistoryEntry): outcome changes,
 *   oldest first
 */
GPtrArray *
sih_case_get_history (SihCase *self)
{
  g_return_val_if_fail (SIH_IS_CASE (self), NULL);
  return self->history;
}

/**
 * sih_case_count_tried:
 * @n_worked: (out) (optional): how many of them worked
 *
 * Returns: how many of @cause's steps have an outcome other than "not
 *   tried yet"
 */
guint
sih_case_count_tried (SihCase  *self,
                      SihCause *cause,
                      guint    *n_worked)
{
  GListModel *steps;
  guint tried = 0, worked = 0;

  g_return_val_if_fail (SIH_IS_CASE (self), 0);
  g_return_val_if_fail (SIH_IS_CAUSE (cause), 0);

  steps = sih_cause_get_steps (cause);
  for (guint i = 0; i < g_list_model_get_n_items (steps); i++)
    {
      g_autoptr(SihStep) step = g_list_model_get_item (steps, i);
      SihOutcome outcome = sih_case_get_outcome (self, sih_cause_get_id (cause),
                                                 sih_step_get_id (step));

      if (sih_outcome_is_tried (outcome))
        tried++;
      if (outcome == SIH_OUTCOME_WORKED)
        worked++;
    }

  if (n_worked != NULL)
    *n_worked = worked;
  return tried;
}

/**
 * sih_case_get_detail:
 * @key: a detail such as "error-message" or "device-type"
 *
 * Returns: (nullable): its value
 */
const char *
sih_case_get_detail (SihCase    *self,
                     const char *key)
{
  g_return_val_if_fail (SIH_IS_CASE (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);
  return g_hash_table_lookup (self->details, key);
}

/**
 * sih_case_set_detail:
 * @value: (nullable): the value; blank text removes it
 *
 * Returns: %TRUE if anything changed
 */
gboolean
sih_case_set_detail (SihCase    *self,
                     const char *key,
                     const char *value)
{
  g_autofree char *normalized = NULL;

  g_return_val_if_fail (SIH_IS_CASE (self), FALSE);
  g_return_val_if_fail (sih_id_is_valid (key), FALSE);

  normalized = normalize (value);
  if (g_strcmp0 (normalized, sih_case_get_detail (self, key)) == 0)
    return FALSE;
  if (normalized != NULL && sih_case_get_detail (self, key) == NULL &&
      g_hash_table_size (self->details) >= SIH_CASE_MAX_ENTRIES)
    return FALSE;

  if (normalized == NULL)
    g_hash_table_remove (self->details, key);
  else
    g_hash_table_insert (self->details, g_strdup (key), g_steal_pointer (&normalized));

  touch (self, NULL);
  g_signal_emit (self, signals[DETAIL_CHANGED], g_quark_from_string (key), key);
  g_signal_emit (self, signals[CHANGED], 0);

  return TRUE;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  return g_strcmp0 (*(const char * const *)a, *(const char * const *)b);
}

/**
 * sih_case_list_details:
 *
 * Returns: (transfer full): the keys of all details, sorted
 */
GStrv
sih_case_list_details (SihCase *self)
{
  g_autofree const char **keys = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  guint n;

  g_return_val_if_fail (SIH_IS_CASE (self), NULL);

  keys = (const char **)g_hash_table_get_keys_as_array (self->details, &n);
  for (guint i = 0; i < n; i++)
    g_strv_builder_add (builder, keys[i]);

  {
    GStrv result = g_strv_builder_end (builder);
    g_qsort_with_data (result, g_strv_length (result), sizeof (char *), compare_strings, NULL);
    return result;
  }
}

/**
 * sih_case_is_blank:
 *
 * Whether nothing has been recorded in the case yet: no title, no outcome
 * or note, no detail, no ticket or caller, no call, status open without a
 * reason.  Which cause is open does not
 * count: looking is not recording.
 *
 * Returns: %TRUE for a case with nothing worth keeping
 */
gboolean
sih_case_is_blank (SihCase *self)
{
  g_return_val_if_fail (SIH_IS_CASE (self), FALSE);

  return self->title == NULL && self->status == SIH_STATUS_OPEN &&
         self->status_reason == NULL && self->record_order->len == 0 &&
         g_hash_table_size (self->details) == 0 && self->ticket == NULL &&
         self->caller_name == NULL && self->caller_contact == NULL && self->calls->len == 0;
}

void
sih_case_restore_record (SihCase    *self,
                         const char *cause_id,
                         const char *step_id,
                         SihOutcome  outcome,
                         const char *note,
                         GDateTime  *changed)
{
  SihStepRecord *record;

  g_return_if_fail (SIH_IS_CASE (self));
  g_return_if_fail (cause_id != NULL && step_id != NULL);
  g_return_if_fail ((guint)outcome < SIH_N_OUTCOMES);

  record = ensure_record (self, cause_id, step_id);
  g_return_if_fail (record != NULL);
  record->outcome = outcome;
  g_free (record->note);
  record->note = normalize (note);
  g_clear_pointer (&record->changed, g_date_time_unref);
  record->changed = changed != NULL ? g_date_time_ref (changed) : NULL;
}

static void
store_status (SihCase    *self,
              SihStatus   status,
              const char *reason,
              const char *route_id,
              GDateTime  *call_back)
{
  const SihStatusInfo *info = sih_status_get_info (status);

  self->status = status;
  g_free (self->status_reason);
  self->status_reason = normalize (reason);
  g_free (self->route_id);
  self->route_id = info->has_route ? g_strdup (route_id) : NULL;
  g_clear_pointer (&self->call_back, g_date_time_unref);
  if (info->has_time && call_back != NULL)
    self->call_back = g_date_time_ref (call_back);
}

/**
 * sih_case_restore_state:
 *
 * For loaders: sets the title, solved state and current cause as saved,
 * without signals and without touching the update time.
 */
void
sih_case_restore_state (SihCase    *self,
                        const char *title,
                        gboolean    solved,
                        const char *cause_id)
{
  g_return_if_fail (SIH_IS_CASE (self));

  g_free (self->title);
  self->title = normalize (title);
  /* Through store_status(), so that no call-back time or route is left
   * behind that the file reader would refuse with this status. */
  store_status (self, solved ? SIH_STATUS_SOLVED : SIH_STATUS_OPEN, NULL, NULL, NULL);
  g_free (self->cause_id);
  self->cause_id = g_strdup (cause_id);
}

/**
 * sih_case_restore_detail:
 *
 * For loaders: sets a detail as saved, without signals.
 */
void
sih_case_restore_detail (SihCase    *self,
                         const char *key,
                         const char *value)
{
  char *normalized;

  g_return_if_fail (SIH_IS_CASE (self));
  g_return_if_fail (key != NULL);

  normalized = normalize (value);
  if (normalized == NULL)
    g_hash_table_remove (self->details, key);
  else
    g_hash_table_insert (self->details, g_strdup (key), normalized);
}

/**
 * sih_case_restore_id:
 *
 * For importers: gives a just-loaded case a new id, when its own is taken.
 * Call it before anything else holds the case; the id is otherwise fixed.
 */
void
sih_case_restore_id (SihCase    *self,
                     const char *id)
{
  g_return_if_fail (SIH_IS_CASE (self));
  g_return_if_fail (id != NULL);

  g_free (self->id);
  self->id = g_strdup (id);
}

void
sih_case_restore_history (SihCase    *self,
                          GDateTime  *time,
                          const char *cause_id,
                          const char *step_id,
                          SihOutcome  old_outcome,
                          SihOutcome  new_outcome)
{
  SihHistoryEntry *entry;

  g_return_if_fail (SIH_IS_CASE (self));
  g_return_if_fail (time != NULL);

  entry = g_new0 (SihHistoryEntry, 1);
  entry->time = g_date_time_ref (time);
  entry->cause_id = g_strdup (cause_id);
  entry->step_id = g_strdup (step_id);
  entry->old_outcome = old_outcome;
  entry->new_outcome = new_outcome;
  g_ptr_array_add (self->history, entry);
}

/**
 * sih_case_restore_entry:
 * @entry: a history entry; its members are copied
 *
 * For loaders: appends a history entry of any kind as saved.
 */
void
sih_case_restore_entry (SihCase               *self,
                        const SihHistoryEntry *entry)
{
  SihHistoryEntry *copy;

  g_return_if_fail (SIH_IS_CASE (self));
  g_return_if_fail (entry != NULL && entry->time != NULL);

  copy = g_new0 (SihHistoryEntry, 1);
  *copy = *entry;
  copy->time = g_date_time_ref (entry->time);
  copy->cause_id = g_strdup (entry->cause_id);
  copy->step_id = g_strdup (entry->step_id);
  copy->agent = g_strdup (entry->agent);
  copy->reason = normalize (entry->reason);
  copy->route_id = g_strdup (entry->route_id);
  copy->call_back = entry->call_back != NULL ? g_date_time_ref (entry->call_back) : NULL;
  g_ptr_array_add (self->history, copy);
}

/**
 * sih_case_restore_note_internal:
 *
 * For loaders: marks a restored record's note as internal, without
 * signals or history.
 */
void
sih_case_restore_note_internal (SihCase    *self,
                                const char *cause_id,
                                const char *step_id,
                                gboolean    internal)
{
  SihStepRecord *record;

  g_return_if_fail (SIH_IS_CASE (self));

  record = lookup_record (self, cause_id, step_id);
  g_return_if_fail (record != NULL);
  record->internal = !!internal;
}

/**
 * sih_case_restore_help_desk:
 *
 * For loaders: sets the ticket and the caller as saved, without signals.
 */
void
sih_case_restore_help_desk (SihCase    *self,
                            const char *ticket,
                            const char *caller_name,
                            const char *caller_contact)
{
  g_return_if_fail (SIH_IS_CASE (self));

  g_free (self->ticket);
  self->ticket = normalize (ticket);
  g_free (self->caller_name);
  self->caller_name = normalize (caller_name);
  g_free (self->caller_contact);
  self->caller_contact = normalize (caller_contact);
}

/**
 * sih_case_restore_status:
 *
 * For loaders: sets the status as saved, without signals or history.
 */
void
sih_case_restore_status (SihCase    *self,
                         SihStatus   status,
                         const char *reason,
                         const char *route_id,
                         GDateTime  *call_back)
{
  g_return_if_fail (SIH_IS_CASE (self));
  g_return_if_fail ((guint)status < SIH_N_STATUSES);

  store_status (self, status, reason, route_id, call_back);
}

/**
 * sih_case_restore_call:
 * @end: (nullable): when it ended, or %NULL for a call still running
 *
 * For loaders: appends a call as saved, without signals.
 */
void
sih_case_restore_call (SihCase    *self,
                       GDateTime  *start,
                       GDateTime  *end,
                       const char *agent)
{
  SihCall *call;

  g_return_if_fail (SIH_IS_CASE (self));
  g_return_if_fail (start != NULL);

  call = g_new0 (SihCall, 1);
  call->start = g_date_time_ref (start);
  call->end = end != NULL ? g_date_time_ref (end) : NULL;
  call->agent = normalize (agent);
  g_ptr_array_add (self->calls, call);
}

/**
 * sih_case_restore_handover:
 * @agent: (nullable): who exported the handover file
 * @time: (nullable): when; %NULL for a case that was never handed over
 *
 * For loaders and for sih_handover_copy_case(): where the case came from.
 */
void
sih_case_restore_handover (SihCase    *self,
                           const char *agent,
                           GDateTime  *time)
{
  g_return_if_fail (SIH_IS_CASE (self));

  g_clear_pointer (&self->handover_agent, g_free);
  g_clear_pointer (&self->handover_time, g_date_time_unref);
  if (time == NULL)
    return;
  self->handover_agent = normalize (agent);
  self->handover_time = g_date_time_ref (time);
}

/**
 * sih_case_get_handover_agent:
 *
 * Returns: (nullable): who handed the case over (exported the file it was
 *   imported from), if it was handed over by a named agent
 */
const char *
sih_case_get_handover_agent (SihCase *self)
{
  g_return_val_if_fail (SIH_IS_CASE (self), NULL);
  return self->handover_agent;
}

/**
 * sih_case_get_handover_time:
 *
 * Returns: (nullable): when the case was handed over, or %NULL if it
 *   never was
 */
GDateTime *
sih_case_get_handover_time (SihCase *self)
{
  g_return_val_if_fail (SIH_IS_CASE (self), NULL);
  return self->handover_time;
}

/**
 * sih_case_get_agent:
 *
 * Returns: (nullable): who is working on the case now
 */
const char *
sih_case_get_agent (SihCase *self)
{
  g_return_val_if_fail (SIH_IS_CASE (self), NULL);
  return self->agent;
}

/**
 * sih_case_set_agent:
 * @agent: (nullable): the help desk agent's name (a preference), or %NULL
 *
 * Who is working on the case now: every later change (outcome, note,
 * status, call) records this name.  Setting it is not a change of the
 * case: it emits no signal and is not saved as such.
 */
void
sih_case_set_agent (SihCase    *self,
                    const char *agent)
{
  g_return_if_fail (SIH_IS_CASE (self));

  g_free (self->agent);
  self->agent = normalize (agent);
}

static void
set_text (SihCase     *self,
          char       **field,
          const char  *text)
{
  g_autofree char *value = normalize (text);

  if (g_strcmp0 (value, *field) == 0)
    return;

  g_free (*field);
  *field = g_steal_pointer (&value);
  touch (self, NULL);
  g_signal_emit (self, signals[CHANGED], 0);
}

/**
 * sih_case_get_ticket:
 *
 * Returns: (nullable): the help desk's ticket or reference number
 */
const char *
sih_case_get_ticket (SihCase *self)
{
  g_return_val_if_fail (SIH_IS_CASE (self), NULL);
  return self->ticket;
}

void
sih_case_set_ticket (SihCase    *self,
                     const char *ticket)
{
  g_return_if_fail (SIH_IS_CASE (self));
  set_text (self, &self->ticket, ticket);
}

/**
 * sih_case_get_caller_name:
 *
 * Returns: (nullable): the caller's name
 */
const char *
sih_case_get_caller_name (SihCase *self)
{
  g_return_val_if_fail (SIH_IS_CASE (self), NULL);
  return self->caller_name;
}

void
sih_case_set_caller_name (SihCase    *self,
                          const char *name)
{
  g_return_if_fail (SIH_IS_CASE (self));
  set_text (self, &self->caller_name, name);
}

/**
 * sih_case_get_caller_contact:
 *
 * Returns: (nullable): how to reach the caller (free text: a phone number,
 *   an address, a time of day); summaries mask it like any contact detail
 */
const char *
sih_case_get_caller_contact (SihCase *self)
{
  g_return_val_if_fail (SIH_IS_CASE (self), NULL);
  return self->caller_contact;
}

void
sih_case_set_caller_contact (SihCase    *self,
                             const char *contact)
{
  g_return_if_fail (SIH_IS_CASE (self));
  set_text (self, &self->caller_contact, contact);
}

SihStatus
sih_case_get_status (SihCase *self)
{
  g_return_val_if_fail (SIH_IS_CASE (self), SIH_STATUS_OPEN);
  return self->status;
}

/**
 * sih_case_get_status_reason:
 *
 * Returns: (nullable): why the case has its status
 */
const char *
sih_case_get_status_reason (SihCase *self)
{
  g_return_val_if_fail (SIH_IS_CASE (self), NULL);
  return self->status_reason;
}

/**
 * sih_case_get_escalation_route:
 *
 * Returns: (nullable): for an escalated case, the id of the pack's official
 *   route (see #SihContactRoute) it was handed on to
 */
const char *
sih_case_get_escalation_route (SihCase *self)
{
  g_return_val_if_fail (SIH_IS_CASE (self), NULL);
  return self->route_id;
}

/**
 * sih_case_get_call_back:
 *
 * Returns: (nullable) (transfer none): for a case to call back, when
 */
GDateTime *
sih_case_get_call_back (SihCase *self)
{
  g_return_val_if_fail (SIH_IS_CASE (self), NULL);
  return self->call_back;
}

/**
 * sih_case_set_status:
 * @status: the new status
 * @reason: (nullable): why; blank text means none
 * @route_id: (nullable): for %SIH_STATUS_ESCALATED, the official route;
 *   ignored for any other status
 * @call_back: (nullable): for %SIH_STATUS_CALL_BACK, when; ignored for any
 *   other status
 *
 * Sets the status and what goes with it, and appends the change (with the
 * current agent) to the history.
 *
 * Returns: %TRUE if anything changed
 */
gboolean
sih_case_set_status (SihCase    *self,
                     SihStatus   status,
                     const char *reason,
                     const char *route_id,
                     GDateTime  *call_back)
{
  const SihStatusInfo *info;
  g_autofree char *value = NULL;
  g_autoptr(GDateTime) now = NULL;
  SihHistoryEntry *entry;
  SihStatus old_status;

  g_return_val_if_fail (SIH_IS_CASE (self), FALSE);
  g_return_val_if_fail ((guint)status < SIH_N_STATUSES, FALSE);
  g_return_val_if_fail (route_id == NULL || sih_id_is_valid (route_id), FALSE);

  info = sih_status_get_info (status);
  if (!info->has_route)
    route_id = NULL;
  if (!info->has_time)
    call_back = NULL;

  value = normalize (reason);
  if (status == self->status && g_strcmp0 (value, self->status_reason) == 0 &&
      g_strcmp0 (route_id, self->route_id) == 0 &&
      (call_back == NULL ? self->call_back == NULL :
       self->call_back != NULL && g_date_time_equal (call_back, self->call_back)))
    return FALSE;

  old_status = self->status;
  store_status (self, status, value, route_id, call_back);

  now = sih_case_now (self);
  entry = append_entry (self, SIH_HISTORY_STATUS, now);
  if (entry != NULL)
    {
      entry->old_status = old_status;
      entry->new_status = status;
      entry->reason = g_strdup (self->status_reason);
      entry->route_id = g_strdup (self->route_id);
      entry->call_back = self->call_back != NULL ? g_date_time_ref (self->call_back) : NULL;
    }

  touch (self, now);
  if (old_status != status)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
  if ((old_status == SIH_STATUS_SOLVED) != (status == SIH_STATUS_SOLVED))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SOLVED]);
  g_signal_emit (self, signals[CHANGED], 0);

  return TRUE;
}

/**
 * sih_case_get_running_call:
 *
 * Returns: (nullable) (transfer none): the call under way, if any
 */
const SihCall *
sih_case_get_running_call (SihCase *self)
{
  SihCall *last;

  g_return_val_if_fail (SIH_IS_CASE (self), NULL);

  if (self->calls->len == 0)
    return NULL;
  last = g_ptr_array_index (self->calls, self->calls->len - 1);
  return last->end == NULL ? last : NULL;
}

/**
 * sih_case_start_call:
 *
 * Starts a call, taken by the current agent.
 *
 * Returns: %TRUE if a call started; %FALSE while one is running or when the
 *   case holds %SIH_CASE_MAX_ENTRIES calls
 */
gboolean
sih_case_start_call (SihCase *self)
{
  SihCall *call;

  g_return_val_if_fail (SIH_IS_CASE (self), FALSE);

  if (sih_case_get_running_call (self) != NULL || self->calls->len >= SIH_CASE_MAX_ENTRIES)
    return FALSE;

  call = g_new0 (SihCall, 1);
  call->start = sih_case_now (self);
  call->agent = g_strdup (self->agent);
  g_ptr_array_add (self->calls, call);

  touch (self, call->start);
  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

/**
 * sih_case_stop_call:
 *
 * Ends the call under way.
 *
 * Returns: %TRUE if a call was running
 */
gboolean
sih_case_stop_call (SihCase *self)
{
  SihCall *call;

  g_return_val_if_fail (SIH_IS_CASE (self), FALSE);

  call = (SihCall *)sih_case_get_running_call (self);
  if (call == NULL)
    return FALSE;

  call->end = sih_case_now (self);
  /* A clock set back must not give a call a negative length. */
  if (g_date_time_compare (call->end, call->start) < 0)
    {
      g_date_time_unref (call->end);
      call->end = g_date_time_ref (call->start);
    }

  touch (self, call->end);
  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

/**
 * sih_case_get_calls:
 *
 * Returns: (transfer none) (element-type SihCall): every call, oldest first
 */
GPtrArray *
sih_case_get_calls (SihCase *self)
{
  g_return_val_if_fail (SIH_IS_CASE (self), NULL);
  return self->calls;
}

/**
 * sih_case_set_note_internal:
 * @internal: %TRUE to keep the note for the help desk only
 *
 * Marks a step's note as internal: it is never given to the caller.  The
 * mark belongs to the step's record and stays when the note changes.
 *
 * Returns: %TRUE if anything changed
 */
gboolean
sih_case_set_note_internal (SihCase    *self,
                            const char *cause_id,
                            const char *step_id,
                            gboolean    internal)
{
  SihStepRecord *record;

  g_return_val_if_fail (SIH_IS_CASE (self), FALSE);
  g_return_val_if_fail (sih_id_is_valid (cause_id) && sih_id_is_valid (step_id), FALSE);

  internal = !!internal;
  if (sih_case_get_note_internal (self, cause_id, step_id) == internal)
    return FALSE;

  record = ensure_record (self, cause_id, step_id);
  if (record == NULL)
    return FALSE;
  record->internal = internal;
  g_clear_pointer (&record->changed, g_date_time_unref);
  record->changed = sih_case_now (self);
  note_edited (self, cause_id, step_id, record->changed);

  touch (self, record->changed);
  g_signal_emit (self, signals[STEP_CHANGED], 0, cause_id, step_id);
  g_signal_emit (self, signals[CHANGED], 0);

  return TRUE;
}

gboolean
sih_case_get_note_internal (SihCase    *self,
                            const char *cause_id,
                            const char *step_id)
{
  SihStepRecord *record;

  g_return_val_if_fail (SIH_IS_CASE (self), FALSE);

  record = lookup_record (self, cause_id, step_id);
  return record != NULL && record->internal;
}
