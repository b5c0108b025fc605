/* sih-pack.c: the content pack and its loader
 *
 * A pack is parsed, validated and translated in one pass.  Every string a
 * user reads is looked up in the message catalogue with a context that
 * names where it appears ("cause:code-not-arriving:title"); the contexts
 * must match tools/extract-pack-strings.py, which writes the stub that
 * xgettext reads.  Error messages are the exception: they are shown
 * verbatim, in the language the sign-in page uses.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#ifdef HAVE_MALLOC_TRIM
#include <malloc.h>
#endif
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/sih-detail.h"
#include "core/sih-error.h"
#include "core/sih-json-reader.h"
#include "core/sih-link.h"
#include "core/sih-pack-contexts.h"
#include "core/sih-pack-private.h"
#include "core/sih-triage.h"

/* Limits far above any real pack, so that hostile input fails fast. */
#define MAX_CAUSES       5000
#define MAX_STEPS        200
#define MAX_TOTAL_STEPS  50000
#define MAX_SMALL_ARRAY  100

G_DEFINE_FINAL_TYPE (SihPack, sih_pack, G_TYPE_OBJECT)

static void
sih_pack_finalize (GObject *object)
{
  SihPack *self = (SihPack *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->version, g_free);
  sih_text_clear (&self->title);
  g_clear_pointer (&self->service, g_free);
  g_clear_pointer (&self->updated, g_free);
  sih_text_clear (&self->disclaimer);
  g_clear_pointer (&self->causes_by_id, g_hash_table_unref);
  g_clear_object (&self->causes);
  g_clear_object (&self->contact);
  g_clear_object (&self->triage);

  G_OBJECT_CLASS (sih_pack_parent_class)->finalize (object);
}

static void
sih_pack_class_init (SihPackClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sih_pack_finalize;
}

static void
sih_pack_init (SihPack *self)
{
  self->causes = g_list_store_new (SIH_TYPE_CAUSE);
  self->causes_by_id = g_hash_table_new (g_str_hash, g_str_equal);
}

typedef struct
{
  SihJsonReader  reader;
  const char    *domain;
  gboolean       app_domain;     /* @domain is the app's: sih-pack-contexts.h applies */
  GHashTable    *official_uris;  /* links already checked, owned */
} Loader;

static int
compare_contexts (const void *a,
                  const void *b)
{
  return strcmp (*(const char * const *)a, *(const char * const *)b);
}

/* Whether @context can be in the catalogue: the app's catalogue has only
 * the bundled pack's contexts (the test pack-contexts-cover-catalogue
 * checks), and a failed lookup costs as much as the rest of reading a
 * string, thousands of times for a help desk's pack. */
static gboolean
context_may_be_translated (Loader     *loader,
                           const char *context)
{
  if (!loader->app_domain)
    return TRUE;

  return bsearch (&context, sih_pack_catalogue_contexts,
                  G_N_ELEMENTS (sih_pack_catalogue_contexts),
                  sizeof sih_pack_catalogue_contexts[0], compare_contexts) != NULL;
}

/* Whether @uri may be linked to, as sih_link_is_official() says; a help
 * desk's pack links the same few pages from thousands of steps, so each
 * address is checked once per load. */
static gboolean
link_is_official (Loader      *loader,
                  const char  *uri,
                  char       **why)
{
  if (g_hash_table_contains (loader->official_uris, uri))
    return TRUE;
  if (!sih_link_is_official (uri, why))
    return FALSE;
  g_hash_table_add (loader->official_uris, g_strdup (uri));
  return TRUE;
}

static void
set_text (Loader     *loader,
          SihText    *text,
          const char *source,
          const char *context)
{
  text->source = g_strdup (source);
  if (source == NULL)
    text->text = NULL;
  else if (loader->domain != NULL && context_may_be_translated (loader, context))
    text->text = g_dpgettext2 (loader->domain, context, text->source);
  else
    text->text = text->source;
}

static void
read_text (Loader     *loader,
           JsonObject *object,
           const char *member,
           gboolean    required,
           SihText    *text,
           const char *context)
{
  const char *source = sih_json_reader_get_string (&loader->reader, object, member, required);

  if (source != NULL)
    set_text (loader, text, source, context);
}

static void
read_links (Loader     *loader,
            JsonObject *object,
            GPtrArray  *links,
            const char *context)
{
  SihJsonReader *reader = &loader->reader;
  SihJsonArrayIter iter;
  JsonNode *element;

  if (!sih_json_reader_array_begin (reader, object, "links", FALSE, TRUE, &iter))
    return;

  while (sih_json_reader_array_next (&iter, &element))
    {
      static const char * const members[] = { "label", "uri", NULL };
      g_autoptr(SihLink) link = g_new0 (SihLink, 1);
      g_autofree char *why = NULL;
      JsonObject *link_object = sih_json_reader_object (reader, element);
      const char *uri;

      if (link_object != NULL && sih_json_reader_check_members (reader, link_object, members))
        {
          read_text (loader, link_object, "label", TRUE, &link->label, context);
          uri = sih_json_reader_get_string (reader, link_object, "uri", TRUE);
          if (uri != NULL && !link_is_official (loader, uri, &why))
            {
              gsize uri_mark = sih_json_reader_push_member (reader, "uri");
              sih_json_reader_fail (reader, SIH_ERROR_LINK, "the link “%s” %s", uri, why);
              sih_json_reader_pop (reader, uri_mark);
            }
          else if (uri != NULL)
            {
              link->uri = g_strdup (uri);
              g_ptr_array_add (links, g_steal_pointer (&link));
            }
        }
    }
}

