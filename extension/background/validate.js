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
  if (msg.type !== 'notices') return fail('message.type: expected "hello" or "notices"');
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
