/* sih-case-file.c
 *
 * Writing is the easy half: the model never holds anything the reader
 * would refuse (see the bounds in sih-case.h).  Reading checks every
 * member and names the first problem with its place in the document, so
 * that a file set aside as unreadable comes with a reason a person can
 * act on.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "core/sih-case-file-private.h"
#include "core/sih-error.h"
#include "core/sih-json-reader.h"

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      return FALSE;
  return TRUE;
}

static void
add_time (JsonBuilder *builder,
          const char  *member,
          GDateTime   *time)
{
  g_autofree char *text = g_date_time_format_iso8601 (time);

  json_builder_set_member_name (builder, member);
  json_builder_add_string_value (builder, text);
}

static void
add_string (JsonBuilder *builder,
            const char  *member,
            const char  *value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_string_value (builder, value);
}

static void
add_nonnull (JsonBuilder *builder,
             const char  *member,
             const char  *value)
{
  if (value != NULL)
    add_string (builder, member, value);
}

static const char * const history_kinds[] = { "outcome", "note", "status" };
G_STATIC_ASSERT (G_N_ELEMENTS (history_kinds) == SIH_HISTORY_STATUS + 1);

static void
add_history_entry (JsonBuilder           *builder,
                   const SihHistoryEntry *entry)
{
  json_builder_begin_object (builder);
  add_time (builder, "time", entry->time);
  if (entry->kind != SIH_HISTORY_OUTCOME)
    add_string (builder, "change", history_kinds[entry->kind]);
  add_nonnull (builder, "agent", entry->agent);
  switch (entry->kind)
    {
    case SIH_HISTORY_OUTCOME:
      add_string (builder, "cause", entry->cause_id);
      add_string (builder, "step", entry->step_id);
      add_string (builder, "from", sih_outcome_to_string (entry->old_outcome));
      add_string (builder, "to", sih_outcome_to_string (entry->new_outcome));
      break;
    case SIH_HISTORY_NOTE:
      add_string (builder, "cause", entry->cause_id);
      add_string (builder, "step", entry->step_id);
      break;
    case SIH_HISTORY_STATUS:
      add_string (builder, "from", sih_status_to_string (entry->old_status));
      add_string (builder, "to", sih_status_to_string (entry->new_status));
      add_nonnull (builder, "reason", entry->reason);
      add_nonnull (builder, "route", entry->route_id);
      if (entry->call_back != NULL)
        add_time (builder, "call_back", entry->call_back);
      break;
    default:
      g_assert_not_reached ();
    }
  json_builder_end_object (builder);
}

static void
add_help_desk (JsonBuilder *builder,
               SihCase     *c)
{
  GPtrArray *calls = sih_case_get_calls (c);

  json_builder_set_member_name (builder, "status");
  json_builder_begin_object (builder);
  add_string (builder, "state", sih_status_to_string (sih_case_get_status (c)));
  add_nonnull (builder, "reason", sih_case_get_status_reason (c));
  add_nonnull (builder, "route", sih_case_get_escalation_route (c));
  if (sih_case_get_call_back (c) != NULL)
    add_time (builder, "call_back", sih_case_get_call_back (c));
  json_builder_end_object (builder);

  add_nonnull (builder, "ticket", sih_case_get_ticket (c));
  if (sih_case_get_caller_name (c) != NULL || sih_case_get_caller_contact (c) != NULL)
    {
      json_builder_set_member_name (builder, "caller");
      json_builder_begin_object (builder);
      add_nonnull (builder, "name", sih_case_get_caller_name (c));
      add_nonnull (builder, "contact", sih_case_get_caller_contact (c));
      json_builder_end_object (builder);
    }

  json_builder_set_member_name (builder, "calls");
  json_builder_begin_array (builder);
  for (guint i = 0; i < calls->len; i++)
    {
      const SihCall *call = g_ptr_array_index (calls, i);

      json_builder_begin_object (builder);
      add_time (builder, "start", call->start);
      if (call->end != NULL)
        add_time (builder, "end", call->end);
      add_nonnull (builder, "agent", call->agent);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  /* A case imported from a handover file: who exported it, and when. */
  if (sih_case_get_handover_time (c) != NULL)
    {
      json_builder_set_member_name (builder, "handover");
      json_builder_begin_object (builder);
      add_nonnull (builder, "agent", sih_case_get_handover_agent (c));
      add_time (builder, "time", sih_case_get_handover_time (c));
      json_builder_end_object (builder);
    }
}

