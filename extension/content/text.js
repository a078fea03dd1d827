// Turns page nodes into short "notice texts" for the engine. Classic content script.
//
// Where meeting clients put notice words (from open-source clients' code): dialogs,
// role=alert/status toasts, aria-live regions, chat logs, participant lists, and words that
// live only in attributes (a recording icon with aria-label="..."). So we look at roles,
// ARIA attributes, data-testid and tooltips; never at CSS class names, which meeting
// clients hash and change on every release.
//
// Cost: textOf() visits each node at most once and stops at MAX_UNIT_CHARS, so one call is
// bounded by the size of the subtree it is given; the caller bounds the time per scan.
(function () {
  'use strict';
  if (globalThis.consentlensText) return;

  const MAX_UNIT_CHARS = 4000;  // validate.js LIMITS.maxTextChars
  const MAX_ATTR_CHARS = 300;
  // The attributes whose words count as text: the one sites file's (core/contract/sites.json).
  const ATTRS = [...globalThis.consentlensSites.text.attributes];
  const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'INPUT', 'SELECT', 'IFRAME', 'OBJECT', 'CANVAS', 'VIDEO', 'AUDIO']);
  // Block-level boundaries get a space, so "recorded</h2><p>By staying" does not read "recordedBy".
  const INLINE = new Set(['A', 'ABBR', 'B', 'BDI', 'BDO', 'CITE', 'CODE', 'EM', 'I', 'KBD', 'MARK', 'Q', 'S', 'SMALL', 'SPAN', 'STRONG', 'SUB', 'SUP', 'TIME', 'U', 'VAR', 'WBR', 'FONT']);
  const DIALOG_ROLES = new Set(['dialog', 'alertdialog']);
  const PEOPLE_LABEL = /participant|people|attendee|roster|in (the )?(call|meeting)/i;

  // Nodes the extension drew itself (the card's host) are never read back.
  const ignored = new WeakSet();

  const collapse = (s) => s.replace(/\s+/g, ' ').trim();

  // The visible words of a subtree, with spaces between blocks, reaching into open shadow
  // roots. onShadow(root) is called for each open shadow root met, so the caller can watch it.
  function textOf(root, onShadow, limit = MAX_UNIT_CHARS) {
    let out = '';
    const walk = (node) => {
      if (out.length >= limit) return;
      if (node.nodeType === 3) { out += node.data; return; }
      if (node.nodeType !== 1 && node.nodeType !== 11) return;
      if (node.nodeType === 1) {
        if (SKIP.has(node.tagName) || ignored.has(node)) return;
        if (node.getAttribute('aria-hidden') === 'true' && !node.hasAttribute('aria-label')) return;
      }
      const block = node.nodeType === 1 && !INLINE.has(node.tagName);
      if (block) out += ' ';
      if (node.shadowRoot) {
        if (onShadow) onShadow(node.shadowRoot);
        walk(node.shadowRoot);
      }
      for (let c = node.firstChild; c; c = c.nextSibling) walk(c);
      if (block) out += ' ';
    };
    walk(root);
    return collapse(out).slice(0, limit);
  }

  // The parent across shadow boundaries (a shadow root's parent is its host).
  function parentOf(el) {
    if (el.parentElement) return el.parentElement;
    const r = el.getRootNode && el.getRootNode();
    return r && r.host ? r.host : null;
  }

  function roleOf(el) {
    const role = (el.getAttribute('role') || '').toLowerCase();
    if (role) return role;
    if (el.tagName === 'DIALOG') return 'dialog';
    return '';
  }

  // What kind of place a notice sits in, judged from roles and ARIA only.
  function containerKind(el) {
    const role = roleOf(el);
    if (DIALOG_ROLES.has(role) || el.getAttribute('aria-modal') === 'true') return 'dialog';
    if (role === 'alert') return 'alert';
    if (role === 'log') return 'chat';
    if (role === 'tooltip') return 'tooltip';
    if (role === 'status' || role === 'marquee') return 'status';
    const live = el.getAttribute('aria-live');
    if (live === 'polite' || live === 'assertive') return 'status';
    if ((role === 'list' || role === 'listbox' || role === 'grid' || role === 'tree') &&
        PEOPLE_LABEL.test(el.getAttribute('aria-label') || '')) return 'participant';
    const testid = el.getAttribute('data-testid') || '';
    if (/participant|roster|attendee/i.test(testid)) return 'participant';
    if (/chat|message/i.test(testid)) return 'chat';
    return '';
  }

  // The nearest notice container at or above el, or null.
  function containerOf(el) {
    for (let n = el, depth = 0; n && depth < 40; n = parentOf(n), depth++) {
      if (n.nodeType === 1) {
        const kind = containerKind(n);
        if (kind) return { el: n, kind };
      }
    }
    return null;
  }

  const ATTR_SELECTOR = ATTRS.map((a) => `[${a}]`).join(',');

  function ownAttributeTexts(el, push) {
    for (const a of ATTRS) {
      const v = el.getAttribute(a);
      if (v && v.length > 2) push(collapse(v).slice(0, MAX_ATTR_CHARS), 'attr');
    }
  }

  // Texts in attributes that people hear from a screen reader but never see as text
  // (at most 200 elements per subtree: a busy grid of icons stays cheap).
  function attributeTexts(el, push) {
    ownAttributeTexts(el, push);
    const all = el.querySelectorAll(ATTR_SELECTOR);
    for (let i = 0; i < all.length && i < 200; i++) {
      if (!ignored.has(all[i])) ownAttributeTexts(all[i], push);
    }
  }

  // True when el holds only text and inline elements: a paragraph, a chat line, a
  // participant row, a button label. Such an element is one notice text.
  function isParagraph(el) {
    for (let c = el.firstElementChild; c; c = c.nextElementSibling) {
      if (!INLINE.has(c.tagName) || c.shadowRoot) return false;
    }
    return !el.shadowRoot;
  }

  // Splits an inserted subtree into notice texts, calling push(text, source) for each:
  // - inside a dialog, alert, status, tooltip or live region: the whole region is one text
  //   (its sentences belong together: "... is being recorded. By staying, you consent ...");
  // - anywhere else, each paragraph-level element is one text, never glued to its
  //   neighbours: a toolbar's "Share Screen" and "Record" buttons are two labels, not a
  //   sentence, and a chat line or participant row is read alone, never the whole log again.
  // Returns the child elements still to split, so the caller's time budget covers them.
  function unitsOf(el, push, onShadow) {
    if (el.nodeType !== 1 || ignored.has(el)) return null;
    const host = containerOf(el);
    if (host && host.kind !== 'chat' && host.kind !== 'participant') {
      const t = textOf(host.el, onShadow, MAX_UNIT_CHARS + 1);
      if (t.length <= MAX_UNIT_CHARS) {
        push(t, host.kind);
        attributeTexts(el, push);
        return null;
      }
    }
    const source = host ? host.kind : 'text';
    if (isParagraph(el)) {
      push(textOf(el, onShadow), source);
      attributeTexts(el, push);
      return null;
    }
    // Text directly under el (between its blocks) is one more text; the blocks go back to the caller.
    let loose = '';
    const children = [];
    for (let c = el.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 3) loose += c.data;
      else if (c.nodeType === 1 && !SKIP.has(c.tagName)) children.push(c);
    }
    if (el.shadowRoot) {
      if (onShadow) onShadow(el.shadowRoot);
      for (let c = el.shadowRoot.firstElementChild; c; c = c.nextElementSibling) children.push(c);
    }
    loose = collapse(loose);
    if (loose) push(loose.slice(0, MAX_UNIT_CHARS), source);
    ownAttributeTexts(el, push);
    return children;
  }

  globalThis.consentlensText = Object.freeze({
    ATTRS, ignored, textOf, unitsOf, containerOf, collapse, ownAttributeTexts,
  });
})();
