// The history page's periods as the host's since/until filters. Calendar periods follow the
// person's own calendar (local time): "this month" starts at local midnight of the 1st. Pure:
// tests/e2e/history-units.test.mjs runs it in node.

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function localDay(text, endOfDay) {
  if (!DATE.test(text || '')) return null;
  const [y, m, d] = text.split('-').map(Number);
  const t = endOfDay ? new Date(y, m - 1, d, 23, 59, 59, 999) : new Date(y, m - 1, d);
  return Number.isNaN(t.getTime()) ? null : t;
}

// period: 'this_month' | 'last_month' | 'range' | a span the host reads ('7d', '30d', ...) | ''.
// range: {from, until} as YYYY-MM-DD (either may be empty). Returns {since?, until?} (RFC 3339
// or a span), or {error} for a range that ends before it starts.
export function periodFilters(period, range = {}, now = new Date()) {
  if (period === 'this_month') return { since: new Date(now.getFullYear(), now.getMonth(), 1).toISOString() };
  if (period === 'last_month') {
    const start = new Date(now.getFullYear(), now.getMonth() - 1, 1);
    const end = new Date(new Date(now.getFullYear(), now.getMonth(), 1).getTime() - 1);
    return { since: start.toISOString(), until: end.toISOString() };
  }
  if (period === 'range') {
    const from = localDay(range.from, false);
    const until = localDay(range.until, true);
    if (from && until && until < from) return { error: 'The period ends before it starts.' };
    const out = {};
    if (from) out.since = from.toISOString();
    if (until) out.until = until.toISOString();
    return out;
  }
  return period ? { since: period } : {};
}
