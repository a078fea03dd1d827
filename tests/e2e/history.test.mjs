// The local consent history, end to end: headless Chromium with the extension starts the
// REAL native host (build/bin/consentlens-host) through native messaging, registered only
// for the test profile (<user-data-dir>/NativeMessagingHosts/io.consentlens.history.json)
// and writing to a database in a temp folder (CONSENTLENS_DB, inherited from the browser).
//
// 1. A notice on a fixture page, and what the person does about it, end up in the database
//    (read back with `consentlens history --json`) and on the history page.
// 2. With no host installed, events wait in the extension's queue and the history page says
//    how to install it; a manifest for another extension ID is diagnosed as such; once the
//    right manifest is there, the queue is delivered exactly once.
//
// Waits are on conditions (storage change events, page state), never fixed sleeps.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { startSession, FINDING_TIMEOUT } from './lib/session.mjs';
import { extensionIdFromManifest } from './lib/browser.mjs';
import { waitForTabRecord, openPopup } from './lib/extension.mjs';
import { waitForCard, inCard } from './lib/card.mjs';
import { hostBinaryProblem, writeHostManifest, tempDatabase, historyJson } from './lib/native-host.mjs';

const ZOOM = 'https://app.zoom.us/wc/84512345678/join';
const missing = hostBinaryProblem();
if (missing) console.log(`# history.test.mjs skipped: ${missing}`);

// Waits, by listening to extension storage (no polling, no sleeps), until the history link's
// status and queue satisfy `want`:
//   {delivered: n}        at least n events delivered since the worker started, queue empty;
//                         resolves to the status;
//   {queued: n, error}    at least n events queued and the host unreachable with an error
//                         matching `error`; resolves to {queue, status}.
// The predicate is chosen inside the worker by name: the extension's CSP forbids building
// functions from strings there.
function waitForHistory(worker, want, timeoutMs = FINDING_TIMEOUT) {
  return worker.evaluate(async ({ want, timeoutMs }) => {
    const read = async () => ({
      status: (await chrome.storage.session.get('historyStatus')).historyStatus,
      queue: (await chrome.storage.local.get('historyQueue')).historyQueue,
    });
    const check = async () => {
      const { status, queue } = await read();
      const queued = queue?.events?.length || 0;
      if ('delivered' in want) return (status?.delivered || 0) >= want.delivered && queued === 0 ? status : null;
      return queued >= want.queued && status?.state === 'unreachable' && new RegExp(want.error).test(status.error || '')
        ? { queue, status } : null;
    };
    const now = await check();
    if (now) return now;
    return new Promise((resolve, reject) => {
      const onChange = async () => {
        const got = await check();
        if (got) { cleanup(); resolve(got); }
      };
      const cleanup = () => {
        clearTimeout(timer);
        chrome.storage.session.onChanged.removeListener(onChange);
        chrome.storage.local.onChanged.removeListener(onChange);
      };
      const timer = setTimeout(async () => {
        cleanup();
        const { status, queue } = await read();
        reject(new Error(`history not as wanted (${JSON.stringify(want)}): status ${JSON.stringify(status)} queue ${JSON.stringify(queue).slice(0, 500)}`));
      }, timeoutMs);
      chrome.storage.session.onChanged.addListener(onChange);
      chrome.storage.local.onChanged.addListener(onChange);
    });
  }, { want, timeoutMs });
}

function waitForDelivered(worker, n, timeoutMs) {
  return waitForHistory(worker, { delivered: n }, timeoutMs);
}

function waitForQueued(worker, n, error, timeoutMs) {
  return waitForHistory(worker, { queued: n, error }, timeoutMs);
}

async function openHistory(s) {
  const page = await s.context.newPage();
  await page.setViewportSize({ width: 1200, height: 1000 });
  await page.goto(`chrome-extension://${s.extensionId}/history/history.html`);
  return page;
}