/**
 * sih_case_file_to_bytes:
 * @c: a case
 *
 * Serializes everything the case records.  The output is deterministic:
 * the same case gives the same bytes.
 *
 * Returns: (transfer full): the file's contents
 */
GBytes *
sih_case_file_to_bytes (SihCase *c)
{
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonGenerator) generator = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_auto(GStrv) keys = NULL;
  GPtrArray *records;
  GPtrArray *history;
  const char *pack_version;
  GString *out;

  g_return_val_if_fail (SIH_IS_CASE (c), NULL);

  builder = json_builder_new_immutable ();
  json_builder_begin_object (builder);

  json_builder_set_member_name (builder, "format");
  json_builder_add_int_value (builder, SIH_CASE_FILE_FORMAT);
  add_string (builder, "kind", SIH_CASE_FILE_KIND);
  add_string (builder, "id", sih_case_get_id (c));
  add_string (builder, "app_version", PACKAGE_VERSION);

  json_builder_set_member_name (builder, "pack");
  json_builder_begin_object (builder);
  add_string (builder, "id", sih_case_get_pack_id (c));
  pack_version = sih_case_get_pack_version (c);
  /* A blank version would not read back; it means as little as none. */
  if (!is_blank (pack_version))
    add_string (builder, "version", pack_version);
  json_builder_end_object (builder);

  add_time (builder, "created", sih_case_get_created (c));
  add_time (builder, "updated", sih_case_get_updated (c));
  if (sih_case_get_title (c) != NULL)
    add_string (builder, "title", sih_case_get_title (c));
  add_help_desk (builder, c);
  if (sih_case_get_cause_id (c) != NULL)
    add_string (builder, "cause", sih_case_get_cause_id (c));

  records = sih_case_get_records (c);
  json_builder_set_member_name (builder, "records");
  json_builder_begin_array (builder);
  for (guint i = 0; i < records->len; i++)
    {
      const SihStepRecord *record = g_ptr_array_index (records, i);

      json_builder_begin_object (builder);
      add_string (builder, "cause", record->cause_id);
      add_string (builder, "step", record->step_id);
      add_string (builder, "outcome", sih_outcome_to_string (record->outcome));
      if (record->note != NULL)
        add_string (builder, "note", record->note);
      if (record->changed != NULL)
        add_time (builder, "changed", record->changed);
      if (record->internal)
        {
          json_builder_set_member_name (builder, "internal");
          json_builder_add_boolean_value (builder, TRUE);
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  history = sih_case_get_history (c);
  json_builder_set_member_name (builder, "history");
  json_builder_begin_array (builder);
  for (guint i = 0; i < history->len; i++)
    {
      add_history_entry (builder, g_ptr_array_index (history, i));
    }
  json_builder_end_array (builder);

  keys = sih_case_list_details (c);
  json_builder_set_member_name (builder, "details");
  json_builder_begin_object (builder);
  for (guint i = 0; keys[i] != NULL; i++)
    add_string (builder, keys[i], sih_case_get_detail (c, keys[i]));
  json_builder_end_object (builder);

  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  generator = json_generator_new ();
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, root);

  out = g_string_sized_new (4096);
  json_generator_to_gstring (generator, out);
  g_string_append_c (out, '\n');

  return g_string_free_to_bytes (out);
}

/* Times must say which time zone they are in, so that a case handed over
 * to someone elsewhere keeps its order. */
static gboolean
has_utc_offset (const char *text)
{
  const char *t = strchr (text, 'T');

  if (t == NULL)
    return FALSE;
  return strchr (t, 'Z') != NULL || strchr (t, '+') != NULL || strchr (t, '-') != NULL;
}

static GDateTime *
read_time (SihJsonReader *reader,
           JsonObject    *object,
           const char    *member,
           gboolean       required)
{
  static GTimeZone *utc = NULL;
  const char *text = sih_json_reader_get_string (reader, object, member, required);
  GDateTime *time = NULL;

  if (text == NULL)
    return NULL;

  if (g_once_init_enter (&utc))
    g_once_init_leave (&utc, g_time_zone_new_utc ());

  if (has_utc_offset (text))
    time = g_date_time_new_from_iso8601 (text, utc);

  if (time == NULL)
    {
      gsize mark = sih_json_reader_push_member (reader, member);

      sih_json_reader_fail (reader, SIH_ERROR_INVALID_VALUE,
                            "“%s” is not a date and time in ISO 8601 format with a UTC "
                            "offset, such as “2026-01-31T09:30:00+09:00”", text);
      sih_json_reader_pop (reader, mark);
    }

  return time;
}

