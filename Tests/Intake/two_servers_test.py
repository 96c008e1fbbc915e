#!/usr/bin/env python3
"""Two `amanat serve` processes on one vault kept in PostgreSQL, as `make test` runs it: concurrent
submissions with two files each, split between the two servers, and one server killed with SIGKILL in
the middle; then the killed server is started again and both take, at once, follow-ups to acknowledged
submissions (each source coming back with her codename) and new submissions. Every acknowledged
submission must open intact (its statement and its files' sizes and hashes), every acknowledged follow-up
must be stored once with its text, every stored record must be whole and be one that was sent, the other
server must answer all of its submissions, no blob may be half written, and `amanat audit --verify` must
pass.

Usage: two_servers_test.py --amanat PATH --postgresql URL [--submissions 200]. URL is a database of the
test cluster (Scripts/postgres-test-cluster.sh); a new database is made in that cluster for the run.
Reuses the load test's client (Scripts/load-intake.py). Exit status 0 when all holds, 1 otherwise, 2
when the set-up fails.
"""

import argparse
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(ROOT, "Scripts"))
from amanat_load import Browser, database_url, follow_up, load_client, psql, stop  # noqa: E402


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--amanat", required=True)
    parser.add_argument("--postgresql", required=True, help="an address in the test cluster")
    parser.add_argument("--submissions", type=int, default=200)
    parser.add_argument("--follow-ups", type=int, default=60)
    args = parser.parse_args()
    args.amanat = os.path.abspath(args.amanat)
    client = load_client()
    directory = tempfile.mkdtemp(prefix="amanat-two-servers-")
    os.chmod(directory, 0o700)
    # The administrator's identity is written beside the working folder, named after the database.
    os.chdir(directory)
    servers = []
    try:
        name = f"amanat_two_servers_{os.getpid()}"
        psql(args.postgresql, f"CREATE DATABASE {name}")
        vault = database_url(args.postgresql, name)
        env = client.clean_env()
        env["AMANAT_TEST_WEAK_KEYS"] = "1"   # fast codenames: this test is about concurrency, not Argon2
        passphrase = os.path.join(directory, "admin.pass")
        with open(os.open(passphrase, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "w") as handle:
            handle.write("two servers test passphrase\n")
        created = subprocess.run([args.amanat, "init", "--vault", vault, "--passphrase-file", passphrase], env=env,
                                 check=True, capture_output=True, text=True, cwd=directory)
        client.trust_administrator(env, created.stdout, directory)
        deadline = client.Deadline(600)

        def start_server():
            port = client.free_port()
            server = subprocess.Popen([args.amanat, "serve", "--vault", vault, "--listen", f"127.0.0.1:{port}"],
                                      env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=directory)
            servers.append(server)
            if not client.wait_health(port, server, deadline):
                raise RuntimeError("a server did not start")
            return port

        ports = [start_server(), start_server()]
        submissions = [client.Submission("two", index, 48 * 1024, 8 * 1024) for index in range(args.submissions)]
        halves = [submissions[0::2], submissions[1::2]]
        loads = [threading.Thread(target=client.run_load, args=(half, port, 40, "ru", deadline))
                 for half, port in zip(halves, ports)]
        for load in loads:
            load.start()
        # Kill the first server once a quarter of its submissions are answered (the rest are in flight).
        while sum(1 for s in halves[0] if s.status) < len(halves[0]) // 4 and not deadline.expired():
            time.sleep(0.005)
        in_flight = sum(1 for s in halves[0] if s.status is None)
        servers[0].send_signal(signal.SIGKILL)
        servers[0].wait(timeout=60)
        for load in loads:
            load.join(timeout=deadline.remaining())
        acknowledged = {s.index: s for s in submissions if s.status == 200 and s.codename}

        # The killed server is started again; both take follow-ups and new submissions at once.
        ports[0] = start_server()
        returning = list(acknowledged.values())[:args.follow_ups]
        answered = {}

        def come_back(turn, submission):
            try:
                status = follow_up(Browser(ports[turn % 2]), submission.codename,
                                   f"Дополнение [amanat-load follow {submission.index}]")
            except (OSError, RuntimeError) as error:
                status = f"{error}"
            answered[submission.index] = status

        fresh = [client.Submission("two-again", 10_000 + index, 8 * 1024, 0) for index in range(40)]
        second = [threading.Thread(target=come_back, args=(turn, sub)) for turn, sub in enumerate(returning)]
        second += [threading.Thread(target=client.run_load, args=(half, port, 10, "ru", deadline))
                   for half, port in zip([fresh[0::2], fresh[1::2]], ports)]
        for thread in second:
            thread.start()
        for thread in second:
            thread.join(timeout=deadline.remaining())
        submissions += fresh
        acknowledged.update({s.index: s for s in fresh if s.status == 200 and s.codename})
        followed = {index for index, status in answered.items() if status == 200}
        sent = {s.index: s for s in submissions}
        problems = []
        if len(followed) < len(returning):
            problems.append(f"{len(returning) - len(followed)} follow-ups were not answered: "
                            f"{[status for status in answered.values() if status != 200][:3]}")
        unanswered_fresh = [s.index for s in fresh if not (s.status == 200 and s.codename)]
        if unanswered_fresh:
            problems.append(f"{len(unanswered_fresh)} new submissions were not answered after the restart")
        if in_flight == 0:
            problems.append("every submission to the first server had finished before SIGKILL: the test proved nothing")
        unanswered = [s.index for s in halves[1] if not (s.status == 200 and s.codename)]
        if unanswered:
            problems.append(f"the surviving server did not answer {len(unanswered)} of its submissions: {unanswered[:5]}")
        inbox = client.cli(args.amanat, ["inbox", "--vault", vault, "--json"], deadline, env=env)
        if inbox.returncode != 0:
            problems.append(f"amanat inbox failed: {inbox.stderr.strip()[:300]}")
            records = []
        else:
            records = json.loads(inbox.stdout)
        opened = {}
        follow_ups = []
        out_root = os.path.join(directory, "opened")
        for record in records:
            record_id = record["id"]
            index, files, error = client.verify_record(args.amanat, vault, passphrase, record_id, out_root, deadline, env)
            if error:
                problems.append(f"record {record_id} does not open whole: {error}")
            elif record["kind"] == "follow-up":
                follow_ups.append(index)
            elif index not in sent or files != sent[index].expected:
                problems.append(f"record {record_id} is not what was sent (submission {index})")
            else:
                opened[index] = record_id
        lost = sorted(set(acknowledged) - set(opened))
        if sorted(follow_ups) != sorted(followed):
            problems.append(f"{len(followed)} follow-ups were answered, {len(follow_ups)} stored: "
                            f"missing {sorted(followed - set(follow_ups))[:5]}, unexpected "
                            f"{sorted(set(follow_ups) - followed)[:5]}")
        if lost:
            problems.append(f"{len(lost)} acknowledged submissions are missing or damaged: {lost[:5]}")
        half_written = psql(vault, 'SELECT count(*) FROM "blob" b WHERE "size" <> (SELECT coalesce(sum(length("bytes")), 0) '
                                   'FROM "blobPiece" p WHERE p."blobID" = b."id")')
        if half_written != "0":
            problems.append(f"{half_written} blobs are listed without all their bytes")
        blobs = int(psql(vault, 'SELECT count(*) FROM "blob"'))
        files = sum(len(sent[index].expected) for index in opened)
        if blobs < files:
            problems.append(f"{blobs} blobs for {len(opened)} records of {files} files")
        audit = client.cli(args.amanat, ["audit", "--verify", "--vault", vault], deadline, env=env)
        if audit.returncode != 0:
            problems.append(f"amanat audit --verify failed: {audit.stderr.strip()[:300]}")
        print(f"two servers: {len(submissions)} submissions, {in_flight} in flight to the first server when it was killed; "
              f"{len(acknowledged)} acknowledged, {len(opened)} stored and opened whole; after the restart "
              f"{len(followed)} follow-ups answered and {len(follow_ups)} stored; {blobs - files} blobs of "
              f"unacknowledged submissions left unlisted by any record; audit "
              f"{'verifies' if audit.returncode == 0 else 'FAILS'}")
        for problem in problems:
            print(f"two servers: FAIL {problem}")
        return 1 if problems else 0
    finally:
        stop(servers)
        shutil.rmtree(directory, ignore_errors=True)


if __name__ == "__main__":
    try:
        sys.exit(main())
    except RuntimeError as error:
        print(f"two servers: set-up failed: {error}", file=sys.stderr)
        sys.exit(2)
