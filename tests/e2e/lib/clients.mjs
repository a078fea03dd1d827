// The six meeting-client fixtures and what a person must get from each: shared by the
// Chromium test (tests/e2e/clients.test.mjs) and the Firefox one (firefox.test.mjs), so both
// browsers are held to the same words.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const CONTRACT = JSON.parse(readFileSync(fileURLToPath(new URL('../../../core/contract/contract.json', import.meta.url)), 'utf8'));

// Every contract value a surface shows (marked data-contract="list:id") in the contract's own
// words: its label, or for a heading its short form where the surface says so.
export function checkContractLabels(marked, where) {
  assert.ok(marked.length > 0, `${where} marks the contract values it shows`);
  for (const { ref, form, text } of marked) {
    const [list, id] = ref.split(':');
    const entry = (CONTRACT[list] || []).find((e) => e.id === id);
    assert.ok(entry, `${where}: ${ref} is a contract value`);
    assert.equal(text, form === 'short' ? entry.short : entry.label, `${where}: ${ref} shows the contract's words`);
  }
}

// The card and the popup give the same answers: every notice on the card is in the popup's
// summary with the same two lines.
export function checkParity(card, popup) {
  for (const row of card.rows) {
    const twin = popup.rows.find((r) => r.id === row.id);
    assert.ok(twin, `the popup lists the card's notice ${row.id}`);
    assert.equal(twin.what, row.what);
    assert.equal(twin.how, row.how);
  }
}

export const CLIENTS = [
  { name: 'zoom', url: 'https://app.zoom.us/wc/84512345678/join', kinds: ['recording', 'ai_assistant'],
    says: ['This meeting is being recorded.'], quotes: ['AI Companion has been turned on'] },
  { name: 'meet', url: 'https://meet.google.com/abc-defg-hij', kinds: ['ai_assistant', 'notetaker_bot'],
    quotes: ['Gemini is taking notes', 'Fireflies.ai Notetaker'], vendors: ['google_meet', 'fireflies'] },
  { name: 'teams', url: 'https://teams.microsoft.com/v2/', kinds: ['recording', 'notetaker_bot'],
    quotes: ['Recording and transcription have started'], vendors: ['teams', 'otter'] },
  { name: 'webex', url: 'https://acme.webex.com/meet/dana.whitfield', kinds: ['recording', 'notetaker_bot'],
    quotes: ['everyone participating needs to give their consent', 'read.ai meeting notes'], vendors: ['webex', 'read_ai'] },
  // Jitsi's toast "Alice started the recording" comes first; its dialog, which says what
  // staying means, is the better evidence and takes its place.
  { name: 'jitsi', url: 'https://meet.jit.si/ConsentlensFixture', kinds: ['recording', 'transcription'],
    quotes: ['This meeting is being recorded and analyzed by AI', 'This meeting is being transcribed'] },
  { name: 'whereby', url: 'https://whereby.com/consentlens-fixture', kinds: ['notetaker_bot'], minEntries: 2,
    quotes: ["Sam's Fathom Notetaker", 'read.ai meeting notes'], vendors: ['fathom', 'read_ai'] },
];

// What the tab's record must hold once the fixture has shown its notices.
export const wanted = (c) => ({ kinds: c.kinds, minEntries: c.minEntries || c.kinds.length, quotes: c.quotes });

export function checkRecord(rec, c) {
  const evidence = rec.entries.map((e) => e.finding.evidence.text).join(' | ');
  for (const q of c.quotes) assert.ok(evidence.includes(q), `evidence has "${q}": ${evidence}`);
  for (const v of c.vendors || []) assert.ok(rec.entries.some((e) => e.finding.vendor === v), `a finding from ${v}`);
}

// The card (read with cardContents, tests/e2e/lib/card.mjs): in a closed shadow root, a
// labelled region, two lines per notice (what is happening; who agreed and what you can do),
// Details and Dismiss, one live region that announced the notices.
export function checkCard(card, c, n) {
  assert.equal(card.mode, 'closed');
  assert.equal(card.shape, 'card', `a card, not a pill, at this size: ${JSON.stringify(card)}`);
  assert.equal(card.role, 'region');
  assert.match(card.label, /^consentlens explains/);
  assert.equal(card.summaries.length, Math.min(n, 3));
  for (const line of card.lines) assert.match(line, /^Agreed: .+ · You can: .+/, line);
  for (const say of c.says || []) assert.ok(card.summaries.includes(say), `card says "${say}": ${card.summaries}`);
  assert.deepEqual(card.buttons.map((b) => b.text), ['Details', 'Dismiss']);
  assert.equal(card.liveCount, 1, 'one live region');
  assert.match(card.live, /^consentlens: /, 'new findings are announced in the live region');
  assert.ok(card.rowsPerNotice.every((r) => r <= 2), `at most two lines per notice: ${card.rowsPerNotice}`);
  checkContractLabels(card.contract, 'the card');
}

