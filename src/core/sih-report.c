/* sih-report.c: figures across saved cases, for a help desk (GTK-free)
 *
 * A report is made in two passes: sih_report_add_case() counts one case
 * into hash tables keyed by ids (cheap, and safe to run on several
 * threads, each with a report of its own, merged at the end), then
 * sih_report_finish() sorts the counts and gives them the pack's titles.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <sys/stat.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "core/sih-case-file.h"
#include "core/sih-report.h"

/* Periods: one table (see sih-status.c).  @days counts today; a period of
 * none starts on the first of this month, or never for all time. */
static const struct
{
  SihReportPeriod  period;
  const char      *nick;
  const char      *label;
  int              days;
  gboolean         month;
} periods[SIH_N_REPORT_PERIODS] = {
  /* Translators: a period of a help desk's report */
  { SIH_REPORT_PERIOD_LAST_7_DAYS, "last-7-days", NC_("report period", "Last 7 days"), 7, FALSE },
  /* Translators: a period of a help desk's report */
  { SIH_REPORT_PERIOD_LAST_30_DAYS, "last-30-days", NC_("report period", "Last 30 days"), 30, FALSE },
  /* Translators: a period of a help desk's report */
  { SIH_REPORT_PERIOD_THIS_MONTH, "this-month", NC_("report period", "This month"), 0, TRUE },
  /* Translators: a period of a help desk's report: every saved case */
  { SIH_REPORT_PERIOD_ALL_TIME, "all-time", NC_("report period", "All time"), 0, FALSE },
};

/* Files a worker thread reads before it looks at the cancellable again. */
#define MAX_THREADS 8

typedef struct
{
  GHashTable *causes;     /* cause id or "" → count */
  guint       statuses[SIH_N_STATUSES];
  GHashTable *worked;     /* "cause\nstep" → count */
  GHashTable *routes;     /* route id or "" → count */
  GArray     *calls;      /* gint64 lengths, µs */
} Counts;

const char *
sih_report_period_to_string (SihReportPeriod period)
{
  g_return_val_if_fail ((guint)period < SIH_N_REPORT_PERIODS, NULL);

  return periods[period].nick;
}

gboolean
sih_report_period_from_string (const char      *nick,
                               SihReportPeriod *period)
{
  for (guint i = 0; i < SIH_N_REPORT_PERIODS; i++)
    if (g_strcmp0 (nick, periods[i].nick) == 0)
      {
        *period = periods[i].period;
        return TRUE;
      }
  return FALSE;
}

const char *
sih_report_period_get_label (SihReportPeriod period)
{
  g_return_val_if_fail ((guint)period < SIH_N_REPORT_PERIODS, NULL);

  return g_dpgettext2 (GETTEXT_PACKAGE, "report period", periods[period].label);
}

/**
 * sih_report_period_get_range:
 * @period: a period
 * @now: the current time, in the time zone whose days count
 * @from: (out) (transfer full) (nullable): the start (included): midnight
 *   of the period's first day; %NULL for all time
 * @until: (out) (transfer full) (nullable): the end (left out): midnight
 *   after today; %NULL for all time
 *
 * "Last 7 days" is today and the six days before it, whole days in @now's
 * time zone, so that a report made in the morning and one made in the
 * evening of the same day hold the same earlier cases.
 */
void
sih_report_period_get_range (SihReportPeriod   period,
                             GDateTime        *now,
                             GDateTime       **from,
                             GDateTime       **until)
{
  g_autoptr(GDateTime) today = NULL;

  g_return_if_fail ((guint)period < SIH_N_REPORT_PERIODS);
  g_return_if_fail (now != NULL);

  *from = NULL;
  *until = NULL;
  if (periods[period].days == 0 && !periods[period].month)
    return;

  today = g_date_time_new (g_date_time_get_timezone (now), g_date_time_get_year (now),
                           g_date_time_get_month (now), g_date_time_get_day_of_month (now),
                           0, 0, 0);
  *until = g_date_time_add_days (today, 1);
  if (periods[period].month)
    *from = g_date_time_new (g_date_time_get_timezone (now), g_date_time_get_year (now),
                             g_date_time_get_month (now), 1, 0, 0, 0);
  else
    *from = g_date_time_add_days (today, 1 - periods[period].days);
}

/* Counting */

static void
counts_init (Counts *counts)
{
  counts->causes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  counts->worked = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  counts->routes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  counts->calls = g_array_new (FALSE, FALSE, sizeof (gint64));
  memset (counts->statuses, 0, sizeof counts->statuses);
}