static const char *
read_optional_id (SihJsonReader *reader,
                  JsonObject    *object,
                  const char    *member)
{
  if (object == NULL || !json_object_has_member (object, member))
    return NULL;
  return sih_json_reader_get_id (reader, object, member);
}

static void
read_records (SihJsonReader *reader,
              JsonObject    *root,
              gint64         format,
              SihCase       *c)
{
  static const char * const members_1[] = { "cause", "step", "outcome", "note", "changed", NULL };
  static const char * const members_2[] = {
    "cause", "step", "outcome", "note", "changed", "internal", NULL
  };
  const char * const *members = format >= 2 ? members_2 : members_1;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  SihJsonArrayIter iter;
  JsonNode *element;

  if (!sih_json_reader_array_begin (reader, root, "records", FALSE, TRUE, &iter))
    return;

  while (sih_json_reader_array_next (&iter, &element))
    {
      JsonObject *object = sih_json_reader_object (reader, element);
      g_autoptr(GDateTime) changed = NULL;
      const char *cause_id = NULL;
      const char *step_id = NULL;
      const char *note;
      SihOutcome outcome;
      gboolean internal;

      if (object != NULL && sih_json_reader_check_members (reader, object, members))
        {
          cause_id = sih_json_reader_get_id (reader, object, "cause");
          step_id = sih_json_reader_get_id (reader, object, "step");
          outcome = sih_json_reader_get_enum (reader, object, "outcome", SIH_TYPE_OUTCOME,
                                              SIH_OUTCOME_NOT_TRIED, TRUE);
          note = sih_json_reader_get_string (reader, object, "note", FALSE);
          changed = read_time (reader, object, "changed", FALSE);
          internal = sih_json_reader_get_boolean (reader, object, "internal", FALSE);

          if (!sih_json_reader_failed (reader) &&
              !g_hash_table_add (seen, g_strconcat (cause_id, "\037", step_id, NULL)))
            sih_json_reader_fail (reader, SIH_ERROR_DUPLICATE,
                                  "the step “%s” of “%s” is recorded twice", step_id, cause_id);

          if (!sih_json_reader_failed (reader))
            {
              sih_case_restore_record (c, cause_id, step_id, outcome, note, changed);
              sih_case_restore_note_internal (c, cause_id, step_id, internal);
            }
        }
    }
}

/* What the model would never write: a route or a time that belongs to
 * another status. */
static void
check_status_extras (SihJsonReader *reader,
                     JsonObject    *object,
                     SihStatus      status,
                     const char    *route,
                     GDateTime     *call_back)
{
  const SihStatusInfo *info = sih_status_get_info (status);

  if (!sih_json_reader_failed (reader) && route != NULL && !info->has_route)
    {
      gsize mark = sih_json_reader_push_member (reader, "route");

      sih_json_reader_fail (reader, SIH_ERROR_INVALID_VALUE,
                            "only an escalated case names a route, not one that is “%s”",
                            info->nick);
      sih_json_reader_pop (reader, mark);
    }
  if (!sih_json_reader_failed (reader) && call_back != NULL && !info->has_time)
    {
      gsize mark = sih_json_reader_push_member (reader, "call_back");

      sih_json_reader_fail (reader, SIH_ERROR_INVALID_VALUE,
                            "only a case to call back has a call-back time, not one that "
                            "is “%s”", info->nick);
      sih_json_reader_pop (reader, mark);
    }
}

