// What the person answered to a notice dialog, for the local history. Classic content
// script, all frames.
//
// Kept honest and simple: only a person's click (a trusted event: a page's click() or
// dispatchEvent() is not one) on a button inside a dialog counts, and the button's own words
// say what it means (Continue / Stay / Got it = stayed; Leave = left; Agree / Accept =
// accepted; Decline / Cancel = declined), in the languages of shared/choice-words.js. The
// content script sends the button's meaning and the dialog's text; the background records a
// choice only when that dialog carried a finding (its quoted evidence is in the dialog's
// text), waiting for the finding if the click came first, and records each (tab, finding,
// choice) once. The click is read in the capture phase, before the meeting client's own
// handler removes the dialog.
(function () {
  'use strict';
  if (globalThis.consentlensChoices) return;
  const T = globalThis.consentlensText;
  const RT = globalThis.consentlensRuntime;
  // The word table is what makes a click a choice: without it every click would silently mean
  // nothing (a copied script list once left it out on self-hosted servers).
  const WORDS = globalThis.consentlensChoiceWords;
  if (!WORDS || typeof WORDS !== 'object') throw new Error('choices.js: load shared/choice-words.js first');

  // Each meaning's words as one expression. Declined is tried first: "Disagree" holds
  // "agree", "Don't allow" holds "allow"; then left, accepted, stayed.
  const ORDER = ['declined', 'left', 'accepted', 'stayed'];
  const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  // Han, kana and hangul without spaces around them: no word edges to ask for.
  const UNSPACED = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\s]+$/u;
  function expression(words) {
    const spaced = [], unspaced = [];
    for (const w of words) {
      const body = escape(w.toLowerCase()).replace(/ /g, '[\\s,]+').replace(/'/g, "['’]");
      (UNSPACED.test(w) ? unspaced : spaced).push(body);
    }
    const parts = [];
    if (spaced.length) parts.push(`(?<![\\p{L}\\p{N}])(?:${spaced.join('|')})(?![\\p{L}\\p{N}])`);
    if (unspaced.length) parts.push(`(?:${unspaced.join('|')})`);
    return new RegExp(parts.join('|'), 'iu');
  }
  for (const m of ORDER) {
    if (!Array.isArray(WORDS[m]) || !WORDS[m].length) throw new Error(`choices.js: no words for "${m}" in shared/choice-words.js`);
  }
  const MEANINGS = ORDER.map((m) => [m, expression(WORDS[m])]);

  function classify(label) {
    const t = String(label || '').replace(/\s+/g, ' ').trim();
    if (!t || t.length > 60) return null;  // a long text is not a button label
    for (const [choice, re] of MEANINGS) if (re.test(t)) return choice;
    return null;
  }

  const BUTTON = 'button, [role="button"], input[type="button"], input[type="submit"], a[href]';
  const DIALOG = '[role="dialog"], [role="alertdialog"], [aria-modal="true"], dialog';

  function labelOf(el) {
    if (el.tagName === 'INPUT') return el.value || el.getAttribute('aria-label') || '';
    return el.getAttribute('aria-label') || el.textContent || '';
  }

  // Walks the event's path (it crosses open shadow roots) for the button, then its dialog.
  function onClick(event) {
    if (!event.isTrusted) {
      if (RT) RT.stats.untrusted++;
      return;
    }
    let button = null;
    let dialog = null;
    for (const n of event.composedPath()) {
      if (n.nodeType !== 1) continue;
      if (T && T.ignored.has(n)) return;  // our own card
      if (!button && n.matches(BUTTON)) button = n;
      else if (button && n.matches(DIALOG)) { dialog = n; break; }
    }
    if (!button || !dialog) return;
    const choice = classify(labelOf(button));
    if (!choice) return;
    const context = T ? T.textOf(dialog) : dialog.textContent.slice(0, 4000);
    if (!context) return;
    RT.send({ type: 'choice', choice, context: context.slice(0, 4000) });
  }

  globalThis.consentlensChoices = Object.freeze({ classify });
  if (typeof document !== 'undefined') document.addEventListener('click', RT ? RT.timed(onClick) : onClick, true);
})();
