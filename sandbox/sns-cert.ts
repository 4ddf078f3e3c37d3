import { execFileSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The SNS signing identity: an RSA key and a self-signed X.509 certificate served
 * at SigningCertURL. node:crypto can parse certificates but not
 * issue them, so key and certificate come from the openssl CLI via a private temp dir
 * (stdin is not a file openssl can open in every container).
 * One per process: generating costs ~100 ms.
 */
export interface SnsIdentity {
  privateKeyPem: string;
  certificatePem: string;
}

let cached: SnsIdentity | null = null;

export function snsIdentity(): SnsIdentity {
  if (cached) return cached;
  const dir = mkdtempSync(join(tmpdir(), 'sandbox-sns-'));
  let privateKeyPem: string;
  let certificatePem: string;
  try {
    const keyPath = join(dir, 'key.pem');
    const certPath = join(dir, 'cert.pem');
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-keyout',
        keyPath,
        '-out',
        certPath,
        '-subj',
        '/CN=sns.sandbox.amazonaws.local',
        '-days',
        '3650',
        '-sha256',
      ],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    privateKeyPem = readFileSync(keyPath, 'utf8');
    certificatePem = readFileSync(certPath, 'utf8');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  // Fail here, loudly, rather than send notifications nobody can verify.
  new X509Certificate(certificatePem);
  cached = { privateKeyPem, certificatePem };
  return cached;
}
