#!/usr/bin/env python3
"""Drives the real consentlens-host binary through pipes, as a browser would: every bad input of
issue 4, a kill -9 crash test, two hosts writing at once, and install/uninstall/doctor.

Usage: test_host_process.py BUILD_BIN_DIR   (ctest runs it; CRASH_ROUNDS scales the crash test)"""
import json
import os
import random
import sqlite3
import struct
import subprocess
import sys
import tempfile
import threading
import unittest

BIN = os.path.abspath(sys.argv.pop(1) if len(sys.argv) > 1 else "build/bin")
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


def event(eid, kind="recording", at="2026-12-02T14:05:00Z"):
    return {"event_id": eid, "type": "finding_shown", "at": at, "site": "app.zoom.us",
            "finding": {"kind": kind, "vendor": "zoom", "evidence": {"text": "This meeting is being recorded"}}}


class Host:
    """One host process started the way Chromium starts it (origin as the first argument)."""

    def __init__(self, db, origin=ORIGIN):
        env = dict(os.environ, CONSENTLENS_DB=db)
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
        out = subprocess.run([CLI, "history", "--json"], env=dict(os.environ, CONSENTLENS_DB=self.db),
                             capture_output=True, check=True).stdout
        return [e["event_id"] for e in json.loads(out)]


class BadInput(Temp):
    def test_every_bad_input_gets_an_error_reply_and_the_host_goes_on(self):
        h = Host(self.db)
        cases = [
            (frame(b"", 0), "bad_request"),                        # zero length
            (frame(b"{not json"), "bad_json"),
            (frame(b'{"id":1,"op":"\xff\xfe"}'), "bad_json"),      # invalid UTF-8
            (frame(b"[" * 100000 + b"]" * 100000), "bad_json"),    # deeply nested
            (frame(b'{"id":1,"op":"teleport"}'), "unknown_op"),
            (frame(b'{"id":1,"op":"query","limit":"all"}'), "bad_request"),  # wrong type
            (frame(b'{"id":1,"op":"log","events":[{"event_id":5}]}'), "bad_request"),
            (frame(json.dumps({"id": 1, "op": "log", "events": [event(f"x{i}") for i in range(1001)]}).encode()),
             "too_large"),                                          # oversized batch
            (frame(b"x" * 64, (8 << 20) + 1) + b"x" * ((8 << 20) + 1 - 64), "too_large"),  # over the cap
        ]
        for data, code in cases:
            h.send_raw(data)
            r = h.read()
            self.assertIsNotNone(r, code)
            self.assertFalse(r["ok"], code)
            self.assertEqual(r["error"]["code"], code)
            self.assertTrue(r["error"]["message"])
        # Still in step and nothing partial written.
        self.assertEqual(h.ask({"id": "last", "op": "query"})["total"], 0)
        self.assertEqual(h.close(), 0)

    def test_a_huge_length_prefix_is_not_allocated(self):
        h = Host(self.db)
        h.send_raw(struct.pack("=I", 0xFFFFFFFF) + b"{}")
        h.p.stdin.close()
        rc = h.p.wait(timeout=30)
        self.assertEqual(rc, 3)  # a frame cut short: clean exit, no crash
        self.assertIn(b"ended inside a message", h.p.stderr.read())
        for s in (h.p.stdout, h.p.stderr):
            s.close()

    def test_truncated_frame_and_eof_mid_message(self):
        for data in (b"\x05\x00", frame(b'{"id":1,"op":"hel', 40)):
            h = Host(self.db)
            h.send_raw(data)
            self.assertEqual(h.close(), 3)

    def test_a_foreign_extension_is_refused(self):
        h = Host(self.db, origin="chrome-extension://aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/")
        r = h.ask({"id": 1, "op": "log", "events": [event("f1")]})
        self.assertEqual(r["error"]["code"], "forbidden")
        h.close()
        self.assertEqual(self.stored_ids(), [])

    def test_replies_carry_the_request_id(self):
        h = Host(self.db)
        for rid in (1, "abc", 2.5):
            self.assertEqual(h.ask({"id": rid, "op": "hello"})["id"], rid)
        h.close()


