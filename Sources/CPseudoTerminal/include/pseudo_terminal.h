#ifndef STAGEHAND_PSEUDO_TERMINAL_H
#define STAGEHAND_PSEUDO_TERMINAL_H

#include <stddef.h>
#include <sys/types.h>

// What Glibc does not give Swift for running a session on its own terminal:
// posix_openpt and friends, and posix_spawn with a new session whose
// controlling terminal is that pty. No Swift code runs between fork and exec.

// Opens a pseudo-terminal of the given size. On success returns 0, sets
// *master (close-on-exec) and writes the slave's path.
int stagehand_open_pty(int *master, char *slave_path, size_t path_size, unsigned short rows, unsigned short columns);

// Starts `path` as the leader of a new session whose stdin, stdout, stderr and
// controlling terminal are the pty at `slave_path`, with every signal's
// disposition reset and none blocked, and no other descriptor inherited.
// Returns 0 and sets *pid, or an errno value.
int stagehand_spawn_session(
    pid_t *pid, const char *path, char *const argv[], char *const envp[], const char *slave_path);

// Tells the session its terminal's new size; the kernel sends it SIGWINCH.
int stagehand_set_window_size(int master, unsigned short rows, unsigned short columns);

#endif
