// Turns page nodes into short "notice texts" for the engine, each with where it came from
// (its source: contract.json item_sources). Classic content script.
//
// What counts, and where (core/contract/sites.json `text`, through shared/site-table.js):
// meeting clients put notice words in dialogs, role=alert/status toasts, aria-live regions,
// tooltips, participant lists, and in attributes only (a recording icon with aria-label).
// People's words sit in chat logs and live captions; a control's label ("Start recording")
// sits on buttons, menu items, switches, checkboxes, tabs and options. The source says which,
// and the background decides from it whose words they are. Roles, ARIA attributes,
// data-testid and tooltips only: never CSS class names, which meeting clients hash.
//
// Cost, bounded per call (a hostile page can build any DOM): textOf() visits at most
// MAX_UNIT_NODES nodes and reads at most MAX_UNIT_CHARS characters, reading a large text node
// only in part (substringData), and stops at the caller's deadline; attribute texts come from
// at most MAX_ATTR_ELEMENTS elements of a bounded walk; a unit with many children hands them
// back in chunks (childCursor), so the caller's time slice holds within one unit.
(function () {
  'use strict';
  if (globalThis.consentlensText) return;
  const S = globalThis.consentlensSites;
  if (!S) throw new Error('text.js: load shared/site-table.js first');
  const R = S.text;

  const MAX_UNIT_CHARS = 4000;    // validate.js LIMITS.maxTextChars
  const MAX_ATTR_CHARS = 300;
  const MAX_UNIT_NODES = 4000;    // nodes one text may cost; notices are a few dozen
  const MAX_ATTR_ELEMENTS = 200;  // elements whose attributes are read per unit
  const MAX_WALK_NODES = 2000;    // elements a bounded walk visits
  const CHILD_CHUNK = 256;        // children handed back per step
  const ATTRS = Object.freeze([...R.attributes]);
  const SKIP = new Set(R.skip_tags);
  const INLINE = new Set(R.inline_tags);
  const WHOLE = new Set(R.whole_regions);
  const CONTROL_TAGS = new Set(R.controls.tags);
  const CONTROL_ROLES = new Set(R.controls.roles);

  // Nodes the extension drew itself (the card's host) are never read back.
  const ignored = new WeakSet();

  const collapse = (s) => s.replace(/\s+/g, ' ').trim();

  function roleOf(el) {
    const r = el.getAttribute('role');
    return r ? r.trim().split(/\s+/)[0].toLowerCase() : '';
  }

  function compile(c) {
    if (c.role) {
      const set = new Set(c.role);
      return (el) => set.has(roleOf(el));
    }
    if (c.tag) {
      const set = new Set(c.tag);
      return (el) => set.has(el.tagName);
    }
    const re = c.pattern ? new RegExp(c.pattern, 'i') : null;
    const values = c.values ? new Set(c.values) : null;
    return (el) => {
      const v = el.getAttribute(c.attr);
      if (v === null) return false;
      return re ? re.test(v) : values.has(v.trim().toLowerCase());
    };
  }
  const REGIONS = R.regions.map((r) => ({
    source: r.source,
    any: (r.any || []).map(compile),
    all: (r.all || []).map(compile),
  }));

  function isControl(el) {
    return CONTROL_TAGS.has(el.tagName) || CONTROL_ROLES.has(roleOf(el));
  }

  // The region an element is, or '' (a control is never a region: "Turn on captions" is a
  // button, not the captions).
  function regionKind(el) {
    if (isControl(el)) return '';
    for (const r of REGIONS) {
      if (r.all.length && !r.all.every((t) => t(el))) continue;
      if (r.any.length && !r.any.some((t) => t(el))) continue;
      return r.source;
    }
    return '';
  }

  // The parent across shadow boundaries (a shadow root's parent is its host).
  function parentOf(el) {
    if (el.parentElement) return el.parentElement;
    const r = el.getRootNode && el.getRootNode();
    return r && r.host ? r.host : null;
  }

  // The nearest region at or above el: {el, kind}, or null.
  function containerOf(el) {
    for (let n = el, depth = 0; n && depth < 40; n = parentOf(n), depth++) {
      if (n.nodeType === 1) {
        const kind = regionKind(n);
        if (kind) return { el: n, kind };
      }
    }
    return null;
  }

  // The control el is, or sits in (a span inside a button), up to the region it is in.
  function controlOf(el, stopAt) {
    for (let n = el, depth = 0; n && depth < 6 && n !== stopAt; n = parentOf(n), depth++) {
      if (n.nodeType === 1 && isControl(n)) return n;
    }
    return null;
  }

  // The visible words of a subtree, with spaces between blocks, reaching into open shadow
  // roots (onShadow(root) is called for each, so the caller can watch it). Bounded: see the
  // file comment. An explicit stack of child cursors, so depth costs no call stack.
  function textOf(root, onShadow, limit = MAX_UNIT_CHARS, deadline = Infinity) {
    let out = '';
    let visited = 0;
    const stack = [];
    const open = (node) => {
      if (node.nodeType === 3) {
        const room = limit + 1 - out.length;
        out += node.length > room ? node.substringData(0, room) : node.data;
        return;
      }
      if (node.nodeType === 1) {
        if (SKIP.has(node.tagName) || ignored.has(node) || node.hasAttribute('hidden')) return;
        if (node.getAttribute('aria-hidden') === 'true' && !node.hasAttribute('aria-label')) return;
      } else if (node.nodeType !== 11) {
        return;
      }
      const block = node.nodeType === 1 && !INLINE.has(node.tagName);
      if (block) out += ' ';
      const shadow = node.nodeType === 1 ? node.shadowRoot : null;
      if (shadow && onShadow) onShadow(shadow);
      stack.push({ cursors: shadow ? [shadow.firstChild, node.firstChild] : [node.firstChild], block });
    };
    open(root);
    while (stack.length && out.length <= limit) {
      if ((++visited & 63) === 0 && (visited > MAX_UNIT_NODES || performance.now() > deadline)) break;
      const top = stack[stack.length - 1];
      while (top.cursors.length && !top.cursors[0]) top.cursors.shift();
      if (!top.cursors.length) {
        stack.pop();
        if (top.block) out += ' ';
        continue;
      }
      const n = top.cursors[0];
      top.cursors[0] = n.nextSibling;
      open(n);
    }
    return collapse(out).slice(0, limit);
  }

  // Calls fn(el) for el and the elements under it (light DOM), at most MAX_WALK_NODES.
  function walkElements(root, fn) {
    let n = root;
    for (let i = 0; n && i < MAX_WALK_NODES; i++) {
      if (fn(n) === false) return;
      if (n.firstElementChild && !SKIP.has(n.tagName)) {
        n = n.firstElementChild;
        continue;
      }
      while (n && n !== root && !n.nextElementSibling) n = n.parentElement;
      if (!n || n === root) return;
      n = n.nextElementSibling;
    }
  }

  // Where an attribute's words come from: a control's label, people's words (chat,
  // captions), the participant list, or an icon's label anywhere else.
  function attrSource(el, region) {
    if (controlOf(el, region?.el)) return 'control';
    const kind = region ? region.kind : '';
    if (kind === 'caption' || kind === 'chat' || kind === 'participant') return kind;
    return 'attr';
  }

  function ownAttributeTexts(el, push, source) {
    for (const a of ATTRS) {
      const v = el.getAttribute(a);
      if (v && v.length > 2) push(collapse(v.length > MAX_ATTR_CHARS * 2 ? v.slice(0, MAX_ATTR_CHARS * 2) : v).slice(0, MAX_ATTR_CHARS), source, el, a);
    }
  }

  // Texts in attributes that people hear from a screen reader but never see as text.
  function attributeTexts(el, push, region) {
    let seen = 0;
    walkElements(el, (n) => {
      if (ignored.has(n)) return true;
      if (ATTRS.some((a) => n.hasAttribute(a))) {
        ownAttributeTexts(n, push, attrSource(n, region));
        if (++seen >= MAX_ATTR_ELEMENTS) return false;
      }
      return true;
    });
  }

  // True when el holds only text and inline elements: a paragraph, a chat line, a
  // participant row, a button label. Such an element is one notice text. An element with
  // very many children is not (it is a list, and is split).
  function isParagraph(el) {
    if (el.shadowRoot) return false;
    let i = 0;
    for (let c = el.firstElementChild; c; c = c.nextElementSibling) {
      if (!INLINE.has(c.tagName) || c.shadowRoot || ++i > 64) return false;
    }
    return true;
  }

  // A live region that is a list (of chat lines, of toasts) is read line by line: read
  // whole, it would join several people's lines into one text.
  function isLineList(el) {
    if (el.tagName === 'UL' || el.tagName === 'OL' || roleOf(el) === 'list' || roleOf(el) === 'feed') return true;
    const first = el.firstElementChild;
    return Boolean(first && (first.tagName === 'UL' || first.tagName === 'OL' || roleOf(first) === 'list') && !first.nextElementSibling);
  }

  // A step over many children: handed back to the caller's queue, CHILD_CHUNK at a time.
  function childCursor(el, from) {
    return { cursor: true, el, next: from };
  }

  // Reads up to CHILD_CHUNK children of a cursor: text directly under the element is one more
  // text; element children go to enqueue(). Returns the cursor again when children remain.
  function stepCursor(cur, push, enqueue, source) {
    let loose = '';
    let n = cur.next;
    for (let i = 0; n && i < CHILD_CHUNK; i++, n = n.nextSibling) {
      if (n.nodeType === 3) loose += n.length > MAX_UNIT_CHARS ? n.substringData(0, MAX_UNIT_CHARS) : n.data;
      else if (n.nodeType === 1 && !SKIP.has(n.tagName)) enqueue(n);
    }
    loose = collapse(loose);
    if (loose) push(loose.slice(0, MAX_UNIT_CHARS), source, cur.el);
    if (!n) return null;
    cur.next = n;
    return cur;
  }

  // Splits an inserted subtree into notice texts, calling push(text, source, owner, attr):
  // - inside a dialog, alert, status, tooltip or live region: the whole region is one text
  //   (its sentences belong together: "... is being recorded. By staying, you consent ..."),
  //   unless it is a list of lines, or debounce(region) says it was just read (it is read
  //   again once, shortly, instead of on every change);
  // - anywhere else, each paragraph-level element is one text, never glued to its
  //   neighbours: a toolbar's "Share Screen" and "Record" buttons are two labels (source
  //   "control"), and a chat line or participant row is read alone, never the whole log again.
  // Returns what is still to read (child elements, or a cursor over them), so the caller's
  // time budget covers it; null when done.
  function unitsOf(el, { push, onShadow, deadline = Infinity, debounce = null }) {
    if (el.cursor) {
      const region = containerOf(el.el);
      const out = [];
      const rest = stepCursor(el, push, (c) => out.push(c), region ? region.kind : 'text');
      if (rest) out.push(rest);
      return out;
    }
    if (el.nodeType !== 1 || ignored.has(el)) return null;
    const region = containerOf(el);
    if (region && WHOLE.has(region.kind) && !isLineList(region.el)) {
      if (debounce && debounce(region.el)) return null;
      const t = textOf(region.el, onShadow, MAX_UNIT_CHARS + 1, deadline);
      if (t.length <= MAX_UNIT_CHARS) {
        push(t, region.kind, region.el);
        attributeTexts(el, push, null);
        return null;
      }
    }
    const source = region ? region.kind : 'text';
    if (isParagraph(el)) {
      const ctl = source === 'caption' ? null : controlOf(el, region?.el);
      push(textOf(el, onShadow, MAX_UNIT_CHARS, deadline), ctl ? 'control' : source, el);
      attributeTexts(el, push, region);
      return null;
    }
    ownAttributeTexts(el, push, attrSource(el, region));
    const out = [];
    if (el.shadowRoot) {
      if (onShadow) onShadow(el.shadowRoot);
      out.push(childCursor(el.shadowRoot, el.shadowRoot.firstChild));
    }
    out.push(childCursor(el, el.firstChild));
    return out;
  }

  globalThis.consentlensText = Object.freeze({
    ATTRS, ignored, textOf, unitsOf, containerOf, controlOf, attrSource, collapse, MAX_ATTR_CHARS,
  });
})();
