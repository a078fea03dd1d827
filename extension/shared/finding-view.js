// How a finding is shown in the extension's own pages: the popup now, the history page when
// it takes it up. One view, so the two say the same things in the same words:
//   - compactRow: the two lines the card shows too (summary; who agreed and your options),
//   - findingDetail: the diagram and the quote first, then the full explanation and the
//     sources, ranked, each with what its date means,
//   - reportText: the local, redacted "Something wrong?" report.
// Every contract value's words come from labels.js; every string goes in through textContent
// (dom.js); links are made only from https source URLs.
import { flowDiagram } from './flow-diagram.js';

const L = globalThis.consentlensLabels;
const { el, partsEl } = globalThis.consentlensDom;
const VENDOR_HOSTS = globalThis.consentlensSites?.vendor_hosts || {};

// The registrable part of a host, near enough for the hosts vendors use (support.zoom.us ->
// zoom.us, workspace.google.com -> google.com).
const baseOf = (host) => host.split('.').slice(-2).join('.');

const LANGS = new Set(['en', 'de', 'fr', 'es', 'it', 'pt', 'nl', 'ja', 'zh', 'ko', 'ru', 'pl', 'sv', 'da', 'fi', 'nb', 'no',
  'cs', 'sk', 'hu', 'ro', 'tr', 'ar', 'he', 'el', 'uk', 'ca', 'id', 'vi', 'th', 'hi']);

// The language a source page is in, from its address ("/hc/de-de/", "?hl=fr"), or null.
export function sourceLanguage(url) {
  for (const seg of url.pathname.split('/')) {
    const m = /^([a-z]{2})(?:[-_][a-z]{2,4})?$/i.exec(seg);
    if (m && LANGS.has(m[1].toLowerCase())) return m[1].toLowerCase();
  }
  const hl = url.searchParams.get('hl') || url.searchParams.get('lang');
  return hl ? hl.slice(0, 2).toLowerCase() : null;
}

// Sources ranked: the vendor's own pages first, then others; within each, those in English or
// in the person's own language before the rest; the order the engine gave otherwise.
export function rankSources(sources, vendor, ownLanguage = 'en') {
  const own = new Set((VENDOR_HOSTS[vendor] || []).map(baseOf));
  const scored = (sources || []).map((s, i) => {
    let url = null;
    try { url = new URL(s.url); } catch { /* not a URL: last */ }
    const isOwn = Boolean(url && own.has(baseOf(url.hostname)));
    const lang = url ? sourceLanguage(url) : null;
    const readable = !lang || lang === 'en' || lang === ownLanguage;
    return { s, url, isOwn, lang, score: (isOwn ? 0 : 2) + (readable ? 0 : 1) + (url ? 0 : 4), i };
  });
  return scored.sort((a, b) => a.score - b.score || a.i - b.i);
}

// What a source's date means: the fact's own date (published or in force), and apart from it
// when someone last checked that the page still says so.
export function dateWords(s) {
  const parts = [];
  if (s.date) parts.push(`fact dated ${s.date}`);
  if (s.checked) parts.push(`page checked ${s.checked}`);
  return parts.length ? parts.join('; ') : 'no date given';
}

export function sourceList(sources, vendor) {
  const ul = el('ul', { class: 'sources' });
  const ownLanguage = (navigator.language || 'en').slice(0, 2).toLowerCase();
  for (const { s, url, isOwn, lang } of rankSources(sources, vendor, ownLanguage)) {
    const li = el('li', { 'data-own': isOwn ? 'yes' : 'no' });
    const label = s.title || s.url || 'source';
    li.appendChild(url && url.protocol === 'https:'
      ? el('a', { href: url.href, target: '_blank', rel: 'noopener noreferrer', text: label })
      : el('span', { text: label }));
    const notes = [isOwn ? `${L.vendor(vendor)}'s own page` : 'another site'];
    if (lang && lang !== 'en') notes.push(`in ${lang}`);
    notes.push(dateWords(s));
    li.appendChild(el('span', { class: 'date', text: ` (${notes.join(', ')})` }));
    ul.appendChild(li);
  }
  return ul;
}

// The two lines the card shows for a finding, the same words from the same fields.
export function compactRow(entry, { tag = 'li' } = {}) {
  const f = entry.finding;
  return el(tag, { class: 'compact', 'data-id': entry.id, 'data-kind': f.kind },
    el('p', { class: 'what', text: L.firstSentence(f.explanation?.summary) || L.kind[f.kind] || f.kind }),
    partsEl('p', [...L.whoParts(f), { separator: true }, ...L.optionParts(f)], { class: 'how' }));
}

