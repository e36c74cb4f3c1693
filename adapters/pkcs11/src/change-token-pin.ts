import { utf8 } from '@openseal/kernel';
import { Pkcs11Error } from './errors.js';
import type { Pkcs11Session } from './pkcs11-session.js';

/**
 * Changes the user PIN (C_SetPIN) on a read-write session. A wrong old PIN is
 * PKCS11_PIN_INCORRECT; a new PIN outside the token's policy is PKCS11_PIN_INVALID.
 */
export async function changeTokenPin(session: Pkcs11Session, oldPin: string, newPin: string): Promise<void> {
  if (!session.readWrite) {
    throw new Pkcs11Error('PKCS11_NOT_PERMITTED', { token: session.token.label }, { reason: 'changing the PIN needs a read-write session' });
  }
  const { minPinLength, maxPinLength } = session.token;
  const length = utf8(newPin).length; // ulMinPinLen/ulMaxPinLen count bytes (PKCS#11 v2.40 §3.2)
  if (length < minPinLength || (maxPinLength > 0 && length > maxPinLength)) {
    throw new Pkcs11Error('PKCS11_PIN_INVALID', { token: session.token.label, minPinLength, maxPinLength }, { reason: 'the new PIN length is outside the token policy' });
  }
  await session.setPin(oldPin, newPin);
}