static void
counts_clear (Counts *counts)
{
  g_clear_pointer (&counts->causes, g_hash_table_unref);
  g_clear_pointer (&counts->worked, g_hash_table_unref);
  g_clear_pointer (&counts->routes, g_hash_table_unref);
  g_clear_pointer (&counts->calls, g_array_unref);
}

static void
count_add (GHashTable *table,
           const char *key,
           guint       n)
{
  gpointer old;

  if (g_hash_table_lookup_extended (table, key, NULL, &old))
    g_hash_table_insert (table, g_strdup (key), GUINT_TO_POINTER (GPOINTER_TO_UINT (old) + n));
  else
    g_hash_table_insert (table, g_strdup (key), GUINT_TO_POINTER (n));
}

static void
counts_merge (Counts *into,
              Counts *from)
{
  GHashTable *tables[][2] = {
    { into->causes, from->causes },
    { into->worked, from->worked },
    { into->routes, from->routes },
  };

  for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
    {
      GHashTableIter iter;
      gpointer key, value;

      g_hash_table_iter_init (&iter, tables[t][1]);
      while (g_hash_table_iter_next (&iter, &key, &value))
        count_add (tables[t][0], key, GPOINTER_TO_UINT (value));
    }
  for (guint i = 0; i < SIH_N_STATUSES; i++)
    into->statuses[i] += from->statuses[i];
  g_array_append_vals (into->calls, from->calls->data, from->calls->len);
}

static Counts *
get_counts (SihReport *self)
{
  return self->priv;
}

/**
 * sih_report_new:
 * @from: (nullable): the period's start (included)
 * @until: (nullable): the period's end (left out)
 *
 * Returns: (transfer full): an empty report, to which cases are added
 *   with sih_report_add_case() before sih_report_finish()
 */
SihReport *
sih_report_new (GDateTime *from,
                GDateTime *until)
{
  SihReport *self = g_new0 (SihReport, 1);
  Counts *counts = g_new0 (Counts, 1);

  self->from = from != NULL ? g_date_time_ref (from) : NULL;
  self->until = until != NULL ? g_date_time_ref (until) : NULL;
  self->median_call = -1;
  counts_init (counts);
  self->priv = counts;

  return self;
}

static void
row_free (SihReportRow *row)
{
  g_free (row->id);
  g_free (row->label);
  g_free (row);
}

static void
cause_steps_free (SihReportCauseSteps *cause)
{
  g_free (cause->cause_id);
  g_free (cause->label);
  g_ptr_array_unref (cause->steps);
  g_free (cause);
}

void
sih_report_free (SihReport *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->from, g_date_time_unref);
  g_clear_pointer (&self->until, g_date_time_unref);
  g_clear_pointer (&self->by_cause, g_ptr_array_unref);
  g_clear_pointer (&self->by_status, g_ptr_array_unref);
  g_clear_pointer (&self->worked, g_ptr_array_unref);
  g_clear_pointer (&self->routes, g_ptr_array_unref);
  if (self->priv != NULL)
    {
      counts_clear (self->priv);
      g_free (self->priv);
    }
  g_free (self);
}

/**
 * sih_report_in_period:
 * @from: (nullable): the period's start (included)
 * @until: (nullable): the period's end (left out)
 * @created: when a case was created
 *
 * Whether a case created at @created belongs to the period: the one rule
 * for it, which the report window also uses to read only the files of
 * the period (the case list knows when each case was created).
 */
gboolean
sih_report_in_period (GDateTime *from,
                      GDateTime *until,
                      GDateTime *created)
{
  g_return_val_if_fail (created != NULL, FALSE);

  if (from != NULL && g_date_time_compare (created, from) < 0)
    return FALSE;
  if (until != NULL && g_date_time_compare (created, until) >= 0)
    return FALSE;
  return TRUE;
}

/* Whether @c was ever escalated, and the route of its latest escalation
 * (%NULL when none was recorded). */
static gboolean
find_escalation (SihCase     *c,
                 const char **route)
{
  GPtrArray *history;

  *route = NULL;
  if (sih_case_get_status (c) == SIH_STATUS_ESCALATED)
    {
      *route = sih_case_get_escalation_route (c);
      return TRUE;
    }

  history = sih_case_get_history (c);
  for (guint i = history->len; i > 0; i--)
    {
      SihHistoryEntry *entry = g_ptr_array_index (history, i - 1);

      if (entry->kind == SIH_HISTORY_STATUS && entry->new_status == SIH_STATUS_ESCALATED)
        {
          *route = entry->route_id;
          return TRUE;
        }
    }
  return FALSE;
}

