// The extension's service worker as DevTools sees it (ServiceWorker domain events): used to
// stop it the way Chromium stops an idle worker and to see it start again
// (tests/e2e/worker-restart.test.mjs, offscreen-engine.test.mjs, bench/browser_bench.mjs).

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

// An extension page (the options page) whose DevTools session follows the extension's service
// worker: it also reads chrome.storage.session as the worker does, whichever worker is alive.
export async function inspectWorker(context, extensionId, timeoutMs) {
  const prefix = `chrome-extension://${extensionId}/`;
  const page = await context.newPage();
  await page.goto(`${prefix}options/options.html`);
  const cdp = await context.newCDPSession(page);
  const worker = followWorker(cdp, prefix, timeoutMs);
  await cdp.send('ServiceWorker.enable');
  return { page, cdp, worker };
}

// Stops the running worker as Chromium stops an idle one; `beforeStop` runs once it is running.
export async function stopWorker(cdp, worker, beforeStop = async () => {}) {
  const version = await worker.reached('running', Math.max(0, worker.count - 1));
  await beforeStop();
  const mark = worker.count;
  await cdp.send('ServiceWorker.stopWorker', { versionId: version.versionId });
  await worker.reached('stopped', mark);
}
