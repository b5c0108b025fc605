/* sih-fault-inject.c: an LD_PRELOAD shim that counts, and fails on
 * request, the I/O calls a process makes under one folder (tests only)
 *
 * SQLite tests its I/O error handling by running an operation once to
 * count its I/O calls, then again failing call 1, call 2, … call n in turn.
 * This shim does the same for any process: the GLib, GIO and cairo writes
 * of the app are all reached, whoever makes them.
 *
 * Only calls that touch a path under SIH_FAULT_DIR (or a descriptor or
 * stream opened there) are counted, so that the count does not depend on
 * what else the process does (standard output, D-Bus, event fds).  glibc's
 * stdio writes through internal entry points that LD_PRELOAD cannot reach,
 * so fopen/fwrite/fflush/fclose are interposed too (cairo writes PDFs with
 * them).
 *
 * Environment:
 *   SIH_FAULT_DIR      the folder; without it nothing is counted
 *   SIH_FAULT_WRITES_ONLY  if set, opening to read is not counted
 *   SIH_FAULT_LOG      where to write, at exit, one line per counted call:
 *                      "N KIND ERRORS PATH" (ERRORS: those the call can
 *                      return, comma-separated), and "FIRED N ERROR" if the
 *                      fault was injected
 *   SIH_FAULT_FAIL_AT  the call to fail, from 1 (0 or unset: count only)
 *   SIH_FAULT_ERROR    how: ENOSPC, EIO, EACCES, EROFS (the call fails with
 *                      that errno), SHORT (a write writes half of what it was
 *                      asked and says so; the calls after it succeed: a
 *                      caller must loop) or CRASH (the process ends at once,
 *                      as if the power went: nothing after it happens)
 * Only the one call fails: the fault then clears, so retrying works.
 *
 * A process that has the shim preloaded can also drive it (see
 * sih-fault.h): sih_fault_arm() starts counting again with a new failure
 * point, sih_fault_pause() stops counting while the test reads the folder.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* The functions are defined under their own names: no header may rename
 * them (open to open64) or wrap them (fortified open). */
#undef _FILE_OFFSET_BITS
#undef _TIME_BITS
#undef _FORTIFY_SOURCE
#define _GNU_SOURCE

#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdio_ext.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/uio.h>
#include <unistd.h>

#define EXPORT __attribute__((visibility ("default")))

/* What each kind of call can return when a disk fails, fills up, is
 * remounted read-only or loses its permissions: one home for it, written
 * into the log so that the harness tries exactly these. */
typedef enum
{
  K_OPEN_READ,
  K_OPEN_WRITE,
  K_CREATE,
  K_WRITE,
  K_SYNC,
  K_CLOSE_READ,
  K_CLOSE_WRITE,
  K_RENAME,
  K_UNLINK,
  K_MKDIR,
  K_TRUNCATE,
  K_CHMOD,
  K_LINK,
  K_ALLOCATE,
  K_STDIO_OPEN,
  K_STDIO_WRITE,
  K_STDIO_FLUSH,
  K_STDIO_CLOSE,
} Kind;

