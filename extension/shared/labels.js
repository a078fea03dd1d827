// Short plain-language labels for the finding fields of docs/findings-contract.md.
// A classic script on purpose: the content scripts (classic) and the popup (which loads it
// with <script> before its modules) share this one table through globalThis.
(function () {
  'use strict';
  if (globalThis.consentlensLabels) return;

  const VENDORS = {
    zoom: 'Zoom', google_meet: 'Google Meet', teams: 'Microsoft Teams', webex: 'Webex',
    jitsi: 'Jitsi', whereby: 'Whereby', goto: 'GoTo', ringcentral: 'RingCentral',
    bigbluebutton: 'BigBlueButton', otter: 'Otter.ai', fireflies: 'Fireflies.ai',
    read_ai: 'Read AI', fathom: 'Fathom', tldv: 'tl;dv', avoma: 'Avoma', fellow: 'Fellow',
    sembly: 'Sembly', other: 'the meeting service',
  };

  globalThis.consentlensLabels = Object.freeze({
    kind: {
      ai_assistant: 'AI assistant', recording: 'Recording', transcription: 'Transcription',
      live_stream: 'Live stream', notetaker_bot: 'AI notetaker bot', terms_prompt: 'Terms prompt',
      training_clause: 'AI training terms',
    },
    consentBy: {
      host: 'the host', account_admin: 'an account admin', organizer: 'the organizer',
      participant: 'you', each_participant: 'each person, by staying', unknown: 'not known',
    },
    training: {
      no: 'No, per the vendor', yes: 'Yes', with_consent: 'Only with consent', unknown: 'Unknown',
    },
    data: {
      audio: 'Your voice', video: 'Your video', chat: 'Chat', transcript: 'Transcript',
      screen_share: 'Your screen', service_generated: 'Usage data', customer_content: 'Meeting content',
      unknown: 'Your data',
    },
    vendor(id) {
      return VENDORS[id] || VENDORS.other;
    },
    // The first sentence of an explanation, for the short in-page card.
    firstSentence(text) {
      const t = String(text || '').trim();
      const m = /^.*?[.!?](\s|$)/.exec(t);
      return m ? m[0].trim() : t;
    },
  });
})();
