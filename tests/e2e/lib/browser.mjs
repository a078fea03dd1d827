// Starts Debian's Chromium with the built extension loaded unchanged (build/extension/, or
// CONSENTLENS_EXTENSION_DIR), headless, with the meeting hosts mapped to the fixture server.
// The extension ID is fixed by the manifest's `key`, so tests know it in advance.
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync, existsSync, readFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createHash } from 'node:crypto';
import { hostResolverRules } from './hosts.mjs';

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const EXTENSION_DIR = resolve(process.env.CONSENTLENS_EXTENSION_DIR || join(ROOT, 'build/extension'));
export const ARTIFACTS = join(ROOT, 'build/test-artifacts');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

// The ID Chromium derives from the manifest key: SHA-256 of the DER public key, first 32
// hex digits, each mapped 0-f to a-p.
export function extensionIdFromManifest(dir = EXTENSION_DIR) {
  const { key } = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  const hex = createHash('sha256').update(Buffer.from(key, 'base64')).digest('hex').slice(0, 32);
  return [...hex].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join('');
}

// env: extra environment for the browser (the native host it starts inherits it).
// setupProfile(dir): called with the fresh profile folder before the browser starts (the
// history test writes a native messaging host manifest there).
export async function launchBrowser({ port, extraArgs = [], env = null, setupProfile = null } = {}) {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`no built extension in ${EXTENSION_DIR}: run scripts/build-extension.sh`);
  }
  mkdirSync(ARTIFACTS, { recursive: true });
  const profile = mkdtempSync(join(tmpdir(), 'consentlens-profile-'));
  const extensionId = extensionIdFromManifest();
  if (setupProfile) await setupProfile(profile);
  const args = [
    '--headless=new',
    `--disable-extensions-except=${EXTENSION_DIR}`,
    `--load-extension=${EXTENSION_DIR}`,
    '--no-sandbox', '--disable-gpu', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync',
    '--ignore-certificate-errors',
    ...(port ? [`--host-resolver-rules=${hostResolverRules(port)}`] : []),
    ...extraArgs,
  ];
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: false,  // --headless=new is in args: Playwright's own headless mode drops extensions
    args,
    ignoreHTTPSErrors: true,
    viewport: { width: 1280, height: 800 },
    ...(env ? { env: { ...process.env, ...env } } : {}),
  });
  const requests = [];
  context.on('request', (r) => requests.push(r));
  return {
    context,
    extensionId,
    requests,
    profile,
    async worker() {
      const mine = (w) => w.url().startsWith(`chrome-extension://${extensionId}/`);
      return context.serviceWorkers().find(mine) || context.waitForEvent('serviceworker', { predicate: mine, timeout: 15000 });
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