static void
read_history (SihJsonReader *reader,
              JsonObject    *root,
              gint64         format,
              SihCase       *c)
{
  static const char * const members_1[] = { "time", "cause", "step", "from", "to", NULL };
  static const char * const members_2[][9] = {
    [SIH_HISTORY_OUTCOME] = { "time", "change", "agent", "cause", "step", "from", "to", NULL },
    [SIH_HISTORY_NOTE] = { "time", "change", "agent", "cause", "step", NULL },
    [SIH_HISTORY_STATUS] = {
      "time", "change", "agent", "from", "to", "reason", "route", "call_back", NULL
    },
  };
  SihJsonArrayIter iter;
  JsonNode *element;

  if (!sih_json_reader_array_begin (reader, root, "history", FALSE, TRUE, &iter))
    return;

  while (sih_json_reader_array_next (&iter, &element))
    {
      JsonObject *object = sih_json_reader_object (reader, element);
      g_autoptr(GDateTime) time = NULL;
      g_autoptr(GDateTime) call_back = NULL;
      SihHistoryEntry entry = { NULL, };
      const char * const *members = members_1;

      if (object == NULL)
        continue;

      if (format >= 2)
        {
          const char *kind = NULL;

          if (json_object_has_member (object, "change"))
            kind = sih_json_reader_get_string (reader, object, "change", TRUE);
          entry.kind = SIH_HISTORY_OUTCOME;
          if (kind != NULL)
            {
              guint i;

              for (i = 0; i < G_N_ELEMENTS (history_kinds); i++)
                if (g_str_equal (kind, history_kinds[i]))
                  break;
              if (i == G_N_ELEMENTS (history_kinds))
                {
                  gsize mark = sih_json_reader_push_member (reader, "change");

                  sih_json_reader_fail (reader, SIH_ERROR_INVALID_VALUE,
                                        "expected one of “outcome”, “note”, “status”, "
                                        "found “%s”", kind);
                  sih_json_reader_pop (reader, mark);
                  continue;
                }
              entry.kind = i;
            }
          members = members_2[entry.kind];
        }

      if (!sih_json_reader_check_members (reader, object, members))
        continue;

      time = read_time (reader, object, "time", TRUE);
      entry.time = time;
      entry.agent = (char *)sih_json_reader_get_string (reader, object, "agent", FALSE);
      if (entry.kind != SIH_HISTORY_STATUS)
        {
          entry.cause_id = (char *)sih_json_reader_get_id (reader, object, "cause");
          entry.step_id = (char *)sih_json_reader_get_id (reader, object, "step");
        }
      if (entry.kind == SIH_HISTORY_OUTCOME)
        {
          entry.old_outcome = sih_json_reader_get_enum (reader, object, "from", SIH_TYPE_OUTCOME,
                                                        SIH_OUTCOME_NOT_TRIED, TRUE);
          entry.new_outcome = sih_json_reader_get_enum (reader, object, "to", SIH_TYPE_OUTCOME,
                                                        SIH_OUTCOME_NOT_TRIED, TRUE);
        }
      else if (entry.kind == SIH_HISTORY_STATUS)
        {
          entry.old_status = sih_json_reader_get_enum (reader, object, "from", SIH_TYPE_STATUS,
                                                       SIH_STATUS_OPEN, TRUE);
          entry.new_status = sih_json_reader_get_enum (reader, object, "to", SIH_TYPE_STATUS,
                                                       SIH_STATUS_OPEN, TRUE);
          entry.reason = (char *)sih_json_reader_get_string (reader, object, "reason", FALSE);
          entry.route_id = (char *)read_optional_id (reader, object, "route");
          call_back = read_time (reader, object, "call_back", FALSE);
          entry.call_back = call_back;
          check_status_extras (reader, object, entry.new_status, entry.route_id, call_back);
        }
      if (!sih_json_reader_failed (reader))
        sih_case_restore_entry (c, &entry);
    }
}

static void
read_status (SihJsonReader *reader,
             JsonObject    *root,
             SihCase       *c)
{
  static const char * const members[] = { "state", "reason", "route", "call_back", NULL };
  g_autoptr(GDateTime) call_back = NULL;
  JsonObject *object;
  const char *reason, *route;
  SihStatus status;
  gsize mark;

  object = sih_json_reader_get_object (reader, root, "status", FALSE);
  if (object == NULL)
    return;

  mark = sih_json_reader_push_member (reader, "status");
  if (sih_json_reader_check_members (reader, object, members))
    {
      status = sih_json_reader_get_enum (reader, object, "state", SIH_TYPE_STATUS,
                                         SIH_STATUS_OPEN, TRUE);
      reason = sih_json_reader_get_string (reader, object, "reason", FALSE);
      route = read_optional_id (reader, object, "route");
      call_back = read_time (reader, object, "call_back", FALSE);

      check_status_extras (reader, object, status, route, call_back);

      if (!sih_json_reader_failed (reader))
        sih_case_restore_status (c, status, reason, route, call_back);
    }
  sih_json_reader_pop (reader, mark);
}

