/* sih-json-reader.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "core/sih-error.h"
#include "core/sih-json-reader.h"

static void
offset_to_position (const char *data,
                    gsize       offset,
                    guint      *line,
                    guint      *column)
{
  guint l = 1;
  guint c = 1;

  for (gsize i = 0; i < offset; i++)
    {
      if (data[i] == '\n')
        {
          l++;
          c = 1;
        }
      else if (((guchar)data[i] & 0xC0) != 0x80)
        {
          /* Count characters, not bytes: continuation bytes do not advance. */
          c++;
        }
    }

  *line = l;
  *column = c;
}

/* The code unit of the "\uXXXX" escape at @i, or -1 if there is none. */
static int
unicode_escape_at (const char *data,
                   gsize       len,
                   gsize       i)
{
  int value = 0;

  if (i + 6 > len || data[i] != '\\' || data[i + 1] != 'u')
    return -1;
  for (gsize k = i + 2; k < i + 6; k++)
    {
      if (!g_ascii_isxdigit (data[k]))
        return -1;
      value = value * 16 + g_ascii_xdigit_value (data[k]);
    }
  return value;
}

/* What json-glib 1.6 does not check, found before it parses:
 *  - nesting depth: it recurses once per level and overflows the stack on
 *    deeply nested input;
 *  - a second object or array after the first: json-glib 1.6 keeps the
 *    first and drops the others (1.10 returns them all in one array), so
 *    "{…} {…}" would load something the file does not say;
 *  - its extensions to JSON, single-quoted strings and comments, which
 *    would hide brackets (and so the depth) from this scan: refused;
 *  - unpaired surrogate escapes ("\ud800" without "\udc00" after it): it
 *    decodes them to bytes that are not UTF-8, and when another escape
 *    follows a high surrogate it leaks the string it was reading.  Text
 *    must be UTF-8, so they are refused;
 *  - escapes that are not JSON's, above all "\u" with fewer than four hex
 *    digits, after which it reads on past the string and can leak it.
 * Returns the problem's SihError code, or 0; @offset is where it is. */
static int
find_structure_error (const char  *data,
                      gsize        len,
                      guint        max_depth,
                      gsize       *offset,
                      const char **what)
{
  guint depth = 0;
  gboolean in_string = FALSE;
  gboolean seen_value = FALSE;

  for (gsize i = 0; i < len; i++)
    {
      char ch = data[i];

      if (in_string)
        {
          int unit;

          /* Most of a document is plain text in strings: skip to the next
           * backslash or quote (a NUL is refused before this scan). */
          if (ch != '\\' && ch != '"')
            {
              const char *stop = memchr (data + i, '"', len - i);
              const char *bs = memchr (data + i, '\\', (stop != NULL ? stop : data + len) - (data + i));

              if (bs != NULL)
                stop = bs;
              if (stop == NULL)
                break;
              i = stop - data;
              ch = *stop;
            }

          unit = ch == '\\' ? unicode_escape_at (data, len, i) : -1;

          if (unit >= 0xD800 && unit <= 0xDBFF)
            {
              int low = unicode_escape_at (data, len, i + 6);

              if (low < 0xDC00 || low > 0xDFFF)
                {
                  *offset = i;
                  *what = "a high surrogate escape without the low one after it; "
                          "text must be valid UTF-8";
                  return SIH_ERROR_ENCODING;
                }
              i += 11;
            }
          else if (unit >= 0xDC00 && unit <= 0xDFFF)
            {
              *offset = i;
              *what = "a low surrogate escape without a high one before it; "
                      "text must be valid UTF-8";
              return SIH_ERROR_ENCODING;
            }
          else if (ch == '\\')
            {
              /* json-glib 1.6 takes fewer than four hex digits after "\u",
               * swallowing what follows, and leaks when it then fails.
               * strchr() also finds the string's own NUL: a NUL byte is
               * refused on its own (callers refuse it before, too). */
              if (i + 1 >= len || strchr ("\"\\/bfnrtu", data[i + 1]) == NULL ||
                  data[i + 1] == '\0')
                {
                  *offset = i;
                  *what = "a backslash must be followed by one of \" \\ / b f n r t u";
                  return SIH_ERROR_SYNTAX;
                }
              if (data[i + 1] == 'u' && unit < 0)
                {
                  *offset = i;
                  *what = "\\u must be followed by four hexadecimal digits";
                  return SIH_ERROR_SYNTAX;
                }
              i++;
            }
          else if (ch == '"')
            in_string = FALSE;
          continue;
        }

      switch (ch)
        {
        case '"':
          seen_value = seen_value || depth == 0;
          in_string = TRUE;
          break;
        case '[':
        case '{':
          if (depth == 0 && seen_value)
            {
              *offset = i;
              *what = "more text after the end of the document";
              return SIH_ERROR_SYNTAX;
            }
          if (++depth > max_depth)
            {
              *offset = i;
              return SIH_ERROR_TOO_DEEP;
            }
          break;
        case ']':
        case '}':
          if (depth > 0 && --depth == 0)
            seen_value = TRUE;
          break;
        case '\'':
          *offset = i;
          *what = "strings must be in double quotes";
          return SIH_ERROR_SYNTAX;
        case '/':
          *offset = i;
          *what = "comments are not allowed";
          return SIH_ERROR_SYNTAX;
        default:
          if (depth == 0 && !g_ascii_isspace (ch))
            seen_value = TRUE;
          break;
        }
    }

  return 0;
}

