import { PrivateKeyInfo, PrivateKey as Pkcs8PrivateKeyOctets } from '@peculiar/asn1-pkcs8';
import { AlgorithmIdentifier } from '@peculiar/asn1-x509';
import { ECParameters } from '@peculiar/asn1-ecc';
import { AsnConvert } from '@peculiar/asn1-schema';
import { OID, encodeDer, parseDer } from '@openseal/asn1';
import { CryptoUnsupportedError, KeyFormatError } from '../errors.js';
import { EC_CURVES, type EcCurve } from './ec-curves.js';
import { parsePkcs1PrivateKey } from './pkcs1.js';
import type { PrivateKey } from './private-key.js';
import { curveFromEcParameters, encodeSec1PrivateKey, parseEcParametersDer, parseSec1PrivateKey } from './sec1.js';

/**
 * Parses an unencrypted PKCS#8 PrivateKeyInfo (RFC 5208 / RFC 5958 v1): RSA, EC P-256/P-384 and
 * SM2, the latter both as OpenSSL 3 writes it (id-ecPublicKey + namedCurve sm2p256v1) and with
 * the algorithm OID 1.2.156.10197.1.301 itself, as some Chinese tools do.
 */
export function parsePkcs8PrivateKey(der: Uint8Array): PrivateKey {
  const info = parseDer(der, PrivateKeyInfo, 'PrivateKeyInfo');
  if ((info.version as number) !== 0) throw new KeyFormatError('unsupported PKCS#8 version', { version: info.version });
  const alg = info.privateKeyAlgorithm.algorithm;
  const inner = new Uint8Array(info.privateKey.buffer);
  const params = info.privateKeyAlgorithm.parameters;
  switch (alg) {
    case OID.rsaEncryption:
      return parsePkcs1PrivateKey(inner);
    case OID.ecPublicKey: {
      if (!params) throw new KeyFormatError('EC PKCS#8 key has no curve parameters');
      return parseSec1PrivateKey(inner, curveFromEcParameters(parseEcParametersDer(new Uint8Array(params))));
    }
    case OID.sm2: {
      const curve = params ? sm2AlgorithmCurve(new Uint8Array(params)) : EC_CURVES.SM2;
      return parseSec1PrivateKey(inner, curve);
    }
    case OID.rsassaPss:
      throw new CryptoUnsupportedError('RSASSA-PSS-restricted RSA keys (use an rsaEncryption key)');
    default:
      throw new CryptoUnsupportedError(`private key algorithm ${alg}`);
  }
}

function sm2AlgorithmCurve(params: Uint8Array): EcCurve {
  if (params.length === 2 && params[0] === 0x05 && params[1] === 0x00) return EC_CURVES.SM2;
  const curve = curveFromEcParameters(parseEcParametersDer(params));
  if (curve.keyType !== 'SM2') throw new KeyFormatError('SM2 key algorithm names a non-SM2 curve', { curve: curve.keyType });
  return curve;
}

/**
 * Unencrypted PKCS#8 DER. EC and SM2 keys use id-ecPublicKey with the named curve and a SEC 1
 * inner key carrying the public point, exactly as OpenSSL 3 writes them (so `openssl pkey` sees SM2).
 */
export function exportPrivateKeyPkcs8(key: PrivateKey): Uint8Array {
  if (key.keyType === 'RSA') {
    return encodeDer(
      new PrivateKeyInfo({
        version: 0,
        privateKeyAlgorithm: new AlgorithmIdentifier({ algorithm: OID.rsaEncryption, parameters: null }),
        privateKey: new Pkcs8PrivateKeyOctets(key.pkcs1.slice()),
      }),
    );
  }
  const curve = EC_CURVES[key.keyType];
  return encodeDer(
    new PrivateKeyInfo({
      version: 0,
      privateKeyAlgorithm: new AlgorithmIdentifier({
        algorithm: OID.ecPublicKey,
        parameters: AsnConvert.serialize(new ECParameters({ namedCurve: curve.oid })),
      }),
      privateKey: new Pkcs8PrivateKeyOctets(encodeSec1PrivateKey(key.d, key.point)),
    }),
  );
}
