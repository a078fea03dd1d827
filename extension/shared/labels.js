// Short plain-language labels for the finding fields of docs/findings-contract.md, read from
// the contract's one table (shared/contract.js, generated at build time from
// core/contract/contract.json): the card, the popup and the history page use the same words as
// the checker. A classic script on purpose: the content scripts (classic) and the pages (which
// load it with <script> before their modules) share it through globalThis.
//
// The short lines (whoParts, optionParts) are what the card and the popup's summary both show
// for a finding, built here once so the two can never say different things. Each part names
// the contract value it shows ({list, id}), so a surface can mark it and a test can check that
// every label shown is the contract's.
(function () {
  'use strict';
  if (globalThis.consentlensLabels) return;
  const C = globalThis.consentlensContract;
  if (!C) throw new Error('labels.js: load shared/contract.js first');
  const table = (list) => Object.freeze(Object.fromEntries(C.tables[list].map((e) => [e.id, e.label])));
  const topics = table('explanation_topics');
  const short = Object.freeze(Object.fromEntries(C.tables.explanation_topics.map((e) => [e.id, e.short || e.label])));

  const part = (list, id) => ({ list, id, text: C.entry(list, id) ? C.label(list, id) : C.label(list, 'unknown') });

  // "Agreed: the host, each person · Staying counts as yes": who said yes, and whether staying
  // in the meeting is itself a yes (it is part of who agreed, not an option).
  function whoParts(f) {
    const who = (f.consent_by || []).filter((c) => c !== 'unknown');
    const parts = [{ heading: short.who_consented, topic: 'who_consented' }];
    parts.push(...(who.length ? who : ['unknown']).map((c) => part('consent_by', c)));
    if ((f.your_choices || []).includes('stay_means_consent')) parts.push({ separator: true }, part('your_choices', 'stay_means_consent'));
    return parts;
  }

  // "You can: Leave, Ask the host": the real options, never "staying counts as yes".
  function optionParts(f) {
    const real = (f.your_choices || []).filter((c) => c !== 'stay_means_consent' && c !== 'unknown' && c !== 'none');
    const none = (f.your_choices || []).includes('none') ? 'none' : 'unknown';
    return [{ heading: short.your_choices, topic: 'your_choices' }, ...(real.length ? real : [none]).map((c) => part('your_choices', c))];
  }

  // Parts as one plain string (the same words the elements show).
  function partsText(parts) {
    let out = '';
    let items = 0;
    for (const p of parts) {
      if (p.heading) { out += `${p.heading}: `; items = 0; continue; }
      if (p.separator) { out += ' · '; items = 0; continue; }
      out += (items++ ? ', ' : '') + p.text;
    }
    return out;
  }

  globalThis.consentlensLabels = Object.freeze({
    kind: table('kinds'),
    state: table('states'),
    consentBy: table('consent_by'),
    training: table('training'),
    data: table('data'),
    destinations: table('destinations'),
    choices: table('your_choices'),
    topics,
    short,
    vendor(id) {
      return C.entry('vendors', id) ? C.label('vendors', id) : C.label('vendors', 'other');
    },
    whoParts,
    optionParts,
    partsText,
    // The first sentence of an explanation.
    firstSentence(text) {
      const t = String(text || '').trim();
      const m = /^.*?[.!?](\s|$)/.exec(t);
      return m ? m[0].trim() : t;
    },
  });
})();
