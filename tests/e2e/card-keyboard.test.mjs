// The card works from the keyboard and for screen readers: Details expands (aria-expanded),
// Escape dismisses it and gives focus back to where it was in the meeting page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSession, FINDING_TIMEOUT } from './lib/session.mjs';
import { waitForCard, readCard, inCard } from './lib/card.mjs';

let s;
before(async () => { s = await startSession(); });
after(async () => { await s?.close(); });

test('Details expands, Escape dismisses and returns focus', async () => {
  const page = await s.context.newPage();
  await page.goto('https://meet.jit.si/ConsentlensFixture');
  await waitForCard(page, 2, FINDING_TIMEOUT);

  // Focus starts on a meeting control, as it would for someone tabbing through the call.
  await page.focus('#controls button');
  await inCard(page, function () { this.querySelector('button').focus(); });
  await page.keyboard.press('Enter');
  const open = await readCard(page);
  assert.equal(open.buttons[0].expanded, 'true');
  assert.ok(open.text.includes('Seen on the page'), 'details show the quoted evidence');
  assert.ok(open.text.includes('being recorded and analyzed by AI'));
  await page.screenshot({ path: s.artifact('card-jitsi-details.png') });

  await page.keyboard.press('Escape');
  await page.waitForFunction(() => getComputedStyle(document.querySelector('[data-consentlens="card"]')).display === 'none');
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-label')), 'Unmute',
    'focus is back on the control it was on');
  await page.close();
});
