// Where a box may go on a meeting page without covering it: the boxes of what must stay
// clear (the page's dialogs, notices, banners, indicators and anything a person can operate),
// the free spot nearest the top centre, and, with none, the place that covers least. Pure
// geometry over the page's layout, no state; content/card.js decides what the box is (the
// card, or the one-line pill) and when to place it. Classic content script, before card.js.
(function () {
  'use strict';
  if (globalThis.consentlensPlacement) return;

  const MARGIN = 8;         // from the viewport's edges
  const GAP = 6;            // from anything the card must not cover
  const BIG = 0.4;          // an element over this share of the viewport is a backdrop, not an obstacle
  const MAX_OBSTACLES = 600;

  // What the card must never cover: dialogs, notices and banners, indicators, and anything a
  // person can operate. (Video tiles, chat text and backdrops may be covered.)
  const AVOID = [
    '[role="dialog"]', '[role="alertdialog"]', '[aria-modal="true"]', 'dialog[open]',
    '[role="alert"]', '[role="status"]', '[role="banner"]', '[role="tooltip"]', '[role="marquee"]', '[role="timer"]',
    '[aria-live="polite"]', '[aria-live="assertive"]', '[role="img"][aria-label]', 'svg[aria-label]',
    'button', 'a[href]', 'input:not([type="hidden"])', 'select', 'textarea', 'summary', '[contenteditable="true"]', '[contenteditable=""]',
    '[role="button"]', '[role="link"]', '[role="menuitem"]', '[role="menuitemcheckbox"]', '[role="menuitemradio"]',
    '[role="switch"]', '[role="checkbox"]', '[role="radio"]', '[role="tab"]', '[role="option"]', '[role="slider"]',
    '[role="combobox"]', '[role="textbox"]', '[role="searchbox"]', '[role="spinbutton"]',
    '[role="toolbar"]', '[role="menubar"]', '[role="menu"]', '[role="tablist"]', '[role="listbox"]', 'iframe',
  ].join(',');
  const SPLIT = '[role="dialog"], [role="alertdialog"], [aria-modal="true"], dialog, [role="alert"], [role="status"], [aria-live]';

  function visible(e) {
    return typeof e.checkVisibility === 'function' ? e.checkVisibility({ opacityProperty: true, visibilityProperty: true }) : true;
  }

  // The boxes to keep clear in a vw×vh viewport (at most MAX_OBSTACLES), `skip` left out (the
  // card's own host).
  function obstacles(vw, vh, skip) {
    const out = [];
    const area = vw * vh;
    const add = (e, depth) => {
      if (out.length >= MAX_OBSTACLES) return;
      const r = e.getBoundingClientRect();
      if (r.width < 1 || r.height < 1 || r.right <= 0 || r.bottom <= 0 || r.left >= vw || r.top >= vh) return;
      if (!visible(e)) return;
      if (r.width * r.height > BIG * area) {
        // A full-screen modal or live region: what it holds must stay clear, not all of it.
        if (depth < 3 && e.matches(SPLIT)) {
          for (let c = e.firstElementChild, i = 0; c && i < 64; c = c.nextElementSibling, i++) add(c, depth + 1);
        }
        return;
      }
      out.push({ left: r.left, top: r.top, right: r.right, bottom: r.bottom });
    };
    const all = document.querySelectorAll(AVOID);
    for (let i = 0; i < all.length && out.length < MAX_OBSTACLES; i++) {
      const e = all[i];
      if (e !== skip) add(e, 0);
    }
    return out;
  }

  // The free spot for a w×h box nearest the preferred point (top centre), or null. Rows to
  // try are the viewport's edges and just past each obstacle; along each row the free gaps are
  // found with one sweep over the obstacles in that band.
  function findSpot(w, h, obs, vw, vh) {
    if (w > vw - 2 * MARGIN || h > vh - 2 * MARGIN) return null;
    const ys = new Set([MARGIN, vh - h - MARGIN]);
    for (const o of obs) { ys.add(Math.ceil(o.bottom + GAP)); ys.add(Math.floor(o.top - GAP - h)); }
    const preferX = vw / 2;
    let best = null;
    for (const y of ys) {
      if (y < MARGIN || y + h > vh - MARGIN) continue;
      const band = obs.filter((o) => o.top < y + h + GAP && o.bottom > y - GAP).sort((a, b) => a.left - b.left);
      let x = MARGIN;
      const gaps = [];
      for (const o of band) {
        if (o.left - GAP - x >= w) gaps.push([x, o.left - GAP]);
        x = Math.max(x, o.right + GAP);
      }
      if (vw - MARGIN - x >= w) gaps.push([x, vw - MARGIN]);
      for (const [a, b] of gaps) {
        const left = Math.min(Math.max(preferX - w / 2, a), b - w);
        const score = y + 0.5 * Math.abs(left + w / 2 - preferX);
        if (!best || score < best.score) best = { left, top: y, score };
      }
    }
    return best;
  }

  // With no free spot: the corner or edge where the box covers the least.
  function leastCovering(w, h, obs, vw, vh) {
    const xs = [MARGIN, (vw - w) / 2, vw - w - MARGIN];
    const ys = [MARGIN, vh - h - MARGIN, (vh - h) / 2];
    let best = null;
    for (const top of ys) {
      for (const left of xs) {
        let covered = 0;
        for (const o of obs) {
          const dx = Math.min(o.right, left + w) - Math.max(o.left, left);
          const dy = Math.min(o.bottom, top + h) - Math.max(o.top, top);
          if (dx > 0 && dy > 0) covered += dx * dy;
        }
        if (!best || covered < best.covered) best = { left: Math.max(0, left), top: Math.max(0, top), covered };
      }
    }
    return best;
  }

  globalThis.consentlensPlacement = Object.freeze({ MARGIN, obstacles, findSpot, leastCovering });
})();
