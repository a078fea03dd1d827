// Node-only checks of the extension's history side: the host error diagnosis, the event
// builders, the dialog-button meanings, the settings defaults, and the delivery queue
// (history-link.js) against tests/e2e/fakes/fake-host.mjs behind a stand-in for
// chrome.runtime.connectNative that speaks the same framing as the browsers. The real host
// is exercised by history.test.mjs.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import vm from 'node:vm';
import { fileURLToPath } from 'node:url';
import { diagnoseHostError } from '../../extension/shared/host-diagnosis.js';
import { normaliseSettings } from '../../extension/shared/settings.js';
import { findingShownEvent, choiceEvent, findingsInDialog, meetingField } from '../../extension/background/history-events.js';
import { validateContentMessage, validatePageMessage, isOwnPage } from '../../extension/background/validate.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const FAKE_HOST = join(ROOT, 'tests/e2e/fakes/fake-host.mjs');

test('diagnosis: each browser error names its cause and the fix', () => {
  const cases = [
    ['Specified native messaging host not found.', 'not_installed'],
    ['No such native application io.consentlens.history', 'not_installed'],
    ['Access to the specified native messaging host is forbidden.', 'forbidden'],
    ['Native host has exited.', 'cannot_start'],
    ['Failed to start native messaging host.', 'cannot_start'],
    ['Something new', 'unknown'],
  ];
  for (const [message, cause] of cases) {
    const d = diagnoseHostError(message, 'oeflbibdpoelgkjhgoegjfclojhdpfap');
    assert.equal(d.cause, cause, message);
    assert.ok(d.commands.includes('build/bin/consentlens-host install'));
    assert.ok(d.commands.some((c) => c.endsWith('consentlens-host doctor')));
    assert.equal(d.message, message);
  }
  assert.match(diagnoseHostError('Access to the specified native messaging host is forbidden.', 'oeflb').detail, /oeflb/);
  assert.equal(diagnoseHostError(null), null);
});

test('settings: history defaults keep no title and only a hash of the meeting', () => {
  assert.deepEqual(normaliseSettings({}).history, { enabled: true, pageTitle: false, meeting: 'hash' });
  assert.deepEqual(normaliseSettings({ history: { pageTitle: true, meeting: 'url' } }).history, { enabled: true, pageTitle: true, meeting: 'url' });
  assert.equal(normaliseSettings({ history: { meeting: 'everything' } }).history.meeting, 'hash');
});

const FINDING = { kind: 'recording', vendor: 'zoom', evidence: { text: 'This meeting is being recorded' }, explanation: { summary: 'Recorded.' } };

test('events: ids, RFC 3339 times, meeting fingerprint without the query, title only when given', async () => {
  const page = 'https://app.zoom.us/wc/845/join?pwd=secret#x';
  const secret = new Uint8Array(32).fill(7);
  const a = await findingShownEvent(FINDING, { pageUrl: page, pageTitle: null, meetingMode: 'hash', meetingSecret: secret }, new Date('2026-12-02T14:05:00.123Z'));
  const b = await findingShownEvent(FINDING, { pageUrl: page, pageTitle: null, meetingMode: 'hash', meetingSecret: secret });
  assert.notEqual(a.event_id, b.event_id);
  assert.match(a.event_id, /^[0-9a-f-]{36}$/);
  assert.equal(a.at, '2026-12-02T14:05:00.123Z');
  assert.equal(a.type, 'finding_shown');
  assert.equal(a.site, 'app.zoom.us');
  assert.equal(a.page_title, undefined);
  assert.equal(a.meeting, await meetingField('https://app.zoom.us/wc/845/join', 'hash', secret), 'the password does not change the fingerprint');
  assert.match(a.meeting, /^hmac-sha256:[0-9a-f]{64}$/);
  // Keyed: the bare SHA-256 of the link (what a guesser would try) is not it, another
  // install's secret gives another fingerprint, and without a secret nothing is written.
  const bare = createHash('sha256').update('https://app.zoom.us/wc/845/join').digest('hex');
  assert.notEqual(a.meeting.split(':')[1], bare);
  assert.notEqual(await meetingField(page, 'hash', new Uint8Array(32).fill(8)), a.meeting);
  await assert.rejects(() => meetingField(page, 'hash'), /secret/);
  assert.equal(await meetingField(page, 'url'), 'https://app.zoom.us/wc/845/join');
  assert.equal(await meetingField(page, 'none'), undefined);
  const c = await choiceEvent('stayed', FINDING, { pageUrl: page, pageTitle: 'Weekly sync', meetingMode: 'none' });
  assert.equal(c.choice, 'stayed');
  assert.equal(c.page_title, 'Weekly sync');
  assert.equal(c.meeting, undefined);
  await assert.rejects(() => choiceEvent('shrugged', FINDING, { pageUrl: page }));
});

