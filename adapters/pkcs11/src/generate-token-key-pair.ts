import { randomBytes } from 'node:crypto';
import { attributeBoolean } from './attribute-values.js';
import { CKA, CKK, CKM, CKO } from './constants.js';
import { Pkcs11Error } from './errors.js';
import type { Pkcs11Session } from './pkcs11-session.js';
import type { Pkcs11Attribute } from './pkcs11-values.js';
import { describePrivateKey } from './token-key.js';
import { ecParamsFor } from './token-public-key.js';

export interface KeyPairSpec {
  /** SM2 works only on tokens that model it as CKK_EC on the SM2 curve. */
  readonly keyType: 'RSA' | 'EC-P256' | 'EC-P384' | 'SM2';
  /** RSA only; 2048 unless given. */
  readonly modulusBits?: 2048 | 3072 | 4096;
  readonly label: string;
  /** CKA_ID shared by the pair and, later, its certificate; 20 random bytes unless given. */
  readonly id?: Uint8Array;
}

export interface GeneratedKeyPair {
  readonly id: Uint8Array;
  readonly label: string;
  readonly keyType: KeyPairSpec['keyType'];
  /** DER SubjectPublicKeyInfo, for a certificate request. */
  readonly publicKey: Uint8Array;
}

// RFC 8017 / NIST SP 800-56B: e = 65537.
const F4 = new Uint8Array([0x01, 0x00, 0x01]);

/**
 * Generates a signing key pair inside the token (read-write session, logged in as user). The
 * private key is CKA_SENSITIVE and not extractable; a token that does not honour that fails the call
 * and the pair is destroyed.
 */
export async function generateTokenKeyPair(session: Pkcs11Session, spec: KeyPairSpec): Promise<GeneratedKeyPair> {
  const id = spec.id ?? new Uint8Array(randomBytes(20));
  const rsa = spec.keyType === 'RSA';
  const common: Pkcs11Attribute[] = [
    { type: CKA.KEY_TYPE, value: rsa ? CKK.RSA : CKK.EC },
    { type: CKA.TOKEN, value: true },
    { type: CKA.LABEL, value: spec.label },
    { type: CKA.ID, value: id },
  ];
  const publicTemplate: Pkcs11Attribute[] = [
    { type: CKA.CLASS, value: CKO.PUBLIC_KEY },
    ...common,
    { type: CKA.PRIVATE, value: false },
    { type: CKA.VERIFY, value: true },
    ...(rsa
      ? [
          { type: CKA.MODULUS_BITS, value: spec.modulusBits ?? 2048 },
          { type: CKA.PUBLIC_EXPONENT, value: F4 },
          { type: CKA.ENCRYPT, value: false },
          { type: CKA.WRAP, value: false },
        ]
      : [{ type: CKA.EC_PARAMS, value: ecParamsFor(spec.keyType as 'SM2' | 'EC-P256' | 'EC-P384') }]),
  ];
  const privateTemplate: Pkcs11Attribute[] = [
    { type: CKA.CLASS, value: CKO.PRIVATE_KEY },
    ...common,
    { type: CKA.PRIVATE, value: true },
    { type: CKA.SENSITIVE, value: true },
    { type: CKA.EXTRACTABLE, value: false },
    { type: CKA.SIGN, value: true },
    { type: CKA.DERIVE, value: false },
    ...(rsa ? [{ type: CKA.DECRYPT, value: false }, { type: CKA.UNWRAP, value: false }] : []),
  ];
  const pair = await session.generateKeyPair({ mechanism: rsa ? CKM.RSA_PKCS_KEY_PAIR_GEN : CKM.EC_KEY_PAIR_GEN }, publicTemplate, privateTemplate);
  try {
    const flags = await session.readAttributes(pair.privateKey, [CKA.SENSITIVE, CKA.EXTRACTABLE]);
    if (attributeBoolean(flags.get(CKA.SENSITIVE)) !== true || attributeBoolean(flags.get(CKA.EXTRACTABLE)) !== false) {
      throw new Pkcs11Error('PKCS11_NOT_PERMITTED', { token: session.token.label, label: spec.label }, { reason: 'the token did not make the private key sensitive and non-extractable' });
    }
    const key = await describePrivateKey(session, pair.privateKey);
    return { id, label: spec.label, keyType: spec.keyType, publicKey: key.publicKey };
  } catch (e) {
    await session.destroyObject(pair.privateKey);
    await session.destroyObject(pair.publicKey);
    throw e;
  }
}
