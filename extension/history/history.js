// The history page: the local consent history kept by the native host, read through the
// background's one port (messages 'history-request', 'history-status', 'history-flush').
// When the host cannot be reached it shows what the browser's error means and the commands
// that fix it, instead of an empty table. All text goes in through textContent; the
// events are the person's own, but their evidence is quoted page text.
import { timelineChart } from './chart.js';
import { diagnoseHostError } from '../shared/host-diagnosis.js';

const L = globalThis.consentlensLabels;
const $ = (id) => document.getElementById(id);
const PAGE_SIZE = 50;
const CHOICE_TEXT = {
  stayed: 'You stayed', left: 'You left', dismissed: 'You dismissed the card',
  opened_details: 'You opened the details', accepted: 'You accepted', declined: 'You declined',
};

let cursor = null;
const shown = new Map();  // event_id -> event, for the detail view
const selected = new Set();

const { el } = globalThis.consentlensDom;

function say(text) {
  $('message').textContent = text;
}

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
  const d = diagnoseHostError(message, chrome.runtime.id);
  $('diagnosis').hidden = !d;
  $('content').hidden = !!d;
  document.body.dataset.host = d ? d.cause : 'ok';
  if (!d) return;
  $('diag-title').textContent = d.title;
  $('diag-detail').textContent = d.detail;
  $('diag-commands').textContent = d.commands.join('\n');
  $('diag-message').textContent = d.message;
  setStatus('The history cannot be shown.', true);
}

async function showQueue() {
  let reply;
  try {
    reply = await chrome.runtime.sendMessage({ type: 'history-status' });
  } catch {
    return;
  }
  const st = reply?.status;
  if (!st) return;
  const parts = [];
  if (st.queued) parts.push(`${st.queued} event${st.queued === 1 ? ' is' : 's are'} waiting to be saved; they are kept in the browser until the history helper can take them.`);
  if (st.dropped) parts.push(`${st.dropped} older event${st.dropped === 1 ? ' was' : 's were'} dropped because the waiting list was full.`);
  if (st.rejected) parts.push(`${st.rejected} event${st.rejected === 1 ? ' was' : 's were'} refused by the history helper as malformed.`);
  $('queue').textContent = parts.join(' ');
  $('queue').hidden = parts.length === 0;
}

// --- filters -------------------------------------------------------------------------

function filters() {
  const out = {};
  const data = new FormData($('filters'));
  for (const name of ['since', 'type', 'kind', 'vendor', 'site', 'search']) {
    const v = String(data.get(name) || '').trim();
    if (v) out[name] = v;
  }
  return out;
}

function fillSelect(select, values, label) {
  const keep = select.value;
  for (const o of [...select.options].slice(1)) o.remove();
  for (const v of values) select.appendChild(el('option', { value: v, text: label(v) }));
  select.value = values.includes(keep) ? keep : '';
}

// --- the table -----------------------------------------------------------------------

function when(at) {
  const d = new Date(at);
  return Number.isNaN(d.getTime()) ? String(at) : d.toLocaleString();
}

function row(e) {
  const f = e.finding || {};
  const box = el('input', { type: 'checkbox', 'aria-label': `Select the event of ${when(e.at)}` });
  box.checked = selected.has(e.event_id);
  box.addEventListener('click', (ev) => ev.stopPropagation());
  box.addEventListener('change', () => {
    if (box.checked) selected.add(e.event_id); else selected.delete(e.event_id);
    $('delete-selected').disabled = selected.size === 0;
  });
  const what = e.type === 'choice' ? (CHOICE_TEXT[e.choice] || e.choice) : 'Notice shown';
  const notice = L.firstSentence(f.explanation?.summary) || f.evidence?.text || '';
  const tr = el('tr', { tabindex: '0', 'data-event-id': e.event_id, 'aria-current': 'false' },
    el('td', {}, box),
    el('td', { text: when(e.at) }),
    el('td', { text: what }),
    el('td', { text: f.kind ? (L.kind[f.kind] || f.kind) : '' }),
    el('td', { text: f.vendor ? L.vendor(f.vendor) : '' }),
    el('td', { text: e.site || '' }),
    el('td', { class: 'notice', text: notice }));
  const open = () => showDetail(e.event_id, tr);
  tr.addEventListener('click', open);
  tr.addEventListener('keydown', (ev) => { if (ev.key === 'Enter' || ev.key === ' ') { ev.preventDefault(); open(); } });
  return tr;
}

