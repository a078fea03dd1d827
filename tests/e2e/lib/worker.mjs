// The extension's service worker as DevTools sees it (ServiceWorker domain events): used to
// stop it the way Chromium stops an idle worker and to see it start again
// (tests/e2e/worker-restart.test.mjs, bench/browser_bench.mjs).

// Follows the extension worker's running status as DevTools reports it. `reached(status, n)`
// resolves once the status has been `status` at some report after the n-th one (so a state
// the worker passed through quickly is not missed), rejecting after `timeoutMs`.
export function followWorker(cdp, scriptPrefix, timeoutMs) {
  const history = [];
  const waiters = [];
  cdp.on('ServiceWorker.workerVersionUpdated', (e) => {
    for (const v of e.versions) {
      if (!v.scriptURL.startsWith(scriptPrefix)) continue;
      history.push(v);
      for (const w of [...waiters]) w();
    }
  });
  return {
    get count() { return history.length; },
    reached(status, after = 0) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`worker never ${status}: ${history.map((v) => v.runningStatus)}`)), timeoutMs);
        const check = () => {
          const v = history.slice(after).find((x) => x.runningStatus === status);
          if (!v) return;
          clearTimeout(timer);
          waiters.splice(waiters.indexOf(check), 1);
          resolve(v);
        };
        waiters.push(check);
        check();
      });
    },
  };
}
