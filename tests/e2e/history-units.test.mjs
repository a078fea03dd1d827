// Node-only checks of the extension's history side, on the built extension (build/extension:
// its modules import the generated shared/contract.js): the host error diagnosis and install
// steps, the history page's periods, the event builders (minimal events, the keyed meeting
// fingerprint, validation), the dialog-button meanings, the settings defaults, and the delivery
// queue (history-link.js: admission, per-tab shares, rate limits, repeats, retention, switching
// off) against tests/e2e/fakes/fake-host.mjs behind a stand-in for chrome.runtime.connectNative
// that speaks the browsers' framing. The real host is exercised by history.test.mjs.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import { readFileSync, mkdtempSync, rmSync, existsSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import vm from 'node:vm';
import { ROOT, EXTENSION_DIR } from './lib/browser.mjs';
import { HOST_BIN } from './lib/native-host.mjs';

const FAKE_HOST = join(ROOT, 'tests/e2e/fakes/fake-host.mjs');
const built = (path) => import(join(EXTENSION_DIR, path));

// --- the stand-in for the extension APIs, installed before any module is imported ----------

const dir = mkdtempSync(join(tmpdir(), 'consentlens-link-'));
const dbPath = join(dir, 'fake.json');
const children = new Set();
const local = new Map();
const session = new Map();
const changeListeners = [];
const fake = {
  installed: false,
  env: {},
  runtime: {
    lastError: undefined,
    connectNative() {
      const msgL = []; const discL = [];
      let child = null;
      const port = {
        onMessage: { addListener: (f) => msgL.push(f) },
        onDisconnect: { addListener: (f) => discL.push(f) },
        postMessage() {},
        disconnect() { child?.stdin.end(); },
      };
      const gone = (message) => {
        fake.runtime.lastError = { message };
        for (const f of discL) f(port);
        fake.runtime.lastError = undefined;
      };
      if (!fake.installed) {
        setImmediate(() => gone('Specified native messaging host not found.'));
        return port;
      }
      child = spawn(process.execPath, [FAKE_HOST], { env: { ...process.env, CONSENTLENS_DB: dbPath, ...fake.env }, stdio: ['pipe', 'pipe', 'inherit'] });
      children.add(child);
      let buf = Buffer.alloc(0);
      child.stdout.on('data', (d) => {
        buf = Buffer.concat([buf, d]);
        while (buf.length >= 4 && buf.length >= 4 + buf.readUInt32LE(0)) {
          const n = buf.readUInt32LE(0);
          const msg = JSON.parse(buf.subarray(4, 4 + n).toString('utf8'));
          buf = buf.subarray(4 + n);
          for (const f of msgL) f(msg);
        }
      });
      child.on('exit', () => { children.delete(child); gone('Native host has exited.'); });
      port.postMessage = (m) => {
        const body = Buffer.from(JSON.stringify(m));
        const len = Buffer.alloc(4);
        len.writeUInt32LE(body.length, 0);
        child.stdin.write(Buffer.concat([len, body]));
      };
      return port;
    },
  },
  storage: {
    local: {
      async get(k) { return local.has(k) ? { [k]: structuredClone(local.get(k)) } : {}; },
      async set(o) {
        for (const [k, v] of Object.entries(o)) {
          const oldValue = local.get(k);
          local.set(k, structuredClone(v));
          for (const f of changeListeners) f({ [k]: { oldValue, newValue: structuredClone(v) } }, 'local');
        }
      },
      async remove(k) { local.delete(k); },
      accessLevel: null,
      async setAccessLevel({ accessLevel }) { fake.storage.local.accessLevel = accessLevel; },
    },
    session: {
      async get(k) { return session.has(k) ? { [k]: structuredClone(session.get(k)) } : {}; },
      async set(o) { for (const [k, v] of Object.entries(o)) session.set(k, structuredClone(v)); },
    },
    onChanged: { addListener: (f) => changeListeners.push(f) },
  },
};
globalThis.chrome = fake;
// Retry and idle timers must not keep node running after the tests.
const realSetTimeout = globalThis.setTimeout;
globalThis.setTimeout = (fn, ms) => realSetTimeout(fn, ms).unref();

