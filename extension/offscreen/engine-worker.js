// The engine in the offscreen document's worker (engine.js relays to it). Loaded once when
// the document opens, then kept: its compiled expressions and its compiled code stay warm for
// the length of the meeting.
//
// Requests: {id, op: 'state'} -> {state: 'ready'|'unavailable', version, engineMs, instantiateMs,
// rulesMs, error}; {id, op: 'analyze', text, context} -> {findings} or {error}.
import { loadEngine } from '../engine/consentlens_engine.mjs';

const t0 = performance.now();
let state = null;
const loading = typeof WebAssembly !== 'object'
  ? Promise.reject(new Error('WebAssembly is turned off in this browser'))
  : loadEngine();
loading.then(
  (engine) => {
    state = {
      state: 'ready', version: engine.version, engineMs: Math.round(performance.now() - t0),
      instantiateMs: Math.round(engine.timings.instantiateMs), rulesMs: Math.round(engine.timings.rulesMs),
    };
    setTimeout(() => warmUp(engine), 0);
  },
  (err) => { state = { state: 'unavailable', error: String(err?.message || err) }; },
);

// The first analysis in a fresh engine runs most of its code for the first time (the browser
// compiles WebAssembly functions when first called) and compiles the expressions a common
// notice needs: done here, while no one waits, unless a real request came first. Its findings
// go nowhere.
let served = 0;
const WARM_UP = ['This meeting is being recorded.', 'Recording has started. By staying in the meeting, you consent to being recorded.'];
function warmUp(engine) {
  if (served > 0) return;
  for (const text of WARM_UP) {
    try { engine.analyze(text, {}); } catch { /* a warm-up that fails says nothing a request would not */ }
  }
}

self.onmessage = async ({ data }) => {
  const { id, op } = data || {};
  let reply;
  try {
    const engine = await loading;
    if (op === 'state') reply = state;
    else if (typeof data.text !== 'string') reply = { error: 'engine: the text must be a string' };
    else {
      ++served;
      reply = { findings: engine.analyze(data.text, data.context || {}).findings };
    }
  } catch (err) {
    reply = op === 'state' ? state : { error: String(err?.message || err) };
  }
  self.postMessage({ id, reply });
};
