// Parity: the wasm engine and the native checker must give byte-identical findings for every
// labelled example (the project's own corpus, and ../shared/corpus when that folder exists).
// Both dump the same nlohmann JSON, so the native JSONL line {"id":..,"findings":[..]} must
// equal the wasm reply {"findings":[..]} with the id put in front.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const engineDir = path.join(root, 'build/extension/engine');
const cli = path.join(root, 'build/bin/consentlens');
const { loadEngine, WASM_FILE, PACK_FILE } = await import(path.join(engineDir, 'consentlens_engine.mjs'));
const engine = await loadEngine({ wasmBinary: fs.readFileSync(path.join(engineDir, WASM_FILE)) });

function corpusFiles() {
  const own = fs.readdirSync(path.join(root, 'tests/corpus')).filter((f) => f.endsWith('.jsonl'))
    .map((f) => path.join(root, 'tests/corpus', f));
  const sharedDir = path.join(root, '../shared/corpus');
  const shared = fs.existsSync(sharedDir)
    ? fs.readdirSync(sharedDir).filter((f) => f.endsWith('-dev.jsonl')).map((f) => path.join(sharedDir, f))
    : [];
  return [...own, ...shared];
}

for (const file of corpusFiles()) {
  test(`wasm and native agree on ${path.relative(root, file)}`, () => {
    const requests = fs.readFileSync(file, 'utf8').split('\n').filter((l) => l.trim())
      .map((l) => JSON.parse(l))
      .map((ex) => ({ id: ex.id, text: ex.text, ...(ex.url ? { url: ex.url } : {}), ...(ex.as ? { as: ex.as } : {}) }));
    assert.ok(requests.length > 0, 'the corpus file has examples');
    const native = execFileSync(cli, ['check', '--jsonl'], {
      input: requests.map((r) => JSON.stringify(r)).join('\n') + '\n',
      maxBuffer: 1 << 30,
    }).toString('utf8').split('\n').filter((l) => l);
    assert.equal(native.length, requests.length, 'one native line per request');
    let withFindings = 0;
    requests.forEach((r, i) => {
      const wasm = engine.analyzeJson(r.text, { url: r.url ?? '', as: r.as ?? '' });
      const expected = native[i];
      const got = `{"id":${JSON.stringify(r.id)},${wasm.slice(1)}`;
      if (got !== expected) assert.fail(`${r.id}: native and wasm differ\n native: ${expected}\n wasm:   ${got}`);
      if (!wasm.includes('"findings":[]')) withFindings++;
    });
    // The comparison means something only if findings were produced.
    assert.ok(withFindings > 0, 'some examples produce findings');
  });
}

test('the wasm engine refuses what the native one refuses, with a message', () => {
  assert.throws(() => engine.analyze('Recording', { vendor: 'no-such-vendor' }), /unknown vendor/);
  assert.throws(() => engine.analyze('x'.repeat((16 << 20) + 1)), /limit/);
});

test('the wasm engine repairs invalid UTF-16 input the way the CLI repairs bytes', () => {
  // A lone surrogate cannot be encoded as UTF-8; the engine wrapper writes U+FFFD for it, so the text still
  // gets analysed.
  const reply = engine.analyze('This meeting is being recorded \ud800');
  assert.ok(reply.findings.some((f) => f.kind === 'recording'));
});

test('under node, loadEngine() reads the .wasm and the pack digest beside the module by itself', async () => {
  const plain = await loadEngine();
  assert.equal(plain.rules, engine.rules);
  const text = 'This meeting is being recorded. By staying in the meeting, you consent to being recorded.';
  assert.equal(plain.analyzeJson(text), engine.analyzeJson(text));
  // The start-up split the extension publishes: both parts measured, neither missing.
  for (const part of ['instantiateMs', 'rulesMs']) {
    assert.ok(Number.isFinite(plain.timings[part]) && plain.timings[part] > 0, `${part}: ${plain.timings[part]}`);
  }
});

test('a damaged or missing pack digest stops the engine with a message naming the problem', async () => {
  const wasmBinary = fs.readFileSync(path.join(engineDir, WASM_FILE));
  const digest = new Uint8Array(fs.readFileSync(path.join(engineDir, PACK_FILE)));
  await assert.rejects(loadEngine({ wasmBinary, pack: new Uint8Array(0) }), /the rule pack does not load: pack digest: at byte 0: cut short/);
  await assert.rejects(loadEngine({ wasmBinary, pack: digest.slice(0, digest.length / 2) }), /pack digest: at byte \d+: damaged/);
  await assert.rejects(loadEngine({ wasmBinary, pack: new TextEncoder().encode('{"rules": []}') }), /not a consentlens pack digest/);
  // One changed byte anywhere is caught by the digest's checksum before anything is read.
  const changed = digest.slice();
  changed[Math.floor(digest.length / 3)] ^= 1;
  await assert.rejects(loadEngine({ wasmBinary, pack: changed }), /damaged: its checksum does not match/);
});
