/* sih-application.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ui/sih-application.h"
#include "ui/sih-bench-probe.h"
#include "core/sih-device-info.h"
#include "ui/sih-export.h"
#include "ui/sih-icons.h"
#include "core/sih-pack-catalog.h"
#include "ui/sih-preferences-window.h"
#include "ui/sih-window.h"

struct _SihApplication
{
  AdwApplication  parent_instance;

  SihPack        *pack;
  GError         *pack_error;
  char           *pack_path;
  char           *pack_warning;
  SihCaseStore   *store;
  GSettings      *settings;
  gboolean        held;
  gboolean        save_failing;
  gboolean        store_ready;
  guint           logout_cookie;   /* the session waits: changes are unsaved */
  gboolean        holding_logout;
};

enum {
  STORE_READY,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (SihApplication, sih_application, ADW_TYPE_APPLICATION)

/* "say" is optional, but a pack that gives it for some steps probably
 * meant to give it for all: name the steps a help desk may have missed. */
static void
warn_missing_caller_text (SihPack    *pack,
                          const char *path,
                          GString    *out)
{
  GListModel *causes = sih_pack_get_causes (pack);
  guint n_with = 0;

  for (guint i = 0; i < g_list_model_get_n_items (causes); i++)
    {
      g_autoptr(SihCause) cause = g_list_model_get_item (causes, i);
      GListModel *steps = sih_cause_get_steps (cause);

      for (guint j = 0; j < g_list_model_get_n_items (steps); j++)
        {
          g_autoptr(SihStep) step = g_list_model_get_item (steps, j);

          if (sih_step_get_caller_text (step) != NULL)
            n_with++;
        }
    }

  if (n_with == 0 || n_with == sih_pack_get_n_steps (pack))
    return;

  for (guint i = 0; i < g_list_model_get_n_items (causes); i++)
    {
      g_autoptr(SihCause) cause = g_list_model_get_item (causes, i);
      GListModel *steps = sih_cause_get_steps (cause);

      for (guint j = 0; j < g_list_model_get_n_items (steps); j++)
        {
          g_autoptr(SihStep) step = g_list_model_get_item (steps, j);

          if (sih_step_get_caller_text (step) == NULL)
            g_string_append_printf (out, "%s: warning: step “%s” of cause “%s” has no “say” "
                                    "(words to read to a caller), though %u of the %u steps "
                                    "have them\n",
                                    path, sih_step_get_id (step), sih_cause_get_id (cause),
                                    n_with, sih_pack_get_n_steps (pack));
        }
    }
}

/**
 * sih_validate_packs:
 * @paths: the files to check
 * @out: where the report goes, a line per file
 *
 * Checks packs without a window, for help desks writing their own.
 *
 * Returns: the exit status: 0 only when every file is valid
 */
int
sih_validate_packs (const char * const *paths,
                    GString            *out)
{
  g_autoptr(GtkIconTheme) icons = NULL;
  int status = 0;

  if (paths == NULL || paths[0] == NULL)
    {
      g_string_append (out, "--validate-pack needs at least one FILE\n");
      return 2;
    }

  for (guint i = 0; paths[i] != NULL; i++)
    {
      g_autoptr(SihPack) pack = NULL;
      g_autoptr(GError) error = NULL;

      pack = sih_pack_new_from_file (paths[i], NULL, &error);
      if (pack == NULL)
        {
          /* The message starts with the file name already. */
          if (g_str_has_prefix (error->message, paths[i]))
            g_string_append_printf (out, "%s\n", error->message);
          else
            g_string_append_printf (out, "%s: %s\n", paths[i], error->message);
          status = 1;
        }
      else
        {
          GListModel *causes = sih_pack_get_causes (pack);

          g_string_append_printf (out, "%s: ok (%u causes, %u steps)\n", paths[i],
                                  sih_pack_get_n_causes (pack), sih_pack_get_n_steps (pack));

          /* Not an error: the app shows its own icon instead. */
          if (icons == NULL)
            icons = sih_icon_theme_new ();
          for (guint j = 0; j < g_list_model_get_n_items (causes); j++)
            {
              g_autoptr(SihCause) cause = g_list_model_get_item (causes, j);
              const char *icon = sih_cause_get_icon_name (cause);

              if (icon != NULL && !gtk_icon_theme_has_icon (icons, icon))
                g_string_append_printf (out, "%s: warning: cause “%s” names the icon “%s”, "
                                        "which the icon theme does not have; the app shows "
                                        "its own icon there instead\n",
                                        paths[i], sih_cause_get_id (cause), icon);
            }
          warn_missing_caller_text (pack, paths[i], out);
        }
    }

  return status;
}

static int
sih_application_handle_local_options (GApplication *app,
                                      GVariantDict *options)
{
  g_autofree const char **files = NULL;
  int exported;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", PACKAGE_NAME, PACKAGE_VERSION);
      return 0;
    }

