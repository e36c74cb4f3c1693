import { parsePublicKey } from '@openseal/crypto';
import { equalBytes } from '@openseal/kernel';

/** Whether two SubjectPublicKeyInfos hold the same key (encodings may differ, e.g. RSA NULL parameters). */
export function samePublicKey(a: Uint8Array, b: Uint8Array): boolean {
  if (equalBytes(a, b)) return true;
  const x = parsePublicKey(a);
  const y = parsePublicKey(b);
  if (x.keyType === 'RSA' || y.keyType === 'RSA') {
    return x.keyType === 'RSA' && y.keyType === 'RSA' && x.modulus === y.modulus && x.publicExponent === y.publicExponent;
  }
  return x.keyType === y.keyType && equalBytes(x.point, y.point);
}