static void
read_caller (SihJsonReader *reader,
             JsonObject    *root,
             SihCase       *c)
{
  static const char * const members[] = { "name", "contact", NULL };
  JsonObject *object;
  const char *ticket, *name = NULL, *contact = NULL;
  gsize mark;

  ticket = sih_json_reader_get_string (reader, root, "ticket", FALSE);

  object = sih_json_reader_get_object (reader, root, "caller", FALSE);
  if (object != NULL)
    {
      mark = sih_json_reader_push_member (reader, "caller");
      if (sih_json_reader_check_members (reader, object, members))
        {
          name = sih_json_reader_get_string (reader, object, "name", FALSE);
          contact = sih_json_reader_get_string (reader, object, "contact", FALSE);
        }
      sih_json_reader_pop (reader, mark);
    }

  if (!sih_json_reader_failed (reader))
    sih_case_restore_help_desk (c, ticket, name, contact);
}

static void
read_handover (SihJsonReader *reader,
               JsonObject    *root,
               SihCase       *c)
{
  static const char * const members[] = { "agent", "time", NULL };
  g_autoptr(GDateTime) time = NULL;
  JsonObject *object;
  const char *agent;
  gsize mark;

  object = sih_json_reader_get_object (reader, root, "handover", FALSE);
  if (object == NULL)
    return;

  mark = sih_json_reader_push_member (reader, "handover");
  if (sih_json_reader_check_members (reader, object, members))
    {
      agent = sih_json_reader_get_string (reader, object, "agent", FALSE);
      time = read_time (reader, object, "time", TRUE);
      if (!sih_json_reader_failed (reader))
        sih_case_restore_handover (c, agent, time);
    }
  sih_json_reader_pop (reader, mark);
}

static void
read_calls (SihJsonReader *reader,
            JsonObject    *root,
            SihCase       *c)
{
  static const char * const members[] = { "start", "end", "agent", NULL };
  SihJsonArrayIter iter;
  JsonNode *element;
  gboolean running = FALSE;

  if (!sih_json_reader_array_begin (reader, root, "calls", FALSE, TRUE, &iter))
    return;

  while (sih_json_reader_array_next (&iter, &element))
    {
      JsonObject *object = sih_json_reader_object (reader, element);
      g_autoptr(GDateTime) start = NULL;
      g_autoptr(GDateTime) end = NULL;
      const char *agent;

      if (object == NULL || !sih_json_reader_check_members (reader, object, members))
        continue;

      start = read_time (reader, object, "start", TRUE);
      end = read_time (reader, object, "end", FALSE);
      agent = sih_json_reader_get_string (reader, object, "agent", FALSE);
      if (sih_json_reader_failed (reader))
        continue;

      if (running)
        sih_json_reader_fail (reader, SIH_ERROR_INVALID_VALUE,
                              "a call follows one that has not ended; only the last call "
                              "can still be running");
      else if (end != NULL && g_date_time_compare (end, start) < 0)
        {
          gsize mark = sih_json_reader_push_member (reader, "end");

          sih_json_reader_fail (reader, SIH_ERROR_INVALID_VALUE,
                                "the call ends before it starts");
          sih_json_reader_pop (reader, mark);
        }
      running = end == NULL;

      if (!sih_json_reader_failed (reader))
        sih_case_restore_call (c, start, end, agent);
    }
}

static void
read_details (SihJsonReader *reader,
              JsonObject    *root,
              SihCase       *c)
{
  JsonObject *details;
  JsonObjectIter iter;
  const char *key;
  JsonNode *node;
  gsize mark;

  details = sih_json_reader_get_object (reader, root, "details", FALSE);
  if (details == NULL)
    return;

  mark = sih_json_reader_push_member (reader, "details");
  if (json_object_get_size (details) > SIH_CASE_MAX_ENTRIES)
    sih_json_reader_fail (reader, SIH_ERROR_TOO_LARGE, "has %u members; at most %u are allowed",
                          json_object_get_size (details), SIH_CASE_MAX_ENTRIES);

  json_object_iter_init (&iter, details);
  while (!sih_json_reader_failed (reader) && json_object_iter_next (&iter, &key, &node))
    {
      gsize key_mark = sih_json_reader_push_member (reader, key);
      const char *value;

      if (!sih_id_is_valid (key))
        sih_json_reader_fail (reader, SIH_ERROR_INVALID_VALUE,
                              "not a valid detail name; expected up to 64 lowercase letters, "
                              "digits, hyphens or underscores");
      value = sih_json_reader_string (reader, node);
      if (value != NULL)
        sih_case_restore_detail (c, key, value);
      sih_json_reader_pop (reader, key_mark);
    }
  sih_json_reader_pop (reader, mark);
}