const { diagnoseHostError, installSteps, browserName, savingNotice } = await built('shared/host-diagnosis.js');
const { periodFilters } = await built('history/periods.js');
const { normaliseSettings } = await built('shared/settings.js');
const events = await built('background/history-events.js');
const { validateContentMessage, validatePageMessage, isOwnPage } = await built('background/validate.js');
const link = await built('background/history-link.js');

after(() => {
  for (const c of children) c.kill();
  rmSync(dir, { recursive: true, force: true });
});

// --- diagnosis and install steps ------------------------------------------------------------

test('diagnosis: each browser error names its cause, with steps for this browser and system', () => {
  const cases = [
    ['Specified native messaging host not found.', 'not_installed'],
    ['No such native application io.consentlens.history', 'not_installed'],
    ['Access to the specified native messaging host is forbidden.', 'forbidden'],
    ['Native host has exited.', 'cannot_start'],
    ['Failed to start native messaging host.', 'cannot_start'],
    ['Something new', 'unknown'],
  ];
  for (const [message, cause] of cases) {
    const d = diagnoseHostError(message, { extensionId: 'oeflbibdpoelgkjhgoegjfclojhdpfap', platform: { browser: 'brave', os: 'linux' } });
    assert.equal(d.cause, cause, message);
    assert.deepEqual(d.commands, ['./consentlens-host install --browser brave', 'sudo ./consentlens-host install --system --copy --browser brave', './consentlens-host doctor --browser brave']);
    assert.equal(d.message, message);
    assert.ok(!d.commands.some((c) => c.includes('build/bin')), 'an installed user has no source checkout');
  }
  assert.match(diagnoseHostError('Access to the specified native messaging host is forbidden.', { extensionId: 'oeflb' }).detail, /oeflb/);
  assert.equal(diagnoseHostError(null), null);
  // "not found" after the helper answered before: it was moved or deleted, not never installed.
  const moved = diagnoseHostError('Specified native messaging host not found.', { lastConnectedAt: '2026-11-30T10:00:00Z' });
  assert.equal(moved.cause, 'moved');
  assert.match(moved.detail, /2026-11-30/);
  assert.match(moved.detail, /moved or deleted/);
  assert.match(diagnoseHostError('Specified native messaging host not found.').detail, /moved or been deleted/);
  // A system without the helper says so instead of giving commands that cannot work.
  const win = diagnoseHostError('Specified native messaging host not found.', { platform: { browser: 'edge', os: 'win' } });
  assert.deepEqual(win.commands, []);
  assert.match(win.detail, /not available for Windows/);
  assert.match(installSteps({ browser: 'firefox', os: 'mac' }).steps[0], /macOS/);
  assert.equal(browserName({ brands: [{ brand: 'Google Chrome' }, { brand: 'Chromium' }] }), 'chrome');
  assert.equal(browserName({ brands: [{ brand: 'Microsoft Edge' }] }), 'edge');
  assert.equal(browserName({ brands: [{ brand: 'Chromium' }] }), 'chromium');
  assert.equal(browserName({ firefox: true }), 'firefox');
});

test('saving notice: says the history is not saved and how many events wait', () => {
  assert.equal(savingNotice({ state: 'connected', queued: 0 }), null);
  assert.equal(savingNotice({ state: 'unreachable', queued: 3 }, { historyOn: false }), null);
  const n = savingNotice({ state: 'unreachable', queued: 3, error: 'Specified native messaging host not found.' });
  assert.equal(n.saving, false);
  assert.equal(n.queued, 3);
  assert.match(n.text, /not being saved/);
  assert.match(n.text, /3 events wait/);
  assert.match(savingNotice({ state: 'unreachable', queued: 1 }).text, /1 event waits/);
});

