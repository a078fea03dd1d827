// The history page: the local consent history kept by the native host, read through the
// background's one port (messages 'history-request', 'history-status', 'history-flush'). It
// lists one row per meeting (or every event), for calendar periods, answers and sites; says what
// is kept and for how long; and when the host cannot be reached, says why and what to do on this
// browser and system, instead of showing an empty table.
import { timelineChart } from './chart.js';
import { periodFilters } from './periods.js';
import { ANSWERS, meetingRow, eventRow, eventDetail } from './rows.js';
import { groupByMeeting } from './groups.js';
import { diagnoseHostError, browserName } from '../shared/host-diagnosis.js';
import { loadSettings } from '../shared/settings.js';

const L = globalThis.consentlensLabels;
const C = globalThis.consentlensContract;
const { el } = globalThis.consentlensDom;
const $ = (id) => document.getElementById(id);
const PAGE_SIZE = 50;
const GROUP_IN_PAGE_MAX = 2000;  // events grouped here when the host's `meetings` cannot be asked
const FILTERS = ['choice', 'kind', 'vendor', 'site', 'search'];

let cursor = null;
let hostMeetings = true;  // false once the background refused to pass `meetings` on
let linkStatus = null;  // the history link's status (background/history-link.js)
let platform = { browser: 'chromium', os: 'linux' };
const shown = new Map();  // event_id -> event, for the detail view
const selected = new Set();

const say = (text) => { $('message').textContent = text; };
const plural = (n, one, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function setStatus(text, isError = false) {
  $('status').textContent = text;
  $('status').classList.toggle('error', isError);
}

// --- the host, through the background -------------------------------------------------

function errorOf(reply) {
  if (!reply) return { code: 'unreachable', message: 'The background did not answer.' };
  if (typeof reply.error === 'string') return { code: 'bad_request', message: reply.error };
  return reply.error || { code: 'unknown', message: 'unknown error' };
}

async function host(request) {
  let reply;
  try {
    reply = await chrome.runtime.sendMessage({ type: 'history-request', request });
  } catch (err) {
    reply = { ok: false, error: { code: 'unreachable', message: String(err?.message || err) } };
  }
  if (reply && reply.ok) {
    showDiagnosis(null);
    return reply;
  }
  const error = errorOf(reply);
  if (error.code === 'unreachable') showDiagnosis(error.message);
  return { ok: false, error };
}

function showDiagnosis(message) {
  const d = diagnoseHostError(message, { extensionId: chrome.runtime.id, lastConnectedAt: linkStatus?.lastConnectedAt, platform });
  $('diagnosis').hidden = !d;
  $('content').hidden = !!d;
  document.body.dataset.host = d ? d.cause : 'ok';
  if (!d) return;
  $('diag-title').textContent = d.title;
  $('diag-detail').textContent = d.detail;
  $('diag-steps').replaceChildren(...d.steps.map((s) => el('li', { text: s })));
  $('diag-commands').textContent = d.commands.join('\n');
  $('diag-commands').hidden = d.commands.length === 0;
  $('diag-message').textContent = d.message;
  setStatus('The history cannot be shown.', true);
}

async function readLinkStatus() {
  try {
    linkStatus = (await chrome.runtime.sendMessage({ type: 'history-status' }))?.status || linkStatus;
  } catch {
    // The background is restarting; the last status stands.
  }
  return linkStatus;
}

function showQueue() {
  const st = linkStatus || {};
  const parts = [];
  if (st.queued) parts.push(`${plural(st.queued, 'event')} ${st.queued === 1 ? 'is' : 'are'} waiting to be saved; they are kept in this browser until the history helper can take them.`);
  if (st.dropped) parts.push(`${plural(st.dropped, 'older event')} ${st.dropped === 1 ? 'was' : 'were'} dropped because the waiting list was full.`);
  if (st.limited) parts.push(`${plural(st.limited, 'event')} from pages that sent too many at once ${st.limited === 1 ? 'was' : 'were'} not kept.`);
  if (st.rejected) parts.push(`${plural(st.rejected, 'event')} ${st.rejected === 1 ? 'was' : 'were'} refused as malformed.`);
  $('queue').textContent = parts.join(' ');
  $('queue').hidden = parts.length === 0;
}

// --- filters -------------------------------------------------------------------------

function filters() {
  const data = new FormData($('filters'));
  const period = periodFilters(String(data.get('period') || ''), { from: data.get('from'), until: data.get('until') });
  if (period.error) return { error: period.error };
  const out = { ...period };
  for (const name of FILTERS) {
    const v = String(data.get(name) || '').trim();
    if (v) out[name] = v;
  }
  return out;
}

const view = () => $('filters').elements.view.value;
const filtering = (f) => Object.keys(f).length > 0;

function fillSelect(select, values, label) {
  const keep = select.value;
  for (const o of [...select.options].slice(1)) o.remove();
  for (const v of values) select.appendChild(el('option', { value: v, text: label(v) }));
  select.value = values.includes(keep) ? keep : '';
}

function showRange() {
  const range = $('filters').elements.period.value === 'range';
  $('from-label').hidden = !range;
  $('until-label').hidden = !range;
}

// --- the tables ----------------------------------------------------------------------

function clearTables() {
  cursor = null;
  shown.clear();
  $('meetings').tBodies[0].replaceChildren();
  $('events').tBodies[0].replaceChildren();
  $('detail').hidden = true;
}

const rowOptions = () => ({ selected, onSelect: () => { $('delete-selected').disabled = selected.size === 0; }, onOpen: showDetail });

// The meetings, from the host; or, where the background does not pass `meetings` on (it passes
// the operations background/validate.js lists), grouped here from the latest events.
async function fetchMeetings(f) {
  if (hostMeetings) {
    const reply = await host({ op: 'meetings', ...f, limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) });
    if (reply.ok || !/op: not allowed/.test(reply.error.message)) return reply;
    hostMeetings = false;
  }
  const { choice, ...rest } = f;
  const events = [];
  let next = null;
  do {
    const r = await host({ op: 'query', ...rest, limit: 500, ...(next ? { cursor: next } : {}) });
    if (!r.ok) return r;
    events.push(...r.events);
    next = r.next_cursor;
  } while (next && events.length < GROUP_IN_PAGE_MAX);
  const meetings = groupByMeeting(events, { choice });
  if (next) say(`Showing the meetings of the latest ${events.length} events; choose a shorter period to see older ones.`);
  return { ok: true, meetings, total: meetings.length, next_cursor: null };
}

