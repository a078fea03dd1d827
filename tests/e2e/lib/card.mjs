// The card lives in a CLOSED shadow root on a plain <div data-consentlens="card"> (pages cannot
// reach into it), so Playwright's locators cannot either. The DevTools protocol can:
// DOM.getDocument with pierce returns closed shadow roots, and a function can run with the
// root as `this`.

export const CARD_HOST = '[data-consentlens="card"]';

async function shadowRootObject(page) {
  const cdp = await page.context().newCDPSession(page);
  const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
  const stack = [root];
  while (stack.length) {
    const n = stack.pop();
    const attrs = n.attributes || [];
    const isHost = n.nodeName === 'DIV' && attrs.some((a, i) => i % 2 === 0 && a === 'data-consentlens' && attrs[i + 1] === 'card');
    if (isHost && n.shadowRoots?.length) {
      const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: n.shadowRoots[0].backendNodeId });
      return { cdp, objectId: object.objectId, mode: n.shadowRoots[0].shadowRootType };
    }
    for (const key of ['children', 'shadowRoots']) for (const c of n[key] || []) stack.push(c);
    if (n.contentDocument) stack.push(n.contentDocument);
  }
  await cdp.detach();
  return null;
}

// Runs fn (a function, serialised) with `this` bound to the card's shadow root; returns its
// JSON-able result, or null when there is no card.
export async function inCard(page, fn, ...args) {
  const found = await shadowRootObject(page);
  if (!found) return null;
  try {
    const { result, exceptionDetails } = await found.cdp.send('Runtime.callFunctionOn', {
      objectId: found.objectId,
      functionDeclaration: fn.toString(),
      arguments: args.map((value) => ({ value })),
      returnByValue: true,
      awaitPromise: true,
    });
    if (exceptionDetails) throw new Error(`in card: ${exceptionDetails.exception?.description || exceptionDetails.text}`);
    return { mode: found.mode, value: result.value };
  } finally {
    await found.cdp.detach();
  }
}

// What a person (or a screen reader) gets from the card: run in the page with `this` bound to
// the card's shadow root (through DevTools here, through WebDriver BiDi in Firefox).
export function cardContents() {
  const section = this.querySelector('section');
  const pill = this.querySelector('.pill');
  if (!section) return null;
  const shown = (e) => e && !e.closest('[hidden]') && e.getClientRects().length > 0;
  const q = (sel) => [...section.querySelectorAll(sel)].map((e) => e.textContent.trim());
  const style = getComputedStyle(shown(pill) ? pill : section);
  const labelIds = (section.getAttribute('aria-labelledby') || '').split(/\s+/).filter(Boolean);
  const lineHeights = [...section.querySelectorAll('li')].map((li) => {
    const lh = parseFloat(getComputedStyle(li.querySelector('.what')).lineHeight);
    const rows = [...li.children].filter(shown).reduce((n, c) => n + Math.round(c.getBoundingClientRect().height / parseFloat(getComputedStyle(c).lineHeight || lh)), 0);
    return rows;
  });
  return {
    shape: shown(pill) ? 'pill' : shown(section) ? 'card' : 'none',
    role: section.getAttribute('role'),
    label: labelIds.map((id) => this.getElementById(id)?.textContent).join(' '),
    summaries: q('li .what'),
    lines: q('li .how'),
    rowsPerNotice: lineHeights,
    height: section.getBoundingClientRect().height,
    text: section.textContent.replace(/\s+/g, ' '),
    buttons: [...this.querySelectorAll('button')].filter(shown).map((b) => ({ text: b.textContent, label: b.getAttribute('aria-label'), expanded: b.getAttribute('aria-expanded') })),
    live: this.querySelector('[aria-live]')?.textContent || '',
    liveCount: this.querySelectorAll('[aria-live]').length,
    borderTopWidth: style.borderTopWidth,
    background: style.backgroundColor,
    contract: [...this.querySelectorAll('[data-contract]')].map((e) => ({ ref: e.dataset.contract, form: e.dataset.form || 'label', text: e.textContent.trim() })),
    rows: [...section.querySelectorAll('li')].map((li) => ({ id: li.dataset.id, what: li.querySelector('.what')?.textContent, how: li.querySelector('.how')?.textContent })),
  };
}

export async function readCard(page) {
  const got = await inCard(page, cardContents);
  return got && got.value ? { mode: got.mode, ...got.value } : null;
}

// Polls until the card shows at least n findings (a condition wait, not a sleep: each round
// waits for an animation frame in the page).
export async function waitForCard(page, n = 1, timeoutMs = 15000) {
  await page.waitForFunction((sel) => {
    const host = document.querySelector(sel);
    return host && getComputedStyle(host).display !== 'none' && host.getBoundingClientRect().width > 1;
  }, CARD_HOST, { timeout: timeoutMs });
  const until = Date.now() + timeoutMs;
  for (;;) {
    const card = await readCard(page);
    if (card && card.summaries.length >= Math.min(n, 3)) return card;  // the card lists three; Details the rest
    if (Date.now() > until) throw new Error(`card shows ${card ? card.summaries.length : 0} findings, wanted ${n}: ${JSON.stringify(card)}`);
    await page.waitForFunction(() => new Promise((r) => requestAnimationFrame(() => r(true))));
  }
}

// Where a card button is on the screen (its centre), by its words or its aria-label.
export async function cardButtonPoint(page, text) {
  const got = await inCard(page, function (text) {
    const b = [...this.querySelectorAll('button')].find((x) => (x.textContent === text || x.getAttribute('aria-label') === text) && x.getClientRects().length);
    if (!b) return null;
    const r = b.getBoundingClientRect();
    return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
  }, text);
  if (!got || !got.value) throw new Error(`no ${text} button on the card`);
  return got.value;
}

// Clicks a card button as a person does: a real pointer click at its place on the screen (a
// trusted event). A scripted click() inside the card is ignored by the extension on purpose.
export async function clickCardButton(page, text) {
  const { x, y } = await cardButtonPoint(page, text);
  await page.mouse.click(x, y);
  return true;
}

// Puts a status toast on the page, as a meeting client shows a new notice.
export function addToast(page, text) {
  return page.evaluate((text) => {
    const t = document.createElement('div');
    t.setAttribute('role', 'status');
    t.textContent = text;
    document.body.append(t);
  }, text);
}
