import { assert } from '@openseal/kernel';
import type { Certificate } from '../x509/certificate.js';
import { derChildren, derNodeAt, derValue } from '../x509/der-reader.js';
import { derSequence, derTlv } from '../x509/der-writer.js';

// Byte-exact pieces of a parsed certificate that CMS, TSP and OCSP compare or copy.

/** The serialNumber INTEGER content octets exactly as encoded in the certificate. */
export function serialNumberContent(cert: Certificate): Uint8Array {
  const tbs = cert.tbsDer;
  const fields = derChildren(tbs, derNodeAt(tbs, 0));
  const serial = fields[fields[0]?.tag === 0xa0 ? 1 : 0];
  assert(serial && serial.tag === 0x02, 'parsed certificate without a serialNumber');
  return derValue(tbs, serial);
}

/** RFC 5652 §10.2.4 IssuerAndSerialNumber ::= SEQUENCE { issuer Name, serialNumber INTEGER }. */
export function issuerAndSerialNumber(cert: Certificate): Uint8Array {
  return derSequence(cert.issuer.der, derTlv(0x02, serialNumberContent(cert)));
}

/** The subjectPublicKey BIT STRING value without its unused-bits octet (RFC 6960 §4.1.1 issuerKeyHash). */
export function publicKeyBits(spki: Uint8Array): Uint8Array {
  const [, bits] = derChildren(spki, derNodeAt(spki, 0));
  assert(bits && bits.tag === 0x03, 'SubjectPublicKeyInfo without a subjectPublicKey BIT STRING');
  return spki.slice(bits.valueStart + 1, bits.end);
}

/** The INTEGER TLV of a serial, for building structures that copy it. */
export function serialNumberTlv(cert: Certificate): Uint8Array {
  return derTlv(0x02, serialNumberContent(cert));
}
