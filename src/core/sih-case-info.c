/* sih-case-info.c
 *
 * What the case list needs to show a saved case, without loading it: the
 * store fills these from its index, and keeps them current while a case
 * is being worked on.  Read-only for everyone else.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "core/sih-case-info-private.h"
#include "core/sih-text-fold.h"
#include "core/sih-time.h"

struct _SihCaseInfo
{
  GObject    parent_instance;

  char      *id;
  char      *path;
  char      *title;
  GDateTime *created;
  GDateTime *updated;
  SihStatus  status;
  GDateTime *call_back;
  char      *ticket;
  char      *caller_name;
  char      *search_text;              /* folded; not a property */
  char      *folded;                   /* what else the search looks at, */
  SihPack   *folded_pack;              /* folded with this pack's causes */
  char      *cause_id;
  char      *pack_id;
  char      *pack_version;
};

G_DEFINE_FINAL_TYPE (SihCaseInfo, sih_case_info, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_PATH,
  PROP_TITLE,
  PROP_CREATED,
  PROP_UPDATED,
  PROP_SOLVED,
  PROP_CAUSE_ID,
  PROP_PACK_ID,
  PROP_PACK_VERSION,
  PROP_STATUS,
  PROP_CALL_BACK,
  PROP_TICKET,
  PROP_CALLER_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
sih_case_info_finalize (GObject *object)
{
  SihCaseInfo *self = (SihCaseInfo *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->created, g_date_time_unref);
  g_clear_pointer (&self->updated, g_date_time_unref);
  g_clear_pointer (&self->cause_id, g_free);
  g_clear_pointer (&self->pack_id, g_free);
  g_clear_pointer (&self->pack_version, g_free);
  g_clear_pointer (&self->call_back, g_date_time_unref);
  g_clear_pointer (&self->ticket, g_free);
  g_clear_pointer (&self->caller_name, g_free);
  g_clear_pointer (&self->search_text, g_free);
  g_clear_pointer (&self->folded, g_free);
  g_clear_object (&self->folded_pack);

  G_OBJECT_CLASS (sih_case_info_parent_class)->finalize (object);
}

static void
sih_case_info_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  SihCaseInfo *self = SIH_CASE_INFO (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_CREATED:
      g_value_set_boxed (value, self->created);
      break;
    case PROP_UPDATED:
      g_value_set_boxed (value, self->updated);
      break;
    case PROP_SOLVED:
      g_value_set_boolean (value, self->status == SIH_STATUS_SOLVED);
      break;
    case PROP_CAUSE_ID:
      g_value_set_string (value, self->cause_id);
      break;
    case PROP_PACK_ID:
      g_value_set_string (value, self->pack_id);
      break;
    case PROP_PACK_VERSION:
      g_value_set_string (value, self->pack_version);
      break;
    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;
    case PROP_CALL_BACK:
      g_value_set_boxed (value, self->call_back);
      break;
    case PROP_TICKET:
      g_value_set_string (value, self->ticket);
      break;
    case PROP_CALLER_NAME:
      g_value_set_string (value, self->caller_name);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sih_case_info_class_init (SihCaseInfoClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = sih_case_info_finalize;
  object_class->get_property = sih_case_info_get_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties[PROP_PATH] = g_param_spec_string ("path", NULL, NULL, NULL, flags);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_CREATED] = g_param_spec_boxed ("created", NULL, NULL, G_TYPE_DATE_TIME, flags);
  properties[PROP_UPDATED] = g_param_spec_boxed ("updated", NULL, NULL, G_TYPE_DATE_TIME, flags);
  properties[PROP_SOLVED] = g_param_spec_boolean ("solved", NULL, NULL, FALSE, flags);
  properties[PROP_CAUSE_ID] = g_param_spec_string ("cause-id", NULL, NULL, NULL, flags);
  properties[PROP_PACK_ID] = g_param_spec_string ("pack-id", NULL, NULL, NULL, flags);
  properties[PROP_PACK_VERSION] = g_param_spec_string ("pack-version", NULL, NULL, NULL, flags);
  properties[PROP_STATUS] = g_param_spec_enum ("status", NULL, NULL, SIH_TYPE_STATUS,
                                               SIH_STATUS_OPEN, flags);
  properties[PROP_CALL_BACK] = g_param_spec_boxed ("call-back", NULL, NULL, G_TYPE_DATE_TIME, flags);
  properties[PROP_TICKET] = g_param_spec_string ("ticket", NULL, NULL, NULL, flags);
  properties[PROP_CALLER_NAME] = g_param_spec_string ("caller-name", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sih_case_info_init (SihCaseInfo *self)
{
}

SihCaseInfo *
sih_case_info_new (const char *id,
                   const char *path)
{
  SihCaseInfo *self;

  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (SIH_TYPE_CASE_INFO, NULL);
  self->id = g_strdup (id);
  self->path = g_strdup (path);
  /* Never without times, so that sorting needs no special cases. */
  self->created = g_date_time_new_from_unix_utc (0);
  self->updated = g_date_time_ref (self->created);

  return self;
}

/* Without notifications: nobody can be listening yet, and the store makes
 * 10,000 of these at start-up. */
SihCaseInfo *
sih_case_info_new_from_record (const char          *path,
                               const SihCaseRecord *record)
{
  SihCaseInfo *self;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (record != NULL && record->id != NULL, NULL);
  g_return_val_if_fail (record->created != NULL && record->updated != NULL, NULL);

  self = g_object_new (SIH_TYPE_CASE_INFO, NULL);
  self->id = g_strdup (record->id);
  self->path = g_strdup (path);
  self->title = g_strdup (record->title);
  self->created = g_date_time_ref (record->created);
  self->updated = g_date_time_ref (record->updated);
  self->status = record->status;
  self->call_back = record->call_back != NULL ? g_date_time_ref (record->call_back) : NULL;
  self->ticket = g_strdup (record->ticket);
  self->caller_name = g_strdup (record->caller_name);
  self->search_text = g_strdup (record->search_text);
  self->cause_id = g_strdup (record->cause_id);
  self->pack_id = g_strdup (record->pack_id);
  self->pack_version = g_strdup (record->pack_version);

  return self;
}

/* For tests that make an entry by hand, without the help-desk fields. */
SihCaseInfo *
sih_case_info_new_full (const char *id,
                        const char *path,
                        const char *title,
                        GDateTime  *created,
                        GDateTime  *updated,
                        gboolean    solved,
                        const char *cause_id,
                        const char *pack_id,
                        const char *pack_version)
{
  SihCaseRecord record = { 0, };

  record.id = (char *)id;
  record.title = (char *)title;
  record.created = created;
  record.updated = updated;
  record.status = solved ? SIH_STATUS_SOLVED : SIH_STATUS_OPEN;
  record.cause_id = (char *)cause_id;
  record.pack_id = (char *)pack_id;
  record.pack_version = (char *)pack_version;

  return sih_case_info_new_from_record (path, &record);
}

static gboolean
set_string (SihCaseInfo  *self,
            char        **field,
            const char   *value,
            int           prop)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;
  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
  return TRUE;
}

/* @value: (nullable) */
static gboolean
set_time (SihCaseInfo  *self,
          GDateTime   **field,
          GDateTime    *value,
          int           prop)
{
  if (*field == NULL ? value == NULL : value != NULL && g_date_time_equal (*field, value))
    return FALSE;
  g_clear_pointer (field, g_date_time_unref);
  *field = value != NULL ? g_date_time_ref (value) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
  return TRUE;
}

/**
 * sih_case_info_update:
 *
 * Sets what the entry shows, notifying only what changed.
 *
 * Returns: %TRUE if anything changed
 */
gboolean
sih_case_info_update (SihCaseInfo         *self,
                      const SihCaseRecord *record)
{
  gboolean changed = FALSE;

  g_return_val_if_fail (SIH_IS_CASE_INFO (self), FALSE);
  g_return_val_if_fail (record != NULL, FALSE);
  g_return_val_if_fail (record->created != NULL && record->updated != NULL, FALSE);

  g_object_freeze_notify (G_OBJECT (self));
  g_clear_pointer (&self->folded, g_free);
  changed |= set_string (self, &self->title, record->title, PROP_TITLE);
  changed |= set_time (self, &self->created, record->created, PROP_CREATED);
  changed |= set_time (self, &self->updated, record->updated, PROP_UPDATED);
  if (self->status != record->status)
    {
      if ((self->status == SIH_STATUS_SOLVED) != (record->status == SIH_STATUS_SOLVED))
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SOLVED]);
      self->status = record->status;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
      changed = TRUE;
    }
  changed |= set_time (self, &self->call_back, record->call_back, PROP_CALL_BACK);
  changed |= set_string (self, &self->ticket, record->ticket, PROP_TICKET);
  changed |= set_string (self, &self->caller_name, record->caller_name, PROP_CALLER_NAME);
  if (g_strcmp0 (self->search_text, record->search_text) != 0)
    {
      g_free (self->search_text);
      self->search_text = g_strdup (record->search_text);
      changed = TRUE;
    }
  changed |= set_string (self, &self->cause_id, record->cause_id, PROP_CAUSE_ID);
  changed |= set_string (self, &self->pack_id, record->pack_id, PROP_PACK_ID);
  changed |= set_string (self, &self->pack_version, record->pack_version, PROP_PACK_VERSION);
  g_object_thaw_notify (G_OBJECT (self));

  return changed;
}

