// peak-rss PROGRAM [ARG...]: runs PROGRAM (stdin inherited, stdout and stderr to /dev/null)
// and prints "status=N maxrss=M elapsed_ns=T" for it, M being wait4's ru_maxrss (KiB on
// Linux, bytes on macOS).
//
// Why a separate, tiny C program: on Linux a process's ru_maxrss carries over across
// execve, and posix_spawn (like fork) starts the child on its parent's memory, so a child
// spawned by attune-bench reports at least attune-bench's own peak. Spawned from here it
// reports at least this program's peak instead: about 5 MiB, as SwiftPM links even a C
// executable against the Swift runtime (attune-bench prints this floor).
#include <errno.h>
#include <fcntl.h>
#include <spawn.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

extern char **environ;

int main(int argc, char **argv) {
    if (argc < 2) {
        fprintf(stderr, "usage: peak-rss PROGRAM [ARG...]\n");
        return 2;
    }
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);

    struct timespec start, end;
    pid_t pid;
    clock_gettime(CLOCK_MONOTONIC, &start);
    int spawned = posix_spawn(&pid, argv[1], &actions, NULL, argv + 1, environ);
    posix_spawn_file_actions_destroy(&actions);
    if (spawned != 0) {
        fprintf(stderr, "peak-rss: cannot start %s: %s\n", argv[1], strerror(spawned));
        return 127;
    }
    int status = 0;
    struct rusage usage;
    while (wait4(pid, &status, 0, &usage) < 0) {
        if (errno != EINTR) {
            perror("peak-rss: wait4");
            return 127;
        }
    }
    clock_gettime(CLOCK_MONOTONIC, &end);
    long long elapsed = (long long)(end.tv_sec - start.tv_sec) * 1000000000LL + (end.tv_nsec - start.tv_nsec);
    int code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    printf("status=%d maxrss=%ld elapsed_ns=%lld\n", code, (long)usage.ru_maxrss, elapsed);
    return 0;
}
