// Self-hosted Jitsi instances: the user adds a domain on the options page, grants the
// optional host permission for it, and the same content scripts the manifest declares are
// registered there. The list is read from the manifest at run time, never copied: a copy once
// left out the dialog-choice words, so choices on self-hosted servers went unrecorded.
// The registration is reconciled with granted permissions, so a permission the user
// revoked in the browser's own UI also stops the script.
import { SELF_HOSTED } from './sites.js';

const SCRIPT_ID = 'consentlens-jitsi-self-hosted';

// The manifest's one content-script entry (scripts/gen-sites.py fills in its matches).
export function manifestContentScripts(manifest = chrome.runtime.getManifest()) {
  const entry = manifest.content_scripts?.[0];
  if (!entry || !Array.isArray(entry.js) || !entry.js.length) throw new Error('manifest: no content scripts to register');
  return entry;
}

// A script path as registerContentScripts wants it. Chromium's getManifest() gives the
// manifest's paths as written, relative to the extension's root. Firefox's gives full
// moz-extension:// URLs, which its registerContentScripts refuses ("must be a relative URL"),
// and it resolves a relative path against the calling page (from options/options.html,
// "shared/dom.js" became "options/shared/dom.js"): there the path is rooted, "/shared/dom.js".
export function registeredPath(file) {
  const m = /^[a-z-]+-extension:\/\/[^/]+(\/.*)$/.exec(String(file));
  return m ? m[1] : String(file);
}

export function originPattern(domain) {
  return SELF_HOSTED[0].permission.replace('{host}', domain);
}

// The registration for the given live domains, from the manifest's own entry.
export function registrationFor(domains, manifest) {
  const entry = manifestContentScripts(manifest);
  return {
    id: SCRIPT_ID,
    matches: domains.map(originPattern),
    js: entry.js.map(registeredPath),
    runAt: entry.run_at || 'document_idle',
    allFrames: Boolean(entry.all_frames),
    persistAcrossSessions: true,
  };
}

// Registers the content scripts for every listed domain whose permission is granted.
// Returns the domains that are live.
export async function syncJitsiScripts(domains) {
  const live = [];
  for (const d of domains.slice(0, SELF_HOSTED[0].max_hosts)) {
    if (await chrome.permissions.contains({ origins: [originPattern(d)] })) live.push(d);
  }
  const existing = await chrome.scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] });
  if (existing.length) await chrome.scripting.unregisterContentScripts({ ids: [SCRIPT_ID] });
  if (live.length) {
    await chrome.scripting.registerContentScripts([registrationFor(live)]);
  }
  return live;
}
