import type { KeyType } from '@openseal/crypto';
import { isOpenSealError, toHex } from '@openseal/kernel';
import { attributeBoolean, attributeString, attributeUlong } from './attribute-values.js';
import { CKA, CKK, CKO } from './constants.js';
import type { Pkcs11Session } from './pkcs11-session.js';
import { keyTypeFromEcParams } from './token-public-key.js';

/** One key or certificate on a token, as an administrator sees it (no secret values). */
export interface TokenObjectSummary {
  readonly kind: 'private-key' | 'public-key' | 'certificate';
  readonly label: string;
  /** CKA_ID in hex; a key pair and its certificate share it. */
  readonly id: string;
  /** OpenSeal's key type when recognised (RSA, EC-P256, EC-P384, SM2). */
  readonly keyType?: KeyType;
  /** CK_KEY_TYPE as the token reports it. */
  readonly ckk?: number;
  readonly modulusBits?: number;
  readonly canSign?: boolean;
  readonly sensitive?: boolean;
  readonly extractable?: boolean;
  readonly alwaysAuthenticate?: boolean;
  /** DER of a certificate object (CKA_VALUE). */
  readonly certificate?: Uint8Array;
}

const KIND: ReadonlyMap<number, TokenObjectSummary['kind']> = new Map([
  [CKO.PRIVATE_KEY, 'private-key'],
  [CKO.PUBLIC_KEY, 'public-key'],
  [CKO.CERTIFICATE, 'certificate'],
]);

function recognisedKeyType(ckk: number | undefined, ecParams: Uint8Array | undefined): KeyType | undefined {
  if (ckk === CKK.RSA) return 'RSA';
  if (ckk !== CKK.EC || ecParams === undefined) return undefined;
  try {
    return keyTypeFromEcParams(ecParams);
  } catch (e) {
    // A curve OpenSeal does not sign with is listed without a key type, not an error.
    if (isOpenSealError(e)) return undefined;
    throw e;
  }
}

/** Keys and certificates on the token (private keys are listed only after login). */
export async function listTokenObjects(session: Pkcs11Session): Promise<TokenObjectSummary[]> {
  const out: TokenObjectSummary[] = [];
  for (const [cko, kind] of KIND) {
    for (const handle of await session.findObjects([{ type: CKA.CLASS, value: cko }])) {
      const a = await session.readAttributes(handle, [
        CKA.LABEL, CKA.ID, CKA.KEY_TYPE, CKA.MODULUS, CKA.MODULUS_BITS, CKA.EC_PARAMS,
        CKA.SIGN, CKA.SENSITIVE, CKA.EXTRACTABLE, CKA.ALWAYS_AUTHENTICATE, ...(kind === 'certificate' ? [CKA.VALUE] : []),
      ]);
      const ckk = kind === 'certificate' ? undefined : attributeUlong(a.get(CKA.KEY_TYPE));
      const keyType = recognisedKeyType(ckk, a.get(CKA.EC_PARAMS));
      const modulus = a.get(CKA.MODULUS);
      const modulusBits = attributeUlong(a.get(CKA.MODULUS_BITS)) ?? (modulus ? modulus.length * 8 : undefined);
      const flags = {
        canSign: attributeBoolean(a.get(CKA.SIGN)),
        sensitive: attributeBoolean(a.get(CKA.SENSITIVE)),
        extractable: attributeBoolean(a.get(CKA.EXTRACTABLE)),
        alwaysAuthenticate: attributeBoolean(a.get(CKA.ALWAYS_AUTHENTICATE)),
      };
      const certificate = a.get(CKA.VALUE);
      out.push({
        kind,
        label: attributeString(a.get(CKA.LABEL)),
        id: toHex(a.get(CKA.ID) ?? new Uint8Array(0)),
        ...(keyType === undefined ? {} : { keyType }),
        ...(ckk === undefined ? {} : { ckk }),
        ...(modulusBits === undefined || keyType !== 'RSA' ? {} : { modulusBits }),
        ...(kind === 'private-key' ? definedOnly(flags) : {}),
        ...(certificate === undefined ? {} : { certificate }),
      });
    }
  }
  return out;
}

function definedOnly<T extends Record<string, boolean | undefined>>(values: T): { [K in keyof T]?: boolean } {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)) as { [K in keyof T]?: boolean };
}
