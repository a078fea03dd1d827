// Turns the browser's native messaging error into a diagnosis a person can act on. The
// browsers only ever say one of a few fixed sentences when a host cannot be started; each
// one points at a different cause, and `consentlens-host doctor` checks the same causes on
// the machine (docs/native-host.md). Pure: tests/e2e/units.test.mjs runs it in node.

export const HOST_NAME = 'io.consentlens.history';
export const INSTALL_COMMAND = 'build/bin/consentlens-host install';
export const DOCTOR_COMMAND = 'build/bin/consentlens-host doctor';

const CASES = [
  {
    // Chromium: no manifest in any NativeMessagingHosts folder, a relative `path`, or
    // allowed_origins missing its trailing slash. Firefox: no manifest.
    test: /specified native messaging host not found|no such native application/i,
    cause: 'not_installed',
    title: 'The consentlens history helper is not installed.',
    detail: 'Your browser found no host manifest for io.consentlens.history. Install the helper for your user, then reopen this page.',
  },
  {
    test: /access to the specified native messaging host is forbidden|not allowed to connect|extension id/i,
    cause: 'forbidden',
    title: 'The history helper is installed but does not allow this extension.',
    detail: 'Its manifest lists other extension IDs in allowed_origins (a store install gets a different ID than the unpacked build). Install it again so the manifest names this extension.',
  },
  {
    test: /native host has exited|failed to start native messaging host|could not start|error when communicating/i,
    cause: 'cannot_start',
    title: 'The history helper could not be started, or stopped at once.',
    detail: 'The manifest points at a program that is missing, not executable, or failed while starting (for example, it cannot open its database). Check the path with doctor.',
  },
];

// error: the lastError message (or null when the host answered). Returns
// {cause, title, detail, commands: [...], message} or null when nothing is wrong.
export function diagnoseHostError(error, extensionId = '') {
  if (!error) return null;
  const message = String(error);
  const found = CASES.find((c) => c.test.test(message));
  const commands = [INSTALL_COMMAND, DOCTOR_COMMAND];
  if (found) {
    let detail = found.detail;
    if (found.cause === 'forbidden' && extensionId) detail += ` This extension's ID is ${extensionId}.`;
    return { cause: found.cause, title: found.title, detail, commands, message };
  }
  return {
    cause: 'unknown',
    title: 'The history helper cannot be reached.',
    detail: 'The browser gave a reason consentlens does not recognise. doctor checks every usual cause.',
    commands,
    message,
  };
}
