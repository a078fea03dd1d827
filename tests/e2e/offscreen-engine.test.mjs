// In Chromium the engine runs in an offscreen document while a meeting tab is watched
// (background/engine-host.js, docs/extension.md "Where the engine runs"): opened for a meeting
// page, kept when the service worker is stopped (so the next notice finds it ready), and closed
// with the last meeting tab. (That it answers no sender but the background: units.test.mjs.)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSession, FINDING_TIMEOUT } from './lib/session.mjs';
import { waitForTabRecord } from './lib/extension.mjs';
import { inspectWorker, stopWorker } from './lib/worker.mjs';

let s;
before(async () => { s = await startSession(); });
after(async () => { await s?.close(); });

// The offscreen documents open now, read from an extension page; `want` is how many should
// be: waits (on the answer, not on time) until there are that many.
function documentsWhen(inspector, want, timeoutMs = FINDING_TIMEOUT) {
  return inspector.evaluate(async ({ want, timeoutMs }) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const docs = await chrome.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'] });
      if (docs.length === want || Date.now() > deadline) return docs.map((d) => d.documentUrl);
      await new Promise((r) => requestAnimationFrame(r));
    }
  }, { want, timeoutMs });
}

const engineState = (inspector) => inspector.evaluate(async () => (await chrome.storage.session.get('engine')).engine);

test('a meeting page opens the engine document; a stopped worker finds it again; the last tab closes it', async () => {
  const prefix = `chrome-extension://${s.extensionId}/`;
  const { page: inspector, cdp, worker } = await inspectWorker(s.context, s.extensionId, FINDING_TIMEOUT);
  const page = await s.context.newPage();
  try {
    const url = 'https://app.zoom.us/wc/84512345678/join';
    await page.goto(url);
    await waitForTabRecord(inspector, url, { kinds: ['recording'] }, FINDING_TIMEOUT);
    assert.deepEqual(await documentsWhen(inspector, 1), [`${prefix}offscreen/engine.html`]);
    const first = await engineState(inspector);
    assert.equal(first.state, 'ready');
    assert.equal(first.host, 'offscreen');

    // The worker stopped as Chromium stops an idle one: the document stays, and the next
    // notice is explained by the engine in it.
    await stopWorker(cdp, worker, () => inspector.evaluate(() => chrome.storage.session.remove('engine')));
    await page.evaluate(() => {
      const toast = document.createElement('div');
      toast.setAttribute('role', 'alert');
      toast.textContent = 'Live transcription has started';
      document.body.append(toast);
    });
    await waitForTabRecord(inspector, url, { kinds: ['recording', 'transcription'] }, FINDING_TIMEOUT);
    assert.equal((await documentsWhen(inspector, 1)).length, 1, 'one document, the same one');
    const again = await inspector.evaluate(async (timeoutMs) => {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const { engine } = await chrome.storage.session.get('engine');
        if (engine || Date.now() > deadline) return engine;
        await new Promise((r) => requestAnimationFrame(r));
      }
    }, FINDING_TIMEOUT);
    assert.equal(again.host, 'offscreen', 'the new worker uses the document');
    assert.equal(again.engineMs, first.engineMs, 'the engine in it was not loaded again');

    // The last meeting tab closes: so does the document.
    await page.close();
    assert.deepEqual(await documentsWhen(inspector, 0), []);
  } finally {
    await cdp.detach().catch(() => {});
    if (!page.isClosed()) await page.close();
    await inspector.close();
  }
});