static const char *
describe_root (JsonNode *node)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_ARRAY:
      return "an array";
    case JSON_NODE_NULL:
      return "null";
    case JSON_NODE_VALUE:
    case JSON_NODE_OBJECT:
    default:
      return "a single value";
    }
}

static SihCase *
read_case (SihJsonReader *reader,
           JsonNode      *root)
{
  static const char * const members_1[] = {
    "format", "kind", "id", "app_version", "pack", "created", "updated", "title", "solved",
    "cause", "records", "history", "details", NULL
  };
  /* Format 2: a status instead of "solved", and what a help desk keeps;
   * "handover" (optional) came within format 2, before its first release. */
  static const char * const members_2[] = {
    "format", "kind", "id", "app_version", "pack", "created", "updated", "title", "status",
    "ticket", "caller", "calls", "handover", "cause", "records", "history", "details", NULL
  };
  static const char * const pack_members[] = { "id", "version", NULL };
  g_autoptr(SihCase) c = NULL;
  g_autoptr(GDateTime) created = NULL;
  g_autoptr(GDateTime) updated = NULL;
  JsonObject *object;
  JsonObject *pack;
  JsonNode *kind;
  const char *id, *pack_id, *pack_version, *title, *cause_id;
  gboolean solved;
  gint64 format;

  /* First: is this a case at all?  A pack, a settings file or a photo
   * deserves "not a case" rather than a complaint about its members. */
  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      sih_json_reader_fail (reader, SIH_ERROR_NOT_A_CASE,
                            "not a Sign-in Helper case: expected an object with "
                            "\"kind\": \"%s\", found %s", SIH_CASE_FILE_KIND,
                            describe_root (root));
      return NULL;
    }
  object = json_node_get_object (root);

  kind = json_object_get_member (object, "kind");
  if (kind == NULL || !JSON_NODE_HOLDS_VALUE (kind) ||
      json_node_get_value_type (kind) != G_TYPE_STRING ||
      g_strcmp0 (json_node_get_string (kind), SIH_CASE_FILE_KIND) != 0)
    {
      gsize mark = sih_json_reader_push_member (reader, "kind");

      sih_json_reader_fail (reader, SIH_ERROR_NOT_A_CASE,
                            "not a Sign-in Helper case: expected \"%s\"", SIH_CASE_FILE_KIND);
      sih_json_reader_pop (reader, mark);
      return NULL;
    }

  /* Then the version, before anything a newer format may have changed. */
  format = sih_json_reader_get_int (reader, object, "format", 0, TRUE);
  if (sih_json_reader_failed (reader))
    return NULL;
  if (format < SIH_CASE_FILE_FORMAT_OLDEST || format > SIH_CASE_FILE_FORMAT)
    {
      gsize mark = sih_json_reader_push_member (reader, "format");

      if (format > SIH_CASE_FILE_FORMAT)
        sih_json_reader_fail (reader, SIH_ERROR_FORMAT,
                              "format %" G_GINT64_FORMAT " is newer than this version of "
                              "Sign-in Helper can read (%d); open it with a newer version",
                              format, SIH_CASE_FILE_FORMAT);
      else
        sih_json_reader_fail (reader, SIH_ERROR_FORMAT,
                              "format %" G_GINT64_FORMAT " is unknown; expected %d to %d",
                              format, SIH_CASE_FILE_FORMAT_OLDEST, SIH_CASE_FILE_FORMAT);
      sih_json_reader_pop (reader, mark);
      return NULL;
    }

  if (!sih_json_reader_check_members (reader, object, format >= 2 ? members_2 : members_1))
    return NULL;

  id = sih_json_reader_get_id (reader, object, "id");
  sih_json_reader_get_string (reader, object, "app_version", FALSE);

  pack = sih_json_reader_get_object (reader, object, "pack", TRUE);
  if (pack != NULL)
    {
      gsize mark = sih_json_reader_push_member (reader, "pack");

      sih_json_reader_check_members (reader, pack, pack_members);
      sih_json_reader_pop (reader, mark);
    }
  {
    gsize mark = sih_json_reader_push_member (reader, "pack");

    pack_id = sih_json_reader_get_id (reader, pack, "id");
    pack_version = sih_json_reader_get_string (reader, pack, "version", FALSE);
    sih_json_reader_pop (reader, mark);
  }

  created = read_time (reader, object, "created", TRUE);
  updated = read_time (reader, object, "updated", TRUE);
  title = sih_json_reader_get_string (reader, object, "title", FALSE);
  solved = sih_json_reader_get_boolean (reader, object, "solved", FALSE);
  cause_id = read_optional_id (reader, object, "cause");

  if (sih_json_reader_failed (reader))
    return NULL;

  c = sih_case_new_restored (id, pack_id, pack_version, created, updated);
  sih_case_restore_state (c, title, solved, cause_id);
  if (format >= 2)
    {
      read_status (reader, object, c);
      read_caller (reader, object, c);
      read_calls (reader, object, c);
      read_handover (reader, object, c);
    }
  read_records (reader, object, format, c);
  read_history (reader, object, format, c);
  read_details (reader, object, c);

  if (sih_json_reader_failed (reader))
    return NULL;

  /* Last, so that nothing restored above counts as a change. */
  sih_case_restore_updated (c, updated);

  return g_steal_pointer (&c);
}

