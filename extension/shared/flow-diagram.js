// A small data-flow diagram for one finding, drawn as SVG with createElementNS (no markup
// strings, so no page text can become markup):
//   you and your data  →  the vendor / other AI firms / the bot's company / a streaming site  →  the host / everyone
// Shared by the popup and the history page (shared/finding-view.js).
//
// It says nothing the finding's fields do not: "staying counts as yes" only when your_choices
// says so; "asked" only when each person is asked or can agree or say no; a box is marked as
// having agreed only when consent_by names it ("a participant" is whoever brought a bot, not
// you); "not known" is drawn in a neutral style, never as agreement. Every label is the
// contract's (labels.js). Colours come from classes, so the popup's dark mode applies.
// Screen readers get the same as one sentence (<title>, <desc>).

const NS = 'http://www.w3.org/2000/svg';
const MID = ['vendor_cloud', 'third_party_ai', 'notetaker_vendor', 'stream_platform'];
const END = ['host', 'all_participants'];
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

// The text is laid out before the SVG is in the page, so it cannot be measured: long labels
// are broken between words at a length that fits the box in the widest common sans-serif
// fonts (Firefox on Linux draws DejaVu Sans, wider than Chromium's).
const LINE_CHARS = 15;
function wrap(text, chars = LINE_CHARS) {
  const lines = [];
  for (const whole of String(text).split(/\s+/).filter(Boolean)) {
    // A word too long for a line on its own is cut into pieces that fit.
    for (let i = 0; i < whole.length; i += chars) {
      const word = whole.slice(i, i + chars);
      const last = lines.length - 1;
      if (i === 0 && last >= 0 && lines[last].length + 1 + word.length <= chars) lines[last] += ` ${word}`;
      else lines.push(word);
    }
  }
  return lines.length ? lines : [''];
}

// A box with one or more lines of text; style: 'you' | 'agreed' | 'plain' | 'unknown'.
function box(x, y, labels, style, strong = false) {
  const lines = labels.flatMap((label) => wrap(label));
  const h = lines.length * LINE_H + 8;
  const g = svgEl('g', { class: `box ${style}` });
  g.appendChild(svgEl('rect', { x, y, width: BOX_W, height: h, rx: 6, 'stroke-width': strong ? 2 : 1 }));
  lines.forEach((line, i) => {
    g.appendChild(svgEl('text', {
      x: x + 6, y: y + 16 + i * LINE_H, 'font-size': 11, 'font-family': 'system-ui, sans-serif',
      'font-weight': i === 0 && strong ? 700 : 400,
    }, line));
  });
  return { g, h };
}

function arrow(x1, y1, x2, y2, markerId) {
  return svgEl('line', { class: 'arrow', x1, y1, x2, y2, 'stroke-width': 1.2, 'marker-end': `url(#${markerId})` });
}

// What the finding says about you: whether staying is a yes, whether you are asked.
export function youStatus(finding) {
  const choices = new Set(finding.your_choices || []);
  const consent = new Set(finding.consent_by || []);
  if (choices.has('stay_means_consent')) return 'stay';
  if (consent.has('each_participant') || choices.has('accept') || choices.has('decline')) return 'asked';
  return 'not_asked';
}

// Under the columns: who agreed other than the host (the host's tick sits on its box), or that
// no one is known to have agreed. Returns the drawing's height with it.
function appendCaption(svg, consent, labels, top) {
  const CAPTION_CHARS = 52;  // a long list of who agreed stays inside the drawing
  const others = [...consent].filter((c) => c !== 'host');
  let caption;
  let captionClass;
  if (!consent.size) {
    caption = `${labels.topics.who_consented}: ${labels.consentBy.unknown}`;
    captionClass = 'caption unknown';
  } else if (others.length) {
    caption = `✓ ${labels.topics.who_consented}: ${others.map((c) => labels.consentBy[c] || c).join(', ')}`;
    captionClass = 'caption agreed';
  }
  let height = top;
  if (!caption) return height;
  for (const line of wrap(caption, CAPTION_CHARS)) {
    svg.appendChild(svgEl('text', { class: captionClass, x: 4, y: height + 10, 'font-size': 11, 'font-family': 'system-ui, sans-serif' }, line));
    height += 16;
  }
  return height;
}

