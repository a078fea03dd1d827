// What a history event is (docs/native-host.md): built only by the background, from findings it
// made itself, and checked again before it is queued and before it is sent. A content script
// reports that a button was clicked, never a finding, so a page cannot write into the history.
//
// Guarantees:
// - minimal: an event keeps the finding's contract fields; a quote of the page (evidence) only
//   when it came from the meeting client's own interface (a dialog, banner, toast, indicator),
//   never from chat, captions or the participant list, nor when its source is not known. Of
//   people's words it keeps at most a bot's own name (finding.bot_name).
// - the meeting is the page's origin and path (its query and fragment can hold a join token or
//   password, which the history never keeps, hashed or not), and by default only as an HMAC-SHA-256
//   under a secret made for this browser profile and kept where no content script can read it
//   (history-vault.js): a guessable link cannot be found again by hashing candidates.
// - validateEvent accepts exactly the shape the host stores, with the contract's values.
import '../shared/contract.js';
import { vaultGet, vaultSet } from './history-vault.js';

const C = globalThis.consentlensContract;

export const CHOICES = Object.freeze(C.ids('choices'));
export const EVENT_TYPES = Object.freeze(C.ids('event_types'));
export const KINDS = Object.freeze(C.ids('kinds'));
export const SOURCES = Object.freeze(C.ids('item_sources'));
// Sources whose text is people's own words (the contract marks them "quotable": false; the native
// host reads the same mark): an event from one keeps no quote of it.
export const PEOPLES_WORDS = Object.freeze(SOURCES.filter((s) => C.entry('item_sources', s).quotable === false));

// The finding fields an event keeps (the findings contract's); anything else is dropped.
const FINDING_FIELDS = Object.freeze([
  'kind', 'vendor', 'state', 'context', 'bot_name', 'consent_by', 'your_choices', 'data', 'destinations', 'training',
  'evidence', 'explanation', 'sources', 'rule', 'stance', 'data_scope', 'license_terms', 'third_party_models',
]);
const EVENT_FIELDS = Object.freeze(['event_id', 'type', 'at', 'site', 'finding', 'choice', 'page_title', 'meeting', 'source']);
const MAX_FINDING_BYTES = 256 * 1024;  // the host's own limit
const VENDOR_ID = /^[a-z0-9_]{1,64}$/;
const RFC3339_UTC = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,9})?Z$/;
const HOST_NAME = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/;
export const MEETING_HMAC = /^hmac-sha256:[0-9a-f]{64}$/;

// RFC 3339 in UTC with milliseconds: a choice often follows its notice within the same second.
export function rfc3339(date = new Date()) {
  return date.toISOString();
}

export function newEventId() {
  return crypto.randomUUID();
}

export function meetingUrl(pageUrl) {
  try {
    const u = new URL(pageUrl);
    if (u.protocol !== 'https:') return null;
    return `${u.origin}${u.pathname}`;
  } catch {
    return null;
  }
}

