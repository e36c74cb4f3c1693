import { createHash } from 'node:crypto';
import { AuthenticatedSafe, CertBag, PFX, SafeBag, SafeContents, id_certBag, id_pkcs8ShroudedKeyBag, id_x509Certificate } from '@peculiar/asn1-pfx';
import { ContentInfo, EncryptedContent, EncryptedContentInfo, id_data, id_encryptedData } from '@peculiar/asn1-cms';
import { OctetString } from '@peculiar/asn1-schema';
import { encodeDer } from '@openseal/asn1';
import { InvalidArgumentError, utf8, type RandomSource } from '@openseal/kernel';
import { certificateMatchesKey } from '../../keys/certificate-matches-key.js';
import { EncryptedData } from '../../keys/encrypted-data.js';
import { encodeBagAttributes } from '../../keys/pkcs12-attributes.js';
import type { PrivateKey } from '../../keys/private-key.js';
import { cbcCipherByName } from './cbc-cipher.js';
import { encryptPrivateKey } from './encrypted-private-key.js';
import { pbes2Encrypt } from './pbes2.js';
import { createPkcs12Mac } from './pkcs12-mac.js';

/**
 * Iterations for PBKDF2 and the MAC when none are given. Higher than OpenSSL's 2048 (the MAC lets
 * an attacker test passwords, so it gets the same count), lower than PKCS#8's because the PKCS#12
 * MAC KDF runs in JavaScript (≈70 ms for 100k SHA-256 iterations here).
 */
export const DEFAULT_PKCS12_ITERATIONS = 100_000;

export interface WritePkcs12Options {
  passphrase: string;
  random: RandomSource;
  friendlyName?: string;
  iterations?: number;
  /** Default AES-256-CBC (what OpenSSL 3 writes); SM4-CBC for GM-only environments. */
  cipher?: 'AES-256-CBC' | 'SM4-CBC';
}

/**
 * Writes a PKCS#12 PFX as OpenSSL 3 does by default: certificates in a PBES2-encrypted container,
 * the key in a PBES2 shrouded key bag (PBKDF2-HMAC-SHA256), SHA-256 password MAC. The certificate
 * whose public key matches the key shares its localKeyId (SHA-1 of the certificate, as OpenSSL sets it).
 */
export function writePkcs12(key: PrivateKey, certificates: readonly Uint8Array[], options: WritePkcs12Options): Uint8Array {
  if (options.passphrase.length === 0) throw new InvalidArgumentError('An empty passphrase cannot protect a PKCS#12 file');
  const iterations = options.iterations ?? DEFAULT_PKCS12_ITERATIONS;
  const cipherName = options.cipher ?? 'AES-256-CBC';
  const cipher = cbcCipherByName(cipherName);
  if (!cipher) throw new InvalidArgumentError(`Unknown cipher ${cipherName}`);
  const leaf = certificates.find((c) => certificateMatchesKey(c, key.publicKey));
  const localKeyId = leaf ? new Uint8Array(createHash('sha1').update(leaf).digest()) : undefined;
  const friendly = options.friendlyName === undefined ? {} : { friendlyName: options.friendlyName };

  const safes: ContentInfo[] = [];
  if (certificates.length > 0) {
    const certBags = new SafeContents(
      certificates.map((c) => {
        const bag = new SafeBag({
          bagId: id_certBag,
          bagValue: buf(encodeDer(new CertBag({ certId: id_x509Certificate, certValue: buf(encodeDer(new OctetString(c))) }))),
        });
        const attrs = encodeBagAttributes(c === leaf ? { ...friendly, ...(localKeyId ? { localKeyId } : {}) } : {});
        if (attrs) bag.bagAttributes = attrs;
        return bag;
      }),
    );
    const { algorithm, ciphertext } = pbes2Encrypt(encodeDer(certBags), utf8(options.passphrase), { cipher, prf: 'HMAC-SHA256', iterations, random: options.random });
    const encrypted = new EncryptedData({
      version: 0,
      encryptedContentInfo: new EncryptedContentInfo({
        contentType: id_data,
        contentEncryptionAlgorithm: algorithm,
        encryptedContent: new EncryptedContent({ value: new OctetString(ciphertext) }),
      }),
    });
    safes.push(new ContentInfo({ contentType: id_encryptedData, content: buf(encodeDer(encrypted)) }));
  }
  const keyBag = new SafeBag({
    bagId: id_pkcs8ShroudedKeyBag,
    bagValue: buf(encryptPrivateKey(key, options.passphrase, { cipher: cipher.name as 'AES-256-CBC' | 'SM4-CBC', iterations, random: options.random })),
  });
  const keyAttrs = encodeBagAttributes({ ...friendly, ...(localKeyId ? { localKeyId } : {}) });
  if (keyAttrs) keyBag.bagAttributes = keyAttrs;
  safes.push(dataContentInfo(encodeDer(new SafeContents([keyBag]))));

  const authSafe = encodeDer(new AuthenticatedSafe(safes));
  const pfx = new PFX({
    version: 3,
    authSafe: dataContentInfo(authSafe),
    macData: createPkcs12Mac(authSafe, options.passphrase, options.random.bytes(16), iterations),
  });
  return encodeDer(pfx);
}

function dataContentInfo(content: Uint8Array): ContentInfo {
  return new ContentInfo({ contentType: id_data, content: buf(encodeDer(new OctetString(content))) });
}

function buf(bytes: Uint8Array): ArrayBuffer {
  return bytes.slice().buffer as ArrayBuffer;
}
