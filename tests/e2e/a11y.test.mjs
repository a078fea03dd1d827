// Keyboard and screen-reader use of the card, the popup and the options page (issue 13): a
// keyboard-only walk through each; focus never lost when the card changes under it; one live
// region that keeps its node; every control, image and region named; text at 4.5:1 and focus
// rings at 3:1 (computed, light and dark); the card short (two lines a notice, 300 px for three).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSession, FINDING_TIMEOUT } from './lib/session.mjs';
import { waitForTabRecord, openPopup } from './lib/extension.mjs';
import { waitForCard, inCard, readCard, addToast } from './lib/card.mjs';
import { contrastProblems, focusRing, nameProblems } from './lib/a11y.mjs';

let s;
before(async () => { s = await startSession(); });
after(async () => { await s?.close(); });

const inCardValue = async (page, fn, ...args) => (await inCard(page, fn, ...args)).value;
const activeInCard = (page) => inCardValue(page, function () {
  const a = this.activeElement;
  return a ? { text: a.textContent, expanded: a.getAttribute('aria-expanded') } : null;
});

test('card: a keyboard walk, focus kept while a notice arrives, one live region, names and contrast', async () => {
  const url = 'https://meet.jit.si/ConsentlensFixture';
  const page = await s.context.newPage();
  try {
    await page.goto(url);
    await waitForTabRecord(s.worker, url, { kinds: ['recording', 'transcription'] }, FINDING_TIMEOUT);
    await waitForCard(page, 2, FINDING_TIMEOUT);
    // Keep a hold on the live region node, to see that it is never replaced.
    await inCard(page, function () { this.__live = this.querySelector('[aria-live]'); });

    // From the meeting's controls, Tab reaches the card (after the page's own controls and its
    // dialog): Details, then Dismiss.
    await page.focus('#controls button:last-child');
    let before = null;
    for (let i = 0; i < 10; i++) {
      const here = await page.evaluate(() => document.activeElement.dataset.consentlens ? null : document.activeElement.textContent);
      if (here === null) break;
      before = here;
      await page.keyboard.press('Tab');
    }
    assert.equal(await page.evaluate(() => document.activeElement.dataset.consentlens), 'card', 'Tab reaches the card');
    assert.equal((await activeInCard(page)).text, 'Details');
    const ring = await inCardValue(page, focusRing);
    assert.notEqual(ring.ringStyle, 'none');
    assert.ok(ring.ringWidth >= 2 && ring.contrast >= 3, `focus ring ${JSON.stringify(ring)}`);
    await page.keyboard.press('Enter');
    assert.equal((await activeInCard(page)).expanded, 'true', 'Details opened by keyboard');
    await page.keyboard.press('Tab');
    assert.equal((await activeInCard(page)).text, 'Dismiss');
    // Then the notices (a scrolling list is a Tab stop of its own when it overflows), then Mute.
    for (let i = 0; i < 3 && (await activeInCard(page)).text !== 'Mute this meeting'; i++) await page.keyboard.press('Tab');
    assert.equal((await activeInCard(page)).text, 'Mute this meeting');
    for (let i = 0; i < 4 && (await activeInCard(page)).text !== 'Less'; i++) await page.keyboard.press('Shift+Tab');
    assert.equal((await activeInCard(page)).text, 'Less');

    // A new notice while the person is in the card: focus and the open details stay.
    await addToast(page, 'This meeting is being streamed live on YouTube');
    await waitForTabRecord(s.worker, url, { kinds: ['live_stream'] }, FINDING_TIMEOUT);
    await waitForCard(page, 3, FINDING_TIMEOUT);
    assert.equal(await page.evaluate(() => document.activeElement.dataset.consentlens), 'card', 'focus is still in the card');
    assert.deepEqual(await activeInCard(page), { text: 'Less', expanded: 'true' }, 'on the same button, details still open');
    const live = await inCardValue(page, function () {
      return { same: this.querySelector('[aria-live]') === this.__live, count: this.querySelectorAll('[aria-live]').length, text: this.__live.textContent };
    });
    assert.deepEqual({ same: live.same, count: live.count }, { same: true, count: 1 }, 'one live region, the same node');
    assert.match(live.text, /^consentlens: .*live/i, 'it announced the new notice');

    const names = await inCardValue(page, nameProblems);
    assert.deepEqual(names.problems, []);
    const contrast = await inCardValue(page, contrastProblems);
    assert.ok(contrast.checked > 5);
    assert.deepEqual(contrast.problems, [], 'card text at 4.5:1');

    // Escape leaves the card and gives focus back to where it was in the meeting.
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => getComputedStyle(document.querySelector('[data-consentlens="card"]')).display === 'none');
    assert.equal(await page.evaluate(() => document.activeElement.textContent), before, 'focus is back where it was before the card');
  } finally {
    await page.close();
  }
});

