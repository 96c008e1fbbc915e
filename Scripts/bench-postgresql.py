#!/usr/bin/env python3
"""The vault on PostgreSQL beside SQLite, for `make bench`: writes its section of Docs/bench.md.

1. Submissions per second through the web intake: `amanat serve` (release build, the real codename
   setting) with one and with two server processes on one vault, kept in a folder (SQLite) and in
   PostgreSQL, the four set-ups alternating in every round; each round submits to a new vault and checks
   that `amanat inbox` lists every accepted submission.
2. What one submission costs on PostgreSQL in a vault of 1,000 records and in one of 1,000,000
   (`AmanatBench child vault-submit-postgresql`: the API as the intake calls it, windows alternating).

    python3 Scripts/bench-postgresql.py --amanat .build/release/amanat --bench-binary .build/release/AmanatBench \
        --postgresql URL [--bench Docs/bench.md] [--rounds 3] [--submissions 96] [--records 1000000]

URL is the throwaway cluster's (Scripts/postgres-test-cluster.sh, started by `make bench` with fsync on).
Exit status 0 when every run stored all it accepted, 1 otherwise.
"""

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from amanat_load import database_url, load_client, psql, stop, write_bench_section  # noqa: E402

BEGIN = "<!-- postgresql: written by Scripts/bench-postgresql.py (`make bench`) -->"
END = "<!-- postgresql end -->"


def say(message):
    print(message, file=sys.stderr, flush=True)


