// Firefox loads the same build/extension/ that Chromium does (background scripts instead of
// the service worker, from the one manifest) and must explain the same six fixtures: the
// card in the page, the badge, the popup. Debian's firefox-esr, headless, driven through
// WebDriver BiDi (tests/e2e/lib/firefox.mjs). Skipped, saying why, where there is no Firefox.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startFixtureServer } from './lib/fixture-server.mjs';
import { launchFirefox, firefoxMissing } from './lib/firefox.mjs';
import { tabRecordWhen, queueWhen } from './lib/extension.mjs';
import { cardContents } from './lib/card.mjs';
import { CLIENTS, wanted, checkRecord, checkCard, cardLayout, checkPlacement, popupContents, checkPopup, checkParity } from './lib/clients.mjs';
import { FINDING_TIMEOUT } from './lib/session.mjs';
import { VIEWPORTS, PLACEMENT_FIXTURES, hitTestPage, dismissInView, checkPlacementAt } from './lib/placement.mjs';

const missing = firefoxMissing();
let server;
let ff;
let inspector;  // an extension page, to read chrome.storage.session and the badge
before(async () => {
  if (missing) return;
  server = await startFixtureServer();
  ff = await launchFirefox();
  inspector = await ff.newTab(ff.extensionUrl('options/options.html'));
});
after(async () => {
  await ff?.close();
  await server?.close();
});

// Run in the page: resolves once `what` holds, watching the DOM for it (no polling, no sleeps).
// 'fixture': the fixture has shown all its notices; 'card': the card's host element is there;
// 'findings' (with `this` the card's shadow root): the card shows at least n findings.
function until({ what, n = 0, timeoutMs }) {
  const conditions = {
    fixture: [document.documentElement, { attributes: true }, () => Boolean(document.documentElement.dataset.fixtureDone)],
    card: [document, { childList: true, subtree: true }, () => Boolean(document.querySelector('[data-consentlens="card"]'))],
    findings: [this, { childList: true, subtree: true }, () => this.querySelectorAll('section li .what').length >= Math.min(n, 3)],
  };
  const [node, options, holds] = conditions[what];
  if (holds()) return true;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => { observer.disconnect(); reject(new Error(`${what} never happened`)); }, timeoutMs);
    const observer = new MutationObserver(() => {
      if (!holds()) return;
      observer.disconnect();
      clearTimeout(timer);
      resolve(true);
    });
    observer.observe(node, options);
  });
}

test('Firefox installs build/extension/ unchanged, under the manifest\'s add-on ID', { skip: missing || false }, () => {
  assert.equal(ff.addonId, ff.expectedAddonId);
  assert.match(ff.version, /^\d+\./);
});

