import { OctetString } from '@peculiar/asn1-schema';
import { ECParameters, ECPrivateKey } from '@peculiar/asn1-ecc';
import { checkDer, encodeDer, parseDer, readDerHeader } from '@openseal/asn1';
import { OpenSealError, bytesToBigInt } from '@openseal/kernel';
import { CryptoUnsupportedError, KeyFormatError } from '../errors.js';
import { curveByOid, curveByParameters, type EcCurve } from './ec-curves.js';
import { createEcPrivateKey, type EcPrivateKey } from './private-key.js';

const PRIME_FIELD = '1.2.840.10045.1.1';

/** Resolves ECParameters (RFC 5480 §2.1.1; SEC 1 §C.2) to one of our curves; explicit parameters must match one exactly. */
export function curveFromEcParameters(params: ECParameters): EcCurve {
  if (params.namedCurve !== undefined) {
    const curve = curveByOid(params.namedCurve);
    if (!curve) throw new CryptoUnsupportedError(`EC curve ${params.namedCurve}`);
    return curve;
  }
  const spec = params.specifiedCurve;
  if (!spec) throw new CryptoUnsupportedError('implicitly-defined EC curve parameters');
  if (spec.fieldID.fieldType !== PRIME_FIELD) throw new CryptoUnsupportedError(`EC field type ${spec.fieldID.fieldType}`);
  const curve = curveByParameters({
    p: derIntegerValue(new Uint8Array(spec.fieldID.parameters)),
    a: bytesToBigInt(new Uint8Array(spec.curve.a)),
    b: bytesToBigInt(new Uint8Array(spec.curve.b)),
    base: new Uint8Array(spec.base.buffer),
    n: bytesToBigInt(new Uint8Array(spec.order)),
  });
  if (!curve) throw new CryptoUnsupportedError('explicit EC parameters of an unknown curve');
  return curve;
}

/** Parses DER ECParameters given as raw bytes (an AlgorithmIdentifier's parameters). */
export function parseEcParametersDer(bytes: Uint8Array): ECParameters {
  return parseDer(bytes, ECParameters, 'ECParameters');
}

function derIntegerValue(tlv: Uint8Array): bigint {
  checkDer(tlv);
  const h = readDerHeader(tlv, 0);
  if (h.tag !== 0x02 || h.length === 0) throw new KeyFormatError('prime field parameter is not an INTEGER');
  return bytesToBigInt(tlv.subarray(h.headerLength));
}

/**
 * Parses SEC 1 ECPrivateKey (RFC 5915): OpenSSL's `EC PRIVATE KEY` / `SM2 PRIVATE KEY`, and the
 * inner key of EC PKCS#8. `outer` is the curve named by an enclosing PKCS#8 AlgorithmIdentifier.
 * A missing public key is computed; a present one must match d·G.
 */
export function parseSec1PrivateKey(der: Uint8Array, outer?: EcCurve): EcPrivateKey {
  const ec = parseDer(der, ECPrivateKey, 'ECPrivateKey');
  if (ec.version !== 1) throw new KeyFormatError('unsupported ECPrivateKey version', { version: ec.version });
  let curve = outer;
  if (ec.parameters) {
    const inner = wrapStructureErrors(() => curveFromEcParameters(ec.parameters as ECParameters));
    if (outer && inner.keyType !== outer.keyType) {
      throw new KeyFormatError('EC private key names a different curve than its algorithm', { outer: outer.keyType, inner: inner.keyType });
    }
    curve = inner;
  }
  if (!curve) throw new KeyFormatError('EC private key does not name its curve');
  const d = new Uint8Array(ec.privateKey.buffer);
  const point = ec.publicKey === undefined ? undefined : new Uint8Array(ec.publicKey);
  return createEcPrivateKey(curve.keyType, d, point);
}

/** SEC 1 ECPrivateKey as OpenSSL writes it inside PKCS#8: version 1, d, public key, and no parameters unless asked. */
export function encodeSec1PrivateKey(d: Uint8Array, point: Uint8Array | undefined, withCurve?: EcCurve): Uint8Array {
  const ec = new ECPrivateKey({ version: 1, privateKey: new OctetString(d.slice()) });
  if (withCurve) ec.parameters = new ECParameters({ namedCurve: withCurve.oid });
  if (point) ec.publicKey = point.slice().buffer as ArrayBuffer;
  return encodeDer(ec);
}

function wrapStructureErrors<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof OpenSealError) throw e;
    throw new KeyFormatError('malformed EC parameters', {}, { cause: e });
  }
}