/**
 * sih_case_file_load_bytes:
 * @bytes: the file's contents
 * @display_name: the name to start error messages with
 * @error: a #SIH_ERROR: %SIH_ERROR_NOT_A_CASE for JSON that is not a case,
 *   %SIH_ERROR_FORMAT for an unknown format version, %SIH_ERROR_SYNTAX for
 *   an empty or truncated file, and so on; the message names the member
 *
 * Returns: (transfer full) (nullable): the case, exactly as saved
 */
SihCase *
sih_case_file_load_bytes (GBytes      *bytes,
                          const char  *display_name,
                          GError     **error)
{
  g_autoptr(JsonNode) root = NULL;
  SihJsonReader reader;
  SihCase *c;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  root = sih_json_parse_bytes (bytes, display_name, error);
  if (root == NULL)
    return NULL;

  sih_json_reader_init (&reader, display_name);
  reader.max_string = SIH_CASE_MAX_TEXT;
  reader.max_array = SIH_CASE_MAX_ENTRIES;

  c = read_case (&reader, root);
  if (sih_json_reader_failed (&reader))
    {
      g_clear_object (&c);
      g_propagate_error (error, g_steal_pointer (&reader.error));
    }
  g_assert (c != NULL || error == NULL || *error != NULL);

  sih_json_reader_clear (&reader);

  return c;
}

/**
 * sih_case_file_read:
 * @path: a file
 * @follow_symlinks: %FALSE to refuse a symbolic link (%SIH_ERROR_IO)
 * @error: a #SIH_ERROR: %SIH_ERROR_IO or %SIH_ERROR_TOO_LARGE
 *
 * Reads a regular file of at most %SIH_JSON_MAX_FILE_SIZE bytes, without
 * blocking on a FIFO or reading a device.
 *
 * Returns: (transfer full) (nullable): the contents
 */
GBytes *
sih_case_file_read (const char  *path,
                    gboolean     follow_symlinks,
                    GError     **error)
{
  return sih_case_file_read_stat (path, follow_symlinks, NULL, error);
}

/* @st_out: (out) (optional): what the file was when it was read, so that
 *   an index can tell later whether it changed */
