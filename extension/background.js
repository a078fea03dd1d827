// consentlens background (Chromium: module service worker; Firefox: module background script).
// Every listener is registered synchronously at the top level, so a notice that wakes a
// stopped worker is delivered; the engine loads eagerly in engine-host.js.
// This file and everything it imports make no network request: the engine's wasm is a file
// inside the extension, and nothing else is fetched.
import { analyze } from './background/engine-host.js';
import { validateContentMessage, validateSender } from './background/validate.js';
import { addFindings, resetTab, removeTab, getTab } from './background/tab-store.js';
import { siteForHost } from './shared/sites.js';
import { loadSettings } from './shared/settings.js';
import { syncJitsiScripts } from './shared/jitsi-scripts.js';

chrome.runtime.onMessage.addListener((message, sender, sendResponse) => {
  handle(message, sender).then(sendResponse, (err) => sendResponse({ ok: false, error: String(err?.message || err) }));
  return true;  // the reply is asynchronous
});

chrome.tabs.onRemoved.addListener((tabId) => {
  removeTab(tabId);
});

// Registered scripts for self-hosted Jitsi persist, but a permission revoked in the browser's
// own UI must also stop the script there; reconcile at install, update and start-up.
async function reconcileJitsi() {
  const settings = await loadSettings();
  await syncJitsiScripts(settings.jitsiDomains);
}
chrome.runtime.onInstalled.addListener(() => { reconcileJitsi().catch(() => {}); });
chrome.runtime.onStartup.addListener(() => { reconcileJitsi().catch(() => {}); });
chrome.permissions.onRemoved.addListener(() => { reconcileJitsi().catch(() => {}); });

async function handle(message, sender) {
  const from = validateSender(sender, chrome.runtime.id);
  if (!from.ok) return from;
  const msg = validateContentMessage(message);
  if (!msg.ok) return msg;

  const settings = await loadSettings();
  const site = siteForHost(from.host, settings.jitsiDomains);
  // A content script on a host we do not know can only be a stale registration: ignore it.
  if (!site) return { ok: false, error: 'sender: not a meeting site consentlens watches' };
  const enabled = settings.sites[site.id] !== false;

  if (msg.value.type === 'hello') {
    if (from.frameId === 0) await resetTab(from.tabId, { site: site.id, url: from.url });
    return { ok: true, enabled, card: settings.card };
  }

  if (!enabled) return { ok: true, added: 0 };
  let added = 0;
  for (const item of msg.value.items) {
    let findings;
    try {
      findings = await analyze(item.text, { url: from.url, vendor: site.vendor });
    } catch (err) {
      return { ok: false, error: `engine: ${err?.message || err}` };
    }
    if (!findings.length) continue;
    const res = await addFindings(from.tabId, findings, { site: site.id, url: from.url, source: item.source });
    added += res.added.length;
  }
  if (added && settings.card) await showInTopFrame(from.tabId);
  return { ok: true, added };
}

// The card is always drawn by the top frame, even when the notice came from an iframe.
async function showInTopFrame(tabId) {
  const rec = await getTab(tabId);
  if (!rec) return;
  try {
    await chrome.tabs.sendMessage(tabId, { type: 'findings', entries: rec.entries }, { frameId: 0 });
  } catch {
    // The top frame has no content script (navigated away or disabled); the badge remains.
  }
}
