import { Certificate } from '@peculiar/asn1-x509';
import { encodeDer, parseDer } from '@openseal/asn1';
import { parsePublicKey, type PublicKeyInfo } from '@openseal/crypto';
import { concatBytes, equalBytes, toHex } from '@openseal/kernel';
import { CKA, CKC, CKO } from './constants.js';
import { Pkcs11Error } from './errors.js';
import type { Pkcs11Session } from './pkcs11-session.js';
import { describePrivateKey, keyIdBytes, type TokenKey } from './token-key.js';

export interface CertificateImport {
  /** DER X.509 certificate. */
  readonly certificate: Uint8Array;
  /** CKA_ID of the key it certifies; when absent, the key is found by its public key. */
  readonly id?: Uint8Array | string;
  /** CKA_LABEL; the key's label when absent. */
  readonly label?: string;
}

function samePublicKey(a: PublicKeyInfo, b: PublicKeyInfo): boolean {
  if (a.keyType === 'RSA' || b.keyType === 'RSA') {
    return a.keyType === 'RSA' && b.keyType === 'RSA' && a.modulus === b.modulus && a.publicExponent === b.publicExponent;
  }
  return a.keyType === b.keyType && equalBytes(a.point, b.point);
}

// CKA_SERIAL_NUMBER holds the DER encoding of the serial number INTEGER (PKCS#11 v2.40 §4.6.3).
function derInteger(contents: Uint8Array): Uint8Array {
  const n = contents.length;
  const length = n < 0x80 ? [n] : n <= 0xff ? [0x81, n] : [0x82, n >> 8, n & 0xff];
  return concatBytes(Uint8Array.of(0x02, ...length), contents);
}

/**
 * Stores a certificate on the token next to the private key it certifies (same CKA_ID), after
 * checking that the certificate's public key is that key's. Needs a read-write, logged-in session.
 */
export async function importTokenCertificate(session: Pkcs11Session, spec: CertificateImport): Promise<{ id: Uint8Array; label: string }> {
  const cert = parseDer(spec.certificate, Certificate, 'Certificate');
  const certKey = parsePublicKey(encodeDer(cert.tbsCertificate.subjectPublicKeyInfo));
  const template = [{ type: CKA.CLASS, value: CKO.PRIVATE_KEY }, ...(spec.id === undefined ? [] : [{ type: CKA.ID, value: keyIdBytes(spec.id) }])];
  let key: TokenKey | undefined;
  for (const handle of await session.findObjects(template)) {
    const candidate = await describePrivateKey(session, handle);
    if (samePublicKey(parsePublicKey(candidate.publicKey), certKey)) {
      key = candidate;
      break;
    }
  }
  if (!key) {
    throw new Pkcs11Error(
      'PKCS11_KEY_NOT_FOUND',
      { token: session.token.label, ...(spec.id === undefined ? {} : { id: toHex(keyIdBytes(spec.id)) }) },
      { reason: 'no private key on the token matches the certificate' },
    );
  }
  const label = spec.label ?? key.label;
  await session.createObject([
    { type: CKA.CLASS, value: CKO.CERTIFICATE },
    { type: CKA.CERTIFICATE_TYPE, value: CKC.X_509 },
    { type: CKA.TOKEN, value: true },
    { type: CKA.PRIVATE, value: false },
    { type: CKA.LABEL, value: label },
    { type: CKA.ID, value: key.id },
    { type: CKA.SUBJECT, value: encodeDer(cert.tbsCertificate.subject) },
    { type: CKA.ISSUER, value: encodeDer(cert.tbsCertificate.issuer) },
    { type: CKA.SERIAL_NUMBER, value: derInteger(new Uint8Array(cert.tbsCertificate.serialNumber)) },
    { type: CKA.VALUE, value: spec.certificate },
  ]);
  return { id: key.id, label };
}
