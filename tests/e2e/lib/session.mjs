// One fixture server plus one Chromium with the extension, shared by the tests of a file.
import { startFixtureServer } from './fixture-server.mjs';
import { launchBrowser, ARTIFACTS } from './browser.mjs';
import { join } from 'node:path';

// The engine's first start in a fresh profile can take seconds (wasm compile), so waits for
// a finding are generous; they end as soon as the condition holds.
export const FINDING_TIMEOUT = 45000;

export async function startSession(options = {}) {
  const server = await startFixtureServer();
  const browser = await launchBrowser({ port: server.port, ...options });
  const worker = await browser.worker();
  return {
    server, browser, worker,
    context: browser.context,
    extensionId: browser.extensionId,
    artifact: (name) => join(ARTIFACTS, name),
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

// Every open shadow-less page frame the content script runs in gets an isolated world named
// after the extension; the DevTools protocol lists them. True when ours exists in the page.
export async function contentScriptRuns(page) {
  const cdp = await page.context().newCDPSession(page);
  const worlds = [];
  cdp.on('Runtime.executionContextCreated', (e) => worlds.push(e.context));
  await cdp.send('Runtime.enable');
  await cdp.detach();
  return worlds.some((c) => c.auxData?.type === 'isolated' && c.name === 'consentlens');
}

// Runs an expression in the content script's isolated world of the page's top frame (as the
// content script itself would), returning its awaited JSON value.
export async function evaluateInContentScript(page, expression) {
  const cdp = await page.context().newCDPSession(page);
  const worlds = [];
  cdp.on('Runtime.executionContextCreated', (e) => worlds.push(e.context));
  await cdp.send('Runtime.enable');
  // The top frame's world, not a chat iframe's (whereby.html has one).
  const { frameTree } = await cdp.send('Page.getFrameTree');
  const ours = worlds.find((c) => c.auxData?.type === 'isolated' && c.name === 'consentlens' && c.auxData?.isDefault === false &&
    c.auxData?.frameId === frameTree.frame.id);
  if (!ours) throw new Error('no consentlens content script world in this page');
  const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', {
    expression, contextId: ours.id, awaitPromise: true, returnByValue: true,
  });
  await cdp.detach();
  if (exceptionDetails) throw new Error(exceptionDetails.exception?.description || exceptionDetails.text);
  return result.value;
}
