// A throw-away self-signed certificate for the fixture server, made with openssl at test
// time (nothing secret is committed). Chromium also gets --ignore-certificate-errors; the
// subjectAltName still lists the hosts, so the certificate is right for what it serves.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function makeCertificate(hosts) {
  const dir = mkdtempSync(join(tmpdir(), 'consentlens-cert-'));
  const key = join(dir, 'key.pem');
  const cert = join(dir, 'cert.pem');
  execFileSync('openssl', [
    'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2',
    '-subj', '/CN=consentlens test fixtures',
    '-addext', `subjectAltName=${hosts.map((h) => `DNS:${h}`).join(',')}`,
    '-keyout', key, '-out', cert,
  ], { stdio: ['ignore', 'ignore', 'pipe'] });
  return { key: readFileSync(key), cert: readFileSync(cert) };
}
