// A small data-flow diagram for one finding, drawn as SVG with createElementNS (no markup
// strings, so no page text can become markup):
//   your audio/video/chat  →  vendor cloud / other AI companies / notetaker company  →  host / everyone here
// with who agreed marked. Screen readers get the same as one sentence (<title>, <desc>).

const NS = 'http://www.w3.org/2000/svg';
const MID = ['vendor_cloud', 'third_party_ai', 'notetaker_vendor', 'stream_platform'];
const END = ['host', 'all_participants'];
const BOT_VENDORS = new Set(['otter', 'fireflies', 'read_ai', 'fathom', 'tldv', 'avoma', 'fellow', 'sembly']);
const W = 360;
const BOX_W = 108;
const LINE_H = 15;
const COL_X = [4, 126, 248];

function svgEl(tag, attrs = {}, text) {
  const e = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  if (text !== undefined) e.textContent = text;
  return e;
}

function midLabel(dest, vendorName, vendorId) {
  switch (dest) {
    case 'vendor_cloud': return `${vendorName} cloud`;
    case 'third_party_ai': return 'Other AI firms';
    case 'notetaker_vendor': return BOT_VENDORS.has(vendorId) ? `${vendorName} (notetaker)` : 'Notetaker company';
    case 'stream_platform': return 'Streaming site';
    default: return dest;
  }
}

// The text is laid out before the SVG is in the page, so it cannot be measured: long labels
// ("Fireflies.ai (notetaker)") are broken between words at a length that fits the box in the
// widest common sans-serif fonts (Firefox on Linux draws DejaVu Sans, wider than Chromium's).
const LINE_CHARS = 15;
function wrap(text) {
  const lines = [];
  for (const whole of String(text).split(/\s+/).filter(Boolean)) {
    // A word too long for a line on its own is cut into pieces that fit.
    for (let i = 0; i < whole.length; i += LINE_CHARS) {
      const word = whole.slice(i, i + LINE_CHARS);
      const last = lines.length - 1;
      if (i === 0 && last >= 0 && lines[last].length + 1 + word.length <= LINE_CHARS) lines[last] += ` ${word}`;
      else lines.push(word);
    }
  }
  return lines.length ? lines : [''];
}

// A box with one or more lines of text; returns {g, h}.
function box(x, y, labels, { strong = false, agreed = false } = {}) {
  const lines = labels.flatMap(wrap);
  const h = lines.length * LINE_H + 8;
  const g = svgEl('g');
  g.appendChild(svgEl('rect', {
    x, y, width: BOX_W, height: h, rx: 6,
    fill: agreed ? '#e6f4ea' : '#f1f4fa', stroke: agreed ? '#1e7d32' : '#1f4ea8', 'stroke-width': strong ? 2 : 1,
  }));
  lines.forEach((line, i) => {
    g.appendChild(svgEl('text', {
      x: x + 6, y: y + 16 + i * LINE_H, 'font-size': 11, 'font-family': 'system-ui, sans-serif',
      fill: '#1b1b1f', 'font-weight': i === 0 && strong ? 700 : 400,
    }, line));
  });
  return { g, h };
}

function arrow(x1, y1, x2, y2, markerId) {
  return svgEl('line', { x1, y1, x2, y2, stroke: '#5b6477', 'stroke-width': 1.2, 'marker-end': `url(#${markerId})` });
}

export function flowDiagram(finding, labels, uid) {
  const vendorName = labels.vendor(finding.vendor);
  const consent = new Set(finding.consent_by || []);
  const youAsked = consent.has('participant') || consent.has('each_participant');
  const data = (finding.data || []).filter((d) => d !== 'service_generated');
  const dataLines = (data.length ? data : ['unknown']).map((d) => labels.data[d] || d);
  const dests = new Set(finding.destinations || []);
  const mids = MID.filter((d) => dests.has(d));
  const ends = END.filter((d) => dests.has(d));
  if (!mids.length && !ends.length) mids.push('unknown');

  const markerId = `arrow-${uid}`;
  const svg = svgEl('svg', { viewBox: `0 0 ${W} 10`, width: W, role: 'img', 'aria-labelledby': `t-${uid} d-${uid}`, class: 'flow' });
  const agreedNames = [...consent].filter((c) => c !== 'unknown').map((c) => labels.consentBy[c] || c);
  const title = svgEl('title', { id: `t-${uid}` }, 'Where the data goes');
  const sentence = `${dataLines.join(', ')} go to ${[...mids.map((m) => midLabel(m, vendorName, finding.vendor)), ...ends.map((e) => (e === 'host' ? 'the host' : 'everyone in the meeting'))].join(', then ')}. ` +
    (agreedNames.length ? `Agreed: ${agreedNames.join(', ')}.` : 'Who agreed is not known.');
  const desc = svgEl('desc', { id: `d-${uid}` }, sentence);
  const defs = svgEl('defs');
  const marker = svgEl('marker', { id: markerId, viewBox: '0 0 6 6', refX: 6, refY: 3, markerWidth: 6, markerHeight: 6, orient: 'auto' });
  marker.appendChild(svgEl('path', { d: 'M0,0 L6,3 L0,6 z', fill: '#5b6477' }));
  defs.appendChild(marker);
  svg.append(title, desc, defs);

  // Column 1: you and your data.
  const you = box(COL_X[0], 4, ['You', youAsked ? '(staying = yes)' : '(not asked)', ...dataLines], { strong: true, agreed: youAsked });
  svg.appendChild(you.g);
  const youMid = 4 + you.h / 2;

  // Column 2: who processes it. Column 3: who gets it.
  const place = (col, items, labelOf, agreedOf) => {
    let y = 4;
    return items.map((item) => {
      const b = box(COL_X[col], y, labelOf(item), { agreed: agreedOf(item) });
      svg.appendChild(b.g);
      const out = { left: COL_X[col], right: COL_X[col] + BOX_W, mid: y + b.h / 2, bottom: y + b.h };
      y += b.h + 8;
      return out;
    });
  };
  const midBoxes = place(1, mids, (m) => (m === 'unknown' ? ['Not known'] : [midLabel(m, vendorName, finding.vendor)]), () => false);
  const endBoxes = place(2, ends, (e) => {
    if (e === 'host') return consent.has('host') ? ['Host', '✓ agreed'] : ['Host'];
    return ['Everyone here'];
  }, (e) => e === 'host' && consent.has('host'));

  const fromYou = midBoxes.length ? midBoxes : endBoxes;
  for (const b of fromYou) svg.appendChild(arrow(COL_X[0] + BOX_W, youMid, b.left - 1, b.mid, markerId));
  if (midBoxes.length) {
    for (const m of midBoxes) for (const e of endBoxes) svg.appendChild(arrow(m.right, m.mid, e.left - 1, e.mid, markerId));
  }

  const colBottom = Math.max(4 + you.h, ...[...midBoxes, ...endBoxes].map((b) => b.bottom));
  const others = [...consent].filter((c) => c !== 'host' && c !== 'participant' && c !== 'each_participant' && c !== 'unknown');
  const caption = others.length ? `✓ Also agreed: ${others.map((c) => labels.consentBy[c] || c).join(', ')}` :
    (consent.size && !consent.has('unknown') ? '' : 'Who agreed: not known');
  let height = colBottom + 6;
  if (caption) {
    svg.appendChild(svgEl('text', { x: 4, y: height + 10, 'font-size': 11, 'font-family': 'system-ui, sans-serif', fill: '#1e7d32' }, caption));
    height += 16;
  }
  svg.setAttribute('viewBox', `0 0 ${W} ${height}`);
  svg.setAttribute('height', height);
  return svg;
}
