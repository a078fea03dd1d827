// Near misses must show nothing: mute toasts, upsells, record buttons, chat lines that
// mention AI. Each page ends with one real "control" notice; once its finding is stored,
// everything before it has been analysed, so the test can assert that it is the only one.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSession, FINDING_TIMEOUT } from './lib/session.mjs';
import { waitForKinds, badgeText } from './lib/extension.mjs';
import { waitForCard } from './lib/card.mjs';

let s;
before(async () => { s = await startSession(); });
after(async () => { await s?.close(); });

const PAGES = [
  { name: 'zoom', url: 'https://us05web.zoom.us/wc/99887766554/join', control: 'This meeting is being recorded' },
  { name: 'meet', url: 'https://meet.google.com/nmx-qwer-tyu', control: 'This video call is being recorded' },
];

for (const p of PAGES) {
  test(`${p.name}: near misses show nothing`, async () => {
    const page = await s.context.newPage();
    await page.goto(p.url);
    await page.waitForFunction(() => document.getElementById('control'), null, { timeout: FINDING_TIMEOUT });
    const rec = await waitForKinds(s.worker, p.url, ['recording'], FINDING_TIMEOUT);
    assert.deepEqual(rec.entries.map((e) => e.finding.evidence.text), [p.control],
      `only the control notice: ${JSON.stringify(rec.entries.map((e) => [e.finding.kind, e.finding.evidence.text]))}`);
    const card = await waitForCard(page, 1, FINDING_TIMEOUT);
    assert.equal(card.summaries.length, 1);
    assert.equal(await badgeText(s.worker, rec.tabId), '1');
    await page.screenshot({ path: s.artifact(`near-miss-${p.name}.png`) });
    await page.close();
  });
}