// The secret the meeting fingerprint is keyed with: 32 random bytes made once per profile.
const SECRET_KEY = 'meetingSecret';
let secretPromise = null;
async function meetingSecret() {
  secretPromise ||= (async () => {
    let raw = await vaultGet(SECRET_KEY);
    if (typeof raw !== 'string' || !/^[0-9a-f]{64}$/.test(raw)) {
      raw = hex(crypto.getRandomValues(new Uint8Array(32)));
      await vaultSet(SECRET_KEY, raw);
    }
    const bytes = new Uint8Array(raw.match(/../g).map((b) => parseInt(b, 16)));
    return crypto.subtle.importKey('raw', bytes, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  })().catch((err) => { secretPromise = null; throw err; });
  return secretPromise;
}

function hex(bytes) {
  return [...new Uint8Array(bytes)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export async function meetingFingerprint(url) {
  const mac = await crypto.subtle.sign('HMAC', await meetingSecret(), new TextEncoder().encode(url));
  return `hmac-sha256:${hex(mac)}`;
}

// mode: 'hash' (default: the keyed fingerprint) | 'url' | 'none'.
export async function meetingField(pageUrl, mode) {
  const url = meetingUrl(pageUrl);
  if (!url || mode === 'none') return undefined;
  if (mode === 'url') return url;
  return meetingFingerprint(url);
}

export function hostOf(pageUrl) {
  try {
    return new URL(pageUrl).hostname;
  } catch {
    return '';
  }
}

// Where the tab's content script found this finding (the tab record's entry for it), or null.
export function sourceOf(finding, rec) {
  const same = (e) => e?.finding && e.finding.kind === finding?.kind && e.finding.vendor === finding?.vendor
    && (e.finding.evidence?.text ?? null) === (finding?.evidence?.text ?? null);
  const entry = (rec?.entries || []).find(same);
  return entry && SOURCES.includes(entry.source) ? entry.source : null;
}

// The finding as the history keeps it: contract fields only, and a quote only from the meeting
// client's own interface.
export function historyFinding(finding, source) {
  const out = {};
  for (const k of FINDING_FIELDS) if (finding && finding[k] !== undefined) out[k] = structuredClone(finding[k]);
  if (!source || PEOPLES_WORDS.includes(source)) delete out.evidence;
  return out;
}

// ctx: {pageUrl, pageTitle (already null unless allowed), meetingMode, rec (the tab record),
// source (optional: where the finding was found; looked up in rec otherwise)}.
async function baseEvent(type, finding, ctx, now) {
  const source = ctx.source && SOURCES.includes(ctx.source) ? ctx.source : sourceOf(finding, ctx.rec);
  const event = { event_id: newEventId(), type, at: rfc3339(now), site: hostOf(ctx.pageUrl) };
  if (finding) event.finding = historyFinding(finding, source);
  if (source) event.source = source;
  if (ctx.pageTitle) event.page_title = String(ctx.pageTitle).slice(0, 300);
  const meeting = await meetingField(ctx.pageUrl, ctx.meetingMode);
  if (meeting) event.meeting = meeting;
  return event;
}

// One finding shown to the person (the card when it is on, the badge and popup always).
export function findingShownEvent(finding, ctx, now = new Date()) {
  return baseEvent('finding_shown', finding, ctx, now);
}

// What the person did after a finding; `finding` is the finding the choice answered.
export async function choiceEvent(choice, finding, ctx, now = new Date()) {
  if (!CHOICES.includes(choice)) throw new Error(`unknown choice ${choice}`);
  const event = await baseEvent('choice', finding, ctx, now);
  event.choice = choice;
  return event;
}

// The text as the engine reads it (NFKC; quotes, dashes and spaces made plain), lower-cased:
// evidence is quoted from the engine's normalised text, the dialog's text is the page's own.
const squash = (s) => String(s || '').normalize('NFKC')
  .replace(/[\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033]/g, '"').replace(/[\u2018\u2019\u201a\u201b\u2039\u203a\u2032]/g, "'")
  .replace(/[\u2010-\u2015\u2212]/g, '-').replace(/[\u200b-\u200d\u2060\ufeff\u00ad]/g, '')
  .replace(/\s+/g, ' ').trim().toLowerCase();

// The findings a dialog carried: those whose quoted evidence is part of the dialog's text (or the
// other way round, when the evidence is the whole dialog). A click in any other dialog
// (settings, a chat pop-up) answers no notice and is not recorded.
export function findingsInDialog(entries, dialogText) {
  const d = squash(dialogText);
  if (d.length < 3) return [];
  return entries.filter((e) => {
    const ev = squash(e.finding?.evidence?.text);
    return ev.length >= 3 && (d.includes(ev) || ev.includes(d));
  });
}

// What makes two events "the same": for a finding_shown, the same notice of the same meeting
// (site, meeting, kind, vendor, evidence), as the host judges repeats too; for a choice, the same
// answer to the same notice from the same tab.
export function sameEventKey(event, tabKey) {
  const f = event.finding || {};
  const parts = [event.site, event.meeting || '', f.kind || '', f.vendor || '', f.evidence?.text || ''];
  if (event.type === 'choice') parts.unshift('choice', String(tabKey), event.choice);
  else parts.unshift('shown');
  return parts.join('\u241f');
}

const fail = (error) => ({ ok: false, error });
const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
const shortString = (v, max) => typeof v === 'string' && v.length > 0 && v.length <= max && !v.includes('\0');

function checkFinding(f, source, where) {
  if (!isObject(f)) return `${where}.finding: expected an object`;
  if (!KINDS.includes(f.kind)) return `${where}.finding.kind: not a contract kind`;
  if (f.vendor !== undefined && !(typeof f.vendor === 'string' && VENDOR_ID.test(f.vendor))) return `${where}.finding.vendor: not a vendor id`;
  const unknown = Object.keys(f).find((k) => !FINDING_FIELDS.includes(k));
  if (unknown) return `${where}.finding: unknown field "${unknown}"`;
  if (f.evidence !== undefined && (!source || PEOPLES_WORDS.includes(source))) return `${where}.finding.evidence: a quote of people's words, or of an unknown source`;
  if (JSON.stringify(f).length > MAX_FINDING_BYTES) return `${where}.finding: larger than 256 KiB`;
  return null;
}

// Checks an event against what the host stores; returns {ok: true, value: a clean copy} or
// {ok: false, error: what and where}. Run before an event is queued and again before it is sent,
// so whatever the queue's storage holds, only well-formed, minimal events leave the browser.
export function validateEvent(event, where = 'event') {
  if (!isObject(event)) return fail(`${where}: expected an object`);
  const unknown = Object.keys(event).find((k) => !EVENT_FIELDS.includes(k));
  if (unknown) return fail(`${where}: unknown field "${unknown}"`);
  if (!shortString(event.event_id, 200)) return fail(`${where}.event_id: expected a string of 1-200 characters`);
  if (!EVENT_TYPES.includes(event.type)) return fail(`${where}.type: expected ${EVENT_TYPES.join(' or ')}`);
  if (!(typeof event.at === 'string' && RFC3339_UTC.test(event.at) && !Number.isNaN(Date.parse(event.at)))) return fail(`${where}.at: expected an RFC 3339 UTC time`);
  if (!(shortString(event.site, 253) && HOST_NAME.test(event.site))) return fail(`${where}.site: expected a host name`);
  if (event.source !== undefined && !SOURCES.includes(event.source)) return fail(`${where}.source: not a contract item source`);
  if (event.type === 'choice' ? !CHOICES.includes(event.choice) : event.choice !== undefined) return fail(`${where}.choice: expected ${event.type === 'choice' ? `one of ${CHOICES.join(', ')}` : 'none on a finding_shown'}`);
  if (event.page_title !== undefined && !shortString(event.page_title, 300)) return fail(`${where}.page_title: expected a string of at most 300 characters`);
  if (event.meeting !== undefined && !(MEETING_HMAC.test(event.meeting) || (shortString(event.meeting, 2048) && meetingUrl(event.meeting) === event.meeting))) {
    return fail(`${where}.meeting: expected a keyed fingerprint or a link without its query`);
  }
  if (event.finding === undefined) {
    if (event.type === 'finding_shown') return fail(`${where}.finding: a finding_shown needs its finding`);
  } else {
    const problem = checkFinding(event.finding, event.source, where);
    if (problem) return fail(problem);
  }
  return { ok: true, value: structuredClone(event) };
}
