#!/usr/bin/env node
// The WebAssembly engine under node (issue 3's budgets): the .wasm's size, the engine's ready
// time in fresh processes, per-notice analysis time over the corpus, and the same rule
// patterns run as JavaScript RegExp objects over the same notices, side by side.
//
// Usage (from the repository root, with build/ already built; this script builds nothing):
//   node bench/wasm_bench.mjs [--loads N] [--reps N] [--json FILE]
//     --loads N   fresh processes for the ready time (default 5; median reported)
//     --reps  N   warm passes over the corpus; each notice's warm time is the median of its N
//                 warm timings (default 3)
//     --json FILE also write every figure as JSON
//
// Needs build/extension/engine/ (the wasm engine) and build/bin/consentlens (for
// `consentlens rules patterns`, the compiled pack: one RE2 pattern per line).
import { fork, execFileSync } from 'node:child_process';
import { readFileSync, existsSync, writeFileSync } from 'node:fs';
import { gzipSync, constants as zc } from 'node:zlib';
import { join, relative, resolve, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import os from 'node:os';
import { corpusSets } from './lib/corpus.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const ENGINE_DIR = join(ROOT, 'build/extension/engine');
const ENGINE_MJS = join(ENGINE_DIR, 'consentlens_engine.mjs');
const WASM = join(ENGINE_DIR, 'consentlens_engine_glue.wasm');
const CLI = join(ROOT, 'build/bin/consentlens');

// ---------------------------------------------------------------------------------------
// Child mode: one fresh process, one engine load, timed, reported to the parent.
// A child process (not a worker thread) so V8's per-process wasm module cache cannot help.
if (process.argv[2] === '--child-ready') {
  const wasmBinary = readFileSync(WASM);          // file reads are not part of "ready"
  const pack = readFileSync(join(dirname(WASM), 'consentlens_pack.bin'));
  const { loadEngine } = await import(pathToFileURL(ENGINE_MJS).href);
  // Note when WebAssembly.instantiate resolves, to split instantiate from rule compile.
  let instantiatedAt = null;
  const original = WebAssembly.instantiate;
  WebAssembly.instantiate = function (...args) {
    return original.apply(this, args).then((r) => { instantiatedAt = performance.now(); return r; });
  };
  const t0 = performance.now();
  const engine = await loadEngine({ wasmBinary, pack });
  const t1 = performance.now();
  process.send({ readyMs: t1 - t0, instantiateMs: instantiatedAt - t0, afterInstantiateMs: t1 - instantiatedAt, rules: engine.rules });
  process.exit(0);
}

// ---------------------------------------------------------------------------------------
const args = process.argv.slice(2);
const opt = (name, dflt) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : dflt; };
const LOADS = Number(opt('--loads', 5));
const REPS = Number(opt('--reps', 3));
const JSON_OUT = opt('--json', null);

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const n = s.length; return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2; };
const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]; };  // nearest rank
const sum = (xs) => xs.reduce((a, b) => a + b, 0);
const f = (x, d = 3) => (x == null ? '—' : x.toFixed(d));

// (a) size
const wasmBytes = readFileSync(WASM);
const gz = gzipSync(wasmBytes, { level: 9, memLevel: 9 });
// The pack digest ships beside the .wasm (it is data the engine reads at start, not code):
// reported too, so the extension's whole engine is on record, not just the module.
const packBytes = readFileSync(join(dirname(WASM), 'consentlens_pack.bin'));
const size = { wasmBytes: wasmBytes.length, gzipBytes: gz.length, packBytes: packBytes.length,
  packGzipBytes: gzipSync(packBytes, { level: 9, memLevel: 9 }).length };

