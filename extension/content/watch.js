// The content script's main loop: watch the page, read new notice texts as they appear,
// send them to the background in batches, follow the page to another meeting, and (top frame
// only) hand the card what the background says to show.
//
// Timing: toasts can vanish within 2.5 s (Jitsi's recording toasts), so texts are read in
// the MutationObserver callback itself, not later. Cost: each scan slice stops after
// BUDGET_MS and continues in a later task (text.js bounds each unit inside a slice), so a
// chat flood, a hundred people joining or a hostile page cannot hold the main thread; a
// region that changes again and again is read at most once per REREAD_MS. Time spent is
// counted in consentlensStats (runtime.js), never in the page's performance timeline.
//
// Repeats: the same words from the same element are sent once. The same words from a new
// element are sent again when the element that said them before is gone (a toast shown again:
// a recording that stopped and started again), not while it is still there (a copy, or a
// re-render). At most SEND_PER_S texts a second leave the page (a burst of SEND_BURST), the
// client's own dialogs, toasts, lists and icons first; a flood beyond MAX_OUTBOX drops
// people's lines and loose text first.
// Live captions (people's spoken words) never leave the page.
(function () {
  'use strict';
  if (globalThis.consentlensWatching) return;  // static and dynamic registration both matched
  globalThis.consentlensWatching = true;
  const T = globalThis.consentlensText;
  const RT = globalThis.consentlensRuntime;
  const C = globalThis.consentlensContract;
  const { stats, timed, send } = RT;
  const isTop = window === window.top;

  const BUDGET_MS = 4;
  const FLUSH_MS = 40;
  const MAX_BATCH_ITEMS = 32;      // validate.js LIMITS.maxItems
  const MAX_BATCH_CHARS = 60000;   // under validate.js LIMITS.maxTotalChars
  const SEND_PER_S = 150;
  const SEND_BURST = 300;
  const MAX_OUTBOX = 512;
  const REMEMBER = 2000;           // recently sent texts kept for de-duplication
  const REREAD_MS = 200;
  const NAV_CHECK_MS = 1000;

  const SPEAKS = Object.fromEntries(C.tables.item_sources.map((e) => [e.id, e.speaks]));
  // What leaves the page first when texts queue up: the client's notices (dialogs, alerts,
  // toasts, tooltips), then its lists, icons, controls and loose text, then people's lines. A
  // flood drops from the other end.
  const NOTICES = new Set(['dialog', 'alert', 'status', 'tooltip']);
  const PRIORITY = (source) => (NOTICES.has(source) ? 0 : SPEAKS[source] === 'meeting' ? 1 : 2);

  let state = 'starting';  // 'on' once the background says this site is on; 'paused'; 'gone'
  let queue = [];
  let head = 0;
  let queued = new WeakSet();
  let outbox = [[], [], []];      // by PRIORITY
  let tokens = SEND_BURST;
  let tokensAt = performance.now();
  let recent = new Map();        // text key -> {at, owner: WeakRef}: when last sent, and by which element
  let byOwner = new WeakMap();   // element -> {'': key, attr: key}: what it last said
  let lastRead = new WeakMap();  // region -> when it was last read whole
  const rereads = new Set();     // regions waiting for their postponed read
  let watchedRoots = new WeakSet();
  let continueTimer = 0;
  let flushTimer = 0;
  let flushSoon = false;  // the pending flush is the immediate one
  let regionSeen = false;
  let gen;                       // the top frame's generation (background tab-store.js resetTab)

  function push(text, source, owner, attr = '') {
    if (!text || text.length < 3 || state === 'paused' || state === 'gone') return;
    if (SPEAKS[source] === 'nobody') { stats.captions++; return; }
    const key = `${source}\u0000${text}`;
    if (owner) {
      const said = byOwner.get(owner) || {};
      if (said[attr] === key) return;
      said[attr] = key;
      byOwner.set(owner, said);
    }
    const last = recent.get(key);
    if (last && last.owner !== owner && last.owner?.deref()?.isConnected) return;
    recent.delete(key);
    recent.set(key, { owner: owner ? new WeakRef(owner) : null });
    // New words in a dialog, toast or tooltip: the card may have to move out of its way.
    if (NOTICES.has(source)) regionSeen = true;
    if (recent.size > REMEMBER) recent.delete(recent.keys().next().value);
    const box = outbox[PRIORITY(source)];
    box.push({ text, source });
    // A flood: the oldest of people's lines go first, then of the rest, then of the notices.
    if (outbox[0].length + outbox[1].length + outbox[2].length > MAX_OUTBOX) {
      (outbox[2].length ? outbox[2] : outbox[1].length ? outbox[1] : outbox[0]).shift();
      stats.dropped++;
    }
    scheduleFlush();
  }

  function enqueue(node) {
    if (!node) return;
    const el = node.nodeType === 1 ? node : (node.parentElement || node.parentNode?.host);
    if (!el || el.nodeType !== 1 || queued.has(el) || T.ignored.has(el)) return;
    queued.add(el);
    queue.push(el);
  }

  // A region read a moment ago is read again once, when REREAD_MS has passed, instead of on
  // every change in between (a dialog whose clock ticks, a page rewriting one node in a loop).
  function debounce(region) {
    const now = performance.now();
    const last = lastRead.get(region);
    if (last === undefined || now - last >= REREAD_MS) {
      lastRead.set(region, now);
      return false;
    }
    stats.reread++;
    if (!rereads.has(region)) {
      rereads.add(region);
      setTimeout(timed(() => {
        rereads.delete(region);
        if (state !== 'on' && state !== 'starting') return;
        lastRead.delete(region);
        if (region.isConnected) { enqueue(region); scan(); }
      }), REREAD_MS - (now - last));
    }
    return true;
  }

  const OPTIONS = { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: T.ATTRS };
  const observer = new MutationObserver(timed(onMutations));

  // Open shadow roots are separate trees: each gets observed, and read once when found.
  function watchRoot(root) {
    if (watchedRoots.has(root)) return;
    watchedRoots.add(root);
    observer.observe(root, OPTIONS);
    for (let c = root.firstChild; c; c = c.nextSibling) enqueue(c);
  }

  function onMutations(records) {
    if (state === 'paused' || state === 'gone') return;
    for (const r of records) {
      if (r.type === 'childList') {
        // Many nodes added at once (a list rendered, or a page flooding itself): their parent
        // is read instead, in chunks, rather than each node queued on its own.
        if (r.addedNodes.length > 64) enqueue(r.target.nodeType === 11 ? r.target.host : r.target);
        else for (const n of r.addedNodes) enqueue(n);
      } else if (r.type === 'characterData') {
        enqueue(r.target);
      } else if (r.type === 'attributes' && !T.ignored.has(r.target)) {
        const v = r.target.getAttribute(r.attributeName);
        if (v && v.length > 2) {
          const region = T.containerOf(r.target);
          push(T.collapse(v.slice(0, T.MAX_ATTR_CHARS * 2)).slice(0, T.MAX_ATTR_CHARS), T.attrSource(r.target, region), r.target, r.attributeName);
        }
      }
    }
    checkNavigation();
    scan();
  }

  // Custom elements often attach their shadow root after insertion; look again shortly.
  function lookForLateShadow(el) {
    if (!el.tagName || !el.tagName.includes('-') || el.shadowRoot) return;
    setTimeout(timed(() => { if (el.shadowRoot && state === 'on') { watchRoot(el.shadowRoot); scan(); } }), 250);
  }

  function scan() {
    if (continueTimer || state === 'paused' || state === 'gone') return;
    const t0 = performance.now();
    const deadline = t0 + BUDGET_MS;
    while (head < queue.length && performance.now() < deadline) {
      const el = queue[head++];
      if (!el.cursor) {
        queued.delete(el);
        lookForLateShadow(el);
      }
      const more = T.unitsOf(el, { push, onShadow: watchRoot, deadline, debounce });
      if (more) {
        for (const c of more) {
          if (c.cursor) queue.push(c);
          else enqueue(c);
        }
      }
    }
    if (head === queue.length) { queue = []; head = 0; } else if (head > 4096) { queue = queue.slice(head); head = 0; }
    const took = performance.now() - t0;
    stats.slices++;
    if (took > stats.maxSliceMs) stats.maxSliceMs = took;
    if (regionSeen && isTop) {
      regionSeen = false;
      globalThis.consentlensCard.reflow();  // a dialog, toast or banner came or changed: the card moves out of its way
    }
    if (head < queue.length) {
      continueTimer = setTimeout(timed(() => { continueTimer = 0; scan(); }), 0);
    }
  }

  // A client's notice (dialog, alert, toast) leaves at the next task: someone may be deciding
  // whether to stay. Other texts wait FLUSH_MS, so that a burst of them travels in one message.
  // `soon` false: the rate limit held texts back, so the next try waits FLUSH_MS even for a notice
  // (an immediate retry would spin until a token comes).
  function scheduleFlush(soon = true) {
    if (state !== 'on') return;
    const wait = soon && outbox[0].length ? 0 : FLUSH_MS;
    if (flushTimer) {
      if (wait > 0 || flushSoon) return;
      clearTimeout(flushTimer);
    }
    flushSoon = wait === 0;
    flushTimer = setTimeout(timed(flush), wait);
  }

  function flush() {
    flushTimer = 0;
    flushSoon = false;
    const now = performance.now();
    tokens = Math.min(SEND_BURST, tokens + ((now - tokensAt) / 1000) * SEND_PER_S);
    tokensAt = now;
    while (state === 'on' && tokens >= 1 && outbox.some((b) => b.length)) {
      const items = [];
      let chars = 0;
      for (const box of outbox) {
        while (box.length && items.length < MAX_BATCH_ITEMS && items.length < tokens && chars + box[0].text.length <= MAX_BATCH_CHARS) {
          const it = box.shift();
          chars += it.text.length;
          items.push(it);
        }
      }
      if (!items.length) break;
      tokens -= items.length;
      stats.sent += items.length;
      send(gen === undefined ? { type: 'notices', items } : { type: 'notices', items, gen });
    }
    if (outbox.some((b) => b.length)) scheduleFlush(tokens >= 1);
  }

  // Forgets what was read, and reads the whole page again: after a move to another meeting
  // (its notices are new), and when the site is switched on again.
  function rescan() {
    queue = [];
    head = 0;
    queued = new WeakSet();
    outbox = [[], [], []];
    recent = new Map();
    byOwner = new WeakMap();
    lastRead = new WeakMap();
    watchedRoots = new WeakSet();
    observer.disconnect();
    observer.observe(document, OPTIONS);
    if (document.documentElement) enqueue(document.documentElement);
    scan();
  }

  function pause() {
    state = 'paused';
    observer.disconnect();
    queue = [];
    head = 0;
    outbox = [[], [], []];
    if (isTop) globalThis.consentlensCard.reset();
  }

  RT.onOrphaned(() => {
    pause();
    state = 'gone';
  });

  // --- the meeting the top frame is in ------------------------------------------------------

  // A meeting client moves between meetings, and out of them ("You left the meeting"),
  // without loading a new page. The background decides from the new address whether this is
  // another meeting; if so it starts the tab afresh and the page is read again.
  let lastHref = location.href;
  function checkNavigation() {
    if (!isTop || state !== 'on' || location.href === lastHref) return;
    lastHref = location.href;
    send({ type: 'navigated', url: location.href }).then((res) => {
      if (!res || !res.ok || !res.reset || state !== 'on') return;
      gen = res.gen;
      globalThis.consentlensCard.reset();
      rescan();
    });
  }
  if (isTop) {
    const onNav = timed(checkNavigation);
    addEventListener('popstate', onNav);
    addEventListener('hashchange', onNav);
    // The Navigation API tells of history.pushState at once (Chromium); elsewhere the
    // mutation that comes with it, or the interval, notices.
    if (globalThis.navigation && typeof globalThis.navigation.addEventListener === 'function') {
      globalThis.navigation.addEventListener('currententrychange', onNav);
    }
    setInterval(onNav, NAV_CHECK_MS);
  }

  // --- start ------------------------------------------------------------------------------

  // Start watching at once (document_start) so nothing early is missed; hold the texts until
  // the background says whether this site is switched on.
  observer.observe(document, OPTIONS);
  if (document.documentElement) enqueue(document.documentElement);
  scan();

  let cardOn = false;
  function applyState(res) {
    cardOn = isTop && Boolean(res.card);
    if (isTop && Number.isInteger(res.gen)) gen = res.gen;
    if (!res.enabled) {
      if (state !== 'paused') pause();
      return;
    }
    if (state === 'paused') {
      state = 'on';
      rescan();
    } else {
      state = 'on';
    }
    if (isTop) {
      if (!cardOn) globalThis.consentlensCard.reset();
      else if (res.view) globalThis.consentlensCard.show(res.view);
    }
    scheduleFlush();
  }

  chrome.runtime.onMessage.addListener(timed((msg, sender, sendResponse) => {
    if (!RT.fromBackground(sender) || !msg || typeof msg !== 'object') return;
    if (msg.type === 'state') applyState(msg);
    // The background asks for the title only when the person let the history keep it.
    else if (msg.type === 'title' && isTop) sendResponse({ title: String(document.title || '').slice(0, 300) });
    else if (msg.type === 'card' && isTop && cardOn && state === 'on') globalThis.consentlensCard.show(msg.view);
  }));

  send({ type: 'hello' }).then((res) => {
    if (!res || !res.ok) { pause(); return; }
    applyState(res);
  });
})();
