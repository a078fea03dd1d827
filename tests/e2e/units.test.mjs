// Node-only checks of the extension's pure modules, from the built extension (its contract and
// site table are generated at build time): message validation, the site table and the
// manifest written from the one sites file, the self-hosted registration, the card's and the
// popup's shared lines, source ranking and report redaction.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import vm from 'node:vm';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT, EXTENSION_DIR } from './lib/browser.mjs';
import { makeLimiter } from '../../extension/background/rate-limit.js';

const ext = (p) => import(pathToFileURL(join(EXTENSION_DIR, p)).href);
await ext('shared/contract.js');
await ext('shared/site-table.js');
await ext('shared/labels.js');
await ext('shared/dom.js');
const { validateContentMessage, validateSender, validatePageMessage, LIMITS, sources } = await ext('background/validate.js');
const { SITES, siteForHost, normaliseDomain, meetingKey } = await ext('shared/sites.js');
const { registrationFor } = await ext('shared/jitsi-scripts.js');
const { rankSources, redact, dateWords } = await ext('shared/finding-view.js');
const { youStatus } = await ext('shared/flow-diagram.js');
const { cardView, byNow } = await ext('background/tab-store.js');
const L = globalThis.consentlensLabels;
const C = globalThis.consentlensContract;
const sitesFile = JSON.parse(readFileSync(join(ROOT, 'core/contract/sites.json'), 'utf8'));
const builtManifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8'));

test('validateContentMessage accepts a good batch and copies it', () => {
  const msg = { type: 'notices', items: [{ text: 'Recording started', source: 'alert' }] };
  const r = validateContentMessage(msg);
  assert.equal(r.ok, true);
  assert.notEqual(r.value.items[0], msg.items[0]);
  assert.deepEqual(validateContentMessage({ type: 'hello' }), { ok: true, value: { type: 'hello' } });
  assert.deepEqual(validateContentMessage({ type: 'navigated', url: 'https://meet.google.com/x' }), { ok: true, value: { type: 'navigated', url: 'https://meet.google.com/x' } });
  assert.equal(validateContentMessage({ type: 'navigated' }).ok, false);
  assert.equal(validateContentMessage({ type: 'notices', items: [{ text: 'Recording', source: 'alert' }], gen: 'x' }).ok, false);
  assert.deepEqual(validateContentMessage({ type: 'choice', choice: 'dismissed', ids: ['0a1b2c3d', '0a1b2c3d'] }),
    { ok: true, value: { type: 'choice', choice: 'dismissed', ids: ['0a1b2c3d'] } });
  assert.deepEqual(validateContentMessage({ type: 'card', action: 'mute', ids: [] }),
    { ok: true, value: { type: 'card', action: 'mute', ids: [] } });
});

test('sources are the contract\'s, control and caption among them', () => {
  assert.deepEqual(sources(), C.ids('item_sources'));
  for (const s of ['control', 'caption', 'chat']) assert.ok(sources().includes(s));
  assert.equal(validateContentMessage({ type: 'notices', items: [{ text: 'Start recording', source: 'control' }] }).ok, true);
});

test('validateContentMessage names what is wrong', () => {
  assert.match(validateContentMessage(null).error, /expected an object/);
  assert.match(validateContentMessage([]).error, /expected an object/);
  const total = Array.from({ length: LIMITS.maxItems }, () => ({ text: 'x'.repeat(LIMITS.maxTextChars), source: 'text' }));
  assert.match(validateContentMessage({ type: 'notices', items: total }).error, /characters in all/);
  assert.match(validateContentMessage({ type: 'notices', items: [{ text: '', source: 'text' }] }).error, /items\[0\]\.text/);
  assert.match(validateContentMessage({ type: 'card', action: 'accept', ids: [] }).error, /unknown action/);
  assert.match(validateContentMessage({ type: 'choice', choice: 'dismissed', ids: ['<b>'] }).error, /not a finding id/);
  assert.match(validateContentMessage({ type: 'choice', choice: 'dismissed', ids: [] }).error, /1-50 finding ids/);
  assert.match(validatePageMessage({ type: 'tab-action', tabId: 3, action: 'delete' }).error, /unknown action/);
  assert.equal(validatePageMessage({ type: 'tab-action', tabId: 3, action: 'mute' }).ok, true);
});