  if (g_variant_dict_lookup (options, "pack", "^ay", &SIH_APPLICATION (app)->pack_path))
    {
      /* Another pack than the running instance's: run on our own. */
      g_application_set_flags (app, g_application_get_flags (app) | G_APPLICATION_NON_UNIQUE);
    }

  if (g_variant_dict_contains (options, "validate-pack"))
    {
      g_autoptr(GString) out = g_string_new (NULL);
      int status;

      g_variant_dict_lookup (options, G_OPTION_REMAINING, "^a&ay", &files);
      status = sih_validate_packs (files, out);
      if (status == 0)
        g_print ("%s", out->str);
      else
        g_printerr ("%s", out->str);
      return status;
    }

  /* --export-summary: no window, for help desks and scripts. */
  exported = sih_export_handle_options (options);
  if (exported >= 0)
    return exported;

  return G_APPLICATION_CLASS (sih_application_parent_class)->handle_local_options (app, options);
}

static void
stop_holding_logout (SihApplication *self)
{
  if (self->logout_cookie != 0)
    gtk_application_uninhibit (GTK_APPLICATION (self), self->logout_cookie);
  self->logout_cookie = 0;
  self->holding_logout = FALSE;
}

/* While a save is pending, the app stays alive to finish it. */
static void
store_busy_cb (SihApplication *self)
{
  /* A store that cannot write stays busy, retrying: do not keep an app
   * without windows alive for that (the window asked before closing). */
  gboolean busy = sih_case_store_get_busy (self->store) && !self->save_failing;

  if (busy && !self->held)
    g_application_hold (G_APPLICATION (self));
  else if (!busy && self->held)
    g_application_release (G_APPLICATION (self));
  self->held = busy;

  /* Everything is on disk: the session need not wait any more. */
  if (!sih_case_store_get_busy (self->store))
    stop_holding_logout (self);
}

static void
store_opened_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(SihApplication) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!sih_case_store_open_finish (SIH_CASE_STORE (source), result, &error))
    g_message ("The saved cases could not be opened: %s", error->message);

  self->store_ready = TRUE;
  g_signal_emit (self, signals[STORE_READY], 0);
  g_application_release (G_APPLICATION (self));
}

static void
store_save_failed_cb (SihApplication *self)
{
  self->save_failing = TRUE;
  store_busy_cb (self);
}

static void
store_saved_cb (SihApplication *self)
{
  self->save_failing = FALSE;
  store_busy_cb (self);
}

/* The session is ending: write what is pending, and if that fails, ask
 * the session to wait, saying why, as the window's close button does. */
static void
query_end_cb (SihApplication *self)
{
  g_autoptr(GError) error = NULL;
  GtkWindow *window;
  g_autofree char *reason = NULL;

  if (self->store == NULL || sih_case_store_flush (self->store, &error))
    return;

  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  /* Translators: shown by the session when logging out; %s says why */
  reason = g_strdup_printf (_("Changes to a case could not be saved: %s"), error->message);
  if (!self->holding_logout)
    self->logout_cookie = gtk_application_inhibit (GTK_APPLICATION (self), window,
                                                   GTK_APPLICATION_INHIBIT_LOGOUT, reason);
  self->holding_logout = TRUE;
}

/**
 * sih_application_is_holding_logout:
 *
 * Returns: whether the app asked the session to wait before ending,
 *   because changes could not be saved
 */
gboolean
sih_application_is_holding_logout (SihApplication *self)
{
  g_return_val_if_fail (SIH_IS_APPLICATION (self), FALSE);
  return self->holding_logout;
}

static void
sih_application_shutdown (GApplication *app)
{
  SihApplication *self = SIH_APPLICATION (app);
  g_autoptr(GError) error = NULL;

  if (self->store != NULL && !sih_case_store_flush (self->store, &error))
    g_warning ("Cases could not be saved before quitting: %s", error->message);

  G_APPLICATION_CLASS (sih_application_parent_class)->shutdown (app);
}