/* What a report needs of one case: no title, note, name or contact. */
typedef struct
{
  GDateTime *created;
  char      *cause_id;   /* NULL: none chosen */
  SihStatus  status;
  gboolean   escalated;
  char      *route_id;   /* of the latest escalation; NULL: none recorded */
  GStrv      worked;     /* "cause\nstep" of the steps that worked */
  GArray    *calls;      /* gint64 lengths, µs, of completed calls */
} Facts;

static void
facts_free (Facts *facts)
{
  g_date_time_unref (facts->created);
  g_free (facts->cause_id);
  g_free (facts->route_id);
  g_strfreev (facts->worked);
  g_array_unref (facts->calls);
  g_free (facts);
}

static Facts *
facts_new (SihCase *c)
{
  Facts *facts = g_new0 (Facts, 1);
  g_autoptr(GStrvBuilder) worked = g_strv_builder_new ();
  GPtrArray *records = sih_case_get_records (c);
  GPtrArray *calls = sih_case_get_calls (c);
  const char *route;

  facts->created = g_date_time_ref (sih_case_get_created (c));
  facts->cause_id = g_strdup (sih_case_get_cause_id (c));
  facts->status = sih_case_get_status (c);
  facts->escalated = find_escalation (c, &route);
  facts->route_id = g_strdup (route);

  /* A pair of cause and step has one record per case, so a step counts
   * once per case however often it was set. */
  for (guint i = 0; i < records->len; i++)
    {
      SihStepRecord *record = g_ptr_array_index (records, i);

      if (record->outcome == SIH_OUTCOME_WORKED)
        {
          g_autofree char *key = g_strconcat (record->cause_id, "\n", record->step_id, NULL);

          g_strv_builder_add (worked, key);
        }
    }
  facts->worked = g_strv_builder_end (worked);

  /* A call whose end is before its start (the clock was set back) has no
   * length anyone could use: left out, like a running call. */
  facts->calls = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; i < calls->len; i++)
    {
      SihCall *call = g_ptr_array_index (calls, i);
      gint64 length;

      if (call->end == NULL)
        continue;
      length = g_date_time_difference (call->end, call->start);
      if (length >= 0)
        g_array_append_val (facts->calls, length);
    }

  return facts;
}

static gboolean
add_facts (SihReport   *self,
           const Facts *facts)
{
  Counts *counts = get_counts (self);

  if (!sih_report_in_period (self->from, self->until, facts->created))
    return FALSE;

  self->n_cases++;
  count_add (counts->causes, facts->cause_id != NULL ? facts->cause_id : "", 1);
  counts->statuses[facts->status]++;
  for (guint i = 0; facts->worked[i] != NULL; i++)
    count_add (counts->worked, facts->worked[i], 1);
  if (facts->escalated)
    count_add (counts->routes, facts->route_id != NULL ? facts->route_id : "", 1);
  g_array_append_vals (counts->calls, facts->calls->data, facts->calls->len);
  return TRUE;
}

/**
 * sih_report_add_case:
 * @self: a report not yet finished
 * @c: a case
 *
 * Counts @c if it was created in the report's period.
 *
 * Returns: whether it was
 */
gboolean
sih_report_add_case (SihReport *self,
                     SihCase   *c)
{
  Facts *facts;
  gboolean added;

  g_return_val_if_fail (self != NULL && self->priv != NULL, FALSE);
  g_return_val_if_fail (SIH_IS_CASE (c), FALSE);

  facts = facts_new (c);
  added = add_facts (self, facts);
  facts_free (facts);
  return added;
}

/* Finishing: sorting and titles */

static SihReportRow *
row_new (const char *id,
         const char *label,
         guint       count)
{
  SihReportRow *row = g_new0 (SihReportRow, 1);

  row->id = g_strdup (id);
  row->label = g_strdup (label);
  row->count = count;
  return row;
}

/* Where the pack puts a cause, so that ties keep the pack's order; causes
 * it does not have come after, by id. */
static guint
cause_position (SihPack    *pack,
                const char *cause_id)
{
  GListModel *causes;

  if (pack == NULL || cause_id == NULL)
    return G_MAXUINT;
  causes = sih_pack_get_causes (pack);
  for (guint i = 0; i < g_list_model_get_n_items (causes); i++)
    {
      g_autoptr(SihCause) cause = g_list_model_get_item (causes, i);

      if (g_str_equal (sih_cause_get_id (cause), cause_id))
        return i;
    }
  return G_MAXUINT;
}

typedef struct
{
  SihReportRow *row;
  guint         position;  /* in the pack; G_MAXUINT when it lacks it */
} Sortable;