test('a dialog answers the findings whose evidence it holds', () => {
  const entries = [{ id: 'a', finding: FINDING }, { id: 'b', finding: { ...FINDING, evidence: { text: 'AI Companion is on' } } }];
  assert.deepEqual(findingsInDialog(entries, 'This  meeting is being RECORDED. By staying you consent. Continue Leave').map((e) => e.id), ['a']);
  assert.deepEqual(findingsInDialog(entries, 'Audio settings OK'), []);
});

test('dialog buttons: what each label means', () => {
  const ctx = { document: undefined, chrome: {} };
  vm.createContext(ctx);
  ctx.globalThis = ctx;
  // As the manifest loads them: the words, then the script that reads them.
  for (const file of ['extension/shared/choice-words.js', 'extension/content/choices.js'])
    vm.runInContext(readFileSync(join(ROOT, file), 'utf8'), ctx);
  const { classify } = ctx.consentlensChoices;
  const want = {
    Continue: 'stayed', 'Got it': 'stayed', Stay: 'stayed', OK: 'stayed',
    'Leave Meeting': 'left', Leave: 'left',
    'I agree': 'accepted', Accept: 'accepted', Allow: 'accepted',
    Decline: 'declined', Cancel: 'declined', Disagree: 'declined', "Don't allow": 'declined', 'Don’t allow': 'declined',
    'No, thanks': 'declined',
    Mute: null, 'Start Video': null, 'Okapi': null, 'Stayed': null,
    // The meeting clients' own languages (labels as the clients write them).
    'Meeting verlassen': 'left', Fortfahren: 'stayed', Zustimmen: 'accepted', 'Nicht zulassen': 'declined', Zulassen: 'accepted',
    'Quitter la réunion': 'left', Continuer: 'stayed', "J'accepte": 'accepted', Refuser: 'declined',
    'Salir de la reunión': 'left', Aceptar: 'accepted', Rechazar: 'declined', 'No permitir': 'declined',
    'Sair da reunião': 'left', 'Esci dalla riunione': 'left', Accetta: 'accepted', 'Vergadering verlaten': 'left',
    'Opuść spotkanie': 'left', 'Zgadzam się': 'accepted', 'Odrzuć': 'declined', 'Toplantıdan ayrıl': 'left',
    'Выйти из конференции': 'left', 'Продолжить': 'stayed', 'Принять': 'accepted', 'Отклонить': 'declined',
    'ミーティングを退出': 'left', '同意する': 'accepted', '同意しない': 'declined', '続行': 'stayed',
    '离开会议': 'left', '同意': 'accepted', '不同意': 'declined', '继续': 'stayed',
    '회의 나가기': 'left', '동의': 'accepted', '동의하지 않음': 'declined', '계속': 'stayed',
    'Stummschalten': null, 'Activer la vidéo': null, 'ビデオの開始': null,
  };
  for (const [label, choice] of Object.entries(want)) assert.equal(classify(label), choice, label);
});

