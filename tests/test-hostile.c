/* test-hostile.c: input made to hurt, beyond what the fuzzers try
 *
 * Packs and case files are written by other people, and the case folder
 * can be changed by other programs while the app reads it.  None of that
 * may crash the app, hang it, make it lose or overwrite anything, or write
 * outside its data directory:
 *
 *  - very long strings (20 MB), very many steps (100,000) or entries, very
 *    deep nesting, NUL bytes, invalid UTF-8: refused with an error that
 *    says what and where, quickly and without running out of stack;
 *  - symbolic links in the case folder: a link in place of a case file is
 *    never followed, neither read nor written through, and is set aside;
 *    a link in place of unreadable/ or index.json is never followed
 *    either.  The case folder itself may be a link (people move their data
 *    to another disk that way, and whoever can make that link can write
 *    the user's files anyway): the store works inside its target and
 *    follows nothing within it.  A dangling one is an error, and nothing
 *    is created where it points;
 *  - a FIFO in the case folder, which would block a naive read;
 *  - files rewritten, grown, shrunk or replaced while they are read.  To
 *    change a file exactly between the store's stat() and its read(), this
 *    test defines read() itself, which the dynamic linker prefers to
 *    libc's, and changes the file on the first read() of it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define _GNU_SOURCE
#include "config.h"

#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "core/sih-case-file.h"
#include "core/sih-case-store.h"
#include "core/sih-device-info.h"
#include "core/sih-error.h"
#include "core/sih-json-reader.h"
#include "core/sih-mask.h"
#include "core/sih-pack.h"

#define MB (1024 * 1024)

/* Changing a file while it is read */

typedef void (*ReadHook) (const char *path);

static char *hook_path;   /* the file whose first read() runs hook_func */
static ReadHook hook_func;
static guint hook_calls;

/* Declared in <unistd.h>; this definition takes the place of libc's. */
ssize_t
read (int    fd,
      void  *buf,
      size_t count)
{
  static ssize_t (*real_read) (int, void *, size_t);

  if (real_read == NULL)
    real_read = (ssize_t (*) (int, void *, size_t))dlsym (RTLD_NEXT, "read");

  if (hook_path != NULL)
    {
      char link[64];
      char target[4096];
      ssize_t len;

      g_snprintf (link, sizeof link, "/proc/self/fd/%d", fd);
      len = readlink (link, target, sizeof target - 1);
      if (len > 0)
        {
          target[len] = '\0';
          if (strcmp (target, hook_path) == 0)
            {
              g_autofree char *path = g_steal_pointer (&hook_path);

              hook_calls++;
              hook_func (path);
            }
        }
    }

  return real_read (fd, buf, count);
}

static void
hook_first_read (const char *path,
                 ReadHook    func)
{
  g_autofree char *real = realpath (path, NULL);

  g_assert_nonnull (real);
  g_free (hook_path);
  hook_path = g_strdup (real);
  hook_func = func;
  hook_calls = 0;
}

/* Helpers */

static char *
make_tmp_dir (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("sih-hostile-XXXXXX", &error);

  g_assert_no_error (error);
  /* Canonical, so that paths compare with what /proc/self/fd says. */
  return realpath (dir, NULL);
}

static void
remove_tree (const char *path)
{
  struct stat st;

  if (g_lstat (path, &st) != 0)
    return;
  if (S_ISDIR (st.st_mode))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      g_chmod (path, 0700);
      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    {
      g_unlink (path);
    }
}

static void
write_file (const char *path,
            const char *data,
            gssize      len)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, data, len, &error);
  g_assert_no_error (error);
}

static GBytes *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *data = NULL;
  gsize len;

  g_file_get_contents (path, &data, &len, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (data, len);
}

static gboolean
is_symlink (const char *path)
{
  struct stat st;

  return g_lstat (path, &st) == 0 && S_ISLNK (st.st_mode);
}

