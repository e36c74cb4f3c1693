import { OpenSealError } from '@openseal/kernel';

/** The TSA could not be reached or did not answer in time. */
export class TimestampUnavailableError extends OpenSealError {
  readonly code = 'TSA_UNAVAILABLE';
  constructor(readonly tsaUrl: string, reason: string, options?: ErrorOptions) {
    super(`TSA did not answer: ${tsaUrl} (${reason})`, { tsaUrl, reason }, options);
  }
}

/** The TSA answered, but not with a usable, matching TimeStampResp/token. */
export class TimestampBadResponseError extends OpenSealError {
  readonly code = 'TSA_BAD_RESPONSE';
  constructor(reason: string, details: Record<string, unknown> = {}, options?: ErrorOptions) {
    super(`Unusable TSA response: ${reason}`, details, options);
  }
}

/** The TSA refused the request (PKIStatus rejection/waiting/revocation…, RFC 3161 §2.4.2). */
export class TimestampRejectedError extends OpenSealError {
  readonly code = 'TSA_REJECTED';
  constructor(status: string, failInfo: readonly string[], statusText: readonly string[]) {
    super(`TSA rejected the request: ${status}${failInfo.length ? ` (${failInfo.join(', ')})` : ''}`, {
      status,
      failInfo: [...failInfo],
      statusText: [...statusText],
    });
  }
}

/** A TimeStampReq that cannot be read. */
export class TimestampRequestMalformedError extends OpenSealError {
  readonly code = 'TSA_BAD_REQUEST';
  constructor(reason: string, details: Record<string, unknown> = {}, options?: ErrorOptions) {
    super(`Malformed TimeStampReq: ${reason}`, details, options);
  }
}

/** A TimeStampToken that is not a SignedData over a readable TSTInfo. */
export class TimestampTokenMalformedError extends OpenSealError {
  readonly code = 'TSA_MALFORMED';
  constructor(reason: string, details: Record<string, unknown> = {}, options?: ErrorOptions) {
    super(`Malformed TimeStampToken: ${reason}`, details, options);
  }
}