def intake_round(args, client, engine, servers, label):
    """One vault, `servers` intakes on it, `args.submissions` submissions split between them."""
    directory = tempfile.mkdtemp(prefix="amanat-bench-intake-")
    os.chmod(directory, 0o700)
    processes = []
    database = None
    try:
        env = client.clean_env()
        if engine == "PostgreSQL":
            database = f"amanat_bench_{os.getpid()}_{label}"
            psql(args.postgresql, f"CREATE DATABASE {database}")
            vault = database_url(args.postgresql, database)
        else:
            vault = os.path.join(directory, "vault")
        passphrase = os.path.join(directory, "admin.pass")
        with open(os.open(passphrase, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "w") as handle:
            handle.write("bench passphrase for the intake\n")
        created = subprocess.run([args.amanat, "init", "--vault", vault, "--passphrase-file", passphrase], env=env,
                                 check=True, capture_output=True, text=True, cwd=directory)
        client.trust_administrator(env, created.stdout, directory)
        deadline = client.Deadline(900)
        ports = [client.free_port() for _ in range(servers)]
        for port in ports:
            processes.append(subprocess.Popen(
                [args.amanat, "serve", "--vault", vault, "--listen", f"127.0.0.1:{port}"], env=env,
                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=directory))
            if not client.wait_health(port, processes[-1], deadline):
                raise RuntimeError(f"{engine}: a server did not start")
        submissions = [client.Submission(label, index, 16 * 1024, 0) for index in range(args.submissions)]
        shares = [submissions[k::servers] for k in range(servers)]
        threads = [threading.Thread(target=client.run_load, args=(share, port, args.concurrency // servers, "ru",
                                                                   deadline))
                   for share, port in zip(shares, ports)]
        start = time.monotonic()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        wall = time.monotonic() - start
        accepted = sum(1 for s in submissions if s.status == 200 and s.codename)
        inbox = client.cli(args.amanat, ["inbox", "--vault", vault, "--json"], deadline, env=env)
        stored = len(json.loads(inbox.stdout)) if inbox.returncode == 0 else -1
        return accepted / wall, accepted, stored
    finally:
        stop(processes)
        if database:
            psql(args.postgresql, f"DROP DATABASE IF EXISTS {database}")
        shutil.rmtree(directory, ignore_errors=True)


def submit_scaling(args):
    """AmanatBench's PostgreSQL submission workload on two new databases; its key=value figures."""
    databases = [f"amanat_bench_small_{os.getpid()}", f"amanat_bench_large_{os.getpid()}"]
    for database in databases:
        psql(args.postgresql, f"CREATE DATABASE {database}")
    try:
        output = subprocess.run(
            [args.bench_binary, "child", "vault-submit-postgresql"]
            + [database_url(args.postgresql, database) for database in databases]
            + [str(args.records), str(args.window), str(args.scaling_rounds)],
            check=True, capture_output=True, text=True).stdout
    finally:
        for database in databases:
            psql(args.postgresql, f"DROP DATABASE IF EXISTS {database}")
    return {key: float(value) for key, value in re.findall(r"(\w+)=([0-9.e+-]+)", output.strip().splitlines()[-1])}


def cpu_model():
    with open("/proc/cpuinfo") as handle:
        for line in handle:
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    return "unknown CPU"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--amanat", required=True)
    parser.add_argument("--bench-binary", required=True)
    parser.add_argument("--postgresql", required=True)
    parser.add_argument("--bench", default="Docs/bench.md")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--submissions", type=int, default=96)
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--records", type=int, default=1_000_000)
    parser.add_argument("--window", type=int, default=200)
    parser.add_argument("--scaling-rounds", type=int, default=5)
    args = parser.parse_args()
    args.amanat, args.bench_binary = os.path.abspath(args.amanat), os.path.abspath(args.bench_binary)
    client = load_client()
    setups = [("SQLite", 1), ("SQLite", 2), ("PostgreSQL", 1), ("PostgreSQL", 2)]
    rates = {setup: [] for setup in setups}
    problems = []
    for round_number in range(1, args.rounds + 1):
        for engine, servers in setups:
            say(f"  intake: {engine}, {servers} server(s), round {round_number}/{args.rounds}…")
            rate, accepted, stored = intake_round(args, client, engine, servers, f"r{round_number}s{servers}")
            rates[(engine, servers)].append(rate)
            if accepted != args.submissions or stored != accepted:
                problems.append(f"{engine} with {servers}: {accepted} accepted, {stored} stored")
    say(f"  PostgreSQL: submitting to a vault of 1,000 records and to one of {args.records:,}…")
    scaling = submit_scaling(args)
    small_records = args.window * args.scaling_rounds
    median = {setup: statistics.median(values) for setup, values in rates.items()}
    growth = scaling["ratio"]

    def row(label, engine):
        one, two = median[(engine, 1)], median[(engine, 2)]
        return f"| {label} | {one:.1f} /s | {two:.1f} /s | {two / one:.2f}× |"

    lines = [
        "## The vault on PostgreSQL",
        "",
        f"Machine: {cpu_model()}, {os.cpu_count()} cores; PostgreSQL {psql(args.postgresql, 'SHOW server_version')} "
        "on the same machine (a throwaway cluster, Unix socket, fsync on); `Scripts/bench-postgresql.py`.",
        "",
        f"**Through the web intake.** `amanat serve` (this release build, the real codename setting: Argon2id 64 MiB, "
        "at most 2 at once per server) on loopback,",
        f"{args.submissions} submissions (a statement and a 16 KiB file each) from {args.concurrency} clients, split "
        "evenly between the servers; every",
        f"round a new vault, the four set-ups alternating; median of {args.rounds} rounds. Every accepted submission "
        "was listed by `amanat inbox`: "
        + ("yes." if not problems else "**no** (" + "; ".join(problems) + ")."),
        "",
        "| Vault | 1 intake | 2 intakes | 2 ÷ 1 |",
        "|---|---:|---:|---:|",
        row("SQLite (folder)", "SQLite"),
        row("PostgreSQL", "PostgreSQL"),
        "",
        "Each submission derives its codename's key with Argon2id (64 MiB), and that is most of its cost: with "
        f"{os.cpu_count()} cores, two intakes",
        "run more derivations at once than there are cores, so a second process on this machine adds little; on "
        "separate machines",
        "(the deployment Docs/deploy.md describes) each intake brings its own cores, and the database's share of a "
        "submission is the row below.",
        "",
        "**One submission's cost as the vault grows** (the API as the intake calls it, codenames at the smallest "
        "setting so that the",
        f"figures show the database): windows of {args.window} submissions alternate between a new vault (which "
        f"ends with {small_records:,} records) and one",
        f"that holds {args.records:,} at the end, {args.scaling_rounds} rounds; medians of each side and of the "
        "paired ratios, so that drift in this machine's fsync",
        f"latency hits both. The {int(scaling['filled']):,} records of the large vault were first written in bulk "
        f"by SQL, with the row sizes of real ones and",
        f"random bytes ({scaling['fill_s']:.0f} s; submitting them one by one would take hours), so every table "
        "and index has its full size.",
        "",
        "| Measure | Value | Target | Met |",
        "|---|---:|---:|:---:|",
        f"| submit on PostgreSQL, vault of ≤ {small_records:,} records | {scaling['small_ms']:.3f} ms | — | — |",
        f"| submit on PostgreSQL, vault of {args.records:,} records | {scaling['large_ms']:.3f} ms | "
        f"≤ 1.5× the small vault (median of paired ratios) | {'yes' if growth <= 1.5 else '**no**'} "
        f"({growth:.2f}×) |",
        f"| write-ahead log per submission, small / large vault | {scaling['small_wal'] / 1024:.1f} KiB / "
        f"{scaling['large_wal'] / 1024:.1f} KiB | — | — |",
    ]
    write_bench_section(args.bench, BEGIN, END, lines)
    say(f"  written to {args.bench}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