static SihStep *
read_step (Loader     *loader,
           JsonObject *object,
           const char *cause_id)
{
  static const char * const members[] = {
    "id", "title", "detail", "kind", "caution", "say", "links", NULL
  };
  SihJsonReader *reader = &loader->reader;
  g_autoptr(SihStep) step = g_object_new (SIH_TYPE_STEP, NULL);
  g_autofree char *prefix = NULL;
  g_autofree char *ctx_title = NULL;
  g_autofree char *ctx_detail = NULL;
  g_autofree char *ctx_caution = NULL;
  g_autofree char *ctx_say = NULL;
  g_autofree char *ctx_link = NULL;
  const char *id;

  if (!sih_json_reader_check_members (reader, object, members))
    return NULL;

  id = sih_json_reader_get_id (reader, object, "id");
  if (id == NULL)
    return NULL;

  step->id = g_strdup (id);
  prefix = g_strdup_printf ("cause:%s:step:%s", cause_id, id);
  ctx_title = g_strconcat (prefix, ":title", NULL);
  ctx_detail = g_strconcat (prefix, ":detail", NULL);
  ctx_caution = g_strconcat (prefix, ":caution", NULL);
  ctx_say = g_strconcat (prefix, ":say", NULL);
  ctx_link = g_strconcat (prefix, ":link", NULL);

  read_text (loader, object, "title", TRUE, &step->title, ctx_title);
  read_text (loader, object, "detail", TRUE, &step->detail, ctx_detail);
  step->kind = sih_json_reader_get_enum (reader, object, "kind", SIH_TYPE_STEP_KIND,
                                         SIH_STEP_KIND_CHECK, TRUE);
  read_text (loader, object, "caution", FALSE, &step->caution, ctx_caution);
  read_text (loader, object, "say", FALSE, &step->caller_text, ctx_say);
  read_links (loader, object, step->links, ctx_link);

  if (sih_json_reader_failed (reader))
    return NULL;

  return g_steal_pointer (&step);
}

/* Lists @object under @id, or fails at its "id" when another @kind has
 * that id already ("the step id “x” is used twice in this cause"). */
static void
add_unique (SihJsonReader *reader,
            GHashTable    *by_id,
            GListStore    *list,
            const char    *id,
            gpointer       object,
            const char    *kind,
            const char    *where)
{
  if (g_hash_table_contains (by_id, id))
    {
      gsize mark = sih_json_reader_push_member (reader, "id");

      sih_json_reader_fail (reader, SIH_ERROR_DUPLICATE, "the %s id “%s” is used twice%s",
                            kind, id, where);
      sih_json_reader_pop (reader, mark);
      return;
    }

  g_hash_table_insert (by_id, (gpointer)id, object);
  g_list_store_append (list, object);
}

static void
read_error_messages (Loader     *loader,
                     JsonObject *object,
                     SihCause   *cause)
{
  static const char * const members[] = { "lang", "text", NULL };
  SihJsonReader *reader = &loader->reader;
  SihJsonArrayIter iter;
  JsonNode *element;

  if (!sih_json_reader_array_begin (reader, object, "error_messages", TRUE, TRUE, &iter))
    return;

  while (sih_json_reader_array_next (&iter, &element))
    {
      JsonObject *item = sih_json_reader_object (reader, element);
      const char *lang, *text;

      if (item != NULL && sih_json_reader_check_members (reader, item, members))
        {
          lang = sih_json_reader_get_id (reader, item, "lang");
          text = sih_json_reader_get_string (reader, item, "text", TRUE);
          if (lang != NULL && text != NULL)
            {
              SihErrorMessage *message = g_new0 (SihErrorMessage, 1);

              message->lang = g_strdup (lang);
              message->text = g_strdup (text);
              g_ptr_array_add (cause->error_messages, message);
            }
        }
    }
}

