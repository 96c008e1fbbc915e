#!/usr/bin/env python3
"""Loopback load test of the web intake (`amanat serve`).

Creates a vault with the real codename setting (Argon2id INTERACTIVE, 64 MiB, no AMANAT_TEST_WEAK_KEYS),
starts `amanat serve` on a free loopback port, and fires N submissions with attachments from C
concurrent clients (each on its own keep-alive connection: GET the form for its cookie and token, then
POST multipart/form-data). Meanwhile it samples the server's resident memory (/proc/PID/status every
50 ms). Then it stops the server with SIGTERM and checks with the command line that nothing was lost:
`amanat inbox` lists exactly one record per accepted submission, every record opens as the
administrator with attachments of the same names, sizes and SHA-256 as were sent, a sample of the
codenames shown opens its mailbox (`amanat replies`), and no temporary file is left in blobs/.

Python 3, standard library only. Human-readable lines go to stderr; with --json one JSON object with
every figure goes to stdout. Exit status 0 only if nothing was lost, every check passed and the whole
run stayed within --timeout; 1 otherwise; 2 for a set-up failure (no binary, server did not start).

    python3 Scripts/load-intake.py --amanat .build/release/amanat
    python3 Scripts/load-intake.py --amanat .build/debug/amanat --submissions 20 --concurrency 20 --json
"""

import argparse
import concurrent.futures
import hashlib
import html
import http.client
import json
import os
import random
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time

MIB = 1 << 20
KIB = 1 << 10
ARGON2_INTERACTIVE_BYTES = 64 * MIB      # KeyStretching.codenames = Argon2id.Parameters.interactive
DEFAULT_KEY_DERIVATIONS = 2              # IntakeSettings / `serve --key-derivations`
DEFAULT_MAX_REQUESTS = 256               # IntakeSettings / `serve --max-requests`
SECRET_CHUNK = 64 * KIB                  # SecretStream.defaultChunkSize, sodium_malloc'd per open upload
NIO_READ = 64 * KIB                      # NIO's AdaptiveRecvByteBufferAllocator maximum read
NIO_INBOUND_HIGH_WATERMARK = 10          # NIOAsyncChannel inbound buffer default (high watermark, in reads)
BOUNDARY = "----amanatLoadBoundary9Zk2Qx7Rr4Tt"
CLK_TCK = os.sysconf("SC_CLK_TCK")


def say(message):
    print(message, file=sys.stderr, flush=True)


class Deadline:
    def __init__(self, seconds):
        self.start = time.monotonic()
        self.end = self.start + seconds

    def remaining(self):
        return self.end - time.monotonic()

    def elapsed(self):
        return time.monotonic() - self.start

    def expired(self):
        return self.remaining() <= 0


class SetupError(Exception):
    pass


# ---------------------------------------------------------------------------------------------------
# The server process and its memory


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def proc_status(pid):
    """VmRSS, VmHWM, VmLck (bytes) and Threads from /proc/PID/status, or None once the process is gone."""
    try:
        with open(f"/proc/{pid}/status") as f:
            text = f.read()
    except OSError:
        return None
    out = {}
    for line in text.splitlines():
        key, _, value = line.partition(":")
        if key in ("VmRSS", "VmHWM", "VmLck"):
            out[key] = int(value.split()[0]) * KIB
        elif key == "Threads":
            out[key] = int(value)
    return out


def proc_cpu_seconds(pid):
    """User + system CPU time of the process so far, or None."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            text = f.read()
    except OSError:
        return None
    fields = text[text.rindex(")") + 2:].split()
    return (int(fields[11]) + int(fields[12])) / CLK_TCK   # utime, stime (fields 14, 15 of stat)


def proc_fd_count(pid):
    try:
        return len(os.listdir(f"/proc/{pid}/fd"))
    except OSError:
        return None


class Sampler(threading.Thread):
    """Samples the server's VmRSS every `interval` seconds (and its locked memory, threads, descriptors)."""

    def __init__(self, pid, interval=0.05):
        super().__init__(daemon=True)
        self.pid, self.interval = pid, interval
        self.stop_event = threading.Event()
        self.samples = []            # (seconds since start, VmRSS bytes)
        self.peak_rss = 0
        self.peak_rss_at = 0.0
        self.peak_lck = 0
        self.peak_threads = 0
        self.peak_fds = 0
        self.t0 = time.monotonic()

    def run(self):
        tick = 0
        while not self.stop_event.is_set():
            status = proc_status(self.pid)
            if status is None:
                break
            now = time.monotonic() - self.t0
            rss = status.get("VmRSS", 0)
            self.samples.append((now, rss))
            if rss > self.peak_rss:
                self.peak_rss, self.peak_rss_at = rss, now
            self.peak_lck = max(self.peak_lck, status.get("VmLck", 0))
            self.peak_threads = max(self.peak_threads, status.get("Threads", 0))
            if tick % 10 == 0:
                self.peak_fds = max(self.peak_fds, proc_fd_count(self.pid) or 0)
            tick += 1
            self.stop_event.wait(self.interval)

    def stop(self):
        self.stop_event.set()
        self.join(timeout=5)

    def series(self, every=1.0):
        """The samples thinned to one per `every` seconds (the largest in each slot), MiB."""
        slots = {}
        for t, rss in self.samples:
            slot = int(t / every)
            slots[slot] = max(slots.get(slot, 0), rss)
        return [[round(slot * every, 1), round(rss / MIB, 1)] for slot, rss in sorted(slots.items())]


