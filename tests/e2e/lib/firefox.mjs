// Starts Debian's Firefox ESR headless with a fresh profile and drives it through WebDriver
// BiDi, the remote protocol built into Firefox (no driver, no download): the built extension
// is installed unchanged as a temporary add-on (webExtension.install), the meeting host names
// resolve to the local fixture server (network.dns.localDomains), every other host goes to a
// dead proxy, and the fixture server's throw-away certificate is accepted for the session.
// Node 20 has WebSocket behind --experimental-websocket (scripts/test-e2e.sh passes it).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXTENSION_DIR, ARTIFACTS } from './browser.mjs';
import { MEETING_HOSTS } from './hosts.mjs';

export const FIREFOX = process.env.FIREFOX || '/usr/bin/firefox-esr';

// Why the Firefox tests cannot run here, or null when they can.
export function firefoxMissing() {
  if (!existsSync(FIREFOX)) return `no Firefox at ${FIREFOX} (Debian's firefox-esr; FIREFOX=path to use another)`;
  if (typeof WebSocket !== 'function') return 'this node has no WebSocket: run it with --experimental-websocket';
  return null;
}

// The add-on ID comes from the manifest; its moz-extension:// host is a random UUID per
// profile unless the profile fixes it, which this one does so tests can open its pages.
const EXTENSION_UUID = '2f6b0c1e-6a51-4c55-9d59-2c7e4e0a51c3';

function profilePrefs(addonId, extra = {}) {
  const prefs = {
    'network.dns.localDomains': MEETING_HOSTS.join(','),
    // Anything else goes to a proxy that is not there: the tests never reach the internet.
    'network.proxy.type': 1,
    'network.proxy.http': '127.0.0.1',
    'network.proxy.http_port': 9,
    'network.proxy.ssl': '127.0.0.1',
    'network.proxy.ssl_port': 9,
    'network.proxy.no_proxies_on': MEETING_HOSTS.join(','),
    'extensions.webextensions.uuids': JSON.stringify({ [addonId]: EXTENSION_UUID }),
    // permissions.request() is granted without a prompt (there is nobody to click it): the
    // self-hosted Jitsi test adds a server as a person would, through the options page.
    'extensions.webextOptionalPermissionPrompts': false,
    ...extra,
  };
  return Object.entries(prefs).map(([k, v]) => `user_pref(${JSON.stringify(k)}, ${JSON.stringify(v)});`).join('\n');
}

// A minimal WebDriver BiDi client: commands are answered by id (the tests subscribe to no
// events). A command unanswered after timeoutMs fails: node:test has no timeout of its own,
// so a stuck browser would otherwise hang the suite.
function bidiClient(ws, timeoutMs) {
  let nextId = 0;
  const pending = new Map();
  ws.onmessage = (m) => {
    const msg = JSON.parse(m.data);
    if (msg.id !== undefined && pending.has(msg.id)) {
      const { resolve, reject, method, timer } = pending.get(msg.id);
      pending.delete(msg.id);
      clearTimeout(timer);
      if (msg.type === 'error') reject(new Error(`${method}: ${msg.error}: ${msg.message}`));
      else resolve(msg.result);
    }
  };
  ws.onclose = () => {
    for (const { reject, method, timer } of pending.values()) {
      clearTimeout(timer);
      reject(new Error(`${method}: Firefox closed the connection`));
    }
    pending.clear();
  };
  return {
    send(method, params = {}) {
      return new Promise((resolve, reject) => {
        const id = ++nextId;
        const timer = setTimeout(() => {
          pending.delete(id);
          reject(new Error(`${method}: no answer from Firefox in ${timeoutMs} ms`));
        }, timeoutMs);
        pending.set(id, { resolve, reject, method, timer });
        try {
          ws.send(JSON.stringify({ id, method, params }));
        } catch (err) {
          pending.delete(id);
          clearTimeout(timer);
          reject(err);
        }
      });
    },
  };
}

// Plain data as a BiDi local value (the arguments of a function run in a page).
function local(v) {
  if (v === null || v === undefined) return { type: v === null ? 'null' : 'undefined' };
  if (typeof v === 'string') return { type: 'string', value: v };
  if (typeof v === 'number') return { type: 'number', value: v };
  if (typeof v === 'boolean') return { type: 'boolean', value: v };
  if (Array.isArray(v)) return { type: 'array', value: v.map(local) };
  return { type: 'object', value: Object.entries(v).map(([k, val]) => [k, local(val)]) };
}

// Turns a BiDi remote value into plain JSON-like data (what the tests compare).
function plain(v) {
  switch (v?.type) {
    case 'undefined': case 'null': return null;
    case 'string': case 'boolean': return v.value;
    case 'number': return typeof v.value === 'number' ? v.value : Number(v.value);
    case 'array': return v.value.map(plain);
    case 'object': return Object.fromEntries(v.value.map(([k, val]) => [typeof k === 'string' ? k : plain(k), plain(val)]));
    default: throw new Error(`unexpected value from Firefox: ${JSON.stringify(v).slice(0, 200)}`);
  }
}

// Stops Firefox (politely, then by force if it has not gone after graceMs) and removes its
// profile. Safe to call twice, and on a Firefox that has already died.
async function stopFirefox(child, profile, graceMs = 10000) {
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill();
    const force = setTimeout(() => child.kill('SIGKILL'), graceMs);
    await exited;
    clearTimeout(force);
  }
  rmSync(profile, { recursive: true, force: true });
}

