// Self-hosted Jitsi instances: the user adds a domain on the options page, grants the
// optional host permission for it, and we register the same content scripts there.
// The registration is reconciled with granted permissions, so a permission the user
// revoked in the browser's own UI also stops the script.

const SCRIPT_ID = 'consentlens-jitsi-self-hosted';
export const CONTENT_JS = ['shared/contract.js', 'shared/labels.js', 'shared/dom.js', 'content/text.js', 'content/card.js', 'content/choices.js', 'content/watch.js'];

export function originPattern(domain) {
  return `https://${domain}/*`;
}

// Registers the content scripts for every listed domain whose permission is granted.
// Returns the domains that are live.
export async function syncJitsiScripts(domains) {
  const live = [];
  for (const d of domains) {
    if (await chrome.permissions.contains({ origins: [originPattern(d)] })) live.push(d);
  }
  const existing = await chrome.scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] });
  if (existing.length) await chrome.scripting.unregisterContentScripts({ ids: [SCRIPT_ID] });
  if (live.length) {
    await chrome.scripting.registerContentScripts([{
      id: SCRIPT_ID,
      matches: live.map(originPattern),
      js: CONTENT_JS,
      runAt: 'document_start',
      allFrames: true,
      persistAcrossSessions: true,
    }]);
  }
  return live;
}