def wait_exit(pid, seconds):
    """Waits up to `seconds` for the child to exit: (exit status or -signal, rusage) or None."""
    end = time.monotonic() + seconds
    while True:
        got, status, usage = os.wait4(pid, os.WNOHANG)
        if got == pid:
            code = os.WEXITSTATUS(status) if os.WIFEXITED(status) else -os.WTERMSIG(status)
            return code, usage
        if time.monotonic() >= end:
            return None
        time.sleep(0.01)


def wait_health(port, process, deadline, limit=60.0):
    end = min(time.monotonic() + limit, deadline.end)
    while time.monotonic() < end:
        if process.poll() is not None:
            return False
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            conn.request("GET", "/health")
            response = conn.getresponse()
            body = response.read()
            conn.close()
            if response.status == 200 and body.strip() == b"ok":
                return True
        except OSError:
            pass
        time.sleep(0.1)
    return False


# ---------------------------------------------------------------------------------------------------
# Submissions


def part(name, value):
    return (f"--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n").encode() + value.encode() + b"\r\n"


def file_part(filename, content):
    head = (f"--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"files\"; filename=\"{filename}\"\r\n"
            "Content-Type: application/octet-stream\r\n\r\n").encode()
    return head + content + b"\r\n"


def random_file(size):
    """Random bytes that are neither a JPEG nor a PNG (the intake rewrites photos, which would change the hash)."""
    data = bytearray(os.urandom(size))
    if size:
        data[0] = 0x42
    return bytes(data)


class Submission:
    def __init__(self, run_id, index, main_size, second_size):
        self.index = index
        self.marker = f"[amanat-load {run_id} {index}]"
        self.files = [(f"load-{index:04d}-main.bin", random_file(main_size))]
        if second_size:
            self.files.append((f"load-{index:04d}-second.bin", random_file(second_size)))
        self.expected = sorted((name, len(data), hashlib.sha256(data).hexdigest()) for name, data in self.files)
        statement = (f"Нагрузочная проверка {self.marker}. Мой сын ушёл 14 марта 2002 года и не вернулся. "
                     "Его видели у блокпоста на окраине села.")
        self.rest = b"".join([
            part("statement", statement),
            part("person1", f"Ахмед Тестов {index}"),
            part("relation1", "сын"),
            part("places", "Карабулак\nНазрань"),
            part("dates", "14 марта 2002"),
            part("contact", ""),
        ] + [file_part(name, data) for name, data in self.files]) + f"--{BOUNDARY}--\r\n".encode()
        self.body_bytes = len(self.rest)
        self.text_bytes = self.body_bytes - sum(len(data) for _, data in self.files)   # fields and part headers
        # Results.
        self.status = None
        self.codename = None
        self.error = None
        self.latency = None       # POST sent .. response read
        self.total = None         # GET form .. POST response read
        self.done_at = None

    def forget_content(self):
        self.rest = None
        self.files = None


TOKEN = re.compile(r'name="csrf" value="([^"]*)"')
CODENAME = re.compile(r'id="codename"[^>]*>([^<]*)<')


