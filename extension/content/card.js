// The in-page card: a short, plain explanation drawn next to the meeting. Classic content
// script, top frame only.
//
// Safety: every string on the card goes in through textContent (never innerHTML): the
// evidence is page text and the explanation quotes it. The card lives in a closed shadow
// root, so page scripts and styles cannot reach into it, and our scanner never reads it.
// It is still part of a page the meeting site controls, so it points to the toolbar popup
// as the view a page cannot imitate.
//
// Placement: top centre, moved below any toolbar that sits at the top (Teams puts its
// meeting controls there) and never reaching down to a toolbar at the bottom (Zoom, Meet,
// Jitsi, Webex, Whereby), so the meeting controls stay visible and clickable.
(function () {
  'use strict';
  if (globalThis.consentlensCard) return;
  const L = globalThis.consentlensLabels;
  const T = globalThis.consentlensText;

  const CSS = `
    :host { all: initial; }
    .card { box-sizing: border-box; font: 13px/1.35 system-ui, sans-serif; color: #1b1b1f;
      background: #fff; border: 2px solid #1f4ea8; border-radius: 10px;
      box-shadow: 0 4px 18px rgba(0,0,0,.25); padding: 10px 12px; overflow: auto; max-height: inherit; }
    .top { display: flex; align-items: baseline; gap: 8px; margin-bottom: 4px; }
    .brand { font-weight: 700; color: #1f4ea8; }
    h2 { font-size: 13px; font-weight: 400; margin: 0; flex: 1; color: #44474f; }
    article { border-top: 1px solid #dde1ea; padding-top: 6px; margin-top: 6px; }
    h3 { font-size: 15px; margin: 0 0 2px; }
    .kind { font-size: 12px; color: #44474f; margin: 0 0 4px; }
    dl { margin: 0; display: grid; grid-template-columns: max-content 1fr; gap: 2px 8px; }
    dt { font-weight: 600; } dd { margin: 0; }
    .details p { margin: 4px 0; }
    blockquote { margin: 4px 0; padding: 2px 8px; border-left: 3px solid #8a93a6; color: #2d3038; }
    .note { font-size: 12px; color: #44474f; margin: 8px 0 0; }
    .buttons { display: flex; gap: 8px; margin-top: 8px; }
    button { font: inherit; padding: 4px 12px; border-radius: 6px; border: 1px solid #1f4ea8;
      background: #fff; color: #1f4ea8; cursor: pointer; }
    button:focus-visible { outline: 3px solid #ffb000; outline-offset: 2px; }
    .sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
    [hidden] { display: none !important; }
  `;

  let host = null;
  let root = null;
  let entries = [];
  const dismissed = new Set();
  let focusBefore = null;

  const { el } = globalThis.consentlensDom;

  // Styles that still apply under a strict page Content-Security-Policy: a constructed
  // stylesheet is not an inline <style> and is not blocked by style-src; <style> is the
  // fallback where constructed sheets cannot be adopted from a content script.
  function applyStyles(shadow) {
    try {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(CSS);
      shadow.adoptedStyleSheets = [sheet];
    } catch {
      shadow.appendChild(el('style', { text: CSS }));
    }
  }

  function ensureHost() {
    if (host && host.isConnected) return;
    host = document.createElement('consentlens-card');
    T.ignored.add(host);
    root = host.attachShadow({ mode: 'closed' });
    applyStyles(root);
    root.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') { e.stopPropagation(); dismiss(); }
    });
    // Remember where focus was in the page, to put it back when the card is dismissed.
    document.addEventListener('focusin', (e) => {
      if (e.target !== host) focusBefore = e.target;
    }, true);
    // Inline CSSOM styles on the host: allowed under any page CSP, and they beat page rules.
    const s = host.style;
    for (const [k, v] of Object.entries({
      position: 'fixed', 'z-index': '2147483647', display: 'block', margin: '0', padding: '0',
      'box-sizing': 'border-box', overflow: 'hidden',
    })) s.setProperty(k, v, 'important');
    (document.body || document.documentElement).prepend(host);
  }

  const DIALOGS = '[role="dialog"], [role="alertdialog"], [aria-modal="true"], dialog[open]';
  const MIN_SIDE = 280;

  function visibleRects(selector) {
    const out = [];
    for (const e of document.querySelectorAll(selector)) {
      if (e === host) continue;
      const r = e.getBoundingClientRect();
      if (r.width > 0 && r.height > 0) out.push(r);
    }
    return out;
  }

  function setBox({ top, left, width, maxHeight }) {
    const s = host.style;
    s.setProperty('top', `${Math.round(top)}px`, 'important');
    s.setProperty('left', `${Math.round(left)}px`, 'important');
    s.setProperty('width', `${Math.round(width)}px`, 'important');
    s.setProperty('max-height', `${Math.max(96, Math.round(maxHeight))}px`, 'important');
  }

  // Keeps clear of the meeting's own controls: below any toolbar near the top (Teams), above
  // any near the bottom (Zoom, Meet, Jitsi, Webex, Whereby), and beside (or above) an open
  // dialog, whose Continue / Leave buttons the person must be able to reach.
  function place() {
    if (!host) return;
    const vw = document.documentElement.clientWidth || window.innerWidth;
    const vh = window.innerHeight;
    let top = 8;
    let bottom = vh - 8;
    for (const r of visibleRects('[role="toolbar"], [role="menubar"]')) {
      if (r.top < vh * 0.3 && r.bottom + 8 > top) top = r.bottom + 8;
      else if (r.top >= vh * 0.5 && r.top - 8 < bottom) bottom = r.top - 8;
    }
    let width = Math.min(440, vw - 16);
    let left = (vw - width) / 2;
    setBox({ top, left, width, maxHeight: bottom - top });
    const h = host.getBoundingClientRect().height;
    for (const d of visibleRects(DIALOGS)) {
      const overlaps = d.left < left + width && d.right > left && d.top < top + h && d.bottom > top;
      if (!overlaps) continue;
      const leftSpace = d.left - 16;
      const rightSpace = vw - d.right - 16;
      if (Math.max(leftSpace, rightSpace) >= MIN_SIDE) {
        width = Math.min(440, Math.max(leftSpace, rightSpace));
        left = leftSpace >= rightSpace ? d.left - 8 - width : d.right + 8;
        setBox({ top, left, width, maxHeight: bottom - top });
      } else if (d.top - 8 - top >= 96) {
        setBox({ top, left, width, maxHeight: d.top - 8 - top });
      } else if (bottom - (d.bottom + 8) >= 96) {
        top = d.bottom + 8;
        setBox({ top, left, width, maxHeight: bottom - top });
      }
      break;
    }
  }

  function article(entry, i) {
    const f = entry.finding;
    const x = f.explanation || {};
    const dl = el('dl', {},
      el('dt', { text: 'Who agreed' }), el('dd', { text: L.firstSentence(x.who_consented) }),
      el('dt', { text: 'What you can do' }), el('dd', { text: L.firstSentence(x.your_choices) }),
      el('dt', { text: 'Where it goes' }), el('dd', { text: L.firstSentence(x.data_flow) }),
      el('dt', { text: 'Trains AI?' }), el('dd', { text: L.training[f.training] || L.training.unknown }));
    const details = el('div', { class: 'details', id: `cl-details-${i}`, hidden: '' },
      el('p', { text: x.summary || '' }),
      el('p', { text: x.who_consented || '' }),
      el('p', { text: x.your_choices || '' }),
      el('p', { text: x.data_flow || '' }),
      el('p', { text: x.training || '' }),
      el('p', { text: 'Seen on the page:' }),
      el('blockquote', { text: f.evidence?.text || '' }));
    return el('article', {},
      el('h3', { text: L.firstSentence(x.summary) || L.kind[f.kind] || 'Notice' }),
      el('p', { class: 'kind', text: `${L.kind[f.kind] || f.kind} · ${L.vendor(f.vendor)}` }),
      dl, details);
  }

  function render(announce) {
    ensureHost();
    for (const n of [...root.childNodes]) if (n.nodeName !== 'STYLE') n.remove();
    const list = [...entries].reverse();  // newest first
    const articles = list.map(article);
    const ids = articles.map((_, i) => `cl-details-${i}`).join(' ');
    const detailsBtn = el('button', { type: 'button', 'aria-expanded': 'false', 'aria-controls': ids, text: 'Details' });
    detailsBtn.addEventListener('click', () => {
      const open = detailsBtn.getAttribute('aria-expanded') !== 'true';
      if (open) report('opened_details', list.map((e) => e.id));
      detailsBtn.setAttribute('aria-expanded', String(open));
      detailsBtn.textContent = open ? 'Less' : 'Details';
      for (const a of articles) a.querySelector('.details').hidden = !open;
    });
    const closeBtn = el('button', { type: 'button', 'aria-label': 'Dismiss the consentlens card', text: 'Dismiss' });
    closeBtn.addEventListener('click', dismiss);
    const heading = list.length === 1 ? 'explains a notice on this page' : `explains ${list.length} notices on this page`;
    const section = el('section', { class: 'card', role: 'region', 'aria-labelledby': 'cl-title', lang: 'en' },
      el('div', { class: 'top' },
        el('span', { class: 'brand', text: 'consentlens' }),
        el('h2', { id: 'cl-title', text: heading })),
      ...articles,
      el('p', { class: 'note', text: 'This card is drawn inside the meeting page. The consentlens button in your browser toolbar shows the same, with sources, where the page cannot change it.' }),
      el('div', { class: 'buttons' }, detailsBtn, closeBtn),
      el('p', { class: 'sr', role: 'status', 'aria-live': 'polite', text: announce }));
    root.appendChild(section);
    host.hidden = false;
    host.style.removeProperty('display');
    host.style.setProperty('display', 'block', 'important');
    place();
  }

  // Tells the background what the person did with the card, for the local history. Only the
  // ids of the findings travel: the background records its own copy of each finding.
  function report(choice, ids) {
    if (!ids.length) return;
    chrome.runtime.sendMessage({ type: 'choice', choice, ids }).catch(() => {
      // The extension was reloaded: nobody to tell.
    });
  }

  function dismiss() {
    const visible = host && host.isConnected && host.style.display !== 'none';
    const answered = entries.filter((e) => !dismissed.has(e.id)).map((e) => e.id);
    if (visible) report('dismissed', answered);
    for (const e of entries) dismissed.add(e.id);
    if (host) host.style.setProperty('display', 'none', 'important');
    const back = focusBefore;
    if (document.activeElement === host && back && back.isConnected && typeof back.focus === 'function') back.focus();
  }

  // entries: [{id, finding}], all of the tab's findings, oldest first.
  function show(next) {
    const fresh = next.filter((e) => !dismissed.has(e.id) && !entries.some((o) => o.id === e.id));
    entries = next;
    if (!fresh.length && host && host.style.display === 'none') return;  // dismissed, nothing new
    const newest = fresh[fresh.length - 1] || next[next.length - 1];
    render(`consentlens: ${newest?.finding?.explanation?.summary || ''}`);
  }

  // Called by the watcher when a dialog appears or goes, so the card moves out of its way.
  function reflow() {
    if (host && host.isConnected && host.style.display !== 'none') place();
  }

  globalThis.consentlensCard = Object.freeze({ show, dismiss, reflow });
})();
