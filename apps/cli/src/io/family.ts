import type { KeyType } from '@openseal/crypto';
import { CliUsageError } from '../errors.js';

/** Algorithm families the PKI commands accept (`--alg`). */
export const FAMILIES: Readonly<Record<string, KeyType>> = {
  sm2: 'SM2',
  rsa: 'RSA',
  ecdsa: 'EC-P256',
  p256: 'EC-P256',
  p384: 'EC-P384',
};

export function parseFamily(name: string): KeyType {
  const keyType = FAMILIES[name.toLowerCase()];
  if (!keyType) throw new CliUsageError(`unknown algorithm "${name}" (use ${Object.keys(FAMILIES).join(', ')})`);
  return keyType;
}