static guint
count_entries (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  guint n = 0;

  while (dir != NULL && g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

/* A valid pack, with @title and the causes @causes (JSON array members). */
static GBytes *
pack_bytes (const char *title,
            const char *causes)
{
  char *text = g_strdup_printf (
    "{\"format\": 1, \"id\": \"test-pack\", \"version\": \"1.0\", \"title\": \"%s\",\n"
    " \"service\": \"Example\", \"updated\": \"2026-01-31\", \"disclaimer\": \"None.\",\n"
    " \"causes\": [%s],\n"
    " \"contact\": {\"intro\": \"Intro.\", \"prepare\": [{\"id\": \"a\", \"label\": \"A\"}],\n"
    "   \"routes\": [{\"id\": \"r\", \"title\": \"R\", \"detail\": \"D.\"}],\n"
    "   \"scam_warning\": \"Beware.\"}}\n",
    title, causes);

  return g_bytes_new_take (text, strlen (text));
}

static void
append_cause (GString    *out,
              const char *id,
              guint       n_steps,
              const char *detail)
{
  g_string_append_printf (out,
    "%s{\"id\": \"%s\", \"title\": \"T\", \"summary\": \"S.\", \"icon\": \"x-symbolic\",\n"
    " \"urgency\": \"normal\", \"symptoms\": [], \"error_messages\": [], \"escalate\": \"E.\",\n"
    " \"steps\": [", out->len > 0 ? ",\n" : "", id);
  for (guint i = 0; i < n_steps; i++)
    g_string_append_printf (out, "%s{\"id\": \"s%u\", \"title\": \"T\", \"detail\": \"%s\", "
                            "\"kind\": \"check\"}\n", i > 0 ? "," : "", i, detail);
  g_string_append (out, "]}");
}

static GBytes *
simple_pack_bytes (const char *title,
                   const char *detail)
{
  g_autoptr(GString) causes = g_string_new (NULL);

  append_cause (causes, "first", 1, detail);
  return pack_bytes (title, causes->str);
}

static SihPack *
load_pack (GBytes  *bytes,
           GError **error)
{
  SihPack *pack = sih_pack_new_from_bytes (bytes, "hostile.json", NULL, error);

  /* Whatever goes wrong, the message is text a person can read. */
  if (pack == NULL)
    {
      g_assert_nonnull (*error);
      g_test_message ("%s", (*error)->message);
      g_assert_true (g_utf8_validate ((*error)->message, -1, NULL));
      g_assert_true (g_str_has_prefix ((*error)->message, "hostile.json: "));
    }
  return pack;
}

/* A valid case file with @members (JSON object members) added. */
static GBytes *
case_bytes (const char *id,
            const char *members)
{
  char *text = g_strdup_printf (
    "{\"format\": 1, \"kind\": \"signin-helper-case\", \"id\": \"%s\",\n"
    " \"pack\": {\"id\": \"test-pack\"}, \"created\": \"2026-01-31T09:30:00+09:00\",\n"
    " \"updated\": \"2026-01-31T09:30:00+09:00\"%s%s}\n",
    id, *members != '\0' ? ",\n " : "", members);

  return g_bytes_new_take (text, strlen (text));
}

static SihCase *
load_case (GBytes  *bytes,
           GError **error)
{
  SihCase *c = sih_case_file_load_bytes (bytes, "hostile.json", error);

  if (c == NULL)
    {
      g_assert_nonnull (*error);
      g_test_message ("%s", (*error)->message);
      g_assert_true (g_utf8_validate ((*error)->message, -1, NULL));
      g_assert_true (g_str_has_prefix ((*error)->message, "hostile.json: "));
    }
  return c;
}

static char *
repeat (char  ch,
        gsize n)
{
  char *s = g_malloc (n + 1);

  memset (s, ch, n);
  s[n] = '\0';
  return s;
}

/* Opening a case store */

typedef struct
{
  char         *root;     /* everything the test makes is in here */
  char         *data;     /* root/data: the data directory */
  char         *dir;      /* root/data/cases */
  char         *outside;  /* root/outside: not ours */
  SihCaseStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  user_data)
{
  f->root = make_tmp_dir ();
  f->data = g_build_filename (f->root, "data", NULL);
  f->dir = g_build_filename (f->data, "cases", NULL);
  f->outside = g_build_filename (f->root, "outside", NULL);
  g_assert_cmpint (g_mkdir_with_parents (f->dir, 0700), ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (f->outside, 0700), ==, 0);
}

static void
wait_idle (SihCaseStore *store)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (sih_case_store_get_busy (store))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
}

static void
store_close (Fixture *f)
{
  if (f->store == NULL)
    return;
  wait_idle (f->store);
  sih_case_store_flush (f->store, NULL);
  wait_idle (f->store);
  g_assert_finalize_object (g_steal_pointer (&f->store));
}

static GPtrArray *
store_open (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  store_close (f);
  f->store = sih_case_store_new (f->dir);
  sih_case_store_set_save_delay (f->store, 10);
  g_assert_true (sih_case_store_open (f->store, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < sih_case_store_get_unreadable (f->store)->len; i++)
    {
      SihUnreadableCase *report = g_ptr_array_index (sih_case_store_get_unreadable (f->store), i);

      g_test_message ("unreadable: %s → %s: %s", report->path,
                      report->moved_to != NULL ? report->moved_to : "(left)",
                      report->error->message);
      g_assert_true (g_utf8_validate (report->error->message, -1, NULL));
    }
  return sih_case_store_get_unreadable (f->store);
}

static guint
n_cases (Fixture *f)
{
  return g_list_model_get_n_items (sih_case_store_get_cases (f->store));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  user_data)
{
  store_close (f);
  remove_tree (f->root);
  g_free (f->root);
  g_free (f->data);
  g_free (f->dir);
  g_free (f->outside);
  g_clear_pointer (&hook_path, g_free);
}

static char *
case_path (Fixture    *f,
           const char *id)
{
  g_autofree char *name = g_strconcat (id, ".json", NULL);

  return g_build_filename (f->dir, name, NULL);
}

static void
write_case_file (const char *path,
                 const char *id,
                 const char *title)
{
  g_autofree char *members = g_strdup_printf ("\"title\": \"%s\"", title);
  g_autoptr(GBytes) bytes = case_bytes (id, members);

  write_file (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

/* Packs */

static void
test_pack_huge_string (void)
{
  g_autofree char *huge = repeat ('x', 20 * MB);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) title = simple_pack_bytes (huge, "Do it.");
  g_autoptr(GBytes) detail = simple_pack_bytes ("Title", huge);
  g_autoptr(SihPack) pack = NULL;

  pack = load_pack (title, &error);
  g_assert_null (pack);
  g_assert_error (error, SIH_ERROR, SIH_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, ": title: "));
  g_clear_error (&error);

  pack = load_pack (detail, &error);
  g_assert_null (pack);
  g_assert_error (error, SIH_ERROR, SIH_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "causes[0].steps[0].detail"));
}

static void
test_pack_huge_file (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "huge.json", NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SihPack) pack = NULL;
  int fd;

  /* A sparse file: refused for its size, before it is read. */
  fd = g_open (path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, SIH_JSON_MAX_FILE_SIZE + 1), ==, 0);
  close (fd);

  pack = sih_pack_new_from_file (path, NULL, &error);
  g_assert_null (pack);
  g_assert_error (error, SIH_ERROR, SIH_ERROR_TOO_LARGE);
  g_clear_error (&error);

  bytes = g_bytes_new_take (g_malloc0 (SIH_JSON_MAX_FILE_SIZE + 1), SIH_JSON_MAX_FILE_SIZE + 1);
  pack = load_pack (bytes, &error);
  g_assert_null (pack);
  g_assert_error (error, SIH_ERROR, SIH_ERROR_TOO_LARGE);

  remove_tree (dir);
}