const char *
sih_case_info_get_id (SihCaseInfo *self)
{
  g_return_val_if_fail (SIH_IS_CASE_INFO (self), NULL);
  return self->id;
}

/**
 * sih_case_info_get_path:
 *
 * Returns: the case's file, for showing where it is kept
 */
const char *
sih_case_info_get_path (SihCaseInfo *self)
{
  g_return_val_if_fail (SIH_IS_CASE_INFO (self), NULL);
  return self->path;
}

/**
 * sih_case_info_get_title:
 *
 * Returns: (nullable): the name the user gave the case
 */
const char *
sih_case_info_get_title (SihCaseInfo *self)
{
  g_return_val_if_fail (SIH_IS_CASE_INFO (self), NULL);
  return self->title;
}

GDateTime *
sih_case_info_get_created (SihCaseInfo *self)
{
  g_return_val_if_fail (SIH_IS_CASE_INFO (self), NULL);
  return self->created;
}

/**
 * sih_case_info_get_updated:
 *
 * Returns: when the case last changed; the case list is sorted by it,
 *   newest first
 */
GDateTime *
sih_case_info_get_updated (SihCaseInfo *self)
{
  g_return_val_if_fail (SIH_IS_CASE_INFO (self), NULL);
  return self->updated;
}

gboolean
sih_case_info_get_solved (SihCaseInfo *self)
{
  g_return_val_if_fail (SIH_IS_CASE_INFO (self), FALSE);
  return self->status == SIH_STATUS_SOLVED;
}

