// The history page's rows: one per meeting (what was on, what the person answered), one per
// event, and an event in full. All text goes in through textContent (shared/dom.js): the events
// are the person's own, but a notice's words are quoted page text.
import { findingDetail } from '../shared/finding-view.js';

const L = globalThis.consentlensLabels;
const C = globalThis.consentlensContract;
const { el } = globalThis.consentlensDom;

// Choices that are answers to the meeting (not clicks on consentlens's own card).
export const ANSWERS = Object.freeze(['stayed', 'left', 'accepted', 'declined']);

export function when(at) {
  const d = new Date(at);
  return Number.isNaN(d.getTime()) ? String(at) : d.toLocaleString();
}

function span(first, last) {
  const a = new Date(first);
  const b = new Date(last);
  if (Number.isNaN(a.getTime()) || Number.isNaN(b.getTime())) return when(last);
  if (a.toDateString() === b.toDateString()) {
    const t = { hour: '2-digit', minute: '2-digit' };
    return a.getTime() === b.getTime() ? when(first) : `${a.toLocaleDateString()} ${a.toLocaleTimeString([], t)}–${b.toLocaleTimeString([], t)}`;
  }
  return `${when(first)} – ${when(last)}`;
}

let detailViews = 0;  // unique ids for each detail view's diagram
const label = (list, id) => (C.entry(list, id) ? C.label(list, id) : id);

export function whatOf(e) {
  return e.type === 'choice' ? label('choices', e.choice) : label('event_types', 'finding_shown');
}

function activate(row, open) {
  row.addEventListener('click', open);
  row.addEventListener('keydown', (ev) => {
    if (ev.key === 'Enter' || ev.key === ' ') { ev.preventDefault(); open(); }
  });
}

// One meeting: {key, site, kinds, choices, first_at, last_at, events, page_title}.
export function meetingRow(m, onOpen) {
  const kinds = (m.kinds || []).map((k) => label('kinds', k)).join(', ') || 'no notice';
  const answers = (m.choices || []).filter((c) => ANSWERS.includes(c)).map((c) => label('choices', c));
  const site = m.page_title ? `${m.site} — ${m.page_title}` : m.site;
  const tr = el('tr', { tabindex: '0', 'data-meeting': m.key, 'aria-expanded': 'false' },
    el('td', { text: span(m.first_at, m.last_at) }),
    el('td', { text: site || '' }),
    el('td', { text: kinds }),
    el('td', { text: answers.join(', ') || 'no answer recorded' }),
    el('td', { text: String(m.events) }));
  activate(tr, () => onOpen(m, tr));
  return tr;
}

// One event; `selected` is the set of selected ids, `onSelect` is told when it changes.
export function eventRow(e, { selected, onSelect, onOpen }) {
  const f = e.finding || {};
  const box = el('input', { type: 'checkbox', 'aria-label': `Select the event of ${when(e.at)}` });
  box.checked = selected.has(e.event_id);
  box.addEventListener('click', (ev) => ev.stopPropagation());
  box.addEventListener('change', () => {
    if (box.checked) selected.add(e.event_id); else selected.delete(e.event_id);
    onSelect();
  });
  const notice = L.firstSentence(f.explanation?.summary) || f.evidence?.text || '';
  const tr = el('tr', { tabindex: '0', 'data-event-id': e.event_id, 'aria-current': 'false' },
    el('td', {}, box),
    el('td', { text: when(e.at) }),
    el('td', { text: whatOf(e) }),
    el('td', { text: f.kind ? label('kinds', f.kind) : '' }),
    el('td', { text: f.vendor ? L.vendor(f.vendor) : '' }),
    el('td', { text: e.site || '' }),
    el('td', { class: 'notice', text: notice }));
  activate(tr, () => onOpen(e, tr));
  return tr;
}

// The children of the detail view for one event.
export function eventDetail(e) {
  const f = e.finding || {};
  const meta = [`${when(e.at)} on ${e.site || 'an unknown site'}`];
  if (e.page_title) meta.push(`Page: ${e.page_title}`);
  if (e.meeting) meta.push(e.meeting.startsWith('hmac-sha256:') ? 'Meeting: kept as a fingerprint only' : `Meeting: ${e.meeting}`);
  const body = [el('p', { class: 'hint', text: meta.join(' — ') })];
  if (f.kind) {
    // The popup's own view of a finding (shared/finding-view.js), so both pages say the same
    // things in the same words. An event from people's words keeps no quote: no empty one shown.
    const view = findingDetail({ id: e.event_id, finding: f }, `h${++detailViews}`);
    if (!f.evidence?.text) view.querySelector('blockquote')?.previousElementSibling?.remove();
    if (!f.evidence?.text) view.querySelector('blockquote')?.remove();
    body.push(view);
  }
  body.push(el('p', { class: 'hint', text: `Event ${e.event_id}` }));
  return { title: `${whatOf(e)}: ${f.explanation?.summary || (f.kind ? label('kinds', f.kind) : 'no notice attached')}`, body };
}