def submit(sub, port, lang, barrier, deadline, t0):
    """One source: her own connection, the form, then the post. Fills in sub's results."""
    waited = False

    def rendezvous():
        nonlocal waited
        if barrier is not None and not waited:
            waited = True
            try:
                barrier.wait(timeout=max(1.0, min(60.0, deadline.remaining())))
            except threading.BrokenBarrierError:
                pass

    conn = None
    try:
        timeout = max(1.0, deadline.remaining())
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
        started = time.monotonic()
        conn.request("GET", f"/{lang}/submit")
        response = conn.getresponse()
        page = response.read().decode("utf-8", "replace")
        if response.status != 200:
            sub.status = response.status
            sub.error = f"GET form: HTTP {response.status}"
            return
        cookie = (response.getheader("Set-Cookie") or "").split(";")[0]
        match = TOKEN.search(page)
        if not cookie.startswith("amanat_form=") or not match:
            sub.error = "GET form: no cookie or no token"
            return
        body = part("csrf", html.unescape(match.group(1))) + sub.rest
        rendezvous()
        if deadline.expired():
            sub.error = "timeout before posting"
            return
        sent = time.monotonic()
        conn.request("POST", f"/{lang}/submit", body=body, headers={
            "Content-Type": f"multipart/form-data; boundary={BOUNDARY}",
            "Cookie": cookie,
        })
        response = conn.getresponse()
        page = response.read().decode("utf-8", "replace")
        finished = time.monotonic()
        sub.status = response.status
        sub.latency = finished - sent
        sub.total = finished - started
        sub.done_at = finished - t0
        if response.status == 200:
            match = CODENAME.search(page)
            if match and match.group(1).strip():
                sub.codename = html.unescape(match.group(1)).strip()
            else:
                sub.error = "200 without a codename"
        else:
            sub.error = f"POST: HTTP {response.status}"
    except (OSError, http.client.HTTPException) as error:
        sub.error = f"{type(error).__name__}: {error}"
    finally:
        rendezvous()
        if conn is not None:
            conn.close()