// Run in the page: resolves once the card's host has kept the same box for 10 animation
// frames in a row (it has placed itself after the page's last change).
function cardStill() {
  const host = document.querySelector('[data-consentlens="card"]');
  let last = '';
  let same = 0;
  return new Promise((resolve) => {
    const frame = () => {
      const r = host.getBoundingClientRect();
      const now = `${r.left},${r.top},${r.width},${r.height}`;
      same = now === last ? same + 1 : 0;
      last = now;
      if (same >= 10) resolve(now);
      else requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
}

// Opens a fixture in a new tab and waits until the fixture is done, the background has kept
// the findings `want` asks for, and the card shows them all. Firefox keeps the fixture
// server's port in the URL (only Chromium can map a host name to another port). With a
// viewport, the tab gets it before the page loads.
async function openFixture(fixtureUrl, want, viewport = null) {
  const real = new URL(fixtureUrl);
  const url = `https://${real.hostname}:${server.port}${real.pathname}${real.search}`;
  let page;
  if (viewport) {
    page = await ff.newTab();
    await ff.setViewport(page, viewport.width, viewport.height, viewport.dpr);
    await ff.navigate(page, url);
  } else {
    page = await ff.newTab(url);
  }
  try {
    await ff.call(page, until, [{ what: 'fixture', timeoutMs: FINDING_TIMEOUT }]);
    const rec = await ff.call(inspector, tabRecordWhen, [{ pageUrl: url, want, timeoutMs: FINDING_TIMEOUT }]);
    await ff.call(page, until, [{ what: 'card', timeoutMs: FINDING_TIMEOUT }]);
    const root = await ff.shadowRoot(page, '[data-consentlens="card"]');
    assert.ok(root, 'the card has its shadow root');
    await ff.call(page, until, [{ what: 'findings', n: rec.entries.length, timeoutMs: FINDING_TIMEOUT }], root.ref);
    const card = { mode: root.mode, ...(await ff.call(page, cardContents, [], root.ref)) };
    return { page, rec, card };
  } catch (err) {
    await ff.closeTab(page);
    throw err;
  }
}

for (const c of CLIENTS) {
  test(`Firefox, ${c.name}: card, badge and popup explain the notices`, { skip: missing || false }, async () => {
    const { page, rec, card } = await openFixture(c.url, wanted(c));
    try {
      checkRecord(rec, c);
      const n = rec.entries.length;
      checkCard(card, c, n);
      checkPlacement(await ff.call(page, cardLayout));
      await ff.screenshot(page, `firefox-card-${c.name}.png`);

      assert.equal(await ff.call(inspector, (tabId) => chrome.action.getBadgeText({ tabId }), [rec.tabId]), String(n));

      const popup = await ff.newTab(ff.extensionUrl(`popup/popup.html?tab=${rec.tabId}`));
      try {
        const shown = await ff.call(popup, popupContents, [{ n, timeoutMs: FINDING_TIMEOUT }]);
        checkPopup(shown, c, n);
        const root = await ff.shadowRoot(page, '[data-consentlens="card"]');
        checkParity(await ff.call(page, cardContents, [], root.ref), shown);  // read again: the card took the record's last words too
        await ff.screenshot(popup, `firefox-popup-${c.name}.png`);
      } finally {
        await ff.closeTab(popup);
      }
    } finally {
      await ff.closeTab(page);
    }
  });
}

for (const vp of VIEWPORTS) {
  for (const f of PLACEMENT_FIXTURES) {
    test(`Firefox, ${f.name} at ${vp.name}: the card covers nothing of the meeting`, { skip: missing || false }, async () => {
      const { page } = await openFixture(f.url, { kinds: f.kinds, minEntries: f.minEntries || f.kinds.length }, vp);
      try {
        await ff.call(page, cardStill);
        const hits = await ff.call(page, hitTestPage);
        const root = await ff.shadowRoot(page, '[data-consentlens="card"]');
        const dismiss = await ff.call(page, dismissInView, [], root.ref);
        if (vp.name === '200% zoom') await ff.screenshot(page, `firefox-place-${f.name}-${vp.width}x${vp.height}.png`);
        checkPlacementAt(vp.name, f.name, hits, dismiss);
      } finally {
        await ff.closeTab(page);
      }
    });
  }
}

test('Firefox, strict CSP page: the content script and the card still work', { skip: missing || false }, async () => {
  const { page, card } = await openFixture('https://8x8.vc/vpaas-magic-cookie-fixture/StrictRoom', { kinds: ['live_stream'] });
  try {
    assert.equal(card.borderTopWidth, '2px', 'the card is styled under the page CSP');
    assert.equal(card.background, 'rgb(255, 255, 255)');
    assert.deepEqual(await ff.call(page, () => window.cspViolations), [], 'no CSP violation');
    await ff.screenshot(page, 'firefox-card-strict-csp.png');
  } finally {
    await ff.closeTab(page);
  }
});

// A self-hosted Jitsi server added on the options page (the browser grants the permission
// without a prompt in this profile) gets exactly the manifest's content scripts, choice words
// included: a click on Jitsi's "Leave meeting" is recorded as "left" (issue 14).
test('Firefox, self-hosted Jitsi: added in the options, watched, and a dialog choice recorded', { skip: missing || false }, async () => {
  const host = 'jitsi.example.org';
  await ff.call(inspector, (h) => { document.getElementById('jitsi-domain').value = h; }, [host]);
  // A person's click on "Add": permissions.request needs a real user input handler.
  const add = await ff.call(inspector, () => {
    const r = document.querySelector('#jitsi-form button').getBoundingClientRect();
    return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
  });
  await ff.click(inspector, add.x, add.y);
  await ff.call(inspector, function waitAdded({ timeoutMs }) {
    const added = () => /added/.test(document.getElementById('message').textContent);
    if (added()) return true;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`not added: ${document.getElementById('message').textContent}`)), timeoutMs);
      new MutationObserver((_, o) => { if (added()) { o.disconnect(); clearTimeout(timer); resolve(true); } })
        .observe(document.getElementById('message'), { childList: true, characterData: true, subtree: true });
    });
  }, [{ timeoutMs: FINDING_TIMEOUT }]);
  const registered = await ff.call(inspector, async () => {
    const [reg] = await chrome.scripting.getRegisteredContentScripts();
    // Firefox's getManifest() names the files by full moz-extension:// URL.
    const base = chrome.runtime.getURL('');
    return { js: reg?.js, matches: reg?.matches, manifest: chrome.runtime.getManifest().content_scripts[0].js.map((f) => f.replace(base, '')) };
  });
  assert.deepEqual(registered.js, registered.manifest, 'exactly the manifest\'s content scripts');
  assert.deepEqual(registered.matches, [`https://${host}/*`]);

  const url = `https://${host}:${server.port}/SelfHosted`;
  const page = await ff.newTab(url);
  try {
    await ff.call(page, until, [{ what: 'fixture', timeoutMs: FINDING_TIMEOUT }]);
    await ff.call(inspector, tabRecordWhen, [{ pageUrl: url, want: { kinds: ['recording'] }, timeoutMs: FINDING_TIMEOUT }]);
    const at = await ff.call(page, () => {
      const r = document.getElementById('leave').getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    });
    await ff.click(page, at.x, at.y);
    const events = await ff.call(inspector, queueWhen, [{ want: { counts: [{ type: 'choice', choice: 'left', kind: 'recording', n: 1 }] }, timeoutMs: FINDING_TIMEOUT }]);
    assert.equal(events.filter((e) => e.choice === 'left').length, 1);
    assert.equal(events.find((e) => e.choice === 'left').site, host);
  } finally {
    await ff.closeTab(page);
  }
});
