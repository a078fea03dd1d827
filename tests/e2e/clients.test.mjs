// One realistic fixture per meeting client, served under the client's real host name. Each
// asserts what the person gets: the card in the page (its words, its place, clear of the
// meeting controls and of the client's own dialog), the badge, and the popup (explanation,
// quoted evidence, sources, diagram). Screenshots go to build/test-artifacts/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSession, contentScriptRuns, FINDING_TIMEOUT } from './lib/session.mjs';
import { waitForTabRecord, badgeText, openPopup } from './lib/extension.mjs';
import { waitForCard, readCard } from './lib/card.mjs';
import { CLIENTS, wanted, checkRecord, checkCard, cardLayout, checkPlacement, popupContents, checkPopup, checkParity } from './lib/clients.mjs';

let s;
before(async () => { s = await startSession(); });
after(async () => { await s?.close(); });

for (const c of CLIENTS) {
  test(`${c.name}: card, badge and popup explain the notices`, async () => {
    const page = await s.context.newPage();
    try {
      await page.goto(c.url);
      assert.ok(await contentScriptRuns(page), 'the content script runs on the real host name');
      await page.waitForFunction(() => document.documentElement.dataset.fixtureDone, null, { timeout: FINDING_TIMEOUT });
      const rec = await waitForTabRecord(s.worker, c.url, wanted(c), FINDING_TIMEOUT);
      const entries = rec.entries;
      checkRecord(rec, c);
      const card = await waitForCard(page, entries.length, FINDING_TIMEOUT);
      checkCard(card, c, entries.length);

      checkPlacement(await page.evaluate(cardLayout));
      await page.screenshot({ path: s.artifact(`card-${c.name}.png`) });

      assert.equal(await badgeText(s.worker, rec.tabId), String(entries.length));

      // The popup: the trusted view, with everything.
      const popup = await openPopup(s.context, s.extensionId, rec.tabId);
      try {
        const shown = await popup.evaluate(popupContents, { n: entries.length, timeoutMs: FINDING_TIMEOUT });
        checkPopup(shown, c, entries.length);
        checkParity(await readCard(page), shown);  // read again: the card took the record's last words too
        await popup.screenshot({ path: s.artifact(`popup-${c.name}.png`), fullPage: true });
      } finally {
        await popup.close();
      }
    } finally {
      await page.close();
    }
  });
}
