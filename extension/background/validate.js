// Validates every message a content script sends. Content scripts run inside pages we do
// not control; a compromised renderer can send anything, so the background trusts nothing:
// it checks the sender, the shape, the types and the sizes, and rejects with a message
// that says what was wrong. Pure functions: tests/e2e/units.test.mjs runs them in node.
// The sources a text may come from are the contract's (shared/contract.js, generated at build
// time, loaded by the background before this module is used): read when a message comes, so
// this file imports nothing generated and node tests can load it from the source tree.

export const LIMITS = Object.freeze({
  maxItems: 32,        // texts per message; the content script batches at most this many
  maxTextChars: 4000,  // one notice; longer page text is cut by the content script
  maxTotalChars: 64000,
});

// Where a text came from: the contract's item_sources (core/contract/contract.json).
export function sources() {
  const C = globalThis.consentlensContract;
  if (!C) throw new Error('validate.js: the contract (shared/contract.js) is not loaded');
  return C.ids('item_sources');
}

const fail = (error) => ({ ok: false, error });

function exactKeys(obj, allowed) {
  return Object.keys(obj).every((k) => allowed.includes(k));
}

function isPlainObject(v) {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

// Returns {ok: true, value} with a clean copy, or {ok: false, error}.
export function validateContentMessage(msg) {
  if (!isPlainObject(msg)) return fail('message: expected an object');
  if (msg.type === 'hello') {
    if (!exactKeys(msg, ['type'])) return fail('hello: unexpected field');
    return { ok: true, value: { type: 'hello' } };
  }
  // The top frame moved within its page (history.pushState): `url` is its new address, which
  // the browser's sender.url does not follow. The background accepts it on the sender's origin only.
  if (msg.type === 'navigated') {
    if (!exactKeys(msg, ['type', 'url'])) return fail('navigated: unexpected field');
    if (typeof msg.url !== 'string' || msg.url.length > 2048) return fail('navigated.url: expected an address');
    return { ok: true, value: { type: 'navigated', url: msg.url } };
  }
  if (msg.type === 'choice') return validateChoice(msg);
  if (msg.type === 'card') return validateCardAction(msg);
  if (msg.type !== 'notices') return fail('message.type: expected "hello", "navigated", "notices", "choice" or "card"');
  if (!exactKeys(msg, ['type', 'items', 'gen'])) return fail('notices: unexpected field');
  // The top frame's generation (tab-store.js resetTab); other frames send none.
  if (msg.gen !== undefined && (!Number.isInteger(msg.gen) || msg.gen < 0)) return fail('notices.gen: expected a generation number');
  const { items } = msg;
  if (!Array.isArray(items) || items.length === 0) return fail('notices.items: expected a non-empty array');
  if (items.length > LIMITS.maxItems) return fail(`notices.items: more than ${LIMITS.maxItems} items`);
  let total = 0;
  const clean = [];
  const known = sources();
  for (let i = 0; i < items.length; i++) {
    const it = items[i];
    const where = `notices.items[${i}]`;
    if (!isPlainObject(it) || !exactKeys(it, ['text', 'source'])) return fail(`${where}: expected {text, source}`);
    if (typeof it.text !== 'string' || it.text.length === 0) return fail(`${where}.text: expected a non-empty string`);
    if (it.text.length > LIMITS.maxTextChars) return fail(`${where}.text: longer than ${LIMITS.maxTextChars} characters`);
    if (!known.includes(it.source)) return fail(`${where}.source: unknown source`);
    total += it.text.length;
    if (total > LIMITS.maxTotalChars) return fail(`notices: more than ${LIMITS.maxTotalChars} characters in all`);
    clean.push({ text: it.text, source: it.source });
  }
  return { ok: true, value: { type: 'notices', items: clean, gen: msg.gen } };
}

// What the person did on the card: a choice about the card's findings (by id) or an action
// for the meeting or the site (mute this meeting, pause this site).
const CARD_CHOICES = ['dismissed', 'opened_details'];
export const CARD_ACTIONS = Object.freeze(['mute', 'pause']);
const FINDING_ID = /^[0-9a-f]{8}$/;  // tab-store.js findingId

function findingIds(ids, where, min) {
  if (!Array.isArray(ids) || ids.length < min || ids.length > 50) return fail(`${where}: expected ${min}-50 finding ids`);
  if (!ids.every((id) => typeof id === 'string' && FINDING_ID.test(id))) return fail(`${where}: not a finding id`);
  return null;
}

function validateCardAction(msg) {
  if (!exactKeys(msg, ['type', 'action', 'ids'])) return fail('card: unexpected field');
  if (!CARD_ACTIONS.includes(msg.action)) return fail('card.action: unknown action');
  const bad = findingIds(msg.ids, 'card.ids', 0);
  if (bad) return bad;
  return { ok: true, value: { type: 'card', action: msg.action, ids: [...new Set(msg.ids)] } };
}

// The card's choices carry the ids of its findings; the meeting's own dialog, the button's
// meaning and the dialog's text, which the background matches against the tab's findings.
const DIALOG_CHOICES = ['stayed', 'left', 'accepted', 'declined'];

function validateChoice(msg) {
  if (CARD_CHOICES.includes(msg.choice)) {
    if (!exactKeys(msg, ['type', 'choice', 'ids'])) return fail('choice: unexpected field');
    const bad = findingIds(msg.ids, 'choice.ids', 1);
    if (bad) return bad;
    return { ok: true, value: { type: 'choice', choice: msg.choice, ids: [...new Set(msg.ids)] } };
  }
  if (DIALOG_CHOICES.includes(msg.choice)) {
    if (!exactKeys(msg, ['type', 'choice', 'context'])) return fail('choice: unexpected field');
    const { context } = msg;
    if (typeof context !== 'string' || context.length === 0) return fail('choice.context: expected a non-empty string');
    if (context.length > LIMITS.maxTextChars) return fail(`choice.context: longer than ${LIMITS.maxTextChars} characters`);
    return { ok: true, value: { type: 'choice', choice: msg.choice, context } };
  }
  return fail('choice.choice: unknown choice');
}

// Requests the history page may pass on to the native host. `log` is not among them: only
// the background writes events, from findings it made itself.
// meetings and get are read-only: the history page groups the whole history by meeting through
// the host (docs/native-host.md) instead of grouping the latest events itself.
export const PAGE_OPS = Object.freeze(['hello', 'query', 'get', 'meetings', 'export', 'delete', 'purge', 'set_retention', 'stats']);

// What the popup may do for a tab's meeting or site, applied at once.
export const TAB_ACTIONS = Object.freeze(['mute', 'unmute', 'pause', 'resume']);

// A message from one of the extension's own pages (not a content script): {type:
// 'history-request', request: {op, ...}}, {type: 'history-status'}, {type: 'history-flush'},
// or {type: 'tab-action', tabId, action}.
export function validatePageMessage(msg) {
  if (!isPlainObject(msg)) return fail('message: expected an object');
  if (msg.type === 'tab-action') {
    if (!exactKeys(msg, ['type', 'tabId', 'action'])) return fail('tab-action: unexpected field');
    if (!Number.isInteger(msg.tabId) || msg.tabId < 0) return fail('tab-action.tabId: expected a tab id');
    if (!TAB_ACTIONS.includes(msg.action)) return fail('tab-action.action: unknown action');
    return { ok: true, value: { type: msg.type, tabId: msg.tabId, action: msg.action } };
  }
  if (msg.type === 'history-status' || msg.type === 'history-flush') {
    if (!exactKeys(msg, ['type'])) return fail(`${msg.type}: unexpected field`);
    return { ok: true, value: { type: msg.type } };
  }
  if (msg.type !== 'history-request') return fail('message.type: not a history page message');
  if (!exactKeys(msg, ['type', 'request']) || !isPlainObject(msg.request)) return fail('history-request: expected {request}');
  if (!PAGE_OPS.includes(msg.request.op)) return fail('history-request.op: not allowed');
  if ('id' in msg.request) return fail('history-request: the background assigns ids');
  return { ok: true, value: { type: msg.type, request: msg.request } };
}

// The sender is one of the extension's own pages (history, options, popup). The browser sets
// sender.url; a content script's sender.url is the web page's, so it cannot pass this.
export function isOwnPage(sender, ownId, ownOrigin) {
  return !!sender && sender.id === ownId && typeof sender.url === 'string' && sender.url.startsWith(ownOrigin);
}

// The sender must be one of our own content scripts, in a tab, on an https page.
// Returns {ok: true, tabId, frameId, url, host} or {ok: false, error}.
export function validateSender(sender, ownId) {
  if (!sender || sender.id !== ownId) return fail('sender: not this extension');
  const tabId = sender.tab?.id;
  if (!Number.isInteger(tabId) || tabId < 0) return fail('sender: not a tab');
  const frameId = Number.isInteger(sender.frameId) ? sender.frameId : 0;
  // about:blank frames report their creator's origin only in sender.origin (Chromium).
  const raw = sender.url && !sender.url.startsWith('about:') ? sender.url : sender.origin;
  let url;
  try {
    url = new URL(raw);
  } catch {
    return fail('sender: no usable URL');
  }
  if (url.protocol !== 'https:') return fail('sender: not an https page');
  return { ok: true, tabId, frameId, url: url.href, host: url.hostname };
}
