import { AuthenticatedSafe, CertBag, PFX, SafeContents, id_SafeContents, id_certBag, id_keyBag, id_pkcs8ShroudedKeyBag, id_x509Certificate, type SafeBag } from '@peculiar/asn1-pfx';
import { id_data, id_encryptedData, type ContentInfo } from '@peculiar/asn1-cms';
import { OctetString } from '@peculiar/asn1-schema';
import { Certificate } from '@peculiar/asn1-x509';
import { checkDer, parseDer } from '@openseal/asn1';
import { OpenSealError, concatBytes, equalBytes } from '@openseal/kernel';
import { CryptoUnsupportedError, KeyFormatError, KeyPassphraseError } from '../../errors.js';
import { certificateMatchesKey } from '../../keys/certificate-matches-key.js';
import { EncryptedData } from '../../keys/encrypted-data.js';
import { decodeBagAttributes } from '../../keys/pkcs12-attributes.js';
import { parsePkcs8PrivateKey } from '../../keys/pkcs8.js';
import type { PrivateKey } from '../../keys/private-key.js';
import { decryptPrivateKeyInfo } from './encrypted-private-key.js';
import { passwordDecrypt } from './password-decrypt.js';
import type { KdfLimits } from './pbes2.js';
import { verifyPkcs12Mac } from './pkcs12-mac.js';

/** What a PKCS#12 file holds, for signing: its one private key and the certificates beside it. */
export interface Pkcs12Contents {
  readonly key: PrivateKey;
  /** DER certificates; the one matching the key first, then the others in file order. */
  readonly certificates: Uint8Array[];
  readonly friendlyName?: string;
}

export interface ReadPkcs12Options {
  passphrase?: string;
  limits?: KdfLimits;
  /**
   * Skip certificate containers under a refused legacy cipher (RC2-40, as `openssl pkcs12 -legacy`
   * and Windows write) instead of failing: used when only the key is needed.
   */
  keyOnly?: boolean;
}

const MAX_NESTING = 4;

interface FoundKey {
  key: PrivateKey;
  friendlyName?: string;
  localKeyId?: Uint8Array;
}
interface FoundCert {
  der: Uint8Array;
  localKeyId?: Uint8Array;
}

/**
 * Reads a PKCS#12 PFX (RFC 7292): checks the password MAC (SHA-1/SHA-2/SM3), then decrypts
 * shrouded key bags and encrypted certificate containers (PBES2 or PKCS#12 3DES).
 * Missing or wrong passphrase → KEY_PASSPHRASE_INVALID.
 */
export function readPkcs12(der: Uint8Array, options: ReadPkcs12Options = {}): Pkcs12Contents {
  const limits = options.limits ?? {};
  const pfx = parseDer(der, PFX, 'PFX');
  if (pfx.version !== 3) throw new KeyFormatError('unsupported PFX version', { version: pfx.version });
  if (pfx.authSafe.contentType !== id_data) {
    throw new CryptoUnsupportedError('PKCS#12 public-key integrity mode', { contentType: pfx.authSafe.contentType });
  }
  const authSafe = dataContent(pfx.authSafe);
  const passphrase = options.passphrase ?? '';
  // asn1-pfx fills an absent (optional) macData with an empty default object.
  const macData = pfx.macData?.mac.digestAlgorithm.algorithm ? pfx.macData : undefined;
  if (macData && !verifyPkcs12Mac(macData, authSafe, passphrase, limits)) {
    throw new KeyPassphraseError(options.passphrase === undefined ? 'missing' : 'wrong', { container: 'pkcs12' });
  }
  const keys: FoundKey[] = [];
  const certs: FoundCert[] = [];
  let skipped: CryptoUnsupportedError | undefined;
  try {
    for (const info of parseDer(authSafe, AuthenticatedSafe, 'AuthenticatedSafe')) {
      const safeContents = openSafe(info, passphrase, limits);
      if (safeContents instanceof CryptoUnsupportedError && options.keyOnly === true) skipped = safeContents;
      else if (safeContents instanceof CryptoUnsupportedError) throw safeContents;
      else collectBags(safeContents, passphrase, limits, keys, certs, 0);
    }
  } catch (e) {
    // Without a MAC nothing proved the empty default right, so a failed decryption means "missing".
    if (e instanceof KeyPassphraseError && !macData && options.passphrase === undefined) {
      throw new KeyPassphraseError('missing', { container: 'pkcs12' }, { cause: e });
    }
    throw e;
  }
  const [found, ...more] = keys;
  if (!found) throw skipped ?? new KeyFormatError('the PKCS#12 file holds no private key');
  if (more.length > 0) throw new KeyFormatError('the PKCS#12 file holds more than one private key', { count: keys.length });
  return {
    key: found.key,
    certificates: orderCertificates(found, certs),
    ...(found.friendlyName === undefined ? {} : { friendlyName: found.friendlyName }),
  };
}

