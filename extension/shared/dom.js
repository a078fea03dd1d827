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
      else e.setAttribute(k, v);
    }
    for (const c of children) if (c) e.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
    return e;
  }

  globalThis.consentlensDom = Object.freeze({ el });
})();
