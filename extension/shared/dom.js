// The one way page-derived text reaches the DOM in this extension: el() builds elements and
// sets text with textContent, never as HTML. A classic script, shared by the content scripts
// and the extension pages through globalThis (like labels.js).
(function () {
  'use strict';
  if (globalThis.consentlensDom) return;

  // el('p', {text: 'Hello', class: 'x'}, child, ...): attributes from props, `text` as
  // textContent; a child may be an element or a string (added as a text node).
  function el(tag, props = {}, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(props)) {
      if (k === 'text') e.textContent = v;
      else if (v !== undefined && v !== null && v !== false) e.setAttribute(k, v === true ? '' : v);
    }
    for (const c of children) if (c) e.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
    return e;
  }

  // A line of label parts (labels.js whoParts/optionParts) as an element: each contract value
  // in a span marked data-contract="list:id", so tests can check it is the contract's label.
  function partsEl(tag, parts, props = {}) {
    const line = el(tag, props);
    let items = 0;
    for (const p of parts) {
      if (p.heading) {
        line.appendChild(el('span', { class: 'h', 'data-contract': `explanation_topics:${p.topic}`, 'data-form': 'short', text: p.heading }));
        line.appendChild(document.createTextNode(': '));
        items = 0;
      } else if (p.separator) {
        line.appendChild(document.createTextNode(' · '));
        items = 0;
      } else {
        if (items++) line.appendChild(document.createTextNode(', '));
        line.appendChild(el('span', { 'data-contract': `${p.list}:${p.id}`, text: p.text }));
      }
    }
    return line;
  }

  globalThis.consentlensDom = Object.freeze({ el, partsEl });
})();