function dataContent(info: ContentInfo): Uint8Array {
  return new Uint8Array(parseDer(new Uint8Array(info.content), OctetString, 'Data').buffer);
}

/** The SafeContents octets of one AuthenticatedSafe entry, or the refusal of a legacy cipher (returned, not thrown). */
function openSafe(info: ContentInfo, passphrase: string, limits: KdfLimits): Uint8Array | CryptoUnsupportedError {
  if (info.contentType === id_data) return dataContent(info);
  if (info.contentType !== id_encryptedData) {
    throw new CryptoUnsupportedError('PKCS#12 public-key privacy mode', { contentType: info.contentType });
  }
  const eci = parseDer(new Uint8Array(info.content), EncryptedData, 'EncryptedData').encryptedContentInfo;
  const content = eci.encryptedContent;
  const ciphertext = content?.value
    ? new Uint8Array(content.value.buffer)
    : concatBytes(...(content?.constructedValue ?? []).map((o) => new Uint8Array(o.buffer)));
  let plain: Uint8Array;
  try {
    plain = passwordDecrypt(eci.contentEncryptionAlgorithm, ciphertext, passphrase, limits);
  } catch (e) {
    if (e instanceof CryptoUnsupportedError) return e;
    throw e;
  }
  try {
    checkDer(plain);
  } catch (e) {
    if (e instanceof OpenSealError) throw new KeyPassphraseError('wrong', { container: 'pkcs12 certificates' }, { cause: e });
    throw e;
  }
  return plain;
}

function collectBags(safeContents: Uint8Array, passphrase: string, limits: KdfLimits, keys: FoundKey[], certs: FoundCert[], depth: number): void {
  if (depth > MAX_NESTING) throw new KeyFormatError('PKCS#12 safe contents are nested too deeply');
  for (const bag of parseDer(safeContents, SafeContents, 'SafeContents')) {
    const attrs = decodeBagAttributes(bag.bagAttributes);
    const value = new Uint8Array(bag.bagValue);
    switch (bag.bagId) {
      case id_keyBag:
        keys.push({ key: parsePkcs8PrivateKey(value), ...attrs });
        break;
      case id_pkcs8ShroudedKeyBag:
        keys.push({ key: parsePkcs8PrivateKey(decryptPrivateKeyInfo(value, passphrase, limits)), ...attrs });
        break;
      case id_certBag: {
        const cert = certificateOf(bag);
        if (cert) certs.push({ der: cert, ...(attrs.localKeyId === undefined ? {} : { localKeyId: attrs.localKeyId }) });
        break;
      }
      case id_SafeContents:
        collectBags(value, passphrase, limits, keys, certs, depth + 1);
        break;
      default:
        break; // CRL and secret bags carry nothing a signer needs
    }
  }
}

function certificateOf(bag: SafeBag): Uint8Array | undefined {
  const certBag = parseDer(new Uint8Array(bag.bagValue), CertBag, 'CertBag');
  if (certBag.certId !== id_x509Certificate) return undefined; // SDSI certificates are not X.509
  const der = new Uint8Array(parseDer(new Uint8Array(certBag.certValue), OctetString, 'x509Certificate').buffer);
  parseDer(der, Certificate, 'Certificate');
  return der;
}

function orderCertificates(key: FoundKey, certs: FoundCert[]): Uint8Array[] {
  const matches = (c: FoundCert): boolean =>
    (key.localKeyId !== undefined && c.localKeyId !== undefined && equalBytes(key.localKeyId, c.localKeyId)) ||
    certificateMatchesKey(c.der, key.key.publicKey);
  const leaf = certs.find(matches);
  return leaf ? [leaf.der, ...certs.filter((c) => c !== leaf).map((c) => c.der)] : certs.map((c) => c.der);
}
