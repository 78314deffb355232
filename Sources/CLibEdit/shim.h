// Fixed-arity wrappers around libedit's variadic el_set/el_get/history calls,
// which Swift cannot call directly, plus a sigaction helper.
#ifndef ATTUNE_CLIBEDIT_SHIM_H
#define ATTUNE_CLIBEDIT_SHIM_H

#include <histedit.h>
#include <pthread.h>
#include <signal.h>
#include <string.h>
#include <wchar.h>

typedef char *(*attune_prompt_fn)(EditLine *);
typedef unsigned char (*attune_command_fn)(EditLine *, int);

static inline int attune_el_set_prompt(EditLine *el, attune_prompt_fn fn) {
    return el_set(el, EL_PROMPT, fn);
}
static inline int attune_el_set_editor(EditLine *el, const char *mode) {
    return el_set(el, EL_EDITOR, mode);
}
static inline int attune_el_set_signal(EditLine *el, int on) {
    return el_set(el, EL_SIGNAL, on);
}
static inline int attune_el_set_history(EditLine *el, History *h) {
    return el_set(el, EL_HIST, history, h);
}
static inline int attune_el_set_clientdata(EditLine *el, void *data) {
    return el_set(el, EL_CLIENTDATA, data);
}
static inline void *attune_el_get_clientdata(EditLine *el) {
    void *data = NULL;
    el_get(el, EL_CLIENTDATA, &data);
    return data;
}
static inline int attune_el_set_getcfn(EditLine *el, el_rfunc_t fn) {
    return el_set(el, EL_GETCFN, fn);
}
static inline int attune_el_addfn(EditLine *el, const char *name, const char *help, attune_command_fn fn) {
    return el_set(el, EL_ADDFN, name, help, fn);
}
static inline int attune_el_bind(EditLine *el, const char *key, const char *command) {
    return el_set(el, EL_BIND, key, command, NULL);
}
static inline int attune_el_refresh(EditLine *el) {
    return el_set(el, EL_REFRESH);
}

/* The columns a character takes, as libedit counts them (declared here: wchar.h hides it
   without _XOPEN_SOURCE). */
extern int wcwidth(wchar_t c);
static inline int attune_wcwidth(wchar_t c) {
    return wcwidth(c);
}

static inline int attune_history_setsize(History *h, int size) {
    HistEvent ev;
    return history(h, &ev, H_SETSIZE, size);
}
static inline int attune_history_setunique(History *h, int on) {
    HistEvent ev;
    return history(h, &ev, H_SETUNIQUE, on);
}
static inline int attune_history_enter(History *h, const char *line) {
    HistEvent ev;
    return history(h, &ev, H_ENTER, line);
}
static inline int attune_history_load(History *h, const char *path) {
    HistEvent ev;
    return history(h, &ev, H_LOAD, path);
}
static inline int attune_history_save(History *h, const char *path) {
    HistEvent ev;
    return history(h, &ev, H_SAVE, path);
}

// Installs `handler` for `signo` without SA_RESTART, so a blocking read() is
// interrupted (EINTR) and the line reader can react to Ctrl-C or a resize.
static inline int attune_install_handler(int signo, void (*handler)(int)) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = handler;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0;
    if (sigaction(signo, &action, NULL) != 0) return -1;
    // A parent may have started us with the signal blocked (thread pools often block
    // signals, and children inherit the mask); unblock it so the handler can run.
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, signo);
    return pthread_sigmask(SIG_UNBLOCK, &set, NULL);
}

#endif
