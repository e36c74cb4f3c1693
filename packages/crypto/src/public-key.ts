import { AsnConvert } from '@peculiar/asn1-schema';
import { AlgorithmIdentifier, SubjectPublicKeyInfo } from '@peculiar/asn1-x509';
import { ECParameters } from '@peculiar/asn1-ecc';
import { RSAPublicKey } from '@peculiar/asn1-rsa';
import { OID, encodeDer, parseDer, readDerHeader } from '@openseal/asn1';
import { bytesToBigInt } from '@openseal/kernel';
import type { KeyType } from './algorithms.js';
import { CryptoUnsupportedError, KeyFormatError } from './errors.js';

/** What a SubjectPublicKeyInfo holds, in a form the algorithms can use directly. */
export type PublicKeyInfo =
  | { readonly keyType: 'SM2' | 'EC-P256' | 'EC-P384'; readonly point: Uint8Array /* 04‖x‖y */; readonly spki: Uint8Array }
  | { readonly keyType: 'RSA'; readonly modulus: bigint; readonly publicExponent: bigint; readonly bits: number; readonly spki: Uint8Array };

const CURVE_BY_OID: Readonly<Record<string, KeyType>> = {
  [OID.sm2]: 'SM2',
  [OID.secp256r1]: 'EC-P256',
  [OID.secp384r1]: 'EC-P384',
};

export const CURVE_OID: Readonly<Record<'SM2' | 'EC-P256' | 'EC-P384', string>> = {
  SM2: OID.sm2,
  'EC-P256': OID.secp256r1,
  'EC-P384': OID.secp384r1,
};

const POINT_LENGTH = { SM2: 65, 'EC-P256': 65, 'EC-P384': 97 } as const;

/** Parses DER SubjectPublicKeyInfo (RFC 5280 §4.1.2.7; SM2 per GB/T 35276: id-ecPublicKey + sm2 curve). */
export function parsePublicKey(spki: Uint8Array): PublicKeyInfo {
  const info = parseDer(spki, SubjectPublicKeyInfo, 'SubjectPublicKeyInfo');
  if (bitStringUnusedBits(spki) !== 0) throw new KeyFormatError('the public key BIT STRING has unused bits');
  const alg = info.algorithm.algorithm;
  const key = new Uint8Array(info.subjectPublicKey);
  if (alg === OID.ecPublicKey || alg === OID.sm2) {
    let curve: string | undefined = alg === OID.sm2 ? OID.sm2 : undefined;
    if (info.algorithm.parameters && info.algorithm.parameters.byteLength > 2) {
      try {
        curve = AsnConvert.parse(info.algorithm.parameters, ECParameters).namedCurve ?? curve;
      } catch (e) {
        throw new KeyFormatError('EC parameters are not a named curve', {}, { cause: e });
      }
    }
    const keyType = curve ? CURVE_BY_OID[curve] : undefined;
    if (!keyType || keyType === 'RSA') throw new CryptoUnsupportedError(`EC curve ${curve ?? '(none)'}`);
    if (key.length !== POINT_LENGTH[keyType] || key[0] !== 0x04) {
      throw new KeyFormatError('EC public key is not an uncompressed point of the curve', { keyType, length: key.length });
    }
    return { keyType, point: key, spki };
  }
  if (alg === OID.rsaEncryption || alg === OID.rsassaPss) {
    const rsa = parseDer(key, RSAPublicKey, 'RSAPublicKey');
    const modulus = bytesToBigInt(new Uint8Array(rsa.modulus));
    return {
      keyType: 'RSA',
      modulus,
      publicExponent: bytesToBigInt(new Uint8Array(rsa.publicExponent)),
      bits: modulus.toString(2).length,
      spki,
    };
  }
  throw new CryptoUnsupportedError(`public key algorithm ${alg}`);
}

/** Builds DER SubjectPublicKeyInfo for an EC/SM2 point (04‖x‖y). */
export function encodeEcPublicKey(keyType: 'SM2' | 'EC-P256' | 'EC-P384', point: Uint8Array): Uint8Array {
  const spki = new SubjectPublicKeyInfo({
    algorithm: new AlgorithmIdentifier({
      algorithm: OID.ecPublicKey,
      parameters: AsnConvert.serialize(new ECParameters({ namedCurve: CURVE_OID[keyType] })),
    }),
    subjectPublicKey: point.slice().buffer as ArrayBuffer,
  });
  return encodeDer(spki);
}

/** RFC 5280 §4.1.2.7: the key is a whole number of octets, so the BIT STRING's unused-bits octet is 0. */
function bitStringUnusedBits(spki: Uint8Array): number {
  const outer = readDerHeader(spki, 0);
  const alg = readDerHeader(spki, outer.headerLength);
  const bitsAt = outer.headerLength + alg.headerLength + alg.length;
  const bits = readDerHeader(spki, bitsAt);
  return bits.length > 0 ? (spki[bitsAt + bits.headerLength] as number) : -1;
}
