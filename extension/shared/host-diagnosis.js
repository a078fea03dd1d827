// Turns the browser's native messaging error into a diagnosis a person can act on, with the
// steps that fit their browser and system, and says in one sentence whether the history is being
// saved. The browsers only ever say one of a few fixed sentences when a host cannot be started;
// `consentlens-host doctor` checks the same causes on the machine (docs/native-host.md). Pure
// functions: tests/e2e/history-units.test.mjs runs them in node.

export const HOST_NAME = 'io.consentlens.history';
export const PROGRAM = 'consentlens-host';

// The browser names `consentlens-host install --browser` knows, from what the page can see.
export function browserName({ brands = [], userAgent = '', firefox = false } = {}) {
  if (firefox || /firefox\//i.test(userAgent)) return 'firefox';
  const names = brands.map((b) => String(b.brand || b)).join(' ');
  const all = `${names} ${userAgent}`;
  if (/edg(e|a|ios)?\b|microsoft edge/i.test(all)) return 'edge';
  if (/brave/i.test(all)) return 'brave';
  if (/vivaldi/i.test(all)) return 'vivaldi';
  if (/google chrome/i.test(names)) return 'chrome';
  return 'chromium';
}

const BROWSER_LABELS = { chrome: 'Google Chrome', chromium: 'Chromium', edge: 'Microsoft Edge', brave: 'Brave', vivaldi: 'Vivaldi', firefox: 'Firefox' };
const OS_LABELS = { linux: 'Linux', mac: 'macOS', win: 'Windows', cros: 'ChromeOS', android: 'Android', openbsd: 'OpenBSD' };

// What to do to install the helper for this browser and system (os: chrome.runtime.getPlatformInfo's
// os). {supported, steps: [sentences], commands: [lines for a terminal]}.
export function installSteps({ browser = 'chromium', os = 'linux' } = {}) {
  const b = BROWSER_LABELS[browser] ? browser : 'chromium';
  const system = OS_LABELS[os] || os;
  if (os !== 'linux' && os !== 'mac') {
    return {
      supported: false,
      steps: [`The history helper is not available for ${system} yet, so ${BROWSER_LABELS[b]} cannot keep the history here.`,
        'Notices are still explained on the page and in the toolbar button; only the record of them is not kept.'],
      commands: [],
    };
  }
  return {
    supported: true,
    steps: [
      `Get ${PROGRAM}, the consentlens history helper, for ${system}: it comes with your consentlens download, or is built from the source (./scripts/run.sh builds build/bin/${PROGRAM}).`,
      `Put it where it can stay (moving it later breaks the link), then open a terminal in that folder and run the first command below. It registers the helper with ${BROWSER_LABELS[b]} for your user only.`,
      'For every user of this computer instead, run the second command (as an administrator): it copies the helper to a folder only the administrator can change.',
      'Then come back here and choose Try again. If it still fails, the last command says why.',
    ],
    commands: [`./${PROGRAM} install --browser ${b}`, `sudo ./${PROGRAM} install --system --copy --browser ${b}`, `./${PROGRAM} doctor --browser ${b}`],
  };
}

const CASES = [
  {
    // Chromium says this when it finds no manifest, when the manifest's `path` is relative or
    // names a program that does not exist, and when allowed_origins lacks its trailing slash.
    // Firefox: no manifest.
    test: /specified native messaging host not found|no such native application/i,
    cause: 'not_installed',
    title: 'The consentlens history helper is not installed, or cannot be found.',
    detail: 'Your browser found no working history helper: either it was never installed, or it was installed from a folder that has since moved or been deleted (the browser says the same for both). Install it, or install it again from where it is now.',
  },
  {
    test: /access to the specified native messaging host is forbidden|not allowed to connect|extension id/i,
    cause: 'forbidden',
    title: 'The history helper is installed but does not allow this extension.',
    detail: 'Its manifest lists other extension IDs (a store install has a different ID than a build of your own). Install it again, so the manifest names this extension.',
  },
  {
    test: /native host has exited|failed to start native messaging host|could not start|error when communicating/i,
    cause: 'cannot_start',
    title: 'The history helper could not be started, or stopped at once.',
    detail: 'The program its manifest names is not executable, or it failed while starting (for example, it cannot open its database). doctor says which.',
  },
];

// error: the browser's message (or null when the host answered). lastConnectedAt: when the helper
// was last reached (the history link remembers it), which tells "moved or deleted" from "never
// installed". platform: {browser, os}. Returns {cause, title, detail, steps, commands, message}
// or null when nothing is wrong.
export function diagnoseHostError(error, { extensionId = '', lastConnectedAt = null, platform = {} } = {}) {
  if (!error) return null;
  const message = String(error);
  const install = installSteps(platform);
  const found = CASES.find((c) => c.test.test(message));
  let { cause, title, detail } = found || {
    cause: 'unknown',
    title: 'The history helper cannot be reached.',
    detail: 'The browser gave a reason consentlens does not recognise. doctor checks every usual cause.',
  };
  if (cause === 'not_installed' && lastConnectedAt) {
    cause = 'moved';
    const when = new Date(lastConnectedAt);
    const day = Number.isNaN(when.getTime()) ? 'before' : `on ${when.toISOString().slice(0, 10)}`;
    title = 'The history helper was reached before, and cannot be found now.';
    detail = `It last answered ${day}. Its manifest most likely names a program that was moved or deleted (for example a build folder that was removed). Install it again from where it is now: that writes the manifest with its new place.`;
  }
  if (cause === 'forbidden' && extensionId) detail += ` This extension's ID is ${extensionId}.`;
  if (!install.supported) { title = 'The history cannot be kept on this system.'; detail = install.steps.join(' '); }
  return { cause, title, detail, steps: install.steps, commands: install.commands, message };
}

// One sentence for the popup and the options page on whether the history is being saved, from
// the history link's status (chrome.storage.session "historyStatus"); null when all is well or
// nothing is known yet.
export function savingNotice(status, { historyOn = true } = {}) {
  if (!historyOn || !status) return null;
  const queued = Number.isInteger(status.queued) ? status.queued : 0;
  if (status.state !== 'unreachable' && !(status.state === 'unknown' && queued > 0)) return null;
  const waiting = queued === 0 ? 'No events are waiting.'
    : `${queued} event${queued === 1 ? ' waits' : 's wait'} in this browser until it can be reached.`;
  return { saving: false, queued, text: `Your history is not being saved: the history helper cannot be reached. ${waiting}` };
}