/**
 * sih_case_info_get_cause_id:
 *
 * Returns: (nullable): the cause being worked on
 */
const char *
sih_case_info_get_cause_id (SihCaseInfo *self)
{
  g_return_val_if_fail (SIH_IS_CASE_INFO (self), NULL);
  return self->cause_id;
}

const char *
sih_case_info_get_pack_id (SihCaseInfo *self)
{
  g_return_val_if_fail (SIH_IS_CASE_INFO (self), NULL);
  return self->pack_id;
}

/**
 * sih_case_info_get_pack_version:
 *
 * Returns: (nullable): the version of the pack the case was last worked on
 *   with
 */
const char *
sih_case_info_get_pack_version (SihCaseInfo *self)
{
  g_return_val_if_fail (SIH_IS_CASE_INFO (self), NULL);
  return self->pack_version;
}

SihStatus
sih_case_info_get_status (SihCaseInfo *self)
{
  g_return_val_if_fail (SIH_IS_CASE_INFO (self), SIH_STATUS_OPEN);
  return self->status;
}

/**
 * sih_case_info_get_call_back:
 *
 * Returns: (nullable) (transfer none): for a case to call back, when
 */
GDateTime *
sih_case_info_get_call_back (SihCaseInfo *self)
{
  g_return_val_if_fail (SIH_IS_CASE_INFO (self), NULL);
  return self->call_back;
}

/**
 * sih_case_info_get_ticket:
 *
 * Returns: (nullable): the help desk's ticket number
 */
const char *
sih_case_info_get_ticket (SihCaseInfo *self)
{
  g_return_val_if_fail (SIH_IS_CASE_INFO (self), NULL);
  return self->ticket;
}

/**
 * sih_case_info_get_caller_name:
 *
 * Returns: (nullable): the caller's name
 */
const char *
sih_case_info_get_caller_name (SihCaseInfo *self)
{
  g_return_val_if_fail (SIH_IS_CASE_INFO (self), NULL);
  return self->caller_name;
}

/**
 * sih_case_info_is_call_back_due:
 * @now: the current time
 *
 * Returns: whether the case is to be called back and its time has come
 */
gboolean
sih_case_info_is_call_back_due (SihCaseInfo *self,
                                GDateTime   *now)
{
  g_return_val_if_fail (SIH_IS_CASE_INFO (self), FALSE);
  g_return_val_if_fail (now != NULL, FALSE);

  return sih_status_get_info (self->status)->has_time && self->call_back != NULL &&
         g_date_time_compare (self->call_back, now) <= 0;
}

/* 0: a call-back that is due, 1: one to come, 2: anything else */
static int
call_back_rank (SihCaseInfo *self,
                GDateTime   *now)
{
  if (!sih_status_get_info (self->status)->has_time || self->call_back == NULL)
    return 2;
  return g_date_time_compare (self->call_back, now) <= 0 ? 0 : 1;
}

