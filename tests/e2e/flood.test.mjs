// A busy meeting (150 joins, 400 chat lines in ten frames) costs little main-thread time:
// every scan slice is measured with performance.measure("consentlens-scan"), and a notice
// that arrives after the flood is still explained.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSession, FINDING_TIMEOUT } from './lib/session.mjs';
import { waitForKinds } from './lib/extension.mjs';

let s;
before(async () => { s = await startSession(); });
after(async () => { await s?.close(); });

test('chat flood: scans stay within budget and the notice after it is caught', async () => {
  const page = await s.context.newPage();
  const url = 'https://teams.live.com/meet/flood';
  await page.goto(url);
  const rec = await waitForKinds(s.worker, url, ['recording'], FINDING_TIMEOUT);
  assert.equal(rec.entries.length, 1, 'chat lines and attendee names are not notices');
  const d = await page.evaluate(() => performance.getEntriesByName('consentlens-scan').map((e) => e.duration).sort((a, b) => a - b));
  assert.ok(d.length > 5, 'scans were measured');
  const total = d.reduce((a, b) => a + b, 0);
  const median = d[Math.floor(d.length / 2)];
  const max = d[d.length - 1];
  console.log(`# consentlens-scan: ${d.length} slices, total ${total.toFixed(1)} ms, median ${median.toFixed(2)} ms, max ${max.toFixed(2)} ms`);
  // The slice budget is 4 ms; a slice may overrun by the one subtree it was reading. These are
  // wall-clock times, which on a loaded 2-core machine include time the renderer was not
  // running at all (seen: single chat lines "taking" 30 ms while a compiler ran), so the
  // median carries the budget and the maximum only catches a runaway scan.
  assert.ok(median < 6, `median ${median} ms`);
  assert.ok(max < 150, `max ${max} ms`);
  await page.close();
});