static const struct
{
  const char *name;
  const char *errors;
} kinds[] = {
  [K_OPEN_READ]   = { "open-read",   "EACCES,EIO" },
  [K_OPEN_WRITE]  = { "open-write",  "EACCES,EROFS,EIO" },
  [K_CREATE]      = { "create",      "ENOSPC,EACCES,EROFS,EIO" },
  [K_WRITE]       = { "write",       "ENOSPC,EIO,SHORT" },
  [K_SYNC]        = { "sync",        "EIO,ENOSPC" },
  [K_CLOSE_READ]  = { "close-read",  "" },
  [K_CLOSE_WRITE] = { "close-write", "EIO,ENOSPC" },
  [K_RENAME]      = { "rename",      "ENOSPC,EACCES,EROFS,EIO" },
  [K_UNLINK]      = { "unlink",      "EACCES,EROFS,EIO" },
  [K_MKDIR]       = { "mkdir",       "ENOSPC,EACCES,EROFS,EIO" },
  [K_TRUNCATE]    = { "truncate",    "EIO" },
  [K_CHMOD]       = { "chmod",       "EROFS,EIO" },
  [K_LINK]        = { "link",        "ENOSPC,EACCES,EROFS,EIO" },
  [K_ALLOCATE]    = { "allocate",    "ENOSPC,EIO" },
  [K_STDIO_OPEN]  = { "fopen",       "ENOSPC,EACCES,EROFS,EIO" },
  [K_STDIO_WRITE] = { "fwrite",      "ENOSPC,EIO,SHORT" },
  [K_STDIO_FLUSH] = { "fflush",      "ENOSPC,EIO" },
  [K_STDIO_CLOSE] = { "fclose",      "ENOSPC,EIO" },
};

enum { ACT_NONE, ACT_ERRNO, ACT_SHORT };

#define MAX_FDS     65536
#define MAX_STREAMS 256
#define CRASH_STATUS 99

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static char dir[PATH_MAX];
static size_t dir_len;
static int active;
static int paused;
static int writes_only;
static unsigned long count;
static unsigned long fail_at;
static char fail_error[16];
static unsigned long fired_at;
static char *log_text;
static size_t log_len, log_size;
static unsigned char fd_mode[MAX_FDS];  /* 0: not ours, 1: read, 2: write */
static FILE *streams[MAX_STREAMS];
static __thread int inside;

