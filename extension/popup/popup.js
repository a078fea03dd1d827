// The toolbar popup: the trusted view. It reads the tab's meeting from the background's
// session storage (a page cannot write there) and shows, in this order: a compact summary of
// what is on now (the card's own two lines per notice), then each finding with its diagram and
// the words the page used, the full explanation and ranked sources below; what was on earlier;
// mute this meeting / pause this site; and whether the history is being saved.
// ?tab=ID shows a given tab (the end-to-end tests open popup.html in a normal page).
import { compactRow, findingDetail, reportText } from '../shared/finding-view.js';
import { loadSettings } from '../shared/settings.js';
import { siteById } from '../shared/sites.js';
import { diagnoseHostError } from '../shared/host-diagnosis.js';
import { countsNow, byNow } from '../background/tab-store.js';

const L = globalThis.consentlensLabels;
const { el } = globalThis.consentlensDom;
const $ = (id) => document.getElementById(id);

let tabId = -1;
let current = null;  // {rec, meeting}

async function currentTabId() {
  const fromQuery = Number.parseInt(new URLSearchParams(location.search).get('tab') || '', 10);
  if (Number.isInteger(fromQuery) && fromQuery >= 0) return fromQuery;
  const [tab] = await chrome.tabs.query({ active: true, currentWindow: true });
  return tab ? tab.id : -1;
}

function setStatus(text, isError = false) {
  $('status').textContent = text;
  $('status').classList.toggle('error', isError);
}

// Where WebAssembly is off, the engine cannot run: say so plainly, never fail silently.
function engineProblem(engine) {
  if (typeof WebAssembly !== 'object') {
    return 'The engine cannot run: WebAssembly is turned off in this browser, so consentlens cannot check meeting notices.';
  }
  if (engine && engine.state === 'unavailable') {
    return `The engine cannot run: ${engine.error || 'it failed to start'}. consentlens cannot check meeting notices.`;
  }
  return null;
}

