// What each tab's meeting is doing, over time, kept in chrome.storage.session: it survives the
// service worker being stopped (Chrome stops an idle worker after about 30 s) but never
// touches the disk and is gone when the browser closes. Only the extension's own pages can
// read this storage area (content scripts cannot: Chrome's default access level).
//
// A tab record ("tab:<id>") is one meeting: {site, url, meeting, entries, answered, pending}.
// An entry is one activity (a kind from one vendor: "Zoom records"), with when it was on:
//   {id, kind, vendor, on, state, source, rank, finding, since, periods: [{from, to}]}
// `finding` is exactly the engine's finding (docs/findings-contract.md), untouched.
// A stopped finding turns its activity off; an active or possible one turns it on again.
// Only what is on (active or possible) counts on the badge and shows on the card.
//
// Per meeting ("meeting:<key>", kept across reloads of the same meeting within the browser
// session): {dismissed: [ids], muted, shown: [ids], at}. A reload must not bring back what the
// person dismissed, nor record the same notice as shown again.

const MAX_ENTRIES_PER_TAB = 50;  // a hostile page cannot grow our storage without bound
const MAX_PENDING = 10;          // dialog choices waiting for their finding
const PENDING_MS = 60000;        // how long such a choice waits
const MAX_MEETINGS = 100;        // per-meeting records kept (oldest go first)
const tabKey = (tabId) => `tab:${tabId}`;
const meetingStoreKey = (meeting) => `meeting:${meeting}`;

// Whose words rank higher as a finding's evidence: the client's own dialogs and banners first,
// then its toasts, lists and icons, then the page's loose text; people's chat lines last.
const RANK = { dialog: 6, alert: 5, status: 5, participant: 4, tooltip: 4, attr: 3, control: 3, text: 2, chat: 1 };
export const rankOf = (source) => RANK[source] || 0;

let updates = 0;

// Updates of one tab run one after another, so two batches arriving together never lose
// each other's findings (storage get/set is not atomic).
const queues = new Map();
function serialise(tabId, job) {
  const prev = queues.get(tabId) || Promise.resolve();
  const next = prev.then(job, job);
  queues.set(tabId, next.catch(() => {}));
  return next;
}

