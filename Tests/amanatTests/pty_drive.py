#!/usr/bin/env python3
"""Drive `amanat` through a pseudo-terminal, as a person at a keyboard would.

    python3 pty_drive.py ANSWER_FILE -- COMMAND [ARG ...]

Runs COMMAND with a new pseudo-terminal as its controlling terminal (so /dev/tty prompts reach it),
answers every prompt that ends in ": " with the next line of ANSWER_FILE, and writes everything the
terminal showed to standard output, so a test can check that no answer was echoed. Exits with the
command's exit status. Standard library only.
"""
import os
import pty
import select
import sys
import time


def main(argv):
    if len(argv) < 4 or argv[2] != "--":
        print("usage: pty_drive.py ANSWER_FILE -- COMMAND [ARG ...]", file=sys.stderr)
        return 2
    with open(argv[1], encoding="utf-8") as handle:
        answers = [line.rstrip("\n") for line in handle]
    pid, fd = pty.fork()
    if pid == 0:
        os.execvp(argv[3], argv[3:])
    shown = b""
    pending = b""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.2)
        if not ready:
            continue
        try:
            chunk = os.read(fd, 4096)
        except OSError:
            break
        if not chunk:
            break
        shown += chunk
        pending += chunk
        if pending.rstrip(b" ").endswith(b":") and answers:
            time.sleep(0.05)
            os.write(fd, answers.pop(0).encode("utf-8") + b"\n")
            pending = b""
    _, status = os.waitpid(pid, 0)
    sys.stdout.write(shown.decode("utf-8", "replace"))
    return os.waitstatus_to_exitcode(status)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
