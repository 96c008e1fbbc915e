#!/usr/bin/env python3
"""What a statement and a codename leave in the memory of `amanat serve` after their request.

Starts `amanat serve` on a throwaway vault on loopback, submits a testimony with a unique statement, reads
the codename from the answer, comes back with it (the mailbox page) and adds a follow-up with a second unique
statement, waits, then reads every readable region of the server's memory (/proc/PID/maps, /proc/PID/mem)
and counts the copies of the codename and of each statement, in UTF-8 and in UTF-16.

Usage: memory_scan.py --amanat PATH [--wait 10] [--runs 1] [--label TEXT] [--bench Docs/bench.md] [--max-copies N]
Reading another process's memory needs root (the server also makes itself non-dumpable). With --bench, the row
named --label in the "Memory left after a request" section of that file is replaced (or added). With
--max-copies, the exit status is 1 when any count is above N. Exit status 2 when the set-up fails.
"""

import argparse
import os
import re
import secrets
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(ROOT, "Scripts"))
from amanat_load import Browser, follow_up, load_client, multipart  # noqa: E402
BEGIN = "<!-- memory-scan: written by Tests/Intake/memory_scan.py; `make bench` keeps it, measures its release row -->"
END = "<!-- memory-scan end -->"



def visit(port, statement, addition):
    """Submits, comes back with the codename, adds more. Returns the codename."""
    browser = Browser(port)
    body, kind = multipart([("csrf", browser.token("/en/submit")), ("statement", statement)])
    status, page = browser.request("POST", "/en/submit", body, kind)
    match = re.search(r'<p class="codename" id="codename">([^<]+)</p>', page)
    if status != 200 or not match:
        raise RuntimeError(f"the submission was not answered with a codename ({status})")
    codename = match.group(1).strip()
    status = follow_up(browser, codename, addition)
    if status != 200:
        raise RuntimeError(f"the follow-up was refused ({status})")
    return codename


def readable_regions(pid):
    with open(f"/proc/{pid}/maps") as maps:
        for line in maps:
            fields = line.split()
            start, end = (int(value, 16) for value in fields[0].split("-"))
            name = fields[5] if len(fields) > 5 else ""
            if fields[1].startswith("r") and name not in ("[vvar]", "[vsyscall]", "[vvar_vclock]"):
                yield start, end


def count_in_memory(pid, needles):
    """Copies of each needle (bytes) in the process's readable memory."""
    counts = {needle: 0 for needle in needles}
    longest = max(len(needle) for needle in needles)
    chunk = 16 << 20
    with open(f"/proc/{pid}/mem", "rb", buffering=0) as memory:
        for start, end in readable_regions(pid):
            offset, tail = start, b""
            while offset < end:
                size = min(chunk, end - offset)
                try:
                    memory.seek(offset)
                    data = memory.read(size)
                except (OSError, ValueError, OverflowError):
                    break
                window = tail + data
                for needle in needles:
                    position = window.find(needle)
                    while position != -1:
                        # A match wholly inside the carried-over tail was counted with the previous chunk.
                        if position + len(needle) > len(tail):
                            counts[needle] += 1
                        position = window.find(needle, position + 1)
                tail = window[-(longest - 1):] if longest > 1 else b""
                offset += size
    return counts


def update_bench(path, label, row):
    text = open(path).read() if os.path.exists(path) else ""
    header = [
        BEGIN,
        "## Memory left after a request",
        "",
        "Copies found in the memory of `amanat serve` (every readable region of /proc/PID/mem)",
        "10 seconds after a testimony was submitted, its codename typed back on the return page and a follow-up",
        "added (`Tests/Intake/memory_scan.py`, run as root). Each secret is unique to the run; UTF-8 / UTF-16,",
        "lowest–highest over the runs. A control (the server's own arguments) must be found, or the scan fails.",
        "",
        "| Build | Codename | Statement | Follow-up | Runs |",
        "|---|---:|---:|---:|---:|",
    ]
    rows = []
    opening = "<!-- memory-scan:"
    if opening in text and END in text:
        start, end = text.index(opening), text.index(END)
        rows = [line for line in text[start:end].splitlines()
                if line.startswith("| ") and not line.startswith("| Build")]
        text = text[:start].rstrip("\n") + "\n" + text[end + len(END):].lstrip("\n")
    rows = [line for line in rows if not line.startswith(f"| {label} |")] + [row]
    section = "\n".join(header + rows + ["", END])
    with open(path, "w") as handle:
        handle.write(text.rstrip("\n") + "\n\n" + section + "\n")


