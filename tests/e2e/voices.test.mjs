// Whose words (issue 13 point 2, issue 11 point 3): the meeting client's own dialogs, toasts,
// lists and icons speak for the meeting; a participant's chat line does not (only a bot or app
// announcing itself does); live captions never; a control's label ("Start recording") alone
// never. Each page ends with one real notice of the client's own: once its finding is stored,
// everything before it has been read, and it must be the only finding, with its own words as
// the evidence.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSession, evaluateInContentScript, FINDING_TIMEOUT } from './lib/session.mjs';
import { waitForTabRecord, badgeText } from './lib/extension.mjs';
import { waitForCard } from './lib/card.mjs';

let s;
before(async () => { s = await startSession(); });
after(async () => { await s?.close(); });

const PAGES = [
  { name: 'busy Webex all-hands (chat questions, jokes, negations, captions, controls)', url: 'https://acme.webex.com/meet/all-hands',
    kind: 'recording', control: 'Recording started. This meeting is being recorded.' },
  { name: 'Meet with Gemini and live captions', url: 'https://meet.google.com/cap-tion-fix', kind: 'ai_assistant', control: 'Gemini is taking notes' },
];

for (const p of PAGES) {
  test(`${p.name}: only the client's own notice counts`, async () => {
    const page = await s.context.newPage();
    try {
      await page.goto(p.url);
      await page.waitForFunction(() => document.documentElement.dataset.fixtureDone, null, { timeout: FINDING_TIMEOUT });
      const rec = await waitForTabRecord(s.worker, p.url, { kinds: [p.kind] }, FINDING_TIMEOUT);
      assert.deepEqual(rec.entries.map((e) => e.kind), [p.kind], `the notice is the only finding: ${JSON.stringify(rec.entries.map((e) => [e.kind, e.finding.evidence.text]))}`);
      assert.ok(p.control.includes(rec.entries[0].finding.evidence.text), `its evidence is the client's words: ${rec.entries[0].finding.evidence.text}`);
      assert.equal(rec.entries[0].source === 'chat' || rec.entries[0].source === 'caption', false);
      assert.equal(await badgeText(s.worker, rec.tabId), '1');
      const card = await waitForCard(page, 1, FINDING_TIMEOUT);
      assert.equal(card.summaries.length, 1);
      const stats = await evaluateInContentScript(page, 'JSON.parse(JSON.stringify(globalThis.consentlensStats))');
      assert.ok(stats.captions >= 1, `captions were recognised and kept in the page: ${JSON.stringify(stats)}`);
      await page.screenshot({ path: s.artifact(`voices-${p.url.split('/').pop()}.png`) });
    } finally {
      await page.close();
    }
  });
}

test('a bot announcing itself in the chat still counts, as a bot', async () => {
  const url = 'https://teams.microsoft.com/v2/';
  const page = await s.context.newPage();
  try {
    await page.goto(url);
    const rec = await waitForTabRecord(s.worker, url, { kinds: ['notetaker_bot'] }, FINDING_TIMEOUT);
    const bot = rec.entries.find((e) => e.kind === 'notetaker_bot');
    assert.equal(bot.source, 'chat');
    assert.equal(bot.finding.vendor, 'otter');
  } finally {
    await page.close();
  }
});