static SihCause *
read_cause (Loader     *loader,
            JsonObject *object,
            guint      *total_steps)
{
  static const char * const members[] = {
    "id", "title", "summary", "icon", "urgency", "symptoms", "error_messages",
    "steps", "escalate", "related", NULL
  };
  SihJsonReader *reader = &loader->reader;
  g_autoptr(SihCause) cause = g_object_new (SIH_TYPE_CAUSE, NULL);
  g_autoptr(GStrvBuilder) related = g_strv_builder_new ();
  g_autofree char *ctx = NULL;
  const char *id;
  const char *icon;
  SihJsonArrayIter iter;
  JsonNode *element;
  gsize mark;

  if (!sih_json_reader_check_members (reader, object, members))
    return NULL;

  id = sih_json_reader_get_id (reader, object, "id");
  if (id == NULL)
    return NULL;
  cause->id = g_strdup (id);

#define CTX(suffix) (g_free (ctx), ctx = g_strdup_printf ("cause:%s:%s", id, suffix))
  read_text (loader, object, "title", TRUE, &cause->title, CTX ("title"));
  read_text (loader, object, "summary", TRUE, &cause->summary, CTX ("summary"));

  icon = sih_json_reader_get_string (reader, object, "icon", TRUE);
  if (icon != NULL && !g_str_has_suffix (icon, "-symbolic"))
    {
      mark = sih_json_reader_push_member (reader, "icon");
      sih_json_reader_fail (reader, SIH_ERROR_INVALID_VALUE,
                            "expected a symbolic icon name ending in “-symbolic”, found “%s”",
                            icon);
      sih_json_reader_pop (reader, mark);
    }
  cause->icon_name = g_strdup (icon);

  cause->urgency = sih_json_reader_get_enum (reader, object, "urgency", SIH_TYPE_URGENCY,
                                             SIH_URGENCY_NORMAL, TRUE);

  CTX ("symptom");
  if (sih_json_reader_array_begin (reader, object, "symptoms", TRUE, TRUE, &iter))
    while (sih_json_reader_array_next (&iter, &element))
      {
        const char *text = sih_json_reader_string (reader, element);
        SihText symptom = { NULL, NULL };

        if (text != NULL)
          {
            set_text (loader, &symptom, text, ctx);
            g_array_append_val (cause->symptoms, symptom);
          }
      }

  read_error_messages (loader, object, cause);

  reader->max_array = MAX_STEPS;
  if (sih_json_reader_array_begin (reader, object, "steps", TRUE, FALSE, &iter))
    {
      *total_steps += iter.n;
      if (*total_steps > MAX_TOTAL_STEPS)
        sih_json_reader_fail (reader, SIH_ERROR_TOO_LARGE,
                              "the pack has more than %d steps in all", MAX_TOTAL_STEPS);
    }
  reader->max_array = MAX_SMALL_ARRAY;
  while (sih_json_reader_array_next (&iter, &element))
    {
      JsonObject *step_object = sih_json_reader_object (reader, element);
      g_autoptr(SihStep) step = NULL;

      if (step_object != NULL)
        step = read_step (loader, step_object, id);

      if (step != NULL)
        add_unique (reader, cause->steps_by_id, cause->steps, step->id, step,
                    "step", " in this cause");
    }

  read_text (loader, object, "escalate", TRUE, &cause->escalate, CTX ("escalate"));
#undef CTX

  if (sih_json_reader_array_begin (reader, object, "related", FALSE, TRUE, &iter))
    while (sih_json_reader_array_next (&iter, &element))
      {
        const char *rel = sih_json_reader_string (reader, element);

        if (rel != NULL && !sih_id_is_valid (rel))
          sih_json_reader_fail (reader, SIH_ERROR_INVALID_VALUE, "“%s” is not a valid id", rel);
        else if (rel != NULL && g_strcmp0 (rel, id) == 0)
          sih_json_reader_fail (reader, SIH_ERROR_REFERENCE, "a cause cannot relate to itself");
        else if (rel != NULL)
          g_strv_builder_add (related, rel);
      }
  cause->related = g_strv_builder_end (related);

  if (sih_json_reader_failed (reader))
    return NULL;

  return g_steal_pointer (&cause);
}

static void
read_contact (Loader     *loader,
              JsonObject *object,
              SihContact *contact)
{
  static const char * const members[] = { "intro", "prepare", "routes", "scam_warning", NULL };
  static const char * const item_members[] = { "id", "label", "caller_label", NULL };
  static const char * const route_members[] = { "id", "title", "detail", "links", NULL };
  SihJsonReader *reader = &loader->reader;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  SihJsonArrayIter iter;
  JsonNode *element;

  if (!sih_json_reader_check_members (reader, object, members))
    return;

  read_text (loader, object, "intro", TRUE, &contact->intro, "contact:intro");

  if (sih_json_reader_array_begin (reader, object, "prepare", TRUE, FALSE, &iter))
    while (sih_json_reader_array_next (&iter, &element))
      {
        JsonObject *item_object = sih_json_reader_object (reader, element);
        const char *id;

        if (item_object != NULL &&
            sih_json_reader_check_members (reader, item_object, item_members) &&
            (id = sih_json_reader_get_id (reader, item_object, "id")) != NULL)
          {
            SihContactItem *item = g_new0 (SihContactItem, 1);
            g_autofree char *ctx = g_strdup_printf ("contact:prepare:%s", id);
            g_autofree char *ctx_caller = g_strdup_printf ("contact:prepare:%s:caller", id);

            item->id = g_strdup (id);
            read_text (loader, item_object, "label", TRUE, &item->label, ctx);
            read_text (loader, item_object, "caller_label", FALSE, &item->caller_label, ctx_caller);
            g_ptr_array_add (contact->items, item);
            if (!g_hash_table_add (seen, item->id))
              sih_json_reader_fail (reader, SIH_ERROR_DUPLICATE,
                                    "the id “%s” is used twice", id);
          }
      }

  g_hash_table_remove_all (seen);
  if (sih_json_reader_array_begin (reader, object, "routes", TRUE, FALSE, &iter))
    while (sih_json_reader_array_next (&iter, &element))
      {
        JsonObject *route_object = sih_json_reader_object (reader, element);
        const char *id;

        if (route_object != NULL &&
            sih_json_reader_check_members (reader, route_object, route_members) &&
            (id = sih_json_reader_get_id (reader, route_object, "id")) != NULL)
          {
            SihContactRoute *route = g_new0 (SihContactRoute, 1);
            g_autofree char *ctx_title = g_strdup_printf ("contact:route:%s:title", id);
            g_autofree char *ctx_detail = g_strdup_printf ("contact:route:%s:detail", id);
            g_autofree char *ctx_link = g_strdup_printf ("contact:route:%s:link", id);

            route->id = g_strdup (id);
            route->links = g_ptr_array_new_with_free_func ((GDestroyNotify)sih_link_free);
            g_ptr_array_add (contact->routes, route);
            read_text (loader, route_object, "title", TRUE, &route->title, ctx_title);
            read_text (loader, route_object, "detail", TRUE, &route->detail, ctx_detail);
            read_links (loader, route_object, route->links, ctx_link);
            if (!g_hash_table_add (seen, route->id))
              sih_json_reader_fail (reader, SIH_ERROR_DUPLICATE,
                                    "the id “%s” is used twice", id);
          }
      }

  read_text (loader, object, "scam_warning", TRUE, &contact->scam_warning,
             "contact:scam_warning");
}

