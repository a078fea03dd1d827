// What the person does with the card and the popup takes effect at once and sticks (issue 13
// points 6 and 7): Dismiss hides what was shown until something of another kind comes, and a
// reload does not bring it back; mute this meeting and pause this site, from the card or the
// popup, apply at once, and so does a site switch on the options page; a click on the
// meeting's own button counts even when it comes before the finding (a worker restarting).
// Every click here is a real pointer click (a trusted event).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSession, FINDING_TIMEOUT } from './lib/session.mjs';
import { waitForTabRecord, badgeText, openPopup, waitForQueue } from './lib/extension.mjs';
import { waitForCard, readCard, clickCardButton, addToast } from './lib/card.mjs';
import { followWorker } from './lib/worker.mjs';

let s;
before(async () => { s = await startSession(); });
after(async () => { await s?.close(); });

const frame = (page) => page.waitForFunction(() => new Promise((r) => requestAnimationFrame(() => r(true))));

// Waits until the card shows nothing (frame by frame in the page).
async function waitForNoCard(page) {
  const until = Date.now() + FINDING_TIMEOUT;
  for (;;) {
    const card = await readCard(page);
    if (!card || card.shape === 'none') return;
    if (Date.now() > until) throw new Error(`the card still shows ${JSON.stringify(card.summaries)}`);
    await frame(page);
  }
}

test('Dismiss sticks: the same kind again, and a reload, bring nothing back; another kind does', async () => {
  const url = 'https://app.zoom.us/wc/84512300002/join';
  const page = await s.context.newPage();
  try {
    await page.goto(url);
    const rec = await waitForTabRecord(s.worker, url, { kinds: ['recording', 'ai_assistant'] }, FINDING_TIMEOUT);
    await waitForCard(page, 2, FINDING_TIMEOUT);
    await clickCardButton(page, 'Dismiss');
    await waitForNoCard(page);
    await waitForQueue(s.worker, [{ type: 'choice', choice: 'dismissed', kind: 'recording', n: 1 }, { type: 'choice', choice: 'dismissed', kind: 'ai_assistant', n: 1 }], FINDING_TIMEOUT);

    // The same kind again, then a new kind: the card comes back with the new one only.
    await addToast(page, 'Recording in progress');
    await addToast(page, 'This meeting is being streamed live on YouTube');
    await waitForTabRecord(s.worker, url, { kinds: ['recording', 'ai_assistant', 'live_stream'] }, FINDING_TIMEOUT);
    const card = await waitForCard(page, 1, FINDING_TIMEOUT);
    assert.equal(card.summaries.length, 1, `only the new kind: ${card.summaries}`);
    assert.match(card.summaries[0], /live|stream/i);
    assert.equal(await badgeText(s.worker, rec.tabId), '3', 'the badge still counts everything on now');

    // A reload: the meeting's notices come again; what was dismissed stays dismissed, and
    // nothing is recorded as shown twice.
    await page.reload();
    await waitForTabRecord(s.worker, url, { kinds: ['recording', 'ai_assistant'] }, FINDING_TIMEOUT);
    await page.waitForFunction(() => document.documentElement.dataset.fixtureDone, null, { timeout: FINDING_TIMEOUT });
    await frame(page);
    const after = await readCard(page);
    assert.ok(!after || after.shape === 'none', `nothing dismissed comes back: ${JSON.stringify(after?.summaries)}`);
    const events = await waitForQueue(s.worker, [{ type: 'finding_shown', n: 3 }], FINDING_TIMEOUT);
    assert.equal(events.filter((e) => e.type === 'finding_shown').length, 3, 'each finding shown once in this meeting');
    assert.equal(events.filter((e) => e.choice === 'dismissed').length, 2, 'each dismissal once');
  } finally {
    await page.close();
  }
});

test('Mute this meeting, from the card, applies at once; Unmute in the popup brings it back', async () => {
  const url = 'https://app.zoom.us/wc/84512300003/join';
  const page = await s.context.newPage();
  try {
    await page.goto(url);
    const rec = await waitForTabRecord(s.worker, url, { kinds: ['recording', 'ai_assistant'] }, FINDING_TIMEOUT);
    await waitForCard(page, 2, FINDING_TIMEOUT);
    await clickCardButton(page, 'Details');
    await clickCardButton(page, 'Mute this meeting');
    await waitForNoCard(page);
    assert.equal(await badgeText(s.worker, rec.tabId), '2', 'muted: the card goes, the badge stays');
    const popup = await openPopup(s.context, s.extensionId, rec.tabId);
    try {
      await popup.waitForFunction(() => document.getElementById('mute').textContent === 'Unmute this meeting');
      assert.match(await popup.textContent('#status'), /muted/);
      await popup.click('#mute');
      await waitForCard(page, 2, FINDING_TIMEOUT);
    } finally {
      await popup.close();
    }
  } finally {
    await page.close();
  }
});