static gboolean
is_blank (const char *data,
          gsize       len)
{
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isspace (data[i]))
      return FALSE;
  return TRUE;
}

/**
 * sih_json_parse_bytes:
 * @bytes: the document
 * @display_name: the file name to put in error messages
 * @error: a #SIH_ERROR
 *
 * Parses a JSON document after the checks json-glib does not make:
 * size, byte-order mark, NUL bytes, UTF-8 validity and nesting depth.
 *
 * Returns: (transfer full): the root node
 */
JsonNode *
sih_json_parse_bytes (GBytes      *bytes,
                      const char  *display_name,
                      GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *data;
  const char *invalid = NULL;
  const char *what = NULL;
  gsize len;
  gsize offset;
  guint line, column;
  int code;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);

  data = g_bytes_get_data (bytes, &len);

  if (len > SIH_JSON_MAX_FILE_SIZE)
    {
      g_set_error (error, SIH_ERROR, SIH_ERROR_TOO_LARGE,
                   "%s: the file is %" G_GSIZE_FORMAT " bytes; at most %d are allowed",
                   display_name, len, SIH_JSON_MAX_FILE_SIZE);
      return NULL;
    }

  if (len == 0 || is_blank (data, len))
    {
      g_set_error (error, SIH_ERROR, SIH_ERROR_SYNTAX,
                   "%s: the file is empty; expected a JSON object", display_name);
      return NULL;
    }

  if (len >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      g_set_error (error, SIH_ERROR, SIH_ERROR_ENCODING,
                   "%s: line 1, column 1: the file starts with a byte-order mark; "
                   "save it as UTF-8 without BOM", display_name);
      return NULL;
    }

  if (!g_utf8_validate_len (data, len, &invalid))
    {
      offset = invalid - data;
      offset_to_position (data, offset, &line, &column);
      if (*invalid == '\0')
        g_set_error (error, SIH_ERROR, SIH_ERROR_ENCODING,
                     "%s: line %u, column %u: the file contains a NUL byte",
                     display_name, line, column);
      else
        g_set_error (error, SIH_ERROR, SIH_ERROR_ENCODING,
                     "%s: line %u, column %u: the text is not valid UTF-8",
                     display_name, line, column);
      return NULL;
    }

  code = find_structure_error (data, len, SIH_JSON_MAX_DEPTH, &offset, &what);
  if (code != 0)
    {
      offset_to_position (data, offset, &line, &column);
      if (code == SIH_ERROR_TOO_DEEP)
        g_set_error (error, SIH_ERROR, SIH_ERROR_TOO_DEEP,
                     "%s: line %u, column %u: nested deeper than %d levels",
                     display_name, line, column, SIH_JSON_MAX_DEPTH);
      else if (code == SIH_ERROR_ENCODING)
        g_set_error (error, SIH_ERROR, code, "%s: line %u, column %u: %s",
                     display_name, line, column, what);
      else
        g_set_error (error, SIH_ERROR, code, "%s: line %u, column %u: not valid JSON: %s",
                     display_name, line, column, what);
      return NULL;
    }

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data, len, &local_error))
    {
      /* json-glib says "<data>:LINE:COLUMN: Parse error: …"; restate it with
       * the real file name. */
      g_autofree char *valid_rest = NULL;
      const char *msg = local_error->message;
      const char *rest = msg;
      char *end;

      line = column = 0;
      if (g_str_has_prefix (msg, "<data>:"))
        {
          line = strtoul (msg + strlen ("<data>:"), &end, 10);
          if (*end == ':')
            column = strtoul (end + 1, &end, 10);
          if (*end == ':')
            rest = end + 1;
          while (*rest == ' ')
            rest++;
          if (g_str_has_prefix (rest, "Parse error: "))
            rest += strlen ("Parse error: ");
        }

      /* It quotes string constants as it decoded them, and it decodes an
       * unpaired surrogate escape ("\ud800") to bytes that are not UTF-8. */
      rest = valid_rest = g_utf8_make_valid (rest, -1);
      if (line > 0)
        g_set_error (error, SIH_ERROR, SIH_ERROR_SYNTAX,
                     "%s: line %u, column %u: not valid JSON: %s",
                     display_name, line, column, rest);
      else
        g_set_error (error, SIH_ERROR, SIH_ERROR_SYNTAX,
                     "%s: not valid JSON: %s", display_name, rest);
      return NULL;
    }

  return json_parser_steal_root (parser);
}