/* "a", "b" or "c" for an error message. */
static char *
quoted_list (const char * const *values)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; values[i] != NULL; i++)
    g_string_append_printf (out, "%s“%s”", i > 0 ? ", " : "", values[i]);
  return g_string_free (out, FALSE);
}

/* Whether @facts already says the opposite of, or for a detail that holds
 * one value, something else than, "@detail is (or is not) @value". */
static gboolean
facts_conflict (GPtrArray             *facts,
                const SihDetailChoice *choice,
                const char            *value,
                gboolean               holds)
{
  for (guint i = 0; i < facts->len; i++)
    {
      const SihTriageFact *other = g_ptr_array_index (facts, i);

      if (!g_str_equal (other->detail, choice->key))
        continue;
      if (g_str_equal (other->value, value) && other->holds != holds)
        return TRUE;
      if (!choice->multiple && holds && other->holds && !g_str_equal (other->value, value))
        return TRUE;
    }
  return FALSE;
}

/* What an answer says about the case's details:
 * [{"detail": "changes", "is": "new-phone"}, {"detail": "where", "not": "business"}] */
static void
read_triage_facts (Loader          *loader,
                   JsonObject      *object,
                   SihTriageAnswer *answer)
{
  static const char * const members[] = { "detail", "is", "not", NULL };
  SihJsonReader *reader = &loader->reader;
  SihJsonArrayIter iter;
  JsonNode *element;

  if (!sih_json_reader_array_begin (reader, object, "details", FALSE, FALSE, &iter))
    return;

  while (sih_json_reader_array_next (&iter, &element))
    {
      JsonObject *fact_object = sih_json_reader_object (reader, element);
      const SihDetailChoice *choice;
      const char *key;
      const char *value;
      const char *member;
      gboolean holds;
      gsize mark;

      if (fact_object == NULL || !sih_json_reader_check_members (reader, fact_object, members))
        continue;

      key = sih_json_reader_get_string (reader, fact_object, "detail", TRUE);
      if (key == NULL)
        continue;
      choice = sih_detail_choice_lookup (key);
      if (choice == NULL)
        {
          guint n_choices;
          const SihDetailChoice *choices = sih_detail_get_choices (&n_choices);
          g_autoptr(GStrvBuilder) keys = g_strv_builder_new ();
          g_auto(GStrv) details = NULL;
          g_autofree char *expected = NULL;

          for (guint i = 0; i < n_choices; i++)
            g_strv_builder_add (keys, choices[i].key);
          details = g_strv_builder_end (keys);
          expected = quoted_list ((const char * const *)details);
          mark = sih_json_reader_push_member (reader, "detail");
          sih_json_reader_fail (reader, SIH_ERROR_INVALID_VALUE,
                                "expected one of %s, found “%s”", expected, key);
          sih_json_reader_pop (reader, mark);
          continue;
        }

      /* Either the detail has the value, or it has not. */
      if (json_object_has_member (fact_object, "is") == json_object_has_member (fact_object, "not"))
        {
          sih_json_reader_fail (reader, json_object_has_member (fact_object, "is") ?
                                SIH_ERROR_INVALID_VALUE : SIH_ERROR_MISSING,
                                "expected one of “is” (a value the detail has) or “not” (a "
                                "value it has not)");
          continue;
        }
      holds = json_object_has_member (fact_object, "is");
      member = holds ? "is" : "not";
      value = sih_json_reader_get_string (reader, fact_object, member, TRUE);
      if (value == NULL)
        continue;

      mark = sih_json_reader_push_member (reader, member);
      if (!sih_detail_choice_knows (choice, value))
        {
          g_autofree char *expected = quoted_list (choice->values);

          sih_json_reader_fail (reader, SIH_ERROR_INVALID_VALUE,
                                "expected one of %s, found “%s”", expected, value);
        }
      else if (facts_conflict (answer->facts, choice, value, holds))
        sih_json_reader_fail (reader, SIH_ERROR_INVALID_VALUE,
                              "this answer already says otherwise about “%s”", key);
      else
        {
          SihTriageFact *fact = g_new0 (SihTriageFact, 1);

          fact->detail = g_strdup (key);
          fact->value = g_strdup (value);
          fact->holds = holds;
          g_ptr_array_add (answer->facts, fact);
        }
      sih_json_reader_pop (reader, mark);
    }
}

static SihTriageAnswer *
read_triage_answer (Loader     *loader,
                    JsonObject *object,
                    const char *question_id)
{
  static const char * const members[] = { "id", "label", "next", "cause", "details", NULL };
  SihJsonReader *reader = &loader->reader;
  g_autoptr(SihTriageAnswer) answer = g_new0 (SihTriageAnswer, 1);
  g_autofree char *ctx = NULL;
  const char *id;

  answer->facts = g_ptr_array_new_with_free_func ((GDestroyNotify)sih_triage_fact_free);
  if (!sih_json_reader_check_members (reader, object, members))
    return NULL;

  id = sih_json_reader_get_id (reader, object, "id");
  if (id == NULL)
    return NULL;
  answer->id = g_strdup (id);

  ctx = g_strdup_printf ("triage:%s:answer:%s", question_id, id);
  read_text (loader, object, "label", TRUE, &answer->label, ctx);

  /* An answer leads to one question or ends on one cause, never both. */
  if (json_object_has_member (object, "next") && json_object_has_member (object, "cause"))
    sih_json_reader_fail (reader, SIH_ERROR_INVALID_VALUE,
                          "has both “next” and “cause”; an answer leads to one question or "
                          "ends on one cause");
  else if (json_object_has_member (object, "next"))
    answer->next = g_strdup (sih_json_reader_get_id (reader, object, "next"));
  else if (json_object_has_member (object, "cause"))
    answer->cause = g_strdup (sih_json_reader_get_id (reader, object, "cause"));
  else
    sih_json_reader_fail (reader, SIH_ERROR_MISSING,
                          "expected “next” (a question id) or “cause” (a cause id)");

  read_triage_facts (loader, object, answer);

  if (sih_json_reader_failed (reader))
    return NULL;

  return g_steal_pointer (&answer);
}