test('one version: the built manifest and the host say the top CMakeLists.txt\'s', () => {
  const project = readFileSync(join(ROOT, 'CMakeLists.txt'), 'utf8').match(/^project\(consentlens VERSION ([0-9.]+)/m)[1];
  assert.equal(JSON.parse(readFileSync(join(ROOT, 'extension/manifest.json'), 'utf8')).version, undefined, 'not written in the source');
  assert.equal(JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8')).version, project);
  if (existsSync(HOST_BIN)) assert.equal(execFileSync(HOST_BIN, ['--version'], { encoding: 'utf8' }).trim(), `consentlens-host ${project}`);
});

test('periods: calendar months in local time, ranges and spans', () => {
  const now = new Date(2026, 11, 4, 15, 30);  // 4 December 2026, local
  assert.deepEqual(periodFilters('this_month', {}, now), { since: new Date(2026, 11, 1).toISOString() });
  assert.deepEqual(periodFilters('last_month', {}, now), { since: new Date(2026, 10, 1).toISOString(), until: new Date(new Date(2026, 11, 1).getTime() - 1).toISOString() });
  assert.deepEqual(periodFilters('last_month', {}, new Date(2026, 0, 15)).since, new Date(2025, 11, 1).toISOString());
  assert.deepEqual(periodFilters('range', { from: '2026-11-02', until: '2026-11-03' }, now),
    { since: new Date(2026, 10, 2).toISOString(), until: new Date(2026, 10, 3, 23, 59, 59, 999).toISOString() });
  assert.deepEqual(periodFilters('range', { from: '2026-11-02' }, now), { since: new Date(2026, 10, 2).toISOString() });
  assert.match(periodFilters('range', { from: '2026-11-03', until: '2026-11-02' }, now).error, /ends before/);
  assert.deepEqual(periodFilters('30d'), { since: '30d' });
  assert.deepEqual(periodFilters(''), {});
});

test('settings: history defaults keep no title and only a fingerprint of the meeting', () => {
  assert.deepEqual(normaliseSettings({}).history, { enabled: true, pageTitle: false, meeting: 'hash' });
  assert.equal(normaliseSettings({ history: { meeting: 'everything' } }).history.meeting, 'hash');
});

// --- events -------------------------------------------------------------------------------

const FINDING = { kind: 'recording', vendor: 'zoom', state: 'active', evidence: { text: 'This meeting is being recorded', start: 0, end: 30 }, explanation: { summary: 'Recorded.' } };
const PAGE = 'https://app.zoom.us/wc/845123456/join?pwd=secret#x';
const rec = (source, finding = FINDING) => ({ entries: [{ id: 'a', source, finding }] });

test('events: ids, RFC 3339 times, a keyed meeting fingerprint without the query, title only when given', async () => {
  const a = await events.findingShownEvent(FINDING, { pageUrl: PAGE, pageTitle: null, meetingMode: 'hash', rec: rec('dialog') }, new Date('2026-12-02T14:05:00.123Z'));
  const b = await events.findingShownEvent(FINDING, { pageUrl: PAGE, pageTitle: null, meetingMode: 'hash', rec: rec('dialog') });
  assert.notEqual(a.event_id, b.event_id);
  assert.match(a.event_id, /^[0-9a-f-]{36}$/);
  assert.equal(a.at, '2026-12-02T14:05:00.123Z');
  assert.equal(a.site, 'app.zoom.us');
  assert.equal(a.page_title, undefined);
  assert.match(a.meeting, /^hmac-sha256:[0-9a-f]{64}$/);
  assert.equal(a.meeting, b.meeting, 'the same meeting, the same fingerprint');
  assert.equal(a.meeting, await events.meetingField('https://app.zoom.us/wc/845123456/join', 'hash'), 'the password does not change it');
  assert.notEqual(a.meeting, await events.meetingField('https://app.zoom.us/wc/845123457/join', 'hash'));
  // Not an unsalted hash: hashing the link (the attack that reversed it) does not give it.
  const plain = createHash('sha256').update('https://app.zoom.us/wc/845123456/join').digest('hex');
  assert.ok(!a.meeting.includes(plain));
  assert.equal(await events.meetingField(PAGE, 'url'), 'https://app.zoom.us/wc/845123456/join');
  assert.equal(await events.meetingField(PAGE, 'none'), undefined);
  const c = await events.choiceEvent('stayed', FINDING, { pageUrl: PAGE, pageTitle: 'Weekly sync', meetingMode: 'none', rec: rec('dialog') });
  assert.equal(c.choice, 'stayed');
  assert.equal(c.page_title, 'Weekly sync');
  assert.equal(c.meeting, undefined);
  await assert.rejects(() => events.choiceEvent('shrugged', FINDING, { pageUrl: PAGE }));
  for (const e of [a, b, c]) assert.equal(events.validateEvent(e).ok, true, JSON.stringify(events.validateEvent(e)));
});

test('events keep no quote of chat, captions, participants or an unknown source', async () => {
  const bot = { kind: 'notetaker_bot', vendor: 'otter', bot_name: 'Otter.ai', evidence: { text: 'Dana: my diagnosis came back' }, explanation: { summary: 'A bot joined.' } };
  for (const source of ['chat', 'caption', 'participant', null]) {
    const e = await events.findingShownEvent(bot, { pageUrl: PAGE, meetingMode: 'hash', rec: source ? rec(source, bot) : null });
    assert.equal(e.finding.evidence, undefined, String(source));
    assert.equal(e.finding.bot_name, 'Otter.ai');
    assert.ok(!JSON.stringify(e).includes('diagnosis'));
  }
  // One list, the contract's ("quotable": false), which the native host reads too.
  assert.deepEqual([...events.PEOPLES_WORDS].sort(), ['caption', 'chat', 'participant']);
  assert.deepEqual(events.PEOPLES_WORDS, globalThis.consentlensContract.tables.item_sources.filter((s) => s.quotable === false).map((s) => s.id));
  const dialog = await events.findingShownEvent(FINDING, { pageUrl: PAGE, rec: rec('dialog') });
  assert.equal(dialog.finding.evidence.text, 'This meeting is being recorded');
  assert.equal(dialog.source, 'dialog');
  assert.equal(events.historyFinding({ ...FINDING, extra: 'x' }, 'dialog').extra, undefined, 'only contract fields');
});

test('validateEvent refuses what the host would not store, naming the field', () => {
  const good = { event_id: 'e1', type: 'choice', at: '2026-12-02T14:05:00.000Z', site: 'app.zoom.us', choice: 'accepted', finding: { kind: 'recording', vendor: 'zoom' } };
  assert.equal(events.validateEvent(good).ok, true);
  const bad = [
    [{ ...good, choice: 'hacked' }, /choice/],
    [{ ...good, extra: 1 }, /unknown field "extra"/],
    [{ ...good, at: 'yesterday' }, /\.at/],
    [{ ...good, site: 'https://evil.example/' }, /\.site/],
    [{ ...good, meeting: 'sha256:abc' }, /\.meeting/],
    [{ ...good, meeting: 'https://app.zoom.us/j/1?pwd=x' }, /\.meeting/],
    [{ ...good, finding: { kind: 'mind_reading' } }, /finding\.kind/],
    [{ ...good, source: 'chat', finding: { kind: 'recording', evidence: { text: 'someone said' } } }, /people's words/],
    [{ ...good, finding: { kind: 'recording', evidence: { text: 'no source' } } }, /unknown source/],
    [{ ...good, type: 'finding_shown' }, /choice/],
  ];
  for (const [e, why] of bad) assert.match(events.validateEvent(e, 'x').error, why, JSON.stringify(e));
});

test('a dialog answers the findings whose evidence it holds', () => {
  const entries = [{ id: 'a', finding: FINDING }, { id: 'b', finding: { ...FINDING, evidence: { text: 'AI Companion is on' } } }];
  assert.deepEqual(events.findingsInDialog(entries, 'This  meeting is being RECORDED. By staying you consent. Continue Leave').map((e) => e.id), ['a']);
  assert.deepEqual(events.findingsInDialog(entries, 'Audio settings OK'), []);
});

test('dialog buttons: what each label means, German and French included', () => {
  const ctx = { document: undefined, chrome: {} };
  vm.createContext(ctx);
  ctx.globalThis = ctx;
  for (const file of ['extension/shared/choice-words.js', 'extension/content/choices.js'])
    vm.runInContext(readFileSync(join(ROOT, file), 'utf8'), ctx);
  const { classify } = ctx.consentlensChoices;
  const want = {
    Continue: 'stayed', 'Leave Meeting': 'left', 'I agree': 'accepted', Decline: 'declined', Mute: null,
    'Meeting verlassen': 'left', Fortfahren: 'stayed', Zustimmen: 'accepted', 'Nicht zulassen': 'declined', Ablehnen: 'declined',
    'Quitter la réunion': 'left', Continuer: 'stayed', "J'accepte": 'accepted', Refuser: 'declined',
  };
  for (const [label, choice] of Object.entries(want)) assert.equal(classify(label), choice, label);
});

test('choice and page messages are validated', () => {
  assert.equal(validateContentMessage({ type: 'choice', choice: 'stayed', context: 'This meeting is being recorded' }).ok, true);
  assert.match(validatePageMessage({ type: 'history-request', request: { op: 'log', events: [] } }).error, /not allowed/);
  assert.equal(isOwnPage({ id: 'me', url: 'chrome-extension://me/history/history.html' }, 'me', 'chrome-extension://me/'), true);
});

// --- the delivery queue against the fake host ---------------------------------------------

let n = 0;
const ev = (over = {}) => ({ event_id: `e-${++n}`, type: 'finding_shown', at: new Date().toISOString(), site: 'app.zoom.us', source: 'dialog', finding: { ...FINDING, evidence: { text: `Notice ${n}` } }, ...over });
const stored = () => (existsSync(dbPath) ? JSON.parse(readFileSync(dbPath, 'utf8')).events.map((e) => e.event_id) : []);
const queueIds = async () => (await link.readQueue()).events.map((e) => e.event_id);
// The host goes away (its process exits, the port closes) and the queue is emptied.
async function emptyQueue() {
  fake.installed = false;
  await Promise.all([...children].map((c) => new Promise((resolve) => { c.once('exit', resolve); c.kill(); })));
  await link.clearQueue();
}

test('storage: local storage is for the extension\'s own pages only; the queue is not in it', async () => {
  await link.protectStorage();
  assert.equal(fake.storage.local.accessLevel, 'TRUSTED_CONTEXTS');
  await link.enqueue([ev()]);
  assert.equal(local.has('historyQueue'), false);
  await emptyQueue();
});

test('queue: kept while the host is missing, with the reason', async () => {
  const three = [ev(), ev(), ev()];
  assert.equal(await link.enqueue(three, { tabId: 1 }), 3);
  assert.equal(await link.flushNow(), false);
  assert.deepEqual(await queueIds(), three.map((e) => e.event_id));
  assert.equal(link.currentStatus().state, 'unreachable');
  assert.match(link.currentStatus().error, /not found/);
  assert.equal((await chrome.storage.session.get(link.STATUS_KEY))[link.STATUS_KEY].queued, 3);
});

test('queue: a reply lost after the host stored the batch is resent and stored once', async () => {
  const ids = await queueIds();
  fake.installed = true;
  fake.env = { FAKE_HOST_FAIL_FIRST_LOG: '1' };  // stores, then exits without answering
  assert.equal(await link.flushNow(), false);
  assert.equal((await link.readQueue()).events.length, 3, 'not removed without an ok reply');
  assert.deepEqual(stored(), ids);
  fake.env = {};
  assert.equal(await link.flushNow(), true);
  assert.equal((await link.readQueue()).events.length, 0);
  assert.deepEqual(stored(), ids, 'each event exactly once');
  assert.ok(link.currentStatus().lastConnectedAt, 'the link remembers that the helper answered');
  await emptyQueue();
});

test('queue: the same notice again (a reload, a new event id) is queued once', async () => {
  const first = ev({ meeting: `hmac-sha256:${'a'.repeat(64)}` });
  assert.equal(await link.enqueue([first], { tabId: 2 }), 1);
  for (let i = 0; i < 20; i++) assert.equal(await link.enqueue([{ ...first, event_id: `reload-${i}` }], { tabId: 2 + i }), 0);
  const q = await link.readQueue();
  assert.equal(q.events.length, 1);
  assert.equal(q.repeats, 20);
  // The same answer to the same notice from one tab, too; another answer is kept.
  const c = { ...ev({ type: 'choice', choice: 'stayed' }), finding: first.finding };
  assert.equal(await link.enqueue([c, { ...c, event_id: 'again' }, { ...c, event_id: 'other', choice: 'left' }], { tabId: 2 }), 2);
  await emptyQueue();
});

test('queue: a tab that floods is limited, and cannot push out another tab\'s event', async () => {
  const mine = ev({ site: 'meet.google.com' });
  assert.equal(await link.enqueue([mine], { tabId: 100 }), 1);
  let admitted = 0;
  for (let i = 0; i < 1200; i++) admitted += await link.enqueue([ev()], { tabId: 200 + (i % 5) });
  const q = await link.readQueue();
  assert.ok(admitted <= 5 * link.RATE[0].max, `at most the rate per tab (${admitted})`);
  assert.ok(q.limited >= 1200 - admitted);
  assert.ok(q.events.some((e) => e.event_id === mine.event_id), 'the other tab\'s event is still queued');
  await emptyQueue();
});

test('queue: full, it gives up the oldest events of the tab holding the most', async () => {
  const mine = ev({ site: 'meet.google.com' });
  await link.enqueue([mine], { tabId: 300 });
  // Many tabs' worth, each under the rate, as a long backlog would be.
  for (let t = 0; t < 60; t++) {
    const batch = Array.from({ length: 25 }, () => ev({ site: `s${t}.example` }));
    await link.enqueue(batch, { tabId: 1000 + (t % 4) });
  }
  const q = await link.readQueue();
  assert.equal(q.events.length, link.MAX_QUEUE);
  assert.ok(q.dropped > 0);
  assert.ok(q.events.some((e) => e.event_id === mine.event_id), 'a small tab keeps its event');
  const perTab = new Map();
  for (const e of q.events) perTab.set(q.owners[e.event_id], (perTab.get(q.owners[e.event_id]) || 0) + 1);
  assert.ok(Math.max(...perTab.values()) <= link.TAB_SHARE);
  await emptyQueue();
});

test('queue: malformed events are never queued; events past the retention are not sent', async () => {
  const before = (await link.readQueue()).rejected;
  assert.equal(await link.enqueue([{ ...ev(), choice: 'accepted' }, { event_id: 'x' }], { tabId: 400 }), 0);
  assert.equal((await link.readQueue()).rejected, before + 2);
  fake.installed = true;
  const old = ev({ at: new Date(Date.now() - 400 * 86_400_000).toISOString() });
  const fresh = ev();
  await link.enqueue([old, fresh], { tabId: 401 });
  assert.equal(await link.flushNow(), true);  // the fake host says retention_days 365 in hello
  assert.ok(stored().includes(fresh.event_id));
  assert.ok(!stored().includes(old.event_id));
  assert.ok((await link.readQueue()).expired >= 1);
  await emptyQueue();
});

test('queue: switching the history off empties the queue and queues nothing', async () => {
  await link.enqueue([ev(), ev()], { tabId: 500 });
  assert.equal((await link.readQueue()).events.length, 2);
  await chrome.storage.local.set({ settings: { history: { enabled: false } } });
  await new Promise((r) => setImmediate(r));
  await link.readQueue();  // after the listener's clear
  assert.equal((await link.readQueue()).events.length, 0);
  assert.equal(await link.enqueue([ev()], { tabId: 500 }), 0);
  assert.equal((await link.readQueue()).events.length, 0);
  await chrome.storage.local.set({ settings: { history: { enabled: true } } });
});