static void
test_pack_many_steps (void)
{
  g_autoptr(GString) one_cause = g_string_new (NULL);
  g_autoptr(GString) many_causes = g_string_new (NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SihPack) pack = NULL;

  /* 100,000 steps in one cause. */
  append_cause (one_cause, "first", 100000, "Do it.");
  bytes = pack_bytes ("Title", one_cause->str);
  pack = load_pack (bytes, &error);
  g_assert_null (pack);
  g_assert_error (error, SIH_ERROR, SIH_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "causes[0].steps: has 100000 elements"));
  g_clear_error (&error);
  g_clear_pointer (&bytes, g_bytes_unref);

  /* 100,000 steps in 500 causes of 200: each cause is fine, the pack not. */
  for (guint i = 0; i < 500; i++)
    {
      g_autofree char *id = g_strdup_printf ("c%u", i);
      append_cause (many_causes, id, 200, "Do it.");
    }
  bytes = pack_bytes ("Title", many_causes->str);
  pack = load_pack (bytes, &error);
  g_assert_null (pack);
  g_assert_error (error, SIH_ERROR, SIH_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "steps in all"));
}

/* @open and @close around @inner, @depth times: "[[[…]]]". */
static GBytes *
nested (const char *prefix,
        const char *open,
        const char *inner,
        const char *close,
        const char *suffix,
        guint       depth)
{
  GString *out = g_string_new (prefix);

  for (guint i = 0; i < depth; i++)
    g_string_append (out, open);
  g_string_append (out, inner);
  for (guint i = 0; i < depth; i++)
    g_string_append (out, close);
  g_string_append (out, suffix);

  return g_string_free_to_bytes (out);
}

typedef struct
{
  GBytes *bytes;
  int     code;
} Expected;

static void
check_nesting (gboolean is_case)
{
  const char *head = is_case ? "{\"format\": 1, \"kind\": \"signin-helper-case\", \"x\": "
                             : "{\"format\": 1, \"x\": ";
  Expected expected[] = {
    /* Far too deep, as arrays and as objects. */
    { nested (head, "[", "", "]", "}", 100000), SIH_ERROR_TOO_DEEP },
    { nested (head, "{\"a\":", "1", "}", "}", 100000), SIH_ERROR_TOO_DEEP },
    { nested ("", "[", "", "]", "", 1000000), SIH_ERROR_TOO_DEEP },
    /* Just too deep: 33 levels in all. */
    { nested (head, "[", "", "]", "}", SIH_JSON_MAX_DEPTH), SIH_ERROR_TOO_DEEP },
    /* Brackets inside a string are text, however many. */
    { nested (head, "\"", "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[", "\"", "}", 1), 0 },
    /* json-glib's extensions would hide the nesting from the depth check,
     * and its parser would then overflow the stack: refused. */
    { nested ("{\"format\": 1, \"x\": ['\"', ", "[", "", "]", "]}", 200000), SIH_ERROR_SYNTAX },
    { nested ("{\"format\": 1, \"x\": [/* \" */ ", "[", "", "]", "]}", 200000), SIH_ERROR_SYNTAX },
  };

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(GError) error = NULL;

      if (is_case)
        {
          g_autoptr(SihCase) c = load_case (expected[i].bytes, &error);
          g_assert_null (c);
        }
      else
        {
          g_autoptr(SihPack) pack = load_pack (expected[i].bytes, &error);
          g_assert_null (pack);
        }
      if (expected[i].code == 0)
        {
          /* Refused for the unknown member "x", not for its depth. */
          g_assert_error (error, SIH_ERROR, SIH_ERROR_INVALID_VALUE);
        }
      else
        {
          g_assert_error (error, SIH_ERROR, expected[i].code);
        }
      g_bytes_unref (expected[i].bytes);
    }

  /* 32 levels are allowed: the complaint is about the member, not the depth. */
  {
    g_autoptr(GBytes) bytes = nested (head, "[", "", "]", "}", SIH_JSON_MAX_DEPTH - 1);
    g_autoptr(GError) error = NULL;

    if (is_case)
      {
        g_autoptr(SihCase) c = load_case (bytes, &error);
        g_assert_null (c);
      }
    else
      {
        g_autoptr(SihPack) pack = load_pack (bytes, &error);
        g_assert_null (pack);
      }
    g_assert_true (error->domain == SIH_ERROR);
    g_assert_cmpint (error->code, !=, SIH_ERROR_TOO_DEEP);
    g_assert_cmpint (error->code, !=, SIH_ERROR_SYNTAX);
  }
}

static void
test_pack_deep_nesting (void)
{
  check_nesting (FALSE);
}