static SihTriageQuestion *
read_triage_question (Loader     *loader,
                      JsonObject *object)
{
  static const char * const members[] = { "id", "text", "hint", "answers", NULL };
  SihJsonReader *reader = &loader->reader;
  g_autoptr(SihTriageQuestion) question = g_new0 (SihTriageQuestion, 1);
  g_autofree char *ctx_text = NULL;
  g_autofree char *ctx_hint = NULL;
  SihJsonArrayIter iter;
  JsonNode *element;
  const char *id;
  gsize mark;

  if (!sih_json_reader_check_members (reader, object, members))
    return NULL;

  id = sih_json_reader_get_id (reader, object, "id");
  if (id == NULL)
    return NULL;
  if (strlen (id) > SIH_TRIAGE_MAX_QUESTION_ID)
    {
      mark = sih_json_reader_push_member (reader, "id");
      sih_json_reader_fail (reader, SIH_ERROR_INVALID_VALUE,
                            "“%s” is too long for a question id; at most %d characters, so "
                            "that cases can record the answer", id, SIH_TRIAGE_MAX_QUESTION_ID);
      sih_json_reader_pop (reader, mark);
      return NULL;
    }
  question->id = g_strdup (id);
  question->answers = g_ptr_array_new_with_free_func ((GDestroyNotify)sih_triage_answer_free);

  ctx_text = g_strdup_printf ("triage:%s:text", id);
  ctx_hint = g_strdup_printf ("triage:%s:hint", id);
  read_text (loader, object, "text", TRUE, &question->text, ctx_text);
  read_text (loader, object, "hint", FALSE, &question->hint, ctx_hint);

  if (sih_json_reader_array_begin (reader, object, "answers", TRUE, FALSE, &iter))
    while (sih_json_reader_array_next (&iter, &element))
      {
        JsonObject *answer_object = sih_json_reader_object (reader, element);
        SihTriageAnswer *answer = NULL;

        if (answer_object != NULL)
          answer = read_triage_answer (loader, answer_object, id);

        if (answer != NULL)
          {
            g_ptr_array_add (question->answers, answer);
            if (sih_triage_question_find_answer (question, answer->id) != answer)
              {
                gsize id_mark = sih_json_reader_push_member (reader, "id");
                sih_json_reader_fail (reader, SIH_ERROR_DUPLICATE,
                                      "the answer id “%s” is used twice in this question",
                                      answer->id);
                sih_json_reader_pop (reader, id_mark);
              }
          }
      }

  if (sih_json_reader_failed (reader))
    return NULL;

  return g_steal_pointer (&question);
}

/* Fails at the place of answer @a of question @q, member @member. */
static void G_GNUC_PRINTF (6, 7)
fail_at_answer (SihJsonReader *reader,
                guint          q,
                guint          a,
                const char    *member,
                int            code,
                const char    *format,
                ...)
{
  g_autofree char *message = NULL;
  gsize mark;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  mark = sih_json_reader_push_member (reader, "questions");
  sih_json_reader_push_index (reader, q);
  sih_json_reader_push_member (reader, "answers");
  sih_json_reader_push_index (reader, a);
  sih_json_reader_push_member (reader, member);
  sih_json_reader_fail (reader, code, "%s", message);
  sih_json_reader_pop (reader, mark);
}

typedef struct
{
  SihJsonReader *reader;
  SihTriage     *triage;
  GHashTable    *positions;  /* question id → position + 1 */
  guint8        *state;      /* per position: 0 not seen, 1 on the walk, 2 done */
  GPtrArray     *walk;       /* question ids from the start to here */
} TriageCheck;

/* Depth first from @q; fails at the answer that leads back to a question
 * on the walk, naming the loop. */
static void
check_triage_loops (TriageCheck *check,
                    guint        q)
{
  const SihTriageQuestion *question = g_ptr_array_index (check->triage->questions, q);

  check->state[q] = 1;
  g_ptr_array_add (check->walk, question->id);

  for (guint a = 0; a < question->answers->len && !sih_json_reader_failed (check->reader); a++)
    {
      const SihTriageAnswer *answer = g_ptr_array_index (question->answers, a);
      guint next;

      if (answer->next == NULL)
        continue;

      next = GPOINTER_TO_UINT (g_hash_table_lookup (check->positions, answer->next)) - 1;
      if (check->state[next] == 1)
        {
          g_autoptr(GString) loop = g_string_new (NULL);
          gboolean in_loop = FALSE;

          for (guint i = 0; i < check->walk->len; i++)
            {
              const char *id = g_ptr_array_index (check->walk, i);

              in_loop = in_loop || g_str_equal (id, answer->next);
              if (in_loop)
                g_string_append_printf (loop, "%s → ", id);
            }
          g_string_append (loop, answer->next);
          fail_at_answer (check->reader, q, a, "next", SIH_ERROR_INVALID_VALUE,
                          "leads back to the question “%s”, which comes before it (%s); "
                          "the questions must not loop", answer->next, loop->str);
        }
      else if (check->state[next] == 0)
        check_triage_loops (check, next);
    }

  g_ptr_array_set_size (check->walk, check->walk->len - 1);
  check->state[q] = 2;
}

