/* sih-export.c
 *
 * `signin-helper --export-summary CASE.json [--format text|markdown|pdf]
 * [--output FILE] [--no-mask] [--help-desk]`: the summary for help desks
 * and scripts,
 * without a window.  It runs before GTK is initialised; the PDF comes from
 * the same print code as the Print… button, exported headless.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "core/sih-case-file.h"
#include "ui/sih-dialogs.h"
#include "ui/sih-export.h"
#include "ui/sih-print.h"
#include "core/sih-summary.h"

/**
 * sih_export_collect_device_info:
 * @pack: (nullable): the pack in use
 *
 * This machine's information, with the toolkit and pack versions the
 * core cannot know.
 *
 * Returns: (transfer full): the device information
 */
SihDeviceInfo *
sih_export_collect_device_info (SihPack *pack)
{
  SihDeviceInfo *info = sih_device_info_collect ();
  g_autofree char *gtk_version = g_strdup_printf ("%u.%u.%u", gtk_get_major_version (),
                                                  gtk_get_minor_version (),
                                                  gtk_get_micro_version ());
  g_autofree char *adw_version = g_strdup_printf ("%u.%u.%u", adw_get_major_version (),
                                                  adw_get_minor_version (),
                                                  adw_get_micro_version ());

  sih_device_info_set_toolkit (info, gtk_version, adw_version);
  if (pack != NULL)
    sih_device_info_set_pack (info, sih_pack_get_id (pack), sih_pack_get_version (pack));
  return info;
}

/**
 * sih_export_document_title:
 * @kase: a case
 *
 * Returns: (transfer full): the title of the case's printed summary, on
 *   every page and in the PDF's properties
 */
char *
sih_export_document_title (SihCase *kase)
{
  g_autofree char *name = NULL;

  g_return_val_if_fail (SIH_IS_CASE (kase), NULL);

  name = sih_case_format_title (sih_case_get_title (kase), sih_case_get_created (kase));
  /* A help desk's ticket heads every page, as it heads the summary. */
  if (sih_case_get_ticket (kase) != NULL)
    /* Translators: the title of a printed summary and of its PDF for a
     * help desk; %1$s is the ticket or reference number, %2$s the name of
     * the case */
    return g_strdup_printf (_("Ticket %1$s – Sign-in problem summary – %2$s"),
                            sih_case_get_ticket (kase), name);
  /* Translators: the title of a printed summary and of its PDF; %s is the
   * name of the case */
  return g_strdup_printf (_("Sign-in problem summary – %s"), name);
}

/* Longer names are cut: a file name has at most 255 bytes, and some room
 * is kept for the extension and a temporary file's prefix and suffix. */
#define FILE_NAME_MAX_BYTES 150

/**
 * sih_export_safe_file_name:
 * @text: a name, as someone may have typed it
 *
 * @text as a file name that any file system and e-mail program takes:
 * without slashes, colons and the other characters Windows refuses,
 * control and invisible formatting characters, runs of white space,
 * dots at either end, and cut to a length every file system allows.
 *
 * Returns: (transfer full): the name; empty when nothing was left
 */
char *
sih_export_safe_file_name (const char *text)
{
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  g_return_val_if_fail (text != NULL, NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char_validated (p, -1);
      char bytes[6];
      int length;

      if (c == (gunichar)-1 || c == (gunichar)-2)
        break;
      if (c < 0x20 || c == 0x7F || (c < 0x80 && strchr ("/\\:*?\"<>|", (int)c) != NULL) ||
          g_unichar_isspace (c) || g_unichar_type (c) == G_UNICODE_FORMAT)
        {
          space = TRUE;
          continue;
        }
      if (out->len == 0 && c == '.')
        continue;

      length = g_unichar_to_utf8 (c, bytes);
      if (out->len + (space ? 1 : 0) + length > FILE_NAME_MAX_BYTES)
        break;
      if (space && out->len > 0)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_len (out, bytes, length);
    }

  while (out->len > 0 && (out->str[out->len - 1] == '.' || out->str[out->len - 1] == ' '))
    g_string_truncate (out, out->len - 1);
  return g_string_free (out, FALSE);
}

/**
 * sih_export_file_name:
 * @kase: a case
 * @now: today
 *
 * What a saved or printed summary is suggested to be called: a help
 * desk's ticket number first when the case has one (a ticket's files sort
 * together), the date, so that the files sort, and the case's name if it
 * has one.
 *
 * Returns: (transfer full): the file name, without an extension
 */
