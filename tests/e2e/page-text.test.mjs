// The checker and the extension read the same words from the same page (issue 14: one sites
// file says which elements and attributes count as text). For every fixture page the content
// script runs on, once the fixture has shown its notices: the texts the content script's own
// reader (content/text.js, in its isolated world) makes of the whole page, and the text
// `consentlens check --print-text` reads from the same page saved as HTML, must hold the same
// words: every text the extension reads is in the checker's text, and every paragraph of the
// checker's text is in what the extension read.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './lib/browser.mjs';
import { startSession, contentScriptRuns, evaluateInContentScript, FINDING_TIMEOUT } from './lib/session.mjs';

const CHECKER = join(ROOT, 'build/bin/consentlens');
const FIXTURES = join(ROOT, 'tests/e2e/fixtures');
const routes = JSON.parse(readFileSync(join(FIXTURES, 'routes.json'), 'utf8'));

// Pages that say when their notices are all in (sim.js sets data-fixture-done), once each.
const pages = [];
const seen = new Set();
for (const [path, route] of Object.entries(routes)) {
  if (seen.has(route.file)) continue;
  const html = readFileSync(join(FIXTURES, route.file), 'utf8');
  if (!html.includes('sim.js')) continue;
  seen.add(route.file);
  pages.push({ file: route.file, url: `https://${path}` });
}

const norm = (s) => s.replace(/\s+/g, ' ').trim();

// The whole page through the content script's reader, as watch.js drives it: each step hands
// back what is still to read.
const READ_PAGE = `(() => {
  const T = globalThis.consentlensText;
  const out = [];
  const queue = [document.body];
  for (let steps = 0; queue.length && steps < 200000; steps++) {
    const more = T.unitsOf(queue.shift(), { push: (text, source) => out.push({ text, source }) });
    if (more) queue.push(...more);
  }
  // The page as HTML in the same turn, so a page that keeps changing (flood.html) is read once,
  // with its open shadow roots written as declarative shadow DOM (as a browser saves them).
  const roots = [];
  for (const el of document.querySelectorAll('*')) if (el.shadowRoot) roots.push(el.shadowRoot);
  const html = document.documentElement.getHTML({ shadowRoots: roots });
  return { units: out, title: document.title, html: '<!DOCTYPE html><html>' + html + '</html>' };
})()`;

let s;
before(async () => { s = await startSession(); });
after(async () => { await s?.close(); });

for (const p of pages) {
  test(`${p.file}: the checker and the content script read the same words`, async (t) => {
    const page = await s.context.newPage();
    try {
      await page.goto(p.url);
      if (!(await contentScriptRuns(page))) {
        t.skip('the content script does not run on this page (not a meeting site)');
        return;
      }
      await page.waitForFunction(() => document.documentElement.dataset.fixtureDone, null, { timeout: FINDING_TIMEOUT });
      const { units, title, html } = await evaluateInContentScript(page, READ_PAGE);
      const run = spawnSync(CHECKER, ['check', '--print-text', '-'], { input: html, encoding: 'utf8', maxBuffer: 64 << 20 });
      assert.equal(run.status, 0, run.stderr);
      const checkerText = norm(run.stdout);
      const texts = units.map((u) => norm(u.text)).filter(Boolean);
      assert.ok(texts.length > 0, 'the content script read something');

      const missedByChecker = texts.filter((x) => !checkerText.includes(x));
      assert.deepEqual(missedByChecker, [], 'texts the extension reads that the checker does not');

      const extensionText = texts.join('\n');
      const paragraphs = run.stdout.split(/\n+/).map(norm).filter((x) => x && x !== norm(title));
      const missedByExtension = paragraphs.filter((x) => !extensionText.includes(x));
      assert.deepEqual(missedByExtension, [], 'paragraphs the checker reads that the extension does not');
    } finally {
      await page.close();
    }
  });
}
