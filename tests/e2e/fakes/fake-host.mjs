#!/usr/bin/env node
// A stand-in for build/bin/consentlens-host, for unit-level tests of the extension's side
// only (the end-to-end test uses the real host). It speaks the browsers' native messaging
// framing and a small part of docs/native-host.md, keeping events in a JSON file at
// $CONSENTLENS_DB. `fake-host.mjs history --json` prints them like `consentlens history --json`.
//
// FAKE_HOST_FAIL_FIRST_LOG=1 exits before answering the first `log` after storing it, to
// test that a lost reply is retried and stored once.
import { readFileSync, writeFileSync, existsSync, renameSync } from 'node:fs';

const DB = process.env.CONSENTLENS_DB || '/tmp/consentlens-fake-host.json';

function load() {
  if (!existsSync(DB)) return { events: [], retention_days: 365, logs: 0 };
  return JSON.parse(readFileSync(DB, 'utf8'));
}
function save(db) {
  writeFileSync(`${DB}.tmp`, JSON.stringify(db));
  renameSync(`${DB}.tmp`, DB);
}

function since(spec) {
  if (!spec) return null;
  const m = /^(\d+)([hdw])$/.exec(spec);
  if (m) return Date.now() - Number(m[1]) * { h: 3600e3, d: 86400e3, w: 7 * 86400e3 }[m[2]];
  return Date.parse(spec);
}

function matching(db, r) {
  const from = since(r.since);
  const words = String(r.search || '').toLowerCase().split(/\s+/).filter(Boolean);
  return db.events.filter((e) => {
    if (from && Date.parse(e.at) < from) return false;
    if (r.type && e.type !== r.type) return false;
    if (r.site && e.site !== r.site) return false;
    if (r.vendor && e.finding?.vendor !== r.vendor) return false;
    if (r.kind && e.finding?.kind !== r.kind) return false;
    const hay = [e.finding?.evidence?.text, e.finding?.explanation?.summary, e.site, e.page_title].join(' ').toLowerCase();
    return words.every((w) => hay.includes(w));
  }).sort((a, b) => b.at.localeCompare(a.at) || b.seq - a.seq);
}

function monday(at) {
  const d = new Date(at);
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  return d.toISOString().slice(0, 10);
}

function count(list, key) {
  const out = {};
  for (const e of list) { const k = key(e); if (k) out[k] = (out[k] || 0) + 1; }
  return out;
}

function handle(r) {
  const db = load();
  const ok = (x) => ({ id: r.id, ok: true, ...x });
  switch (r.op) {
    case 'hello':
      return ok({ version: 'fake', protocol: 1, schema: 1, database: DB, retention_days: db.retention_days });
    case 'log': {
      const events = r.events || (r.event ? [r.event] : []);
      let stored = 0; let duplicates = 0;
      for (const e of events) {
        if (db.events.some((x) => x.event_id === e.event_id)) { duplicates++; continue; }
        db.events.push({ ...e, seq: db.events.length });
        stored++;
      }
      db.logs = (db.logs || 0) + 1;
      save(db);
      if (process.env.FAKE_HOST_FAIL_FIRST_LOG && db.logs === 1) process.exit(1);
      return ok({ stored, duplicates });
    }
    case 'query': {
      const all = matching(db, r);
      const start = Number(r.cursor || 0);
      const limit = Math.min(r.limit || 100, 500);
      const page = all.slice(start, start + limit);
      return ok({ events: page, total: all.length, next_cursor: start + limit < all.length ? String(start + limit) : null });
    }
    case 'export': {
      const all = matching(db, r);
      const start = Number(r.cursor || 0);
      const page = all.slice(start, start + 2);  // tiny pages, so pagination is exercised
      const data = r.format === 'csv'
        ? ['event_id,type,at,site', ...page.map((e) => [e.event_id, e.type, e.at, e.site].join(','))].join('\n') + '\n'
        : JSON.stringify(page);
      return ok({ format: r.format, data, count: page.length, next_cursor: start + 2 < all.length ? String(start + 2) : null });
    }
    case 'delete': {
      const before = db.events.length;
      db.events = db.events.filter((e) => !(r.event_ids || []).includes(e.event_id));
      save(db);
      return ok({ deleted: before - db.events.length });
    }
    case 'purge': {
      const deleted = db.events.length;
      db.events = [];
      save(db);
      return ok({ deleted });
    }
    case 'set_retention':
      db.retention_days = r.days;
      save(db);
      return ok({ retention_days: r.days, deleted: 0 });
    case 'stats': {
      const all = matching(db, r);
      const weeks = {};
      for (const e of all.filter((x) => x.type === 'finding_shown')) {
        const k = `${monday(e.at)}|${e.finding.kind}`;
        weeks[k] = (weeks[k] || 0) + 1;
      }
      return ok({
        total: all.length,
        by_kind: count(all, (e) => e.finding?.kind), by_vendor: count(all, (e) => e.finding?.vendor),
        by_type: count(all, (e) => e.type), by_choice: count(all, (e) => e.choice),
        by_week: Object.entries(weeks).map(([k, n]) => ({ week: k.split('|')[0], kind: k.split('|')[1], count: n })),
        first_at: all.at(-1)?.at || null, last_at: all[0]?.at || null,
      });
    }
    default:
      return { id: r.id, ok: false, error: { code: 'unknown_op', message: `unknown op ${r.op}` } };
  }
}

if (process.argv[2] === 'history') {
  process.stdout.write(JSON.stringify(matching(load(), {}).map(({ seq, ...e }) => e)) + '\n');
  process.exit(0);
}

// Native messaging framing: 32-bit native-endian length, then UTF-8 JSON.
let buf = Buffer.alloc(0);
process.stdin.on('data', (chunk) => {
  buf = Buffer.concat([buf, chunk]);
  while (buf.length >= 4) {
    const n = buf.readUInt32LE(0);
    if (buf.length < 4 + n) break;
    const body = buf.subarray(4, 4 + n).toString('utf8');
    buf = buf.subarray(4 + n);
    let reply;
    try {
      reply = handle(JSON.parse(body));
    } catch (err) {
      reply = { id: null, ok: false, error: { code: 'bad_json', message: String(err.message) } };
    }
    const out = Buffer.from(JSON.stringify(reply));
    const len = Buffer.alloc(4);
    len.writeUInt32LE(out.length, 0);
    process.stdout.write(Buffer.concat([len, out]));
  }
});
process.stdin.on('end', () => process.exit(0));
