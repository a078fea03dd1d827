"""install, uninstall and doctor, with the real binary: the manifests, their modes, which program
they may name, and what doctor says. Run by test_host_process.py. System-wide installs are
written under CONSENTLENS_DESTDIR, never into the machine's own folders."""
import os
import shutil
import stat
import subprocess

from hostlib import HOST, ORIGIN, Temp, load, save


def mode(path):
    return stat.S_IMODE(os.lstat(path).st_mode)


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



class SystemInstall(Temp):
    """`install --system` names a program every user's browser starts: only root may change it."""

    def setUp(self):
        super().setUp()
        if os.geteuid() != 0:
            self.skipTest("system-wide installs are made by root")
        # Only a host that installs under CONSENTLENS_DESTDIR may run these: an older one would
        # write into the machine's own /etc.
        if "--copy" not in subprocess.run([HOST, "--help"], capture_output=True, text=True).stdout:
            self.skipTest("this consentlens-host knows no --copy, so it may ignore CONSENTLENS_DESTDIR")
        self.dest = os.path.join(self.tmp.name, "root")
        os.makedirs(self.dest)
        self.bin = os.path.join(self.tmp.name, "bin")
        os.makedirs(self.bin)
        self.program = os.path.join(self.bin, "consentlens-host")
        shutil.copy(HOST, self.program)

    def run_copy(self, *args, umask=0o022):
        return subprocess.run([self.program, *args], env=dict(os.environ, CONSENTLENS_DESTDIR=self.dest, CONSENTLENS_DB=self.db),
                              capture_output=True, text=True, preexec_fn=lambda: os.umask(umask))

    def manifests(self):
        out = []
        for root, _, files in os.walk(self.dest):
            out += [os.path.join(root, f) for f in files if f.endswith(".json")]
        return out

    def test_a_program_others_can_change_is_refused(self):
        cases = [
            (lambda: os.chmod(self.program, 0o777), "can be changed by every user"),
            (lambda: os.chmod(self.bin, 0o777), "can be changed by every user"),
            (lambda: os.chown(self.program, 65534, 65534), "not owned by root"),
            (lambda: os.chmod(self.program, 0o775) or os.chown(self.program, 0, 100), "can be changed by its group"),
        ]
        for make_unsafe, said in cases:
            os.chmod(self.program, 0o755)
            os.chown(self.program, 0, 0)
            os.chmod(self.bin, 0o755)
            make_unsafe()
            r = self.run_copy("install", "--system")
            self.assertEqual(r.returncode, 2, said)
            self.assertIn("refusing", r.stderr)
            self.assertIn(said, r.stderr)
            self.assertIn("--system --copy", r.stderr)
            self.assertEqual(self.manifests(), [], said)

    def test_copy_installs_a_root_owned_program_and_readable_manifests_under_any_umask(self):
        os.chmod(self.program, 0o777)  # whatever the original's mode, the copy is root's
        r = self.run_copy("install", "--system", "--copy", umask=0o077)
        self.assertEqual(r.returncode, 0, r.stderr)
        copy = self.dest + "/usr/local/lib/consentlens/consentlens-host"
        st = os.lstat(copy)
        self.assertEqual((st.st_uid, st.st_gid, mode(copy)), (0, 0, 0o755))
        for d in ("usr/local/lib/consentlens", "etc/chromium/native-messaging-hosts", "usr/lib/mozilla/native-messaging-hosts"):
            self.assertEqual(mode(os.path.join(self.dest, d)), 0o755, d)
        found = self.manifests()
        self.assertEqual(len(found), 4)  # chrome (shared with brave and vivaldi), chromium, edge, firefox
        for m in found:
            self.assertEqual(mode(m), 0o644, m)
            self.assertEqual(load(m)["path"], "/usr/local/lib/consentlens/consentlens-host")
        r = self.run_copy("doctor", "--browser", "chromium")
        self.assertIn("chromium (system): ok", r.stdout)
        # doctor flags a system manifest whose program became unsafe.
        os.chmod(copy, 0o777)
        r = self.run_copy("doctor", "--browser", "chromium")
        self.assertIn("chromium (system): PROBLEM: unsafe", r.stdout)
        self.assertIn("can be changed by every user", r.stdout)


class Doctor(Temp):
    def test_a_manifest_pointing_at_a_missing_program_is_named_as_such(self):
        home = os.path.join(self.tmp.name, "home")
        os.makedirs(home)
        moved = os.path.join(self.tmp.name, "old-build", "consentlens-host")
        os.makedirs(os.path.dirname(moved))
        shutil.copy(HOST, moved)
        env = dict(os.environ, HOME=home, XDG_CONFIG_HOME="", CONSENTLENS_DB=self.db)
        r = subprocess.run([moved, "install", "--browser", "chromium"], env=env, capture_output=True, text=True)
        self.assertEqual(r.returncode, 0, r.stderr)
        os.remove(moved)
        r = subprocess.run([HOST, "doctor", "--browser", "chromium"], env=env, capture_output=True, text=True)
        self.assertEqual(r.returncode, 1)
        self.assertIn("points at a program that does not exist: " + moved, r.stdout)
        self.assertIn("install it again", r.stdout)
