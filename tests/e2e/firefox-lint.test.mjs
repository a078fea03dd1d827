// Firefox reads the same build: `web-ext lint` (Mozilla's add-on linter) must report no
// error. The one expected warning is that Firefox ignores background.service_worker
// (it runs background.scripts instead), which is how one manifest serves both browsers.
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
  assert.deepEqual(warnings.filter((c) => c !== 'BACKGROUND_SERVICE_WORKER_IGNORED'), [], JSON.stringify(report.warnings));
});