const time = (iso) => (iso ? new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' }) : '');

// "Recording: 10:02–10:15, 10:31–10:40".
function periodsText(e) {
  const spans = (e.periods || []).map((p) => `${time(p.from)}–${p.to ? time(p.to) : ''}`);
  return `${L.kind[e.kind] || e.kind} (${L.vendor(e.vendor)}): ${spans.length ? spans.join(', ') : `${L.state.stopped} ${time(e.stoppedAt)}`}`;
}

function summaryRow(e) {
  const li = compactRow(e);
  const earlier = e.periods.length > 1 ? `, also ${e.periods.slice(0, -1).map((p) => `${time(p.from)}–${time(p.to)}`).join(', ')}` : '';
  li.appendChild(el('p', { class: 'since', text: `${L.state[e.state]} since ${time(e.since)}${earlier}` }));
  return li;
}

async function showReport(entry) {
  const engine = (await chrome.storage.session.get('engine')).engine;
  const site = current?.rec ? siteById(current.rec.site)?.label : '';
  $('report-text').value = reportText(entry, { extensionVersion: chrome.runtime.getManifest().version, engineVersion: engine?.version, site });
  $('report-message').textContent = '';
  $('report').hidden = false;
  $('report-text').focus();
}

$('report-copy').addEventListener('click', async () => {
  try {
    await navigator.clipboard.writeText($('report-text').value);
    $('report-message').textContent = 'Copied.';
  } catch {
    $('report-text').select();
    $('report-message').textContent = 'Select the text and copy it with your keyboard.';
  }
});
$('report-save').addEventListener('click', () => {
  const url = URL.createObjectURL(new Blob([$('report-text').value], { type: 'text/plain' }));
  const a = el('a', { href: url, download: `consentlens-report-${new Date().toISOString().slice(0, 10)}.txt` });
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
  $('report-message').textContent = 'Saved to your downloads.';
});
$('report-close').addEventListener('click', () => { $('report').hidden = true; });

async function historyStatus() {
  const settings = await loadSettings();
  if (!settings.history.enabled) return 'History is off: consentlens keeps no record of this meeting.';
  let status = null;
  try {
    status = (await chrome.runtime.sendMessage({ type: 'history-status' }))?.status;
  } catch {
    return '';
  }
  if (!status) return '';
  const waiting = status.queued ? ` ${status.queued === 1 ? '1 event waits' : `${status.queued} events wait`} to be saved.` : '';
  if (status.error) {
    const d = diagnoseHostError(status.error, { extensionId: chrome.runtime.id, lastConnectedAt: status.lastConnectedAt });
    return `History is not being saved: ${d.title}${waiting} See the history page for what to do.`;
  }
  if (status.queued) return `History:${waiting}`;
  return status.state === 'connected' ? 'History: saved on this computer.' : '';
}

// Re-renders keep what the person was doing: the open disclosures and the focused control.
function keepState(render) {
  const open = new Set([...document.querySelectorAll('details[open]')].map((d) => d.closest('[data-id]')?.dataset.id));
  const active = document.activeElement;
  const focusKey = active && active !== document.body
    ? { id: active.id, section: active.closest('[data-id]')?.dataset.id, cls: active.className, tag: active.tagName } : null;
  render();
  for (const d of document.querySelectorAll('details')) if (open.has(d.closest('[data-id]')?.dataset.id)) d.open = true;
  if (focusKey && !(focusKey.id && document.getElementById(focusKey.id) === active) && !active.isConnected) {
    const scope = focusKey.section ? document.querySelector(`section.finding[data-id="${focusKey.section}"]`) : document;
    const again = focusKey.id ? document.getElementById(focusKey.id)
      : scope?.querySelector(`${focusKey.tag.toLowerCase()}${focusKey.cls ? `.${String(focusKey.cls).split(' ')[0]}` : ''}`);
    if (again) again.focus();
  }
}

async function render() {
  const got = await chrome.storage.session.get(['engine', `tab:${tabId}`]);
  const rec = got[`tab:${tabId}`] || null;
  const mkey = rec ? `meeting:${rec.meeting}` : null;
  const meeting = mkey ? (await chrome.storage.session.get(mkey))[mkey] || {} : {};
  const settings = await loadSettings();
  current = { rec, meeting };
  const problem = engineProblem(got.engine);
  const on = rec ? byNow(rec.entries.filter(countsNow)) : [];
  const earlier = rec ? rec.entries.filter((e) => !countsNow(e)) : [];
  const site = rec ? siteById(rec.site) : null;
  const paused = Boolean(site && settings.sites[site.id] === false);

  keepState(() => {
    $('now').hidden = !on.length;
    $('summary').replaceChildren(...on.map(summaryRow));
    $('findings').replaceChildren(...on.map((e, i) => findingDetail(e, i, { onReport: showReport })));
    $('earlier').hidden = !earlier.length;
    $('earlier-list').replaceChildren(...earlier.map((e) => el('li', { text: periodsText(e) })));
    $('controls').hidden = !rec;
    $('mute').textContent = meeting.muted ? 'Unmute this meeting' : 'Mute this meeting';
    $('mute').hidden = paused;
    $('pause').textContent = paused ? `Resume on ${site?.label}` : `Pause on ${site?.label}`;
  });

  if (problem) setStatus(problem, true);
  else if (!rec) setStatus('consentlens is not watching this page. It works on Zoom, Google Meet, Teams, Webex, Jitsi Meet and Whereby in the browser.');
  else if (paused) setStatus(`consentlens is paused on ${site.label}. Resume it below.`);
  else if (!on.length) setStatus(`Nothing on now about AI, recording, transcription, streaming, bots or terms${earlier.length ? '' : ' seen on this page yet'}.`);
  else setStatus(`${on.length === 1 ? '1 notice' : `${on.length} notices`} on now on this page${meeting.muted ? ' (the card is muted for this meeting)' : ''}.`);
  $('history-status').textContent = await historyStatus();
}

async function tabAction(action) {
  await chrome.runtime.sendMessage({ type: 'tab-action', tabId, action });
  await render();
}
$('mute').addEventListener('click', () => tabAction(current?.meeting?.muted ? 'unmute' : 'mute'));
$('pause').addEventListener('click', async () => {
  const settings = await loadSettings();
  await tabAction(current?.rec && settings.sites[current.rec.site] === false ? 'resume' : 'pause');
});
$('open-options').addEventListener('click', () => chrome.runtime.openOptionsPage());
// tabs.create needs no permission for the extension's own page.
$('open-history').addEventListener('click', async () => {
  await chrome.tabs.create({ url: chrome.runtime.getURL('history/history.html') });
  window.close();
});

tabId = await currentTabId();
chrome.storage.onChanged.addListener((changes, area) => {
  const mine = area === 'session'
    ? Boolean(changes[`tab:${tabId}`]) || Object.keys(changes).some((k) => k.startsWith('meeting:') || k === 'engine' || k === 'historyStatus')
    : Boolean(changes.settings || changes.historyQueue);
  if (mine) render();
});
render();