// A stable id for "the same activity": one per kind and vendor in a tab. A recording shows up
// as a consent dialog, a banner and an icon label; the person needs to hear once that the
// meeting is recorded, not three times.
export function findingId(f) {
  const s = [f.kind, f.vendor].join('\u241f');
  let h = 0x811c9dc5;  // FNV-1a, 32 bit: an id, not a security boundary
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

const isOnState = (state) => state === 'active' || state === 'possible';

// Whether a finding for what is already on is better evidence than the one kept: "is
// recording" over "may record" first, then the client's own notice over a chat line (and a
// dialog over a banner). Never the other way round: a later "may be recorded" dialog does not
// make an active recording merely possible.
function betterEvidence(state, rank, e) {
  if (state !== e.state) return state === 'active';
  return rank > e.rank;
}
export const countsNow = (e) => e.on && isOnState(e.state);

export async function getTab(tabId) {
  const got = await chrome.storage.session.get(tabKey(tabId));
  return got[tabKey(tabId)] || null;
}

export async function getMeeting(meeting) {
  const got = await chrome.storage.session.get(meetingStoreKey(meeting));
  return normaliseMeeting(got[meetingStoreKey(meeting)]);
}

function normaliseMeeting(raw) {
  const m = raw && typeof raw === 'object' ? raw : {};
  return {
    dismissed: Array.isArray(m.dismissed) ? m.dismissed : [],
    muted: m.muted === true,
    shown: Array.isArray(m.shown) ? m.shown : [],
    at: m.at || 0,
  };
}

async function putMeeting(meeting, m) {
  m.at = Date.now();
  await chrome.storage.session.set({ [meetingStoreKey(meeting)]: m });
  // Keep the number of meeting records bounded: the oldest go.
  const all = await chrome.storage.session.get(null);
  const keys = Object.keys(all).filter((k) => k.startsWith('meeting:'));
  if (keys.length > MAX_MEETINGS) {
    keys.sort((a, b) => (all[a]?.at || 0) - (all[b]?.at || 0));
    await chrome.storage.session.remove(keys.slice(0, keys.length - MAX_MEETINGS));
  }
}

async function setBadge(tabId, count) {
  try {
    await Promise.all([
      chrome.action.setBadgeBackgroundColor({ tabId, color: '#b3261e' }),
      chrome.action.setBadgeText({ tabId, text: count ? String(count) : '' }),
    ]);
  } catch {
    // The tab closed between the message and the badge; nothing to show it on.
  }
}

async function save(tabId, rec) {
  // The badge first: whoever watches the storage for a change then finds the badge agreeing.
  await setBadge(tabId, rec.entries.filter(countsNow).length);
  await chrome.storage.session.set({ [tabKey(tabId)]: rec });
}

// A new page in the tab's top frame, or a move to another meeting: nothing carries over
// except the meeting's own record (dismissed, muted, shown). Each reset starts a new
// generation; the top frame stamps its texts with it, so words read before a move that arrive
// after it are not taken for the new meeting's. Resolves to the generation.
export function resetTab(tabId, { site, url, meeting }) {
  return serialise(tabId, async () => {
    const gen = ((await getTab(tabId))?.gen || 0) + 1;
    await save(tabId, { site, url, meeting, gen, entries: [], answered: [], pending: [] });
    return gen;
  });
}

// The order the card and the popup both list what is on: active before possible, newest first.
export function byNow(entries) {
  return [...entries].sort((a, b) => (a.state === b.state ? (b.since || '').localeCompare(a.since || '') : a.state === 'active' ? -1 : 1));
}

// What the card shows: what is on now, not dismissed, unless the meeting is muted; active
// before possible, newest first. `stopped` names what just went off (the card says so).
export function cardView(rec, m, stopped = []) {
  const entries = m.muted ? [] : byNow(rec.entries.filter((e) => countsNow(e) && !m.dismissed.includes(e.id)))
    .map((e) => ({ id: e.id, finding: e.finding, since: e.since }));
  return { entries, stopped: stopped.map((e) => ({ id: e.id, kind: e.kind, vendor: e.vendor })), muted: m.muted };
}

// A finding that says an activity is over. Only the client's own notices turn off what one of
// its notices turned on: a line of loose page text or chat saying "nothing is recorded" does not
// stop a recording its dialog announced (a stop ranks at least as high as the start, or as a
// toast). A stop never seen on is kept (off) so the popup can say it ended. Returns whether the
// meeting's record changed.
function applyStop(rec, m, e, { id, finding, source, rank, now }, out) {
  if (e && e.on && rank >= Math.min(e.rank, RANK.status)) {
    e.on = false;
    e.state = 'stopped';
    e.stoppedAt = now;
    const open = e.periods[e.periods.length - 1];
    if (open && !open.to) open.to = now;
    out.stopped.push(e);
    out.changed = true;
    // What was dismissed was the activity that has now ended; a new start is news.
    if (m.dismissed.includes(id)) {
      m.dismissed = m.dismissed.filter((d) => d !== id);
      return true;
    }
  } else if (!e && rec.entries.length < MAX_ENTRIES_PER_TAB && rank >= RANK.attr) {
    rec.entries.push({ id, kind: finding.kind, vendor: finding.vendor, on: false, state: 'stopped', source, rank, finding, since: null, stoppedAt: now, periods: [] });
    out.changed = true;
  }
  return false;
}

// Applies the engine's findings for one text. Resolves to {rec, meeting, shown, changed,
// stopped, turnedOn}: `shown` are entries on for the first time in this meeting (each is
// recorded as shown once), `turnedOn` every entry that came on now (new or again). `gen`:
// the generation the top frame stamped its text with (undefined from other frames).
export function observe(tabId, findings, { site, url, meeting, source, gen }) {
  return serialise(tabId, async () => {
    const rec = (await getTab(tabId)) || { site, url, meeting, gen: 1, entries: [], answered: [], pending: [] };
    if (gen !== undefined && gen !== rec.gen) {
      // Words read before the move to another meeting, arriving after it: not this meeting's.
      return { rec, changed: false, shown: [], stopped: [], turnedOn: [] };
    }
    const m = await getMeeting(rec.meeting);
    const now = new Date().toISOString();
    const rank = rankOf(source);
    // seq: the order of this update among all of this worker's updates (they run one after
    // another per tab), so that a card drawn from an older update is never sent after a newer one.
    const out = { rec, changed: false, shown: [], stopped: [], turnedOn: [], meeting: m, seq: ++updates };
    let meetingChanged = false;
    for (const finding of findings) {
      const id = findingId(finding);
      let e = rec.entries.find((x) => x.id === id);
      if (finding.state === 'stopped') {
        if (applyStop(rec, m, e, { id, finding, source, rank, now }, out)) meetingChanged = true;
        continue;
      }
      if (!isOnState(finding.state)) continue;
      if (!e) {
        if (rec.entries.length >= MAX_ENTRIES_PER_TAB) continue;
        e = { id, kind: finding.kind, vendor: finding.vendor, on: true, state: finding.state, source, rank, finding, since: now, periods: [{ from: now, to: null }] };
        rec.entries.push(e);
        out.turnedOn.push(e);
        out.changed = true;
      } else if (!e.on) {
        Object.assign(e, { on: true, state: finding.state, source, rank, finding, since: now, stoppedAt: undefined });
        if (!e.periods.length || e.periods[e.periods.length - 1].to) e.periods.push({ from: now, to: null });
        out.turnedOn.push(e);
        out.changed = true;
      } else if (betterEvidence(finding.state, rank, e)) {
        Object.assign(e, { state: finding.state, source, rank, finding });
        out.changed = true;
      }
      if (out.turnedOn.includes(e) && !m.shown.includes(id)) {
        m.shown.push(id);
        meetingChanged = true;
        out.shown.push(e);
      }
    }
    // The tab and the meeting are separate records: written together, not one after the other
    // (the card waits for this update).
    await Promise.all([out.changed && save(tabId, rec), meetingChanged && putMeeting(rec.meeting, m)]);
    return out;
  });
}

// Marks (choice, finding id) pairs as recorded; returns those not recorded before, so each
// (tab, finding, choice) is recorded once.
export function markAnswered(tabId, choice, ids) {
  return serialise(tabId, async () => {
    const rec = await getTab(tabId);
    if (!rec) return [];
    const fresh = ids.filter((id) => !rec.answered.includes(`${id}:${choice}`));
    if (!fresh.length) return [];
    rec.answered.push(...fresh.map((id) => `${id}:${choice}`));
    await chrome.storage.session.set({ [tabKey(tabId)]: rec });
    return fresh;
  });
}

// A dialog choice that came before its finding (the engine was still starting, or the notice
// was still on its way): kept for a while, answered when the finding comes.
export function addPending(tabId, choice) {
  return serialise(tabId, async () => {
    const rec = await getTab(tabId);
    if (!rec) return;
    const now = Date.now();
    rec.pending = rec.pending.filter((p) => now - p.at < PENDING_MS);
    rec.pending.push({ ...choice, at: now });
    if (rec.pending.length > MAX_PENDING) rec.pending.splice(0, rec.pending.length - MAX_PENDING);
    await chrome.storage.session.set({ [tabKey(tabId)]: rec });
  });
}

// Takes the pending choices that `match(pending)` says are answered now.
export function takePending(tabId, match) {
  return serialise(tabId, async () => {
    const rec = await getTab(tabId);
    if (!rec || !rec.pending.length) return [];
    const now = Date.now();
    const taken = [];
    const keep = [];
    for (const p of rec.pending) {
      if (now - p.at >= PENDING_MS) continue;
      if (match(p)) taken.push(p);
      else keep.push(p);
    }
    rec.pending = keep;
    await chrome.storage.session.set({ [tabKey(tabId)]: rec });
    return taken;
  });
}

// The person's wishes for a meeting: dismissed findings, muted. Resolves to the new record.
export function updateMeeting(tabId, change) {
  return serialise(tabId, async () => {
    const rec = await getTab(tabId);
    if (!rec) return null;
    const m = await getMeeting(rec.meeting);
    if (change.dismiss) for (const id of change.dismiss) if (!m.dismissed.includes(id)) m.dismissed.push(id);
    if (typeof change.muted === 'boolean') m.muted = change.muted;
    await putMeeting(rec.meeting, m);
    return { rec, meeting: m };
  });
}

// How many tabs have a record (a meeting page that said hello and is still open).
export async function watchedTabs() {
  const all = await chrome.storage.session.get(null);
  return Object.keys(all).filter((k) => k.startsWith('tab:')).length;
}

export function removeTab(tabId) {
  queues.delete(tabId);
  return chrome.storage.session.remove(tabKey(tabId));
}