class Crash(Temp):
    def test_kill_9_never_loses_an_acknowledged_event_nor_corrupts_the_database(self):
        rng = random.Random(20261202)
        acked = set()
        rounds = int(os.environ.get("CRASH_ROUNDS", "30"))
        n = 0
        for _ in range(rounds):
            h = Host(self.db)
            kill_after = rng.randrange(1, 120)
            for i in range(kill_after):
                batch = [event(f"c{n + j}") for j in range(rng.randrange(1, 40))]
                n += len(batch)
                h.send({"id": i, "op": "log", "events": batch})
                if i == kill_after - 1 and rng.random() < 0.5:
                    break  # kill while this batch is being written, before its answer
                r = h.read()
                self.assertTrue(r["ok"])
                acked.update(e["event_id"] for e in batch)
            h.p.kill()
            h.p.wait()
            for s in (h.p.stdin, h.p.stdout, h.p.stderr):
                try:
                    s.close()
                except BrokenPipeError:
                    pass
        self.assertGreater(len(acked), 1000)
        con = sqlite3.connect(self.db)
        self.assertEqual(con.execute("PRAGMA integrity_check").fetchone()[0], "ok")
        con.close()
        stored = set(self.stored_ids())
        self.assertEqual(acked - stored, set())


class Concurrency(Temp):
    def test_two_hosts_writing_at_once_lose_nothing(self):
        hosts = [Host(self.db), Host(self.db)]
        errors = []

        def write(h, prefix):
            try:
                for i in range(150):
                    r = h.ask({"id": i, "op": "log", "events": [event(f"{prefix}{i}-{j}") for j in range(5)]})
                    if not r["ok"]:
                        errors.append(r)
            except Exception as e:  # reported below
                errors.append(repr(e))

        threads = [threading.Thread(target=write, args=(h, p)) for h, p in zip(hosts, "ab")]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        for h in hosts:
            self.assertEqual(h.close(), 0)
        self.assertEqual(errors, [])
        self.assertEqual(len(set(self.stored_ids())), 2 * 150 * 5)


class Install(Temp):
    def run_host(self, *args, home):
        return subprocess.run([HOST, *args], env=dict(os.environ, HOME=home, XDG_CONFIG_HOME="",
                                                     CONSENTLENS_DB=self.db),
                              capture_output=True, text=True)

    def test_install_doctor_uninstall_for_the_user(self):
        home = os.path.join(self.tmp.name, "home")
        os.makedirs(home)
        r = self.run_host("doctor", home=home)
        self.assertEqual(r.returncode, 1)
        self.assertIn("no manifest", r.stdout)
        r = self.run_host("install", "--browser", "chromium", "--browser", "firefox", home=home)
        self.assertEqual(r.returncode, 0, r.stderr)
        chromium = os.path.join(home, ".config/chromium/NativeMessagingHosts/io.consentlens.history.json")
        firefox = os.path.join(home, ".mozilla/native-messaging-hosts/io.consentlens.history.json")
        m = load(chromium)
        self.assertEqual(m["path"], os.path.realpath(HOST))
        self.assertEqual(m["allowed_origins"], [ORIGIN])
        self.assertEqual(load(firefox)["allowed_extensions"], ["consentlens@consentlens.invalid"])
        r = self.run_host("doctor", "--browser", "chromium", home=home)
        self.assertEqual(r.returncode, 0, r.stdout)
        self.assertIn("chromium: ok", r.stdout)
        self.assertIn("integrity ok", r.stdout)
        # A wrong extension ID is named as such.
        m["allowed_origins"] = ["chrome-extension://bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb/"]
        save(chromium, m)
        r = self.run_host("doctor", "--browser", "chromium", home=home)
        self.assertIn("wrong extension ID", r.stdout)
        r = self.run_host("uninstall", home=home)
        self.assertEqual(r.returncode, 0)
        self.assertFalse(os.path.exists(chromium) or os.path.exists(firefox))
        r = self.run_host("install", "--browser", "netscape", home=home)
        self.assertEqual(r.returncode, 2)
        self.assertIn("unknown browser", r.stderr)


if __name__ == "__main__":
    unittest.main(verbosity=2)