test('card: three notices stay short (two lines each, at most 300 px) at 1280 px', async () => {
  const url = 'https://app.zoom.us/wc/84512345678/join';
  const page = await s.context.newPage();
  try {
    await page.goto(url);
    await waitForTabRecord(s.worker, url, { kinds: ['recording', 'ai_assistant'] }, FINDING_TIMEOUT);
    await addToast(page, 'This meeting is being streamed live on YouTube');
    await waitForTabRecord(s.worker, url, { kinds: ['recording', 'ai_assistant', 'live_stream'] }, FINDING_TIMEOUT);
    const card = await waitForCard(page, 3, FINDING_TIMEOUT);
    assert.equal(card.summaries.length, 3);
    assert.ok(card.rowsPerNotice.every((r) => r <= 2), `two lines a notice: ${card.rowsPerNotice}`);
    assert.ok(card.height <= 300, `card height ${card.height}`);
    assert.equal((card.text.match(/can fake this card/g) || []).length, 1, 'the disclaimer once');
    assert.equal(card.summaries[0], 'This meeting is being recorded.', 'the notice of the open dialog first');
    await page.screenshot({ path: s.artifact('card-three-notices.png') });
  } finally {
    await page.close();
  }
});

for (const scheme of ['light', 'dark']) {
  test(`popup (${scheme}): keyboard walk, names, contrast and focus rings`, async () => {
    const url = 'https://teams.microsoft.com/v2/';
    const page = await s.context.newPage();
    try {
      await page.goto(url);
      const rec = await waitForTabRecord(s.worker, url, { kinds: ['recording', 'notetaker_bot'] }, FINDING_TIMEOUT);
      const popup = await openPopup(s.context, s.extensionId, rec.tabId);
      try {
        await popup.emulateMedia({ colorScheme: scheme });
        await popup.waitForFunction(() => document.querySelectorAll('section.finding').length === 2);
        // Open the disclosures, so their text is checked too.
        await popup.evaluate(() => { for (const d of document.querySelectorAll('details')) d.open = true; });
        const names = await popup.evaluate(nameProblems);
        assert.deepEqual(names.problems, []);
        const contrast = await popup.evaluate(contrastProblems);
        assert.ok(contrast.checked > 20);
        assert.deepEqual(contrast.problems, [], `popup text at 4.5:1 (${scheme})`);
        await popup.screenshot({ path: s.artifact(`popup-${scheme}.png`), fullPage: true });

        // Tab through everything: each stop has a name and a visible ring at 3:1; Tab never
        // gets stuck.
        await popup.evaluate(() => document.activeElement?.blur());
        const stops = [];
        for (let i = 0; i < 80; i++) {
          await popup.keyboard.press('Tab');
          // Around once: the first element focused twice ends the walk.
          const again = await popup.evaluate(() => {
            const e = document.activeElement;
            if (!e || e === document.body || e.__walked) return true;
            e.__walked = true;
            return false;
          });
          if (again) break;
          const r = await popup.evaluate(focusRing);
          const key = `${r.tag}:${r.name}`;
          stops.push(key);
          assert.ok(r.name, `a name for ${key}`);
          assert.notEqual(r.ringStyle, 'none', `a focus ring on ${key}`);
          assert.ok(r.contrast >= 3, `focus ring at 3:1 on ${key}: ${r.contrast.toFixed(2)}`);
        }
        for (const want of ['button:Something wrong?', 'button:Mute this meeting', 'button:Settings', 'button:History']) {
          assert.ok(stops.includes(want), `Tab reaches ${want}: ${stops}`);
        }
        assert.ok(stops.some((x) => x.startsWith('summary:')), 'the disclosures are reachable');
      } finally {
        await popup.close();
      }
    } finally {
      await page.close();
    }
  });
}

test('options: keyboard walk, names, contrast and focus rings', async () => {
  const page = await s.context.newPage();
  try {
    await page.goto(`chrome-extension://${s.extensionId}/options/options.html`);
    await page.waitForSelector('#site-zoom');
    assert.deepEqual((await page.evaluate(nameProblems)).problems, []);
    assert.deepEqual((await page.evaluate(contrastProblems)).problems, []);
    const stops = [];
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      const r = await page.evaluate(focusRing);
      if (!r) break;
      stops.push(r.tag);
      assert.notEqual(r.ringStyle, 'none');
      assert.ok(r.contrast >= 3, `focus ring at 3:1: ${r.contrast.toFixed(2)}`);
    }
    assert.ok(stops.filter((t) => t === 'input').length >= 8, `the switches are reachable: ${stops}`);
  } finally {
    await page.close();
  }
});
