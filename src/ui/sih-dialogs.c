/* sih-dialogs.c: alerts (questions and error messages)
 *
 * libadwaita 1.5 replaced AdwMessageDialog, a window of its own, with
 * AdwAlertDialog, shown inside its parent (and as a bottom sheet where the
 * window is narrow).  Debian 12's libadwaita 1.2 has only the first; from
 * 1.6 it is deprecated, and on 1.7 it mis-measures its heading ("Trying to
 * measure GtkLabel … for width of 100, but it needs at least 176").  So the
 * app asks for an alert here, and gets the modern one wherever the
 * libadwaita it is built against has it.  This file is the only place that
 * reaches past ADW_VERSION_MAX_ALLOWED, and only inside ADW_CHECK_VERSION.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ui/sih-dialogs.h"

#if ADW_CHECK_VERSION (1, 5, 0)
# define SIH_MODERN_ALERTS 1
/* Newer than the floor on purpose; see the top of the file. */
G_GNUC_BEGIN_IGNORE_DEPRECATIONS
#else
# define SIH_MODERN_ALERTS 0
#endif

/**
 * sih_alert_new:
 * @heading: what happened or what is asked, in a few words
 * @body: (nullable): the rest
 *
 * Returns: (transfer floating): a new alert, to be given responses and
 *   presented with sih_alert_present()
 */
SihAlert *
sih_alert_new (const char *heading,
               const char *body)
{
#if SIH_MODERN_ALERTS
  return G_OBJECT (adw_alert_dialog_new (heading, body));
#else
  return G_OBJECT (adw_message_dialog_new (NULL, heading, body));
#endif
}

void
sih_alert_add_response (SihAlert              *alert,
                        const char            *id,
                        const char            *label,
                        AdwResponseAppearance  appearance)
{
#if SIH_MODERN_ALERTS
  adw_alert_dialog_add_response (ADW_ALERT_DIALOG (alert), id, label);
  adw_alert_dialog_set_response_appearance (ADW_ALERT_DIALOG (alert), id, appearance);
#else
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (alert), id, label);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (alert), id, appearance);
#endif
}

void
sih_alert_set_default_response (SihAlert   *alert,
                                const char *id)
{
#if SIH_MODERN_ALERTS
  adw_alert_dialog_set_default_response (ADW_ALERT_DIALOG (alert), id);
#else
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (alert), id);
#endif
}

void
sih_alert_set_close_response (SihAlert   *alert,
                              const char *id)
{
#if SIH_MODERN_ALERTS
  adw_alert_dialog_set_close_response (ADW_ALERT_DIALOG (alert), id);
#else
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (alert), id);
#endif
}

void
sih_alert_set_extra_child (SihAlert  *alert,
                           GtkWidget *child)
{
#if SIH_MODERN_ALERTS
  adw_alert_dialog_set_extra_child (ADW_ALERT_DIALOG (alert), child);
#else
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (alert), child);
#endif
}

/**
 * sih_alert_present:
 * @alert: an alert
 * @parent: (nullable): the widget whose window the alert belongs to
 *
 * Shows @alert over @parent's window.
 */
void
sih_alert_present (SihAlert  *alert,
                   GtkWidget *parent)
{
#if SIH_MODERN_ALERTS
  adw_dialog_present (ADW_DIALOG (alert), parent);
#else
  GtkRoot *root = parent != NULL ? gtk_widget_get_root (parent) : NULL;

  if (GTK_IS_WINDOW (root))
    {
      gtk_window_set_transient_for (GTK_WINDOW (alert), GTK_WINDOW (root));
      gtk_window_set_modal (GTK_WINDOW (alert), TRUE);
    }
  gtk_window_present (GTK_WINDOW (alert));
#endif
}

const char *
sih_alert_get_body (SihAlert *alert)
{
#if SIH_MODERN_ALERTS
  return adw_alert_dialog_get_body (ADW_ALERT_DIALOG (alert));
#else
  return adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (alert));
#endif
}

const char *
sih_alert_get_default_response (SihAlert *alert)
{
#if SIH_MODERN_ALERTS
  return adw_alert_dialog_get_default_response (ADW_ALERT_DIALOG (alert));
#else
  return adw_message_dialog_get_default_response (ADW_MESSAGE_DIALOG (alert));
#endif
}

AdwResponseAppearance
sih_alert_get_response_appearance (SihAlert   *alert,
                                   const char *id)
{
#if SIH_MODERN_ALERTS
  return adw_alert_dialog_get_response_appearance (ADW_ALERT_DIALOG (alert), id);
#else
  return adw_message_dialog_get_response_appearance (ADW_MESSAGE_DIALOG (alert), id);
#endif
}

static GtkWidget *
find_button (GtkWidget  *widget,
             const char *label)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, label);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/**
 * sih_alert_respond:
 * @alert: an alert that is shown
 * @id: one of its responses
 *
 * Answers @alert by clicking @id's button, as a person would; for tests.
 */
void
sih_alert_respond (SihAlert   *alert,
                   const char *id)
{
  GtkWidget *button;

#if SIH_MODERN_ALERTS
  button = find_button (GTK_WIDGET (alert),
                        adw_alert_dialog_get_response_label (ADW_ALERT_DIALOG (alert), id));
#else
  button = find_button (GTK_WIDGET (alert),
                        adw_message_dialog_get_response_label (ADW_MESSAGE_DIALOG (alert), id));
#endif
  g_return_if_fail (button != NULL);
  g_signal_emit_by_name (button, "clicked");
}

/**
 * sih_alert_get_visible:
 * @parent: a widget
 *
 * Returns: (nullable) (transfer none): the alert shown over @parent's
 *   window, if any
 */
SihAlert *
sih_alert_get_visible (GtkWidget *parent)
{
  GtkRoot *root = gtk_widget_get_root (parent);

#if SIH_MODERN_ALERTS
  AdwDialog *dialog = NULL;

  if (ADW_IS_APPLICATION_WINDOW (root))
    dialog = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (root));
  else if (ADW_IS_WINDOW (root))
    dialog = adw_window_get_visible_dialog (ADW_WINDOW (root));
  return ADW_IS_ALERT_DIALOG (dialog) ? G_OBJECT (dialog) : NULL;
#else
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)) &&
          gtk_window_get_transient_for (window) == GTK_WINDOW (root))
        return G_OBJECT (window);
    }
  return NULL;
#endif
}

/**
 * sih_show_error_dialog:
 * @parent: (nullable): the widget whose window the message belongs to
 * @heading: what failed, in a few words
 * @body: why, in words a person can act on
 *
 * Presents an error message with a Close button.
 */
void
sih_show_error_dialog (GtkWidget  *parent,
                       const char *heading,
                       const char *body)
{
  SihAlert *alert = sih_alert_new (heading, body);

  sih_alert_add_response (alert, "close", _("_Close"), ADW_RESPONSE_DEFAULT);
  sih_alert_present (alert, parent);
}

#if SIH_MODERN_ALERTS
G_GNUC_END_IGNORE_DEPRECATIONS
#endif