/* Every reference exists, the questions do not loop, and each question can
 * be reached from the start: then every walk ends on a cause. */
static void
check_triage (Loader    *loader,
              SihPack   *pack,
              SihTriage *triage)
{
  SihJsonReader *reader = &loader->reader;
  g_autoptr(GHashTable) positions = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) walk = g_ptr_array_new ();
  g_autofree guint8 *state = g_new0 (guint8, triage->questions->len);
  TriageCheck check = { reader, triage, positions, state, walk };
  guint n = triage->questions->len;

  for (guint q = 0; q < n; q++)
    {
      const SihTriageQuestion *question = g_ptr_array_index (triage->questions, q);
      g_hash_table_insert (positions, question->id, GUINT_TO_POINTER (q + 1));
    }

  if (!g_hash_table_contains (positions, triage->start))
    {
      gsize mark = sih_json_reader_push_member (reader, "start");
      sih_json_reader_fail (reader, SIH_ERROR_REFERENCE,
                            "there is no question “%s”", triage->start);
      sih_json_reader_pop (reader, mark);
      return;
    }

  for (guint q = 0; q < n && !sih_json_reader_failed (reader); q++)
    {
      const SihTriageQuestion *question = g_ptr_array_index (triage->questions, q);

      for (guint a = 0; a < question->answers->len && !sih_json_reader_failed (reader); a++)
        {
          const SihTriageAnswer *answer = g_ptr_array_index (question->answers, a);

          if (answer->next != NULL && !g_hash_table_contains (positions, answer->next))
            fail_at_answer (reader, q, a, "next", SIH_ERROR_REFERENCE,
                            "there is no question “%s”", answer->next);
          else if (answer->cause != NULL && sih_pack_find_cause (pack, answer->cause) == NULL)
            fail_at_answer (reader, q, a, "cause", SIH_ERROR_REFERENCE,
                            "there is no cause “%s”", answer->cause);
        }
    }
  if (sih_json_reader_failed (reader))
    return;

  check_triage_loops (&check, GPOINTER_TO_UINT (g_hash_table_lookup (positions, triage->start)) - 1);
  if (sih_json_reader_failed (reader))
    return;

  for (guint q = 0; q < n; q++)
    {
      if (state[q] == 0)
        {
          const SihTriageQuestion *question = g_ptr_array_index (triage->questions, q);
          gsize mark = sih_json_reader_push_member (reader, "questions");

          sih_json_reader_push_index (reader, q);
          sih_json_reader_fail (reader, SIH_ERROR_INVALID_VALUE,
                                "the question “%s” cannot be reached from the start question "
                                "“%s”", question->id, triage->start);
          sih_json_reader_pop (reader, mark);
          return;
        }
    }
}

static void
read_triage (Loader     *loader,
             JsonObject *object,
             SihPack    *pack)
{
  static const char * const members[] = { "start", "questions", NULL };
  SihJsonReader *reader = &loader->reader;
  g_autoptr(SihTriage) triage = g_object_new (SIH_TYPE_TRIAGE, NULL);
  SihJsonArrayIter iter;
  JsonNode *element;
  const char *start;

  if (!sih_json_reader_check_members (reader, object, members))
    return;

  start = sih_json_reader_get_id (reader, object, "start");
  if (start == NULL)
    return;
  triage->start = g_strdup (start);

  if (!sih_json_reader_array_begin (reader, object, "questions", TRUE, FALSE, &iter))
    return;

  while (sih_json_reader_array_next (&iter, &element))
    {
      JsonObject *question_object = sih_json_reader_object (reader, element);
      SihTriageQuestion *question = NULL;

      if (question_object != NULL)
        question = read_triage_question (loader, question_object);

      if (question != NULL)
        {
          g_ptr_array_add (triage->questions, question);
          if (!g_hash_table_insert (triage->questions_by_id, question->id, question))
            {
              gsize id_mark = sih_json_reader_push_member (reader, "id");
              sih_json_reader_fail (reader, SIH_ERROR_DUPLICATE,
                                    "the question id “%s” is used twice", question->id);
              sih_json_reader_pop (reader, id_mark);
            }
        }
    }

  if (!sih_json_reader_failed (reader))
    check_triage (loader, pack, triage);

  if (!sih_json_reader_failed (reader))
    pack->triage = g_steal_pointer (&triage);
}

static gboolean
date_is_valid (const char *date)
{
  guint y, m, d;
  char tail;

  if (date == NULL || strlen (date) != 10 ||
      sscanf (date, "%4u-%2u-%2u%c", &y, &m, &d, &tail) != 3)
    return FALSE;

  return g_date_valid_dmy (d, m, y);
}

