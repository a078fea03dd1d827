// Privacy and safety, end to end:
// - no extension context (service worker, content script, popup, options) makes a network
//   request: every request Chromium reports is either a fixture page loading its own files
//   or the extension reading its own packaged files;
// - the content script runs only where the manifest says (real host names, unchanged patterns);
// - the background rejects malformed messages sent from the content script's own world;
// - a page with a strict Content-Security-Policy still gets the card, with its styles.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSession, contentScriptRuns, evaluateInContentScript, FINDING_TIMEOUT } from './lib/session.mjs';
import { waitForKinds, openPopup } from './lib/extension.mjs';
import { waitForCard } from './lib/card.mjs';

let s;
before(async () => { s = await startSession(); });
after(async () => { await s?.close(); });

test('strict CSP page: the content script and the card still work', async () => {
  const page = await s.context.newPage();
  const url = 'https://8x8.vc/vpaas-magic-cookie-fixture/StrictRoom';
  const response = await page.goto(url);
  assert.match(response.headers()['content-security-policy'], /require-trusted-types-for/);
  await waitForKinds(s.worker, url, ['live_stream'], FINDING_TIMEOUT);
  const card = await waitForCard(page, 1, FINDING_TIMEOUT);
  assert.equal(card.borderTopWidth, '2px', 'the card is styled under the page CSP');
  assert.equal(card.background, 'rgb(255, 255, 255)');
  assert.deepEqual(await page.evaluate(() => window.cspViolations), [], 'no CSP violation');
  await page.screenshot({ path: s.artifact('card-strict-csp.png') });
  await page.close();
});

test('the content script runs only on the watched meeting hosts', async () => {
  for (const url of ['https://zoom.us/pricing', 'https://example.org/meeting']) {
    const page = await s.context.newPage();
    await page.goto(url);
    await page.waitForFunction(() => document.documentElement.dataset.fixtureDone);
    assert.equal(await contentScriptRuns(page), false, `no content script on ${url}`);
    assert.equal(await page.$('[data-consentlens="card"]'), null);
    await page.close();
  }
});

test('the background validates what content scripts send', async () => {
  const page = await s.context.newPage();
  await page.goto('https://whereby.com/consentlens-fixture');
  await page.waitForFunction(() => document.documentElement.dataset.fixtureDone, null, { timeout: FINDING_TIMEOUT });
  const send = (msg) => evaluateInContentScript(page, `chrome.runtime.sendMessage(${JSON.stringify(msg)})`);
  const cases = [
    [{ type: 'notices', items: [{ text: 'x'.repeat(4001), source: 'text' }] }, /longer than 4000/],
    [{ type: 'notices', items: [{ text: 'This meeting is being recorded', source: 'evil' }] }, /unknown source/],
    [{ type: 'notices', items: [] }, /non-empty array/],
    [{ type: 'notices', items: Array.from({ length: 33 }, () => ({ text: 'hi there', source: 'text' })) }, /more than 32/],
    [{ type: 'notices', items: [{ text: 42, source: 'text' }] }, /non-empty string/],
    [{ type: 'notices', items: [{ text: 'a', source: 'text', html: '<b>' }] }, /expected \{text, source\}/],
    [{ type: 'findings', entries: [] }, /message.type/],
    [{ type: 'hello', extra: 1 }, /unexpected field/],
  ];
  for (const [msg, error] of cases) {
    const reply = await send(msg);
    assert.equal(reply.ok, false, JSON.stringify(msg).slice(0, 80));
    assert.match(reply.error, error);
  }
  const good = await send({ type: 'notices', items: [{ text: 'Otter.ai Notetaker', source: 'participant' }] });
  assert.equal(good.ok, true);
  await page.close();
});

test('no extension context makes a network request', async () => {
  // Exercise every extension context: content scripts on each client, the worker, the popup, options.
  const urls = ['https://app.zoom.us/wc/84512345678/join', 'https://meet.google.com/abc-defg-hij',
    'https://teams.microsoft.com/v2/', 'https://acme.webex.com/meet/dana.whitfield',
    'https://meet.jit.si/ConsentlensFixture', 'https://whereby.com/consentlens-fixture'];
  let tabId = -1;
  for (const url of urls) {
    const page = await s.context.newPage();
    await page.goto(url);
    const rec = await waitForKinds(s.worker, url, [], FINDING_TIMEOUT);
    await page.waitForFunction(() => document.documentElement.dataset.fixtureDone, null, { timeout: FINDING_TIMEOUT });
    tabId = rec.tabId;
    await page.close();
  }
  const popup = await openPopup(s.context, s.extensionId, tabId);
  await popup.waitForSelector('#status:not(:empty)');
  const [options] = await Promise.all([
    s.context.waitForEvent('page', (p) => p.url().includes('/options/options.html')),
    popup.click('#open-options'),
  ]);
  await options.waitForSelector('#sites input');
  await options.close();
  await popup.close();

  const own = `chrome-extension://${s.extensionId}/`;
  const fixturePaths = new Set(Object.keys(s.server.routes).map((k) => k.slice(k.indexOf('/'))));
  const bad = [];
  for (const r of s.browser.requests) {
    const url = new URL(r.url());
    if (r.url().startsWith(own)) continue;  // the extension reading its own packaged files
    const fromWorker = !!r.serviceWorker();
    let frameUrl = '';
    try { frameUrl = r.frame().url(); } catch { /* navigation or worker request */ }
    const fixtureFile = url.protocol === 'https:' &&
      (url.pathname.startsWith('/consentlens-fixtures/') || fixturePaths.has(url.pathname) || url.pathname === '/favicon.ico');
    if (fromWorker || frameUrl.startsWith('chrome-extension://') || !fixtureFile) bad.push({ url: r.url(), fromWorker, frameUrl });
  }
  assert.deepEqual(bad, [], 'requests not made by a fixture page');
  // The server saw only what the fixture pages asked for.
  for (const q of s.server.requests) {
    assert.ok(q.path.startsWith('/consentlens-fixtures/') || fixturePaths.has(q.path) || q.path === '/favicon.ico', `unexpected ${q.host}${q.path}`);
  }
  assert.ok(s.browser.requests.length > 20, 'requests were recorded');
});
