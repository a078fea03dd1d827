"""install, uninstall and doctor, with the real binary. Run by test_host_process.py."""
import os
import subprocess

from hostlib import HOST, ORIGIN, Temp, load, save


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