def measure(amanat, wait, client):
    """One run: a fresh vault and server, one visit, the counts after `wait` seconds."""
    directory = tempfile.mkdtemp(prefix="amanat-memory-")
    os.chmod(directory, 0o700)
    server = None
    try:
        env = client.clean_env()
        env["AMANAT_TEST_WEAK_KEYS"] = "1"   # fast codenames: the scan is about what stays, not about Argon2
        passphrase = os.path.join(directory, "admin.pass")
        with open(os.open(passphrase, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "w") as handle:
            handle.write("memory scan passphrase\n")
        vault = os.path.join(directory, "vault")
        created = subprocess.run([amanat, "init", "--vault", vault, "--passphrase-file", passphrase], env=env,
                                 check=True, capture_output=True, text=True)
        client.trust_administrator(env, created.stdout, directory)
        port = client.free_port()
        listen = f"127.0.0.1:{port}"
        server = subprocess.Popen([amanat, "serve", "--vault", vault, "--listen", listen],
                                  env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        if not client.wait_health(port, server, client.Deadline(120)):
            raise RuntimeError("the server did not start")
        statement = f"Statement {secrets.token_hex(12)}: my son left on the fourteenth of March and never came back."
        addition = f"Follow-up {secrets.token_hex(12)}: he was seen again at the market in the spring."
        codename = visit(port, statement, addition)
        time.sleep(wait)
        texts = {"codename": codename, "statement": statement, "follow-up": addition}
        needles = {}
        for name, text in texts.items():
            needles[(name, "utf-8")] = text.encode("utf-8")
            needles[(name, "utf-16")] = text.encode("utf-16-le")
        # A positive control: the server's own arguments are in its memory for as long as it runs.
        needles[("control", "utf-8")] = f"--listen\0{listen}".encode()
        counts = count_in_memory(server.pid, list(needles.values()))
        found = {key: counts[needle] for key, needle in needles.items()}
        if found[("control", "utf-8")] == 0:
            raise RuntimeError("the control (the server's own arguments) was not found: the scan cannot be trusted")
        return found
    finally:
        if server is not None:
            server.terminate()
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                server.kill()
        shutil.rmtree(directory, ignore_errors=True)


def span(values):
    return f"{min(values)}" if min(values) == max(values) else f"{min(values)}–{max(values)}"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--amanat", required=True)
    parser.add_argument("--wait", type=float, default=10)
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--label", default="this build")
    parser.add_argument("--bench")
    parser.add_argument("--max-copies", type=int)
    args = parser.parse_args()
    client = load_client()
    runs = []
    try:
        for _ in range(args.runs):
            runs.append(measure(args.amanat, args.wait, client))
    except (OSError, RuntimeError, subprocess.CalledProcessError) as error:
        print(f"memory scan: {error}", file=sys.stderr)
        return 2
    names = ["codename", "statement", "follow-up"]
    for name in names:
        utf8 = span([run[(name, "utf-8")] for run in runs])
        utf16 = span([run[(name, "utf-16")] for run in runs])
        print(f"{name}: {utf8} UTF-8, {utf16} UTF-16 after {args.wait:g} s ({len(runs)} run(s))")
    if args.bench:
        cells = [f"{span([run[(n, 'utf-8')] for run in runs])} / {span([run[(n, 'utf-16')] for run in runs])}"
                 for n in names]
        update_bench(args.bench, args.label, f"| {args.label} | " + " | ".join(cells) + f" | {len(runs)} |")
    worst = max(run[(name, kind)] for run in runs for name in names for kind in ("utf-8", "utf-16"))
    if args.max_copies is not None and worst > args.max_copies:
        print(f"memory scan: {worst} copies left, more than {args.max_copies}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