static void
sih_application_startup (GApplication *app)
{
  SihApplication *self = SIH_APPLICATION (app);
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *about_accels[] = { "F1", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };

  G_APPLICATION_CLASS (sih_application_parent_class)->startup (app);

  /* To hear when the session ends (query-end), and to make it wait. */
  g_object_set (app, "register-session", TRUE, NULL);
  g_signal_connect (app, "query-end", G_CALLBACK (query_end_cb), NULL);

  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.about", about_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.preferences",
                                         preferences_accels);

  self->settings = g_settings_new (APPLICATION_ID);

  /* Cases are saved as they change; the store keeps them, one file each.
   * With its index even ten thousand list at once, but rebuilding a lost
   * index reads every file: that happens off the main thread. */
  self->store = sih_case_store_new (NULL);
  g_application_hold (app);
  sih_case_store_open_async (self->store, NULL, store_opened_cb, g_object_ref (self));
  g_signal_connect_object (self->store, "notify::busy", G_CALLBACK (store_busy_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "save-failed", G_CALLBACK (store_save_failed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "saved", G_CALLBACK (store_saved_cb), self,
                           G_CONNECT_SWAPPED);

  /* A broken pack must not stop the app: the window shows the error. */
  if (self->pack_path != NULL)
    self->pack = sih_pack_new_from_file (self->pack_path, GETTEXT_PACKAGE, &self->pack_error);
  else
    {
      /* The pack chosen in Preferences; if it is broken or gone, the
       * bundled one, and the window says why. */
      g_autofree char *chosen = g_settings_get_string (self->settings, "content-pack");

      self->pack = sih_pack_catalog_load_selected (chosen, &self->pack_error);
      if (self->pack == NULL && chosen[0] != '\0')
        {
          self->pack_warning = g_strdup (self->pack_error->message);
          g_clear_error (&self->pack_error);
          self->pack = sih_pack_new_bundled (&self->pack_error);
        }
    }
  if (self->pack == NULL && self->pack_path != NULL)
    g_message ("The content pack could not be loaded: %s", self->pack_error->message);
  else if (self->pack == NULL)
    g_message ("The bundled content could not be loaded: %s", self->pack_error->message);
}

static void
sih_application_activate (GApplication *app)
{
  SihApplication *self = SIH_APPLICATION (app);
  GtkWindow *window;

  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  if (window == NULL)
    {
      window = GTK_WINDOW (sih_window_new (self));
      /* For bench/: nothing unless the environment asks. */
      sih_bench_probe_attach (window, app, sih_window_describe_for_bench);
    }

  gtk_window_present (window);
}

static void
sih_application_finalize (GObject *object)
{
  SihApplication *self = (SihApplication *)object;

  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_object (&self->pack);
  g_clear_error (&self->pack_error);
  g_clear_pointer (&self->pack_path, g_free);
  g_clear_pointer (&self->pack_warning, g_free);

  G_OBJECT_CLASS (sih_application_parent_class)->finalize (object);
}

static void
sih_application_class_init (SihApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = sih_application_finalize;
  app_class->handle_local_options = sih_application_handle_local_options;
  app_class->startup = sih_application_startup;
  app_class->shutdown = sih_application_shutdown;

  /**
   * SihApplication::store-ready:
   *
   * The saved cases have been listed: windows can open the last one.
   */
  signals[STORE_READY] =
    g_signal_new ("store-ready", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  app_class->activate = sih_application_activate;
}

/* Ctrl+Q and the menu's Quit close every window as its close button
 * does, so that a window with changes it cannot save asks first (and
 * keeps its size for next time); the app ends with its last window. */
static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  GList *windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (user_data)));

  g_list_foreach (windows, (GFunc)(void (*) (void))g_object_ref, NULL);
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
  g_list_free_full (windows, g_object_unref);
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  GtkWindow *parent = gtk_application_get_active_window (app);
  static const char *developers[] = { "The Sign-in Helper developers", NULL };
  SihPack *pack = sih_application_get_pack (SIH_APPLICATION (app));
  /* What support and bug reports ask for, copyable from the About window. */
  g_autoptr(SihDeviceInfo) info = sih_export_collect_device_info (pack);
  g_autofree char *debug_info = sih_device_info_to_text (info);
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", parent,
                        "modal", TRUE,
                        "application-icon", APPLICATION_ID,
                        "application-name", _("Sign-in Helper"),
                        "developer-name", _("The Sign-in Helper developers"),
                        "version", PACKAGE_VERSION,
                        "comments", _("Sign-in Helper walks you through the usual reasons why signing in "
                                      "to an Amazon account fails, records what you tried and prepares "
                                      "a summary for official support.\n\n"
                                      "Sign-in Helper is independent: it is not affiliated with, endorsed "
                                      "by or connected to Amazon. It never asks for passwords or "
                                      "verification codes."),
                        "website", "https://github.com/signinhelper/signin-helper",
                        "issue-url", "https://github.com/signinhelper/signin-helper/issues",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "developers", developers,
                        /* Translators: your names, one per line */
                        "translator-credits", _("translator-credits"),
                        "debug-info", debug_info,
                        "debug-info-filename", "signin-helper-debug-info.txt",
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
preferences_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  SihApplication *self = SIH_APPLICATION (user_data);

  sih_preferences_window_present (gtk_application_get_active_window (GTK_APPLICATION (self)), self);
}