// (b) ready time in fresh processes, one after the other (never two at once on 2 cores)
function loadOnce() {
  return new Promise((resolveP, reject) => {
    const child = fork(fileURLToPath(import.meta.url), ['--child-ready'], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let got = null;
    child.on('message', (m) => { got = m; });
    child.on('error', reject);
    child.on('exit', (code) => (got && code === 0 ? resolveP(got) : reject(new Error(`ready child exited ${code}`))));
  });
}
const loads = [];
for (let i = 0; i < LOADS; i++) loads.push(await loadOnce());
const ready = {
  loads: loads.map((l) => l.readyMs),
  medianMs: median(loads.map((l) => l.readyMs)),
  instantiateMedianMs: median(loads.map((l) => l.instantiateMs)),
  afterInstantiateMedianMs: median(loads.map((l) => l.afterInstantiateMs)),
  rules: loads[0].rules,
};

const sets = corpusSets(ROOT);
const allNotices = sets.flatMap((s) => s.notices);

// (c) the wasm engine, in this process (a fresh load: nothing analysed before the cold pass)
const { loadEngine } = await import(pathToFileURL(ENGINE_MJS).href);
const engine = await loadEngine({ wasmBinary: wasmBytes });
const memory = { afterStartBytes: engine.memoryBytes() };

function timeWasmPass(notices, k = 1) {
  const t = new Array(notices.length);
  let withFindings = 0;
  for (let i = 0; i < notices.length; i++) {
    const n = notices[i];
    let r;
    // Timed k times in a row: the first call of the k (untimed) fills the caches with what this
    // text needs, so the figure is the warm one (a notice seen again), not a new text's.
    if (k > 1) engine.analyze(n.text, { url: n.url });
    const t0 = performance.now();
    for (let j = 0; j < k; j++) r = engine.analyze(n.text, { url: n.url });  // what the extension's background calls
    t[i] = (performance.now() - t0) / k;
    if (r.findings.length) withFindings++;
  }
  return { t, withFindings };
}

// (d) the same patterns as JavaScript RegExp objects
const RE2_PATTERNS = execFileSync(CLI, ['rules', 'patterns'], { maxBuffer: 1 << 28 }).toString('utf8').split('\n').filter((l) => l);
function re2ToJs(p) {
  return p
    .replace(/\\x\{([0-9A-Fa-f]+)\}/g, '\\u{$1}')
    .replace(/\\pL/g, '\\p{L}')
    .replace(/\\pN/g, '\\p{N}')
    // RE2 takes bare script names (\p{Han}); JS wants them as Script=.
    .replace(/\\p\{(Han|Hangul|Hiragana|Katakana|Latin|Cyrillic|Greek|Arabic|Hebrew|Thai|Devanagari)\}/g, '\\p{Script=$1}')
    .replace(/\(\?-i:/g, '(?:')     // node 20 has no inline modifiers; 'i' then applies inside too
    .replace(/\(\?i\)/g, '')
    .replace(/\\z/g, '$');
}
const jsCompileStart = performance.now();
const jsRegexps = [];
const jsFailures = [];
for (const [i, p] of RE2_PATTERNS.entries()) {
  try {
    jsRegexps.push(new RegExp(re2ToJs(p), 'iu'));
  } catch (e) {
    jsFailures.push({ index: i, error: String(e.message).slice(0, 160) });
  }
}
const jsConstructMs = performance.now() - jsCompileStart;

// The engine splits its normalised text into lines and scans each; the JS side splits the raw
// text (no NFKC, no whitespace folding: work the engine does and JS is spared).
function timeJsPass(notices) {
  const t = new Array(notices.length);
  let hits = 0;
  for (let i = 0; i < notices.length; i++) {
    const t0 = performance.now();
    const lines = notices[i].text.split('\n');
    for (const line of lines) {
      if (!line) continue;
      for (const re of jsRegexps) if (re.test(line)) hits++;
    }
    t[i] = performance.now() - t0;
  }
  return { t, hits };
}

function measure(timePass, notices) {
  const cold = timePass(notices);
  const warm = [];
  let last = null;
  for (let r = 0; r < REPS; r++) { last = timePass(notices); warm.push(last.t); }
  const perNotice = notices.map((_, i) => median(warm.map((w) => w[i])));
  return { coldTotalMs: sum(cold.t), coldMaxMs: Math.max(...cold.t), warmMedianMs: median(perNotice), warmP95Ms: pct(perNotice, 95), warmTotalMs: sum(perNotice), perNotice, last };
}

// Cold passes first, over every set in order (each engine and each RegExp meets its first
// notice in the first set); then the warm passes per set.
const results = [];
for (const s of sets) {
  const wasm = measure(timeWasmPass, s.notices);
  // As browser_bench.mjs also reports (its clock is coarse): each notice 10 times in a row.
  const repeated = timeWasmPass(s.notices, 10).t;
  const js = measure(timeJsPass, s.notices);
  results.push({
    set: s.name, notices: s.notices.length,
    avgChars: sum(s.notices.map((n) => n.text.length)) / s.notices.length,
    wasm: { coldTotalMs: wasm.coldTotalMs, coldMaxMs: wasm.coldMaxMs, medianMs: wasm.warmMedianMs, p95Ms: wasm.warmP95Ms, totalMs: wasm.warmTotalMs, withFindings: wasm.last.withFindings, repeatedMedianMs: median(repeated), repeatedP95Ms: pct(repeated, 95) },
    js: { coldTotalMs: js.coldTotalMs, coldMaxMs: js.coldMaxMs, medianMs: js.warmMedianMs, p95Ms: js.warmP95Ms, totalMs: js.warmTotalMs, patternHits: js.last.hits },
    ratioMedian: js.warmMedianMs / wasm.warmMedianMs,
    ratioTotal: js.warmTotalMs / wasm.warmTotalMs,
    _wasmPer: wasm.perNotice, _jsPer: js.perNotice,
  });
}
memory.afterCorpusBytes = engine.memoryBytes();
// 10,000 varied notices: every corpus text in turn, each time with other words around it (a
// name, a number, a second sentence), so no two texts are the same and the caches see new text.
{
  const extras = ['Ana joined.', 'Slide 12 of 40.', 'The call resumes at 3 pm.', 'Budget review', 'Welcome, everyone!'];
  for (let i = 0; i < 10000; i++) {
    const n = allNotices[i % allNotices.length];
    engine.analyzeJson(`${extras[i % extras.length]} ${n.text} (${i})`, { url: n.url });
  }
  memory.after10kBytes = engine.memoryBytes();
}
const allWasm = results.flatMap((r) => r._wasmPer);
const allJs = results.flatMap((r) => r._jsPer);
const all = {
  notices: allNotices.length,
  wasm: { medianMs: median(allWasm), p95Ms: pct(allWasm, 95), totalMs: sum(allWasm), coldTotalMs: sum(results.map((r) => r.wasm.coldTotalMs)) },
  js: { medianMs: median(allJs), p95Ms: pct(allJs, 95), totalMs: sum(allJs), coldTotalMs: sum(results.map((r) => r.js.coldTotalMs)) },
};
all.ratioMedian = all.js.medianMs / all.wasm.medianMs;
all.ratioTotal = all.js.totalMs / all.wasm.totalMs;

// ---------------------------------------------------------------------------------------
const KB = (b) => `${(b / 1000).toFixed(1)} KB (${b.toLocaleString('en')} B)`;
console.log(`consentlens wasm bench — node ${process.version}, ${os.cpus().length} CPUs (${os.cpus()[0]?.model?.trim()}), load avg ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}`);
console.log('');
console.log('| figure | value | budget |');
console.log('|---|---:|---|');
console.log(`| wasm size | ${KB(size.wasmBytes)} | ≤ 600 KB |`);
console.log(`| wasm gzip -9 | ${KB(size.gzipBytes)} | ≤ 250 KB |`);
console.log(`| pack digest beside it (consentlens_pack.bin) / gzip -9 | ${KB(size.packBytes)} / ${KB(size.packGzipBytes)} | — |`);
const MB = (b) => `${(b / 1048576).toFixed(1)} MiB`;
console.log(`| wasm linear memory after start / after the corpus passes / after 10,000 more varied notices | ${MB(memory.afterStartBytes)} / ${MB(memory.afterCorpusBytes)} / ${MB(memory.after10kBytes)} | ≤ 16 MiB after start, ≤ 32 MiB after 10,000 |`);
console.log(`| engine ready under node, median of ${LOADS} fresh processes | ${f(ready.medianMs, 1)} ms (runs: ${ready.loads.map((x) => x.toFixed(1)).join(', ')}) | (≤ 50 ms is for Chromium) |`);
console.log(`|   of which WebAssembly.instantiate (compile + instantiate), median | ${f(ready.instantiateMedianMs, 1)} ms | |`);
console.log(`|   of which runtime init + rule compile (${ready.rules} rules), median | ${f(ready.afterInstantiateMedianMs, 1)} ms | |`);
console.log(`| RE2 patterns in the pack | ${RE2_PATTERNS.length} (${(sum(RE2_PATTERNS.map((p) => p.length)) / 1e6).toFixed(2)} M chars) | |`);
console.log(`| patterns JS RegExp refused ('iu') | ${jsFailures.length} (skipped) | |`);
console.log(`| JS RegExp construction, all patterns | ${f(jsConstructMs, 1)} ms (V8 compiles each on first use) | |`);
console.log('');
console.log(`Per notice (ms). Warm = median of ${REPS} timings per notice after one cold pass (mean = sum of those / notices); wasm = engine.analyze() (normalise, match, slots, explanation, JSON); JS = every RegExp .test() on every line.`);
console.log('');
console.log('| corpus | notices | avg chars | wasm median | wasm p95 | wasm mean | wasm same notice again (cached) ×10: median | wasm cold pass total | JS median | JS p95 | JS mean | JS cold pass total | JS/wasm (median) | JS/wasm (mean) |');
console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const r of results) {
  console.log(`| ${r.set} | ${r.notices} | ${r.avgChars.toFixed(0)} | ${f(r.wasm.medianMs)} | ${f(r.wasm.p95Ms)} | ${f(r.wasm.totalMs / r.notices)} | ${f(r.wasm.repeatedMedianMs)} | ${f(r.wasm.coldTotalMs, 1)} | ${f(r.js.medianMs)} | ${f(r.js.p95Ms)} | ${f(r.js.totalMs / r.notices)} | ${f(r.js.coldTotalMs, 1)} | ${f(r.ratioMedian, 2)}× | ${f(r.ratioTotal, 2)}× |`);
}
console.log(`| all | ${all.notices} | | ${f(all.wasm.medianMs)} | ${f(all.wasm.p95Ms)} | ${f(all.wasm.totalMs / all.notices)} | (per set) | ${f(all.wasm.coldTotalMs, 1)} | ${f(all.js.medianMs)} | ${f(all.js.p95Ms)} | ${f(all.js.totalMs / all.notices)} | ${f(all.js.coldTotalMs, 1)} | ${f(all.ratioMedian, 2)}× | ${f(all.ratioTotal, 2)}× |`);
console.log('');
for (const r of results) console.log(`# ${r.set}: wasm findings on ${r.wasm.withFindings} notices; JS pattern hits (line × pattern) ${r.js.patternHits}`);
if (jsFailures.length) for (const e of jsFailures.slice(0, 5)) console.log(`# JS refused pattern ${e.index}: ${e.error}`);

if (JSON_OUT) {
  const strip = results.map(({ _wasmPer, _jsPer, ...r }) => r);
  writeFileSync(JSON_OUT, JSON.stringify({ node: process.version, cpus: os.cpus().length, size, memory, ready, patterns: RE2_PATTERNS.length, jsFailures, jsConstructMs, results: strip, all }, null, 2));
}