/**
 * sih_case_info_compare:
 * @a: a case
 * @b: another
 * @now: the current time
 *
 * The saved-cases list's order: call-backs that are due first (the one
 * waiting longest first), then call-backs to come, soonest first, then
 * every other case, the last changed first.  The id breaks ties, so the
 * order is stable.
 *
 * Returns: less than, equal to or greater than 0, as strcmp()
 */
int
sih_case_info_compare (SihCaseInfo *a,
                       SihCaseInfo *b,
                       GDateTime   *now)
{
  int rank_a, rank_b, order;

  g_return_val_if_fail (SIH_IS_CASE_INFO (a) && SIH_IS_CASE_INFO (b), 0);
  g_return_val_if_fail (now != NULL, 0);

  rank_a = call_back_rank (a, now);
  rank_b = call_back_rank (b, now);
  if (rank_a != rank_b)
    return rank_a < rank_b ? -1 : 1;

  if (rank_a < 2)
    order = g_date_time_compare (a->call_back, b->call_back);
  else
    order = g_date_time_compare (b->updated, a->updated);
  if (order != 0)
    return order;
  return strcmp (a->id, b->id);
}

/**
 * sih_case_info_matches:
 * @pack: (nullable): to match the cause's title too
 * @search: (nullable): what the user typed
 *
 * Whether the saved-cases search finds the case: @search, folded as the
 * sidebar search folds (sih_text_fold(): case, full-/half-width,
 * katakana/hiragana), is part of the title, the ticket, the caller's name,
 * a note, a detail, the status's reason, the cause, or the date the list
 * shows.  An empty search finds every case.
 *
 * Returns: whether @search finds the case
 */
gboolean
sih_case_info_matches (SihCaseInfo *self,
                       SihPack     *pack,
                       const char  *search)
{
  g_autofree char *needle = NULL;

  g_return_val_if_fail (SIH_IS_CASE_INFO (self), FALSE);

  if (search == NULL)
    return TRUE;
  needle = sih_text_fold (search);
  g_strstrip (needle);
  if (*needle == '\0')
    return TRUE;

  /* What the agent typed in the case was folded when it was saved. */
  if (self->search_text != NULL && strstr (self->search_text, needle) != NULL)
    return TRUE;

  /* The rest is folded once, and again only when it changes: a search
   * looks at every saved case for each letter typed. */
  if (self->folded == NULL || self->folded_pack != pack)
    {
      g_autoptr(GString) haystack = g_string_new (self->title);
      SihCause *cause = NULL;

      if (self->ticket != NULL)
        g_string_append_printf (haystack, "\n%s", self->ticket);
      if (self->caller_name != NULL)
        g_string_append_printf (haystack, "\n%s", self->caller_name);
      if (pack != NULL && self->cause_id != NULL)
        cause = sih_pack_find_cause (pack, self->cause_id);
      if (cause != NULL)
        g_string_append_printf (haystack, "\n%s\n%s", sih_cause_get_title (cause),
                                sih_cause_get_title_source (cause));
      /* The date as the list shows it, and as ISO 8601 for those who type that. */
      {
        g_autofree char *date = g_date_time_format (self->updated, "%Y-%m-%d");
        g_autofree char *shown = sih_time_format_date_time (self->updated);

        g_string_append_printf (haystack, "\n%s\n%s", date, shown);
      }

      g_free (self->folded);
      self->folded = sih_text_fold (haystack->str);
      /* Held, so that another pack never takes its address unnoticed. */
      g_set_object (&self->folded_pack, pack);
    }

  return strstr (self->folded, needle) != NULL;
}

/**
 * sih_case_info_format_status:
 * @now: the current time
 *
 * Returns: (transfer full): the case's status as the saved-cases list
 *   says it: its label ("Waiting for the caller"), or for a case to call
 *   back when, and in words whether the time has come ("Call back today
 *   at 14:30", "Due now: call back today at 14:30")
 */
char *
sih_case_info_format_status (SihCaseInfo *self,
                             GDateTime   *now)
{
  g_autofree char *when = NULL;

  g_return_val_if_fail (SIH_IS_CASE_INFO (self), NULL);
  g_return_val_if_fail (now != NULL, NULL);

  if (!sih_status_get_info (self->status)->has_time || self->call_back == NULL)
    return g_strdup (sih_status_get_label (self->status));

  when = sih_time_format_day (self->call_back, now);
  if (sih_case_info_is_call_back_due (self, now))
    /* Translators: a saved case whose call-back time has come; %s is a
     * time such as "today at 14:30" */
    return g_strdup_printf (_("Due now: call back %s"), when);
  /* Translators: a saved case to call back; %s is a time such as
   * "today at 14:30" or "tomorrow at 09:00" */
  return g_strdup_printf (_("Call back %s"), when);
}
