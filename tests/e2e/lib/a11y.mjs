// Accessibility checks run inside a page (or, with `this` bound to a shadow root, inside the
// card): text contrast (WCAG 2: at least 4.5:1 for text), focus rings (at least 3:1 against
// what they are drawn on), and names for every control, image and region (the checks axe makes
// for these roles, written out so they need no download).

// Run in the page or a shadow root (`this`, when given): the text that fails 4.5:1 against
// its background, and the number of texts checked. SVG text is checked against its box.
export function contrastProblems() {
  const scope = this && this.querySelectorAll ? this : document;
  const parse = (c) => {
    const m = /rgba?\(([^)]+)\)/.exec(c || '');
    if (!m) return null;
    const [r, g, b, a = 1] = m[1].split(/[\s,/]+/).filter(Boolean).map(Number);
    return { r, g, b, a };
  };
  const lum = ({ r, g, b }) => {
    const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
  const parentOf = (e) => e.parentElement || e.getRootNode()?.host || null;
  const bgOf = (e) => {
    for (let n = e; n; n = parentOf(n)) {
      const c = parse(getComputedStyle(n).backgroundColor);
      if (c && c.a > 0.5) return c;
    }
    return parse(getComputedStyle(document.documentElement).backgroundColor)?.a ? parse(getComputedStyle(document.documentElement).backgroundColor) : { r: 255, g: 255, b: 255, a: 1 };
  };
  const problems = [];
  let checked = 0;
  for (const e of scope.querySelectorAll('*')) {
    if (!e.getClientRects().length || e.closest('[hidden]') || e.closest('.sr')) continue;
    const own = [...e.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
    if (!own) continue;
    let fg;
    let bg;
    if (e instanceof SVGElement) {
      fg = parse(getComputedStyle(e).fill);
      const rect = e.closest('g')?.querySelector('rect');
      bg = rect ? parse(getComputedStyle(rect).fill) : bgOf(e.closest('svg'));
    } else {
      fg = parse(getComputedStyle(e).color);
      bg = bgOf(e);
    }
    if (!fg || !bg) continue;
    checked++;
    const r = ratio(fg, bg);
    if (r < 4.5) problems.push(`${e.tagName.toLowerCase()}.${e.getAttribute('class') || ''} "${e.textContent.trim().slice(0, 30)}": ${r.toFixed(2)}`);
  }
  return { problems, checked };
}

// Run in the page or a shadow root: the focused element (inside the shadow root when `this` is
// one), its name, and its focus ring's contrast against what is behind it.
export function focusRing() {
  const root = this && this.activeElement !== undefined && this !== document ? this : document;
  const e = root.activeElement;
  if (!e || e === document.body) return null;
  const s = getComputedStyle(e);
  const parse = (c) => {
    const m = /rgba?\(([^)]+)\)/.exec(c || '');
    if (!m) return null;
    const [r, g, b, a = 1] = m[1].split(/[\s,/]+/).filter(Boolean).map(Number);
    return { r, g, b, a };
  };
  const lum = ({ r, g, b }) => {
    const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  const parentOf = (n) => n.parentElement || n.getRootNode()?.host || null;
  let bg = null;
  for (let n = parentOf(e); n && !bg; n = parentOf(n)) {
    const c = parse(getComputedStyle(n).backgroundColor);
    if (c && c.a > 0.5) bg = c;
  }
  bg = bg || { r: 255, g: 255, b: 255, a: 1 };
  const ring = parse(s.outlineColor);
  const [x, y] = [lum(ring), lum(bg)].sort((p, q) => q - p);
  return {
    tag: e.tagName.toLowerCase(),
    name: (e.getAttribute('aria-label') || e.textContent || e.getAttribute('title') || '').trim(),
    ringStyle: s.outlineStyle,
    ringWidth: parseFloat(s.outlineWidth),
    contrast: (x + 0.05) / (y + 0.05),
  };
}

// Run in the page or a shadow root: controls without a name, images without a text
// alternative, regions without a name, heading levels that skip, and live regions.
export function nameProblems() {
  const scope = this && this.querySelectorAll ? this : document;
  const byId = (id) => (scope.getElementById ? scope.getElementById(id) : document.getElementById(id));
  const nameOf = (e) => {
    const by = e.getAttribute('aria-labelledby');
    if (by) return by.split(/\s+/).map((id) => byId(id)?.textContent || '').join(' ').trim();
    return (e.getAttribute('aria-label') || (e.tagName === 'svg' ? '' : e.textContent) || e.getAttribute('alt') || '').trim();
  };
  const problems = [];
  const visible = (e) => e.getClientRects().length && !e.closest('[hidden]');
  for (const e of scope.querySelectorAll('button, a[href], summary, [role="button"], input:not([type="hidden"]), textarea')) {
    if (!visible(e)) continue;
    const labelled = e.labels?.length || nameOf(e);
    if (!labelled) problems.push(`${e.tagName.toLowerCase()} without a name`);
  }
  for (const e of scope.querySelectorAll('[role="img"], svg[role="img"], img')) {
    if (visible(e) && !nameOf(e)) problems.push(`${e.tagName.toLowerCase()} image without a text alternative`);
  }
  for (const e of scope.querySelectorAll('[role="region"], section[aria-labelledby]')) {
    if (visible(e) && !nameOf(e)) problems.push('region without a name');
  }
  let last = 0;
  for (const h of scope.querySelectorAll('h1, h2, h3, h4, h5, h6')) {
    if (!visible(h)) continue;
    const level = Number(h.tagName[1]);
    if (last && level > last + 1) problems.push(`heading h${level} after h${last}: "${h.textContent.trim().slice(0, 30)}"`);
    last = level;
  }
  return { problems, live: scope.querySelectorAll('[aria-live]').length };
}
