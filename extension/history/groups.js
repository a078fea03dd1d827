// Events grouped by meeting, in the page, the same way the host's `meetings` request groups them
// (native-host/src/meetings.cc): by the event's meeting field, or else by its site and UTC day;
// newest meeting first; kinds shown and choices in the contract's order. Used when the
// background does not pass `meetings` on to the host (it passes the operations
// background/validate.js lists). Pure: tests/e2e/history-units.test.mjs runs it in node.
const C = globalThis.consentlensContract;

export function meetingKey(e) {
  return e.meeting || `${e.site}|${String(e.at || '').slice(0, 10)}`;
}

const inOrder = (list, values) => {
  const ids = C.ids(list);
  const rank = (v) => (ids.includes(v) ? ids.indexOf(v) : ids.length);
  return [...values].sort((a, b) => rank(a) - rank(b) || String(a).localeCompare(String(b)));
};

// events: newest first (as `query` returns them). choice: keep only meetings where the person
// made that choice. Returns the meetings as `meetings` would, each with its `events`' list kept
// under `items` (newest first).
export function groupByMeeting(events, { choice = '' } = {}) {
  const groups = new Map();
  for (const e of events) {
    const key = meetingKey(e);
    let g = groups.get(key);
    if (!g) {
      g = { key, sites: new Set(), vendors: new Set(), kinds: new Set(), choices: new Set(), first: e.at, last: e.at, page_title: null, items: [] };
      groups.set(key, g);
    }
    g.items.push(e);
    g.sites.add(e.site);
    if (e.finding?.vendor) g.vendors.add(e.finding.vendor);
    if (e.type === 'finding_shown' && e.finding?.kind) g.kinds.add(e.finding.kind);
    if (e.choice) g.choices.add(e.choice);
    if (Date.parse(e.at) < Date.parse(g.first)) g.first = e.at;
    if (Date.parse(e.at) > Date.parse(g.last)) g.last = e.at;
    g.page_title ||= e.page_title || null;
  }
  const out = [...groups.values()]
    .filter((g) => !choice || g.choices.has(choice))
    .map((g) => ({
      key: g.key, site: [...g.sites].sort()[0] || '', sites: [...g.sites].sort(), vendors: inOrder('vendors', g.vendors),
      kinds: inOrder('kinds', g.kinds), choices: inOrder('choices', g.choices), first_at: g.first, last_at: g.last,
      events: g.items.length, page_title: g.page_title, items: g.items,
    }));
  out.sort((a, b) => Date.parse(b.last_at) - Date.parse(a.last_at) || (a.key < b.key ? 1 : -1));
  return out;
}