test('Pause this site from the popup, and a site switch in the options, apply to open pages at once', async () => {
  const url = 'https://meet.jit.si/ConsentlensFixture';
  const page = await s.context.newPage();
  try {
    await page.goto(url);
    const rec = await waitForTabRecord(s.worker, url, { kinds: ['recording', 'transcription'] }, FINDING_TIMEOUT);
    await waitForCard(page, 2, FINDING_TIMEOUT);
    const popup = await openPopup(s.context, s.extensionId, rec.tabId);
    await popup.waitForFunction(() => /^Pause on/.test(document.getElementById('pause').textContent));
    await popup.click('#pause');
    await waitForNoCard(page);
    await waitForTabRecord(s.worker, url, { badge: 0 }, FINDING_TIMEOUT);
    assert.equal(await badgeText(s.worker, rec.tabId), '');
    await popup.waitForFunction(() => /paused/.test(document.getElementById('status').textContent));
    await popup.click('#pause');  // now "Resume on Jitsi Meet"
    // The page is read again at once: the dialog and the icon still on it are found again.
    await waitForTabRecord(s.worker, url, { kinds: ['recording', 'transcription'] }, FINDING_TIMEOUT);
    await waitForCard(page, 2, FINDING_TIMEOUT);
    await popup.close();

    // The same from the options page.
    const options = await s.context.newPage();
    await options.goto(`chrome-extension://${s.extensionId}/options/options.html`);
    await options.uncheck('#site-jitsi');
    await waitForNoCard(page);
    await waitForTabRecord(s.worker, url, { badge: 0 }, FINDING_TIMEOUT);
    await options.check('#site-jitsi');
    await waitForTabRecord(s.worker, url, { kinds: ['recording', 'transcription'] }, FINDING_TIMEOUT);
    await waitForCard(page, 2, FINDING_TIMEOUT);
    await options.close();
  } finally {
    await page.close();
  }
});

test('No choice lost to timing: Fortfahren clicked before the finding, right after a worker restart', async () => {
  const url = 'https://app.zoom.us/wc/84512300001/join';
  const prefix = `chrome-extension://${s.extensionId}/`;
  const inspector = await s.context.newPage();
  await inspector.goto(`${prefix}options/options.html`);
  const cdp = await s.context.newCDPSession(inspector);
  const page = await s.context.newPage();
  try {
    const worker = followWorker(cdp, prefix, FINDING_TIMEOUT);
    await cdp.send('ServiceWorker.enable');
    const version = await worker.reached('running');
    const mark = worker.count;
    await cdp.send('ServiceWorker.stopWorker', { versionId: version.versionId });
    await worker.reached('stopped', mark);

    // German Zoom shows its dialog at once; the person answers before anything is explained.
    await page.goto(url, { waitUntil: 'commit' });
    await page.click('#rec-continue');
    const events = await waitForQueue(inspector, [{ type: 'choice', choice: 'stayed', kind: 'recording', n: 1 }], FINDING_TIMEOUT);
    assert.equal(events.filter((e) => e.choice === 'stayed').length, 1, 'recorded once');
    // A second click on the same answer (another dialog) is not recorded again.
    await page.evaluate(() => {
      const d = document.createElement('div');
      d.setAttribute('role', 'dialog');
      const p = document.createElement('p');
      p.textContent = 'Diese Besprechung wird aufgezeichnet';
      const b = document.createElement('button');
      b.id = 'again';
      b.textContent = 'Fortfahren';
      d.append(p, b);
      document.body.append(d);
    });
    await page.click('#again');
    await addToast(page, 'This meeting is being streamed live on YouTube');
    await waitForTabRecord(inspector, url, { kinds: ['live_stream'] }, FINDING_TIMEOUT);
    const later = await waitForQueue(inspector, [{ type: 'finding_shown', kind: 'live_stream', n: 1 }], FINDING_TIMEOUT);
    assert.equal(later.filter((e) => e.choice === 'stayed').length, 1, 'each (tab, finding, choice) once');
  } finally {
    await cdp.detach().catch(() => {});
    await inspector.close();
    await page.close();
  }
});