char *
sih_export_file_name (SihCase   *kase,
                      GDateTime *now)
{
  /* ISO 8601 in file names, so that they sort by date in any language. */
  g_autofree char *date = NULL;
  g_autofree char *name = NULL;
  const char *title;
  const char *ticket;

  g_return_val_if_fail (SIH_IS_CASE (kase), NULL);
  g_return_val_if_fail (now != NULL, NULL);

  date = g_date_time_format (now, "%Y-%m-%d");
  /* Translators: a saved summary's file name; %s is the date, "2026-11-25".
   * Slashes and colons are taken out. */
  name = g_strdup_printf (C_("file name", "Sign-in problem summary %s"), date);
  title = sih_case_get_title (kase);
  if (title != NULL)
    {
      g_autofree char *with_title = g_strdup_printf ("%s - %s", name, title);

      g_free (name);
      name = g_steal_pointer (&with_title);
    }
  ticket = sih_case_get_ticket (kase);
  if (ticket != NULL)
    {
      /* Made safe on its own, so that a ticket "A/B" cannot run into the
       * " - " that follows it. */
      g_autofree char *safe_ticket = sih_export_safe_file_name (ticket);

      if (*safe_ticket != '\0')
        {
          g_autofree char *with_ticket = g_strdup_printf ("%s - %s", safe_ticket, name);

          g_free (name);
          name = g_steal_pointer (&with_ticket);
        }
    }
  return sih_export_safe_file_name (name);
}

/**
 * sih_export_default_folder:
 *
 * Returns: (transfer full): where a summary is suggested to be saved:
 *   the Documents folder, or the home folder when there is none
 */
GFile *
sih_export_default_folder (void)
{
  const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);

  if (documents != NULL && g_file_test (documents, G_FILE_TEST_IS_DIR))
    return g_file_new_for_path (documents);
  return g_file_new_for_path (g_get_home_dir ());
}

/* Files written whole or not at all, private to the user
 *
 * A summary or a PDF goes to a temporary file beside its target and is
 * renamed over it once all of it is on disk.  A write that fails (a full
 * disk, a file too large) removes the temporary file and leaves the
 * target as it was, and the error names the target, not the temporary
 * file: "summary.pdf: No space left on device". */

static void
set_file_error (GError     **error,
                const char  *path,
                int          saved_errno)
{
  g_autofree char *display = g_filename_display_name (path);

  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno), "%s: %s",
               display, g_strerror (saved_errno));
}

/**
 * sih_export_temp_open:
 * @path: the file to write
 * @temp_path: (out): the temporary file made beside it (0600)
 *
 * Returns: a descriptor open for writing on @temp_path, or -1 with @error
 *   set (naming @path)
 */
int
sih_export_temp_open (const char  *path,
                      char       **temp_path,
                      GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *temp_name = g_strdup_printf (".%s.XXXXXX", base);
  g_autofree char *temp = g_build_filename (dir, temp_name, NULL);
  int fd;

  g_return_val_if_fail (path != NULL, -1);
  g_return_val_if_fail (temp_path != NULL, -1);

  fd = g_mkstemp_full (temp, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      set_file_error (error, path, errno);
      return -1;
    }
  *temp_path = g_steal_pointer (&temp);
  return fd;
}

/**
 * sih_export_temp_write:
 * @fd: from sih_export_temp_open()
 *
 * Writes all of @data to @fd, writing again after a short write.
 *
 * Returns: 0, or why it could not (a regular file takes nothing only for
 *   want of room: %ENOSPC)
 */
int
sih_export_temp_write (int         fd,
                       const void *data,
                       gsize       size)
{
  const char *p = data;

  while (size > 0)
    {
      gssize written = write (fd, p, size);

      if (written < 0 && errno == EINTR)
        continue;
      if (written <= 0)
        return written < 0 ? errno : ENOSPC;
      p += written;
      size -= (gsize)written;
    }
  return 0;
}

/**
 * sih_export_temp_discard:
 *
 * Closes @fd and removes the temporary file: @path stays as it was.
 */
void
sih_export_temp_discard (int         fd,
                         const char *temp_path)
{
  g_close (fd, NULL);
  g_unlink (temp_path);
}