GBytes *
sih_case_file_read_stat (const char   *path,
                         gboolean      follow_symlinks,
                         struct stat  *st_out,
                         GError      **error)
{
  g_autofree char *data = NULL;
  struct stat st, after;
  gsize len = 0;
  int flags = O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY;
  int fd;
  int saved_errno;

  g_return_val_if_fail (path != NULL, NULL);

  if (!follow_symlinks)
    flags |= O_NOFOLLOW;

  fd = g_open (path, flags, 0);
  if (fd < 0)
    {
      saved_errno = errno;
      if (saved_errno == ELOOP && !follow_symlinks)
        sih_error_set_io (error, G_IO_ERROR_NOT_REGULAR_FILE,
                          "%s: is a symbolic link; case files must be regular files", path);
      else
        sih_error_set_io (error, g_io_error_from_errno (saved_errno), "%s: %s", path, g_strerror (saved_errno));
      return NULL;
    }

  if (fstat (fd, &st) != 0)
    {
      saved_errno = errno;
      sih_error_set_io (error, g_io_error_from_errno (saved_errno), "%s: %s", path, g_strerror (saved_errno));
      close (fd);
      return NULL;
    }

  if (!S_ISREG (st.st_mode))
    {
      sih_error_set_io (error, G_IO_ERROR_NOT_REGULAR_FILE, "%s: not a regular file", path);
      close (fd);
      return NULL;
    }

  if (st.st_size > SIH_JSON_MAX_FILE_SIZE)
    {
      g_set_error (error, SIH_ERROR, SIH_ERROR_TOO_LARGE,
                   "%s: the file is %" G_GINT64_FORMAT " bytes; at most %d are allowed",
                   path, (gint64)st.st_size, SIH_JSON_MAX_FILE_SIZE);
      close (fd);
      return NULL;
    }

  /* One byte more than the size, to notice a file that grew meanwhile. */
  data = g_malloc ((gsize)st.st_size + 1);
  while (len < (gsize)st.st_size + 1)
    {
      gssize n = read (fd, data + len, (gsize)st.st_size + 1 - len);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          saved_errno = errno;
          sih_error_set_io (error, g_io_error_from_errno (saved_errno), "%s: %s", path, g_strerror (saved_errno));
          close (fd);
          return NULL;
        }
      if (n == 0)
        break;
      len += n;
    }

  /* Fewer bytes than its size, or another size or time afterwards: it was
   * rewritten in place while being read (our own saves replace the file
   * instead), so what was read may be half of each.  It is left alone and
   * read again next time, rather than set aside as broken. */
  if (len != (gsize)st.st_size || fstat (fd, &after) != 0 || after.st_size != st.st_size ||
      after.st_mtim.tv_sec != st.st_mtim.tv_sec || after.st_mtim.tv_nsec != st.st_mtim.tv_nsec)
    {
      sih_error_set_io (error, G_IO_ERROR_FAILED, "%s: the file changed while it was read",
                        path);
      close (fd);
      return NULL;
    }
  close (fd);

  if (st_out != NULL)
    *st_out = st;

  return g_bytes_new_take (g_steal_pointer (&data), len);
}

/**
 * sih_case_file_load:
 * @path: a case file, such as one handed over by someone else
 *
 * Returns: (transfer full) (nullable): the case
 */
SihCase *
sih_case_file_load (const char  *path,
                    GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  bytes = sih_case_file_read (path, TRUE, error);
  if (bytes == NULL)
    return NULL;

  return sih_case_file_load_bytes (bytes, path, error);
}

/**
 * sih_case_file_save_to_path:
 * @c: a case
 * @path: where to write it, such as a file the user chose for handover
 * @error: a #SIH_ERROR: %SIH_ERROR_IO or %SIH_ERROR_TOO_LARGE
 *
 * Writes the case atomically and durably: afterwards the file holds the
 * old contents or the new ones, never a mixture, even after a crash.  The
 * file is private to the user (0600).
 */
gboolean
sih_case_file_save_to_path (SihCase     *c,
                            const char  *path,
                            GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize len;
  const char *data;

  g_return_val_if_fail (SIH_IS_CASE (c), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  bytes = sih_case_file_to_bytes (c);
  data = g_bytes_get_data (bytes, &len);

  if (len > SIH_JSON_MAX_FILE_SIZE)
    {
      g_set_error (error, SIH_ERROR, SIH_ERROR_TOO_LARGE,
                   "%s: the case needs %" G_GSIZE_FORMAT " bytes; at most %d can be read back",
                   path, len, SIH_JSON_MAX_FILE_SIZE);
      return FALSE;
    }

  /* GLib 2.84 keeps the mode of a file it replaces: a file someone made
   * readable to others is made private first, so that the case never is. */
  {
    struct stat st;

    if (g_lstat (path, &st) == 0 && S_ISREG (st.st_mode) && (st.st_mode & 0777) != 0600)
      g_chmod (path, 0600);
  }

  if (!g_file_set_contents_full (path, data, len,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                 0600, &local_error))
    {
      sih_error_set_io_on_file (error, NULL, path, local_error);
      return FALSE;
    }

  return TRUE;
}