static void
test_pack_nul_bytes (void)
{
  static const char raw[] = "{\"format\": 1, \"title\": \"A\0B\"}";
  g_autoptr(GBytes) bytes = g_bytes_new_static (raw, sizeof raw - 1);
  g_autoptr(GBytes) escaped = simple_pack_bytes ("Before\\u0000after", "Do it.");
  g_autoptr(GError) error = NULL;
  g_autoptr(SihPack) pack = NULL;

  pack = load_pack (bytes, &error);
  g_assert_null (pack);
  g_assert_error (error, SIH_ERROR, SIH_ERROR_ENCODING);
  g_assert_nonnull (strstr (error->message, "line 1, column 26: the file contains a NUL byte"));
  g_clear_error (&error);

  /* An escaped NUL: json-glib ends the string there.  Odd, not harmful. */
  pack = load_pack (escaped, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sih_pack_get_title (pack), ==, "Before");
}

static void
test_pack_invalid_utf8 (void)
{
  static const struct
  {
    const char *title;
    int         code;
    const char *where;
  } titles[] = {
    { "\xff\xfe", SIH_ERROR_ENCODING, "line 1, column 62: the text is not valid UTF-8" },
    /* Overlong "/", and a surrogate encoded directly. */
    { "\xc0\xaf", SIH_ERROR_ENCODING, "not valid UTF-8" },
    { "\xed\xa0\x80", SIH_ERROR_ENCODING, "not valid UTF-8" },
    { "Cut \xe3\x81", SIH_ERROR_ENCODING, "not valid UTF-8" },
    /* Unpaired surrogate escapes, which json-glib would decode into bytes
     * that are not UTF-8 (and, with another escape after a high surrogate,
     * leak the string it was reading): refused before it parses, at the
     * escape.  The title starts at column 62. */
    { "x\\ud800", SIH_ERROR_ENCODING, "line 1, column 63: a high surrogate escape without" },
    { "x\\ud800yz", SIH_ERROR_ENCODING, "line 1, column 63: a high surrogate escape without" },
    { "\\ud800\\ud800", SIH_ERROR_ENCODING, "line 1, column 62: a high surrogate" },
    { "\\ud80c\\ud80n", SIH_ERROR_ENCODING, "line 1, column 62: a high surrogate" },
    { "\\uD83D\\u0041", SIH_ERROR_ENCODING, "line 1, column 62: a high surrogate" },
    { "x\\udc00y", SIH_ERROR_ENCODING, "line 1, column 63: a low surrogate escape without" },
    { "\\ud83d\\ude00\\ude00", SIH_ERROR_ENCODING, "line 1, column 74: a low surrogate" },
    /* Escapes that are not JSON's.  json-glib 1.6 read "\udEE" and the
     * closing quote as one escape, went on past the string and leaked it
     * (found by fuzz-case-file). */
    { "\\udEE", SIH_ERROR_SYNTAX, "line 1, column 62: not valid JSON: \\u must be followed by four" },
    { "x\\u12", SIH_ERROR_SYNTAX, "line 1, column 63: not valid JSON: \\u must be followed by four" },
    { "x\\uzzzz", SIH_ERROR_SYNTAX, "\\u must be followed by four hexadecimal digits" },
    { "x\\q", SIH_ERROR_SYNTAX, "line 1, column 63: not valid JSON: a backslash must be followed by" },
    { "x\\\xe3\x81\x82", SIH_ERROR_SYNTAX, "a backslash must be followed by" },
    /* JSON's own escapes are all fine. */
    { "\\\"\\\\\\/\\b\\f\\n\\r\\t\\u0041", -1, "\"\\/\b\f\n\r\tA" },
    /* Not escapes: an escaped backslash before "ud800". */
    { "\\\\ud800", -1, "\\ud800" },
    /* A pair is fine, in either case. */
    { "\\ud83d\\ude00", -1, "\xf0\x9f\x98\x80" },
    { "\\uD83D\\uDE00", -1, "\xf0\x9f\x98\x80" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      g_autoptr(GBytes) bytes = simple_pack_bytes (titles[i].title, "Do it.");
      g_autoptr(GError) error = NULL;
      g_autoptr(SihPack) pack = load_pack (bytes, &error);

      if (titles[i].code < 0)
        {
          g_assert_no_error (error);
          g_assert_cmpstr (sih_pack_get_title (pack), ==, titles[i].where);
          continue;
        }
      g_assert_null (pack);
      g_assert_error (error, SIH_ERROR, titles[i].code);
      g_assert_nonnull (strstr (error->message, titles[i].where));
    }

  /* An unknown member named with such an escape: still a readable message. */
  {
    static const char text[] = "{\"format\": 1, \"a\\udc00\": 1}";
    g_autoptr(GBytes) bytes = g_bytes_new_static (text, sizeof text - 1);
    g_autoptr(GError) error = NULL;
    g_autoptr(SihPack) pack = load_pack (bytes, &error);

    g_assert_null (pack);
  }
}

static void
test_pack_second_document (void)
{
  g_autoptr(GBytes) one = simple_pack_bytes ("One", "Do it.");
  g_autoptr(GBytes) two = simple_pack_bytes ("Two", "Do it.");
  g_autofree char *both = g_strdup_printf ("%s\n%s", (const char *)g_bytes_get_data (one, NULL),
                                           (const char *)g_bytes_get_data (two, NULL));
  g_autoptr(GBytes) bytes = g_bytes_new_static (both, strlen (both));
  g_autoptr(GError) error = NULL;
  g_autoptr(SihPack) pack = NULL;

  /* json-glib would load the second and leak the first. */
  pack = load_pack (bytes, &error);
  g_assert_null (pack);
  g_assert_error (error, SIH_ERROR, SIH_ERROR_SYNTAX);
  g_assert_nonnull (strstr (error->message, "more text after the end of the document"));
}

/* Cases */

static void
test_case_huge_note (void)
{
  g_autofree char *huge = repeat ('n', 20 * MB);
  g_autofree char *members = g_strdup_printf (
    "\"records\": [{\"cause\": \"c\", \"step\": \"s\", \"outcome\": \"failed\", \"note\": \"%s\"}]",
    huge);
  g_autoptr(GBytes) bytes = case_bytes ("huge", members);
  g_autoptr(GError) error = NULL;
  g_autoptr(SihCase) c = NULL;
  g_autoptr(SihCase) again = NULL;
  g_autoptr(GBytes) saved = NULL;

  c = load_case (bytes, &error);
  g_assert_null (c);
  g_assert_error (error, SIH_ERROR, SIH_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "records[0].note"));
  g_clear_error (&error);

  /* Typed (or pasted) into the app, it is cut so that the case can be
   * saved and read back. */
  c = sih_case_new ("test-pack", NULL);
  sih_case_set_note (c, "c", "s", huge);
  g_assert_cmpuint (strlen (sih_case_get_note (c, "c", "s")), ==, SIH_CASE_MAX_TEXT);
  saved = sih_case_file_to_bytes (c);
  again = load_case (saved, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sih_case_get_note (again, "c", "s"), ==, sih_case_get_note (c, "c", "s"));
}

