// The native history host for end-to-end tests: the real build/bin/consentlens-host (or
// CONSENTLENS_HOST_BIN), registered for one test profile only by a manifest in
// <user-data-dir>/NativeMessagingHosts/, which Chromium reads for a custom profile; the
// database lives in a temp folder named by CONSENTLENS_DB, which the browser passes on to
// the host it starts.
import { writeFileSync, mkdirSync, existsSync, accessSync, constants, mkdtempSync, rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ROOT } from './browser.mjs';

export const HOST_NAME = 'io.consentlens.history';
export const HOST_BIN = resolve(process.env.CONSENTLENS_HOST_BIN || join(ROOT, 'build/bin/consentlens-host'));
// `consentlens history --json`, or a stand-in given as a command line (the fake host's
// `history` mode) when CONSENTLENS_HISTORY_CMD is set.
const HISTORY_CMD = process.env.CONSENTLENS_HISTORY_CMD
  ? process.env.CONSENTLENS_HISTORY_CMD.split(' ')
  : [join(ROOT, 'build/bin/consentlens'), 'history'];

export function hostBinaryProblem() {
  if (!existsSync(HOST_BIN)) return `no native host at ${HOST_BIN} (build it first)`;
  try {
    accessSync(HOST_BIN, constants.X_OK);
  } catch {
    return `${HOST_BIN} is not executable`;
  }
  return null;
}

// Writes the manifest Chromium looks for; the path must be absolute and allowed_origins must
// end in "/", or Chromium says the host was not found.
export function writeHostManifest(profile, extensionId) {
  const dir = join(profile, 'NativeMessagingHosts');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${HOST_NAME}.json`);
  writeFileSync(file, JSON.stringify({
    name: HOST_NAME,
    description: 'consentlens consent history (test)',
    path: HOST_BIN,
    type: 'stdio',
    allowed_origins: [`chrome-extension://${extensionId}/`],
  }, null, 2));
  return file;
}

export function tempDatabase() {
  const dir = mkdtempSync(join(tmpdir(), 'consentlens-db-'));
  return { dir, path: join(dir, 'history.db'), remove: () => rmSync(dir, { recursive: true, force: true }) };
}

// The stored events, newest first, as `consentlens history --json` prints them.
export function historyJson(dbPath) {
  const [cmd, ...args] = HISTORY_CMD;
  const out = execFileSync(cmd, [...args, '--json'], {
    env: { ...process.env, CONSENTLENS_DB: dbPath },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return JSON.parse(out);
}