static void
read_pack (Loader     *loader,
           JsonObject *root,
           SihPack    *pack)
{
  static const char * const members[] = {
    "format", "id", "version", "title", "service", "updated", "disclaimer",
    "causes", "contact", "triage", NULL
  };
  SihJsonReader *reader = &loader->reader;
  SihJsonArrayIter iter;
  JsonNode *element;
  JsonObject *contact;
  JsonObject *triage;
  gboolean begun;
  gint64 format;
  gsize mark;

  /* The format comes first: a newer pack is refused for what it is, not
   * for whatever members it has that this version does not know. */
  format = sih_json_reader_get_int (reader, root, "format", 0, TRUE);
  if (sih_json_reader_failed (reader))
    return;
  if (format != SIH_PACK_FORMAT)
    {
      mark = sih_json_reader_push_member (reader, "format");
      sih_json_reader_fail (reader, SIH_ERROR_FORMAT,
                            "format %" G_GINT64_FORMAT " is not supported; this version of "
                            "Sign-in Helper reads format %d", format, SIH_PACK_FORMAT);
      sih_json_reader_pop (reader, mark);
      return;
    }

  if (!sih_json_reader_check_members (reader, root, members))
    return;

  pack->id = g_strdup (sih_json_reader_get_id (reader, root, "id"));
  pack->version = g_strdup (sih_json_reader_get_string (reader, root, "version", TRUE));
  read_text (loader, root, "title", TRUE, &pack->title, "pack:title");
  pack->service = g_strdup (sih_json_reader_get_string (reader, root, "service", TRUE));
  pack->updated = g_strdup (sih_json_reader_get_string (reader, root, "updated", TRUE));
  if (pack->updated != NULL && !date_is_valid (pack->updated))
    {
      mark = sih_json_reader_push_member (reader, "updated");
      sih_json_reader_fail (reader, SIH_ERROR_INVALID_VALUE,
                            "expected a date such as “2026-01-31”, found “%s”", pack->updated);
      sih_json_reader_pop (reader, mark);
    }
  read_text (loader, root, "disclaimer", TRUE, &pack->disclaimer, "pack:disclaimer");

  reader->max_array = MAX_CAUSES;
  begun = sih_json_reader_array_begin (reader, root, "causes", TRUE, FALSE, &iter);
  reader->max_array = MAX_SMALL_ARRAY;
  while (sih_json_reader_array_next (&iter, &element))
    {
      JsonObject *cause_object = sih_json_reader_object (reader, element);
      g_autoptr(SihCause) cause = NULL;

      if (cause_object != NULL)
        cause = read_cause (loader, cause_object, &pack->n_steps);

      if (cause != NULL)
        add_unique (reader, pack->causes_by_id, pack->causes, cause->id, cause, "cause", "");
    }

  /* Related ids may point forward, so resolve them once all are known. */
  if (begun && !sih_json_reader_failed (reader))
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (pack->causes));

      mark = sih_json_reader_push_member (reader, "causes");
      for (guint i = 0; i < n && !sih_json_reader_failed (reader); i++)
        {
          g_autoptr(SihCause) cause = g_list_model_get_item (G_LIST_MODEL (pack->causes), i);

          for (guint j = 0; cause->related[j] != NULL; j++)
            {
              if (!g_hash_table_contains (pack->causes_by_id, cause->related[j]))
                {
                  gsize item_mark = sih_json_reader_push_index (reader, i);
                  gsize rel_mark = sih_json_reader_push_member (reader, "related");

                  sih_json_reader_push_index (reader, j);
                  sih_json_reader_fail (reader, SIH_ERROR_REFERENCE,
                                        "there is no cause with the id “%s”", cause->related[j]);
                  sih_json_reader_pop (reader, rel_mark);
                  sih_json_reader_pop (reader, item_mark);
                  break;
                }
            }
        }
      sih_json_reader_pop (reader, mark);
    }

  contact = sih_json_reader_get_object (reader, root, "contact", TRUE);
  if (contact != NULL)
    {
      mark = sih_json_reader_push_member (reader, "contact");
      read_contact (loader, contact, pack->contact);
      sih_json_reader_pop (reader, mark);
    }

  /* After the causes, which the answers refer to. */
  triage = sih_json_reader_get_object (reader, root, "triage", FALSE);
  if (triage != NULL && !sih_json_reader_failed (reader))
    {
      mark = sih_json_reader_push_member (reader, "triage");
      read_triage (loader, triage, pack);
      sih_json_reader_pop (reader, mark);
    }
}

/* json-glib's tree of a pack is many small blocks, freed as soon as the
 * pack is read: for a help desk's pack of a thousand causes, about 45 MB.
 * glibc keeps freed memory for the process unless asked to give it back,
 * and the app would carry the tree's size all its life.  (GLib 2.74's own
 * slice allocator, which json-glib uses there, keeps it anyway; GLib 2.76
 * and later allocate with malloc.) */
#define LARGE_PACK_SIZE (1024 * 1024)

static void
give_back_memory (gsize pack_size)
{
#ifdef HAVE_MALLOC_TRIM
  if (pack_size >= LARGE_PACK_SIZE)
    malloc_trim (0);
#endif
}

/**
 * sih_pack_new_from_bytes:
 * @bytes: the pack's JSON text
 * @display_name: the file name to use in error messages
 * @text_domain: (nullable): the gettext domain to translate with, or %NULL
 *   to show the pack's own text
 * @error: a #SIH_ERROR naming the file, the member and what was expected
 *
 * Returns: (transfer full): the pack, or %NULL if it is not valid
 */
SihPack *
sih_pack_new_from_bytes (GBytes      *bytes,
                         const char  *display_name,
                         const char  *text_domain,
                         GError     **error)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(SihPack) pack = NULL;
  Loader loader;
  JsonObject *root_object;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  root = sih_json_parse_bytes (bytes, display_name, error);
  if (root == NULL)
    return NULL;

  pack = g_object_new (SIH_TYPE_PACK, NULL);
  pack->contact = g_object_new (SIH_TYPE_CONTACT, NULL);

  sih_json_reader_init (&loader.reader, display_name);
  loader.reader.max_array = MAX_SMALL_ARRAY;
  loader.domain = text_domain;
  loader.app_domain = g_strcmp0 (text_domain, GETTEXT_PACKAGE) == 0;
  loader.official_uris = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  root_object = sih_json_reader_object (&loader.reader, root);
  if (root_object != NULL)
    read_pack (&loader, root_object, pack);

  g_hash_table_unref (loader.official_uris);

  if (sih_json_reader_failed (&loader.reader))
    {
      g_propagate_error (error, g_steal_pointer (&loader.reader.error));
      sih_json_reader_clear (&loader.reader);
      return NULL;
    }

  sih_json_reader_clear (&loader.reader);
  g_clear_pointer (&root, json_node_unref);
  give_back_memory (g_bytes_get_size (bytes));

  return g_steal_pointer (&pack);
}

