// Where the engine runs, and the one way the background reaches it (docs/extension.md, "Where
// the engine runs").
//
// Chromium: in an offscreen document (offscreen/engine.html, its worker engine-worker.js),
// opened when a meeting tab is watched and closed when none is. Chromium stops an idle service
// worker after about 30 seconds; an engine inside the worker was loaded again for the first
// notice after every stop (the card then took about 170 ms instead of 25), where the document
// keeps it ready and warm for the meeting's length. Firefox (no offscreen documents), or a
// Chromium where the document cannot be opened: in the background itself, loaded eagerly when
// it starts, as before.
//
// Either way the engine's state is published in chrome.storage.session under "engine", so the
// popup can say plainly when the engine cannot run (for example, WebAssembly turned off by
// policy) instead of showing nothing.
import { loadEngine } from '../engine/consentlens_engine.mjs';

const OFFSCREEN_PATH = 'offscreen/engine.html';
const offscreen = typeof chrome.offscreen?.createDocument === 'function' && typeof chrome.runtime.getContexts === 'function'
  ? chrome.offscreen : null;
const startedAt = performance.now();

async function publish(state) {
  try {
    await chrome.storage.session.set({ engine: state });
  } catch {
    // Storage is unavailable only while the browser shuts down.
  }
}

// --- the engine in this worker (Firefox; or where the document cannot open) ----------------

let local = null;
function localEngine() {
  if (local) return local;
  const t0 = performance.now();
  if (typeof WebAssembly !== 'object') {
    const error = 'WebAssembly is turned off in this browser';
    publish({ state: 'unavailable', error });
    local = Promise.reject(new Error(error));
  } else {
    local = loadEngine().then(
      (engine) => {
        publish({
          state: 'ready', version: engine.version, host: 'background', readyMs: Math.round(performance.now() - t0),
          instantiateMs: Math.round(engine.timings.instantiateMs), rulesMs: Math.round(engine.timings.rulesMs),
        });
        return engine;
      },
      (err) => {
        publish({ state: 'unavailable', error: String(err?.message || err) });
        throw err;
      },
    );
  }
  local.catch(() => {});  // reported through storage; callers see the rejection themselves
  return local;
}

// --- the engine in the offscreen document (Chromium) --------------------------------------

let opening = null;  // the document being made, so that two callers make one
function openDocument() {
  opening ??= (async () => {
    const existing = await chrome.runtime.getContexts({
      contextTypes: ['OFFSCREEN_DOCUMENT'], documentUrls: [chrome.runtime.getURL(OFFSCREEN_PATH)],
    });
    if (existing.length) return;
    await offscreen.createDocument({
      url: OFFSCREEN_PATH,
      reasons: ['WORKERS'],
      justification: 'Runs the consentlens engine (WebAssembly) in a worker that stays loaded during a meeting, '
        + 'so a notice is explained at once even after the service worker was stopped.',
    });
  })().finally(() => { opening = null; });
  return opening;
}

// One request to the document's engine; undefined when no document answered.
async function ask(op, fields = {}) {
  try {
    return await chrome.runtime.sendMessage({ to: 'consentlens-engine', op, ...fields });
  } catch {
    return undefined;  // no document listening (closed, or never opened)
  }
}

let offscreenFailed = false;  // the document could not be opened: the engine runs here instead
let published = false;
// The last meeting tab closed and the document with it: a request still on its way (a notice
// read just before the tab closed) is answered here rather than opening the document again for
// no meeting. The next meeting page (warmEngine) ends the rest.
let resting = false;

// A request to the document, opening it first when no document answers. Most of the time the
// document is open already (it outlives this worker), so the first try answers.
let firstAskAt = null;  // when this worker first turned to the document
async function askOffscreen(op, fields) {
  firstAskAt ??= performance.now();
  let reply = await ask(op, fields);
  if (reply === undefined) {
    if (resting) return undefined;
    await openDocument();
    reply = await ask(op, fields);
  }
  if (reply === undefined) throw new Error('the engine document does not answer');
  if (!published) {
    published = true;
    const state = op === 'state' ? reply : await ask('state');
    // readyMs: from this worker's first request to the document until the engine answered
    // (the document opened and its engine loaded, if they were not already); engineMs, in the
    // state: how long the engine took to load when the document opened.
    if (state) {
      publish({
        ...state, host: 'offscreen', readyMs: Math.round(performance.now() - firstAskAt),
        workerAgeMs: Math.round(performance.now() - startedAt),
      });
    }
  }
  return reply;
}

// The document's reply, or null when the engine in this worker must answer instead.
async function viaOffscreen(op, fields) {
  try {
    return (await askOffscreen(op, fields)) ?? null;
  } catch (err) {
    offscreenFailed = true;
    console.warn(`consentlens: the engine runs in the background instead of a document: ${err?.message || err}`);
    return null;
  }
}

// --- what the background calls ----------------------------------------------------------

// Makes the engine ready before it is needed: when a meeting page opens, and when this worker
// starts while a meeting tab is watched. Never rejects.
export async function warmEngine() {
  resting = false;
  if (!offscreen || offscreenFailed) {
    await localEngine().catch(() => {});
    return;
  }
  await viaOffscreen('state');
}

// No meeting tab is watched any more: the document and its engine go (Firefox's background
// engine stays with the background, which Firefox stops when idle).
export async function restEngine() {
  if (!offscreen || offscreenFailed) return;
  resting = true;
  published = false;
  firstAskAt = null;
  try {
    await opening;
    await offscreen.closeDocument();
  } catch {
    // Not open: nothing to close.
  }
}

// Analyses one text. Resolves to the engine's findings array; rejects when the engine
// cannot run or refuses the input (its message names the problem).
export async function analyze(text, context) {
  if (offscreen && !offscreenFailed) {
    const reply = await viaOffscreen('analyze', { text, context });
    if (reply) {
      if (reply.error) throw new Error(reply.error);
      return reply.findings;
    }
  }
  const engine = await localEngine();
  return engine.analyze(text, context).findings;
}

// Firefox loads its engine as soon as the background starts, as it always did.
if (!offscreen) localEngine();
