// Short plain-language labels for the finding fields of docs/findings-contract.md, read from
// the contract's one table (shared/contract.js, generated at build time from
// core/contract/contract.json): the card, the popup and the history page use the same words as
// the checker. A classic script on purpose: the content scripts (classic) and the pages (which
// load it with <script> before their modules) share it through globalThis.
(function () {
  'use strict';
  if (globalThis.consentlensLabels) return;
  const C = globalThis.consentlensContract;
  if (!C) throw new Error('labels.js: load shared/contract.js first');
  const table = (list) => Object.freeze(Object.fromEntries(C.tables[list].map((e) => [e.id, e.label])));

  globalThis.consentlensLabels = Object.freeze({
    kind: table('kinds'),
    state: table('states'),
    consentBy: table('consent_by'),
    training: table('training'),
    data: table('data'),
    destinations: table('destinations'),
    choices: table('your_choices'),
    topics: table('explanation_topics'),
    vendor(id) {
      return C.entry('vendors', id) ? C.label('vendors', id) : C.label('vendors', 'other');
    },
    // The first sentence of an explanation, for the short in-page card.
    firstSentence(text) {
      const t = String(text || '').trim();
      const m = /^.*?[.!?](\s|$)/.exec(t);
      return m ? m[0].trim() : t;
    },
  });
})();