void
sih_json_reader_init (SihJsonReader *reader,
                      const char    *display_name)
{
  memset (reader, 0, sizeof *reader);
  reader->display_name = display_name;
  reader->path = g_string_new (NULL);
  reader->max_string = 16 * 1024;
  reader->max_array = 1000;
}

void
sih_json_reader_clear (SihJsonReader *reader)
{
  if (reader->path != NULL)
    g_string_free (reader->path, TRUE);
  reader->path = NULL;
  g_clear_error (&reader->error);
}

gsize
sih_json_reader_push_member (SihJsonReader *reader,
                             const char    *member)
{
  gsize mark = reader->path->len;

  if (mark > 0)
    g_string_append_c (reader->path, '.');
  g_string_append (reader->path, member);

  return mark;
}

gsize
sih_json_reader_push_index (SihJsonReader *reader,
                            guint          index)
{
  gsize mark = reader->path->len;

  g_string_append_printf (reader->path, "[%u]", index);

  return mark;
}

void
sih_json_reader_pop (SihJsonReader *reader,
                     gsize          mark)
{
  g_string_truncate (reader->path, mark);
}

gboolean
sih_json_reader_failed (SihJsonReader *reader)
{
  return reader->error != NULL;
}

void
sih_json_reader_fail (SihJsonReader *reader,
                      int            code,
                      const char    *format,
                      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  /* The first problem is the one worth reporting. */
  if (reader->error != NULL)
    return;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (reader->path->len > 0)
    reader->error = g_error_new (SIH_ERROR, code, "%s: %s: %s",
                                 reader->display_name, reader->path->str, message);
  else
    reader->error = g_error_new (SIH_ERROR, code, "%s: %s", reader->display_name, message);

  /* Member names and values quoted from the document may hold what
   * json-glib decoded from unpaired surrogate escapes; messages are shown. */
  if (!g_utf8_validate (reader->error->message, -1, NULL))
    {
      char *valid = g_utf8_make_valid (reader->error->message, -1);

      g_free (reader->error->message);
      reader->error->message = valid;
    }
}

static const char *
describe_node (JsonNode *node)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      return "an object";
    case JSON_NODE_ARRAY:
      return "an array";
    case JSON_NODE_NULL:
      return "null";
    case JSON_NODE_VALUE:
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_STRING:
          return "a string";
        case G_TYPE_BOOLEAN:
          return "true or false";
        default:
          return "a number";
        }
    default:
      return "something else";
    }
}

JsonObject *
sih_json_reader_object (SihJsonReader *reader,
                        JsonNode      *node)
{
  if (reader->error != NULL)
    return NULL;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      sih_json_reader_fail (reader, SIH_ERROR_TYPE, "expected an object, found %s",
                            describe_node (node));
      return NULL;
    }

  return json_node_get_object (node);
}

gboolean
sih_json_reader_check_members (SihJsonReader      *reader,
                               JsonObject         *object,
                               const char * const *known)
{
  JsonObjectIter iter;
  const char *name;

  if (reader->error != NULL)
    return FALSE;

  json_object_iter_init (&iter, object);
  while (json_object_iter_next (&iter, &name, NULL))
    {
      if (!g_strv_contains (known, name))
        {
          g_autofree char *expected = g_strjoinv (", ", (char **)known);
          gsize mark = sih_json_reader_push_member (reader, name);

          sih_json_reader_fail (reader, SIH_ERROR_INVALID_VALUE,
                                "unknown member; expected only: %s", expected);
          sih_json_reader_pop (reader, mark);
          return FALSE;
        }
    }

  return TRUE;
}

static JsonNode *
get_member (SihJsonReader *reader,
            JsonObject    *object,
            const char    *member,
            gboolean       required)
{
  JsonNode *node;

  if (reader->error != NULL || object == NULL)
    return NULL;

  node = json_object_get_member (object, member);
  if (node == NULL && required)
    {
      gsize mark = sih_json_reader_push_member (reader, member);
      sih_json_reader_fail (reader, SIH_ERROR_MISSING, "required member is missing");
      sih_json_reader_pop (reader, mark);
    }

  return node;
}