test('validateSender wants our own content script in an https tab', () => {
  const ok = validateSender({ id: 'me', tab: { id: 3 }, frameId: 0, url: 'https://meet.jit.si/x' }, 'me');
  assert.deepEqual(ok, { ok: true, tabId: 3, frameId: 0, url: 'https://meet.jit.si/x', host: 'meet.jit.si' });
  assert.equal(validateSender({ id: 'other', tab: { id: 3 }, url: 'https://meet.jit.si/' }, 'me').ok, false);
  assert.equal(validateSender({ id: 'me', url: 'https://meet.jit.si/' }, 'me').ok, false);
  assert.equal(validateSender({ id: 'me', tab: { id: 1 }, url: 'http://meet.jit.si/' }, 'me').ok, false);
  const blank = validateSender({ id: 'me', tab: { id: 1 }, frameId: 4, url: 'about:blank', origin: 'https://whereby.com' }, 'me');
  assert.equal(blank.host, 'whereby.com');
});

test('site table: hosts, vendors, self-hosted Jitsi, meetings', () => {
  assert.equal(siteForHost('us05web.zoom.us').vendor, 'zoom');
  assert.equal(siteForHost('acme.webex.com').id, 'webex');
  assert.equal(siteForHost('evilwebex.com'), null);
  assert.equal(siteForHost('meet.example.org'), null);
  assert.equal(siteForHost('meet.example.org', ['meet.example.org']).id, 'jitsi');
  assert.equal(normaliseDomain(' Meet.Example.org. '), 'meet.example.org');
  for (const bad of ['https://x.org', 'x', 'a..b', 'x.org/path', 'x.org:8443', '-a.org']) assert.equal(normaliseDomain(bad), null, bad);
  // The same meeting whatever its query, fragment or sub-page; another meeting, or none, differs.
  assert.equal(meetingKey('zoom', 'https://app.zoom.us/wc/845123/join?pwd=x'), meetingKey('zoom', 'https://app.zoom.us/wc/845123/start#a'));
  assert.notEqual(meetingKey('zoom', 'https://app.zoom.us/wc/845123/join'), meetingKey('zoom', 'https://app.zoom.us/wc/999999/join'));
  assert.equal(meetingKey('google_meet', 'https://meet.google.com/abc-defg-hij?authuser=0'), 'https://meet.google.com/abc-defg-hij');
  assert.notEqual(meetingKey('google_meet', 'https://meet.google.com/abc-defg-hij'), meetingKey('google_meet', 'https://meet.google.com/landing'));
});

test('one sites file: the built manifest matches and the site table come from it', () => {
  const matches = sitesFile.sites.flatMap((s) => s.matches);
  assert.deepEqual(builtManifest.content_scripts[0].matches, matches);
  assert.deepEqual(SITES.map((s) => s.id), sitesFile.sites.map((s) => s.id));
  for (const site of SITES) for (const m of site.matches) assert.ok(site.hosts.includes(new URL(m.replace('*.', 'wildcard.')).hostname.replace('wildcard.', '*.')));
  const source = JSON.parse(readFileSync(join(ROOT, 'extension/manifest.json'), 'utf8'));
  assert.deepEqual(source.content_scripts[0].matches, [], 'the source manifest lists no hosts: the build writes them');
  assert.deepEqual(globalThis.consentlensSites.text.attributes, sitesFile.text.attributes);
  for (const r of sitesFile.text.regions) assert.ok(C.entry('item_sources', r.source), r.source);
});

