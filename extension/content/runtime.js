// What every content script shares: the one way to the background (send, with retries while a
// stopped service worker restarts), and the account of the time the extension spends on the
// page's main thread. Classic content script, loaded before the others.
//
// The account (consentlensStats) lives in this isolated world only. It used to be
// performance.measure entries, but the page's performance timeline is the page's: any script
// there could read them and tell that consentlens runs. Tests read the account through the
// DevTools protocol, in the extension's own world.
(function () {
  'use strict';
  if (globalThis.consentlensRuntime) return;

  const stats = {
    busyMs: 0,        // time in the extension's callbacks on the main thread
    slices: 0,        // scan slices run
    maxSliceMs: 0,    // the longest scan slice
    sent: 0,          // texts sent to the background
    captions: 0,      // texts recognised as live captions, never sent
    dropped: 0,       // texts dropped because a flood filled the outbox
    reread: 0,        // region reads postponed because the region was read just before
    placements: 0,    // times the card was placed
    placePending: false, // a placement is waiting to run (tests wait for it before hit-testing)
    untrusted: 0,     // scripted events ignored (a page's click(), dispatchEvent)
  };
  Object.defineProperty(globalThis, 'consentlensStats', { value: stats });

  // Wraps a callback so its time counts in stats.busyMs. Nested calls count once.
  let depth = 0;
  function timed(fn) {
    return function timedCallback(...args) {
      if (depth) return fn.apply(this, args);
      depth++;
      const t0 = performance.now();
      try {
        return fn.apply(this, args);
      } finally {
        stats.busyMs += performance.now() - t0;
        depth--;
      }
    };
  }

  const orphanListeners = [];
  let orphaned = false;

  // A message can fail while Chromium stops or restarts the idle service worker ("the
  // message port closed"); it is sent again a few times, a little later each time. Only when
  // the extension itself is gone (reloaded or removed: chrome.runtime.id is undefined) is
  // this copy of the script orphaned, and everything stops.
  const RETRY_MS = [250, 1000, 3000];
  function send(message, attempt = 0) {
    if (orphaned) return Promise.resolve(undefined);
    let p;
    try {
      p = chrome.runtime.sendMessage(message);
    } catch {
      p = Promise.reject(new Error('no runtime'));
    }
    return p.catch(() => {
      if (!chrome.runtime?.id) {
        if (!orphaned) {
          orphaned = true;
          for (const f of orphanListeners) f();
        }
        return undefined;
      }
      if (attempt >= RETRY_MS.length) return undefined;
      return new Promise((resolve) => setTimeout(resolve, RETRY_MS[attempt])).then(() => send(message, attempt + 1));
    });
  }

  // Only the extension's background may talk to a content script (a content script's own
  // messages carry a tab; the background's do not).
  function fromBackground(sender) {
    return Boolean(sender) && sender.id === chrome.runtime.id && !sender.tab;
  }

  globalThis.consentlensRuntime = Object.freeze({
    stats, timed, send, fromBackground,
    onOrphaned(f) { orphanListeners.push(f); },
  });
})();