JsonObject *
sih_json_reader_get_object (SihJsonReader *reader,
                            JsonObject    *object,
                            const char    *member,
                            gboolean       required)
{
  JsonNode *node = get_member (reader, object, member, required);
  JsonObject *result;
  gsize mark;

  if (node == NULL)
    return NULL;

  mark = sih_json_reader_push_member (reader, member);
  result = sih_json_reader_object (reader, node);
  sih_json_reader_pop (reader, mark);

  return result;
}

JsonArray *
sih_json_reader_get_array (SihJsonReader *reader,
                           JsonObject    *object,
                           const char    *member,
                           gboolean       required,
                           gboolean       allow_empty)
{
  JsonNode *node = get_member (reader, object, member, required);
  JsonArray *array = NULL;
  gsize mark;

  if (node == NULL)
    return NULL;

  mark = sih_json_reader_push_member (reader, member);

  if (!JSON_NODE_HOLDS_ARRAY (node))
    sih_json_reader_fail (reader, SIH_ERROR_TYPE, "expected an array, found %s",
                          describe_node (node));
  else if (!allow_empty && json_array_get_length (json_node_get_array (node)) == 0)
    sih_json_reader_fail (reader, SIH_ERROR_MISSING, "must not be empty");
  else if (json_array_get_length (json_node_get_array (node)) > reader->max_array)
    sih_json_reader_fail (reader, SIH_ERROR_TOO_LARGE,
                          "has %u elements; at most %u are allowed",
                          json_array_get_length (json_node_get_array (node)),
                          reader->max_array);
  else
    array = json_node_get_array (node);

  sih_json_reader_pop (reader, mark);

  return array;
}

const char *
sih_json_reader_string (SihJsonReader *reader,
                        JsonNode      *node)
{
  const char *value;
  gsize len;

  if (reader->error != NULL)
    return NULL;

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      sih_json_reader_fail (reader, SIH_ERROR_TYPE, "expected a string, found %s",
                            describe_node (node));
      return NULL;
    }

  value = json_node_get_string (node);
  len = strlen (value);

  /* json-glib decodes an unpaired surrogate escape ("\ud800") to bytes
   * that are not UTF-8, after the file itself was checked. */
  if (!g_utf8_validate_len (value, len, NULL))
    {
      sih_json_reader_fail (reader, SIH_ERROR_ENCODING,
                            "the text is not valid UTF-8 (an unpaired surrogate such as "
                            "\\ud800?)");
      return NULL;
    }

  if (len > reader->max_string)
    {
      sih_json_reader_fail (reader, SIH_ERROR_TOO_LARGE,
                            "the text is %" G_GSIZE_FORMAT " bytes long; at most %" G_GSIZE_FORMAT
                            " are allowed", len, reader->max_string);
      return NULL;
    }

  if (is_blank (value, len))
    {
      sih_json_reader_fail (reader, SIH_ERROR_MISSING, "must not be empty");
      return NULL;
    }

  return value;
}

/**
 * sih_json_reader_array_begin:
 * @reader: a reader
 * @object: the object holding the array
 * @member: the array's member
 * @required: whether the member must be there
 * @allow_empty: whether the array may be empty
 * @iter: (out caller-allocates): the walk
 *
 * Starts walking the elements of @member, as sih_json_reader_get_array()
 * checks it.
 *
 * Returns: whether there is an array to walk
 */
gboolean
sih_json_reader_array_begin (SihJsonReader    *reader,
                             JsonObject       *object,
                             const char       *member,
                             gboolean          required,
                             gboolean          allow_empty,
                             SihJsonArrayIter *iter)
{
  memset (iter, 0, sizeof *iter);
  iter->reader = reader;
  iter->array = sih_json_reader_get_array (reader, object, member, required, allow_empty);
  if (iter->array == NULL)
    return FALSE;

  iter->n = json_array_get_length (iter->array);
  iter->member_mark = sih_json_reader_push_member (reader, member);
  return TRUE;
}

/**
 * sih_json_reader_array_next:
 * @iter: a walk started by sih_json_reader_array_begin()
 * @element: (out) (transfer none): the next element
 *
 * Moves to the next element, with the reader's path at it.
 *
 * Returns: %FALSE at the end, or once the reader has failed; the path is
 *   then back where it was before the walk
 */
