"""Shared pieces of the native host's process tests: the binaries under test, the framing, and
one host process started the way Chromium starts it. BIN is set by test_host_process.py from
its first argument."""
import datetime
import json
import os
import sqlite3
import struct
import subprocess
import tempfile
import unittest
import zlib

BIN = os.path.abspath(os.environ.get("CONSENTLENS_BIN", "build/bin"))
HOST = os.path.join(BIN, "consentlens-host")
CLI = os.path.join(BIN, "consentlens")
ORIGIN = "chrome-extension://oeflbibdpoelgkjhgoegjfclojhdpfap/"


def load(path):
    with open(path) as f:
        return json.load(f)


def save(path, obj):
    with open(path, "w") as f:
        json.dump(obj, f)


def frame(body: bytes, length=None) -> bytes:
    return struct.pack("=I", len(body) if length is None else length) + body


def hours_ago(n):
    """An RFC 3339 time n hours before now (events at fixed dates would expire with the retention)."""
    t = datetime.datetime.now(datetime.timezone.utc) - datetime.timedelta(hours=n)
    return t.strftime("%Y-%m-%dT%H:%M:%SZ")


def event(eid, kind="recording", at=None, site=None, evidence=None):
    """A finding_shown. By default each is a different notice (its evidence names its id) on one of
    a thousand sites, so that no repeat or hourly quota (both tested on their own) is reached."""
    return {"event_id": eid, "type": "finding_shown", "at": at or hours_ago(1),
            "site": site or f"s{zlib.crc32(eid.encode()) % 1000}.example",
            "finding": {"kind": kind, "vendor": "zoom",
                        "evidence": {"text": evidence or f"This meeting is being recorded ({eid})"}}}


class Host:
    """One host process started the way Chromium starts it (origin as the first argument)."""

    def __init__(self, db, origin=ORIGIN, env=None):
        env = dict(os.environ, CONSENTLENS_DB=db, **(env or {}))
        self.p = subprocess.Popen([HOST, origin], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                  stderr=subprocess.PIPE, env=env)

    def send_raw(self, data: bytes):
        self.p.stdin.write(data)
        self.p.stdin.flush()

    def send(self, obj):
        self.send_raw(frame(json.dumps(obj).encode()))

    def read(self):
        head = self.p.stdout.read(4)
        if len(head) < 4:
            return None
        (n,) = struct.unpack("=I", head)
        return json.loads(self.p.stdout.read(n))

    def ask(self, obj):
        self.send(obj)
        return self.read()

    def close(self):
        self.p.stdin.close()
        rc = self.p.wait(timeout=30)
        self.p.stdout.close()
        self.p.stderr.close()
        return rc


class Temp(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.db = os.path.join(self.tmp.name, "data", "history.db")

    def tearDown(self):
        self.tmp.cleanup()

    def stored_ids(self):
        return [e["event_id"] for e in self.history_json()]

    def history(self, *args, check=True, env=None):
        """`consentlens history ARGS` on this test's database."""
        return subprocess.run([CLI, "history", *args], env=dict(os.environ, CONSENTLENS_DB=self.db, **(env or {})),
                              capture_output=True, text=True, check=check)

    def history_json(self):
        return json.loads(self.history("--json").stdout)

    def keep_everything(self):
        """Retention 0: the tests log events at fixed dates."""
        h = Host(self.db)
        self.assertTrue(h.ask({"id": 0, "op": "set_retention", "days": 0})["ok"])
        h.close()


