#!/usr/bin/env python3
"""Backups and restores beside age and gpg, for `make bench`: writes its section of Docs/bench.md.

A vault (release build, real key settings) with RECORDS records and ATTACHMENTS attachments of random bytes
(MIB MiB in all) is backed up with `amanat backup` and restored with `amanat restore`; in the same rounds
the same folder goes through `tar | age -r` and `age -d | tar x`, and `tar | gpg --symmetric` and back.
Each figure is the median of ROUNDS rounds, the tools alternating in every round. `amanat` unlocks the
administrator's identity file each time (Argon2id, 256 MiB): `amanat read` of one record is timed too, so
that the table can show what the backup itself costs.

    python3 Scripts/bench-backup.py --amanat .build/release/amanat [--bench Docs/bench.md] [--rounds 3]
        [--records 200] [--attachments 8] [--mib 1024]

Exit status 0 when every restored vault verified, 1 otherwise.
"""

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from amanat_load import write_bench_section  # noqa: E402

BEGIN = "<!-- backup: written by Scripts/bench-backup.py (`make bench`) -->"
END = "<!-- backup end -->"


def say(message):
    print(message, file=sys.stderr, flush=True)


def timed(command, **options):
    """Seconds and peak resident memory (KiB, from GNU time) of one run of `command` (a list, or a shell line)."""
    report = tempfile.NamedTemporaryFile(delete=False)
    report.close()
    shell = isinstance(command, str)
    wrapped = ["/usr/bin/time", "-f", "%e %M", "-o", report.name] + (["sh", "-c", command] if shell else command)
    start = time.monotonic()
    subprocess.run(wrapped, check=True, stdout=subprocess.DEVNULL, **options)
    elapsed = time.monotonic() - start
    peak = int(open(report.name).read().split()[-1])
    os.unlink(report.name)
    return elapsed, peak


