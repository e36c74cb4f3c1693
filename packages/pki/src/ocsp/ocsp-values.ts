import type { CertID } from '@peculiar/asn1-ocsp';
import { OpenSealError } from '@openseal/kernel';
import { digestAlgorithmOf } from '../cms/signature-algorithm-of.js';
import { serialHexFromContent } from '../x509/serial-number.js';
import type { CertIdValue } from './cert-id.js';

export function certIdValue(id: CertID): CertIdValue {
  const oid = id.hashAlgorithm.algorithm;
  let hashAlgorithm;
  try {
    hashAlgorithm = digestAlgorithmOf({ oid });
  } catch (e) {
    if (!(e instanceof OpenSealError)) throw e;
    hashAlgorithm = undefined; // an unknown hash names no certificate we know: status unknown
  }
  return {
    hashAlgorithmOid: oid,
    ...(hashAlgorithm ? { hashAlgorithm } : {}),
    issuerNameHash: new Uint8Array(id.issuerNameHash.buffer),
    issuerKeyHash: new Uint8Array(id.issuerKeyHash.buffer),
    serialNumber: serialHexFromContent(new Uint8Array(id.serialNumber)),
  };
}

/** RFC 8954: the nonce extnValue is a DER OCTET STRING; RFC 2560-era responders put the bare octets. */
export function nonceValue(extnValue: Uint8Array): Uint8Array {
  const [tag, len, len2] = extnValue;
  if (tag === 0x04 && len !== undefined && len < 0x80 && len === extnValue.length - 2) return extnValue.slice(2);
  if (tag === 0x04 && len === 0x81 && len2 !== undefined && len2 === extnValue.length - 3) return extnValue.slice(3);
  return extnValue.slice();
}