gboolean
sih_json_reader_array_next (SihJsonArrayIter  *iter,
                            JsonNode         **element)
{
  SihJsonReader *reader = iter->reader;

  if (iter->in_item)
    {
      sih_json_reader_pop (reader, iter->item_mark);
      iter->in_item = FALSE;
    }

  if (iter->array == NULL)
    return FALSE;

  if (iter->next >= iter->n || sih_json_reader_failed (reader))
    {
      sih_json_reader_pop (reader, iter->member_mark);
      iter->array = NULL;
      return FALSE;
    }

  iter->index = iter->next++;
  iter->item_mark = sih_json_reader_push_index (reader, iter->index);
  iter->in_item = TRUE;
  *element = json_array_get_element (iter->array, iter->index);
  return TRUE;
}

const char *
sih_json_reader_get_string (SihJsonReader *reader,
                            JsonObject    *object,
                            const char    *member,
                            gboolean       required)
{
  JsonNode *node = get_member (reader, object, member, required);
  const char *value;
  gsize mark;

  if (node == NULL)
    return NULL;

  mark = sih_json_reader_push_member (reader, member);
  value = sih_json_reader_string (reader, node);
  sih_json_reader_pop (reader, mark);

  return value;
}

gint64
sih_json_reader_get_int (SihJsonReader *reader,
                         JsonObject    *object,
                         const char    *member,
                         gint64         default_value,
                         gboolean       required)
{
  JsonNode *node = get_member (reader, object, member, required);
  gint64 value = default_value;
  gsize mark;

  if (node == NULL)
    return default_value;

  mark = sih_json_reader_push_member (reader, member);
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    sih_json_reader_fail (reader, SIH_ERROR_TYPE, "expected a whole number, found %s",
                          describe_node (node));
  else
    value = json_node_get_int (node);
  sih_json_reader_pop (reader, mark);

  return value;
}

gboolean
sih_json_reader_get_boolean (SihJsonReader *reader,
                             JsonObject    *object,
                             const char    *member,
                             gboolean       default_value)
{
  JsonNode *node = get_member (reader, object, member, FALSE);
  gboolean value = default_value;
  gsize mark;

  if (node == NULL)
    return default_value;

  mark = sih_json_reader_push_member (reader, member);
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    sih_json_reader_fail (reader, SIH_ERROR_TYPE, "expected true or false, found %s",
                          describe_node (node));
  else
    value = json_node_get_boolean (node);
  sih_json_reader_pop (reader, mark);

  return value;
}

gboolean
sih_id_is_valid (const char *id)
{
  gsize len = 0;

  if (id == NULL || !(g_ascii_islower (*id) || g_ascii_isdigit (*id)))
    return FALSE;

  for (const char *p = id; *p != '\0'; p++, len++)
    if (!(g_ascii_islower (*p) || g_ascii_isdigit (*p) || *p == '-' || *p == '_'))
      return FALSE;

  return len <= 64;
}

const char *
sih_json_reader_get_id (SihJsonReader *reader,
                        JsonObject    *object,
                        const char    *member)
{
  const char *value = sih_json_reader_get_string (reader, object, member, TRUE);

  if (value != NULL && !sih_id_is_valid (value))
    {
      gsize mark = sih_json_reader_push_member (reader, member);
      sih_json_reader_fail (reader, SIH_ERROR_INVALID_VALUE,
                            "“%s” is not a valid id; expected up to 64 lowercase letters, "
                            "digits, hyphens or underscores", value);
      sih_json_reader_pop (reader, mark);
      return NULL;
    }

  return value;
}

int
sih_json_reader_get_enum (SihJsonReader *reader,
                          JsonObject    *object,
                          const char    *member,
                          GType          enum_type,
                          int            default_value,
                          gboolean       required)
{
  const char *value = sih_json_reader_get_string (reader, object, member, required);
  g_autoptr(GEnumClass) klass = NULL;
  GEnumValue *found;

  if (value == NULL)
    return default_value;

  klass = g_type_class_ref (enum_type);
  found = g_enum_get_value_by_nick (klass, value);
  if (found == NULL)
    {
      g_autoptr(GString) expected = g_string_new (NULL);
      gsize mark;

      for (guint i = 0; i < klass->n_values; i++)
        g_string_append_printf (expected, "%s“%s”", i > 0 ? ", " : "",
                                klass->values[i].value_nick);

      mark = sih_json_reader_push_member (reader, member);
      sih_json_reader_fail (reader, SIH_ERROR_INVALID_VALUE,
                            "expected one of %s, found “%s”", expected->str, value);
      sih_json_reader_pop (reader, mark);
      return default_value;
    }

  return found->value;
}