def make_vault(args, folder, environment):
    amanat = args.amanat
    passphrase = os.path.join(folder, "admin.pass")
    with open(passphrase, "w") as handle:
        handle.write("bench passphrase for backups\n")
    os.chmod(passphrase, 0o600)
    vault = os.path.join(folder, "vault")
    subprocess.run([amanat, "init", "--vault", vault, "--passphrase-file", passphrase], check=True,
                   stdout=subprocess.DEVNULL, env=environment)
    size = (args.mib << 20) // max(args.attachments, 1)
    record = None
    for index in range(args.records):
        attach = []
        if index < args.attachments:
            path = os.path.join(folder, f"scan-{index}.bin")
            with open(path, "wb") as handle:
                handle.write(os.urandom(size))
            attach = ["--attach", path]
        out = subprocess.run([amanat, "submit", "--vault", vault] + attach, input=f"Запись {index}.",
                             check=True, capture_output=True, text=True, env=environment).stdout
        record = out.split("(record ")[1].split(")")[0]
        if attach:
            os.unlink(attach[1])
    return vault, passphrase, record


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--amanat", required=True)
    parser.add_argument("--bench", default="Docs/bench.md")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--records", type=int, default=200)
    parser.add_argument("--attachments", type=int, default=8)
    parser.add_argument("--mib", type=int, default=1024)
    args = parser.parse_args()
    args.amanat = os.path.abspath(args.amanat)
    folder = tempfile.mkdtemp(prefix="amanat-bench-backup-")
    environment = dict(os.environ, HOME=folder, XDG_CONFIG_HOME=folder)
    problems = []
    try:
        say(f"  backup: a vault of {args.records} records and {args.mib} MiB of attachments…")
        vault, passphrase, record = make_vault(args, folder, environment)
        identity = vault + "-administrator.id"
        recipient = subprocess.run(["age-keygen", "-o", os.path.join(folder, "age.key")], check=True,
                                   capture_output=True, text=True).stderr.split("Public key: ")[1].strip()
        gpg_home = os.path.join(folder, "gnupg")
        os.makedirs(gpg_home, mode=0o700)
        gpg = (f"gpg --homedir {gpg_home} --batch --yes --pinentry-mode loopback --passphrase-file {passphrase} "
               "--compress-algo none --cipher-algo AES256")
        figures = {name: [] for name in ["unlock", "backup", "restore", "age-out", "age-in", "gpg-out", "gpg-in"]}
        peaks = {"unlock": [], "backup": [], "restore": []}
        size = 0
        for number in range(1, args.rounds + 1):
            say(f"  backup: round {number}/{args.rounds}…")
            for name in ["backup.amanat-backup", "restored", "vault.tar.age", "untar-age", "vault.tar.gpg",
                         "untar-gpg"]:
                path = os.path.join(folder, name)
                shutil.rmtree(path, ignore_errors=True) if os.path.isdir(path) else (
                    os.path.exists(path) and os.unlink(path))
            unlock = timed([args.amanat, "read", record, "--vault", vault, "--passphrase-file", passphrase],
                           env=environment)
            backup = timed([args.amanat, "backup", "--vault", vault, "--passphrase-file", passphrase, "--out",
                            os.path.join(folder, "backup.amanat-backup")], env=environment)
            size = os.path.getsize(os.path.join(folder, "backup.amanat-backup"))
            restore = timed([args.amanat, "restore", os.path.join(folder, "backup.amanat-backup"), "--vault",
                             os.path.join(folder, "restored"), "--identity", identity, "--passphrase-file",
                             passphrase], env=environment)
            verified = subprocess.run([args.amanat, "audit", "--verify", "--vault", os.path.join(folder, "restored")],
                                      capture_output=True, env=environment)
            if verified.returncode != 0:
                problems.append(f"round {number}: the restored vault does not verify")
            os.makedirs(os.path.join(folder, "untar-age"))
            os.makedirs(os.path.join(folder, "untar-gpg"))
            age_out = timed(f"tar cf - -C {folder} vault | age -r {recipient} > {folder}/vault.tar.age")
            age_in = timed(f"age -d -i {folder}/age.key {folder}/vault.tar.age | tar xf - -C {folder}/untar-age")
            gpg_out = timed(f"tar cf - -C {folder} vault | {gpg} --symmetric -o {folder}/vault.tar.gpg")
            gpg_in = timed(f"{gpg} -d {folder}/vault.tar.gpg 2>/dev/null | tar xf - -C {folder}/untar-gpg")
            for name, (seconds, peak) in [("unlock", unlock), ("backup", backup), ("restore", restore),
                                          ("age-out", age_out), ("age-in", age_in), ("gpg-out", gpg_out),
                                          ("gpg-in", gpg_in)]:
                figures[name].append(seconds)
                if name in peaks:
                    peaks[name].append(peak)
        median = {name: statistics.median(values) for name, values in figures.items()}
        peak = {name: max(values) for name, values in peaks.items()}
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    mib = size / (1 << 20)

    def rate(seconds):
        return f"{mib / seconds:,.0f} MiB/s" if seconds > 0 else "-"

    unlock = median["unlock"]
    lines = [
        "## Backups and restores",
        "",
        f"A vault of {args.records} records and {args.attachments} attachments ({args.mib} MiB of random bytes) in "
        f"a folder; the backup file is {mib:,.0f} MiB. Release build, median of {args.rounds} rounds, the tools "
        "alternating in every round; age and gpg encrypt and decrypt `tar` of the same folder. Every `amanat` "
        f"command unlocks the administrator's identity file (Argon2id, 256 MiB): {unlock:.2f} s and "
        f"{peak['unlock'] / 1024:,.0f} MiB for `amanat read` of one record, shown so that what the backup itself "
        "costs can be read off. A restore reads the file twice (the signature is checked before anything is "
        "decrypted), flushes every file to disk, and opens every record before the folder appears.",
        "",
        "| | amanat | amanat without the unlock | tar \\| age | tar \\| gpg | amanat ÷ age (without the unlock) |",
        "|---|---|---|---|---|---|",
        f"| back up | {median['backup']:.2f} s | {median['backup'] - unlock:.2f} s "
        f"({rate(median['backup'] - unlock)}) | {median['age-out']:.2f} s | {median['gpg-out']:.2f} s | "
        f"{(median['backup'] - unlock) / median['age-out']:.2f}× |",
        f"| restore | {median['restore']:.2f} s | {median['restore'] - unlock:.2f} s "
        f"({rate(median['restore'] - unlock)}) | {median['age-in']:.2f} s | {median['gpg-in']:.2f} s | "
        f"{(median['restore'] - unlock) / median['age-in']:.2f}× |",
        "",
        f"Peak memory: backup {peak['backup'] / 1024:,.0f} MiB, restore {peak['restore'] / 1024:,.0f} MiB, against "
        f"{peak['unlock'] / 1024:,.0f} MiB for unlocking the identity alone: the data streams through.",
    ]
    if problems:
        lines += ["", "**Problems:** " + "; ".join(problems)]
    write_bench_section(args.bench, BEGIN, END, lines)
    say("\n".join(lines))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