// The drawing in one sentence, for a screen reader (the svg's <desc>).
function describe(dataLines, places, consent, youLine, labels) {
  const agreedNames = [...consent].map((c) => labels.consentBy[c] || c);
  return `${dataLines.join(', ')} go to ${places.join(', then ')}. ` +
    (agreedNames.length ? `Agreed: ${agreedNames.join(', ')}.` : `${labels.topics.who_consented}: ${labels.consentBy.unknown}.`) +
    ` You: ${youLine}.`;
}

export function flowDiagram(finding, labels, uid) {
  const vendorName = labels.vendor(finding.vendor);
  const consent = new Set((finding.consent_by || []).filter((c) => c !== 'unknown'));
  const data = (finding.data || []).filter((d) => d !== 'service_generated');
  const dataLines = (data.length ? data : ['unknown']).map((d) => labels.data[d] || d);
  const dests = new Set(finding.destinations || []);
  const mids = MID.filter((d) => dests.has(d));
  const ends = END.filter((d) => dests.has(d));
  if (!mids.length && !ends.length) mids.push('unknown');
  const you = youStatus(finding);
  const youLine = you === 'stay' ? labels.choices.stay_means_consent
    : you === 'asked' ? `${labels.choices.accept} / ${labels.choices.decline}` : '(not asked)';
  const D = labels.destinations;
  const midLines = (m) => {
    if (m === 'vendor_cloud') return [vendorName, D.vendor_cloud];
    if (m === 'notetaker_vendor') return [vendorName, D.notetaker_vendor];
    return [D[m] || D.unknown];
  };

  const markerId = `arrow-${uid}`;
  const svg = svgEl('svg', { viewBox: `0 0 ${W} 10`, width: W, role: 'img', 'aria-labelledby': `t-${uid} d-${uid}`, class: 'flow' });
  const places = [...mids.map((m) => midLines(m).join(': ')), ...ends.map((e) => D[e])];
  const sentence = describe(dataLines, places, consent, youLine, labels);
  const defs = svgEl('defs');
  const marker = svgEl('marker', { id: markerId, viewBox: '0 0 6 6', refX: 6, refY: 3, markerWidth: 6, markerHeight: 6, orient: 'auto' });
  marker.appendChild(svgEl('path', { class: 'arrowhead', d: 'M0,0 L6,3 L0,6 z' }));
  defs.appendChild(marker);
  svg.append(svgEl('title', { id: `t-${uid}` }, labels.topics.data_flow), svgEl('desc', { id: `d-${uid}` }, sentence), defs);

  // Column 1: you and your data.
  const youBox = box(COL_X[0], 4, ['You', youLine, ...dataLines], 'you', true);
  svg.appendChild(youBox.g);
  const youMid = 4 + youBox.h / 2;

  // Column 2: who processes it. Column 3: who gets it.
  const column = (col, items, linesOf, styleOf) => {
    let y = 4;
    return items.map((item) => {
      const b = box(COL_X[col], y, linesOf(item), styleOf(item));
      svg.appendChild(b.g);
      const out = { left: COL_X[col], right: COL_X[col] + BOX_W, mid: y + b.h / 2, bottom: y + b.h };
      y += b.h + 8;
      return out;
    });
  };
  const midBoxes = column(1, mids, (m) => (m === 'unknown' ? [D.unknown] : midLines(m)), (m) => (m === 'unknown' ? 'unknown' : 'plain'));
  const endBoxes = column(2, ends, (e) => (e === 'host' && consent.has('host') ? [D.host, `✓ ${labels.consentBy.host}`] : [D[e]]),
    (e) => (e === 'host' && consent.has('host') ? 'agreed' : 'plain'));

  const fromYou = midBoxes.length ? midBoxes : endBoxes;
  for (const b of fromYou) svg.appendChild(arrow(COL_X[0] + BOX_W, youMid, b.left - 1, b.mid, markerId));
  if (midBoxes.length) {
    for (const m of midBoxes) for (const e of endBoxes) svg.appendChild(arrow(m.right, m.mid, e.left - 1, e.mid, markerId));
  }

  const colBottom = Math.max(4 + youBox.h, ...[...midBoxes, ...endBoxes].map((b) => b.bottom));
  const height = appendCaption(svg, consent, labels, colBottom + 6);
  svg.setAttribute('viewBox', `0 0 ${W} ${height}`);
  svg.setAttribute('height', height);
  return svg;
}
