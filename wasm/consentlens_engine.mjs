// The engine contract (findings-contract.md, "Engine contract"): loadEngine() resolves to an
// object whose analyze(text, {url, vendor}) returns the {"findings": [...]} that
// `consentlens check` gives for the same text. Works in the extension (the .wasm is fetched
// from the extension's own files) and under node (pass {wasmBinary}: this Emscripten's web
// loader cannot read files there).
import createConsentlensModule from './consentlens_engine_glue.mjs';

export const WASM_FILE = 'consentlens_engine_glue.wasm';

export async function loadEngine(options = {}) {
  const moduleOptions = {};
  if (options.wasmBinary) moduleOptions.wasmBinary = options.wasmBinary;
  // Resolve the .wasm next to this file, wherever the extension or a test serves it from.
  moduleOptions.locateFile = (path) => new URL(path, import.meta.url).href;
  const module = await createConsentlensModule(moduleOptions);

  // Compile the rule set now, so the first notice does not pay for it.
  const ready = JSON.parse(module.ready());
  if (ready.error) throw new Error(ready.error);

  return {
    version: '0.1.0',
    rules: ready.rules,
    // The JSON text exactly as the engine wrote it (the parity test compares these bytes).
    analyzeJson(text, { url = '', vendor = '' } = {}) {
      if (typeof text !== 'string') throw new TypeError('analyze: text must be a string');
      return module.analyze(text, String(url ?? ''), String(vendor ?? ''));
    },
    analyze(text, opts = {}) {
      const reply = JSON.parse(this.analyzeJson(text, opts));
      if (reply.error) throw new Error(reply.error);
      return reply;
    },
  };
}
