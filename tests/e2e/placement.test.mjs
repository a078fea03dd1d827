// The card never covers the meeting (issue 13 point 3): on every client fixture, at 100%, at
// 200% zoom and in an 800×600 window, every dialog, banner, toast, indicator and control of
// the page is hit-tested and the topmost element there is never the card; its Dismiss is
// always in view. Where there is no room, the card is a one-line pill. Firefox runs the same
// checks in firefox.test.mjs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { startSession, evaluateInContentScript, FINDING_TIMEOUT } from './lib/session.mjs';
import { waitForTabRecord } from './lib/extension.mjs';
import { waitForCard, inCard } from './lib/card.mjs';
import { VIEWPORTS, PLACEMENT_FIXTURES, hitTestPage, dismissInView, checkPlacementAt } from './lib/placement.mjs';

let s;
before(async () => { s = await startSession(); });
after(async () => { await s?.close(); });

// Waits until the card has placed itself after the page's last change (no placement pending,
// then one more animation frame).
async function settled(page) {
  await page.waitForFunction(() => new Promise((r) => requestAnimationFrame(() => r(true))));
  for (;;) {
    const pending = await evaluateInContentScript(page, 'globalThis.consentlensStats.placePending');
    if (!pending) break;
    await page.waitForFunction(() => new Promise((r) => requestAnimationFrame(() => r(true))));
  }
  await page.waitForFunction(() => new Promise((r) => requestAnimationFrame(() => r(true))));
}

const shapes = [];
for (const vp of VIEWPORTS) {
  for (const f of PLACEMENT_FIXTURES) {
    test(`${f.name} at ${vp.name}: the card covers nothing of the meeting`, async () => {
      const page = await s.context.newPage();
      const cdp = await s.context.newCDPSession(page);
      try {
        await cdp.send('Emulation.setDeviceMetricsOverride', { width: vp.width, height: vp.height, deviceScaleFactor: vp.dpr, mobile: false });
        await page.goto(f.url);
        await page.waitForFunction(() => document.documentElement.dataset.fixtureDone, null, { timeout: FINDING_TIMEOUT });
        const rec = await waitForTabRecord(s.worker, f.url, { kinds: f.kinds, minEntries: f.minEntries || f.kinds.length }, FINDING_TIMEOUT);
        await waitForCard(page, rec.entries.length, FINDING_TIMEOUT);
        await settled(page);
        const hits = await page.evaluate(hitTestPage);
        const dismiss = (await inCard(page, dismissInView)).value;
        shapes.push(`${f.name}@${vp.name}: ${dismiss.shape}`);
        if (vp.name === '200% zoom' || f.name === 'zoom-de' || f.name === 'webex-fr') {
          // Through DevTools: Playwright's own screenshot puts its viewport back first.
          const { data } = await cdp.send('Page.captureScreenshot', { format: 'png' });
          writeFileSync(s.artifact(`place-${f.name}-${vp.width}x${vp.height}.png`), Buffer.from(data, 'base64'));
        }
        checkPlacementAt(vp.name, f.name, hits, dismiss);
      } finally {
        await cdp.detach().catch(() => {});
        await page.close();
      }
    });
  }
}

test('placement: shapes chosen', () => {
  console.log(`# card shapes: ${shapes.join(', ')}`);
  assert.ok(shapes.some((x) => x.endsWith('card')), 'the full card where there is room');
});
