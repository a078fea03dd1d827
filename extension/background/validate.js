// Validates every message a content script sends. Content scripts run inside pages we do
// not control; a compromised renderer can send anything, so the background trusts nothing:
// it checks the sender, the shape, the types and the sizes, and rejects with a message
// that says what was wrong. Pure functions: tests/e2e/validate.test.mjs runs them in node.

export const LIMITS = Object.freeze({
  maxItems: 32,        // texts per message; the content script batches at most this many
  maxTextChars: 4000,  // one notice; longer page text is cut by the content script
  maxTotalChars: 64000,
});

export const SOURCES = Object.freeze([
  'dialog', 'alert', 'status', 'chat', 'tooltip', 'participant', 'attr', 'text',
]);

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
  if (msg.type === 'choice') return validateChoice(msg);
  if (msg.type !== 'notices') return fail('message.type: expected "hello", "notices" or "choice"');
  if (!exactKeys(msg, ['type', 'items'])) return fail('notices: unexpected field');
  const { items } = msg;
  if (!Array.isArray(items) || items.length === 0) return fail('notices.items: expected a non-empty array');
  if (items.length > LIMITS.maxItems) return fail(`notices.items: more than ${LIMITS.maxItems} items`);
  let total = 0;
  const clean = [];
  for (let i = 0; i < items.length; i++) {
    const it = items[i];
    const where = `notices.items[${i}]`;
    if (!isPlainObject(it) || !exactKeys(it, ['text', 'source'])) return fail(`${where}: expected {text, source}`);
    if (typeof it.text !== 'string' || it.text.length === 0) return fail(`${where}.text: expected a non-empty string`);
    if (it.text.length > LIMITS.maxTextChars) return fail(`${where}.text: longer than ${LIMITS.maxTextChars} characters`);
    if (!SOURCES.includes(it.source)) return fail(`${where}.source: unknown source`);
    total += it.text.length;
    if (total > LIMITS.maxTotalChars) return fail(`notices: more than ${LIMITS.maxTotalChars} characters in all`);
    clean.push({ text: it.text, source: it.source });
  }
  return { ok: true, value: { type: 'notices', items: clean } };
}

// What the person did: on the card (ids of the card's findings) or in the meeting's own
// dialog (the dialog's text, which the background matches against the tab's findings).
const CARD_CHOICES = ['dismissed', 'opened_details'];
const DIALOG_CHOICES = ['stayed', 'left', 'accepted', 'declined'];
const FINDING_ID = /^[0-9a-f]{8}$/;  // tab-store.js findingId

function validateChoice(msg) {
  if (CARD_CHOICES.includes(msg.choice)) {
    if (!exactKeys(msg, ['type', 'choice', 'ids'])) return fail('choice: unexpected field');
    const { ids } = msg;
    if (!Array.isArray(ids) || ids.length === 0 || ids.length > 50) return fail('choice.ids: expected 1-50 finding ids');
    if (!ids.every((id) => typeof id === 'string' && FINDING_ID.test(id))) return fail('choice.ids: not a finding id');
    return { ok: true, value: { type: 'choice', choice: msg.choice, ids: [...new Set(ids)] } };
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
export const PAGE_OPS = Object.freeze(['hello', 'query', 'export', 'delete', 'purge', 'set_retention', 'stats']);

// A message from one of the extension's own pages (not a content script): {type:
// 'history-request', request: {op, ...}}, {type: 'history-status'} or {type: 'history-flush'}.
export function validatePageMessage(msg) {
  if (!isPlainObject(msg)) return fail('message: expected an object');
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
