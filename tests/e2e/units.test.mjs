// Node-only checks of the extension's pure modules: message validation and the site table,
// which must agree with the manifest's content script patterns.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateContentMessage, validateSender, LIMITS } from '../../extension/background/validate.js';
import { SITES, siteForHost, normaliseDomain } from '../../extension/shared/sites.js';
import { ROOT } from './lib/browser.mjs';

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

test('site table: hosts, vendors, self-hosted Jitsi', () => {
  assert.equal(siteForHost('us05web.zoom.us').vendor, 'zoom');
  assert.equal(siteForHost('acme.webex.com').id, 'webex');
  assert.equal(siteForHost('evilwebex.com'), null);
  assert.equal(siteForHost('meet.example.org'), null);
  assert.equal(siteForHost('meet.example.org', ['meet.example.org']).id, 'jitsi');
  assert.equal(normaliseDomain(' Meet.Example.org. '), 'meet.example.org');
  for (const bad of ['https://x.org', 'x', 'a..b', 'x.org/path', 'x.org:8443', '-a.org']) assert.equal(normaliseDomain(bad), null, bad);
});

test('manifest content script patterns cover exactly the site table', () => {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'extension/manifest.json'), 'utf8'));
  const hosts = new Set(manifest.content_scripts[0].matches.map((m) => new URL(m.replace('*.', 'wildcard.')).hostname.replace('wildcard.', '*.')));
  const table = new Set(SITES.flatMap((s) => s.hosts));
  assert.deepEqual([...hosts].sort(), [...table].sort());
  assert.deepEqual(manifest.permissions.sort(), ['nativeMessaging', 'scripting', 'storage']);
  assert.equal(manifest.host_permissions, undefined, 'no host permission beyond the content scripts');
  assert.equal(manifest.content_security_policy.extension_pages, "script-src 'self' 'wasm-unsafe-eval'; object-src 'self'");
});
