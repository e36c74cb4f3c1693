// The verification side of OpenSeal, as a suite that runs unchanged in Node (Vitest) and in
// Chromium (bundled by esbuild with the mini-vitest shim). Browser-safe imports only.
import { describe, expect, it } from 'vitest';
import { fromBase64 } from '@openseal/kernel';
import type { CryptoProvider } from '@openseal/crypto';
import { CrlRevocationSource, parseCertificate, parseCrl, validateCertificatePath } from '@openseal/pki';
import type { VerificationFixtures } from './verification-fixtures.js';

function flipInside(der: Uint8Array, at: number): Uint8Array {
  const copy = der.slice();
  copy[at] = (copy[at] as number) ^ 0x01;
  return copy;
}

export function describeVerificationSuite(name: string, fixtures: VerificationFixtures, makeProvider: () => CryptoProvider): void {
  describe(`verification suite: ${name}`, () => {
    for (const f of fixtures.chains) {
      describe(`${f.keyType} certificate path`, () => {
        const provider = makeProvider();
        const root = parseCertificate(fromBase64(f.root));
        const intermediate = parseCertificate(fromBase64(f.intermediate));
        const at = new Date(f.at);

        it('validates the seal signer chain at a given time', async () => {
          const r = await validateCertificatePath(fromBase64(f.leaf), { trustAnchors: [root], intermediates: [intermediate], at, provider });
          expect(r.status).toBe('VALID');
          expect(r.chain).toHaveLength(3);
        });

        it('reports CERT_SIGNATURE_INVALID for a certificate with one flipped byte', async () => {
          const leaf = parseCertificate(fromBase64(f.leaf));
          // flip a byte in the subject public key, which the issuer's signature covers
          const der = fromBase64(f.leaf);
          const pkAt = indexOfBytes(der, leaf.publicKey) + leaf.publicKey.length - 5;
          const r = await validateCertificatePath(flipInside(der, pkAt), { trustAnchors: [root], intermediates: [intermediate], at, provider });
          expect(r.status).toBe('INVALID');
          expect(r.reasons).toContain('CERT_SIGNATURE_INVALID');
        });

        it('finds no anchor without the root', async () => {
          const r = await validateCertificatePath(fromBase64(f.leaf), { trustAnchors: [], intermediates: [intermediate], at, provider });
          expect(r.status).not.toBe('VALID');
          expect(r.reasons).toContain('PATH_NO_ANCHOR');
        });

        it('reports CERT_EXPIRED long after the validity period', async () => {
          const r = await validateCertificatePath(fromBase64(f.leaf), { trustAnchors: [root], intermediates: [intermediate], at: new Date('2099-01-01T00:00:00Z'), provider });
          expect(r.status).toBe('INVALID');
          expect(r.reasons).toContain('CERT_EXPIRED');
        });

        it('applies the CRL: revoked after the revocation date, good before it', async () => {
          const revocation = new CrlRevocationSource([parseCrl(fromBase64(f.crl)), parseCrl(fromBase64(f.rootCrl))], provider);
          const after = await validateCertificatePath(fromBase64(f.revokedLeaf), { trustAnchors: [root], intermediates: [intermediate], at, provider, revocation });
          expect(after.status).toBe('INVALID');
          expect(after.reasons).toContain('CERT_REVOKED');
          const before = await validateCertificatePath(fromBase64(f.revokedLeaf), {
            trustAnchors: [root],
            intermediates: [intermediate],
            at: new Date(new Date(f.revokedAt).getTime() - 86_400_000),
            provider,
            revocation,
          });
          expect(before.status).toBe('VALID');
        });
      });
    }
  });
}

function indexOfBytes(haystack: Uint8Array, needle: Uint8Array): number {
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  throw new Error('needle not found');
}
