// A local HTTPS server for the fixture pages. Chromium sends every meeting host name here,
// so one server plays all of them: fixtures/routes.json maps "host/path" to a page, and
// /consentlens-fixtures/* serves the pages' own scripts. It logs every request it gets, so
// a test can check that each one was asked for by a fixture page and none by the extension.
import { createServer } from 'node:https';
import { readFileSync, existsSync } from 'node:fs';
import { join, extname, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeCertificate } from './cert.mjs';
import { MEETING_HOSTS } from './hosts.mjs';

const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8' };
const STATIC_PREFIX = '/consentlens-fixtures/';

export async function startFixtureServer() {
  const routes = JSON.parse(readFileSync(join(FIXTURES, 'routes.json'), 'utf8'));
  const requests = [];
  const server = createServer(makeCertificate(MEETING_HOSTS), (req, res) => {
    const host = (req.headers.host || '').replace(/:\d+$/, '');
    const url = new URL(req.url, `https://${host}`);
    requests.push({ host, path: url.pathname, method: req.method });
    let file = null;
    let headers = {};
    if (url.pathname.startsWith(STATIC_PREFIX)) {
      const rel = normalize(url.pathname.slice(STATIC_PREFIX.length));
      if (!rel.startsWith('..')) file = rel;
    } else {
      const route = routes[`${host}${url.pathname}`];
      if (route) ({ file, headers = {} } = route);
    }
    const path = file && join(FIXTURES, file);
    if (!path || !existsSync(path)) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('no such fixture');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(path)] || 'application/octet-stream', 'cache-control': 'no-store', ...headers });
    res.end(readFileSync(path));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: server.address().port,
    requests,
    routes,
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(resolve); }),
  };
}
