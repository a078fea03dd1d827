// The timeline: notices shown per week, stacked by kind, as an SVG drawn with
// createElementNS (no markup strings). Input is the host's `stats` by_week:
// [{week: "YYYY-MM-DD" (Monday), kind, count}]. Weeks without notices between the first and
// the last are drawn empty, so the time axis is honest.

const NS = 'http://www.w3.org/2000/svg';
export const KIND_COLOURS = {
  ai_assistant: '#1f4ea8', recording: '#b3261e', transcription: '#7a4fb3', live_stream: '#c26a00',
  notetaker_bot: '#00796b', terms_prompt: '#5d6470', training_clause: '#8e244d',
};
const MAX_WEEKS = 104;  // two years on screen; older weeks are left out (filters reach them)

function svg(tag, attrs = {}, text) {
  const e = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  if (text !== undefined) e.textContent = text;
  return e;
}

function weeksBetween(first, last) {
  const out = [];
  const d = new Date(`${first}T00:00:00Z`);
  const end = new Date(`${last}T00:00:00Z`);
  while (d <= end && out.length < 1000) {
    out.push(d.toISOString().slice(0, 10));
    d.setUTCDate(d.getUTCDate() + 7);
  }
  return out.slice(-MAX_WEEKS);
}

export function timelineChart(byWeek, labels) {
  const rows = (byWeek || []).filter((r) => r && /^\d{4}-\d{2}-\d{2}$/.test(r.week) && r.count > 0);
  if (!rows.length) return null;
  const weeksSorted = [...new Set(rows.map((r) => r.week))].sort();
  const weeks = weeksBetween(weeksSorted[0], weeksSorted[weeksSorted.length - 1]);
  const kinds = [...new Set(rows.map((r) => r.kind))].sort();
  const cell = new Map(rows.map((r) => [`${r.week}|${r.kind}`, r.count]));
  const totals = weeks.map((w) => kinds.reduce((n, k) => n + (cell.get(`${w}|${k}`) || 0), 0));
  const max = Math.max(1, ...totals);

  const W = 640; const H = 200; const left = 36; const bottom = 28; const top = 10;
  const legendH = 18 * Math.ceil(kinds.length / 3);
  const plotH = H - top - bottom;
  const barW = Math.max(2, Math.min(36, (W - left - 8) / weeks.length - 2));
  const step = (W - left - 8) / weeks.length;
  const total = totals.reduce((a, b) => a + b, 0);
  const root = svg('svg', { viewBox: `0 0 ${W} ${H + legendH}`, role: 'img', class: 'timeline', 'aria-labelledby': 'timeline-title' });
  root.appendChild(svg('title', { id: 'timeline-title' },
    `${total} notices shown over ${weeks.length} week${weeks.length === 1 ? '' : 's'}, from the week of ${weeks[0]}`));

  // Axis: zero and the maximum, enough to read the bars.
  root.appendChild(svg('line', { x1: left, y1: top + plotH, x2: W - 4, y2: top + plotH, stroke: '#8a93a6' }));
  root.appendChild(svg('text', { x: left - 6, y: top + plotH, 'text-anchor': 'end', class: 'axis' }, '0'));
  root.appendChild(svg('text', { x: left - 6, y: top + 10, 'text-anchor': 'end', class: 'axis' }, String(max)));

  weeks.forEach((week, i) => {
    const x = left + i * step + (step - barW) / 2;
    let y = top + plotH;
    const g = svg('g', { class: 'week', 'data-week': week });
    g.appendChild(svg('title', {}, `Week of ${week}: ${totals[i]} notice${totals[i] === 1 ? '' : 's'}`));
    for (const kind of kinds) {
      const n = cell.get(`${week}|${kind}`) || 0;
      if (!n) continue;
      const h = (n / max) * plotH;
      y -= h;
      g.appendChild(svg('rect', { x, y, width: barW, height: h, fill: KIND_COLOURS[kind] || '#44474f', 'data-kind': kind, 'data-count': n }));
    }
    root.appendChild(g);
    // A date label every few weeks, so they never overlap.
    if (i % Math.max(1, Math.ceil(weeks.length / 8)) === 0) {
      root.appendChild(svg('text', { x: x + barW / 2, y: H - 10, 'text-anchor': 'middle', class: 'axis' }, week.slice(5)));
    }
  });

  kinds.forEach((kind, i) => {
    const x = left + (i % 3) * 200;
    const y = H + 4 + Math.floor(i / 3) * 18;
    root.appendChild(svg('rect', { x, y, width: 12, height: 12, fill: KIND_COLOURS[kind] || '#44474f' }));
    root.appendChild(svg('text', { x: x + 16, y: y + 10, class: 'legend' }, labels.kind[kind] || kind));
  });
  return root;
}
