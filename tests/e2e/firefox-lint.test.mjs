// Firefox reads the same build: `web-ext lint` (Mozilla's add-on linter) must report no
// error. The expected warnings are what one manifest serving both browsers brings: Firefox
// ignores background.service_worker (it runs background.scripts instead) and the Chromium-only
// `offscreen` permission, and the background calls offscreen.createDocument only where the API
// exists (engine-host.js; in Firefox the engine runs in the background itself).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT, EXTENSION_DIR } from './lib/browser.mjs';

test('web-ext lint: no errors', () => {
  const webExt = join(ROOT, 'node_modules/.bin/web-ext');
  let out;
  try {
    out = execFileSync(webExt, ['lint', '--source-dir', EXTENSION_DIR, '--output', 'json', '--self-hosted'], { encoding: 'utf8' });
  } catch (err) {
    out = err.stdout;  // web-ext exits non-zero when it finds errors; the JSON says which
  }
  const report = JSON.parse(out);
  assert.deepEqual(report.errors.map((e) => `${e.code}: ${e.message}`), []);
  const warnings = report.warnings.map((w) => w.code);
  const expected = (w) => w.code === 'BACKGROUND_SERVICE_WORKER_IGNORED'
    || (w.code === 'MANIFEST_PERMISSIONS' && /"offscreen"/.test(w.message))
    || (w.code === 'UNSUPPORTED_API' && /^offscreen\./.test(w.message) && /engine-host\.js$/.test(w.file || ''));
  assert.deepEqual(report.warnings.filter((w) => !expected(w)).map((w) => w.code), [], JSON.stringify(report.warnings));
});