static void
test_case_many_entries (void)
{
  GString *history = g_string_new ("\"history\": [");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SihCase) c = NULL;
  g_autofree char *members = NULL;

  for (guint i = 0; i < SIH_CASE_MAX_ENTRIES + 1; i++)
    g_string_append_printf (history, "%s{\"time\": \"2026-01-31T09:30:00Z\", \"cause\": \"c\", "
                            "\"step\": \"s\", \"from\": \"not-tried\", \"to\": \"worked\"}",
                            i > 0 ? "," : "");
  g_string_append (history, "]");
  members = g_string_free (history, FALSE);
  bytes = case_bytes ("many", members);

  c = load_case (bytes, &error);
  g_assert_null (c);
  g_assert_error (error, SIH_ERROR, SIH_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "history: has 100001 elements"));
}

static void
test_case_deep_nesting (void)
{
  check_nesting (TRUE);
}

static void
test_case_nul_and_utf8 (void)
{
  static const struct
  {
    const char *members;
    int         code;
  } cases[] = {
    { "\"title\": \"\xff\"", SIH_ERROR_ENCODING },
    { "\"title\": \"x\\ud800yz\"", SIH_ERROR_ENCODING },
    { "\"details\": {\"error-message\": \"\\udfffyz\"}", SIH_ERROR_ENCODING },
    { "\"details\": {\"\\ud800\": \"x\"}", SIH_ERROR_ENCODING },
    /* json-glib 1.6 leaked the string when an escape that is not a low
     * surrogate came after a high one (found by fuzz-case-file). */
    { "\"id\": \"04wd7a-4c\\ud80c\\ud80nakr\"", SIH_ERROR_ENCODING },
    { "\"records\": [{\"cause\": \"c\", \"step\": \"s\", \"outcome\": \"failed\", "
      "\"note\": \"\\ud800yz\"}]", SIH_ERROR_ENCODING },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) bytes = case_bytes ("utf8", cases[i].members);
      g_autoptr(GError) error = NULL;
      g_autoptr(SihCase) c = load_case (bytes, &error);

      g_assert_null (c);
      if (cases[i].code < 0)
        g_assert_true (error->domain == SIH_ERROR);
      else
        g_assert_error (error, SIH_ERROR, cases[i].code);
    }

  /* A raw NUL byte. */
  {
    g_autoptr(GBytes) good = case_bytes ("nul", "\"title\": \"AB\"");
    g_autofree char *data = g_memdup2 (g_bytes_get_data (good, NULL), g_bytes_get_size (good));
    g_autoptr(GBytes) bytes = NULL;
    g_autoptr(GError) error = NULL;
    g_autoptr(SihCase) c = NULL;

    *strstr (data, "AB") = '\0';
    bytes = g_bytes_new_static (data, g_bytes_get_size (good));
    c = load_case (bytes, &error);
    g_assert_null (c);
    g_assert_error (error, SIH_ERROR, SIH_ERROR_ENCODING);
    g_assert_nonnull (strstr (error->message, "NUL byte"));
  }

  /* Typed into the app, invalid UTF-8 is repaired, so the file reads back. */
  {
    g_autoptr(SihCase) c = sih_case_new ("test-pack", NULL);
    g_autoptr(SihCase) again = NULL;
    g_autoptr(GBytes) saved = NULL;
    g_autoptr(GError) error = NULL;

    sih_case_set_title (c, "Bad \xff\xfe title");
    sih_case_set_note (c, "c", "s", "Cut \xe3\x81");
    saved = sih_case_file_to_bytes (c);
    again = load_case (saved, &error);
    g_assert_no_error (error);
    g_assert_true (g_utf8_validate (sih_case_get_title (again), -1, NULL));
    g_assert_true (g_utf8_validate (sih_case_get_note (again, "c", "s"), -1, NULL));
  }
}

/* Masking and os-release with the same inputs */