const TOPICS = ['who_consented', 'your_choices', 'data_flow', 'training'];

// One finding in full: the kind and vendor, the diagram and the quote first (what the page
// said, where the data goes), then the explanation and the sources in a disclosure.
export function findingDetail(entry, index, { onReport } = {}) {
  const f = entry.finding;
  const x = f.explanation || {};
  const kindLine = el('p', { class: 'kind' },
    el('span', { 'data-contract': `kinds:${f.kind}`, text: L.kind[f.kind] || f.kind }), ' · ',
    el('span', { 'data-contract': `vendors:${f.vendor}`, text: L.vendor(f.vendor) }), ' · ',
    el('span', { 'data-contract': `states:${f.state}`, text: L.state[f.state] || f.state }));
  if (f.bot_name) kindLine.append(` · ${f.bot_name}`);
  // A short heading (the summary's first sentence); the rest of the summary with the details.
  const head = L.firstSentence(x.summary) || L.kind[f.kind] || f.kind;
  const rest = String(x.summary || '').trim().slice(head.length).trim();
  const more = el('details', { class: 'more' },
    el('summary', { text: 'Full explanation and sources' }),
    rest ? el('p', { class: 'rest', text: rest }) : null,
    ...TOPICS.flatMap((t) => [el('h4', { 'data-contract': `explanation_topics:${t}`, text: L.topics[t] }), el('p', { text: x[t] || '' })]),
    el('p', { class: 'training' },
      el('span', { class: 'h', 'data-contract': 'explanation_topics:training', 'data-form': 'short', text: L.short.training }), ': ',
      el('span', { 'data-contract': `training:${f.training}`, text: L.training[f.training] || L.training.unknown })),
    el('h4', { text: 'Sources' }),
    sourceList(f.sources, f.vendor));
  const section = el('section', { class: 'finding', 'aria-labelledby': `f-${index}`, 'data-id': entry.id },
    el('h3', { id: `f-${index}`, text: head }),
    kindLine,
    flowDiagram(f, L, index),
    el('h4', { text: 'What the page said' }),
    el('blockquote', { text: f.evidence?.text || '' }),
    more);
  if (onReport) {
    const btn = el('button', { type: 'button', class: 'report', text: 'Something wrong?' });
    btn.addEventListener('click', () => onReport(entry, section, btn));
    section.appendChild(btn);
  }
  return section;
}

// Takes out of a text what could identify someone or let someone in, before a person shares a
// report: e-mail addresses, the query and fragment of links (tokens, passwords), long numbers
// (meeting IDs, phone numbers).
export function redact(text) {
  return String(text || '')
    .replace(/[^\s@<>()"']+@[^\s@<>()"']+\.[a-z]{2,}/gi, '[e-mail]')
    .replace(/\bhttps?:\/\/[^\s?#"'<>]+[?#][^\s"'<>]*/gi, (u) => u.replace(/[?#].*$/, '?[removed]'))
    .replace(/\+?\d[\d ().-]{6,}\d/g, '[number]');
}

// The report a person can copy or save when an explanation is wrong: the words the page
// showed, what consentlens made of them, and the versions. Nothing is sent anywhere.
export function reportText(entry, { extensionVersion, engineVersion, site }) {
  const f = entry.finding;
  const finding = {
    kind: f.kind, state: f.state, context: f.context, vendor: f.vendor, consent_by: f.consent_by, your_choices: f.your_choices,
    data: f.data, destinations: f.destinations, training: f.training, rule: f.rule,
    ...(f.bot_name !== undefined ? { bot_name: f.bot_name ? redact(f.bot_name) : null } : {}),
    explanation: Object.fromEntries(Object.entries(f.explanation || {}).map(([k, v]) => [k, redact(v)])),
    sources: (f.sources || []).map((s) => ({ url: s.url, date: s.date, checked: s.checked })),
  };
  return [
    'consentlens report: what the page said, and what consentlens made of it.',
    'Nothing has been sent. Check it before you share it: names in the quote are not removed.',
    '',
    `extension ${extensionVersion}, engine ${engineVersion || 'unknown'}`,
    `site: ${site || 'unknown'}`,
    '',
    'What the page said (e-mail addresses, link tokens and long numbers removed):',
    redact(f.evidence?.text),
    '',
    'The finding:',
    JSON.stringify(finding, null, 2),
  ].join('\n');
}