// Run in the page: where the card, the meeting controls and the client's own dialogs are.
export function cardLayout() {
  const box = (e) => {
    const r = e.getBoundingClientRect();
    return { top: r.top, bottom: r.bottom, left: r.left, right: r.right };
  };
  const card = document.querySelector('[data-consentlens="card"]');
  return {
    card: card ? box(card) : null,
    cardShown: Boolean(card) && getComputedStyle(card).display !== 'none',
    controls: box(document.getElementById('controls')),
    dialogs: [...document.querySelectorAll('[role=dialog],[role=alertdialog]')].map(box),
  };
}

function intersects(a, b) {
  return a.left < b.right && a.right > b.left && a.top < b.bottom && a.bottom > b.top;
}

// Shown, and never over the meeting controls nor over the client's own dialog.
export function checkPlacement(layout) {
  assert.ok(layout.card && layout.cardShown, 'the card is shown');
  assert.ok(!intersects(layout.card, layout.controls), `card ${JSON.stringify(layout.card)} clear of controls ${JSON.stringify(layout.controls)}`);
  for (const d of layout.dialogs) assert.ok(!intersects(layout.card, d), `card clear of the dialog ${JSON.stringify(d)}`);
}

// Run in the popup page: waits (on DOM changes, no sleeps) until it lists n findings, then
// reads what it shows.
export function popupContents({ n, timeoutMs }) {
  const bottom = (e) => (e ? e.getBoundingClientRect().bottom + window.scrollY : Infinity);
  const read = () => ({
    text: document.querySelector('main').textContent,
    rows: [...document.querySelectorAll('#summary li')].map((li) => ({ id: li.dataset.id, what: li.querySelector('.what')?.textContent, how: li.querySelector('.how')?.textContent })),
    contract: [...document.querySelectorAll('[data-contract]')].map((e) => ({ ref: e.dataset.contract, form: e.dataset.form || 'label', text: e.textContent.trim() })),
    summaryBottom: bottom(document.getElementById('summary')),
    diagramBottom: bottom(document.querySelector('svg.flow')),
    quoteBottom: bottom(document.querySelector('section.finding blockquote')),
    status: document.getElementById('status').textContent,
    links: [...document.querySelectorAll('ul.sources a')].map((a) => a.href),
    diagrams: [...document.querySelectorAll('svg.flow')].map((svg) => ({
      role: svg.getAttribute('role'), desc: svg.querySelector('desc').textContent, boxes: svg.querySelectorAll('rect').length,
      // Words drawn past the right edge of their box (font widths differ between browsers).
      overflowing: [...svg.querySelectorAll('g')].flatMap((g) => {
        const rect = g.querySelector('rect')?.getBBox();
        return rect ? [...g.querySelectorAll('text')].filter((t) => {
          const b = t.getBBox();
          return b.x + b.width > rect.x + rect.width;
        }).map((t) => t.textContent) : [];
      }),
    })),
  });
  const done = () => document.querySelectorAll('section.finding').length === n;
  if (done()) return read();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => { observer.disconnect(); reject(new Error(`the popup never listed ${n} findings`)); }, timeoutMs);
    const observer = new MutationObserver(() => {
      if (!done()) return;
      observer.disconnect();
      clearTimeout(timer);
      resolve(read());
    });
    observer.observe(document, { childList: true, subtree: true });
  });
}

// The popup, the trusted view, with everything.
export function checkPopup(popup, c, n) {
  for (const q of c.quotes) assert.ok(popup.text.includes(q), `popup quotes "${q}"`);
  for (const h of ['Who agreed', 'What you can do', 'Where data goes', 'What the page said', 'Sources']) assert.ok(popup.text.includes(h), h);
  assert.ok(popup.links.length > 0 && popup.links.every((h) => h.startsWith('https://')), 'sources are https links');
  assert.equal(popup.diagrams.length, n);
  for (const d of popup.diagrams) {
    assert.equal(d.role, 'img');
    assert.match(d.desc, /go to/);
    assert.ok(d.boxes >= 2);
    assert.deepEqual(d.overflowing, [], `diagram text fits its boxes: ${d.desc}`);
  }
  assert.match(popup.status, /notices? on now on this page/);
  // What is on and the first diagram and quote, above the fold of a 600 px popup.
  assert.ok(popup.summaryBottom <= 600 && popup.diagramBottom <= 600 && popup.quoteBottom <= 600,
    `summary ${popup.summaryBottom}, diagram ${popup.diagramBottom} and quote ${popup.quoteBottom} within the first 600 px`);
  checkContractLabels(popup.contract, 'the popup');
}
