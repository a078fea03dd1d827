// A meeting's state over time (issue 13, point 1): a stopped recording is off (not on the
// badge, not on the card) and on again when it starts again, with both periods kept; a move to
// another meeting, or out of it, without a page load starts afresh.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSession, FINDING_TIMEOUT } from './lib/session.mjs';
import { waitForTabRecord, badgeText, openPopup } from './lib/extension.mjs';
import { waitForCard, readCard } from './lib/card.mjs';

let s;
before(async () => { s = await startSession(); });
after(async () => { await s?.close(); });

// Waits (animation frame by animation frame in the page) until the card shows nothing and,
// if given, its live region says `live`.
async function waitForNoCard(page, live = null) {
  const until = Date.now() + FINDING_TIMEOUT;
  for (;;) {
    const card = await readCard(page);
    if (!card || (card.shape === 'none' && card.summaries.length === 0 && (!live || live.test(card.live)))) return card;
    if (Date.now() > until) throw new Error(`the card still shows ${JSON.stringify(card.summaries)}`);
    await page.waitForFunction(() => new Promise((r) => requestAnimationFrame(() => r(true))));
  }
}

test('Jitsi: a stopped recording is off; started again, it is on again', async () => {
  const url = 'https://meet.jit.si/ConsentlensRestart';
  const page = await s.context.newPage();
  try {
    await page.goto(url);
    let rec = await waitForTabRecord(s.worker, url, { kinds: ['recording'], badge: 1 }, FINDING_TIMEOUT);
    assert.equal(await badgeText(s.worker, rec.tabId), '1');
    await waitForCard(page, 1, FINDING_TIMEOUT);

    await page.evaluate(() => window.fixture.stop());
    rec = await waitForTabRecord(s.worker, url, { stopped: ['recording'], badge: 0 }, FINDING_TIMEOUT);
    assert.equal(await badgeText(s.worker, rec.tabId), '', 'nothing on now: no badge');
    const quiet = await waitForNoCard(page, /Stopped/);
    assert.match(quiet.live, /^consentlens: Recording: Stopped\.$/, 'the live region says it stopped');
    const popup = await openPopup(s.context, s.extensionId, rec.tabId);
    await popup.waitForFunction(() => !document.getElementById('earlier').hidden);
    assert.match(await popup.textContent('#status'), /^Nothing on now/);
    assert.match(await popup.textContent('#earlier-list'), /Recording \(Jitsi Meet\): \d\d?:\d\d.*–\d\d?:\d\d/);
    assert.equal(await popup.$$eval('section.finding', (x) => x.length), 0, 'no finding shown as on');

    await page.evaluate(() => window.fixture.start());
    rec = await waitForTabRecord(s.worker, url, { kinds: ['recording'], badge: 1 }, FINDING_TIMEOUT);
    const entry = rec.entries.find((e) => e.kind === 'recording');
    assert.equal(entry.periods.length, 2, 'both periods kept');
    assert.ok(entry.periods[0].to && !entry.periods[1].to);
    assert.equal(await badgeText(s.worker, rec.tabId), '1');
    const card = await waitForCard(page, 1, FINDING_TIMEOUT);
    assert.match(card.live, /^consentlens: /);
    await popup.waitForFunction(() => /also/.test(document.querySelector('#summary .since')?.textContent || ''));
    await popup.close();
  } finally {
    await page.close();
  }
});

test('Meet: leaving the call, and joining the next, start afresh without a page load', async () => {
  const first = 'https://meet.google.com/nav-meet-one';
  const page = await s.context.newPage();
  try {
    await page.goto(first);
    let rec = await waitForTabRecord(s.worker, first, { kinds: ['recording'], badge: 1 }, FINDING_TIMEOUT);
    const tabId = rec.tabId;
    await waitForCard(page, 1, FINDING_TIMEOUT);

    await page.evaluate(() => window.fixture.leave());
    rec = await waitForTabRecord(s.worker, 'https://meet.google.com/landing?left=1', { badge: 0 }, FINDING_TIMEOUT);
    assert.equal(rec.tabId, tabId);
    assert.deepEqual(rec.entries, [], 'nothing carried over to the exit screen');
    assert.equal(await badgeText(s.worker, tabId), '');
    await waitForNoCard(page);

    await page.evaluate(() => window.fixture.join('ghi-jklm-nop'));
    rec = await waitForTabRecord(s.worker, 'https://meet.google.com/ghi-jklm-nop', { kinds: ['ai_assistant'], badge: 1 }, FINDING_TIMEOUT);
    assert.deepEqual(rec.entries.map((e) => e.kind), ['ai_assistant'], 'the last call\'s recording is not in this one');
    const card = await waitForCard(page, 1, FINDING_TIMEOUT);
    assert.deepEqual(card.summaries.length, 1);
  } finally {
    await page.close();
  }
});
