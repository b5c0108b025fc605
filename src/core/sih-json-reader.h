/* sih-json-reader.h: checked access to a JSON document, with paths in errors
 *
 * Shared by every loader (packs, cases) so that each bad input gets an
 * error naming the file and the member, such as
 * "pack.json: causes[3].steps[2].kind: expected one of …".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef struct
{
  const char *display_name;
  GString    *path;
  gsize       max_string;
  guint       max_array;
  GError     *error;
} SihJsonReader;

/* Walks the elements of an array member with the reader's path at
 * "member[i]" for each, stopping at the first failure:
 *
 *   SihJsonArrayIter iter;
 *   JsonNode *element;
 *
 *   if (sih_json_reader_array_begin (reader, object, "steps", TRUE, FALSE, &iter))
 *     while (sih_json_reader_array_next (&iter, &element))
 *       read_step (reader, element, iter.index);
 *
 * Every walk runs to its end (no break), so that the path is restored. */
typedef struct
{
  SihJsonReader *reader;
  JsonArray     *array;
  guint          index;   /* the element the walk is at */
  guint          n;       /* how many elements there are */
  guint          next;
  gsize          member_mark;
  gsize          item_mark;
  gboolean       in_item;
} SihJsonArrayIter;

/* Sane bounds for anything we read; far above any real document. */
#define SIH_JSON_MAX_FILE_SIZE (32 * 1024 * 1024)
#define SIH_JSON_MAX_DEPTH     32

JsonNode   *sih_json_parse_bytes       (GBytes        *bytes,
                                        const char    *display_name,
                                        GError       **error);

void        sih_json_reader_init       (SihJsonReader *reader,
                                        const char    *display_name);
void        sih_json_reader_clear      (SihJsonReader *reader);

gsize       sih_json_reader_push_member (SihJsonReader *reader,
                                         const char    *member);
gsize       sih_json_reader_push_index  (SihJsonReader *reader,
                                         guint          index);
void        sih_json_reader_pop         (SihJsonReader *reader,
                                         gsize          mark);

gboolean    sih_json_reader_failed      (SihJsonReader *reader);
void        sih_json_reader_fail        (SihJsonReader *reader,
                                         int            code,
                                         const char    *format,
                                         ...) G_GNUC_PRINTF (3, 4);

JsonObject *sih_json_reader_object      (SihJsonReader *reader,
                                         JsonNode      *node);
gboolean    sih_json_reader_check_members (SihJsonReader *reader,
                                           JsonObject    *object,
                                           const char * const *known);
JsonObject *sih_json_reader_get_object  (SihJsonReader *reader,
                                         JsonObject    *object,
                                         const char    *member,
                                         gboolean       required);
JsonArray  *sih_json_reader_get_array   (SihJsonReader *reader,
                                         JsonObject    *object,
                                         const char    *member,
                                         gboolean       required,
                                         gboolean       allow_empty);
gboolean    sih_json_reader_array_begin (SihJsonReader    *reader,
                                         JsonObject       *object,
                                         const char       *member,
                                         gboolean          required,
                                         gboolean          allow_empty,
                                         SihJsonArrayIter *iter);
gboolean    sih_json_reader_array_next  (SihJsonArrayIter *iter,
                                         JsonNode        **element);
const char *sih_json_reader_get_string  (SihJsonReader *reader,
                                         JsonObject    *object,
                                         const char    *member,
                                         gboolean       required);
const char *sih_json_reader_string      (SihJsonReader *reader,
                                         JsonNode      *node);
gint64      sih_json_reader_get_int     (SihJsonReader *reader,
                                         JsonObject    *object,
                                         const char    *member,
                                         gint64         default_value,
                                         gboolean       required);
gboolean    sih_json_reader_get_boolean (SihJsonReader *reader,
                                         JsonObject    *object,
                                         const char    *member,
                                         gboolean       default_value);
const char *sih_json_reader_get_id      (SihJsonReader *reader,
                                         JsonObject    *object,
                                         const char    *member);
int         sih_json_reader_get_enum    (SihJsonReader *reader,
                                         JsonObject    *object,
                                         const char    *member,
                                         GType          enum_type,
                                         int            default_value,
                                         gboolean       required);

gboolean    sih_id_is_valid             (const char    *id);

G_END_DECLS