/**
 * sih_export_temp_commit:
 * @fd: from sih_export_temp_open()
 * @write_errno: why writing to @fd failed, or 0 when it did not
 *
 * Puts the temporary file in place of @path once it is on disk, or, if
 * writing it failed or its data cannot reach the disk, removes it.
 * Closes @fd either way.
 *
 * Returns: %FALSE with @error set, naming @path and saying why
 */
gboolean
sih_export_temp_commit (int          fd,
                        const char  *temp_path,
                        const char  *path,
                        int          write_errno,
                        GError     **error)
{
  int saved_errno = write_errno;

  if (saved_errno == 0 && fsync (fd) != 0)
    saved_errno = errno;
  /* Some file systems report a failed write only when the file is closed. */
  if (close (fd) != 0 && saved_errno == 0)
    saved_errno = errno;
  if (saved_errno == 0 && g_rename (temp_path, path) != 0)
    saved_errno = errno;
  if (saved_errno != 0)
    {
      g_unlink (temp_path);
      set_file_error (error, path, saved_errno);
      return FALSE;
    }
  return TRUE;
}

/**
 * sih_export_write_file:
 *
 * Writes @data to @path, private to the user, whole or not at all.
 *
 * Returns: %FALSE with @error set, naming @path and saying why
 */
gboolean
sih_export_write_file (const char  *path,
                       const void  *data,
                       gsize        size,
                       GError     **error)
{
  g_autofree char *temp = NULL;
  int write_errno;
  int fd;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (data != NULL || size == 0, FALSE);

  fd = sih_export_temp_open (path, &temp, error);
  if (fd < 0)
    return FALSE;
  write_errno = sih_export_temp_write (fd, data, size);
  return sih_export_temp_commit (fd, temp, path, write_errno, error);
}

/* Saving a file chosen in a dialog: the summary's text, the report's CSV */

typedef struct
{
  GtkWindow            *parent;
  AdwToastOverlay      *toasts;
  GBytes               *bytes;
  char                 *error_heading;
  GtkFileChooserNative *dialog;
} SaveJob;

#define SAVE_JOB_KEY "sih-export-save-job"

static void
save_job_free (SaveJob *job)
{
  g_clear_object (&job->parent);
  g_clear_object (&job->toasts);
  g_clear_pointer (&job->bytes, g_bytes_unref);
  g_free (job->error_heading);
  g_free (job);
}

/* Ends the job's dialog: after an answer, or when its window goes. */
static void
save_job_close_dialog (SaveJob *job)
{
  g_object_set_data (G_OBJECT (job->parent), SAVE_JOB_KEY, NULL);
  g_signal_handlers_disconnect_by_data (job->parent, job);
  g_signal_handlers_disconnect_by_data (job->dialog, job);
  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (job->dialog));
  g_clear_object (&job->dialog);
}

/* A local file: written whole or not at all (GIO's replace, on GLib 2.74,
 * puts an empty or cut-off file in place of the old one when the disk
 * fills up). */
static void
write_file_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  GBytes *bytes = task_data;
  GError *error = NULL;

  if (sih_export_write_file (g_file_peek_path (G_FILE (source_object)),
                             g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
save_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  SaveJob *job = user_data;
  GFile *file = G_FILE (source);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (g_task_is_valid (result, source) && g_task_get_source_tag (G_TASK (result)) == write_file_thread)
    ok = g_task_propagate_boolean (G_TASK (result), &error);
  else
    ok = g_file_replace_contents_finish (file, result, NULL, &error);

  if (!ok)
    {
      sih_show_error_dialog (GTK_WIDGET (job->parent), job->error_heading, error->message);
    }
  else
    {
      g_autofree char *name = g_file_get_basename (file);
      /* A toast's title is markup. */
      g_autofree char *escaped = g_markup_escape_text (name, -1);
      /* Translators: %s is a file name */
      g_autofree char *message = g_strdup_printf (_("Saved as “%s”"), escaped);

      adw_toast_overlay_add_toast (job->toasts, adw_toast_new (message));
    }
  save_job_free (job);
}

static void
save_response_cb (SaveJob *job,
                  int      response)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (job->dialog));
  save_job_close_dialog (job);
  if (file == NULL)
    {
      save_job_free (job);
      return;
    }

  /* Personal data: private to the user, and never half written. */
  if (g_file_peek_path (file) != NULL)
    {
      g_autoptr(GTask) task = g_task_new (file, NULL, save_done_cb, job);

      g_task_set_source_tag (task, write_file_thread);
      g_task_set_task_data (task, g_bytes_ref (job->bytes), (GDestroyNotify)g_bytes_unref);
      g_task_run_in_thread (task, write_file_thread);
    }
  else
    g_file_replace_contents_bytes_async (file, job->bytes, NULL, FALSE,
                                         G_FILE_CREATE_PRIVATE | G_FILE_CREATE_REPLACE_DESTINATION,
                                         NULL, save_done_cb, job);
}

