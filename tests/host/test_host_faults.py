"""Faults, with the real binaries: a full disk and a damaged database never cost an acknowledged
event, never let the host overwrite what it cannot read, and leave reading, deleting and purging
working. Run by test_host_process.py."""
import hashlib
import os
import sqlite3
import subprocess
import unittest

from hostlib import Host, Temp, event, hours_ago


def digest(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def big_event(eid):
    e = event(eid)
    e["finding"]["explanation"] = {"summary": f"{eid} " + "words of an explanation " * 120}
    return e


class FullDisk(Temp):
    """A 12 MiB tmpfs filled by the history and then by another file, as a disk fills up."""

    def setUp(self):
        super().setUp()
        if os.geteuid() != 0:
            self.skipTest("mounting a small tmpfs needs root")
        self.mnt = os.path.join(self.tmp.name, "small-disk")
        os.makedirs(self.mnt)
        r = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=12m,mode=0700", "tmpfs", self.mnt], capture_output=True, text=True)
        if r.returncode != 0:
            self.skipTest(f"cannot mount a tmpfs here: {r.stderr.strip()}")
        self.db = os.path.join(self.mnt, "data", "history.db")

    def tearDown(self):
        subprocess.run(["umount", "-l", self.mnt], check=False)
        super().tearDown()

    def fill_the_rest(self):
        with open(os.path.join(self.mnt, "filler"), "wb") as f:
            try:
                while True:
                    f.write(b"\0" * 65536)
                    f.flush()
            except OSError:
                pass

    def test_a_full_disk_loses_nothing_acknowledged_and_still_reads_deletes_and_purges(self):
        h = Host(self.db)
        acked, refused, n = [], 0, 0
        # Log until the disk refuses, and on: every request is answered, none crashes the host.
        while refused < 5:
            batch = [big_event(f"f{n + i}") for i in range(40)]
            n += len(batch)
            r = h.ask({"id": n, "op": "log", "events": batch})
            self.assertIsNotNone(r, "the host died while the disk filled")
            if r["ok"]:
                acked += [e["event_id"] for e in batch]
            else:
                refused += 1
                self.assertEqual(r["error"]["code"], "storage")
                self.assertIn("full", r["error"]["message"])
        self.fill_the_rest()
        self.assertTrue(h.ask({"id": "q", "op": "query", "limit": 1})["ok"])
        self.assertEqual(h.close(), 0)
        self.assertGreater(len(acked), 200)

        # A new host on the full disk starts and answers (it used to fail in its indexing step).
        h = Host(self.db)
        r = h.ask({"id": 1, "op": "query", "limit": 1})
        self.assertTrue(r["ok"], r)
        self.assertEqual(r["total"], len(acked))
        self.assertEqual(set(self.stored_ids()), set(acked))
        d = h.ask({"id": 2, "op": "delete", "event_ids": acked[:50]})
        self.assertTrue(d["ok"], d)
        self.assertEqual(d["deleted"], 50)
        p = h.ask({"id": 3, "op": "purge"})
        self.assertTrue(p["ok"], p)
        self.assertEqual(p["deleted"], len(acked) - 50)
        self.assertEqual(h.ask({"id": 4, "op": "query"})["total"], 0)
        self.assertEqual(h.close(), 0)


class Damaged(Temp):
    """Pages 4-7 of the database overwritten, with acknowledged events still in its log."""

    def damage(self):
        h = Host(self.db)
        self.assertTrue(h.ask({"id": 0, "op": "set_retention", "days": 0})["ok"])
        for i in range(10):
            self.assertTrue(h.ask({"id": i, "op": "log", "events": [big_event(f"a{i}-{j}") for j in range(30)]})["ok"])
        self.assertEqual(h.close(), 0)
        # More events, then the host is killed: they stay in the log, not yet in the file.
        h = Host(self.db)
        self.assertTrue(h.ask({"id": 1, "op": "log", "events": [big_event(f"b{j}") for j in range(60)]})["ok"])
        h.p.kill()
        h.p.wait()
        for s in (h.p.stdin, h.p.stdout, h.p.stderr):
            s.close()
        self.assertGreater(os.path.getsize(self.db + "-wal"), 100_000)
        with open(self.db, "r+b") as f:
            f.seek(3 * 4096)
            f.write(b"\x5a" * 4 * 4096)

    def test_a_damaged_database_is_copied_and_never_written(self):
        self.damage()
        before = {s: digest(self.db + s) for s in ("", "-wal")}
        h = Host(self.db)
        hello = h.ask({"id": 1, "op": "hello"})
        self.assertTrue(hello["read_only"])
        self.assertIn(self.db, hello["problem"])
        self.assertIn("damaged", hello["problem"])
        r = h.ask({"id": 2, "op": "log", "events": [event("new")]})
        self.assertEqual(r["error"]["code"], "storage")
        self.assertIn(self.db, r["error"]["message"])
        for op in ({"op": "query"}, {"op": "stats"}, {"op": "purge"}):
            r = h.ask({"id": 3, **op})
            self.assertTrue(r["ok"] or self.db in r["error"]["message"], r)
        self.assertEqual(h.close(), 0)
        # Nothing was checkpointed into the file, nothing indexed: both are as they were.
        self.assertEqual({s: digest(self.db + s) for s in ("", "-wal")}, before)
        copies = sorted(n for n in os.listdir(os.path.dirname(self.db)) if ".corrupt-" in n)
        self.assertEqual(len(copies), 3, copies)  # the database, its -wal and its -shm
        base = os.path.join(os.path.dirname(self.db), copies[0])
        self.assertEqual(digest(base), before[""])
        self.assertEqual(digest(base + "-wal"), before["-wal"])
        # consentlens history says the same, naming the file.
        r = self.history("--json", check=False)
        self.assertIn(self.db, r.stderr)
        self.assertIn("damaged", r.stderr)


class Retention(Temp):
    def test_log_and_history_hold_to_the_retention(self):
        h = Host(self.db)
        self.assertTrue(h.ask({"id": 1, "op": "set_retention", "days": 30})["ok"])
        r = h.ask({"id": 2, "op": "log", "events": [event("old", at=hours_ago(40 * 24)), event("new")]})
        self.assertEqual((r["stored"], r["expired"]), (1, 1))
        self.assertEqual(h.close(), 0)
        self.assertEqual(self.stored_ids(), ["new"])
        # An old event already in the file (the retention was changed by hand): never listed.
        con = sqlite3.connect(self.db)
        con.execute("UPDATE settings SET value = '0' WHERE key = 'retention_days'")
        con.commit()
        con.close()
        h = Host(self.db)
        self.assertEqual(h.ask({"id": 3, "op": "log", "events": [event("older", at=hours_ago(50 * 24))]})["stored"], 1)
        self.assertEqual(h.close(), 0)
        con = sqlite3.connect(self.db)
        con.execute("UPDATE settings SET value = '30' WHERE key = 'retention_days'")
        con.commit()
        con.close()
        self.assertEqual(self.stored_ids(), ["new"])