async function openMeeting(m, tr) {
  const next = tr.nextElementSibling;
  if (next?.classList.contains('meeting-events')) {
    next.remove();
    tr.setAttribute('aria-expanded', 'false');
    return;
  }
  const reply = m.items ? { ok: true, events: m.items } : await host({ op: 'query', meeting: m.key, limit: 200 });
  if (!reply.ok) return;
  const rows = reply.events.map((e) => { shown.set(e.event_id, e); return eventRow(e, rowOptions()); });
  const remove = el('button', { type: 'button', text: "Delete this meeting's events" });
  remove.addEventListener('click', () => deleteIds(reply.events.map((e) => e.event_id)));
  const inner = el('table', { class: 'inner', 'aria-label': `Events of the meeting on ${m.site}` }, el('tbody', {}, ...rows));
  tr.after(el('tr', { class: 'meeting-events' }, el('td', { colspan: '5' }, inner, remove)));
  tr.setAttribute('aria-expanded', 'true');
}

function showEmpty(total, f) {
  const empty = total === 0;
  $('empty').hidden = !empty;
  $('results').hidden = empty;
  if (!empty) return;
  const some = filtering(f);
  $('empty-title').textContent = some ? 'Nothing matches these filters.' : 'No history yet.';
  $('empty-detail').textContent = some
    ? 'Try a longer period, another answer or site, or clear the filters.'
    : 'When a meeting page shows a notice about recording, transcripts, AI, a note-taking bot or terms, consentlens records here that you saw it, and what you answered.';
  $('clear-filters').hidden = !some;
}