static void
save_parent_destroyed_cb (SaveJob *job)
{
  save_job_close_dialog (job);
  save_job_free (job);
}

/**
 * sih_export_save_bytes:
 * @parent: the window asking
 * @toasts: where to say that it was saved
 * @title: the dialog's title ("Save Summary")
 * @accept_label: its button ("_Save")
 * @name: the file name to suggest
 * @bytes: what to write
 * @error_heading: what an error says first ("Could Not Save the Summary")
 *
 * Asks where to save @bytes, starting in Documents with @name, then
 * writes them there: private to the user (0600) and never half written.
 * Says "Saved as …" in @toasts, or shows the error under @error_heading.
 * One dialog per window at a time.
 *
 * Returns: whether the dialog was shown (not while another is open)
 */
gboolean
sih_export_save_bytes (GtkWindow       *parent,
                       AdwToastOverlay *toasts,
                       const char      *title,
                       const char      *accept_label,
                       const char      *name,
                       GBytes          *bytes,
                       const char      *error_heading)
{
  g_autoptr(GFile) folder = sih_export_default_folder ();
  SaveJob *job;

  g_return_val_if_fail (GTK_IS_WINDOW (parent), FALSE);
  g_return_val_if_fail (ADW_IS_TOAST_OVERLAY (toasts), FALSE);
  g_return_val_if_fail (bytes != NULL, FALSE);

  if (g_object_get_data (G_OBJECT (parent), SAVE_JOB_KEY) != NULL)
    return FALSE;

  job = g_new0 (SaveJob, 1);
  job->parent = g_object_ref (parent);
  job->toasts = g_object_ref (toasts);
  job->bytes = g_bytes_ref (bytes);
  job->error_heading = g_strdup (error_heading);
  job->dialog = gtk_file_chooser_native_new (title, parent, GTK_FILE_CHOOSER_ACTION_SAVE,
                                             accept_label, _("_Cancel"));
  g_object_set_data (G_OBJECT (parent), SAVE_JOB_KEY, job);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (job->dialog), TRUE);
  /* Documents, not wherever the app was started from. */
  gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (job->dialog), folder, NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (job->dialog), name);
  g_signal_connect_swapped (job->dialog, "response", G_CALLBACK (save_response_cb), job);
  g_signal_connect_swapped (parent, "destroy", G_CALLBACK (save_parent_destroyed_cb), job);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (job->dialog));
  return TRUE;
}

/* Messages from the core start with the file name already. */
static void
print_file_error (const char   *path,
                  const GError *error)
{
  if (g_str_has_prefix (error->message, path))
    g_printerr ("%s\n", error->message);
  else
    g_printerr ("%s: %s\n", path, error->message);
}

/**
 * sih_export_summary_cli:
 * @case_path: the case file
 * @format: (nullable): "text" (the default), "markdown" or "pdf"
 * @output: (nullable): where to write; the standard output when %NULL
 *   (not for "pdf")
 * @no_mask: show e-mail addresses and phone numbers as written; what
 *   looks like a password or a code is still withheld
 * @help_desk: the case is about a caller's device: this machine's
 *   details are left out and the wording addresses the caller
 *
 * Writes the summary of a saved case.  Errors go to the standard error,
 * naming the file and what is wrong with it.
 *
 * Returns: the exit status: 0 on success, 1 when a file cannot be read
 *   or written, 2 when the options are wrong
 */