def run_load(subs, port, concurrency, lang, deadline):
    """Fires every submission from `concurrency` workers; the first post of each worker waits for all
    of them to hold their form, so the posts arrive together."""
    work = list(subs)
    lock = threading.Lock()
    workers = min(concurrency, len(subs))
    barrier = threading.Barrier(workers) if workers > 1 else None
    t0 = time.monotonic()

    def worker():
        first = True
        while not deadline.expired():
            with lock:
                if not work:
                    return
                sub = work.pop(0)
            submit(sub, port, lang, barrier if first else None, deadline, t0)
            first = False
        # Whatever is left when time ran out was never sent.

    threads = [threading.Thread(target=worker, daemon=True) for _ in range(workers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=max(0.1, deadline.remaining() + 5))
    wall = time.monotonic() - t0
    for sub in subs:
        if sub.status is None and sub.error is None:
            sub.error = "not sent (timeout)"
    return wall


# ---------------------------------------------------------------------------------------------------
# Verification with the command line


def cli(amanat, args, deadline, env=None, cap=None):
    timeout = max(1.0, deadline.remaining() if cap is None else min(cap, deadline.remaining()))
    return subprocess.run([amanat] + args, capture_output=True, text=True, timeout=timeout, env=env, stdin=subprocess.DEVNULL)


def clean_env():
    env = dict(os.environ)
    for name in ("AMANAT_TEST_WEAK_KEYS", "AMANAT_TEST_TODAY", "AMANAT_PASSPHRASE", "AMANAT_NEW_PASSPHRASE",
                 "AMANAT_CODENAME", "AMANAT_VAULT", "AMANAT_ADMINISTRATOR_KEY"):
        env.pop(name, None)
    return env


def trust_administrator(env, init_output, directory):
    """After `amanat init`: `amanat serve` must be given the administrator's public key (it trusts the vault
    against it), and known vaults are remembered in the run's own folder, not in the user's configuration."""
    match = re.search(r"^Intake public key: (amanat1[a-z0-9]+)$", init_output, re.M)
    if not match:
        raise RuntimeError("`amanat init` printed no intake public key")
    env["AMANAT_ADMINISTRATOR_KEY"] = match.group(1)
    env["XDG_CONFIG_HOME"] = os.path.join(directory, "config")


OUT_OF_TIME = "not checked: out of time"


def verify_record(amanat, vault, passphrase, record_id, out_root, deadline, env):
    """Opens one record as the administrator and saves its attachments: (marker, [(name, size, sha256)]) or an error."""
    out = os.path.join(out_root, record_id)
    if deadline.remaining() < 1:
        return None, None, OUT_OF_TIME
    try:
        result = cli(amanat, ["read", record_id, "--vault", vault, "--passphrase-file", passphrase, "--out", out, "--json"],
                     deadline, env=env)
    except subprocess.TimeoutExpired:
        return None, None, OUT_OF_TIME
    if result.returncode != 0:
        return None, None, f"amanat read exit {result.returncode}: {result.stderr.strip()[:300]}"
    try:
        opened = json.loads(result.stdout)
        files = []
        for attachment in opened.get("attachments", []):
            path = attachment["saved_as"]
            digest = hashlib.sha256()
            size = 0
            with open(path, "rb") as f:
                for block in iter(lambda: f.read(1 << 20), b""):
                    digest.update(block)
                    size += len(block)
            if size != attachment["size"]:
                return None, None, f"{attachment['name']}: saved {size} bytes, listed {attachment['size']}"
            files.append((attachment["name"], size, digest.hexdigest()))
        shutil.rmtree(out, ignore_errors=True)
    except (ValueError, KeyError, OSError) as error:
        return None, None, f"unreadable result: {error}"
    match = re.search(r"\[amanat-load \S+ (\d+)\]", opened.get("statement", ""))
    return (int(match.group(1)) if match else None), sorted(files), None


def verify_codename(amanat, vault, codename, deadline, env):
    if deadline.remaining() < 1:
        return OUT_OF_TIME
    env = dict(env)
    env["AMANAT_CODENAME"] = codename
    try:
        result = cli(amanat, ["replies", "--vault", vault], deadline, env=env)
    except subprocess.TimeoutExpired:
        return OUT_OF_TIME
    if result.returncode != 0:
        return f"amanat replies exit {result.returncode}: {result.stderr.strip()[:200]}"
    if "No replies yet" not in result.stdout:
        return f"unexpected output: {result.stdout.strip()[:200]}"
    return None


def tmp_files(blobs):
    try:
        return sorted(name for name in os.listdir(blobs) if ".tmp-" in name)
    except OSError:
        return []


def blob_count(blobs):
    try:
        return sum(1 for name in os.listdir(blobs) if ".tmp-" not in name)
    except OSError:
        return 0


# ---------------------------------------------------------------------------------------------------


def percentile(values, fraction):
    if not values:
        return None
    ordered = sorted(values)
    k = (len(ordered) - 1) * fraction
    low, high = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (k - low)


def mib(value):
    return None if value is None else round(value / MIB, 1)


def seconds(value, digits=3):
    return None if value is None else round(value, digits)


def main():
    parser = argparse.ArgumentParser(description="Loopback load test of `amanat serve` (see the module docstring).")
    parser.add_argument("--amanat", default=".build/release/amanat", help="the amanat binary (default: %(default)s)")
    parser.add_argument("--submissions", type=int, default=200, help="submissions to send (default: %(default)s)")
    parser.add_argument("--concurrency", type=int, default=200, help="clients at once, each on its own connection (default: %(default)s)")
    parser.add_argument("--attachment-kib", type=int, default=256, help="size of each submission's main attachment, KiB (default: %(default)s)")
    parser.add_argument("--second-kib", type=int, default=32, help="size of a second attachment per submission, KiB; 0 for none (default: %(default)s)")
    parser.add_argument("--timeout", type=float, default=600, help="bound on the whole run, seconds (default: %(default)s)")
    parser.add_argument("--rounds", type=int, default=1, help="send the submissions this many times against the same server, to see whether memory grows (default: %(default)s)")
    parser.add_argument("--replies-sample", type=int, default=20, help="codenames checked with `amanat replies` (default: %(default)s)")
    parser.add_argument("--verify-jobs", type=int, default=2, help="`amanat read`/`replies` run at once when verifying; each read unlocks the identity (Argon2id 256 MiB) (default: %(default)s)")
    parser.add_argument("--key-derivations", type=int, default=None, help="pass --key-derivations to serve (default: the server's, %d)" % DEFAULT_KEY_DERIVATIONS)
    parser.add_argument("--max-requests", type=int, default=None, help="pass --max-requests to serve (default: the server's, %d)" % DEFAULT_MAX_REQUESTS)
    parser.add_argument("--lang", choices=["ru", "en"], default="ru", help="which form to post to (default: %(default)s)")
    parser.add_argument("--allow-busy", action="store_true", help="do not fail the run for \"busy\" (503) answers; they are still reported, and must have stored nothing")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder (vault, server log) and print its path")
    parser.add_argument("--json", action="store_true", help="print one JSON object with the results on stdout")
    args = parser.parse_args()
    if args.submissions < 1 or args.concurrency < 1 or args.attachment_kib < 1 or args.second_kib < 0 or args.rounds < 1:
        parser.error("--submissions, --concurrency, --attachment-kib and --rounds must be positive, --second-kib not negative")

    deadline = Deadline(args.timeout)
    amanat = os.path.abspath(args.amanat)
    if not os.access(amanat, os.X_OK):
        say(f"load-intake: no executable at {amanat}")
        return 2
    key_derivations = args.key_derivations or DEFAULT_KEY_DERIVATIONS
    max_requests = args.max_requests or DEFAULT_MAX_REQUESTS
    env = clean_env()
    directory = tempfile.mkdtemp(prefix="amanat-load-")
    os.chmod(directory, 0o700)
    vault = os.path.join(directory, "vault")
    blobs = os.path.join(vault, "blobs")
    passphrase = os.path.join(directory, "admin.pass")
    fd = os.open(passphrase, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    os.write(fd, os.urandom(18).hex().encode())
    os.close(fd)
    # A private copy of the binary, so that a rebuild in the checkout during the run cannot pull it away.
    original = amanat
    amanat = os.path.join(directory, "amanat")
    for attempt in range(30):
        try:
            shutil.copy2(original, amanat)
            break
        except OSError as error:
            if attempt == 29:
                say(f"load-intake: cannot copy {original}: {error}")
                shutil.rmtree(directory, ignore_errors=True)
                return 2
            time.sleep(2)

    results = {"ok": False, "problems": [], "binary": original,
               "settings": {"submissions": args.submissions, "concurrency": args.concurrency,
                            "attachment_kib": args.attachment_kib, "second_kib": args.second_kib,
                            "timeout_s": args.timeout, "key_derivations": key_derivations,
                            "max_requests": max_requests, "lang": args.lang, "rounds": args.rounds}}
    problems = results["problems"]
    process = None
    server_log = open(os.path.join(directory, "serve.log"), "w+")
    try:
        # Set-up: a vault with the real codename setting.
        say(f"load-intake: vault in {vault} (real Argon2id settings; init also makes the administrator identity)")
        started = time.monotonic()
        result = cli(amanat, ["init", "--vault", vault, "--passphrase-file", passphrase], deadline, env=env)
        results["init_s"] = seconds(time.monotonic() - started, 2)
        if result.returncode != 0:
            raise SetupError(f"amanat init failed ({result.returncode}): {result.stderr.strip()}")
        trust_administrator(env, result.stdout, directory)
        say(f"load-intake: init took {results['init_s']} s")

        run_id = os.urandom(4).hex()

        port = free_port()
        command = [amanat, "serve", "--vault", vault, "--listen", f"127.0.0.1:{port}"]
        if args.key_derivations:
            command += ["--key-derivations", str(args.key_derivations)]
        if args.max_requests:
            command += ["--max-requests", str(args.max_requests)]
        process = subprocess.Popen(command, stdout=server_log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, env=env)
        if not wait_health(port, process, deadline):
            raise SetupError("the server did not answer /health (see its log: " + server_log.name + ")")
        pid = process.pid
        idle = proc_status(pid) or {}
        results["baseline_rss_mib"] = mib(idle.get("VmRSS"))
        say(f"load-intake: serving on 127.0.0.1:{port}, pid {pid}, idle RSS {results['baseline_rss_mib']} MiB")

        # The load.
        cpu_before = proc_cpu_seconds(pid) or 0.0
        sampler = Sampler(pid)
        sampler.start()
        say(f"load-intake: {args.submissions} submissions, {args.concurrency} at once, "
            f"{args.attachment_kib} KiB" + (f" + {args.second_kib} KiB" if args.second_kib else "") + " each"
            + (f", {args.rounds} rounds" if args.rounds > 1 else ""))
        subs, rounds, wall, sent_bytes = [], [], 0.0, 0
        for round_number in range(args.rounds):
            if deadline.expired():
                problems.append(f"round {round_number + 1} not started: out of time")
                break
            batch = [Submission(run_id, round_number * args.submissions + i, args.attachment_kib * KIB, args.second_kib * KIB)
                     for i in range(args.submissions)]
            sent_bytes += sum(s.body_bytes for s in batch)
            round_wall = run_load(batch, port, args.concurrency, args.lang, deadline)
            time.sleep(0.2)  # a few samples after the last answer
            for s in batch:
                s.forget_content()
            subs += batch
            wall += round_wall
            after = proc_status(pid) or {}
            rounds.append({"wall_s": seconds(round_wall, 2), "accepted": sum(1 for s in batch if s.status == 200 and s.codename),
                           "rss_after_mib": mib(after.get("VmRSS")), "vmhwm_mib": mib(after.get("VmHWM"))})
            if args.rounds > 1:
                say(f"load-intake: round {round_number + 1}: {rounds[-1]['accepted']} accepted in {round_wall:.1f} s, "
                    f"RSS after {rounds[-1]['rss_after_mib']} MiB, VmHWM {rounds[-1]['vmhwm_mib']} MiB")
        sampler.stop()
        end_status = proc_status(pid) or {}
        cpu_after = proc_cpu_seconds(pid)
        tmp_while_running = tmp_files(blobs)

        accepted = [s for s in subs if s.status == 200 and s.codename]
        busy = [s for s in subs if s.status == 503]
        failed = [s for s in subs if s not in accepted]
        statuses = {}
        for s in subs:
            key = str(s.status) if s.status is not None else "no response"
            statuses[key] = statuses.get(key, 0) + 1
        errors = {}
        for s in failed:
            if s.status != 503:
                errors[s.error or "?"] = errors.get(s.error or "?", 0) + 1
        latencies = [s.latency for s in accepted]
        results["load"] = {
            "wall_s": seconds(wall, 2),
            "rounds": rounds,
            "accepted": len(accepted), "failed": len(failed), "busy_503": len(busy),
            "failed_other": len(failed) - len(busy),
            "statuses": statuses, "errors": errors,
            "throughput_per_s": round(len(accepted) / wall, 2) if wall > 0 else None,
            "request_bytes_mib": mib(sent_bytes),
            "latency_s": {"min": seconds(min(latencies, default=None)), "median": seconds(statistics.median(latencies) if latencies else None),
                          "p95": seconds(percentile(latencies, 0.95)), "max": seconds(max(latencies, default=None))},
            "server_cpu_s": seconds(cpu_after - cpu_before, 2) if cpu_after is not None else None,
        }
        say(f"load-intake: {len(accepted)} accepted, {len(failed)} failed ({len(busy)} busy) in {wall:.1f} s, "
            f"{results['load']['throughput_per_s']} submissions/s; latency median {results['load']['latency_s']['median']} s, "
            f"p95 {results['load']['latency_s']['p95']} s, max {results['load']['latency_s']['max']} s; statuses {statuses}")
        for error, count in errors.items():
            say(f"load-intake:   {count} × {error}")

        memory = {
            "baseline_rss_mib": results["baseline_rss_mib"],
            "peak_rss_sampled_mib": mib(sampler.peak_rss),
            "peak_rss_sampled_at_s": seconds(sampler.peak_rss_at, 2),
            "vmhwm_mib": mib(end_status.get("VmHWM")),
            "rss_after_load_mib": mib(end_status.get("VmRSS")),
            "peak_locked_mib": mib(sampler.peak_lck),
            "peak_threads": sampler.peak_threads,
            "peak_fds": sampler.peak_fds,
            "samples": len(sampler.samples),
            "rss_series_mib": sampler.series(1.0),
        }
        results["memory"] = memory

        # The bound, from the code (IntakeSettings, FormReader, MultipartParser, SecretStream.Sealer, WorkGate).
        in_flight = min(args.concurrency, args.submissions, max_requests)
        text_fields = max(s.text_bytes for s in subs) + 512    # + the csrf part
        per_request_reading = (NIO_INBOUND_HIGH_WATERMARK * NIO_READ   # NIOAsyncChannel inbound buffer
                               + 3 * NIO_READ                          # parser buffer, its .bytes copy, the stripper's copy
                               + SECRET_CHUNK + 3 * 4 * KIB            # the secretstream chunk (sodium_malloc: + guard/canary pages)
                               + SECRET_CHUNK + 17                     # the frame being written
                               + SECRET_CHUNK                          # the zeros of pad(to:) at the end
                               + text_fields)
        argon2 = key_derivations * ARGON2_INTERACTIVE_BYTES
        idle_bytes = idle.get("VmRSS", 0)
        bound_run = idle_bytes + argon2 + in_flight * per_request_reading
        bound_server = idle_bytes + argon2 + max_requests * per_request_reading
        # A statement may be 1 MiB: as it arrives it is an [UInt8] that grows by doubling (up to 2 MiB of
        # capacity), then a String of 1 MiB; the other fields are at most 4 KiB each.
        full_statement = 3 * MIB + 12 * 4 * KIB
        bound_full_forms = idle_bytes + argon2 + max_requests * (per_request_reading + full_statement)
        results["bound"] = {
            "explanation": "idle RSS + key derivations at once × 64 MiB (Argon2id INTERACTIVE) + requests in flight × "
                           "per-request buffers while a body is read (NIO inbound ≤ 10 reads of ≤ 64 KiB, the multipart "
                           "parser's buffer and two copies of one read, a 64 KiB secretstream chunk in sodium_malloc memory, "
                           "a 64 KiB frame, 64 KiB of padding zeros, this run's small text fields). Requests waiting for a "
                           "key derivation have finished reading and hold only their fields. bound_at_max_requests_mib is "
                           "the same with every request slot taken; bound_full_forms_mib adds to each request a 1 MiB "
                           "statement (about 3 MiB while it is read) and the other known fields at their 4 KiB limit. "
                           "Fields with other names are not bounded by any of these (the server keeps them all).",
            "key_derivations": key_derivations, "argon2_mib_each": ARGON2_INTERACTIVE_BYTES // MIB,
            "requests_in_flight": in_flight, "max_requests": max_requests,
            "per_request_kib": round(per_request_reading / KIB),
            "bound_this_run_mib": mib(bound_run), "bound_at_max_requests_mib": mib(bound_server),
            "bound_full_forms_mib": mib(bound_full_forms),
        }
        peak = max(sampler.peak_rss, end_status.get("VmHWM", 0))
        within = peak <= bound_run
        results["bound"]["peak_within_bound"] = within
        say(f"load-intake: server RSS idle {memory['baseline_rss_mib']} MiB, peak {memory['peak_rss_sampled_mib']} MiB sampled "
            f"(at {memory['peak_rss_sampled_at_s']} s), VmHWM {memory['vmhwm_mib']} MiB, after load {memory['rss_after_load_mib']} MiB; "
            f"locked {memory['peak_locked_mib']} MiB, threads {memory['peak_threads']}, descriptors {memory['peak_fds']}")
        say(f"load-intake: bound {results['bound']['bound_this_run_mib']} MiB = idle {mib(idle_bytes)} + {key_derivations} × 64 MiB + "
            f"{in_flight} × {results['bound']['per_request_kib']} KiB ({'met' if within else 'EXCEEDED'}); "
            f"at {max_requests} requests: {results['bound']['bound_at_max_requests_mib']} MiB, "
            f"{results['bound']['bound_full_forms_mib']} MiB with 1 MiB statements")
        if not within:
            problems.append(f"peak RSS {mib(peak)} MiB above the bound {mib(bound_run)} MiB")

        # Stop the server.
        cpu_total_before_stop = proc_cpu_seconds(pid)
        stop_started = time.monotonic()
        process.send_signal(signal.SIGTERM)
        exited = wait_exit(pid, min(60.0, max(1.0, deadline.remaining())))
        if exited is None:
            problems.append("the server did not exit within 60 s of SIGTERM")
            process.kill()
            exited = wait_exit(pid, 10) or (None, None)
        process.returncode = exited[0]
        code, usage = exited
        shutdown = time.monotonic() - stop_started
        results["shutdown"] = {"seconds": seconds(shutdown, 3), "exit_status": code,
                               "ru_maxrss_mib": mib(usage.ru_maxrss * KIB) if usage else None,
                               "cpu_total_s": seconds(usage.ru_utime + usage.ru_stime, 2) if usage else cpu_total_before_stop}
        process = None
        say(f"load-intake: SIGTERM → exit {code} in {shutdown:.3f} s; whole-life peak (ru_maxrss) {results['shutdown']['ru_maxrss_mib']} MiB, "
            f"CPU {results['shutdown']['cpu_total_s']} s")
        if code != 0:
            problems.append(f"the server exited with {code} after SIGTERM")
        server_log.flush()
        server_log.seek(0)
        log = [line.rstrip() for line in server_log.read().splitlines() if line.strip() and not line.startswith("Amanat intake on ")]
        results["server_log"] = log[:50]
        if log:
            say(f"load-intake: the server wrote {len(log)} line(s) besides its banner, first: {log[0][:200]}")

        # Verification: nothing lost, nothing doubled, everything opens.
        verification = {}
        results["verification"] = verification
        inbox = cli(amanat, ["inbox", "--vault", vault, "--json"], deadline, env=env)
        if inbox.returncode != 0:
            raise SetupError(f"amanat inbox failed ({inbox.returncode}): {inbox.stderr.strip()}")
        records = json.loads(inbox.stdout)
        ids = [r["id"] for r in records]
        verification["records_listed"] = len(ids)
        verification["records_unique"] = len(set(ids))
        if len(ids) != len(set(ids)):
            problems.append("the inbox lists a record twice")
        if len(ids) != len(accepted):
            problems.append(f"{len(accepted)} submissions accepted but {len(ids)} records in the vault")
        tmp_after = tmp_files(blobs)
        expected_blobs = sum(len(s.expected) for s in accepted)
        verification["blobs"] = blob_count(blobs)
        verification["blobs_expected"] = expected_blobs
        verification["tmp_files_while_running"] = len(tmp_while_running)
        verification["tmp_files_after_stop"] = len(tmp_after)
        if tmp_after:
            problems.append(f"{len(tmp_after)} temporary files left in blobs/ ({tmp_after[0]}, …)")
        if verification["blobs"] != expected_blobs:
            problems.append(f"{verification['blobs']} blobs in the vault, {expected_blobs} expected")

        say(f"load-intake: inbox lists {len(ids)} records ({len(set(ids))} distinct); {verification['blobs']} blobs "
            f"({expected_blobs} expected), {len(tmp_after)} temporary files; opening every record as the administrator…")
        out_root = os.path.join(directory, "out")
        os.makedirs(out_root, mode=0o700, exist_ok=True)
        by_index = {s.index: s for s in subs}
        matched = {}
        open_failures = []
        unchecked = 0
        started = time.monotonic()
        with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.verify_jobs)) as pool:
            futures = {pool.submit(verify_record, amanat, vault, passphrase, rid, out_root, deadline, env): rid for rid in set(ids)}
            for future in concurrent.futures.as_completed(futures):
                rid = futures[future]
                try:
                    index, files, error = future.result()
                except Exception as failure:  # noqa: BLE001 — one record's failure must not hide the rest
                    index, files, error = None, None, f"{type(failure).__name__}: {failure}"
                if error == OUT_OF_TIME:
                    unchecked += 1
                    continue
                if error:
                    open_failures.append(f"{rid[:8]}: {error}")
                    continue
                sub = by_index.get(index)
                if sub is None:
                    open_failures.append(f"{rid[:8]}: its statement matches no submission sent")
                elif index in matched:
                    open_failures.append(f"{rid[:8]}: submission {index} stored twice (also {matched[index][:8]})")
                elif files != sub.expected:
                    open_failures.append(f"{rid[:8]}: attachments of submission {index} differ: {[(n, s) for n, s, _ in files]}")
                else:
                    matched[index] = rid
        verification["open_s"] = seconds(time.monotonic() - started, 1)
        verification["records_opened_and_matched"] = len(matched)
        verification["records_not_checked"] = unchecked
        verification["stored_but_refused"] = sum(1 for s in failed if s.index in matched)
        verification["open_failures"] = open_failures[:20]
        if unchecked:
            # Which submissions the unopened records hold is unknown, so only a count shortfall proves a loss.
            lost = list(range(max(0, len(accepted) - len(set(ids)))))
            verification["lost"] = len(lost)
            verification["lost_is_lower_bound"] = True
            problems.append(f"{unchecked} records not opened: out of time (--timeout {args.timeout})")
        else:
            lost = [s.index for s in accepted if s.index not in matched]
            verification["lost"] = len(lost)
        if open_failures:
            problems.append(f"{len(open_failures)} records failed to open or match (first: {open_failures[0]})")
        if lost:
            problems.append(f"{len(lost)} accepted submissions not found in the vault")
        if verification["stored_but_refused"]:
            problems.append(f"{verification['stored_but_refused']} submissions were stored although the client saw a failure")
        say(f"load-intake: {len(matched)} records opened with every attachment's SHA-256 matching, in {verification['open_s']} s; "
            f"lost {len(lost)}" + (f" (at least; {unchecked} records not opened, out of time)" if unchecked else ""))

        sample = random.Random(0).sample(accepted, min(args.replies_sample, len(accepted)))
        started = time.monotonic()
        with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.verify_jobs)) as pool:
            def check(sub):
                try:
                    return verify_codename(amanat, vault, sub.codename, deadline, env)
                except Exception as failure:  # noqa: BLE001
                    return f"{type(failure).__name__}: {failure}"
            outcomes = list(pool.map(check, sample))
        codename_failures = [f"#{s.index}: {o}" for s, o in zip(sample, outcomes) if o and o != OUT_OF_TIME]
        verification["codenames_not_checked"] = sum(1 for o in outcomes if o == OUT_OF_TIME)
        if verification["codenames_not_checked"]:
            problems.append(f"{verification['codenames_not_checked']} codenames not checked: out of time")
        verification["codenames_checked"] = len(sample)
        verification["codenames_opened"] = len(sample) - len(codename_failures) - verification["codenames_not_checked"]
        verification["codename_failures"] = codename_failures
        verification["codenames_distinct"] = len({s.codename for s in accepted}) == len(accepted)
        verification["replies_s"] = seconds(time.monotonic() - started, 1)
        if codename_failures:
            problems.append(f"{len(codename_failures)} codenames did not open their mailbox (first: {codename_failures[0]})")
        if not verification["codenames_distinct"]:
            problems.append("two submissions were shown the same codename")
        say(f"load-intake: {verification['codenames_opened']} of {len(sample)} codenames open their mailbox "
            f"({verification['replies_s']} s" + (f"; {verification['codenames_not_checked']} not checked, out of time" if verification["codenames_not_checked"] else "") + ")")

        if len(failed) > len(busy) or (busy and not args.allow_busy):
            problems.append(f"{len(failed)} submissions failed ({len(busy)} of them busy, 503)")
    except SetupError as error:
        problems.append(str(error))
        results["setup_failed"] = True
    except subprocess.TimeoutExpired as error:
        problems.append(f"timed out: {' '.join(str(a) for a in error.cmd[:2])}")
    finally:
        if process is not None and process.poll() is None:
            process.kill()
            process.wait()
        server_log.close()
        if args.keep:
            results["directory"] = directory
            say(f"load-intake: kept {directory}")
        else:
            shutil.rmtree(directory, ignore_errors=True)

    results["run_s"] = seconds(deadline.elapsed(), 1)
    if deadline.expired():
        problems.append(f"the run took {results['run_s']} s, over --timeout {args.timeout}")
    results["ok"] = not problems
    for problem in problems:
        say(f"load-intake: FAILED: {problem}")
    say(f"load-intake: {'passed' if results['ok'] else 'failed'} in {results['run_s']} s")
    if args.json:
        print(json.dumps(results, ensure_ascii=False, indent=2))
    if results.get("setup_failed"):
        return 2
    return 0 if results["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
