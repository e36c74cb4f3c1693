import type { AlgorithmIdentifier } from '@peculiar/asn1-x509';
import { OID, parseDer } from '@openseal/asn1';
import { utf8 } from '@openseal/kernel';
import { CryptoUnsupportedError, KeyFormatError } from '../../errors.js';
import { positiveInteger } from '../../keys/der-integer.js';
import { Pkcs12PbeParams } from '../../keys/pbe-params.js';
import { cbcDecrypt, type CbcCipher } from './cbc-cipher.js';
import { checkIterations, pbes2Decrypt, type KdfLimits } from './pbes2.js';
import { PKCS12_KDF_IV, PKCS12_KDF_KEY, pkcs12Kdf, pkcs12Password } from './pkcs12-kdf.js';

// RFC 7292 Appendix C: the PKCS#12 PBE schemes still met in old .p12/.pfx files.
const PKCS12_PBE: Readonly<Record<string, CbcCipher>> = {
  [OID.pbeWithSHAAnd3KeyTripleDESCBC]: { name: 'pbeWithSHAAnd3-KeyTripleDES-CBC', oid: OID.pbeWithSHAAnd3KeyTripleDESCBC, keyLength: 24, blockSize: 8, nodeName: 'des-ede3-cbc' },
  '1.2.840.113549.1.12.1.4': { name: 'pbeWithSHAAnd2-KeyTripleDES-CBC', oid: '1.2.840.113549.1.12.1.4', keyLength: 16, blockSize: 8, nodeName: 'des-ede-cbc' },
};

const UNSUPPORTED: Readonly<Record<string, string>> = {
  '1.2.840.113549.1.12.1.1': 'pbeWithSHAAnd128BitRC4',
  '1.2.840.113549.1.12.1.2': 'pbeWithSHAAnd40BitRC4',
  '1.2.840.113549.1.12.1.5': 'pbeWithSHAAnd128BitRC2-CBC',
  [OID.pbeWithSHAAnd40BitRC2CBC]: 'pbeWithSHAAnd40BitRC2-CBC',
  '1.2.840.113549.1.5.3': 'pbeWithMD5AndDES-CBC',
  '1.2.840.113549.1.5.10': 'pbeWithSHA1AndDES-CBC',
};

/**
 * Decrypts data protected by a password-based scheme: PBES2 (RFC 8018) or the PKCS#12 3DES PBEs
 * (RFC 7292 Appendix C). RC2/RC4/single-DES schemes are refused with CRYPTO_UNSUPPORTED.
 * PBES2 uses the passphrase's UTF-8 bytes and PKCS#12 PBEs its BMPString, as OpenSSL does.
 */
export function passwordDecrypt(algorithm: AlgorithmIdentifier, data: Uint8Array, passphrase: string, limits: KdfLimits = {}): Uint8Array {
  const oid = algorithm.algorithm;
  const params = algorithm.parameters ? new Uint8Array(algorithm.parameters) : undefined;
  if (oid === OID.pbes2) {
    if (!params) throw new KeyFormatError('PBES2 parameters are missing');
    return pbes2Decrypt(params, data, utf8(passphrase), limits);
  }
  const pbe = PKCS12_PBE[oid];
  if (pbe) {
    if (!params) throw new KeyFormatError('PKCS#12 PBE parameters are missing');
    const p = parseDer(params, Pkcs12PbeParams, 'pkcs-12PbeParams');
    const iterations = positiveInteger(p.iterations, 'PKCS#12 PBE iteration count');
    checkIterations(iterations, limits);
    const salt = new Uint8Array(p.salt.buffer);
    const password = pkcs12Password(passphrase);
    const key = pkcs12Kdf('sha1', password, salt, PKCS12_KDF_KEY, iterations, pbe.keyLength);
    const iv = pkcs12Kdf('sha1', password, salt, PKCS12_KDF_IV, iterations, pbe.blockSize);
    return cbcDecrypt(pbe, key, iv, data);
  }
  const legacy = UNSUPPORTED[oid];
  if (legacy) {
    throw new CryptoUnsupportedError(`${legacy} (legacy encryption); re-encrypt the file, e.g. \`openssl pkcs12 -legacy -in old.p12 -nodes | openssl pkcs12 -export -out new.p12\``, {
      scheme: legacy,
    });
  }
  throw new CryptoUnsupportedError(`password-based encryption scheme ${oid}`);
}
