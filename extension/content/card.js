// The in-page card: what a notice means, in one or two lines each, next to the meeting.
// Classic content script; only the top frame draws it.
//
// Safety: the host is a plain <div> made by this script at document_start, before any page
// script runs, holding a closed shadow root. It is not a custom element, so a page cannot
// define its name first and reach the root through attachInternals(); the page's own
// prototypes cannot intercept attachShadow (the content script has its own). Every control
// acts only on trusted events (a person's click or key), so a page's click() or
// dispatchEvent() records nothing. Every string goes in through textContent. The page can
// still restyle, remove or cover the host: the host's style is put back and the host put back
// in (a bounded number of times per second), and the card says that the toolbar popup is the
// view a page cannot imitate.
//
// Placement: the card never covers the meeting's dialogs, banners, toasts, indicators or
// controls. Each placement collects their boxes and takes the free spot nearest the top
// centre (the geometry is content/placement.js), trying narrower widths; with no room it
// becomes a one-line pill (which opens the card, and whose Dismiss is always there). Only a card the person opened on purpose (from
// the pill, or Details) may cover the page, because they asked for it.
//
// Rendering: one set of nodes for the card's lifetime. A new notice adds or updates a row by
// its finding id; buttons are never rebuilt, so focus and the Details state survive, and the
// live region is one node that only changes its text.
//
// Length: about 460 lines, over the project's 400, on purpose: the nodes of the closed root,
// the card's state and its trusted-input handlers stay in this one closure, so no other
// script holds a reference to anything inside the card.
(function () {
  'use strict';
  if (globalThis.consentlensCard) return;
  if (window !== window.top) {
    globalThis.consentlensCard = Object.freeze({ show() {}, reset() {}, reflow() {} });
    return;
  }
  const L = globalThis.consentlensLabels;
  const T = globalThis.consentlensText;
  const RT = globalThis.consentlensRuntime;
  const { el, partsEl } = globalThis.consentlensDom;
  const { stats, timed, send } = RT;

  const MAX_SHOWN = 3;      // notices on the card before Details; the rest are counted
  const { MARGIN, obstacles, findSpot, leastCovering } = globalThis.consentlensPlacement;
  const WIDTHS = [480, 400, 320, 260];
  const ANNOUNCE_DELAY_MS = 200;  // a new live region is announced only once it existed empty

  const CSS = `
    :host { all: initial; }
    .card { box-sizing: border-box; font: 13px/1.4 system-ui, sans-serif; color: #1b1b1f;
      background: #fff; border: 2px solid #1f4ea8; border-radius: 10px;
      box-shadow: 0 4px 18px rgba(0,0,0,.25); padding: 6px 10px 6px; display: flex; flex-direction: column;
      max-height: inherit; }
    .top { display: flex; align-items: center; gap: 6px; }
    .brand { font-weight: 700; color: #1f4ea8; }
    h2 { font-size: 13px; font-weight: 400; margin: 0; flex: 1; min-width: 0; color: #3d4149;
      white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
    ul { list-style: none; margin: 4px 0 0; padding: 0; overflow: auto; min-height: 0; }
    li { border-top: 1px solid #dde1ea; padding: 3px 0; }
    .what, .how { margin: 0; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
    .what { font-weight: 600; }
    .how { color: #3d4149; font-size: 12.5px; }
    .how .h { font-weight: 600; }
    .full h3 { font-size: 12px; margin: 6px 0 1px; }
    .full p { margin: 0; }
    blockquote { margin: 4px 0; padding: 2px 8px; border-left: 3px solid #5b6477; color: #2d3038; }
    .more { margin: 2px 0 0; font-size: 12px; color: #3d4149; }
    .note { font-size: 11.5px; color: #3d4149; margin: 4px 0 0; }
    .actions { display: flex; flex-wrap: wrap; gap: 6px; margin-top: 6px; }
    button { font: inherit; font-size: 12.5px; padding: 2px 10px; border-radius: 6px; border: 1px solid #1f4ea8;
      background: #fff; color: #1f4ea8; cursor: pointer; white-space: nowrap; }
    button:focus-visible { outline: 3px solid #1f4ea8; outline-offset: 1px; }
    .pill { box-sizing: border-box; display: inline-flex; align-items: center; gap: 6px; font: 13px/1.3 system-ui, sans-serif;
      color: #1b1b1f; background: #fff; border: 2px solid #1f4ea8; border-radius: 999px; padding: 5px 6px 5px 6px;
      box-shadow: 0 2px 10px rgba(0,0,0,.25); white-space: nowrap; }
    .pill .open { border: 0; font-weight: 600; }
    .sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
    [hidden] { display: none !important; }
  `;

  // --- the host and its nodes, made once, before any page script runs -----------------------

  const host = document.createElement('div');
  host.setAttribute('data-consentlens', 'card');
  const root = host.attachShadow({ mode: 'closed' });
  T.ignored.add(host);

  // Styles that still apply under a strict page Content-Security-Policy: a constructed
  // stylesheet is not an inline <style> and is not blocked by style-src; <style> is the
  // fallback where constructed sheets cannot be adopted from a content script.
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS);
    root.adoptedStyleSheets = [sheet];
  } catch {
    root.appendChild(el('style', { text: CSS }));
  }

  const DISMISS_LABEL = 'Dismiss the consentlens card';
  const live = el('p', { class: 'sr', role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true' });
  const title = el('h2', { id: 'cl-title' });
  const detailsBtn = el('button', { type: 'button', 'aria-expanded': 'false', 'aria-controls': 'cl-list', text: 'Details' });
  const shrinkBtn = el('button', { type: 'button', hidden: true, text: 'Less' });
  const dismissBtn = el('button', { type: 'button', 'aria-label': DISMISS_LABEL, text: 'Dismiss' });
  // Named: when it scrolls (Details open on a small window) it is a Tab stop of its own.
  const list = el('ul', { id: 'cl-list', 'aria-label': 'Notices on this page' });
  const moreLine = el('p', { class: 'more', hidden: true });
  const muteBtn = el('button', { type: 'button', text: 'Mute this meeting' });
  const pauseBtn = el('button', { type: 'button', text: 'Pause this site' });
  const actions = el('div', { class: 'actions', hidden: true }, muteBtn, pauseBtn);
  const section = el('section', { class: 'card', role: 'region', 'aria-labelledby': 'cl-brand cl-title', lang: 'en', hidden: true },
    el('div', { class: 'top' }, el('span', { class: 'brand', id: 'cl-brand', text: 'consentlens' }), title, detailsBtn, shrinkBtn, dismissBtn),
    list, moreLine, actions,
    el('p', { class: 'note', text: 'Pages can fake this card; the toolbar button cannot be faked.' }));
  const pillOpen = el('button', { type: 'button', class: 'open', 'aria-expanded': 'false' });
  const pillDismiss = el('button', { type: 'button', 'aria-label': DISMISS_LABEL, text: 'Dismiss' });
  const pill = el('div', { class: 'pill', role: 'region', 'aria-label': 'consentlens', lang: 'en', hidden: true }, pillOpen, pillDismiss);
  root.append(section, pill, live);

  // --- state ------------------------------------------------------------------------------

  let mode = 'hidden';       // hidden | quiet (live region only) | card | pill
  let entries = [];          // what the background says to show, in the card's order
  let expanded = false;      // Details open
  let forcedOpen = false;    // opened from the pill by the person
  let reportedDetails = false;
  const rows = new Map();    // finding id -> {li, sig, full}
  let announced = new Set(); // ids already announced in this meeting
  let pendingDismiss = new Set();
  let focusBefore = null;
  let wantStyle = '';
  let fresh = false;         // the host was just put into the page: announce a moment later
  let box = { top: 0, left: 0, width: 0, maxHeight: 0 };

  // --- the host's own style, kept against the page -----------------------------------------

  const BASE = 'all: initial !important; position: fixed !important; z-index: 2147483647 !important; margin: 0 !important; ' +
    'padding: 0 !important; box-sizing: border-box !important; visibility: visible !important; opacity: 1 !important; ' +
    'transform: none !important; filter: none !important; clip-path: none !important; contain: layout style !important; ';
  function styleFor() {
    if (mode === 'hidden') return `${BASE}display: none !important;`;
    if (mode === 'quiet') {
      return `${BASE}display: block !important; top: 0 !important; left: 0 !important; width: 1px !important; height: 1px !important; ` +
        'overflow: hidden !important; pointer-events: none !important;';
    }
    return `${BASE}display: block !important; pointer-events: auto !important; top: ${Math.round(box.top)}px !important; ` +
      `left: ${Math.round(box.left)}px !important; width: ${Math.round(box.width)}px !important; ` +
      `max-height: ${Math.max(32, Math.round(box.maxHeight))}px !important; overflow: visible !important;`;
  }
  function applyStyle() {
    wantStyle = styleFor();
    if (host.getAttribute('style') !== wantStyle) host.setAttribute('style', wantStyle);
    if (host.hasAttribute('hidden')) host.removeAttribute('hidden');
  }

  // The page may restyle or remove the host; put it back, but at most RESTORE_PER_S times a
  // second, so a page fighting back cannot make the extension spin.
  const RESTORE_PER_S = 20;
  let restores = 0;
  let restoreWindow = 0;
  function mayRestore() {
    const now = performance.now();
    if (now - restoreWindow > 1000) { restoreWindow = now; restores = 0; }
    return ++restores <= RESTORE_PER_S;
  }
  new MutationObserver(timed(() => {
    if ((host.getAttribute('style') !== wantStyle || host.hasAttribute('hidden')) && mayRestore()) applyStyle();
  })).observe(host, { attributes: true });
  // Out of the page, or put behind something the page added after it: back in, and last (a
  // page's overlay of the same z-index added later would otherwise draw over it).
  const guard = new MutationObserver(timed(() => {
    if (mode !== 'hidden' && (!host.isConnected || host.nextSibling) && mayRestore()) insert();
  }));

  function insert() {
    const parent = document.documentElement;
    if (!parent) return false;
    if (host.parentNode !== parent || host.nextSibling) parent.appendChild(host);
    guard.disconnect();
    guard.observe(parent, { childList: true });
    return true;
  }

  // --- trusted input only -----------------------------------------------------------------

  function trusted(fn) {
    return timed((event) => {
      if (!event.isTrusted) { stats.untrusted++; return; }
      fn(event);
    });
  }

  detailsBtn.addEventListener('click', trusted(() => {
    expanded = !expanded;
    if (expanded && !reportedDetails) {
      reportedDetails = true;
      report('opened_details', entries.map((e) => e.id));
    }
    render();
  }));
  shrinkBtn.addEventListener('click', trusted(() => { forcedOpen = false; expanded = false; render(); }));
  pillOpen.addEventListener('click', trusted(() => { forcedOpen = true; render(); }));
  dismissBtn.addEventListener('click', trusted(dismiss));
  pillDismiss.addEventListener('click', trusted(dismiss));
  muteBtn.addEventListener('click', trusted(() => action('mute')));
  pauseBtn.addEventListener('click', trusted(() => action('pause')));
  root.addEventListener('keydown', trusted((e) => {
    if (e.key === 'Escape') { e.stopPropagation(); dismiss(); }
  }));
  // Where focus was in the page, to give it back when the card goes.
  document.addEventListener('focusin', timed((e) => {
    if (e.target !== host) focusBefore = e.target;
  }), true);

  // The card's choices, with the ids of the findings it showed: the background records its
  // own copy of each finding, once per (tab, finding, choice).
  function report(choice, ids) {
    if (!ids.length) return Promise.resolve(undefined);
    return send({ type: 'choice', choice, ids });
  }

  function giveFocusBack() {
    const back = focusBefore;
    if (document.activeElement === host && back && back.isConnected && typeof back.focus === 'function') back.focus();
  }

  function dismiss() {
    const ids = entries.map((e) => e.id);
    pendingDismiss = new Set(ids);
    giveFocusBack();
    setMode('hidden');
    report('dismissed', ids).then((res) => {
      pendingDismiss = new Set();
      if (res && res.view) show(res.view);
    });
  }

  function action(name) {
    giveFocusBack();
    setMode('hidden');
    send({ type: 'card', action: name, ids: [] }).then((res) => {
      if (res && res.view) show(res.view);
    });
  }

  // --- content ------------------------------------------------------------------------------

  const squash = (s) => String(s || '').replace(/\s+/g, ' ').trim().toLowerCase();

  // The notice that belongs to an open dialog comes first: it is what the person is being
  // asked about right now.
  function orderByDialog(list) {
    const texts = [];
    for (const d of document.querySelectorAll('[role="dialog"], [role="alertdialog"], [aria-modal="true"], dialog[open]')) {
      if (texts.length >= 4) break;
      const r = d.getBoundingClientRect();
      if (r.width > 0 && r.height > 0) texts.push(squash(T.textOf(d, null, 4000, performance.now() + 2)));
    }
    if (!texts.length) return list;
    const inDialog = (e) => {
      const ev = squash(e.finding?.evidence?.text);
      return ev.length >= 3 && texts.some((t) => t.includes(ev) || ev.includes(t));
    };
    return [...list.filter(inDialog), ...list.filter((e) => !inDialog(e))];
  }

  function fullText(f) {
    const x = f.explanation || {};
    const parts = [];
    for (const topic of ['summary', 'who_consented', 'your_choices', 'data_flow', 'training']) {
      if (!x[topic]) continue;
      parts.push(el('h3', { 'data-contract': `explanation_topics:${topic}`, text: L.topics[topic] }), el('p', { text: x[topic] }));
    }
    parts.push(el('h3', { text: 'Seen on the page' }), el('blockquote', { text: f.evidence?.text || '' }));
    return el('div', { class: 'full' }, ...parts);
  }

  function rowFor(entry) {
    const f = entry.finding;
    const sig = JSON.stringify([f.explanation, f.consent_by, f.your_choices, f.evidence?.text, f.state]);
    let row = rows.get(entry.id);
    if (row && row.sig === sig) return row;
    const what = el('p', { class: 'what', text: L.firstSentence(f.explanation?.summary) || L.kind[f.kind] || f.kind });
    const how = partsEl('p', [...L.whoParts(f), { separator: true }, ...L.optionParts(f)], { class: 'how' });
    const full = fullText(f);
    if (!row) row = { li: el('li', { 'data-id': entry.id, 'data-kind': f.kind }) };
    row.li.replaceChildren(what, how, full);
    row.sig = sig;
    row.full = full;
    rows.set(entry.id, row);
    return row;
  }

  function render() {
    const shown = expanded || forcedOpen ? entries : entries.slice(0, MAX_SHOWN);
    const want = shown.map((e) => rowFor(e).li);
    // Rows are moved, added or removed in place: nodes that stay are not rebuilt.
    for (const li of [...list.children]) if (!want.includes(li)) li.remove();
    want.forEach((li, i) => { if (list.children[i] !== li) list.insertBefore(li, list.children[i] || null); });
    for (const e of shown) rows.get(e.id).full.hidden = !expanded;
    for (const id of [...rows.keys()]) if (!entries.some((e) => e.id === id)) rows.delete(id);
    const n = entries.length;
    title.textContent = n === 1 ? 'explains 1 notice' : `explains ${n} notices`;
    pillOpen.textContent = `consentlens: ${n === 1 ? '1 notice' : `${n} notices`}`;
    moreLine.hidden = shown.length === n;
    moreLine.textContent = `${n - shown.length} more in Details`;
    detailsBtn.setAttribute('aria-expanded', String(expanded));
    detailsBtn.textContent = expanded ? 'Less' : 'Details';
    shrinkBtn.hidden = !forcedOpen;
    actions.hidden = !expanded;
    place();
  }

  // Says what is new, in the one live region. A region that has just been put into the page is
  // given its words a moment later: screen readers often skip a region that arrives full.
  let announceTimer = 0;
  function announce(text) {
    if (!text) return;
    clearTimeout(announceTimer);
    if (!host.isConnected || fresh) {
      announceTimer = setTimeout(timed(() => { fresh = false; live.textContent = text; }), ANNOUNCE_DELAY_MS);
    } else {
      live.textContent = text;
    }
  }

  function setMode(next) {
    mode = next;
    section.hidden = next !== 'card';
    pill.hidden = next !== 'pill';
    if (next === 'hidden') {
      applyStyle();
      return;
    }
    if (!host.isConnected) {
      fresh = true;
      insert();
    }
    applyStyle();
  }

  // view: {entries: [{id, finding, since}], stopped: [{kind, vendor}]}, from the background:
  // the findings on now that this meeting has not dismissed or muted, newest first.
  function show(view) {
    if (!view || !Array.isArray(view.entries)) return;
    const next = orderByDialog(view.entries.filter((e) => !pendingDismiss.has(e.id) && e.finding));
    const added = next.filter((e) => !announced.has(e.id));
    for (const e of added) announced.add(e.id);
    entries = next;
    const stopped = Array.isArray(view.stopped) ? view.stopped : [];
    let words = '';
    if (added.length) {
      words = `consentlens: ${added.map((e) => L.firstSentence(e.finding.explanation?.summary) || L.kind[e.finding.kind]).join(' ')}`;
    } else if (stopped.length) {
      words = `consentlens: ${stopped.map((s) => `${L.kind[s.kind] || s.kind}: ${L.state.stopped}.`).join(' ')}`;
      for (const s of stopped) announced.delete(s.id);
    }
    if (!entries.length) {
      // Nothing on now: the card goes, the live region stays to say what stopped.
      list.replaceChildren();
      rows.clear();
      if (mode !== 'hidden' || words) setMode(words ? 'quiet' : 'hidden');
      announce(words);
      return;
    }
    if (mode === 'hidden' || mode === 'quiet') setMode('card');
    render();
    announce(words);
  }

  // A new page or another meeting: nothing carries over.
  function reset() {
    entries = [];
    rows.clear();
    list.replaceChildren();
    announced = new Set();
    pendingDismiss = new Set();
    expanded = false;
    forcedOpen = false;
    reportedDetails = false;
    live.textContent = '';
    setMode('hidden');
  }

  // --- placement ------------------------------------------------------------------------------

  function measure(target, width) {
    box = { top: 0, left: 0, width, maxHeight: 100000 };
    applyStyle();
    return target.getBoundingClientRect().height;
  }

  function place() {
    if (mode !== 'card' && mode !== 'pill') return;
    stats.placements++;
    const vw = document.documentElement.clientWidth || innerWidth;
    const vh = document.documentElement.clientHeight || innerHeight;
    const obs = obstacles(vw, vh, host);
    // While the person is in the card (focus inside) it stays a card where it is best
    // placed, even if that covers something: turning it into a pill would drop their focus.
    const engaged = document.activeElement === host;
    if (forcedOpen || expanded || engaged) {
      // Opened by the person: the whole card, where it covers least if it must cover.
      mode = 'card';
      section.hidden = false;
      pill.hidden = true;
      const w = Math.min(WIDTHS[0], vw - 2 * MARGIN);
      const h = Math.min(measure(section, w), vh - 2 * MARGIN);
      const spot = findSpot(w, h, obs, vw, vh) || leastCovering(w, h, obs, vw, vh);
      box = { top: spot.top, left: spot.left, width: w, maxHeight: vh - spot.top - MARGIN };
      applyStyle();
      return;
    }
    section.hidden = false;
    pill.hidden = true;
    for (const w of WIDTHS) {
      if (w > vw - 2 * MARGIN) continue;
      const h = measure(section, w);
      const spot = findSpot(w, h, obs, vw, vh);
      if (spot) {
        mode = 'card';
        box = { top: spot.top, left: spot.left, width: w, maxHeight: h + 2 };
        applyStyle();
        return;
      }
    }
    mode = 'pill';
    section.hidden = true;
    pill.hidden = false;
    box = { top: 0, left: 0, width: 10000, maxHeight: 1000 };
    applyStyle();
    const pr = pill.getBoundingClientRect();
    const pw = Math.min(Math.ceil(pr.width) + 1, vw - 2 * MARGIN);
    const ph = Math.ceil(pr.height);
    const spot = findSpot(pw, ph, obs, vw, vh) || leastCovering(pw, ph, obs, vw, vh);
    box = { top: spot.top, left: spot.left, width: pw, maxHeight: ph + 2 };
    applyStyle();
  }

  // Placement again when the page's dialogs, notices or size change. It costs a look at the
  // page's controls, so under a page that keeps changing it runs at most once per 20 times its
  // own last duration (never more than 5% of the main thread), the last call always honoured.
  let lastPlace = -Infinity;
  let placeCost = 0;
  let reflowTimer = 0;
  function reflow() {
    if (mode !== 'card' && mode !== 'pill') return;
    const wait = Math.max(50, placeCost * 20) - (performance.now() - lastPlace);
    if (wait > 0) {
      if (!reflowTimer) {
        stats.placePending = true;
        reflowTimer = setTimeout(timed(() => { reflowTimer = 0; stats.placePending = false; reflow(); }), wait);
      }
      return;
    }
    if (!host.isConnected && mayRestore()) insert();
    const t0 = performance.now();
    place();
    lastPlace = performance.now();
    placeCost = lastPlace - t0;
  }
  addEventListener('resize', timed(reflow));
  if (globalThis.visualViewport) visualViewport.addEventListener('resize', timed(reflow));

  globalThis.consentlensCard = Object.freeze({ show: timed(show), reset: timed(reset), reflow: timed(reflow) });
})();
