// Node-only checks of the extension's pure modules, from the built extension (its contract and
// site table are generated at build time): message validation, the site table and the
// manifest written from the one sites file, the self-hosted registration.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import vm from 'node:vm';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT, EXTENSION_DIR } from './lib/browser.mjs';

const ext = (p) => import(pathToFileURL(join(EXTENSION_DIR, p)).href);
await ext('shared/contract.js');
await ext('shared/site-table.js');
const { validateContentMessage, validateSender, LIMITS } = await ext('background/validate.js');
const { SITES, siteForHost, normaliseDomain, meetingKey } = await ext('shared/sites.js');
const { registrationFor } = await ext('shared/jitsi-scripts.js');
const sitesFile = JSON.parse(readFileSync(join(ROOT, 'core/contract/sites.json'), 'utf8'));
const builtManifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8'));

test('validateContentMessage accepts a good batch and copies it', () => {
  const msg = { type: 'notices', items: [{ text: 'Recording started', source: 'alert' }] };
  const r = validateContentMessage(msg);
  assert.equal(r.ok, true);
  assert.notEqual(r.value.items[0], msg.items[0]);
  assert.deepEqual(validateContentMessage({ type: 'hello' }), { ok: true, value: { type: 'hello' } });
});

test('validateContentMessage names what is wrong', () => {
  assert.match(validateContentMessage(null).error, /expected an object/);
  assert.match(validateContentMessage([]).error, /expected an object/);
  const total = Array.from({ length: LIMITS.maxItems }, () => ({ text: 'x'.repeat(LIMITS.maxTextChars), source: 'text' }));
  assert.match(validateContentMessage({ type: 'notices', items: total }).error, /characters in all/);
  assert.match(validateContentMessage({ type: 'notices', items: [{ text: '', source: 'text' }] }).error, /items\[0\]\.text/);
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
});

test('the manifest asks for nothing more', () => {
  assert.deepEqual([...builtManifest.permissions].sort(), ['nativeMessaging', 'scripting', 'storage']);
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

test('choices.js refuses to run without its word table', () => {
  const ctx = { document: undefined, chrome: {} };
  vm.createContext(ctx);
  ctx.globalThis = ctx;
  assert.throws(() => vm.runInContext(readFileSync(join(EXTENSION_DIR, 'content/choices.js'), 'utf8'), ctx), /choice-words/);
});
