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
  gboolean      solved;
  char         *cause_id;

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
  g_free (entry);
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
      g_value_set_boolean (value, self->solved);
      break;
    case PROP_CAUSE_ID:
      g_value_set_string (value, self->cause_id);
      break;
    case PROP_UPDATED:
      g_value_set_boxed (value, self->updated);
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

gboolean
sih_case_get_solved (SihCase *self)
{
  g_return_val_if_fail (SIH_IS_CASE (self), FALSE);
  return self->solved;
}

void
sih_case_set_solved (SihCase  *self,
                     gboolean  solved)
{
  g_return_if_fail (SIH_IS_CASE (self));

  solved = !!solved;
  if (self->solved == solved)
    return;

  self->solved = solved;
  touch (self, NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SOLVED]);
  g_signal_emit (self, signals[CHANGED], 0);
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
  if (self->history->len < SIH_CASE_MAX_ENTRIES)
    {
      entry = g_new0 (SihHistoryEntry, 1);
      entry->time = g_date_time_ref (now);
      entry->cause_id = g_strdup (cause_id);
      entry->step_id = g_strdup (step_id);
      entry->old_outcome = record->outcome;
      entry->new_outcome = outcome;
      g_ptr_array_add (self->history, entry);
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
 * or note, no detail, not marked solved.  Which cause is open does not
 * count: looking is not recording.
 *
 * Returns: %TRUE for a case with nothing worth keeping
 */
gboolean
sih_case_is_blank (SihCase *self)
{
  g_return_val_if_fail (SIH_IS_CASE (self), FALSE);

  return self->title == NULL && !self->solved && self->record_order->len == 0 &&
         g_hash_table_size (self->details) == 0;
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
  self->solved = !!solved;
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