test('the manifest asks for nothing more', () => {
  // offscreen: the engine's document in Chromium (docs/permissions.md); Firefox ignores it.
  assert.deepEqual([...builtManifest.permissions].sort(), ['nativeMessaging', 'offscreen', 'scripting', 'storage']);
  assert.equal(builtManifest.host_permissions, undefined, 'no host permission beyond the content scripts');
  assert.equal(builtManifest.content_security_policy.extension_pages, "script-src 'self' 'wasm-unsafe-eval'; object-src 'self'");
});

test('self-hosted Jitsi registers exactly the manifest\'s content scripts', () => {
  const reg = registrationFor(['meet.example.org'], builtManifest);
  assert.deepEqual(reg.js, builtManifest.content_scripts[0].js);
  assert.ok(reg.js.includes('shared/choice-words.js'));
  assert.deepEqual(reg.matches, ['https://meet.example.org/*']);
  assert.equal(reg.runAt, builtManifest.content_scripts[0].run_at);
  assert.equal(reg.allFrames, true);
});

test('self-hosted Jitsi: Firefox\'s full moz-extension:// script URLs are registered from the root', () => {
  const base = 'moz-extension://2f6b0c1e-6a51-4c55-9d59-2c7e4e0a51c3/';
  const asFirefox = { ...builtManifest, content_scripts: [{ ...builtManifest.content_scripts[0], js: builtManifest.content_scripts[0].js.map((f) => base + f) }] };
  assert.deepEqual(registrationFor(['meet.example.org'], asFirefox).js, builtManifest.content_scripts[0].js.map((f) => `/${f}`));
});

test('choices.js refuses to run without its word table', () => {
  const ctx = { document: undefined, chrome: {} };
  vm.createContext(ctx);
  ctx.globalThis = ctx;
  assert.throws(() => vm.runInContext(readFileSync(join(EXTENSION_DIR, 'content/choices.js'), 'utf8'), ctx), /choice-words/);
});

const zoomRecording = {
  kind: 'recording', state: 'active', vendor: 'zoom', consent_by: ['host', 'each_participant'], your_choices: ['stay_means_consent', 'leave'],
  data: ['audio'], destinations: ['vendor_cloud'], training: 'no', evidence: { text: 'This meeting is being recorded' }, explanation: { summary: 'This meeting is being recorded.' },
};
const otterBot = {
  kind: 'notetaker_bot', state: 'active', vendor: 'otter', consent_by: ['participant'], your_choices: ['leave', 'ask_host'],
  data: ['audio'], destinations: ['notetaker_vendor'], training: 'unknown', evidence: { text: "Dana's OtterPilot" }, explanation: {},
};

test('the card\'s two lines: who agreed with "staying counts as yes", then the real options', () => {
  assert.equal(L.partsText(L.whoParts(zoomRecording)), 'Agreed: the host, each person · Staying counts as yes');
  assert.equal(L.partsText(L.optionParts(zoomRecording)), 'You can: Leave');
  assert.equal(L.partsText(L.whoParts(otterBot)), 'Agreed: a participant');
  assert.equal(L.partsText(L.optionParts(otterBot)), 'You can: Leave, Ask the host');
  assert.equal(L.partsText(L.whoParts({ consent_by: ['unknown'] })), 'Agreed: not known');
  for (const p of [...L.whoParts(zoomRecording), ...L.optionParts(otterBot)]) {
    if (p.list) assert.equal(p.text, C.label(p.list, p.id), 'every value shown is the contract\'s label');
  }
});

test('the diagram says "staying counts as yes" only when the finding does', () => {
  assert.equal(youStatus(zoomRecording), 'stay');
  assert.equal(youStatus(otterBot), 'not_asked', 'a participant who brought a bot is not you');
  assert.equal(youStatus({ consent_by: ['each_participant'], your_choices: ['accept', 'decline'] }), 'asked');
});

