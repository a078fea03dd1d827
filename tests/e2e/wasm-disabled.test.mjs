// Where WebAssembly is turned off, the popup says the engine cannot run instead of
// failing silently. Debian's Chromium ignores V8's --noexpose_wasm for extension pages (tried),
// so the test removes the WebAssembly global from the popup before its scripts run, which is
// what a browser with WebAssembly disabled presents to it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { launchBrowser, ARTIFACTS } from './lib/browser.mjs';

test('popup: the engine cannot run without WebAssembly', async () => {
  const b = await launchBrowser();
  try {
    const page = await b.context.newPage();
    await page.addInitScript(() => { delete globalThis.WebAssembly; });
    await page.goto(`chrome-extension://${b.extensionId}/popup/popup.html?tab=1`);
    await page.waitForFunction(() => document.getElementById('status').textContent.length > 0);
    const status = await page.textContent('#status');
    assert.match(status, /engine cannot run/);
    assert.match(status, /WebAssembly/);
    assert.equal(await page.getAttribute('#status', 'class'), 'error');
    await page.screenshot({ path: join(ARTIFACTS, 'popup-no-wasm.png') });
  } finally {
    await b.close();
  }
});
