// consentlens background (Chromium: module service worker; Firefox: module background script).
// Every listener is registered synchronously at the top level, so a notice that wakes a
// stopped worker is delivered; the engine loads eagerly in engine-host.js.
// This file and everything it imports make no network request: the engine's wasm is a file
// inside the extension, and nothing else is fetched.
import { analyze } from './background/engine-host.js';
import { validateContentMessage, validateSender, validatePageMessage, isOwnPage } from './background/validate.js';
import { addFindings, resetTab, removeTab, getTab } from './background/tab-store.js';
import { enqueue, flush, flushNow, request, readQueue, currentStatus } from './background/history-link.js';
import { findingShownEvent, choiceEvent, findingsInDialog } from './background/history-events.js';
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

// Events queued while the host was missing, or while the worker was stopped, go out as soon
// as the worker runs again.
flush();

async function handle(message, sender) {
  if (isOwnPage(sender, chrome.runtime.id, chrome.runtime.getURL(''))) return handlePage(message);
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
  if (msg.value.type === 'choice') return recordChoice(from, msg.value, settings);
  let added = 0;
  const shown = [];
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
    shown.push(...res.added);
  }
  if (added && settings.card) await showInTopFrame(from.tabId);
  if (shown.length) await recordShown(from, shown, settings);
  return { ok: true, added };
}

// --- the local consent history (docs/native-host.md) -----------------------------------

// What an event says about the meeting, per the person's history settings. The title comes
// from the top frame's content script, and is asked for only when the person allowed it.
async function eventContext(from, settings) {
  const rec = await getTab(from.tabId);
  const pageUrl = rec?.url || from.url;
  let pageTitle = null;
  if (settings.history.pageTitle) {
    try {
      const got = await chrome.tabs.sendMessage(from.tabId, { type: 'title' }, { frameId: 0 });
      if (got && typeof got.title === 'string' && got.title.trim()) pageTitle = got.title.trim().slice(0, 300);
    } catch {
      // No content script in the top frame: no title.
    }
  }
  return { pageUrl, pageTitle, meetingMode: settings.history.meeting, rec };
}

// Each finding that is new in the tab is what the person is shown (the card when it is on,
// the badge and popup always): one finding_shown event each.
async function recordShown(from, entries, settings) {
  if (!settings.history.enabled) return;
  const ctx = await eventContext(from, settings);
  const events = [];
  for (const e of entries) events.push(await findingShownEvent(e.finding, ctx));
  await enqueue(events);
}

// A choice answers the findings it was about: the card's (by id) or the dialog's (by its
// text holding their evidence). Anything else, for example OK in a settings dialog, is not
// about a notice and is not recorded.
async function recordChoice(from, choice, settings) {
  if (!settings.history.enabled) return { ok: true, recorded: 0 };
  const ctx = await eventContext(from, settings);
  const entries = ctx.rec?.entries || [];
  const answered = choice.ids
    ? entries.filter((e) => choice.ids.includes(e.id))
    : findingsInDialog(entries, choice.context);
  const events = [];
  for (const e of answered) events.push(await choiceEvent(choice.choice, e.finding, ctx));
  await enqueue(events);
  return { ok: true, recorded: events.length };
}

// The history page talks to the host through the background's one port, so the page's
// requests and the event queue share one connection and one diagnosis.
async function handlePage(message) {
  const msg = validatePageMessage(message);
  if (!msg.ok) return msg;
  if (msg.value.type === 'history-flush') {
    const delivered = await flushNow();
    return { ok: true, delivered, status: await statusReport() };
  }
  if (msg.value.type === 'history-status') return { ok: true, status: await statusReport() };
  return request(msg.value.request);
}

async function statusReport() {
  const q = await readQueue();
  return { ...currentStatus(), queued: q.events.length, dropped: q.dropped, rejected: q.rejected };
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
