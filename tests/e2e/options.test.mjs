// The options page: a switch per site, the card switch, and self-hosted Jitsi domains
// (a bad host name is refused before any permission is asked).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSession } from './lib/session.mjs';

let s;
before(async () => { s = await startSession(); });
after(async () => { await s?.close(); });

test('options: site and card switches are saved; a bad Jitsi host is refused', async () => {
  const page = await s.context.newPage();
  await page.goto(`chrome-extension://${s.extensionId}/options/options.html`);
  await page.waitForSelector('#site-zoom');
  const ids = await page.$$eval('#sites input', (xs) => xs.map((x) => x.id));
  assert.deepEqual(ids, ['site-zoom', 'site-google_meet', 'site-teams', 'site-webex', 'site-jitsi', 'site-whereby']);
  await page.uncheck('#site-webex');
  await page.uncheck('#card');
  await page.waitForFunction(() => document.getElementById('message').textContent === 'Card off.');
  const saved = await s.worker.evaluate(() => chrome.storage.local.get('settings'));
  assert.equal(saved.settings.sites.webex, false);
  assert.equal(saved.settings.card, false);
  await page.fill('#jitsi-domain', 'https://meet.example.org/room');
  await page.click('#jitsi-form button');
  await page.waitForFunction(() => /not a host name/.test(document.getElementById('message').textContent));
  await page.screenshot({ path: s.artifact('options.png'), fullPage: true });
  await page.close();
});
