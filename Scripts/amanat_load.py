"""Shared by the scripts and tests that drive `amanat serve` (Tests/Intake, Tests/Browser, the benchmarks):
the load test's client (Scripts/load-intake.py, whose name is not a module name) and the databases of the
throwaway PostgreSQL cluster (Scripts/postgres-test-cluster.sh)."""

import importlib.util
import os
import subprocess
import urllib.parse

SCRIPTS = os.path.dirname(os.path.abspath(__file__))


def load_client():
    """Scripts/load-intake.py as a module: forms, submissions, `run_load`, `verify_record`, `wait_health`…"""
    spec = importlib.util.spec_from_file_location("load_intake", os.path.join(SCRIPTS, "load-intake.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def database_url(cluster, name):
    """The address of database `name` in the cluster that `cluster` names."""
    parts = urllib.parse.urlsplit(cluster)
    return urllib.parse.urlunsplit((parts.scheme, parts.netloc, "/" + name, parts.query, parts.fragment))


def psql(url, statement):
    """Runs SQL with psql and returns what it printed (unaligned, no headers)."""
    result = subprocess.run(["psql", "-X", "-q", "-t", "-A", "-v", "ON_ERROR_STOP=1", "-d", url, "-c", statement],
                            capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(f"psql: {result.stderr.strip()}")
    return result.stdout.strip()