async function load(more = false) {
  const f = filters();
  if (f.error) { say(f.error); return; }
  if (!more) clearTables();
  const meetings = view() === 'meetings';
  $('meetings').hidden = !meetings;
  $('events').hidden = meetings;
  $('delete-selected').hidden = meetings;
  $('table-name').textContent = meetings ? 'Meetings' : 'Events';
  const reply = meetings ? await fetchMeetings(f) : await host({ op: 'query', ...f, limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) });
  if (!reply.ok) {
    if (reply.error.code !== 'unreachable') say(`The history helper refused the request: ${reply.error.message}`);
    return;
  }
  const body = (meetings ? $('meetings') : $('events')).tBodies[0];
  if (meetings) for (const m of reply.meetings || []) body.appendChild(meetingRow(m, openMeeting));
  else {
    for (const e of reply.events || []) {
      if (!e || typeof e.event_id !== 'string' || shown.has(e.event_id)) continue;
      shown.set(e.event_id, e);
      body.appendChild(eventRow(e, rowOptions()));
    }
  }
  cursor = reply.next_cursor || null;
  $('more').hidden = !cursor;
  $('total').textContent = `(${reply.total})`;
  showEmpty(reply.total, f);
  setStatus(`${plural(reply.total, meetings ? 'meeting' : 'event')}.`);
  document.body.dataset.loaded = String(Date.now());
}

async function loadChart() {
  const f = filters();
  const box = $('chart');
  if (f.error) return;
  const reply = await host({ op: 'stats', ...f, type: 'finding_shown' });
  if (!reply.ok) { box.replaceChildren(); return; }
  const chart = timelineChart(reply.by_week, L);
  box.replaceChildren(chart || el('p', { class: 'hint', text: 'No notices in this period.' }));
}

function showDetail(e, tr) {
  if (!e) return;
  for (const r of document.querySelectorAll('#events tbody tr, table.inner tr')) r.setAttribute('aria-current', String(r === tr));
  const { title, body } = eventDetail(e);
  $('detail-title').textContent = title;
  $('detail-body').replaceChildren(...body);
  $('detail').hidden = false;
  $('detail').scrollIntoView({ block: 'nearest' });
}

// --- what is kept --------------------------------------------------------------------

async function showKept(retentionDays) {
  let settings = null;
  try { settings = await loadSettings(); } catch { /* the defaults are described */ }
  const h = settings?.history || { pageTitle: false, meeting: 'hash' };
  const meeting = { hash: 'the meeting, as a fingerprint made with a secret of this browser: it groups a meeting\'s events, and cannot be turned back into the link',
    url: 'the meeting link, without the part after "?" that can hold a password', none: 'nothing about which meeting it was' }[h.meeting];
  const items = [
    'For each notice: when it was shown, on which site, what kind it was (recording, AI, a bot, ...) and the vendor.',
    'What you answered in the meeting\'s own dialog (stayed, left, agreed, said no), and your clicks on the consentlens card.',
    'The words of the notice when they came from the meeting app itself. Never what people wrote in the chat, said in captions, or their names in the participant list; of a note-taking bot, only the name it shows.',
    `Also: ${meeting}; ${h.pageTitle ? 'the page title (you turned this on in the options)' : 'no page title (the options can turn it on)'}.`,
    retentionDays > 0 ? `Events are deleted after ${plural(retentionDays, 'day')}.` : 'Events are kept until you delete them.',
  ];
  $('kept-list').replaceChildren(...items.map((t) => el('li', { text: t })));
}

// --- export, delete, purge, retention ------------------------------------------------

// Every page of the export, joined into one file; offered as a download from a Blob URL (made
// here, nothing fetched). The host makes the CSV safe to open in a spreadsheet.
async function exportAll(format) {
  const f = filters();
  if (f.error) { say(f.error); return; }
  const pieces = [];
  let next = null;
  let count = 0;
  do {
    const reply = await host({ op: 'export', format, ...f, ...(next ? { cursor: next } : {}) });
    if (!reply.ok) { say(`Export failed: ${reply.error.message}`); return; }
    pieces.push(String(reply.data || ''));
    count += reply.count || 0;
    next = reply.next_cursor || null;
  } while (next);
  const text = format === 'json' ? joinJson(pieces) : joinCsv(pieces);
  const blob = new Blob([text], { type: format === 'json' ? 'application/json' : 'text/csv' });
  const url = URL.createObjectURL(blob);
  const a = el('a', { href: url, download: `consentlens-history-${new Date().toISOString().slice(0, 10)}.${format}` });
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60000);  // the download has read it long before
  say(`Exported ${plural(count, 'event')} as ${format.toUpperCase()}.`);
}

function joinJson(pieces) {
  const all = [];
  for (const p of pieces) {
    const v = p.trim() ? JSON.parse(p) : [];
    if (Array.isArray(v)) all.push(...v); else all.push(v);
  }
  return `${JSON.stringify(all, null, 2)}\n`;
}

