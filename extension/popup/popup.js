// The toolbar popup: the trusted view. It reads the tab's findings from the background's
// session storage (a page cannot write there) and shows each in full: the explanation, the
// quoted evidence, the sources with their dates, and a data-flow diagram.
// All text goes in through textContent; links are made only from https source URLs.
// ?tab=ID shows a given tab (the end-to-end tests open popup.html in a normal page).
import { flowDiagram } from './diagram.js';

const L = globalThis.consentlensLabels;
const $ = (id) => document.getElementById(id);

const { el } = globalThis.consentlensDom;

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

function sourceList(sources) {
  const ul = el('ul', { class: 'sources' });
  for (const s of sources || []) {
    const li = el('li');
    let url = null;
    try { url = new URL(s.url); } catch { /* not a URL: shown as text */ }
    const label = s.title || s.url || 'source';
    li.appendChild(url && url.protocol === 'https:'
      ? el('a', { href: url.href, target: '_blank', rel: 'noopener noreferrer', text: label })
      : el('span', { text: label }));
    li.appendChild(document.createTextNode(` (${s.date || 'no date'})`));
    ul.appendChild(li);
  }
  return ul;
}

function findingSection(entry, index) {
  const f = entry.finding;
  const x = f.explanation || {};
  const part = (title, text) => [el('h3', { text: title }), el('p', { text: text || 'Unknown.' })];
  return el('section', { class: 'finding', 'aria-labelledby': `f-${index}` },
    el('h2', { id: `f-${index}`, text: x.summary || L.kind[f.kind] || f.kind }),
    el('p', { class: 'kind', text: `${L.kind[f.kind] || f.kind} · ${L.vendor(f.vendor)} · seen ${new Date(entry.seenAt).toLocaleTimeString()}` }),
    ...part('Who agreed', x.who_consented),
    ...part('What you can do', x.your_choices),
    ...part('Where your data goes', x.data_flow),
    flowDiagram(f, L, index),
    ...part(`Does it train AI? ${L.training[f.training] || L.training.unknown}`, x.training),
    el('h3', { text: 'What the page said' }),
    el('blockquote', { text: f.evidence?.text || '' }),
    el('h3', { text: 'Sources' }),
    sourceList(f.sources));
}

async function render() {
  const tabId = await currentTabId();
  const got = await chrome.storage.session.get(['engine', `tab:${tabId}`]);
  const problem = engineProblem(got.engine);
  const rec = got[`tab:${tabId}`];
  const entries = rec ? [...rec.entries].reverse() : [];
  const main = $('findings');
  main.replaceChildren(...entries.map(findingSection));
  if (problem) setStatus(problem, true);
  else if (!rec) setStatus('consentlens is not watching this page. It works on Zoom, Google Meet, Teams, Webex, Jitsi Meet and Whereby in the browser.');
  else if (!entries.length) setStatus('No notice about AI, recording, transcription, streaming, bots or terms seen on this page yet.');
  else setStatus(entries.length === 1 ? '1 notice on this page.' : `${entries.length} notices on this page.`);
}

$('open-options').addEventListener('click', () => chrome.runtime.openOptionsPage());
// tabs.create needs no permission for the extension's own page.
$('open-history').addEventListener('click', async () => {
  await chrome.tabs.create({ url: chrome.runtime.getURL('history/history.html') });
  window.close();
});
chrome.storage.session.onChanged.addListener(() => { render(); });
render();