static const GActionEntry app_actions[] = {
  { .name = "quit", .activate = quit_activated },
  { .name = "about", .activate = about_activated },
  { .name = "preferences", .activate = preferences_activated },
};

static void
sih_application_init (SihApplication *self)
{
  static const GOptionEntry entries[] = {
    { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Show the version and quit"), NULL },
    { "pack", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      N_("Open with the content pack FILE instead of the bundled one"), N_("FILE") },
    { "validate-pack", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("Check content pack files and report errors, without opening a window"), NULL },
    { "export-summary", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      N_("Write the support summary of the case file CASE, without opening a window"), N_("CASE") },
    { "format", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("With --export-summary: text (the default), markdown or pdf"), N_("FORMAT") },
    { "output", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      N_("With --export-summary: write to FILE instead of the standard output"), N_("FILE") },
    { "no-mask", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("With --export-summary: show e-mail addresses and phone numbers as written"), NULL },
    { "help-desk", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("With --export-summary: the case is a caller’s; leave out this computer’s details"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, NULL, NULL, N_("[FILE…]") },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), entries);
  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions),
                                   self);
}

SihApplication *
sih_application_new (void)
{
  return g_object_new (SIH_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", RESOURCE_BASE,
                       NULL);
}

/**
 * sih_application_get_pack:
 *
 * Returns: (transfer none) (nullable): the content pack in use
 */
SihPack *
sih_application_get_pack (SihApplication *self)
{
  g_return_val_if_fail (SIH_IS_APPLICATION (self), NULL);
  return self->pack;
}

/**
 * sih_application_get_pack_warning:
 *
 * Returns: (nullable): why the pack chosen in Preferences was not used
 */
const char *
sih_application_get_pack_warning (SihApplication *self)
{
  g_return_val_if_fail (SIH_IS_APPLICATION (self), NULL);
  return self->pack_warning;
}

/**
 * sih_application_get_pack_error:
 *
 * Returns: (transfer none) (nullable): why the pack could not be loaded
 */
const GError *
sih_application_get_pack_error (SihApplication *self)
{
  g_return_val_if_fail (SIH_IS_APPLICATION (self), NULL);
  return self->pack_error;
}

/**
 * sih_application_get_store:
 *
 * Returns: (transfer none) (nullable): where cases are saved
 */
SihCaseStore *
sih_application_get_store (SihApplication *self)
{
  g_return_val_if_fail (SIH_IS_APPLICATION (self), NULL);
  return self->store;
}

gboolean
sih_application_is_store_ready (SihApplication *self)
{
  g_return_val_if_fail (SIH_IS_APPLICATION (self), FALSE);
  return self->store_ready;
}

/**
 * sih_application_new_case:
 *
 * Returns: (transfer full) (nullable): a new case, saved as it changes
 */
SihCase *
sih_application_new_case (SihApplication *self)
{
  SihCase *kase;

  g_return_val_if_fail (SIH_IS_APPLICATION (self), NULL);

  if (self->pack == NULL || self->store == NULL)
    return NULL;

  kase = sih_case_store_new_case (self->store, sih_pack_get_id (self->pack),
                                  sih_pack_get_version (self->pack));
  g_settings_set_string (self->settings, "last-case", sih_case_get_id (kase));
  return kase;
}

/**
 * sih_application_open_last_case:
 *
 * Reopens the case that was open last, or starts a new one.
 *
 * Returns: (transfer full) (nullable): the case
 */
SihCase *
sih_application_open_last_case (SihApplication *self)
{
  g_autofree char *id = NULL;
  g_autoptr(GError) error = NULL;
  SihCase *kase = NULL;

  g_return_val_if_fail (SIH_IS_APPLICATION (self), NULL);

  if (self->store == NULL)
    return NULL;

  id = g_settings_get_string (self->settings, "last-case");
  if (id[0] != '\0' && sih_case_store_lookup (self->store, id) != NULL)
    kase = sih_case_store_load (self->store, id, &error);
  if (error != NULL)
    g_message ("The last case could not be reopened: %s", error->message);

  return kase != NULL ? kase : sih_application_new_case (self);
}
