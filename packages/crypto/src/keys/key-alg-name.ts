import { InvalidArgumentError } from '@openseal/kernel';
import type { KeyType } from '../algorithms.js';

export type RsaBits = 2048 | 3072 | 4096;

/** A key type to generate, as the CLI names it. */
export interface KeyAlgChoice {
  readonly keyType: KeyType;
  readonly rsaBits?: RsaBits;
}

const NAMES: Readonly<Record<string, KeyAlgChoice>> = {
  sm2: { keyType: 'SM2' },
  rsa2048: { keyType: 'RSA', rsaBits: 2048 },
  rsa3072: { keyType: 'RSA', rsaBits: 3072 },
  rsa4096: { keyType: 'RSA', rsaBits: 4096 },
  p256: { keyType: 'EC-P256' },
  p384: { keyType: 'EC-P384' },
};

/** The CLI key algorithm names, in the order `--help` lists them. */
export const KEY_ALG_NAMES: readonly string[] = Object.keys(NAMES);

/** Maps a CLI name (sm2 | rsa2048 | rsa3072 | rsa4096 | p256 | p384, any case) to a key type; INVALID_ARGUMENT otherwise. */
export function parseKeyAlgName(name: string): KeyAlgChoice {
  const choice = NAMES[name.trim().toLowerCase()];
  if (!choice) throw new InvalidArgumentError(`Unknown key algorithm "${name}"; use one of ${KEY_ALG_NAMES.join(', ')}`, { name });
  return choice;
}