static int
compare_sortables (gconstpointer a,
                   gconstpointer b)
{
  const Sortable *x = a, *y = b;

  if (x->row->count != y->row->count)
    return x->row->count > y->row->count ? -1 : 1;
  if (x->position != y->position)
    return x->position < y->position ? -1 : 1;
  /* "none" (id NULL) last */
  if ((x->row->id == NULL) != (y->row->id == NULL))
    return x->row->id == NULL ? 1 : -1;
  return g_strcmp0 (x->row->id, y->row->id);
}

static GPtrArray *
sort_rows (GArray *sortables,
           guint   limit)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify)row_free);

  g_array_sort (sortables, compare_sortables);
  for (guint i = 0; i < sortables->len; i++)
    {
      Sortable *s = &g_array_index (sortables, Sortable, i);

      if (i < limit)
        g_ptr_array_add (rows, s->row);
      else
        row_free (s->row);
    }
  return rows;
}

static const char *
cause_label (SihPack    *pack,
             const char *cause_id)
{
  SihCause *cause = pack != NULL ? sih_pack_find_cause (pack, cause_id) : NULL;

  return cause != NULL ? sih_cause_get_title (cause) : cause_id;
}

static const char *
route_label (SihPack    *pack,
             const char *route_id)
{
  SihContact *contact = pack != NULL ? sih_pack_get_contact (pack) : NULL;

  for (guint i = 0; contact != NULL && i < sih_contact_get_n_routes (contact); i++)
    {
      SihContactRoute *route = sih_contact_get_route (contact, i);

      if (g_str_equal (route->id, route_id))
        return route->title.text;
    }
  return route_id;
}

static guint
route_position (SihPack    *pack,
                const char *route_id)
{
  SihContact *contact = pack != NULL ? sih_pack_get_contact (pack) : NULL;

  for (guint i = 0; contact != NULL && i < sih_contact_get_n_routes (contact); i++)
    if (g_str_equal (sih_contact_get_route (contact, i)->id, route_id))
      return i;
  return G_MAXUINT;
}

static void
finish_causes (SihReport *self,
               SihPack   *pack)
{
  g_autoptr(GArray) sortables = g_array_new (FALSE, FALSE, sizeof (Sortable));
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, get_counts (self)->causes);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const char *id = *(const char *)key != '\0' ? key : NULL;
      Sortable s;

      /* Translators: in a report, the cases on which no cause was chosen */
      s.row = row_new (id, id != NULL ? cause_label (pack, id) : _("No cause chosen"),
                       GPOINTER_TO_UINT (value));
      s.position = cause_position (pack, id);
      g_array_append_val (sortables, s);
    }
  self->by_cause = sort_rows (sortables, G_MAXUINT);
}

static void
finish_statuses (SihReport *self)
{
  self->by_status = g_ptr_array_new_with_free_func ((GDestroyNotify)row_free);
  for (guint i = 0; i < SIH_N_STATUSES; i++)
    g_ptr_array_add (self->by_status, row_new (sih_status_to_string (i), sih_status_get_label (i),
                                               get_counts (self)->statuses[i]));
}

static void
finish_worked (SihReport *self,
               SihPack   *pack)
{
  g_autoptr(GHashTable) by_cause = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                          (GDestroyNotify)g_array_unref);
  g_autoptr(GArray) causes = g_array_new (FALSE, FALSE, sizeof (Sortable));
  GHashTableIter iter;
  gpointer key, value;

  /* Group the steps by cause. */
  g_hash_table_iter_init (&iter, get_counts (self)->worked);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const char *newline = strchr (key, '\n');
      g_autofree char *cause_id = g_strndup (key, newline - (const char *)key);
      const char *step_id = newline + 1;
      SihCause *cause = pack != NULL ? sih_pack_find_cause (pack, cause_id) : NULL;
      SihStep *step = cause != NULL ? sih_cause_find_step (cause, step_id) : NULL;
      GArray *steps = g_hash_table_lookup (by_cause, cause_id);
      Sortable s;

      if (steps == NULL)
        {
          steps = g_array_new (FALSE, FALSE, sizeof (Sortable));
          g_hash_table_insert (by_cause, g_strdup (cause_id), steps);
        }
      s.row = row_new (step_id, step != NULL ? sih_step_get_title (step) : step_id,
                       GPOINTER_TO_UINT (value));
      s.position = step != NULL ? sih_cause_get_step_number (cause, step_id) : G_MAXUINT;
      g_array_append_val (steps, s);
    }

  /* Causes in the pack's order. */
  g_hash_table_iter_init (&iter, by_cause);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      Sortable s;

      s.row = row_new (key, cause_label (pack, key), 0);
      s.position = cause_position (pack, key);
      g_array_append_val (causes, s);
    }
  g_array_sort (causes, compare_sortables);

  self->worked = g_ptr_array_new_with_free_func ((GDestroyNotify)cause_steps_free);
  for (guint i = 0; i < causes->len; i++)
    {
      SihReportRow *row = g_array_index (causes, Sortable, i).row;
      SihReportCauseSteps *cause = g_new0 (SihReportCauseSteps, 1);
      gpointer stolen_key;

      cause->cause_id = g_steal_pointer (&row->id);
      cause->label = g_steal_pointer (&row->label);
      row_free (row);
      g_hash_table_steal_extended (by_cause, cause->cause_id, &stolen_key, &value);
      g_free (stolen_key);
      cause->steps = sort_rows (value, SIH_REPORT_TOP_STEPS);
      g_array_unref (value);
      g_ptr_array_add (self->worked, cause);
    }
}

