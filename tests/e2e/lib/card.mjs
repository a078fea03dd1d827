// The card lives in a CLOSED shadow root (pages cannot reach into it), so Playwright's
// locators cannot either. The DevTools protocol can: DOM.getDocument with pierce returns
// closed shadow roots, and a function can run with the root as `this`.

async function shadowRootObject(page) {
  const cdp = await page.context().newCDPSession(page);
  const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
  const stack = [root];
  while (stack.length) {
    const n = stack.pop();
    if (n.nodeName === 'CONSENTLENS-CARD' && n.shadowRoots?.length) {
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
  if (!section) return null;
  const q = (sel) => [...section.querySelectorAll(sel)].map((e) => e.textContent.trim());
  const style = getComputedStyle(section);
  return {
    role: section.getAttribute('role'),
    label: section.getAttribute('aria-labelledby') && this.getElementById(section.getAttribute('aria-labelledby'))?.textContent,
    summaries: q('h3'),
    terms: q('dt'),
    text: section.textContent.replace(/\s+/g, ' '),
    buttons: [...section.querySelectorAll('button')].map((b) => ({ text: b.textContent, label: b.getAttribute('aria-label'), expanded: b.getAttribute('aria-expanded') })),
    live: section.querySelector('[aria-live]')?.textContent || '',
    borderTopWidth: style.borderTopWidth,
    background: style.backgroundColor,
  };
}

export async function readCard(page) {
  const got = await inCard(page, cardContents);
  return got && got.value ? { mode: got.mode, ...got.value } : null;
}

// Polls until the card shows at least n findings (a condition wait, not a sleep).
export async function waitForCard(page, n = 1, timeoutMs = 15000) {
  await page.waitForFunction(() => {
    const host = document.querySelector('consentlens-card');
    return host && getComputedStyle(host).display !== 'none';
  }, null, { timeout: timeoutMs });
  const until = Date.now() + timeoutMs;
  for (;;) {
    const card = await readCard(page);
    if (card && card.summaries.length >= n) return card;
    if (Date.now() > until) throw new Error(`card shows ${card ? card.summaries.length : 0} findings, wanted ${n}: ${JSON.stringify(card)}`);
    await page.waitForFunction(() => new Promise((r) => requestAnimationFrame(() => r(true))));
  }
}