// Clicks a button in the card's closed shadow root (as a person would, by its words).
function clickCardButton(page, text) {
  return inCard(page, function (text) {
    const b = [...this.querySelectorAll('button')].find((x) => x.textContent === text);
    if (!b) throw new Error(`no ${text} button on the card`);
    b.click();
    return true;
  }, text);
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

  test('a notice and the choices after it reach the database and the history page', async () => {
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
    await waitForDelivered(s.worker, expected);

    const events = historyJson(db.path);
    assert.equal(events.length, expected, JSON.stringify(events.map((e) => [e.type, e.choice, e.finding?.kind])));
    assert.equal(new Set(events.map((e) => e.event_id)).size, events.length, 'every event once');
    const ats = events.map((e) => Date.parse(e.at));
    assert.ok(ats.every((t, i) => i === 0 || ats[i - 1] >= t), 'newest first');
    const findings = events.filter((e) => e.type === 'finding_shown');
    assert.deepEqual(findings.map((e) => e.finding.kind).sort(), rec.entries.map((e) => e.finding.kind).sort());
    for (const e of events) {
      assert.equal(e.site, 'app.zoom.us');
      assert.match(e.meeting, /^hmac-sha256:[0-9a-f]{64}$/, 'the meeting link is kept as a keyed fingerprint by default');
      assert.equal(e.page_title, undefined, 'no page title unless the person allows it');
      assert.match(e.at, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/, 'RFC 3339');
    }
    const recording = findings.find((e) => e.finding.kind === 'recording');
    assert.match(recording.finding.evidence.text, /being recorded/);
    const stayed = events.filter((e) => e.choice === 'stayed');
    assert.equal(stayed.length, 1);
    assert.equal(stayed[0].finding.kind, 'recording');
    assert.equal(events.filter((e) => e.choice === 'opened_details').length, shown);
    assert.equal(events.filter((e) => e.choice === 'dismissed').length, shown);
    await page.close();

    // The history page shows the same events, the timeline and a finding's detail.
    const history = await openHistory(s);
    await history.waitForFunction((n) => document.querySelectorAll('#events tbody tr').length === n, expected, { timeout: FINDING_TIMEOUT });
    assert.equal(await history.getAttribute('body', 'data-host'), 'ok');
    assert.equal(await history.isHidden('#diagnosis'), true);
    const table = await history.textContent('#events tbody');
    for (const t of ['Notice shown', 'You stayed', 'You dismissed the card', 'You opened the details', 'Recording', 'app.zoom.us']) {
      assert.ok(table.includes(t), `table shows "${t}"`);
    }
    await history.waitForSelector('#chart svg rect[data-kind="recording"]');
    const row = history.locator('#events tbody tr', { hasText: 'Notice shown' }).filter({ hasText: 'Recording' }).first();
    await row.click();
    await history.waitForSelector('#detail:not([hidden])');
    const detail = await history.textContent('#detail');
    assert.match(detail, /Who agreed/);
    assert.match(detail, /being recorded/, 'the detail quotes the evidence');
    await history.screenshot({ path: s.artifact('history.png'), fullPage: true });

    // Search goes to the host with the filters.
    await history.fill('#filters input[name=search]', 'AI Companion');
    await history.selectOption('#filters select[name=type]', 'finding_shown');
    await history.click('#filters button[type=submit]');
    await history.waitForFunction(() => document.querySelectorAll('#events tbody tr').length === 1, null, { timeout: FINDING_TIMEOUT });
    assert.match(await history.textContent('#events tbody'), /AI assistant/);
    await history.close();
  });

  test('with the options to keep the title and the link: both are recorded, the link without its query', async () => {
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
    await waitForDelivered(s.worker, base + rec.entries.length);
    const mine = historyJson(db.path).filter((e) => e.site === 'meet.google.com');
    assert.equal(mine.length, rec.entries.length);
    for (const e of mine) {
      assert.equal(e.page_title, 'Meet - abc-defg-hij');
      assert.equal(e.meeting, url, 'the link is kept without its query');
    }

    // The popup's History button opens the history page.
    const popup = await openPopup(s.context, s.extensionId, rec.tabId);
    const [opened] = await Promise.all([s.context.waitForEvent('page'), popup.click('#open-history')]);
    await opened.waitForURL(`chrome-extension://${s.extensionId}/history/history.html`);
    await opened.close();
    await page.close();
  });

  test('history page: export, delete selected, purge after confirming', async () => {
    const before = historyJson(db.path);
    assert.ok(before.length >= 2, 'the first test left events');
    const history = await openHistory(s);
    await history.waitForFunction((n) => document.querySelectorAll('#events tbody tr').length === n, before.length, { timeout: FINDING_TIMEOUT });

    for (const format of ['json', 'csv']) {
      const [download] = await Promise.all([history.waitForEvent('download'), history.click(`#export-${format}`)]);
      assert.match(download.suggestedFilename(), new RegExp(`^consentlens-history-\\d{4}-\\d\\d-\\d\\d\\.${format}$`));
      const text = readFileSync(await download.path(), 'utf8');
      if (format === 'json') {
        const all = JSON.parse(text);
        assert.deepEqual(all.map((e) => e.event_id).sort(), before.map((e) => e.event_id).sort());
      } else {
        assert.ok(before.every((e) => text.includes(e.event_id)), 'every event in the CSV');
      }
    }

    const victim = before[before.length - 1].event_id;
    await history.check(`#events tbody tr[data-event-id="${victim}"] input[type=checkbox]`);
    await history.click('#delete-selected');
    await history.waitForFunction((n) => document.querySelectorAll('#events tbody tr').length === n, before.length - 1);
    const after1 = historyJson(db.path);
    assert.equal(after1.length, before.length - 1);
    assert.ok(!after1.some((e) => e.event_id === victim));

    await history.click('#purge');
    assert.equal(await history.isVisible('#purge-confirm'), true, 'purge asks first');
    await history.click('#purge-no');
    assert.equal(historyJson(db.path).length, after1.length, 'nothing purged without confirming');
    await history.click('#purge');
    await history.click('#purge-yes');
    await history.waitForFunction(() => document.querySelectorAll('#events tbody tr').length === 0);
    assert.deepEqual(historyJson(db.path), []);

    await history.fill('#retention-days', '30');
    await history.click('#retention button[type=submit]');
    await history.waitForFunction(() => /kept for 30 days/.test(document.getElementById('message').textContent));
    await history.close();
  });
});

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

  test('events wait in the queue, the page diagnoses, and they are delivered exactly once', async () => {
    const page = await s.context.newPage();
    await page.goto(ZOOM);
    const rec = await waitForTabRecord(s.worker, ZOOM, { kinds: ['recording', 'ai_assistant'] }, FINDING_TIMEOUT);
    const n = rec.entries.length;
    const { queue } = await waitForQueued(s.worker, n, 'native messaging host not found');
    const queuedIds = queue.events.map((e) => e.event_id);
    assert.equal(new Set(queuedIds).size, queuedIds.length);
    await page.close();

    // The history page says what is wrong and how to fix it.
    const history = await openHistory(s);
    await history.waitForFunction(() => document.body.dataset.host === 'not_installed', null, { timeout: FINDING_TIMEOUT });
    const diag = await history.textContent('#diagnosis');
    assert.match(diag, /not installed/);
    assert.match(diag, /build\/bin\/consentlens-host install/);
    assert.match(diag, /consentlens-host doctor/);
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
    await waitForDelivered(s.worker, n);
    await history.waitForFunction((n) => document.querySelectorAll('#events tbody tr').length === n, n, { timeout: FINDING_TIMEOUT });
    let events = historyJson(db.path);
    assert.deepEqual(events.map((e) => e.event_id).sort(), [...queuedIds].sort());

    // Asking again (the page asks for delivery each time it opens) stores nothing twice.
    await history.reload();
    await history.waitForFunction((n) => document.querySelectorAll('#events tbody tr').length === n, n);
    events = historyJson(db.path);
    assert.equal(events.length, n);
    await history.close();
  });
});

