"""Shared by the scripts and tests that drive `amanat serve` (Tests/Intake, Tests/Browser, the benchmarks):
the load test's client (Scripts/load-intake.py, whose name is not a module name), a visitor who comes back
with her codename, the databases of the throwaway PostgreSQL cluster (Scripts/postgres-test-cluster.sh), and
the benchmarks' sections of Docs/bench.md."""

import http.client
import importlib.util
import os
import re
import secrets
import signal
import subprocess
import urllib.parse

SCRIPTS = os.path.dirname(os.path.abspath(__file__))


def load_client():
    """Scripts/load-intake.py as a module: forms, submissions, `run_load`, `verify_record`, `wait_health`…"""
    spec = importlib.util.spec_from_file_location("load_intake", os.path.join(SCRIPTS, "load-intake.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def stop(processes):
    """Stops each `amanat serve` still running: SIGTERM, then SIGKILL after 30 s."""
    for process in processes:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()


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


class Browser:
    """One visitor of the web intake: her form cookie, over one loopback port."""

    def __init__(self, port):
        self.port = port
        self.cookie = None

    def request(self, method, path, body=None, content_type=None):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        headers = {"Cookie": self.cookie} if self.cookie else {}
        if content_type:
            headers["Content-Type"] = content_type
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        text = response.read().decode()
        connection.close()
        cookie = response.getheader("Set-Cookie")
        if cookie:
            self.cookie = cookie.split(";")[0]
        return response.status, text

    def token(self, path):
        status, page = self.request("GET", path)
        match = re.search(r'name="csrf" value="([^"]+)"', page)
        if status != 200 or not match:
            raise RuntimeError(f"GET {path} gave no form ({status})")
        return match.group(1)


def multipart(fields):
    """A multipart/form-data body of text fields, and its content type."""
    boundary = "----amanatForm" + secrets.token_hex(8)
    body = b""
    for name, value in fields:
        body += f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'.encode() + value.encode()
        body += b"\r\n"
    body += f"--{boundary}--\r\n".encode()
    return body, f"multipart/form-data; boundary={boundary}"


def follow_up(browser, codename, statement):
    """As a source coming back: the codename on the return page, then more testimony. The HTTP status."""
    form = urllib.parse.urlencode({"csrf": browser.token("/en/return"), "codename": codename})
    status, page = browser.request("POST", "/en/return", form, "application/x-www-form-urlencoded")
    if status != 200:
        return status
    match = re.search(r'name="csrf" value="([^"]+)"', page)
    if not match:
        return 0
    body, kind = multipart([("csrf", match.group(1)), ("codename", codename), ("statement", statement)])
    status, _ = browser.request("POST", "/en/follow-up", body, kind)
    return status


def write_bench_section(path, begin, end, lines):
    """Writes `lines` between the markers `begin` and `end` in the benchmark report at `path`, replacing the
    section an earlier run wrote, before the memory scan's section (which `make bench` appends last)."""
    text = open(path).read() if os.path.exists(path) else ""
    opening = begin.split(":")[0] + ":"
    if opening in text and end in text:
        start, stop_at = text.index(opening), text.index(end)
        text = text[:start].rstrip("\n") + "\n" + text[stop_at + len(end):].lstrip("\n")
    section = "\n".join([begin] + lines + ["", end]) + "\n"
    later = text.find("<!-- memory-scan:")
    head, tail = (text, "") if later < 0 else (text[:later], "\n" + text[later:])
    with open(path, "w") as handle:
        handle.write(head.rstrip("\n") + "\n\n" + section + tail)