int
sih_export_summary_cli (const char *case_path,
                        const char *format,
                        const char *output,
                        gboolean    no_mask,
                        gboolean    help_desk)
{
  g_autoptr(SihCase) kase = NULL;
  g_autoptr(SihPack) pack = NULL;
  g_autoptr(SihDeviceInfo) device = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  SihSummaryOptions options;
  const SihExportFormat *export_format = sih_export_format_lookup (format != NULL ? format : "text");
  gboolean pdf;

  g_return_val_if_fail (case_path != NULL, 2);

  sih_summary_options_init (&options);
  if (export_format == NULL)
    {
      g_printerr (_("Unknown format “%s”: use text, markdown or pdf\n"), format);
      return 2;
    }
  options.format = export_format->format;
  pdf = export_format->printed;
  if (pdf && output == NULL)
    {
      g_printerr (_("--format pdf needs --output FILE\n"));
      return 2;
    }
  /* Passwords and codes are never shared, whatever the option says. */
  if (no_mask)
    options.mask = SIH_MASK_SECRETS;
  options.help_desk = help_desk;

  kase = sih_case_file_load (case_path, &error);
  if (kase == NULL)
    {
      print_file_error (case_path, error);
      return 1;
    }

  pack = sih_pack_new_bundled (&error);
  if (pack == NULL)
    {
      g_printerr (_("The bundled content could not be loaded: %s\n"), error->message);
      return 1;
    }
  if (g_strcmp0 (sih_case_get_pack_id (kase), sih_pack_get_id (pack)) != 0)
    g_printerr (_("%s: the case was made with the content pack “%s”, not “%s”: "
                  "its steps are listed by id\n"),
                case_path, sih_case_get_pack_id (kase), sih_pack_get_id (pack));

  /* In help-desk use the summary leaves this machine's details out by
   * itself; the versions in its footer are still this app's. */
  device = sih_export_collect_device_info (pack);
  now = g_date_time_new_now_local ();

  if (pdf)
    {
      /* Laid out, with headings and lists: not the text on paper. */
      g_autoptr(GPtrArray) blocks = sih_summary_format_blocks (kase, pack, device, now, &options);
      g_autofree char *title = sih_export_document_title (kase);

      if (!sih_print_blocks (NULL, title, NULL, blocks, output, &error))
        {
          print_file_error (output, error);
          return 1;
        }
      return 0;
    }

  text = sih_summary_format (kase, pack, device, now, &options, NULL);
  if (output != NULL)
    {
      /* Personal data: readable by the user only, and never half written. */
      if (!sih_export_write_file (output, text, strlen (text), &error))
        {
          print_file_error (output, error);
          return 1;
        }
    }
  else
    {
      /* Bytes as they are: the summary is UTF-8 whatever the locale. */
      if (fwrite (text, 1, strlen (text), stdout) != strlen (text) || fflush (stdout) != 0)
        {
          g_printerr (_("Could not write the summary to the standard output\n"));
          return 1;
        }
    }

  return 0;
}

/* Help-desk mode as set in Preferences, when the schema is installed. */
static gboolean
help_desk_mode_setting (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettings) settings = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE);
  if (schema == NULL || !g_settings_schema_has_key (schema, "help-desk-mode"))
    return FALSE;
  settings = g_settings_new_full (schema, NULL, NULL);
  return g_settings_get_boolean (settings, "help-desk-mode");
}

/**
 * sih_export_handle_options:
 * @options: the application's command-line options
 *
 * Runs `--export-summary` if it was given, for
 * GApplication::handle-local-options.
 *
 * Returns: the exit status, or -1 to carry on and open the app
 */
int
sih_export_handle_options (GVariantDict *options)
{
  const char *case_path = NULL;
  const char *format = NULL;
  const char *output = NULL;
  gboolean no_mask;
  gboolean help_desk;

  g_return_val_if_fail (options != NULL, 2);

  g_variant_dict_lookup (options, "format", "&s", &format);
  g_variant_dict_lookup (options, "output", "^&ay", &output);
  no_mask = g_variant_dict_contains (options, "no-mask");
  help_desk = g_variant_dict_contains (options, "help-desk");

  /* --help-desk, or help-desk mode switched on in Preferences, as in
   * the app's own Support Summary. */
  if (g_variant_dict_lookup (options, "export-summary", "^&ay", &case_path))
    return sih_export_summary_cli (case_path, format, output, no_mask,
                                   help_desk || help_desk_mode_setting ());

  if (format != NULL || output != NULL || no_mask || help_desk)
    {
      g_printerr (_("--format, --output, --no-mask and --help-desk only go with "
                    "--export-summary CASE\n"));
      return 2;
    }
  return -1;
}
