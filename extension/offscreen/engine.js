// The offscreen document that keeps the engine loaded in Chromium (docs/extension.md, "Where
// the engine runs"). Chromium stops an idle service worker after about 30 seconds; an engine
// inside it was loaded again, and its code compiled again, for the first notice after every
// stop. This document stays open while a meeting tab is watched (the background opens and
// closes it: background/engine-host.js) and runs the engine in a dedicated worker
// (engine-worker.js; the reason given for the document is WORKERS), so a notice that wakes the
// service worker finds the engine ready and warm.
//
// It only relays: messages addressed to it by the extension's own service worker go to the
// worker and the answers come back. Content scripts' messages (which every extension page
// also receives) are left to the background: a page's words never reach the engine but
// through the background's checks.
const worker = new Worker(new URL('engine-worker.js', import.meta.url), { type: 'module' });
const waiting = new Map();  // request id -> sendResponse
let nextId = 0;

worker.onmessage = ({ data }) => {
  const respond = waiting.get(data?.id);
  if (!respond) return;
  waiting.delete(data.id);
  respond(data.reply);
};
// A worker that cannot start (its script failed to load) answers nothing: say so to every
// request in flight, and to every later one.
let broken = null;
worker.onerror = (event) => {
  broken = `the engine worker failed: ${event.message || 'it did not start'}`;
  for (const respond of waiting.values()) respond({ error: broken });
  waiting.clear();
};

const BACKGROUND_URL = chrome.runtime.getURL('background.js');
const OPS = new Set(['analyze', 'state']);

chrome.runtime.onMessage.addListener((message, sender, sendResponse) => {
  if (message?.to !== 'consentlens-engine') return false;
  if (sender.id !== chrome.runtime.id || sender.tab || sender.url !== BACKGROUND_URL) return false;
  if (!OPS.has(message.op)) {
    sendResponse({ error: `engine: unknown request "${String(message.op).slice(0, 40)}"` });
    return false;
  }
  if (broken) {
    sendResponse({ error: broken });
    return false;
  }
  const id = ++nextId;
  waiting.set(id, sendResponse);
  worker.postMessage({ id, op: message.op, text: message.text, context: message.context });
  return true;  // answered when the worker replies
});
