// Chromium stops an idle extension service worker (after about 30 s) and starts it again on
// the next event. Nothing may be lost across that: the tab's findings (kept in
// chrome.storage.session, not in the worker's memory), its badge, and the next notice, which
// must wake a fresh worker whose engine answers (in Chromium the engine's offscreen document
// outlives the worker: offscreen-engine.test.mjs). The worker is stopped here the way
// Chromium does it, through the DevTools protocol (ServiceWorker.stopWorker), not by waiting.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSession, FINDING_TIMEOUT } from './lib/session.mjs';
import { waitForTabRecord, badgeText } from './lib/extension.mjs';
import { followWorker } from './lib/worker.mjs';

let s;
before(async () => { s = await startSession(); });
after(async () => { await s?.close(); });

test('a stopped service worker wakes on the next notice and keeps the tab findings', async () => {
  const url = 'https://app.zoom.us/wc/84512345678/join';
  const page = await s.context.newPage();
  const prefix = `chrome-extension://${s.extensionId}/`;
  // An extension page: its DevTools session sees the extension's service worker, and it reads
  // chrome.storage.session and the badge as the worker does (whichever worker is alive).
  const inspector = await s.context.newPage();
  await inspector.goto(`${prefix}options/options.html`);
  const cdp = await s.context.newCDPSession(inspector);
  try {
    await page.goto(url);
    const before = await waitForTabRecord(inspector, url, { kinds: ['recording', 'ai_assistant'] }, FINDING_TIMEOUT);
    const count = before.entries.length;

    const worker = followWorker(cdp, prefix, FINDING_TIMEOUT);
    await cdp.send('ServiceWorker.enable');
    const version = await worker.reached('running');
    const mark = worker.count;
    await cdp.send('ServiceWorker.stopWorker', { versionId: version.versionId });
    await worker.reached('stopped', mark);

    // A new notice in the page: the content script's message must start the worker again.
    const restarted = worker.reached('running', worker.count);
    await page.evaluate(() => {
      const toast = document.createElement('div');
      toast.setAttribute('role', 'alert');
      toast.textContent = 'Live transcription has started';
      document.body.append(toast);
    });
    await restarted;
    // The findings lived in session storage, not in the stopped worker: all kept, the new one
    // added once; the badge counts them all.
    const after = await waitForTabRecord(inspector, url, { kinds: ['recording', 'ai_assistant', 'transcription'] }, FINDING_TIMEOUT);
    assert.equal(after.tabId, before.tabId);
    assert.equal(after.entries.length, count + 1, 'the earlier findings are kept, the new one added once');
    const engine = await inspector.evaluate(async () => (await chrome.storage.session.get('engine')).engine);
    assert.equal(engine.state, 'ready', 'the fresh worker reached its engine');
    assert.equal(await badgeText(inspector, after.tabId), String(count + 1));
  } finally {
    await cdp.detach().catch(() => {});
    await inspector.close();
    await page.close();
  }
});