async function load(more = false) {
  if (!more) {
    cursor = null;
    shown.clear();
    $('events').tBodies[0].replaceChildren();
    $('detail').hidden = true;
  }
  const reply = await host({ op: 'query', ...filters(), limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) });
  if (!reply.ok) {
    if (reply.error.code !== 'unreachable') say(`The history helper refused the request: ${reply.error.message}`);
    return;
  }
  const body = $('events').tBodies[0];
  for (const e of reply.events || []) {
    if (!e || typeof e.event_id !== 'string' || shown.has(e.event_id)) continue;
    shown.set(e.event_id, e);
    body.appendChild(row(e));
  }
  cursor = reply.next_cursor || null;
  $('more').hidden = !cursor;
  $('total').textContent = `(${reply.total ?? shown.size})`;
  setStatus(reply.total === 0 ? 'No events match.' : `${reply.total} event${reply.total === 1 ? '' : 's'}.`);
  document.body.dataset.loaded = String(Date.now());
}

async function loadChart() {
  const reply = await host({ op: 'stats', ...filters(), type: 'finding_shown' });
  const box = $('chart');
  if (!reply.ok) { box.replaceChildren(); return; }
  const chart = timelineChart(reply.by_week, L);
  box.replaceChildren(chart || el('p', { class: 'hint', text: 'No notices in this period.' }));
}

// --- detail --------------------------------------------------------------------------

function sourceList(sources) {
  const ul = el('ul');
  for (const s of sources || []) {
    let url = null;
    try { url = new URL(s.url); } catch { /* shown as text */ }
    const label = s.title || s.url || 'source';
    ul.appendChild(el('li', {},
      url && url.protocol === 'https:'
        ? el('a', { href: url.href, target: '_blank', rel: 'noopener noreferrer', text: label })
        : el('span', { text: label }),
      ` (${s.date || 'no date'})`));
  }
  return ul;
}

function showDetail(id, tr) {
  const e = shown.get(id);
  if (!e) return;
  for (const r of $('events').tBodies[0].rows) r.setAttribute('aria-current', String(r === tr));
  const f = e.finding || {};
  const x = f.explanation || {};
  const part = (title, text) => (text ? [el('h3', { text: title }), el('p', { text })] : []);
  const what = e.type === 'choice' ? (CHOICE_TEXT[e.choice] || e.choice) : 'Notice shown';
  $('detail-title').textContent = `${what}: ${x.summary || L.kind[f.kind] || 'no finding attached'}`;
  const meta = [`${when(e.at)} on ${e.site || 'an unknown site'}`];
  if (f.kind) meta.push(`${L.kind[f.kind] || f.kind} · ${L.vendor(f.vendor)}`);
  if (e.page_title) meta.push(`Page: ${e.page_title}`);
  if (e.meeting) meta.push(`Meeting: ${e.meeting}`);
  $('detail-body').replaceChildren(
    el('p', { class: 'hint', text: meta.join(' — ') }),
    ...part('Who agreed', x.who_consented),
    ...part('What you can do', x.your_choices),
    ...part('Where your data goes', x.data_flow),
    ...part(`Does it train AI? ${f.training ? (L.training[f.training] || f.training) : ''}`, x.training),
    ...(f.evidence?.text ? [el('h3', { text: 'What the page said' }), el('blockquote', { text: f.evidence.text })] : []),
    ...(f.sources?.length ? [el('h3', { text: 'Sources' }), sourceList(f.sources)] : []),
    el('p', { class: 'hint', text: `Event ${e.event_id}` }));
  $('detail').hidden = false;
  $('detail').scrollIntoView({ block: 'nearest' });
}

// --- export, delete, purge, retention ------------------------------------------------