static void
test_mask_and_os_release (void)
{
  g_autofree char *huge = repeat ('9', 1 * MB);
  g_autoptr(GHashTable) fields = NULL;
  g_autofree char *masked = NULL;
  static const char os_release[] =
    "NAME=\"Bad\xff\"\nID=ok\nVERSION=\"1\0hidden\"\nPRETTY_NAME=\"x\\ud800\"\n";

  /* Two addresses run together: both masked, nothing overlaps. */
  masked = sih_mask_text ("a@b.cd@e.fg", SIH_MASK_DEFAULT);
  g_assert_cmpstr (masked, ==, "a***@b***.cd@e.fg");
  g_clear_pointer (&masked, g_free);

  /* A megabyte of digits is no phone number, and takes no time. */
  masked = sih_mask_text (huge, SIH_MASK_DEFAULT);
  g_assert_nonnull (masked);
  g_clear_pointer (&masked, g_free);

  /* Invalid UTF-8 lines are skipped; the text ends at a NUL. */
  fields = sih_os_release_parse (os_release, sizeof os_release - 1);
  g_assert_cmpstr (g_hash_table_lookup (fields, "NAME"), ==, "Linux");
  g_assert_cmpstr (g_hash_table_lookup (fields, "ID"), ==, "ok");
  g_assert_null (g_hash_table_lookup (fields, "VERSION"));
  g_assert_cmpstr (g_hash_table_lookup (fields, "PRETTY_NAME"), ==, "Linux");
  g_clear_pointer (&fields, g_hash_table_unref);

  fields = sih_os_release_parse (NULL, 0);
  g_assert_cmpstr (g_hash_table_lookup (fields, "ID"), ==, "linux");
}

/* Links in the case folder */

/* Imports a file whose case is not saved yet. */
static SihCaseInfo *
import_new (SihCaseStore  *store,
            GFile         *file,
            GError       **error)
{
  g_autoptr(SihImport) import = sih_case_store_check_import (store, file, error);

  if (import == NULL)
    return NULL;
  g_assert_cmpint (import->conflict, ==, SIH_IMPORT_NEW);
  return sih_case_store_finish_import (store, import, SIH_IMPORT_ADD, error);
}

static void
test_store_symlinked_case (Fixture       *f,
                           gconstpointer  user_data)
{
  g_autofree char *target = g_build_filename (f->outside, "someone-elses.json", NULL);
  g_autofree char *link = case_path (f, "linked");
  g_autofree char *unreadable = g_build_filename (f->dir, "unreadable", NULL);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SihCase) c = NULL;
  g_autoptr(SihCaseInfo) info = NULL;
  g_autoptr(GFile) file = NULL;
  GPtrArray *reports;
  SihUnreadableCase *report;

  /* A perfectly good case, with the link's id, but outside. */
  write_case_file (target, "linked", "Not ours");
  before = read_file (target);
  g_assert_cmpint (symlink (target, link), ==, 0);

  /* Listed as unreadable, the link (not the file) set aside. */
  reports = store_open (f);
  g_assert_cmpuint (n_cases (f), ==, 0);
  g_assert_cmpuint (reports->len, ==, 1);
  report = g_ptr_array_index (reports, 0);
  g_assert_error (report->error, SIH_ERROR, SIH_ERROR_IO);
  g_assert_nonnull (strstr (report->error->message, "symbolic link"));
  g_assert_nonnull (report->moved_to);
  g_assert_true (g_str_has_prefix (report->moved_to, unreadable));
  g_assert_true (is_symlink (report->moved_to));
  g_assert_false (is_symlink (link));

  /* Put back while the app runs: loading it refuses to follow it. */
  g_assert_cmpint (symlink (target, link), ==, 0);
  c = sih_case_store_load (f->store, "linked", &error);
  g_assert_null (c);
  g_assert_error (error, SIH_ERROR, SIH_ERROR_IO);
  g_clear_error (&error);

  /* Importing a case with that id never writes through the link: it
   * gets an id of its own. */
  g_assert_cmpint (symlink (target, link), ==, 0);
  {
    g_autofree char *import_path = g_build_filename (f->root, "linked.json", NULL);

    write_case_file (import_path, "linked", "Imported");
    file = g_file_new_for_path (import_path);
  }
  info = import_new (f->store, file, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sih_case_info_get_id (info), !=, "linked");
  g_assert_true (is_symlink (link));

  /* Deleting everything deletes links, never what they point to. */
  g_assert_true (sih_case_store_delete_all (f->store, &error));
  g_assert_no_error (error);
  wait_idle (f->store);

  after = read_file (target);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_cmpuint (count_entries (f->outside), ==, 1);
}

