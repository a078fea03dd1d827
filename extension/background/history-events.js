// Builds the history events of docs/native-host.md from what the background knows. Only the
// background builds events: a content script reports that a button was clicked, never a
// finding, so a page cannot write into the person's history.

export const CHOICES = Object.freeze(['stayed', 'left', 'dismissed', 'opened_details', 'accepted', 'declined']);

// RFC 3339 in UTC with milliseconds: a choice often follows its notice within the same
// second, and the history lists events newest first by this time.
export function rfc3339(date = new Date()) {
  return date.toISOString();
}

export function newEventId() {
  return crypto.randomUUID();
}

// The meeting is the page's origin and path: its query and fragment can hold a join token or
// password (Zoom's ?pwd=), which the history must never keep, hashed or not.
export function meetingUrl(pageUrl) {
  try {
    const u = new URL(pageUrl);
    return `${u.origin}${u.pathname}`;
  } catch {
    return null;
  }
}

const hex = (bytes) => [...new Uint8Array(bytes)].map((b) => b.toString(16).padStart(2, '0')).join('');

// The meeting's fingerprint: HMAC-SHA-256 of its link under a secret made once per install
// (installSecret in background.js). A bare SHA-256 of a link is reversed by trying every
// meeting number (a Zoom link was, in 5 minutes on 2 cores); without the secret nothing can be
// tried, and the secret is not in the history's database.
export async function fingerprintHex(secret, text) {
  const key = await crypto.subtle.importKey('raw', secret, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return hex(await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(text)));
}

// mode: 'hash' (default) | 'url' | 'none'. The fingerprint names its algorithm so a reader can
// tell it from a link. 'hash' without a secret (16 bytes or more) throws: an unkeyed hash of
// a link is never written.
export async function meetingField(pageUrl, mode, secret) {
  const url = meetingUrl(pageUrl);
  if (!url || mode === 'none') return undefined;
  if (mode === 'url') return url;
  if (!(secret instanceof Uint8Array) || secret.length < 16) throw new Error('meetingField: no per-install secret for the meeting fingerprint');
  return `hmac-sha256:${await fingerprintHex(secret, url)}`;
}

export function hostOf(pageUrl) {
  try {
    return new URL(pageUrl).hostname;
  } catch {
    return '';
  }
}

// One finding shown to the person. ctx: {pageUrl, pageTitle (already null unless allowed),
// meetingMode, meetingSecret}.
export async function findingShownEvent(finding, ctx, now = new Date()) {
  const event = { event_id: newEventId(), type: 'finding_shown', at: rfc3339(now), site: hostOf(ctx.pageUrl), finding };
  if (ctx.pageTitle) event.page_title = ctx.pageTitle;
  const meeting = await meetingField(ctx.pageUrl, ctx.meetingMode, ctx.meetingSecret);
  if (meeting) event.meeting = meeting;
  return event;
}

// What the person did after a finding; `finding` is the finding the choice answered.
export async function choiceEvent(choice, finding, ctx, now = new Date()) {
  if (!CHOICES.includes(choice)) throw new Error(`unknown choice ${choice}`);
  const event = { event_id: newEventId(), type: 'choice', at: rfc3339(now), site: hostOf(ctx.pageUrl), choice };
  if (finding) event.finding = finding;
  if (ctx.pageTitle) event.page_title = ctx.pageTitle;
  const meeting = await meetingField(ctx.pageUrl, ctx.meetingMode, ctx.meetingSecret);
  if (meeting) event.meeting = meeting;
  return event;
}

const squash = (s) => String(s || '').replace(/\s+/g, ' ').trim().toLowerCase();

// The findings a dialog carried: those whose quoted evidence is part of the dialog's text
// (or the other way round, when the evidence is the whole dialog). A click in any other
// dialog (settings, a chat pop-up) answers no notice and is not recorded.
export function findingsInDialog(entries, dialogText) {
  const d = squash(dialogText);
  if (d.length < 3) return [];
  return entries.filter((e) => {
    const ev = squash(e.finding?.evidence?.text);
    return ev.length >= 3 && (d.includes(ev) || ev.includes(d));
  });
}
