// Placement checks shared by Chromium (placement.test.mjs) and Firefox (firefox.test.mjs): the
// card must never cover the meeting's dialogs, banners, toasts, indicators or controls, at
// 100%, at 200% zoom and in an 800×600 window, and its Dismiss must always be in view.
import assert from 'node:assert/strict';

// 200% zoom is a viewport of half the CSS pixels at a device pixel ratio of 2: what the page
// lays out when a person zooms a 1280×800 window to 200%.
export const VIEWPORTS = [
  { name: '100%', width: 1280, height: 800, dpr: 1 },
  { name: '200% zoom', width: 640, height: 400, dpr: 2 },
  { name: '800x600', width: 800, height: 600, dpr: 1 },
];

// Run in the page: hit-tests every visible dialog, banner, toast, indicator and control at
// nine points each (a 3×3 grid inside it): the topmost element there must not be the card.
// Elements covering most of the viewport (a backdrop, a full-window region) are left out: a
// card anywhere would touch them. Returns the elements the card covers, with the point.
export function hitTestPage() {
  const host = document.querySelector('[data-consentlens="card"]');
  const SELECTOR = [
    '[role="dialog"]', '[role="alertdialog"]', '[aria-modal="true"]', 'dialog[open]',
    '[role="alert"]', '[role="status"]', '[role="banner"]', '[aria-live="polite"]', '[aria-live="assertive"]', '[role="tooltip"]',
    '[role="img"][aria-label]', 'button', 'a[href]', 'input', 'select', 'textarea', '[role="button"]', '[role="link"]',
    '[role="menuitem"]', '[role="menuitemcheckbox"]', '[role="switch"]', '[role="checkbox"]', '[role="tab"]', '[role="option"]',
    '[role="toolbar"]', '[role="menu"]', '[role="tablist"]',
  ].join(',');
  const vw = document.documentElement.clientWidth;
  const vh = document.documentElement.clientHeight;
  const covered = [];
  let checked = 0;
  for (const e of document.querySelectorAll(SELECTOR)) {
    if (e === host) continue;
    if (typeof e.checkVisibility === 'function' && !e.checkVisibility({ opacityProperty: true, visibilityProperty: true })) continue;
    const r = e.getBoundingClientRect();
    if (r.width < 1 || r.height < 1 || r.width * r.height > 0.6 * vw * vh) continue;
    checked++;
    for (const fx of [0.1, 0.5, 0.9]) {
      for (const fy of [0.1, 0.5, 0.9]) {
        const x = r.left + r.width * fx;
        const y = r.top + r.height * fy;
        if (x < 0 || y < 0 || x >= vw || y >= vh) continue;
        if (document.elementFromPoint(x, y) === host) {
          covered.push({ what: `${e.tagName.toLowerCase()}[role=${e.getAttribute('role') || ''}] ${(e.getAttribute('aria-label') || e.textContent || '').trim().slice(0, 40)}`, x: Math.round(x), y: Math.round(y) });
          break;
        }
      }
    }
  }
  const box = host?.getBoundingClientRect();
  return { covered, checked, viewport: [vw, vh], card: box ? [Math.round(box.left), Math.round(box.top), Math.round(box.width), Math.round(box.height)] : null };
}

// Run with `this` bound to the card's shadow root: the visible Dismiss, where it is, and
// whether it is the topmost thing at its centre.
export function dismissInView() {
  const b = [...this.querySelectorAll('button')].find((x) => x.textContent === 'Dismiss' && x.getClientRects().length && !x.closest('[hidden]'));
  if (!b) return { found: false };
  const r = b.getBoundingClientRect();
  const vw = document.documentElement.clientWidth;
  const vh = document.documentElement.clientHeight;
  const cx = r.left + r.width / 2;
  const cy = r.top + r.height / 2;
  return {
    found: true,
    inView: r.left >= 0 && r.top >= 0 && r.right <= vw && r.bottom <= vh,
    topmost: this.elementFromPoint(cx, cy) === b,
    shape: this.querySelector('.pill:not([hidden])') ? 'pill' : 'card',
  };
}

export function checkPlacementAt(name, fixture, page, dismiss) {
  assert.deepEqual(page.covered, [], `${fixture} at ${name}: the card covers nothing of the meeting (card ${page.card}, viewport ${page.viewport})`);
  assert.ok(page.checked > 3, `${fixture} at ${name}: the page's elements were hit-tested`);
  assert.ok(dismiss.found && dismiss.inView && dismiss.topmost, `${fixture} at ${name}: Dismiss is in view and on top: ${JSON.stringify(dismiss)}`);
}

// The fixtures to place the card on: the six clients, German Zoom and French Webex.
export const PLACEMENT_FIXTURES = [
  { name: 'zoom', url: 'https://app.zoom.us/wc/84512345678/join', kinds: ['recording', 'ai_assistant'] },
  { name: 'zoom-de', url: 'https://app.zoom.us/wc/84512300001/join', kinds: ['recording', 'ai_assistant'] },
  { name: 'meet', url: 'https://meet.google.com/abc-defg-hij', kinds: ['ai_assistant', 'notetaker_bot'] },
  { name: 'teams', url: 'https://teams.microsoft.com/v2/', kinds: ['recording', 'notetaker_bot'] },
  { name: 'webex', url: 'https://acme.webex.com/meet/dana.whitfield', kinds: ['recording', 'notetaker_bot'] },
  { name: 'webex-fr', url: 'https://acme.webex.com/meet/reunion', kinds: ['recording'] },
  { name: 'jitsi', url: 'https://meet.jit.si/ConsentlensFixture', kinds: ['recording', 'transcription'] },
  { name: 'whereby', url: 'https://whereby.com/consentlens-fixture', kinds: ['notetaker_bot'], minEntries: 2 },
];
