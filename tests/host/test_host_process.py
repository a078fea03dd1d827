#!/usr/bin/env python3
"""Drives the real consentlens-host binary through pipes, as a browser would: every bad input,
kill -9, two writers at once (this file), and, in the files beside it, faults (full disk, damaged
database, retention), the privacy lines of the history and install/doctor.

Usage: test_host_process.py BUILD_BIN_DIR   (ctest runs it; CRASH_ROUNDS scales the crash test)"""
import json
import os
import random
import sqlite3
import struct
import sys
import threading
import unittest

if __name__ == "__main__" and len(sys.argv) > 1 and not sys.argv[1].startswith("-"):
    os.environ["CONSENTLENS_BIN"] = os.path.abspath(sys.argv.pop(1))
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from hostlib import HOST, Host, Temp, event, frame  # noqa: E402

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


def load_tests(loader, tests, pattern):
    """This file's tests and those of the files beside it (test_host_*.py)."""
    here = os.path.dirname(os.path.abspath(__file__))
    suite = unittest.TestSuite([tests])
    for name in sorted(os.listdir(here)):
        if name.startswith("test_host_") and name.endswith(".py") and name != os.path.basename(__file__):
            suite.addTests(loader.loadTestsFromName(name[:-3]))
    return suite


if __name__ == "__main__":
    unittest.main(verbosity=2)
