// The engine contract (docs/findings.md, its last paragraph): loadEngine() resolves to an
// object whose analyze(text, {url, vendor, as, date}) returns the {"as", "findings": [...]}
// that `consentlens check --jsonl` gives for the same text (`as`: notice, control or document;
// the engine judges the text's shape when it is not given). The rule and knowledge packs ship beside the
// .wasm as the pack digest (PACK_FILE, core/src/digest.h, made by the native build), not inside it.
// In the extension both files are fetched from the extension's own package; under node they
// are read from disk (this Emscripten's web loader cannot read files there by itself).
// Options: {wasmBinary, pack} hand over the .wasm bytes and the digest's bytes directly.
import createConsentlensModule from './consentlens_engine_glue.mjs';

export const WASM_FILE = 'consentlens_engine_glue.wasm';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

// Calls one of the module's C functions (wasm/bindings.cc) with each argument, a string or a
// Uint8Array, copied into a buffer of the module's memory as UTF-8 (a lone surrogate becomes
// U+FFFD, so the text still gets analysed) and passed as (pointer, byte count); returns the
// reply the function left behind, decoded from UTF-8.
function call(module, fn, args) {
  const buffers = [];
  try {
    for (const arg of args) {
      // UTF-8 takes at most three bytes per UTF-16 code unit.
      const capacity = typeof arg === 'string' ? arg.length * 3 : arg.length;
      const pointer = module._cl_alloc(capacity);
      if (!pointer) throw new Error(`the engine cannot allocate ${capacity} bytes for its input`);
      buffers.push({ pointer, capacity, arg });
    }
    // Read the heap only now: an allocation that grows the memory replaces the view.
    const heap = module.HEAPU8;
    const pairs = [];
    for (const { pointer, capacity, arg } of buffers) {
      const view = heap.subarray(pointer, pointer + capacity);
      let size = arg.length;
      if (typeof arg === 'string') size = encoder.encodeInto(arg, view).written;
      else view.set(arg);
      pairs.push(pointer, size);
    }
    fn(...pairs);
  } finally {
    for (const { pointer } of buffers) module._cl_free(pointer);
  }
  const data = module._cl_reply_data() >>> 0;
  const size = module._cl_reply_size() >>> 0;
  return decoder.decode(module.HEAPU8.subarray(data, data + size));
}
export const PACK_FILE = 'consentlens_pack.bin';

// A file next to this module: fetched where it has an http(s) or extension URL, read from
// disk under node (file: URLs; import() is never reached in a service worker, which forbids it).
async function readBeside(name, as) {
  const url = new URL(name, import.meta.url);
  if (url.protocol === 'file:') {
    const { readFile } = await import('node:fs/promises');
    return as === 'text' ? readFile(url, 'utf8') : readFile(url);
  }
  const response = await fetch(url);
  if (!response.ok) throw new Error(`the engine cannot read ${name}: HTTP ${response.status}`);
  return as === 'text' ? response.text() : new Uint8Array(await response.arrayBuffer());
}

export async function loadEngine(options = {}) {
  const moduleOptions = {};
  const nodeFiles = new URL(import.meta.url).protocol === 'file:';
  if (options.wasmBinary) moduleOptions.wasmBinary = options.wasmBinary;
  else if (nodeFiles) moduleOptions.wasmBinary = await readBeside(WASM_FILE, 'bytes');
  // Resolve the .wasm next to this file, wherever the extension or a test serves it from.
  moduleOptions.locateFile = (path) => new URL(path, import.meta.url).href;
  const t0 = performance.now();
  const [module, pack] = await Promise.all([
    createConsentlensModule(moduleOptions),
    options.pack instanceof Uint8Array ? options.pack : readBeside(PACK_FILE, 'bytes'),
  ]);
  const t1 = performance.now();

  // Read the digest now: nothing is compiled until a text needs it.
  const ready = JSON.parse(call(module, module._cl_ready, [pack]));
  if (ready.error) throw new Error(ready.error);
  // Where the start-up time went (the extension publishes it; docs/benchmarks.md uses it):
  // the module compiled and instantiated (the digest read alongside), then ready().
  const timings = { instantiateMs: t1 - t0, rulesMs: performance.now() - t1 };

  return {
    version: '0.1.0',
    rules: ready.rules,
    timings,
    // The JSON text exactly as the engine wrote it (the parity test compares these bytes).
    // The module's linear memory in bytes: it only grows, so this is the high-water mark of
    // the engine's heap (bench/wasm_bench.mjs reports it; the extension may publish it).
    memoryBytes() {
      return module.HEAP8 ? module.HEAP8.buffer.byteLength : 0;
    },
    analyzeJson(text, { url = '', vendor = '', as = '', date = '' } = {}) {
      if (typeof text !== 'string') throw new TypeError('analyze: text must be a string');
      return call(module, module._cl_analyze, [text, String(url ?? ''), String(vendor ?? ''), String(as ?? ''), String(date ?? '')]);
    },
    analyze(text, opts = {}) {
      const reply = JSON.parse(this.analyzeJson(text, opts));
      if (reply.error) throw new Error(reply.error);
      return reply;
    },
  };
}
