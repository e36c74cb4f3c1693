/**
 * Where the user PIN comes from. A function is asked each time a login is needed (also for the
 * re-login after CKR_USER_NOT_LOGGED_IN), so the signer need not keep the PIN itself; JS strings
 * cannot be wiped, so the best we can do is hold them briefly. A PIN pad or biometric reader
 * (CKF_PROTECTED_AUTHENTICATION_PATH) takes `{ protectedAuthenticationPath: true }`.
 */
export type PinSource = string | (() => string | Promise<string>) | { readonly protectedAuthenticationPath: true };

/** The PIN to pass to C_Login, or undefined for a protected authentication path (NULL PIN). */
export async function resolvePin(source: PinSource): Promise<string | undefined> {
  if (typeof source === 'string') return source;
  if (typeof source === 'function') return await source();
  return undefined;
}