#define REAL(name) \
  static __typeof__ (name) *real_##name; \
  if (real_##name == NULL) \
    real_##name = (__typeof__ (name) *)dlsym (RTLD_NEXT, #name)

/* The log */

static void
log_append (const char *line)
{
  size_t len = strlen (line);

  if (log_len + len + 1 > log_size)
    {
      size_t size = log_size == 0 ? 4096 : log_size * 2;
      char *text;

      while (log_len + len + 1 > size)
        size *= 2;
      text = realloc (log_text, size);
      if (text == NULL)
        return;
      log_text = text;
      log_size = size;
    }
  memcpy (log_text + log_len, line, len + 1);
  log_len += len;
}

static void
write_log (void)
{
  const char *path = getenv ("SIH_FAULT_LOG");
  int fd;

  REAL (open);
  REAL (write);
  REAL (close);

  if (path == NULL || *path == '\0')
    return;
  fd = real_open (path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0)
    return;
  for (size_t done = 0; done < log_len;)
    {
      ssize_t n = real_write (fd, log_text + done, log_len - done);

      if (n <= 0)
        break;
      done += (size_t)n;
    }
  real_close (fd);
}

/* Set-up */

static void
set_dir (const char *path)
{
  char resolved[PATH_MAX];

  dir[0] = '\0';
  dir_len = 0;
  active = 0;
  if (path == NULL || *path == '\0')
    return;
  /* The folder may not exist yet (mkdir is one of the calls). */
  if (realpath (path, resolved) == NULL)
    snprintf (resolved, sizeof resolved, "%s", path);
  snprintf (dir, sizeof dir, "%s", resolved);
  dir_len = strlen (dir);
  while (dir_len > 1 && dir[dir_len - 1] == '/')
    dir[--dir_len] = '\0';
  active = 1;
}

__attribute__((constructor)) static void
init (void)
{
  const char *at = getenv ("SIH_FAULT_FAIL_AT");
  const char *error = getenv ("SIH_FAULT_ERROR");

  set_dir (getenv ("SIH_FAULT_DIR"));
  writes_only = getenv ("SIH_FAULT_WRITES_ONLY") != NULL;
  fail_at = at != NULL ? strtoul (at, NULL, 10) : 0;
  snprintf (fail_error, sizeof fail_error, "%s", error != NULL ? error : "EIO");
}

__attribute__((destructor)) static void
fini (void)
{
  pthread_mutex_lock (&lock);
  write_log ();
  pthread_mutex_unlock (&lock);
}

static int
error_number (const char *name)
{
  static const struct { const char *name; int number; } numbers[] = {
    { "ENOSPC", ENOSPC }, { "EIO", EIO }, { "EACCES", EACCES }, { "EROFS", EROFS },
  };

  for (size_t i = 0; i < sizeof numbers / sizeof numbers[0]; i++)
    if (strcmp (numbers[i].name, name) == 0)
      return numbers[i].number;
  return EIO;
}

/* Which calls are ours */

static int
path_is_under (const char *path)
{
  return strncmp (path, dir, dir_len) == 0 && (path[dir_len] == '\0' || path[dir_len] == '/');
}

static int
ours_at (int dirfd, const char *path)
{
  char base[PATH_MAX];
  char full[PATH_MAX * 2];

  if (!active || paused || inside || path == NULL)
    return 0;
  if (path[0] == '/')
    return path_is_under (path);

  if (dirfd == AT_FDCWD)
    {
      if (getcwd (base, sizeof base) == NULL)
        return 0;
    }
  else
    {
      char proc[64];
      ssize_t n;

      snprintf (proc, sizeof proc, "/proc/self/fd/%d", dirfd);
      n = readlink (proc, base, sizeof base - 1);
      if (n < 0)
        return 0;
      base[n] = '\0';
    }
  snprintf (full, sizeof full, "%s/%s", base, path);
  return path_is_under (full);
}

static int
ours (const char *path)
{
  return ours_at (AT_FDCWD, path);
}

static int
fd_ours (int fd)
{
  return active && !paused && !inside && fd >= 0 && fd < MAX_FDS && fd_mode[fd] != 0;
}

static void
track_fd (int fd, int mode)
{
  if (fd >= 0 && fd < MAX_FDS)
    __atomic_store_n (&fd_mode[fd], (unsigned char)mode, __ATOMIC_SEQ_CST);
}

static int
stream_ours (FILE *stream)
{
  int found = 0;

  if (!active || paused || inside || stream == NULL)
    return 0;
  pthread_mutex_lock (&lock);
  for (int i = 0; i < MAX_STREAMS && !found; i++)
    found = streams[i] == stream;
  pthread_mutex_unlock (&lock);
  return found;
}

static void
track_stream (FILE *stream, int on)
{
  pthread_mutex_lock (&lock);
  for (int i = 0; i < MAX_STREAMS; i++)
    if (on ? streams[i] == NULL : streams[i] == stream)
      {
        streams[i] = on ? stream : NULL;
        break;
      }
  pthread_mutex_unlock (&lock);
}

/* Counts a call and says whether to fail it.  For CRASH the process ends
 * here, before the call, with the log written. */
static int
count_call (Kind kind, const char *path, int fd)
{
  char line[PATH_MAX + 128];
  char where[PATH_MAX];
  int action = ACT_NONE;

  if (writes_only && (kind == K_OPEN_READ || kind == K_CLOSE_READ))
    return ACT_NONE;

  if (path == NULL && fd >= 0)
    {
      char proc[64];
      ssize_t n;

      snprintf (proc, sizeof proc, "/proc/self/fd/%d", fd);
      n = readlink (proc, where, sizeof where - 1);
      where[n > 0 ? n : 0] = '\0';
      path = where;
    }

  pthread_mutex_lock (&lock);
  count++;
  snprintf (line, sizeof line, "%lu %s %s %s\n", count, kinds[kind].name,
            *kinds[kind].errors != '\0' ? kinds[kind].errors : "-", path != NULL ? path : "?");
  log_append (line);
  if (count == fail_at)
    {
      fired_at = count;
      snprintf (line, sizeof line, "FIRED %lu %s\n", count, fail_error);
      log_append (line);
      if (strcmp (fail_error, "CRASH") == 0)
        {
          write_log ();
          _exit (CRASH_STATUS);
        }
      action = strcmp (fail_error, "SHORT") == 0 ? ACT_SHORT : ACT_ERRNO;
    }
  pthread_mutex_unlock (&lock);

  /* A short write only makes sense for writes; elsewhere it is EIO. */
  if (action == ACT_SHORT && kind != K_WRITE && kind != K_STDIO_WRITE)
    action = ACT_ERRNO;
  return action;
}

static int
fail_errno (void)
{
  return strcmp (fail_error, "SHORT") == 0 ? EIO : error_number (fail_error);
}

/* Control, for a process that drives the shim itself (sih-fault.h) */

EXPORT void          sih_fault_arm   (const char *folder, unsigned long at, const char *error);
EXPORT void          sih_fault_pause (int pause);
EXPORT void          sih_fault_set_writes_only (int only);
EXPORT unsigned long sih_fault_count (void);
EXPORT unsigned long sih_fault_fired (void);
EXPORT char         *sih_fault_log   (void);

EXPORT void
sih_fault_arm (const char    *folder,
               unsigned long  at,
               const char    *error)
{
  pthread_mutex_lock (&lock);
  set_dir (folder);
  count = 0;
  fail_at = at;
  fired_at = 0;
  snprintf (fail_error, sizeof fail_error, "%s", error != NULL ? error : "EIO");
  log_len = 0;
  if (log_text != NULL)
    log_text[0] = '\0';
  pthread_mutex_unlock (&lock);
}

EXPORT void
sih_fault_pause (int pause)
{
  pthread_mutex_lock (&lock);
  paused = pause;
  pthread_mutex_unlock (&lock);
}

/* Reading is left alone: a file chooser reads the folder it shows, as
 * much as it likes, in the background. */
EXPORT void
sih_fault_set_writes_only (int only)
{
  pthread_mutex_lock (&lock);
  writes_only = only;
  pthread_mutex_unlock (&lock);
}

EXPORT unsigned long
sih_fault_count (void)
{
  unsigned long n;

  pthread_mutex_lock (&lock);
  n = count;
  pthread_mutex_unlock (&lock);
  return n;
}

EXPORT unsigned long
sih_fault_fired (void)
{
  unsigned long n;

  pthread_mutex_lock (&lock);
  n = fired_at;
  pthread_mutex_unlock (&lock);
  return n;
}

/* A copy of the log so far, for the caller to free(). */
EXPORT char *
sih_fault_log (void)
{
  char *text;

  pthread_mutex_lock (&lock);
  text = strdup (log_text != NULL ? log_text : "");
  pthread_mutex_unlock (&lock);
  return text;
}

/* Opening: glibc's fortified headers call these */

EXPORT int __open_2     (const char *path, int flags);
EXPORT int __open64_2   (const char *path, int flags);
EXPORT int __openat_2   (int dirfd, const char *path, int flags);
EXPORT int __openat64_2 (int dirfd, const char *path, int flags);

static Kind
open_kind (int flags)
{
  if (flags & O_CREAT)
    return K_CREATE;
  if ((flags & O_ACCMODE) != O_RDONLY || (flags & O_TRUNC))
    return K_OPEN_WRITE;
  return K_OPEN_READ;
}

static int
needs_mode (int flags)
{
  return (flags & O_CREAT) || (flags & O_TMPFILE) == O_TMPFILE;
}

static int
open_common (int (*real) (int, const char *, int, ...), int dirfd, const char *path,
             int flags, mode_t mode)
{
  int mine = ours_at (dirfd, path);
  int fd;

  if (mine && count_call (open_kind (flags), path, -1) != ACT_NONE)
    {
      errno = fail_errno ();
      /* ENOSPC only when something would be created. */
      if (errno == ENOSPC && !(flags & O_CREAT))
        errno = EIO;
      return -1;
    }
  fd = real (dirfd, path, flags, mode);
  if (mine && fd >= 0)
    track_fd (fd, (flags & O_ACCMODE) == O_RDONLY && !(flags & O_CREAT) ? 1 : 2);
  return fd;
}

static int
real_openat_any (int dirfd, const char *path, int flags, ...)
{
  va_list ap;
  mode_t mode;

  REAL (openat);
  va_start (ap, flags);
  mode = va_arg (ap, mode_t);
  va_end (ap);
  return real_openat (dirfd, path, flags, mode);
}

static mode_t
take_mode (int flags, va_list ap)
{
  return needs_mode (flags) ? va_arg (ap, mode_t) : 0;
}

EXPORT int
open (const char *path, int flags, ...)
{
  va_list ap;
  mode_t mode;

  va_start (ap, flags);
  mode = take_mode (flags, ap);
  va_end (ap);
  return open_common (real_openat_any, AT_FDCWD, path, flags, mode);
}

EXPORT int
open64 (const char *path, int flags, ...)
{
  va_list ap;
  mode_t mode;

  va_start (ap, flags);
  mode = take_mode (flags, ap);
  va_end (ap);
  return open_common (real_openat_any, AT_FDCWD, path, flags, mode);
}

EXPORT int
__open_2 (const char *path, int flags)
{
  return open_common (real_openat_any, AT_FDCWD, path, flags, 0);
}

EXPORT int
__open64_2 (const char *path, int flags)
{
  return open_common (real_openat_any, AT_FDCWD, path, flags, 0);
}

EXPORT int
openat (int dirfd, const char *path, int flags, ...)
{
  va_list ap;
  mode_t mode;

  va_start (ap, flags);
  mode = take_mode (flags, ap);
  va_end (ap);
  return open_common (real_openat_any, dirfd, path, flags, mode);
}

EXPORT int
openat64 (int dirfd, const char *path, int flags, ...)
{
  va_list ap;
  mode_t mode;

  va_start (ap, flags);
  mode = take_mode (flags, ap);
  va_end (ap);
  return open_common (real_openat_any, dirfd, path, flags, mode);
}

EXPORT int
__openat_2 (int dirfd, const char *path, int flags)
{
  return open_common (real_openat_any, dirfd, path, flags, 0);
}

EXPORT int
__openat64_2 (int dirfd, const char *path, int flags)
{
  return open_common (real_openat_any, dirfd, path, flags, 0);
}

EXPORT int
creat (const char *path, mode_t mode)
{
  return open_common (real_openat_any, AT_FDCWD, path, O_CREAT | O_WRONLY | O_TRUNC, mode);
}

EXPORT int
creat64 (const char *path, mode_t mode)
{
  return open_common (real_openat_any, AT_FDCWD, path, O_CREAT | O_WRONLY | O_TRUNC, mode);
}

/* Writing */

EXPORT ssize_t
write (int fd, const void *buf, size_t n)
{
  REAL (write);
  if (fd_ours (fd))
    switch (count_call (K_WRITE, NULL, fd))
      {
      case ACT_SHORT:
        if (n >= 2)
          n /= 2;
        break;
      case ACT_ERRNO:
        errno = fail_errno ();
        return -1;
      default:
        break;
      }
  return real_write (fd, buf, n);
}

static ssize_t
pwrite_common (ssize_t (*real) (int, const void *, size_t, off_t), int fd, const void *buf,
               size_t n, off_t offset)
{
  if (fd_ours (fd))
    switch (count_call (K_WRITE, NULL, fd))
      {
      case ACT_SHORT:
        if (n >= 2)
          n /= 2;
        break;
      case ACT_ERRNO:
        errno = fail_errno ();
        return -1;
      default:
        break;
      }
  return real (fd, buf, n, offset);
}

EXPORT ssize_t
pwrite (int fd, const void *buf, size_t n, off_t offset)
{
  REAL (pwrite);
  return pwrite_common (real_pwrite, fd, buf, n, offset);
}

EXPORT ssize_t
pwrite64 (int fd, const void *buf, size_t n, off_t offset)
{
  REAL (pwrite64);
  return pwrite_common (real_pwrite64, fd, buf, n, offset);
}

EXPORT ssize_t
writev (int fd, const struct iovec *iov, int iovcnt)
{
  REAL (writev);
  REAL (write);
  if (fd_ours (fd))
    switch (count_call (K_WRITE, NULL, fd))
      {
      case ACT_SHORT:
        /* Half of the first buffer that has anything in it. */
        for (int i = 0; i < iovcnt; i++)
          if (iov[i].iov_len > 0)
            return real_write (fd, iov[i].iov_base, iov[i].iov_len >= 2 ? iov[i].iov_len / 2 : 1);
        break;
      case ACT_ERRNO:
        errno = fail_errno ();
        return -1;
      default:
        break;
      }
  return real_writev (fd, iov, iovcnt);
}

static int
fd_call (Kind kind, int fd)
{
  if (fd_ours (fd) && count_call (kind, NULL, fd) != ACT_NONE)
    {
      errno = fail_errno ();
      return -1;
    }
  return 0;
}

EXPORT int
fsync (int fd)
{
  REAL (fsync);
  return fd_call (K_SYNC, fd) != 0 ? -1 : real_fsync (fd);
}

EXPORT int
fdatasync (int fd)
{
  REAL (fdatasync);
  return fd_call (K_SYNC, fd) != 0 ? -1 : real_fdatasync (fd);
}

EXPORT int
ftruncate (int fd, off_t length)
{
  REAL (ftruncate);
  return fd_call (K_TRUNCATE, fd) != 0 ? -1 : real_ftruncate (fd, length);
}

EXPORT int
ftruncate64 (int fd, off_t length)
{
  REAL (ftruncate64);
  return fd_call (K_TRUNCATE, fd) != 0 ? -1 : real_ftruncate64 (fd, length);
}

EXPORT int
fchmod (int fd, mode_t mode)
{
  REAL (fchmod);
  return fd_call (K_CHMOD, fd) != 0 ? -1 : real_fchmod (fd, mode);
}

EXPORT int
fallocate (int fd, int mode, off_t offset, off_t length)
{
  REAL (fallocate);
  return fd_call (K_ALLOCATE, fd) != 0 ? -1 : real_fallocate (fd, mode, offset, length);
}

EXPORT int
fallocate64 (int fd, int mode, off_t offset, off_t length)
{
  REAL (fallocate64);
  return fd_call (K_ALLOCATE, fd) != 0 ? -1 : real_fallocate64 (fd, mode, offset, length);
}

/* posix_fallocate returns the error instead of setting errno. */
EXPORT int
posix_fallocate (int fd, off_t offset, off_t length)
{
  REAL (posix_fallocate);
  return fd_call (K_ALLOCATE, fd) != 0 ? errno : real_posix_fallocate (fd, offset, length);
}

EXPORT int
posix_fallocate64 (int fd, off_t offset, off_t length)
{
  REAL (posix_fallocate64);
  return fd_call (K_ALLOCATE, fd) != 0 ? errno : real_posix_fallocate64 (fd, offset, length);
}

/* The descriptor is closed whatever close() returns (Linux). */
EXPORT int
close (int fd)
{
  int mode = fd_ours (fd) ? fd_mode[fd] : 0;
  int action = ACT_NONE;
  int result;

  REAL (close);
  if (mode != 0)
    {
      action = count_call (mode == 2 ? K_CLOSE_WRITE : K_CLOSE_READ, NULL, fd);
      track_fd (fd, 0);
    }
  else if (fd >= 0 && fd < MAX_FDS)
    track_fd (fd, 0);
  result = real_close (fd);
  if (action != ACT_NONE && mode == 2)
    {
      errno = fail_errno ();
      return -1;
    }
  return result;
}

/* Names */

static int
path_call (Kind kind, const char *path)
{
  if (ours (path) && count_call (kind, path, -1) != ACT_NONE)
    {
      errno = fail_errno ();
      return -1;
    }
  return 0;
}

static int
path_call_at (Kind kind, int dirfd, const char *path)
{
  if (ours_at (dirfd, path) && count_call (kind, path, -1) != ACT_NONE)
    {
      errno = fail_errno ();
      return -1;
    }
  return 0;
}

static int
path_pair_call (Kind kind, int olddirfd, const char *from, int newdirfd, const char *to)
{
  if (ours_at (olddirfd, from) || ours_at (newdirfd, to))
    if (count_call (kind, to, -1) != ACT_NONE)
      {
        errno = fail_errno ();
        return -1;
      }
  return 0;
}

EXPORT int
rename (const char *from, const char *to)
{
  REAL (rename);
  return path_pair_call (K_RENAME, AT_FDCWD, from, AT_FDCWD, to) != 0 ? -1 : real_rename (from, to);
}

EXPORT int
renameat (int olddirfd, const char *from, int newdirfd, const char *to)
{
  REAL (renameat);
  return path_pair_call (K_RENAME, olddirfd, from, newdirfd, to) != 0 ? -1 :
         real_renameat (olddirfd, from, newdirfd, to);
}

EXPORT int
renameat2 (int olddirfd, const char *from, int newdirfd, const char *to, unsigned int flags)
{
  REAL (renameat2);
  return path_pair_call (K_RENAME, olddirfd, from, newdirfd, to) != 0 ? -1 :
         real_renameat2 (olddirfd, from, newdirfd, to, flags);
}

EXPORT int
link (const char *from, const char *to)
{
  REAL (link);
  return path_pair_call (K_LINK, AT_FDCWD, from, AT_FDCWD, to) != 0 ? -1 : real_link (from, to);
}

EXPORT int
linkat (int olddirfd, const char *from, int newdirfd, const char *to, int flags)
{
  REAL (linkat);
  return path_pair_call (K_LINK, olddirfd, from, newdirfd, to) != 0 ? -1 :
         real_linkat (olddirfd, from, newdirfd, to, flags);
}

EXPORT int
symlink (const char *target, const char *path)
{
  REAL (symlink);
  return path_call (K_LINK, path) != 0 ? -1 : real_symlink (target, path);
}

EXPORT int
symlinkat (const char *target, int dirfd, const char *path)
{
  REAL (symlinkat);
  return path_call_at (K_LINK, dirfd, path) != 0 ? -1 : real_symlinkat (target, dirfd, path);
}

EXPORT int
unlink (const char *path)
{
  REAL (unlink);
  return path_call (K_UNLINK, path) != 0 ? -1 : real_unlink (path);
}

EXPORT int
unlinkat (int dirfd, const char *path, int flags)
{
  REAL (unlinkat);
  return path_call_at (K_UNLINK, dirfd, path) != 0 ? -1 : real_unlinkat (dirfd, path, flags);
}

EXPORT int
rmdir (const char *path)
{
  REAL (rmdir);
  return path_call (K_UNLINK, path) != 0 ? -1 : real_rmdir (path);
}

EXPORT int
mkdir (const char *path, mode_t mode)
{
  REAL (mkdir);
  return path_call (K_MKDIR, path) != 0 ? -1 : real_mkdir (path, mode);
}

EXPORT int
mkdirat (int dirfd, const char *path, mode_t mode)
{
  REAL (mkdirat);
  return path_call_at (K_MKDIR, dirfd, path) != 0 ? -1 : real_mkdirat (dirfd, path, mode);
}

EXPORT int
chmod (const char *path, mode_t mode)
{
  REAL (chmod);
  return path_call (K_CHMOD, path) != 0 ? -1 : real_chmod (path, mode);
}

EXPORT int
fchmodat (int dirfd, const char *path, mode_t mode, int flags)
{
  REAL (fchmodat);
  return path_call_at (K_CHMOD, dirfd, path) != 0 ? -1 : real_fchmodat (dirfd, path, mode, flags);
}

EXPORT int
truncate (const char *path, off_t length)
{
  REAL (truncate);
  return path_call (K_TRUNCATE, path) != 0 ? -1 : real_truncate (path, length);
}

/* Streams */

static int
mode_writes (const char *mode)
{
  return strpbrk (mode, "wa+") != NULL;
}

static FILE *
fopen_common (FILE *(*real) (const char *, const char *), const char *path, const char *mode)
{
  int mine = ours (path);
  FILE *stream;

  if (mine && count_call (mode_writes (mode) ? K_STDIO_OPEN : K_OPEN_READ, path, -1) != ACT_NONE)
    {
      errno = fail_errno ();
      if (errno == ENOSPC && !mode_writes (mode))
        errno = EIO;
      return NULL;
    }
  inside++;
  stream = real (path, mode);
  inside--;
  if (mine && stream != NULL && mode_writes (mode))
    track_stream (stream, 1);
  return stream;
}

EXPORT FILE *
fopen (const char *path, const char *mode)
{
  REAL (fopen);
  return fopen_common (real_fopen, path, mode);
}

EXPORT FILE *
fopen64 (const char *path, const char *mode)
{
  REAL (fopen64);
  return fopen_common (real_fopen64, path, mode);
}

EXPORT size_t
fwrite (const void *buf, size_t size, size_t n, FILE *stream)
{
  size_t written;

  REAL (fwrite);
  if (stream_ours (stream))
    switch (count_call (K_STDIO_WRITE, NULL, fileno (stream)))
      {
      case ACT_SHORT:
        /* Part of it, then the error a full disk gives. */
        inside++;
        written = real_fwrite (buf, size, n / 2, stream);
        inside--;
        errno = ENOSPC;
        return written;
      case ACT_ERRNO:
        errno = fail_errno ();
        return 0;
      default:
        break;
      }
  inside++;
  written = real_fwrite (buf, size, n, stream);
  inside--;
  return written;
}

EXPORT int
fputs (const char *s, FILE *stream)
{
  REAL (fputs);
  if (stream_ours (stream) && count_call (K_STDIO_WRITE, NULL, fileno (stream)) != ACT_NONE)
    {
      errno = fail_errno ();
      return EOF;
    }
  return real_fputs (s, stream);
}

EXPORT int
fputc (int c, FILE *stream)
{
  REAL (fputc);
  if (stream_ours (stream) && count_call (K_STDIO_WRITE, NULL, fileno (stream)) != ACT_NONE)
    {
      errno = fail_errno ();
      return EOF;
    }
  return real_fputc (c, stream);
}

EXPORT int
fflush (FILE *stream)
{
  int result;

  REAL (fflush);
  if (stream_ours (stream) && count_call (K_STDIO_FLUSH, NULL, fileno (stream)) != ACT_NONE)
    {
      /* What was buffered never reaches the disk. */
      __fpurge (stream);
      errno = fail_errno ();
      return EOF;
    }
  inside++;
  result = real_fflush (stream);
  inside--;
  return result;
}

/* The stream is closed whatever fclose() returns. */
EXPORT int
fclose (FILE *stream)
{
  int action = ACT_NONE;
  int result;

  REAL (fclose);
  if (stream_ours (stream))
    action = count_call (K_STDIO_CLOSE, NULL, fileno (stream));
  /* A close that fails did not write what was buffered. */
  if (action != ACT_NONE)
    __fpurge (stream);
  track_stream (stream, 0);
  inside++;
  result = real_fclose (stream);
  inside--;
  if (action != ACT_NONE)
    {
      errno = fail_errno ();
      return EOF;
    }
  return result;
}