test('sources: the vendor\'s own pages first, each date said for what it is', () => {
  const ranked = rankSources([
    { url: 'https://github.com/OpenTermsArchive/contrib-versions/blob/x/Zoom/Terms.md', date: '2023-08-11', title: 'copy' },
    { url: 'https://support.zoom.com/hc/de/article?id=1', checked: '2026-11-23', title: 'German help' },
    { url: 'https://support.zoom.com/hc/en/article?id=2', checked: '2026-11-23', title: 'English help' },
    { url: 'not a url', title: 'book' },
  ], 'zoom');
  assert.deepEqual(ranked.map((r) => r.s.title), ['English help', 'German help', 'copy', 'book']);
  assert.equal(dateWords({ date: '2023-08-11', checked: '2026-11-23' }), 'fact dated 2023-08-11; page checked 2026-11-23');
  assert.equal(dateWords({}), 'no date given');
});

test('the report keeps no e-mail, link token or long number', () => {
  const r = redact('Mail dana@example.org, join https://app.zoom.us/j/845123456?pwd=secret or call +1 (415) 555-0100');
  assert.doesNotMatch(r, /dana@|secret|555-0100|845123456\?/);
  assert.match(r, /\[e-mail\]/);
});

test('the card view: on now, not dismissed, active first; nothing when muted', () => {
  const e = (id, state, on, since) => ({ id, state, on, since, finding: { kind: id } });
  const rec = { entries: [e('a', 'possible', true, '1'), e('b', 'active', true, '2'), e('c', 'stopped', false, '3'), e('d', 'active', true, '4')] };
  assert.deepEqual(byNow(rec.entries.filter((x) => x.on)).map((x) => x.id), ['d', 'b', 'a']);
  assert.deepEqual(cardView(rec, { dismissed: ['d'], muted: false }).entries.map((x) => x.id), ['b', 'a']);
  assert.deepEqual(cardView(rec, { dismissed: [], muted: true }).entries, []);
});

test('history events per tab: a burst, then the refill rate; another tab keeps its own', () => {
  let t = 0;
  const limit = makeLimiter({ burst: 40, perMinute: 20, now: () => t });
  const take = (key, n) => Array.from({ length: n }, () => limit.allow(key)).filter(Boolean).length;
  assert.equal(take('1|app.zoom.us', 100), 40, 'a page flooding its meeting gets the burst only');
  assert.equal(take('2|meet.google.com', 5), 5, 'another tab is not held back');
  t += 60000;
  assert.equal(take('1|app.zoom.us', 100), 20, 'then 20 a minute');
  assert.equal(limit.refused(), 140);
  t += 3600000;
  assert.equal(take('1|app.zoom.us', 100), 40, 'never more than the burst after a quiet hour');
});

test('the engine document relays only the background\'s requests to its worker', async () => {
  // offscreen/engine.js with the two things it touches faked: chrome.runtime (it registers one
  // listener) and Worker (it posts what it relays).
  const posted = [];
  let listener = null;
  const runtime = {
    id: 'ext-id',
    getURL: (p) => `chrome-extension://ext-id/${p}`,
    onMessage: { addListener: (f) => { listener = f; } },
  };
  class FakeWorker {
    constructor(url, options) { this.url = String(url); this.options = options; FakeWorker.made = this; }
    postMessage(m) { posted.push(m); }
  }
  const saved = { chrome: globalThis.chrome, Worker: globalThis.Worker };
  globalThis.chrome = { runtime };
  globalThis.Worker = FakeWorker;
  try {
    await import(`${pathToFileURL(join(EXTENSION_DIR, 'offscreen/engine.js')).href}?relay`);
    relayChecks();
  } finally {
    globalThis.chrome = saved.chrome;
    globalThis.Worker = saved.Worker;
  }
  function relayChecks() {
    assert.equal(typeof listener, 'function');
    const ask = { to: 'consentlens-engine', op: 'analyze', text: 'This meeting is being recorded', context: {} };
    const background = { id: 'ext-id', url: 'chrome-extension://ext-id/background.js' };
    const send = (message, sender) => {
      const out = { kept: false, answered: null };
      out.kept = listener(message, sender, (reply) => { out.answered = reply; });
      return out;
    };
    // A content script (its sender has a tab), another extension page, another extension, and a
    // message for the background: none reaches the worker, none is answered here.
    for (const sender of [
      { ...background, tab: { id: 3 }, url: 'https://app.zoom.us/wc/1/join' },
      { id: 'ext-id', url: 'chrome-extension://ext-id/options/options.html' },
      { id: 'other-ext', url: 'chrome-extension://other-ext/background.js' },
    ]) assert.deepEqual(send(ask, sender), { kept: false, answered: null }, JSON.stringify(sender));
    assert.deepEqual(send({ type: 'notices', items: [] }, background), { kept: false, answered: null });
    assert.equal(posted.length, 0);
    // The background: relayed, and answered when the worker replies.
    const r = send(ask, background);
    assert.equal(r.kept, true);
    assert.deepEqual(posted, [{ id: 1, op: 'analyze', text: ask.text, context: {} }]);
    assert.equal(FakeWorker.made.options.type, 'module');
    FakeWorker.made.onmessage({ data: { id: 1, reply: { findings: [] } } });
    assert.deepEqual(r.answered, { findings: [] });
    // An unknown request is refused with a reason, not relayed.
    const odd = send({ to: 'consentlens-engine', op: 'evaluate' }, background);
    assert.equal(odd.kept, false);
    assert.match(odd.answered.error, /unknown request/);
    assert.equal(posted.length, 1);
  }
});