static void
finish_routes (SihReport *self,
               SihPack   *pack)
{
  g_autoptr(GArray) sortables = g_array_new (FALSE, FALSE, sizeof (Sortable));
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, get_counts (self)->routes);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const char *id = *(const char *)key != '\0' ? key : NULL;
      Sortable s;

      /* Translators: in a report, escalated cases with no official route recorded */
      s.row = row_new (id, id != NULL ? route_label (pack, id) : _("No route recorded"),
                       GPOINTER_TO_UINT (value));
      s.position = id != NULL ? route_position (pack, id) : G_MAXUINT;
      self->n_escalated += s.row->count;
      g_array_append_val (sortables, s);
    }
  self->routes = sort_rows (sortables, G_MAXUINT);
}

static int
compare_lengths (gconstpointer a,
                 gconstpointer b)
{
  gint64 x = *(const gint64 *)a, y = *(const gint64 *)b;

  return (x > y) - (x < y);
}

static void
finish_calls (SihReport *self)
{
  GArray *calls = get_counts (self)->calls;
  guint n = calls->len;

  g_array_sort (calls, compare_lengths);
  self->n_calls = n;
  self->total_call = 0;
  for (guint i = 0; i < n; i++)
    self->total_call += g_array_index (calls, gint64, i);
  if (n == 0)
    self->median_call = -1;
  else if (n % 2 == 1)
    self->median_call = g_array_index (calls, gint64, n / 2);
  else
    self->median_call = (g_array_index (calls, gint64, n / 2 - 1) +
                         g_array_index (calls, gint64, n / 2)) / 2;
}

/**
 * sih_report_finish:
 * @self: a report
 * @pack: (nullable): the pack whose titles the rows take
 *
 * Sorts the counts into the report's rows.  No case can be added after.
 */
void
sih_report_finish (SihReport *self,
                   SihPack   *pack)
{
  g_return_if_fail (self != NULL && self->priv != NULL);
  g_return_if_fail (pack == NULL || SIH_IS_PACK (pack));

  finish_causes (self, pack);
  finish_statuses (self);
  finish_worked (self, pack);
  finish_routes (self, pack);
  finish_calls (self);

  counts_clear (self->priv);
  g_clear_pointer (&self->priv, g_free);
}

/* Reading the files */

typedef struct
{
  const char * const *paths;
  guint               start;
  guint               end;
  GCancellable       *cancellable;
  SihReport          *report;
} Slice;

/* What was read of each file, for as long as the process runs: a period
 * chosen again, or the window opened again, reads only the files that
 * changed.  A file is the same while its inode, size, modification and
 * change times are (a save replaces the file, so its inode changes).  The
 * facts hold no personal data.  Bounded: emptied when it grows past
 * CACHE_MAX files, which a folder of cases does not reach. */
#define CACHE_MAX 200000

typedef struct
{
  dev_t   dev;
  ino_t   ino;
  off_t   size;
  gint64  mtime_ns;
  gint64  ctime_ns;
  Facts  *facts;
} CacheEntry;

static GMutex      cache_lock;
static GHashTable *cache;  /* path → CacheEntry */

static void
cache_entry_free (CacheEntry *entry)
{
  facts_free (entry->facts);
  g_free (entry);
}

static void
stat_to_entry (const struct stat *st,
               CacheEntry        *entry)
{
  entry->dev = st->st_dev;
  entry->ino = st->st_ino;
  entry->size = st->st_size;
  entry->mtime_ns = (gint64)st->st_mtim.tv_sec * 1000000000 + st->st_mtim.tv_nsec;
  entry->ctime_ns = (gint64)st->st_ctim.tv_sec * 1000000000 + st->st_ctim.tv_nsec;
}

