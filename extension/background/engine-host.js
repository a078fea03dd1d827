// Owns the WebAssembly engine inside the background. It is instantiated eagerly when the
// worker starts (rules compile once, not on the first notice) and its state is published
// in chrome.storage.session under "engine", so the popup can say plainly when the engine
// cannot run (for example, WebAssembly turned off by policy) instead of showing nothing.
import { loadEngine } from '../engine/consentlens_engine.mjs';

async function publish(state) {
  try {
    await chrome.storage.session.set({ engine: state });
  } catch {
    // Storage is unavailable only while the browser shuts down.
  }
}

function start() {
  const t0 = performance.now();
  if (typeof WebAssembly !== 'object') {
    const error = 'WebAssembly is turned off in this browser';
    publish({ state: 'unavailable', error });
    return Promise.reject(new Error(error));
  }
  return loadEngine().then(
    (engine) => {
      publish({
        state: 'ready', version: engine.version, readyMs: Math.round(performance.now() - t0),
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

const enginePromise = start();
enginePromise.catch(() => {});  // reported through storage; callers see the rejection themselves

// Analyses one text. Resolves to the engine's findings array; rejects when the engine
// cannot run or refuses the input (its message names the problem).
export async function analyze(text, context) {
  const engine = await enginePromise;
  return engine.analyze(text, context).findings;
}
