// The API server's PKI: a CA and a serving certificate for loopback, created on first start and kept in
// the data directory, plus the bearer token clients must present.
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import forge from 'node-forge';

export interface ServerPki {
  caCertPem: string;
  certPem: string;
  keyPem: string;
  token: string;
}

const YEAR_MS = 365 * 24 * 3600 * 1000;

function newKeys(): { privateKey: forge.pki.rsa.PrivateKey; publicKey: forge.pki.rsa.PublicKey; pem: string } {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const pem = privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
  const key = forge.pki.privateKeyFromPem(pem);
  return { privateKey: key, publicKey: forge.pki.setRsaPublicKey(key.n, key.e), pem };
}

function certificate(opts: { subject: string; issuer: forge.pki.CertificateField[]; publicKey: forge.pki.rsa.PublicKey;
  signer: forge.pki.rsa.PrivateKey; ca: boolean; nowMs: number; extensions: object[] }): forge.pki.Certificate {
  const cert = forge.pki.createCertificate();
  cert.publicKey = opts.publicKey;
  cert.serialNumber = `01${randomBytes(8).toString('hex')}`;
  cert.validity.notBefore = new Date(opts.nowMs - 3600_000);
  cert.validity.notAfter = new Date(opts.nowMs + (opts.ca ? 10 : 2) * YEAR_MS);
  cert.setSubject([{ name: 'commonName', value: opts.subject }]);
  cert.setIssuer(opts.issuer);
  cert.setExtensions(opts.extensions);
  cert.sign(opts.signer, forge.md.sha256.create());
  return cert;
}

export function createPki(hosts: readonly string[], nowMs: number): { caCertPem: string; caKeyPem: string; certPem: string; keyPem: string } {
  const ca = newKeys();
  const caCert = certificate({
    subject: 'sluice-ca', issuer: [{ name: 'commonName', value: 'sluice-ca' }], publicKey: ca.publicKey, signer: ca.privateKey,
    ca: true, nowMs,
    extensions: [{ name: 'basicConstraints', cA: true, critical: true }, { name: 'keyUsage', keyCertSign: true, cRLSign: true, digitalSignature: true, critical: true }],
  });
  const leaf = newKeys();
  const altNames = hosts.map((h) => (/^[\d.]+$/.test(h) || h.includes(':') ? { type: 7, ip: h } : { type: 2, value: h }));
  const cert = certificate({
    subject: 'sluice-apiserver', issuer: caCert.subject.attributes, publicKey: leaf.publicKey, signer: ca.privateKey, ca: false, nowMs,
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames },
    ],
  });
  return { caCertPem: forge.pki.certificateToPem(caCert), caKeyPem: ca.pem, certPem: forge.pki.certificateToPem(cert), keyPem: leaf.pem };
}

/** Loads the PKI from `dir`, creating it (and the token) on first use. Files are written mode 0600. */
export function loadOrCreatePki(dir: string, hosts: readonly string[], nowMs: number): ServerPki {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = (n: string): string => join(dir, n);
  if (!existsSync(file('ca.crt')) || !existsSync(file('apiserver.crt')) || !existsSync(file('apiserver.key'))) {
    const pki = createPki(hosts, nowMs);
    writeFileSync(file('ca.crt'), pki.caCertPem, { mode: 0o600 });
    writeFileSync(file('ca.key'), pki.caKeyPem, { mode: 0o600 });
    writeFileSync(file('apiserver.crt'), pki.certPem, { mode: 0o600 });
    writeFileSync(file('apiserver.key'), pki.keyPem, { mode: 0o600 });
  }
  if (!existsSync(file('token'))) writeFileSync(file('token'), randomBytes(32).toString('hex'), { mode: 0o600 });
  return {
    caCertPem: readFileSync(file('ca.crt'), 'utf8'),
    certPem: readFileSync(file('apiserver.crt'), 'utf8'),
    keyPem: readFileSync(file('apiserver.key'), 'utf8'),
    token: readFileSync(file('token'), 'utf8').trim(),
  };
}
