#!/usr/bin/env python3
"""Graceful shutdown of `amanat serve`, as `make test` runs it: SIGTERM arrives while submissions with
files are being sent; every one of them must still be answered with a codename and stored whole, the
server must exit 0, and no temporary blob may be left behind.

Usage: shutdown_test.py --amanat PATH [--submissions 30]. Reuses the load test's client
(Scripts/load-intake.py). Exit status 0 when all holds, 1 otherwise, 2 when the set-up fails.
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
from amanat_load import load_client  # noqa: E402


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--amanat", required=True)
    parser.add_argument("--submissions", type=int, default=30)
    args = parser.parse_args()
    client = load_client()
    directory = tempfile.mkdtemp(prefix="amanat-shutdown-")
    os.chmod(directory, 0o700)
    server = None
    try:
        env = client.clean_env()
        env["AMANAT_TEST_WEAK_KEYS"] = "1"   # fast codenames: this test is about shutdown, not Argon2
        passphrase = os.path.join(directory, "admin.pass")
        with open(os.open(passphrase, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "w") as handle:
            handle.write("shutdown test passphrase\n")
        vault = os.path.join(directory, "vault")
        created = subprocess.run([args.amanat, "init", "--vault", vault, "--passphrase-file", passphrase], env=env, check=True,
                                 capture_output=True, text=True)
        client.trust_administrator(env, created.stdout, directory)
        port = client.free_port()
        server = subprocess.Popen([args.amanat, "serve", "--vault", vault, "--listen", f"127.0.0.1:{port}"],
                                  env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        deadline = client.Deadline(300)
        if not client.wait_health(port, server, deadline):
            print("shutdown: the server did not start", file=sys.stderr)
            return 2
        submissions = [client.Submission("shutdown", index, 2 * 1024 * 1024, 64 * 1024) for index in range(args.submissions)]
        load = threading.Thread(target=client.run_load, args=(submissions, port, args.submissions, "ru", deadline))
        load.start()
        # Wait until the first answers arrive (the others are in flight), then ask the server to stop.
        while not any(s.status for s in submissions) and not deadline.expired():
            time.sleep(0.01)
        pending = sum(1 for s in submissions if s.status is None)
        asked = time.monotonic()
        server.send_signal(signal.SIGTERM)
        code = server.wait(timeout=120)
        stopped = time.monotonic() - asked
        load.join(timeout=120)
        answered = [s for s in submissions if s.status == 200 and s.codename]
        records = json.loads(subprocess.run([args.amanat, "inbox", "--vault", vault, "--json"], env=env, check=True,
                                            capture_output=True, text=True).stdout)
        blobs = os.listdir(os.path.join(vault, "blobs"))
        temporary = [name for name in blobs if ".tmp-" in name]
        problems = []
        if pending == 0:
            problems.append("every submission had finished before SIGTERM: nothing was in flight, the test proved nothing")
        if code != 0:
            problems.append(f"the server exited {code}")
        if len(answered) != len(submissions):
            problems.append(f"{len(submissions) - len(answered)} of {len(submissions)} submissions were not answered with a codename")
        if len(records) != len(answered):
            problems.append(f"{len(answered)} codenames given but {len(records)} records stored")
        if len(blobs) - len(temporary) != 2 * len(records):
            problems.append(f"{len(blobs) - len(temporary)} blobs for {len(records)} records of 2 files")
        if temporary:
            problems.append(f"{len(temporary)} temporary blobs left behind")
        print(f"shutdown: SIGTERM with {pending} of {len(submissions)} submissions in flight; the server stopped in {stopped:.2f} s (exit {code}); "
              f"{len(answered)}/{len(submissions)} answered, {len(records)} stored, {len(temporary)} temporary blobs left")
        for problem in problems:
            print(f"shutdown: FAIL {problem}")
        return 1 if problems else 0
    finally:
        if server and server.poll() is None:
            server.kill()
        shutil.rmtree(directory, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