test('choice and page messages are validated', () => {
  assert.equal(validateContentMessage({ type: 'choice', choice: 'dismissed', ids: ['0123abcd'] }).ok, true);
  assert.equal(validateContentMessage({ type: 'choice', choice: 'stayed', context: 'This meeting is being recorded' }).ok, true);
  assert.match(validateContentMessage({ type: 'choice', choice: 'dismissed', ids: ['<b>'] }).error, /finding id/);
  assert.match(validateContentMessage({ type: 'choice', choice: 'stayed', ids: ['0123abcd'] }).error, /unexpected field/);
  assert.match(validateContentMessage({ type: 'choice', choice: 'stayed', context: 'x'.repeat(4001) }).error, /longer than/);
  assert.match(validateContentMessage({ type: 'choice', choice: 'hacked', ids: [] }).error, /unknown choice/);
  assert.equal(validatePageMessage({ type: 'history-request', request: { op: 'query', kind: 'recording' } }).ok, true);
  assert.match(validatePageMessage({ type: 'history-request', request: { op: 'log', events: [] } }).error, /not allowed/);
  assert.equal(isOwnPage({ id: 'me', url: 'chrome-extension://me/history/history.html' }, 'me', 'chrome-extension://me/'), true);
  assert.equal(isOwnPage({ id: 'me', url: 'https://app.zoom.us/', tab: { id: 1 } }, 'me', 'chrome-extension://me/'), false);
});

// --- the delivery queue against the fake host -------------------------------------------

// A stand-in for the extension APIs history-link.js uses. connectNative starts the fake host
// with the browsers' framing, or, when `installed` is false, reports what Chromium reports.
const dir = mkdtempSync(join(tmpdir(), 'consentlens-link-'));
const dbPath = join(dir, 'fake.json');
const children = new Set();
const local = new Map();
const fake = {
  installed: false,
  env: {},
  runtime: {
    lastError: undefined,
    connectNative() {
      const msgL = []; const discL = [];
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
      let child = null;
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
      async set(o) { for (const [k, v] of Object.entries(o)) local.set(k, structuredClone(v)); },
    },
    session: { async set() {} },
  },
};
globalThis.chrome = fake;
// Retry and idle timers must not keep node running after the tests.
const realSetTimeout = globalThis.setTimeout;
globalThis.setTimeout = (fn, ms) => realSetTimeout(fn, ms).unref();
const link = await import('../../extension/background/history-link.js');

after(() => {
  for (const c of children) c.kill();
  rmSync(dir, { recursive: true, force: true });
});

const ev = (i) => ({ event_id: `e-${i}`, type: 'finding_shown', at: '2026-12-02T14:05:00Z', site: 'app.zoom.us', finding: FINDING });
const stored = () => (existsSync(dbPath) ? JSON.parse(readFileSync(dbPath, 'utf8')).events.map((e) => e.event_id) : []);

test('queue: kept while the host is missing, with the reason', async () => {
  await link.enqueue([ev(1), ev(2), ev(3)]);
  assert.equal(await link.flushNow(), false);
  assert.deepEqual((await link.readQueue()).events.map((e) => e.event_id), ['e-1', 'e-2', 'e-3']);
  assert.equal(link.currentStatus().state, 'unreachable');
  assert.match(link.currentStatus().error, /not found/);
});

test('queue: a reply lost after the host stored the batch is resent and stored once', async () => {
  fake.installed = true;
  fake.env = { FAKE_HOST_FAIL_FIRST_LOG: '1' };  // stores, then exits without answering
  assert.equal(await link.flushNow(), false);
  assert.equal((await link.readQueue()).events.length, 3, 'not removed without an ok reply');
  assert.deepEqual(stored(), ['e-1', 'e-2', 'e-3']);
  fake.env = {};
  assert.equal(await link.flushNow(), true);
  assert.equal((await link.readQueue()).events.length, 0);
  assert.deepEqual(stored(), ['e-1', 'e-2', 'e-3'], 'each event exactly once');
  const reply = await link.request({ op: 'query' });
  assert.equal(reply.ok, true);
  assert.equal(reply.total, 3);
});

test('queue: bounded, the oldest dropped and counted', async () => {
  fake.installed = false;
  const many = Array.from({ length: link.MAX_QUEUE + 7 }, (_, i) => ev(100 + i));
  await link.enqueue(many);
  const q = await link.readQueue();
  assert.equal(q.events.length, link.MAX_QUEUE);
  assert.equal(q.dropped, 7);
  assert.equal(q.events[0].event_id, 'e-107');
  await link.flush();
});
