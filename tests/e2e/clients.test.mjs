// One realistic fixture per meeting client, served under the client's real host name. Each
// asserts what the person gets: the card in the page (its words, its place, clear of the
// meeting controls and of the client's own dialog), the badge, and the popup (explanation,
// quoted evidence, sources, diagram). Screenshots go to build/test-artifacts/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSession, contentScriptRuns, FINDING_TIMEOUT } from './lib/session.mjs';
import { waitForTabRecord, badgeText, openPopup } from './lib/extension.mjs';
import { waitForCard, cardBox } from './lib/card.mjs';

let s;
before(async () => { s = await startSession(); });
after(async () => { await s?.close(); });

const CLIENTS = [
  { name: 'zoom', url: 'https://app.zoom.us/wc/84512345678/join', kinds: ['recording', 'ai_assistant'],
    says: ['This meeting is being recorded.'], quotes: ['AI Companion has been turned on'] },
  { name: 'meet', url: 'https://meet.google.com/abc-defg-hij', kinds: ['ai_assistant', 'notetaker_bot'],
    quotes: ['Gemini is taking notes', 'Fireflies.ai Notetaker'], vendors: ['google_meet', 'fireflies'] },
  { name: 'teams', url: 'https://teams.microsoft.com/v2/', kinds: ['recording', 'notetaker_bot'],
    quotes: ['Recording and transcription have started'], vendors: ['teams', 'otter'] },
  { name: 'webex', url: 'https://acme.webex.com/meet/dana.whitfield', kinds: ['recording', 'notetaker_bot'],
    quotes: ['everyone participating needs to give their consent', 'read.ai meeting notes'], vendors: ['webex', 'read_ai'] },
  { name: 'jitsi', url: 'https://meet.jit.si/ConsentlensFixture', kinds: ['recording', 'transcription'],
    quotes: ['Alice started the recording', 'This meeting is being transcribed'] },
  { name: 'whereby', url: 'https://whereby.com/consentlens-fixture', kinds: ['notetaker_bot'], minEntries: 2,
    quotes: ["Sam's Fathom Notetaker", 'read.ai meeting notes'], vendors: ['fathom', 'read_ai'] },
];

function intersects(a, b) {
  return a.left < b.right && a.right > b.left && a.top < b.bottom && a.bottom > b.top;
}

for (const c of CLIENTS) {
  test(`${c.name}: card, badge and popup explain the notices`, async () => {
    const page = await s.context.newPage();
    try {
      await page.goto(c.url);
      assert.ok(await contentScriptRuns(page), 'the content script runs on the real host name');
      await page.waitForFunction(() => document.documentElement.dataset.fixtureDone, null, { timeout: FINDING_TIMEOUT });
      const rec = await waitForTabRecord(s.worker, c.url, { kinds: c.kinds, minEntries: c.minEntries || c.kinds.length }, FINDING_TIMEOUT);
      const entries = rec.entries;
      const evidence = entries.map((e) => e.finding.evidence.text).join(' | ');
      for (const q of c.quotes) assert.ok(evidence.includes(q), `evidence has "${q}": ${evidence}`);
      for (const v of c.vendors || []) assert.ok(entries.some((e) => e.finding.vendor === v), `a finding from ${v}`);

      // The card: in a closed shadow root, a labelled region, one article per finding.
      const card = await waitForCard(page, entries.length, FINDING_TIMEOUT);
      assert.equal(card.mode, 'closed');
      assert.equal(card.role, 'region');
      assert.match(card.label, /explains/);
      assert.equal(card.summaries.length, entries.length);
      for (const t of ['Who agreed', 'What you can do', 'Where it goes', 'Trains AI?']) assert.ok(card.terms.includes(t));
      for (const say of c.says || []) assert.ok(card.summaries.includes(say), `card says "${say}": ${card.summaries}`);
      assert.deepEqual(card.buttons.map((b) => b.text), ['Details', 'Dismiss']);
      assert.match(card.live, /^consentlens: /, 'new findings are announced in a live region');

      // Never over the meeting controls, nor over the client's own dialog.
      const box = await cardBox(page);
      const controls = await page.evaluate(() => {
        const r = document.getElementById('controls').getBoundingClientRect();
        return { top: r.top, bottom: r.bottom, left: r.left, right: r.right };
      });
      assert.ok(!intersects(box, controls), `card ${JSON.stringify(box)} clear of controls ${JSON.stringify(controls)}`);
      const dialogs = await page.evaluate(() => [...document.querySelectorAll('[role=dialog],[role=alertdialog]')]
        .map((d) => d.getBoundingClientRect()).map((r) => ({ top: r.top, bottom: r.bottom, left: r.left, right: r.right })));
      for (const d of dialogs) assert.ok(!intersects(box, d), 'card clear of the dialog');
      await page.screenshot({ path: s.artifact(`card-${c.name}.png`) });

      assert.equal(await badgeText(s.worker, rec.tabId), String(entries.length));

      // The popup: the trusted view, with everything.
      const popup = await openPopup(s.context, s.extensionId, rec.tabId);
      try {
        await popup.waitForFunction((n) => document.querySelectorAll('section.finding').length === n, entries.length);
        const text = await popup.textContent('main');
        for (const q of c.quotes) assert.ok(text.includes(q), `popup quotes "${q}"`);
        for (const h of ['Who agreed', 'What you can do', 'Where your data goes', 'What the page said', 'Sources']) assert.ok(text.includes(h));
        const links = await popup.$$eval('ul.sources a', (as) => as.map((a) => a.href));
        assert.ok(links.length > 0 && links.every((h) => h.startsWith('https://')), 'sources are https links');
        const diagrams = await popup.$$eval('svg.flow', (svgs) => svgs.map((svg) => ({
          role: svg.getAttribute('role'), desc: svg.querySelector('desc').textContent, boxes: svg.querySelectorAll('rect').length,
        })));
        assert.equal(diagrams.length, entries.length);
        for (const d of diagrams) {
          assert.equal(d.role, 'img');
          assert.match(d.desc, /go to/);
          assert.ok(d.boxes >= 2);
        }
        assert.match(await popup.textContent('#status'), /notices? on this page/);
        await popup.screenshot({ path: s.artifact(`popup-${c.name}.png`), fullPage: true });
      } finally {
        await popup.close();
      }
    } finally {
      await page.close();
    }
  });
}
