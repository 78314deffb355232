#!/usr/bin/env python3
"""Runs a program with a pseudo-terminal as its standard input, output and error, types a
line when it asks, and saves everything the terminal showed. For Attune's password-prompt
test. Python 3 standard library only.

    run_in_terminal.py --expect TEXT --type LINE --transcript FILE -- PROGRAM ARGS...

Waits (at most 20 s) for TEXT to appear, types LINE and Enter, then records until the
program ends. Exits with the program's status. The transcript also says whether the
terminal had echo turned off while the program waited for the line ("echo: off").
"""

import argparse
import os
import pty
import select
import signal
import sys
import termios
import time


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--expect", required=True)
    parser.add_argument("--type", required=True)
    parser.add_argument("--transcript", required=True)
    parser.add_argument("command", nargs=argparse.REMAINDER)
    args = parser.parse_args()
    command = args.command[1:] if args.command and args.command[0] == "--" else args.command

    # A child inherits the test runner's blocked signals; start the program with none blocked.
    signal.pthread_sigmask(signal.SIG_SETMASK, [])
    pid, fd = pty.fork()
    if pid == 0:
        os.execvp(command[0], command)

    shown = b""
    typed = False
    echo_state = "unknown"
    deadline = time.time() + 20
    while True:
        if not typed and args.expect.encode() in shown:
            # The program is waiting: is the terminal echoing what is typed?
            time.sleep(0.2)
            attributes = termios.tcgetattr(fd)
            echo_state = "on" if attributes[3] & termios.ECHO else "off"
            os.write(fd, args.type.encode() + b"\n")
            typed = True
        if time.time() > deadline + (40 if typed else 0):
            os.kill(pid, 9)
            break
        ready, _, _ = select.select([fd], [], [], 0.1)
        if ready:
            try:
                data = os.read(fd, 4096)
            except OSError:
                break
            if not data:
                break
            shown += data
    _, status = os.waitpid(pid, 0)
    with open(args.transcript, "wb") as handle:
        handle.write(shown)
        handle.write(f"\n--- echo: {echo_state}\n".encode())
    sys.exit(os.waitstatus_to_exitcode(status) if hasattr(os, "waitstatus_to_exitcode") else 0)


if __name__ == "__main__":
    main()