test('the engine document: opened when no engine answers, closed with the last meeting, not reopened by a late request', async () => {
  // background/engine-host.js with chrome faked: a document that answers only while open.
  const calls = [];
  const published = [];
  let open = false;
  const fake = {
    runtime: {
      getURL: (p) => `chrome-extension://ext-id/${p}`,
      getContexts: async () => (open ? [{ documentUrl: 'chrome-extension://ext-id/offscreen/engine.html' }] : []),
      sendMessage: async (m) => {
        calls.push(m.op);
        if (!open) throw new Error('Could not establish connection. Receiving end does not exist.');
        return m.op === 'state' ? { state: 'ready', version: 'test', engineMs: 42 } : { findings: [{ kind: 'recording' }] };
      },
    },
    offscreen: {
      createDocument: async (o) => { calls.push(`create ${o.url} ${o.reasons.join(',')}`); open = true; },
      closeDocument: async () => { calls.push('close'); open = false; },
    },
    storage: { session: { set: async (v) => { published.push(v.engine); } } },
  };
  const saved = globalThis.chrome;
  globalThis.chrome = fake;
  try {
    const host = await import(`${pathToFileURL(join(EXTENSION_DIR, 'background/engine-host.js')).href}?lifecycle`);
    // The first notice: no document answers, so one is opened with its reason, then asked.
    assert.deepEqual(await host.analyze('This meeting is being recorded', {}), [{ kind: 'recording' }]);
    assert.deepEqual(calls, ['analyze', 'create offscreen/engine.html WORKERS', 'analyze', 'state']);
    assert.equal(published.at(-1).host, 'offscreen');
    assert.equal(published.at(-1).engineMs, 42);
    // The next one goes straight to the open document.
    calls.length = 0;
    await host.analyze('Recording stopped', {});
    assert.deepEqual(calls, ['analyze']);
    // The last meeting tab closed: the document closes, and a late notice does not open it again
    // (the engine in the background answers that one: here the real one, loaded from the build).
    calls.length = 0;
    await host.restEngine();
    assert.deepEqual(calls, ['close']);
    const late = await host.analyze('This meeting is being recorded', {});
    assert.ok(Array.isArray(late));
    assert.equal(late[0]?.kind, 'recording', 'the background engine analysed it');
    assert.ok(!calls.some((c) => c.startsWith('create')), calls.join(' | '));
    assert.equal(open, false);
    // A new meeting page: the document opens again.
    calls.length = 0;
    await host.warmEngine();
    assert.deepEqual(calls, ['state', 'create offscreen/engine.html WORKERS', 'state']);
  } finally {
    globalThis.chrome = saved;
  }
});
