#!/usr/bin/env node
// What keeping the engine warm costs in memory (Chromium, Linux): the proportional set size
// (PSS, /proc/PID/smaps_rollup) of the browser's processes, by process type, with a meeting tab
// open (the engine loaded in its offscreen document), then after that tab closed (the document
// closes with the last meeting tab). The extensions' renderer process holds the document, its
// worker and the engine's wasm heap (whose own figures come from bench/wasm_bench.mjs).
//
// Usage (from the repository root, build/extension/ built): node bench/offscreen_memory.mjs
import { readFileSync, readdirSync } from 'node:fs';
import { startFixtureServer } from '../tests/e2e/lib/fixture-server.mjs';
import { launchBrowser } from '../tests/e2e/lib/browser.mjs';

// The browser whose command line names this profile, and all its descendants.
function pssOf(profile) {
  const procs = [];
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
      const ppid = Number(readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /s, '').split(' ')[1]);
      procs.push({ pid: Number(pid), ppid, cmd });
    } catch { /* gone meanwhile */ }
  }
  const roots = procs.filter((p) => p.cmd.join(' ').includes(profile) && !/--type=/.test(p.cmd.join(' ')));
  const mine = new Set(roots.map((p) => p.pid));
  for (let grew = true; grew;) {
    grew = false;
    for (const p of procs) if (!mine.has(p.pid) && mine.has(p.ppid)) { mine.add(p.pid); grew = true; }
  }
  const out = [];
  for (const p of procs.filter((x) => mine.has(x.pid))) {
    let pss = 0;
    try { pss = Number(/^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${p.pid}/smaps_rollup`, 'utf8'))[1]); } catch { continue; }
    // Chromium rewrites its children's command lines into one space-separated string.
    const line = p.cmd.join(' ');
    const type = /--type=(\S+)/.exec(line)?.[1] || 'browser';
    const ext = /--extension-process/.test(line) ? ' (extensions)' : '';
    out.push({ pid: p.pid, type: type + ext, pssKiB: pss });
  }
  return out;
}
const total = (ps) => ps.reduce((a, p) => a + p.pssKiB, 0);
const byType = (ps) => Object.entries(ps.reduce((m, p) => ({ ...m, [p.type]: (m[p.type] || 0) + p.pssKiB }), {}))
  .map(([t, k]) => `${t} ${(k / 1024).toFixed(1)}`).join(', ');

async function contexts(page) {
  return page.evaluate(async () => (await chrome.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'] })).length);
}

const server = await startFixtureServer();
const b = await launchBrowser({ port: server.port });
try {
  const inspector = await b.context.newPage();
  await inspector.goto(`chrome-extension://${b.extensionId}/options/options.html`);
  const settle = async () => {
    // Two measurements a frame apart agreeing within 1 MiB, or the fifth.
    let last = total(pssOf(b.profile));
    for (let i = 0; i < 5; i++) {
      await inspector.evaluate(() => new Promise((r) => setTimeout(r, 500)));
      const now = total(pssOf(b.profile));
      if (Math.abs(now - last) < 1024) return pssOf(b.profile);
      last = now;
    }
    return pssOf(b.profile);
  };
  const meeting = await b.context.newPage();
  await meeting.goto('https://app.zoom.us/wc/84512399999/join');
  await inspector.evaluate(async () => {
    for (;;) {
      if ((await chrome.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'] })).length) return;
      await new Promise((r) => setTimeout(r, 50));
    }
  });
  const open = await settle();
  console.log(`meeting tab open, engine document open (${await contexts(inspector)}): ${(total(open) / 1024).toFixed(1)} MiB PSS in all: ${byType(open)}`);
  await meeting.close();
  await inspector.evaluate(async () => {
    for (;;) {
      if (!(await chrome.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'] })).length) return;
      await new Promise((r) => setTimeout(r, 50));
    }
  });
  const closed = await settle();
  console.log(`meeting tab closed, engine document closed (${await contexts(inspector)}): ${(total(closed) / 1024).toFixed(1)} MiB PSS in all: ${byType(closed)}`);
} finally {
  await b.close();
  await server.close();
}