/* Adds what is cached for @path to @report, if the file has not changed. */
static gboolean
add_cached (SihReport        *report,
            const char       *path,
            const CacheEntry *now)
{
  CacheEntry *entry;
  gboolean found = FALSE;

  g_mutex_lock (&cache_lock);
  entry = cache != NULL ? g_hash_table_lookup (cache, path) : NULL;
  if (entry != NULL && entry->dev == now->dev && entry->ino == now->ino &&
      entry->size == now->size && entry->mtime_ns == now->mtime_ns &&
      entry->ctime_ns == now->ctime_ns)
    {
      add_facts (report, entry->facts);
      found = TRUE;
    }
  g_mutex_unlock (&cache_lock);
  return found;
}

static void
cache_facts (const char       *path,
             const CacheEntry *key,
             Facts            *facts)
{
  CacheEntry *entry = g_new (CacheEntry, 1);

  *entry = *key;
  entry->facts = facts;
  g_mutex_lock (&cache_lock);
  if (cache == NULL || g_hash_table_size (cache) >= CACHE_MAX)
    {
      g_clear_pointer (&cache, g_hash_table_unref);
      cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                     (GDestroyNotify)cache_entry_free);
    }
  g_hash_table_replace (cache, g_strdup (path), entry);
  g_mutex_unlock (&cache_lock);
}

/**
 * sih_report_clear_cache:
 *
 * Forgets what was read of every file (for tests and benchmarks that
 * measure reading them).
 */
void
sih_report_clear_cache (void)
{
  g_mutex_lock (&cache_lock);
  g_clear_pointer (&cache, g_hash_table_unref);
  g_mutex_unlock (&cache_lock);
}

static gpointer
count_slice (gpointer data)
{
  Slice *slice = data;

  for (guint i = slice->start; i < slice->end; i++)
    {
      const char *path = slice->paths[i];
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(SihCase) c = NULL;
      CacheEntry key = { 0, };
      struct stat st;
      Facts *facts;

      if (i % 64 == 0 && g_cancellable_is_cancelled (slice->cancellable))
        break;

      /* Taken before reading: a file changed meanwhile is read again next
       * time.  A link could point anywhere (see sih-case-store-scan.c). */
      if (g_lstat (path, &st) != 0 || !S_ISREG (st.st_mode))
        {
          slice->report->n_unreadable++;
          continue;
        }
      stat_to_entry (&st, &key);
      if (add_cached (slice->report, path, &key))
        continue;

      bytes = sih_case_file_read (path, FALSE, NULL);
      if (bytes != NULL)
        c = sih_case_file_load_bytes (bytes, path, NULL);
      if (c == NULL)
        {
          slice->report->n_unreadable++;
          continue;
        }
      slice->report->n_read++;
      facts = facts_new (c);
      add_facts (slice->report, facts);
      cache_facts (path, &key, facts);
    }
  return NULL;
}

/**
 * sih_report_compute:
 * @paths: (array zero-terminated=1): case files
 * @from: (nullable): the period's start (included)
 * @until: (nullable): the period's end (left out)
 * @pack: (nullable): the pack whose titles the rows take
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for an error (only %G_IO_ERROR_CANCELLED)
 *
 * Reads every file, on as many threads as there are processors (at most
 * eight), and makes the report of the cases created in the period.  A
 * file that cannot be read is counted in @n_unreadable and left out: the
 * case list sets such files aside and says so.
 *
 * Returns: (transfer full): the report, finished
 */
SihReport *
sih_report_compute (const char * const *paths,
                    GDateTime          *from,
                    GDateTime          *until,
                    SihPack            *pack,
                    GCancellable       *cancellable,
                    GError            **error)
{
  guint n_paths = paths != NULL ? g_strv_length ((char **)paths) : 0;
  guint n_threads = CLAMP (g_get_num_processors (), 1, MAX_THREADS);
  g_autoptr(SihReport) report = sih_report_new (from, until);
  Slice slices[MAX_THREADS];
  GThread *threads[MAX_THREADS] = { NULL, };

  /* Threads are worth it only for many files. */
  if (n_paths < 256)
    n_threads = 1;

  for (guint t = 0; t < n_threads; t++)
    {
      slices[t].paths = paths;
      slices[t].start = n_paths * t / n_threads;
      slices[t].end = n_paths * (t + 1) / n_threads;
      slices[t].cancellable = cancellable;
      slices[t].report = t == 0 ? report : sih_report_new (from, until);
      if (t > 0)
        threads[t] = g_thread_new ("sih-report", count_slice, &slices[t]);
    }
  count_slice (&slices[0]);
  for (guint t = 1; t < n_threads; t++)
    {
      g_thread_join (threads[t]);
      counts_merge (get_counts (report), get_counts (slices[t].report));
      report->n_cases += slices[t].report->n_cases;
      report->n_unreadable += slices[t].report->n_unreadable;
      report->n_read += slices[t].report->n_read;
      sih_report_free (slices[t].report);
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  sih_report_finish (report, pack);
  return g_steal_pointer (&report);
}

typedef struct
{
  GStrv      paths;
  GDateTime *from;
  GDateTime *until;
  SihPack   *pack;
} ComputeData;

static void
compute_data_free (ComputeData *data)
{
  g_strfreev (data->paths);
  g_clear_pointer (&data->from, g_date_time_unref);
  g_clear_pointer (&data->until, g_date_time_unref);
  g_clear_object (&data->pack);
  g_free (data);
}

static void
compute_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  ComputeData *data = task_data;
  GError *error = NULL;
  SihReport *report;

  report = sih_report_compute ((const char * const *)data->paths, data->from, data->until,
                               data->pack, cancellable, &error);
  if (report != NULL)
    g_task_return_pointer (task, report, (GDestroyNotify)sih_report_free);
  else
    g_task_return_error (task, error);
}

