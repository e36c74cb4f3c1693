import { AsnConvert, OctetString } from '@peculiar/asn1-schema';
import { AlgorithmIdentifier, Certificate, SubjectPublicKeyInfo } from '@peculiar/asn1-x509';
import { ECParameters } from '@peculiar/asn1-ecc';
import { RSAPublicKey } from '@peculiar/asn1-rsa';
import { OID, checkDer, encodeDer, parseDer } from '@openseal/asn1';
import { CURVE_OID, encodeEcPublicKey, parsePublicKey, type KeyType } from '@openseal/crypto';
import { toArrayBuffer } from '@openseal/kernel';
import { Pkcs11Error } from './errors.js';

type EcKeyType = 'SM2' | 'EC-P256' | 'EC-P384';

// RFC 3279 §2.3.1: rsaEncryption parameters MUST be NULL.
const DER_NULL = new Uint8Array([0x05, 0x00]);

const KEY_TYPE_BY_CURVE: ReadonlyMap<string, EcKeyType> = new Map(
  (Object.entries(CURVE_OID) as [EcKeyType, string][]).map(([keyType, oid]) => [oid, keyType]),
);

/** DER INTEGER contents for an unsigned big-endian value (CKA_MODULUS has no sign byte). */
function unsignedInteger(bytes: Uint8Array): ArrayBuffer {
  let start = 0;
  while (start < bytes.length - 1 && bytes[start] === 0) start++;
  const trimmed = bytes.subarray(start);
  if (((trimmed[0] ?? 0) & 0x80) === 0) return toArrayBuffer(trimmed);
  const out = new Uint8Array(trimmed.length + 1);
  out.set(trimmed, 1);
  return out.buffer;
}

/** SubjectPublicKeyInfo for CKA_MODULUS / CKA_PUBLIC_EXPONENT (RFC 8017 §A.1.1, RFC 3279 §2.3.1). */
export function rsaSpki(modulus: Uint8Array, publicExponent: Uint8Array): Uint8Array {
  const key = new RSAPublicKey({ modulus: unsignedInteger(modulus), publicExponent: unsignedInteger(publicExponent) });
  const spki = new SubjectPublicKeyInfo({
    algorithm: new AlgorithmIdentifier({ algorithm: OID.rsaEncryption, parameters: DER_NULL.slice().buffer }),
    subjectPublicKey: AsnConvert.serialize(key),
  });
  return encodeDer(spki);
}

/** The key type named by CKA_EC_PARAMS (DER ECParameters; only named curves are supported). */
export function keyTypeFromEcParams(ecParams: Uint8Array): EcKeyType {
  const params = parseDer(ecParams, ECParameters, 'CKA_EC_PARAMS');
  const keyType = params.namedCurve === undefined ? undefined : KEY_TYPE_BY_CURVE.get(params.namedCurve);
  if (!keyType) throw new Pkcs11Error('PKCS11_KEY_UNSUPPORTED', { curve: params.namedCurve ?? '(not a named curve)' });
  return keyType;
}

/** CKA_EC_PARAMS for generating a key of `keyType`. */
export function ecParamsFor(keyType: EcKeyType): Uint8Array {
  return encodeDer(new ECParameters({ namedCurve: CURVE_OID[keyType] }));
}

/**
 * CKA_EC_POINT is a DER OCTET STRING around the uncompressed point (PKCS#11 v2.40 Current
 * Mechanisms §2.3.3); some tokens return the bare 04‖x‖y instead, which is accepted too.
 */
export function unwrapEcPoint(value: Uint8Array, pointLength: number): Uint8Array {
  if (value.length === pointLength && value[0] === 0x04) return value;
  checkDer(value);
  const inner = new Uint8Array(AsnConvert.parse(value, OctetString).buffer);
  if (inner.length !== pointLength || inner[0] !== 0x04) {
    throw new Pkcs11Error('PKCS11_KEY_UNSUPPORTED', { pointLength: inner.length }, { reason: 'CKA_EC_POINT is not an uncompressed point' });
  }
  return inner;
}

const POINT_LENGTH: Readonly<Record<EcKeyType, number>> = { SM2: 65, 'EC-P256': 65, 'EC-P384': 97 };

/** SubjectPublicKeyInfo for an EC or SM2 key from CKA_EC_POINT (SM2 per GB/T 35276: id-ecPublicKey + sm2 curve). */
export function ecSpki(keyType: EcKeyType, ecPoint: Uint8Array): Uint8Array {
  return encodeEcPublicKey(keyType, unwrapEcPoint(ecPoint, POINT_LENGTH[keyType]));
}

/** The subjectPublicKeyInfo of a DER certificate (CKA_VALUE of a CKO_CERTIFICATE), re-encoded. */
export function spkiFromCertificate(certificate: Uint8Array): Uint8Array {
  return encodeDer(parseDer(certificate, Certificate, 'Certificate').tbsCertificate.subjectPublicKeyInfo);
}

/** Key type of a SubjectPublicKeyInfo, as OpenSeal names it. */
export function keyTypeOfSpki(spki: Uint8Array): KeyType {
  return parsePublicKey(spki).keyType;
}