// Every page of the export, joined into one file; offered as a download from a Blob URL
// (made here, nothing fetched).
async function exportAll(format) {
  const pieces = [];
  let next = null;
  let count = 0;
  do {
    const reply = await host({ op: 'export', format, ...filters(), ...(next ? { cursor: next } : {}) });
    if (!reply.ok) { say(`Export failed: ${reply.error.message}`); return; }
    pieces.push(String(reply.data || ''));
    count += reply.count || 0;
    next = reply.next_cursor || null;
  } while (next);
  let text;
  if (format === 'json') {
    const all = [];
    for (const p of pieces) {
      const v = p.trim() ? JSON.parse(p) : [];
      if (Array.isArray(v)) all.push(...v); else all.push(v);
    }
    text = `${JSON.stringify(all, null, 2)}\n`;
  } else {
    // Each page starts with the header row; keep the first one only.
    const lines = [];
    let header = null;
    for (const p of pieces) {
      const rows = p.split(/\r?\n/).filter((l) => l.length);
      if (!rows.length) continue;
      if (header === null) { header = rows[0]; lines.push(...rows); } else lines.push(...(rows[0] === header ? rows.slice(1) : rows));
    }
    text = lines.length ? `${lines.join('\r\n')}\r\n` : '';
  }
  const blob = new Blob([text], { type: format === 'json' ? 'application/json' : 'text/csv' });
  const url = URL.createObjectURL(blob);
  const a = el('a', { href: url, download: `consentlens-history-${new Date().toISOString().slice(0, 10)}.${format}` });
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60000);  // the download has read it long before
  say(`Exported ${count} event${count === 1 ? '' : 's'} as ${format.toUpperCase()}.`);
}

async function deleteSelected() {
  const ids = [...selected];
  if (!ids.length) return;
  const reply = await host({ op: 'delete', event_ids: ids });
  if (!reply.ok) { say(`Not deleted: ${reply.error.message}`); return; }
  selected.clear();
  $('delete-selected').disabled = true;
  say(`Deleted ${reply.deleted} event${reply.deleted === 1 ? '' : 's'}.`);
  await refresh();
}

async function purge() {
  $('purge-confirm').hidden = true;
  const reply = await host({ op: 'purge' });
  if (!reply.ok) { say(`Not deleted: ${reply.error.message}`); return; }
  selected.clear();
  say(`Deleted all ${reply.deleted} event${reply.deleted === 1 ? '' : 's'}.`);
  await refresh();
}

async function loadHello() {
  const reply = await host({ op: 'hello' });
  if (!reply.ok) return false;
  $('retention-days').value = String(reply.retention_days ?? '');
  $('helper').textContent = `History helper ${reply.version || ''}, database ${reply.database || ''}.`;
  return true;
}

async function loadVendors() {
  const reply = await host({ op: 'stats' });
  if (!reply.ok) return;
  fillSelect($('filters').elements.vendor, Object.keys(reply.by_vendor || {}).sort(), (v) => L.vendor(v));
}

async function refresh() {
  await Promise.all([load(), loadChart(), showQueue()]);
}

async function start() {
  setStatus('Reading the history…');
  fillSelect($('filters').elements.kind, Object.keys(L.kind), (k) => L.kind[k]);
  // Deliver what waited in the browser first, so it is in the table.
  try { await chrome.runtime.sendMessage({ type: 'history-flush' }); } catch { /* shown below */ }
  if (!(await loadHello())) { await showQueue(); return; }
  await loadVendors();
  await refresh();
}

$('filters').addEventListener('submit', (ev) => { ev.preventDefault(); refresh(); });
$('more').addEventListener('click', () => load(true));
$('export-json').addEventListener('click', () => exportAll('json'));
$('export-csv').addEventListener('click', () => exportAll('csv'));
$('delete-selected').addEventListener('click', deleteSelected);
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
  say(days === 0 ? 'Events are kept until you delete them.' : `Events are kept for ${reply.retention_days} days; ${reply.deleted} older event${reply.deleted === 1 ? ' was' : 's were'} deleted.`);
  if (reply.deleted) await refresh();
});

start();
