import { RsaSaPssParams } from '@peculiar/asn1-rsa';
import { AlgorithmIdentifier } from '@peculiar/asn1-x509';
import { OID, parseDer } from '@openseal/asn1';
import type { DigestAlgorithm, SignatureAlgorithm } from '@openseal/crypto';
import { toArrayBuffer } from '@openseal/kernel';
import { digestAlgorithmFromOid, signatureAlgorithmFromIdentifier } from '../algorithm-identifier.js';
import type { AlgorithmIdentifierValue } from './parse-signed-data.js';

/**
 * The SignatureAlgorithm named by a received AlgorithmIdentifier (`digest` completes key-only OIDs such as
 * rsaEncryption). Throws only typed errors: CRYPTO_UNSUPPORTED, or ASN1_* for broken parameters.
 */
export function signatureAlgorithmOf(id: AlgorithmIdentifierValue, digest?: DigestAlgorithm): SignatureAlgorithm {
  // Parse RSASSA-PSS parameters through the DER guard first, so broken input yields a typed error.
  if (id.oid === OID.rsassaPss && id.parameters) parseDer(id.parameters, RsaSaPssParams, 'RSASSA-PSS-params');
  const asn = new AlgorithmIdentifier({
    algorithm: id.oid,
    ...(id.parameters ? { parameters: toArrayBuffer(id.parameters) } : {}),
  });
  return signatureAlgorithmFromIdentifier(asn, digest);
}

export function digestAlgorithmOf(id: AlgorithmIdentifierValue): DigestAlgorithm {
  return digestAlgorithmFromOid(id.oid);
}