SihPack *
sih_pack_new_from_file (const char  *path,
                        const char  *text_domain,
                        GError     **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *contents = NULL;
  gsize len;

  g_return_val_if_fail (path != NULL, NULL);

  /* Refuse a huge file before reading it into memory. */
  file = g_file_new_for_path (path);
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, NULL, &local_error);
  if (info == NULL)
    {
      sih_error_set_io (error, sih_error_get_io_code (local_error), "%s: %s", path, local_error->message);
      return NULL;
    }
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      sih_error_set_io (error, G_IO_ERROR_NOT_REGULAR_FILE, "%s: not a regular file", path);
      return NULL;
    }
  if (g_file_info_get_size (info) > SIH_JSON_MAX_FILE_SIZE)
    {
      g_set_error (error, SIH_ERROR, SIH_ERROR_TOO_LARGE,
                   "%s: the file is %" G_GOFFSET_FORMAT " bytes; at most %d are allowed",
                   path, g_file_info_get_size (info), SIH_JSON_MAX_FILE_SIZE);
      return NULL;
    }

  if (!g_file_get_contents (path, &contents, &len, &local_error))
    {
      sih_error_set_io (error, sih_error_get_io_code (local_error), "%s", local_error->message);
      return NULL;
    }

  bytes = g_bytes_new_take (g_steal_pointer (&contents), len);
  return sih_pack_new_from_bytes (bytes, path, text_domain, error);
}

SihPack *
sih_pack_new_from_resource (const char  *resource_path,
                            const char  *text_domain,
                            GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *basename = NULL;

  g_return_val_if_fail (resource_path != NULL, NULL);

  bytes = g_resources_lookup_data (resource_path, G_RESOURCE_LOOKUP_FLAGS_NONE, &local_error);
  if (bytes == NULL)
    {
      sih_error_set_io (error, sih_error_get_io_code (local_error), "%s: %s", resource_path, local_error->message);
      return NULL;
    }

  basename = g_path_get_basename (resource_path);
  return sih_pack_new_from_bytes (bytes, basename, text_domain, error);
}

/**
 * sih_pack_new_bundled:
 *
 * Loads the pack that ships inside the application, translated into the
 * user's language.
 */
SihPack *
sih_pack_new_bundled (GError **error)
{
  return sih_pack_new_from_resource (SIH_BUNDLED_PACK_RESOURCE, GETTEXT_PACKAGE, error);
}

const char *
sih_pack_get_id (SihPack *self)
{
  g_return_val_if_fail (SIH_IS_PACK (self), NULL);
  return self->id;
}

const char *
sih_pack_get_version (SihPack *self)
{
  g_return_val_if_fail (SIH_IS_PACK (self), NULL);
  return self->version;
}

const char *
sih_pack_get_title (SihPack *self)
{
  g_return_val_if_fail (SIH_IS_PACK (self), NULL);
  return self->title.text;
}

const char *
sih_pack_get_service (SihPack *self)
{
  g_return_val_if_fail (SIH_IS_PACK (self), NULL);
  return self->service;
}

const char *
sih_pack_get_updated (SihPack *self)
{
  g_return_val_if_fail (SIH_IS_PACK (self), NULL);
  return self->updated;
}

const char *
sih_pack_get_disclaimer (SihPack *self)
{
  g_return_val_if_fail (SIH_IS_PACK (self), NULL);
  return self->disclaimer.text;
}

/**
 * sih_pack_get_causes:
 *
 * Returns: (transfer none): a #GListModel of #SihCause, in pack order
 */
GListModel *
sih_pack_get_causes (SihPack *self)
{
  g_return_val_if_fail (SIH_IS_PACK (self), NULL);
  return G_LIST_MODEL (self->causes);
}

guint
sih_pack_get_n_causes (SihPack *self)
{
  g_return_val_if_fail (SIH_IS_PACK (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->causes));
}

guint
sih_pack_get_n_steps (SihPack *self)
{
  g_return_val_if_fail (SIH_IS_PACK (self), 0);
  return self->n_steps;
}

/**
 * sih_pack_find_cause:
 *
 * Returns: (transfer none) (nullable): the cause with @cause_id
 */
SihCause *
sih_pack_find_cause (SihPack    *self,
                     const char *cause_id)
{
  g_return_val_if_fail (SIH_IS_PACK (self), NULL);
  g_return_val_if_fail (cause_id != NULL, NULL);
  return g_hash_table_lookup (self->causes_by_id, cause_id);
}

SihContact *
sih_pack_get_contact (SihPack *self)
{
  g_return_val_if_fail (SIH_IS_PACK (self), NULL);
  return self->contact;
}

/**
 * sih_pack_get_triage:
 *
 * Returns: (transfer none) (nullable): the pack's triage questions, or
 *   %NULL if it has none
 */
SihTriage *
sih_pack_get_triage (SihPack *self)
{
  g_return_val_if_fail (SIH_IS_PACK (self), NULL);
  return self->triage;
}