// commandTimeoutMs bounds every BiDi command, so it must exceed the longest wait a test runs
// in the page.
// prefs: more preferences for the profile (the bench shortens the background's idle timeout).
export async function launchFirefox({ startTimeoutMs = 30000, commandTimeoutMs = 120000, prefs = {} } = {}) {
  const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8'));
  const addonId = manifest.browser_specific_settings.gecko.id;
  mkdirSync(ARTIFACTS, { recursive: true });
  const profile = mkdtempSync(join(tmpdir(), 'consentlens-firefox-'));
  writeFileSync(join(profile, 'user.js'), profilePrefs(addonId, prefs));
  // --remote-allow-system-access: WebDriver may then open the extension's own moz-extension://
  // pages (the popup, and the options page that reads the extension's storage for the tests).
  const child = spawn(FIREFOX, ['--headless', '--no-remote', '--profile', profile, '--remote-debugging-port', '0', '--remote-allow-system-access'],
    // HOME is the profile folder too: Firefox finds native messaging hosts under
    // ~/.mozilla/native-messaging-hosts, and a test must not reach (or write into) the history
    // host the machine's user installed.
    { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, HOME: profile, MOZ_CRASHREPORTER_DISABLE: '1' } });
  let ws = null;
  let bidi;
  let session;
  let installed;
  try {
    let stderr = '';
    const endpoint = await new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`Firefox did not open its remote port in ${startTimeoutMs} ms: ${stderr.slice(-2000)}`)), startTimeoutMs);
      child.stderr.on('data', (d) => {
        stderr += d;
        const m = stderr.match(/WebDriver BiDi listening on (ws:\/\/\S+)/);
        if (m) { clearTimeout(timer); resolve(m[1]); }
      });
      child.on('error', (err) => { clearTimeout(timer); reject(new Error(`cannot start ${FIREFOX}: ${err.message}`)); });
      child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`Firefox exited (${code}) before it was ready: ${stderr.slice(-2000)}`)); });
    });
    ws = new WebSocket(`${endpoint}/session`);
    await new Promise((resolve, reject) => { ws.onopen = resolve; ws.onerror = () => reject(new Error(`cannot connect to ${endpoint}`)); });
    bidi = bidiClient(ws, commandTimeoutMs);
    session = await bidi.send('session.new', { capabilities: { alwaysMatch: { acceptInsecureCerts: true } } });
    installed = await bidi.send('webExtension.install', { extensionData: { type: 'path', path: EXTENSION_DIR } });
  } catch (err) {
    ws?.close();
    await stopFirefox(child, profile);
    throw err;
  }

  // Runs fn (serialised) in a tab's page, `this` bound to `self` (a shared node reference, e.g.
  // a shadow root) when given; resolves to its awaited result as plain data.
  async function call(context, fn, args = [], self = null) {
    const r = await bidi.send('script.callFunction', {
      functionDeclaration: fn.toString(),
      target: { context },
      awaitPromise: true,
      arguments: args.map(local),
      ...(self ? { this: self } : {}),
    });
    if (r.type === 'exception') throw new Error(`in page: ${r.exceptionDetails.text}`);
    return plain(r.result);
  }

  return {
    version: session.capabilities.browserVersion,
    addonId: installed.extension,
    expectedAddonId: addonId,
    extensionUrl: (path) => `moz-extension://${EXTENSION_UUID}/${path}`,
    async newTab(url) {
      const { context } = await bidi.send('browsingContext.create', { type: 'tab' });
      if (url) await bidi.send('browsingContext.navigate', { context, url, wait: 'complete' });
      return context;
    },
    closeTab: (context) => bidi.send('browsingContext.close', { context }),
    // The page's viewport in CSS pixels, at a device pixel ratio (2 with half the size: 200% zoom).
    setViewport: (context, width, height, devicePixelRatio = 1) =>
      bidi.send('browsingContext.setViewport', { context, viewport: { width, height }, devicePixelRatio }),
    navigate: (context, url) => bidi.send('browsingContext.navigate', { context, url, wait: 'complete' }),
    // A person's click at a point of the viewport (input.performActions: a trusted event).
    click: (context, x, y) => bidi.send('input.performActions', {
      context,
      actions: [{
        type: 'pointer', id: 'mouse', parameters: { pointerType: 'mouse' },
        actions: [{ type: 'pointerMove', x: Math.round(x), y: Math.round(y), origin: 'viewport' }, { type: 'pointerDown', button: 0 }, { type: 'pointerUp', button: 0 }],
      }],
    }),
    call,
    // The shadow root (open or closed: WebDriver sees both) of the first element matching css.
    async shadowRoot(context, css) {
      const { nodes } = await bidi.send('browsingContext.locateNodes', {
        context, locator: { type: 'css', value: css }, maxNodeCount: 1,
        serializationOptions: { includeShadowTree: 'all', maxDomDepth: 0 },
      });
      const root = nodes[0]?.value?.shadowRoot;
      return root ? { ref: { sharedId: root.sharedId }, mode: root.value?.mode } : null;
    },
    async screenshot(context, file) {
      const { data } = await bidi.send('browsingContext.captureScreenshot', { context, origin: 'document' });
      writeFileSync(join(ARTIFACTS, file), Buffer.from(data, 'base64'));
    },
    async close() {
      ws.close();
      await stopFirefox(child, profile);
    },
  };
}
