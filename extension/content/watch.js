// The content script's main loop: watch the page, read new notice texts as they appear,
// send them to the background in batches, and (top frame only) show the card.
//
// Timing: toasts can vanish within 2.5 s (Jitsi's recording toasts), so texts are read in
// the MutationObserver callback itself, not later. Cost: each scan slice stops after
// BUDGET_MS and continues in a later task, so a chat flood or a hundred people joining
// cannot hold the main thread; every slice is measured as the performance measure
// "consentlens-scan" (tests read it). Texts already sent are not sent again.
(function () {
  'use strict';
  if (globalThis.consentlensWatching) return;  // static and dynamic registration both matched
  globalThis.consentlensWatching = true;
  const T = globalThis.consentlensText;
  const isTop = window === window.top;

  const BUDGET_MS = 4;
  const FLUSH_MS = 40;
  const MAX_BATCH_ITEMS = 32;      // validate.js LIMITS.maxItems
  const MAX_BATCH_CHARS = 60000;   // under validate.js LIMITS.maxTotalChars
  const REMEMBER = 2000;           // recently sent texts kept for de-duplication
  const MAX_MEASURES = 500;

  let state = 'starting';  // 'on' after the background says this site is on; 'off' stops all
  const queue = [];
  let head = 0;
  const queued = new Set();
  const outbox = [];
  const sent = new Set();
  const sentOrder = [];
  const watchedRoots = new WeakSet();
  let continueTimer = 0;
  let flushTimer = 0;
  let seq = 0;

  function remember(text) {
    if (sent.has(text)) return false;
    sent.add(text);
    sentOrder.push(text);
    if (sentOrder.length > REMEMBER) sent.delete(sentOrder.shift());
    return true;
  }

  let sawDialog = false;

  function push(text, source) {
    if (source === 'dialog') sawDialog = true;
    if (!text || text.length < 3 || state === 'off') return;
    if (!remember(text)) return;
    outbox.push({ text, source });
    scheduleFlush();
  }

  function enqueue(node) {
    if (!node) return;
    const el = node.nodeType === 1 ? node : (node.parentElement || node.parentNode?.host);
    if (!el || el.nodeType !== 1 || queued.has(el) || T.ignored.has(el)) return;
    queued.add(el);
    queue.push(el);
  }

  const OPTIONS = { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: T.ATTRS };
  const observer = new MutationObserver(onMutations);

  // Open shadow roots are separate trees: each gets observed, and read once when found.
  function watchRoot(root) {
    if (watchedRoots.has(root)) return;
    watchedRoots.add(root);
    observer.observe(root, OPTIONS);
    for (let c = root.firstChild; c; c = c.nextSibling) enqueue(c);
  }

  function onMutations(records) {
    for (const r of records) {
      if (r.type === 'childList') {
        for (const n of r.addedNodes) enqueue(n);
      } else if (r.type === 'characterData') {
        enqueue(r.target);
      } else if (r.type === 'attributes' && !T.ignored.has(r.target)) {
        const v = r.target.getAttribute(r.attributeName);
        if (v && v.length > 2) push(T.collapse(v).slice(0, 300), 'attr');
      }
    }
    scan();
  }

  // Custom elements often attach their shadow root after insertion; look again shortly.
  function lookForLateShadow(el) {
    if (!el.tagName.includes('-') || el.shadowRoot) return;
    setTimeout(() => { if (el.shadowRoot) watchRoot(el.shadowRoot); }, 250);
  }

  function scan() {
    if (continueTimer || state === 'off') return;
    const mark = `consentlens-scan-start-${++seq}`;
    performance.mark(mark);
    const t0 = performance.now();
    while (head < queue.length && performance.now() - t0 < BUDGET_MS) {
      const el = queue[head++];
      queued.delete(el);
      lookForLateShadow(el);
      const more = T.unitsOf(el, push, watchRoot);
      if (more) for (const c of more) enqueue(c);
    }
    if (head === queue.length) { queue.length = 0; head = 0; }
    performance.measure('consentlens-scan', mark);
    performance.clearMarks(mark);
    if (seq % MAX_MEASURES === 0) performance.clearMeasures('consentlens-scan');
    if (sawDialog && isTop) {
      sawDialog = false;
      globalThis.consentlensCard.reflow();  // a new dialog: the card moves out of its way
    }
    if (head < queue.length) {
      continueTimer = setTimeout(() => { continueTimer = 0; scan(); }, 0);
    }
  }

  function scheduleFlush() {
    if (flushTimer || state !== 'on') return;
    flushTimer = setTimeout(flush, FLUSH_MS);
  }

  function flush() {
    flushTimer = 0;
    while (outbox.length && state === 'on') {
      const items = [];
      let chars = 0;
      while (outbox.length && items.length < MAX_BATCH_ITEMS && chars + outbox[0].text.length <= MAX_BATCH_CHARS) {
        const it = outbox.shift();
        chars += it.text.length;
        items.push(it);
      }
      send({ type: 'notices', items });
    }
  }

  // A message can fail while Chromium stops or restarts the idle service worker ("the
  // message port closed"); it is sent again a few times, a little later each time. Only when
  // the extension itself is gone (reloaded or removed: chrome.runtime.id is undefined) is
  // this copy of the script orphaned and stops.
  const RETRY_MS = [250, 1000, 3000];
  function send(message, attempt = 0) {
    return chrome.runtime.sendMessage(message).catch(() => {
      if (!chrome.runtime?.id) {
        stop();
        return undefined;
      }
      if (attempt >= RETRY_MS.length) return undefined;
      return new Promise((resolve) => setTimeout(resolve, RETRY_MS[attempt])).then(() => send(message, attempt + 1));
    });
  }

  function stop() {
    state = 'off';
    observer.disconnect();
    queue.length = 0;
    head = 0;
    outbox.length = 0;
  }

  // Start watching at once (document_start) so nothing early is missed; hold the texts until
  // the background says whether this site is switched on.
  observer.observe(document, OPTIONS);
  if (document.documentElement) enqueue(document.documentElement);
  scan();

  let cardOn = false;
  if (isTop) {
    chrome.runtime.onMessage.addListener((msg, sender, sendResponse) => {
      // Only our background may tell the card what to show (a content script sender has a tab).
      if (sender.id !== chrome.runtime.id || sender.tab) return;
      if (cardOn && msg && msg.type === 'findings' && Array.isArray(msg.entries)) {
        globalThis.consentlensCard.show(msg.entries);
      }
      // The background asks for the title only when the person let the history keep it.
      if (msg && msg.type === 'title') sendResponse({ title: String(document.title || '').slice(0, 300) });
    });
  }

  send({ type: 'hello' }).then((res) => {
    if (!res || !res.ok || !res.enabled) { stop(); return; }
    state = 'on';
    cardOn = isTop && res.card;
    scheduleFlush();
  });
})();
