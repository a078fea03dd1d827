// The real meeting host names the fixtures are served under. Chromium maps each of them to
// the local fixture server (--host-resolver-rules), so the URL in the address bar is the
// real one and the shipped manifest's match patterns decide, unchanged, where the content
// script runs. Every other host name resolves to nothing.
export const MEETING_HOSTS = [
  'app.zoom.us', 'us05web.zoom.us', 'meet.google.com', 'teams.microsoft.com', 'teams.live.com',
  'acme.webex.com', 'meet.jit.si', '8x8.vc', 'whereby.com',
  // A self-hosted Jitsi server, watched only once a person adds it on the options page.
  'jitsi.example.org',
  // Not a watched site: pages here must never get the content script.
  'zoom.us', 'example.org',
];

export function hostResolverRules(port) {
  return [...MEETING_HOSTS.map((h) => `MAP ${h} 127.0.0.1:${port}`), 'MAP * ~NOTFOUND'].join(', ');
}
