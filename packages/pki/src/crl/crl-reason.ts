/** CRLReason (RFC 5280 §5.3.1); value 7 is unused. */
export const CRL_REASONS = {
  unspecified: 0,
  keyCompromise: 1,
  cACompromise: 2,
  affiliationChanged: 3,
  superseded: 4,
  cessationOfOperation: 5,
  certificateHold: 6,
  removeFromCRL: 8,
  privilegeWithdrawn: 9,
  aACompromise: 10,
} as const;

export type CrlReason = keyof typeof CRL_REASONS;

const BY_CODE: ReadonlyMap<number, CrlReason> = new Map(Object.entries(CRL_REASONS).map(([k, v]) => [v, k as CrlReason]));

export function crlReasonFromCode(code: number): CrlReason | undefined {
  return BY_CODE.get(code);
}
