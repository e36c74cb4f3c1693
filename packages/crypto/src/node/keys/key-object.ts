import { createPrivateKey, type KeyObject } from 'node:crypto';
import { CryptoUnsupportedError } from '../../errors.js';
import { exportPrivateKeyPkcs8 } from '../../keys/pkcs8.js';
import type { EcPrivateKey, RsaPrivateKey } from '../../keys/private-key.js';

/**
 * A node:crypto KeyObject for an RSA or NIST EC key. SM2 keys are refused: Node signs SM2 with an
 * empty user ID (or as ECDSA), never the GM/T 0009 default, so SM2 goes through sm2Sign.
 */
export function toNodeKeyObject(key: RsaPrivateKey | EcPrivateKey): KeyObject {
  if (key.keyType === 'SM2') throw new CryptoUnsupportedError('node:crypto KeyObject for SM2 keys (use sm2Sign)');
  if (key.keyType === 'RSA') return createPrivateKey({ key: Buffer.from(key.pkcs1), format: 'der', type: 'pkcs1' });
  return createPrivateKey({ key: Buffer.from(exportPrivateKeyPkcs8(key)), format: 'der', type: 'pkcs8' });
}