/**
 * sih_report_compute_async:
 *
 * Does sih_report_compute() in a worker thread.  The pack is immutable,
 * so the worker reads its titles as it is.
 */
void
sih_report_compute_async (const char * const  *paths,
                          GDateTime           *from,
                          GDateTime           *until,
                          SihPack             *pack,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  ComputeData *data = g_new0 (ComputeData, 1);

  g_return_if_fail (pack == NULL || SIH_IS_PACK (pack));

  data->paths = g_strdupv ((char **)paths);
  data->from = from != NULL ? g_date_time_ref (from) : NULL;
  data->until = until != NULL ? g_date_time_ref (until) : NULL;
  data->pack = pack != NULL ? g_object_ref (pack) : NULL;
  g_task_set_source_tag (task, sih_report_compute_async);
  g_task_set_task_data (task, data, (GDestroyNotify)compute_data_free);
  g_task_set_return_on_cancel (task, FALSE);
  g_task_run_in_thread (task, compute_thread);
}

SihReport *
sih_report_compute_finish (GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Text */

/**
 * sih_report_format_duration:
 * @usec: a length of time, in microseconds
 *
 * Returns: (transfer full): it in minutes and seconds ("5 min 07 s"),
 *   hours too when there are any
 */
char *
sih_report_format_duration (gint64 usec)
{
  gint64 seconds = MAX (usec, 0) / G_USEC_PER_SEC;
  guint h = seconds / 3600, m = seconds / 60 % 60, s = seconds % 60;

  if (h > 0)
    /* Translators: a length of time: hours, minutes and seconds */
    return g_strdup_printf (_("%u h %02u min %02u s"), h, m, s);
  /* Translators: a length of time: minutes and seconds */
  return g_strdup_printf (_("%u min %02u s"), m, s);
}

/**
 * sih_report_format_date:
 * @time: a time
 *
 * Returns: (transfer full): its date, "2026-12-07": one form that people
 *   read in any language and spreadsheets take as a date
 */
char *
sih_report_format_date (GDateTime *time)
{
  return g_date_time_format (time, "%Y-%m-%d");
}

/* CSV, RFC 4180: cells separated by commas, rows ended by CRLF, a cell
 * quoted when it holds a comma, a quote or a line break, quotes doubled.
 * A text cell that a spreadsheet would take for a formula (= + - @, and
 * tab or carriage return, which some take as the start of one) gets a
 * leading apostrophe: the pack's titles come from outside the app. */
static void
csv_text (GString    *out,
          const char *text,
          gboolean    first)
{
  gboolean quote;

  if (!first)
    g_string_append_c (out, ',');

  quote = strpbrk (text, ",\"\r\n") != NULL;
  if (quote)
    g_string_append_c (out, '"');
  if (strchr ("=+-@\t\r", text[0]) != NULL && text[0] != '\0')
    g_string_append_c (out, '\'');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  if (quote)
    g_string_append_c (out, '"');
}

static void
csv_number (GString *out,
            guint64  n)
{
  g_string_append_printf (out, ",%" G_GUINT64_FORMAT, n);
}

static void
csv_end_row (GString *out)
{
  g_string_append (out, "\r\n");
}

static void
csv_rows (GString    *out,
          const char *heading,
          GPtrArray  *rows)
{
  csv_end_row (out);
  csv_text (out, heading, TRUE);
  /* Translators: a column heading of a report's spreadsheet: a number of cases */
  csv_text (out, C_("report column", "Cases"), FALSE);
  csv_end_row (out);
  for (guint i = 0; i < rows->len; i++)
    {
      SihReportRow *row = g_ptr_array_index (rows, i);

      csv_text (out, row->label, TRUE);
      csv_number (out, row->count);
      csv_end_row (out);
    }
}

/**
 * sih_report_to_csv:
 * @self: a finished report
 * @period_label: (nullable): the name of its period ("Last 7 days")
 *
 * Writes the report's figures as a spreadsheet: one section after
 * another, a blank row between them, each with its heading row (in the
 * language of the interface).  UTF-8 with a byte-order mark, so that
 * spreadsheets read Japanese as Japanese.  Lengths of time are in whole
 * seconds, so that a spreadsheet can compute with them.
 *
 * Returns: (transfer full): the file's contents
 */
GBytes *
sih_report_to_csv (SihReport  *self,
                   const char *period_label)
{
  GString *out = g_string_new ("\xEF\xBB\xBF");
  g_autofree char *from = NULL;
  g_autofree char *until = NULL;

  g_return_val_if_fail (self != NULL && self->priv == NULL, NULL);

  /* Translators: a column heading of a report's spreadsheet */
  csv_text (out, C_("report column", "Figure"), TRUE);
  /* Translators: a column heading of a report's spreadsheet */
  csv_text (out, C_("report column", "Value"), FALSE);
  csv_end_row (out);

  if (period_label != NULL)
    {
      /* Translators: a row of a report's spreadsheet: which days it covers */
      csv_text (out, C_("report figure", "Period"), TRUE);
      csv_text (out, period_label, FALSE);
      csv_end_row (out);
    }
  if (self->from != NULL && self->until != NULL)
    {
      g_autoptr(GDateTime) last = g_date_time_add_seconds (self->until, -1);

      from = sih_report_format_date (self->from);
      until = sih_report_format_date (last);
      /* Translators: a row of a report's spreadsheet: the first day of its period */
      csv_text (out, C_("report figure", "First day"), TRUE);
      csv_text (out, from, FALSE);
      csv_end_row (out);
      /* Translators: a row of a report's spreadsheet: the last day of its period */
      csv_text (out, C_("report figure", "Last day"), TRUE);
      csv_text (out, until, FALSE);
      csv_end_row (out);
    }

  /* Translators: a row of a report's spreadsheet */
  csv_text (out, C_("report figure", "Cases"), TRUE);
  csv_number (out, self->n_cases);
  csv_end_row (out);
  /* Translators: a row of a report's spreadsheet: cases escalated at any point */
  csv_text (out, C_("report figure", "Escalated cases"), TRUE);
  csv_number (out, self->n_escalated);
  csv_end_row (out);
  /* Translators: a row of a report's spreadsheet: calls that have ended */
  csv_text (out, C_("report figure", "Completed calls"), TRUE);
  csv_number (out, self->n_calls);
  csv_end_row (out);
  /* Translators: a row of a report's spreadsheet */
  csv_text (out, C_("report figure", "Median call time (seconds)"), TRUE);
  if (self->median_call >= 0)
    csv_number (out, (self->median_call + G_USEC_PER_SEC / 2) / G_USEC_PER_SEC);
  else
    csv_text (out, "", FALSE);
  csv_end_row (out);
  /* Translators: a row of a report's spreadsheet */
  csv_text (out, C_("report figure", "Total call time (seconds)"), TRUE);
  csv_number (out, (self->total_call + G_USEC_PER_SEC / 2) / G_USEC_PER_SEC);
  csv_end_row (out);

  /* Translators: a column heading of a report's spreadsheet */
  csv_rows (out, C_("report column", "Cause"), self->by_cause);
  /* Translators: a column heading of a report's spreadsheet */
  csv_rows (out, C_("report column", "Status"), self->by_status);

  csv_end_row (out);
  /* Translators: a column heading of a report's spreadsheet */
  csv_text (out, C_("report column", "Cause"), TRUE);
  /* Translators: a column heading of a report's spreadsheet: a step that worked */
  csv_text (out, C_("report column", "Step that worked"), FALSE);
  csv_text (out, C_("report column", "Cases"), FALSE);
  csv_end_row (out);
  for (guint i = 0; i < self->worked->len; i++)
    {
      SihReportCauseSteps *cause = g_ptr_array_index (self->worked, i);

      for (guint j = 0; j < cause->steps->len; j++)
        {
          SihReportRow *step = g_ptr_array_index (cause->steps, j);

          csv_text (out, cause->label, TRUE);
          csv_text (out, step->label, FALSE);
          csv_number (out, step->count);
          csv_end_row (out);
        }
    }

  /* Translators: a column heading of a report's spreadsheet: where cases were escalated */
  csv_rows (out, C_("report column", "Official route"), self->routes);

  return g_string_free_to_bytes (out);
}