static void
test_store_symlinked_unreadable (Fixture       *f,
                                 gconstpointer  user_data)
{
  g_autofree char *unreadable = g_build_filename (f->dir, "unreadable", NULL);
  g_autofree char *precious = g_build_filename (f->outside, "precious.txt", NULL);
  g_autofree char *bad = case_path (f, "bad");
  g_autoptr(GError) error = NULL;
  GPtrArray *reports;
  SihUnreadableCase *report;

  /* unreadable/ leads to a folder of someone else's files. */
  write_file (precious, "precious", -1);
  g_assert_cmpint (symlink (f->outside, unreadable), ==, 0);
  write_file (bad, "not a case", -1);

  /* Reported, but not moved through the link. */
  reports = store_open (f);
  g_assert_cmpuint (reports->len, ==, 1);
  report = g_ptr_array_index (reports, 0);
  g_assert_null (report->moved_to);
  g_assert_nonnull (strstr (report->error->message, "not a folder"));
  g_assert_true (g_file_test (bad, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpuint (count_entries (f->outside), ==, 1);

  /* "Delete all data" removes the link, not the folder's files. */
  g_assert_true (sih_case_store_delete_all (f->store, &error));
  g_assert_no_error (error);
  g_assert_false (is_symlink (unreadable));
  g_assert_true (g_file_test (precious, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpuint (count_entries (f->outside), ==, 1);
}

static void
test_store_symlinked_index (Fixture       *f,
                            gconstpointer  user_data)
{
  g_autofree char *index = g_build_filename (f->dir, "index.json", NULL);
  g_autofree char *target = g_build_filename (f->outside, "index.json", NULL);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autofree char *good = case_path (f, "good");
  struct stat st;

  write_file (target, "{\"format\":1}", -1);
  before = read_file (target);
  g_assert_cmpint (symlink (target, index), ==, 0);
  write_case_file (good, "good", "Good");

  /* Not read, and replaced rather than written through. */
  store_open (f);
  g_assert_cmpuint (n_cases (f), ==, 1);
  store_close (f);

  after = read_file (target);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_cmpint (g_lstat (index, &st), ==, 0);
  g_assert_true (S_ISREG (st.st_mode));
}

static void
test_store_symlinked_folder (Fixture       *f,
                             gconstpointer  user_data)
{
  g_autofree char *moved = g_build_filename (f->outside, "moved-cases", NULL);
  g_autofree char *moved_case = g_build_filename (moved, "good.json", NULL);
  g_autofree char *import_path = g_build_filename (f->root, "import.json", NULL);
  g_autofree char *dangling = g_build_filename (f->outside, "gone", NULL);
  g_autoptr(GFile) file = NULL;
  g_autoptr(SihCaseInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *imported = NULL;

  /* The case folder moved to another disk, with a link in its place. */
  g_assert_cmpint (g_mkdir (moved, 0700), ==, 0);
  write_case_file (moved_case, "good", "Good");
  g_assert_cmpint (g_rmdir (f->dir), ==, 0);
  g_assert_cmpint (symlink (moved, f->dir), ==, 0);

  store_open (f);
  g_assert_cmpuint (n_cases (f), ==, 1);
  write_case_file (import_path, "imported", "Imported");
  file = g_file_new_for_path (import_path);
  info = import_new (f->store, file, &error);
  g_assert_no_error (error);
  imported = g_build_filename (moved, "imported.json", NULL);
  g_assert_true (g_file_test (imported, G_FILE_TEST_IS_REGULAR));
  store_close (f);

  /* A link to nowhere: an error, and nothing is made where it points. */
  g_assert_cmpint (g_unlink (f->dir), ==, 0);
  g_assert_cmpint (symlink (dangling, f->dir), ==, 0);
  f->store = sih_case_store_new (f->dir);
  g_assert_false (sih_case_store_open (f->store, &error));
  g_assert_error (error, SIH_ERROR, SIH_ERROR_IO);
  g_assert_false (g_file_test (dangling, G_FILE_TEST_EXISTS));
}

/* Files that are not files, and files that change */

static void
test_store_fifo (Fixture       *f,
                 gconstpointer  user_data)
{
  g_autofree char *fifo = case_path (f, "fifo");
  g_autoptr(GError) error = NULL;
  g_autoptr(SihCase) c = NULL;
  g_autoptr(SihPack) pack = NULL;
  GPtrArray *reports;
  SihUnreadableCase *report;

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);

  /* Nobody writes to it: a blocking read would hang here for ever (and
   * the test time out). */
  reports = store_open (f);
  g_assert_cmpuint (reports->len, ==, 1);
  report = g_ptr_array_index (reports, 0);
  g_assert_error (report->error, SIH_ERROR, SIH_ERROR_IO);
  g_assert_nonnull (strstr (report->error->message, "not a regular file"));

  c = sih_case_store_load (f->store, "fifo", &error);
  g_assert_null (c);
  g_assert_error (error, SIH_ERROR, SIH_ERROR_IO);
  g_clear_error (&error);

  c = sih_case_file_load (fifo, &error);
  g_assert_null (c);
  g_assert_error (error, SIH_ERROR, SIH_ERROR_IO);
  g_clear_error (&error);

  pack = sih_pack_new_from_file (fifo, NULL, &error);
  g_assert_null (pack);
  g_assert_error (error, SIH_ERROR, SIH_ERROR_IO);
}

static void
rewrite_shorter (const char *path)
{
  int fd = g_open (path, O_WRONLY | O_TRUNC, 0);
  g_autoptr(GBytes) bytes = case_bytes ("changing", "\"title\": \"New\"");

  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (write (fd, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes)), ==,
                   (gssize)g_bytes_get_size (bytes));
  close (fd);
}

static void
rewrite_same_size (const char *path)
{
  g_autoptr(GBytes) bytes = read_file (path);
  g_autofree char *data = g_memdup2 (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  int fd = g_open (path, O_WRONLY, 0);

  memcpy (strstr (data, "Old title, long"), "New title, long", 15);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (write (fd, data, g_bytes_get_size (bytes)), ==, (gssize)g_bytes_get_size (bytes));
  close (fd);
}

static void
append_text (const char *path)
{
  int fd = g_open (path, O_WRONLY | O_APPEND, 0);

  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (write (fd, "\n\n", 2), ==, 2);
  close (fd);
}

static char *replacement;

static void
replace_file (const char *path)
{
  g_assert_cmpint (g_rename (replacement, path), ==, 0);
}

static void
check_changed_while_read (Fixture    *f,
                          ReadHook    change,
                          const char *expected_title)
{
  g_autofree char *path = case_path (f, "changing");
  g_autoptr(GBytes) changed = NULL;
  GPtrArray *reports;
  SihUnreadableCase *report;
  struct timespec old_times[2] = { { 946684800, 0 }, { 946684800, 0 } };

  write_case_file (path, "changing", "Old title, long");
  /* Old enough that any change moves its time on. */
  g_assert_cmpint (utimensat (AT_FDCWD, path, old_times, 0), ==, 0);

  hook_first_read (path, change);
  reports = store_open (f);
  g_assert_cmpuint (hook_calls, ==, 1);

  /* Reported, not listed, and left where it is to be read again. */
  g_assert_cmpuint (n_cases (f), ==, 0);
  g_assert_cmpuint (reports->len, ==, 1);
  report = g_ptr_array_index (reports, 0);
  g_assert_error (report->error, SIH_ERROR, SIH_ERROR_IO);
  g_assert_nonnull (strstr (report->error->message, "changed while it was read"));
  g_assert_null (report->moved_to);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  changed = read_file (path);

  /* Next time it is read as it is now. */
  reports = store_open (f);
  if (expected_title != NULL)
    {
      g_assert_cmpuint (reports->len, ==, 0);
      g_assert_cmpuint (n_cases (f), ==, 1);
      g_assert_cmpstr (sih_case_info_get_title (sih_case_store_lookup (f->store, "changing")), ==,
                       expected_title);
    }
  else
    {
      /* Grown by blank lines: still a good file. */
      g_assert_cmpuint (n_cases (f), ==, 1);
    }
  store_close (f);

  /* Unchanged by the store. */
  {
    g_autoptr(GBytes) now = read_file (path);
    g_assert_true (g_bytes_equal (changed, now));
  }
  g_unlink (path);
}

static void
test_store_changed_while_read (Fixture       *f,
                               gconstpointer  user_data)
{
  check_changed_while_read (f, rewrite_shorter, "New");
  check_changed_while_read (f, rewrite_same_size, "New title, long");
  check_changed_while_read (f, append_text, NULL);
}

static void
test_store_replaced_while_read (Fixture       *f,
                                gconstpointer  user_data)
{
  g_autofree char *path = case_path (f, "replaced");
  g_autofree char *target = g_build_filename (f->outside, "target.json", NULL);
  g_autofree char *link_path = g_build_filename (f->root, "link.json", NULL);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  GPtrArray *reports;

  /* Replaced by another file (a rename, as careful programs write): what
   * was opened is read whole, and the next start sees the new one. */
  write_case_file (path, "replaced", "Old");
  replacement = g_build_filename (f->root, "new.json", NULL);
  write_case_file (replacement, "replaced", "New");
  hook_first_read (path, replace_file);
  reports = store_open (f);
  g_assert_cmpuint (hook_calls, ==, 1);
  g_assert_cmpuint (reports->len, ==, 0);
  g_assert_cmpstr (sih_case_info_get_title (sih_case_store_lookup (f->store, "replaced")), ==,
                   "Old");
  reports = store_open (f);
  g_assert_cmpuint (reports->len, ==, 0);
  g_assert_cmpstr (sih_case_info_get_title (sih_case_store_lookup (f->store, "replaced")), ==,
                   "New");
  store_close (f);
  g_clear_pointer (&replacement, g_free);

  /* Replaced by a link to a file outside: the read in progress finishes
   * on the file it opened; the next start sets the link aside, unread. */
  write_case_file (target, "replaced", "Outside");
  before = read_file (target);
  g_assert_cmpint (symlink (target, link_path), ==, 0);
  replacement = g_strdup (link_path);
  {
    /* A new file, so that the index does not vouch for it. */
    g_autofree char *fresh = g_build_filename (f->root, "fresh.json", NULL);

    write_case_file (fresh, "replaced", "Fresh");
    g_assert_cmpint (g_rename (fresh, path), ==, 0);
  }
  hook_first_read (path, replace_file);
  reports = store_open (f);
  g_assert_cmpuint (hook_calls, ==, 1);
  g_assert_cmpstr (sih_case_info_get_title (sih_case_store_lookup (f->store, "replaced")), ==,
                   "Fresh");
  reports = store_open (f);
  g_assert_cmpuint (n_cases (f), ==, 0);
  g_assert_cmpuint (reports->len, ==, 1);
  g_assert_nonnull (strstr (((SihUnreadableCase *)g_ptr_array_index (reports, 0))->error->message,
                            "symbolic link"));
  store_close (f);
  g_clear_pointer (&replacement, g_free);

  after = read_file (target);
  g_assert_true (g_bytes_equal (before, after));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/hostile/pack/huge-string", test_pack_huge_string);
  g_test_add_func ("/hostile/pack/huge-file", test_pack_huge_file);
  g_test_add_func ("/hostile/pack/many-steps", test_pack_many_steps);
  g_test_add_func ("/hostile/pack/deep-nesting", test_pack_deep_nesting);
  g_test_add_func ("/hostile/pack/nul-bytes", test_pack_nul_bytes);
  g_test_add_func ("/hostile/pack/invalid-utf8", test_pack_invalid_utf8);
  g_test_add_func ("/hostile/pack/second-document", test_pack_second_document);
  g_test_add_func ("/hostile/case/huge-note", test_case_huge_note);
  g_test_add_func ("/hostile/case/many-entries", test_case_many_entries);
  g_test_add_func ("/hostile/case/deep-nesting", test_case_deep_nesting);
  g_test_add_func ("/hostile/case/nul-and-utf8", test_case_nul_and_utf8);
  g_test_add_func ("/hostile/mask-and-os-release", test_mask_and_os_release);

#define ADD(name, func) \
  g_test_add ("/hostile/store/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("symlinked-case", test_store_symlinked_case);
  ADD ("symlinked-unreadable", test_store_symlinked_unreadable);
  ADD ("symlinked-index", test_store_symlinked_index);
  ADD ("symlinked-folder", test_store_symlinked_folder);
  ADD ("fifo", test_store_fifo);
  ADD ("changed-while-read", test_store_changed_while_read);
  ADD ("replaced-while-read", test_store_replaced_while_read);

#undef ADD

  return g_test_run ();
}