// Each page starts with the header row; the first one is kept.
function joinCsv(pieces) {
  const lines = [];
  let header = null;
  for (const p of pieces) {
    const rows = p.split('\r\n').filter((l) => l.length);
    if (!rows.length) continue;
    if (header === null) { header = rows[0]; lines.push(...rows); } else lines.push(...(rows[0] === header ? rows.slice(1) : rows));
  }
  return lines.length ? `${lines.join('\r\n')}\r\n` : '';
}

async function deleteIds(ids) {
  if (!ids.length) return;
  const reply = await host({ op: 'delete', event_ids: ids });
  if (!reply.ok) { say(`Not deleted: ${reply.error.message}`); return; }
  for (const id of ids) selected.delete(id);
  $('delete-selected').disabled = selected.size === 0;
  say(`Deleted ${plural(reply.deleted, 'event')}.`);
  await refresh();
}

async function purge() {
  $('purge-confirm').hidden = true;
  const reply = await host({ op: 'purge' });
  if (!reply.ok) { say(`Not deleted: ${reply.error.message}`); return; }
  selected.clear();
  say(`Deleted all ${plural(reply.deleted, 'event')}.`);
  await refresh();
}

async function loadHello() {
  const reply = await host({ op: 'hello' });
  if (!reply.ok) return false;
  $('retention-days').value = String(reply.retention_days ?? '');
  $('helper').textContent = `History helper ${reply.version || ''}, database ${reply.database || ''}.`;
  if (reply.read_only) setStatus(`The history can be read but not changed: ${reply.problem}`, true);
  await showKept(reply.retention_days);
  return true;
}

async function loadVendors() {
  const reply = await host({ op: 'stats' });
  if (!reply.ok) return;
  fillSelect($('filters').elements.vendor, Object.keys(reply.by_vendor || {}).sort(), (v) => L.vendor(v));
}

async function refresh() {
  await readLinkStatus();
  showQueue();
  await Promise.all([load(), loadChart()]);
}

async function findPlatform() {
  const firefox = chrome.runtime.getURL('').startsWith('moz-extension:');
  const brands = navigator.userAgentData?.brands || [];
  let os = 'linux';
  try { os = (await chrome.runtime.getPlatformInfo()).os; } catch { /* assume Linux */ }
  platform = { browser: browserName({ brands, userAgent: navigator.userAgent, firefox }), os };
}

async function start() {
  setStatus('Reading the history…');
  fillSelect($('filters').elements.kind, C.ids('kinds'), (k) => L.kind[k]);
  fillSelect($('filters').elements.choice, ANSWERS, (c) => C.label('choices', c));
  await findPlatform();
  // Deliver what waited in the browser first, so it is in the table.
  try { await chrome.runtime.sendMessage({ type: 'history-flush' }); } catch { /* shown below */ }
  await readLinkStatus();
  showQueue();
  if (!(await loadHello())) return;
  await loadVendors();
  await refresh();
}

$('filters').addEventListener('submit', (ev) => { ev.preventDefault(); refresh(); });
$('filters').elements.period.addEventListener('change', showRange);
$('clear-filters').addEventListener('click', () => { $('filters').reset(); showRange(); refresh(); });
$('more').addEventListener('click', () => load(true));
$('export-json').addEventListener('click', () => exportAll('json'));
$('export-csv').addEventListener('click', () => exportAll('csv'));
$('delete-selected').addEventListener('click', () => deleteIds([...selected]));
$('purge').addEventListener('click', () => { $('purge-confirm').hidden = false; $('purge-no').focus(); });
$('purge-no').addEventListener('click', () => { $('purge-confirm').hidden = true; $('purge').focus(); });
$('purge-yes').addEventListener('click', purge);
$('retry').addEventListener('click', start);
$('retention').addEventListener('submit', async (ev) => {
  ev.preventDefault();
  const days = Number.parseInt($('retention-days').value, 10);
  if (!Number.isInteger(days) || days < 0 || days > 36500) { say('Type a number of days from 0 to 36500.'); return; }
  const reply = await host({ op: 'set_retention', days });
  if (!reply.ok) { say(`Not saved: ${reply.error.message}`); return; }
  say(days === 0 ? 'Events are kept until you delete them.' : `Events are kept for ${reply.retention_days} days; ${plural(reply.deleted, 'older event')} ${reply.deleted === 1 ? 'was' : 'were'} deleted.`);
  await showKept(days);
  if (reply.deleted) await refresh();
});

start();
