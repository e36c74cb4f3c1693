import { OpenSealError } from '@openseal/kernel';

/** The OCSP responder could not be reached or did not answer in time. */
export class OcspUnavailableError extends OpenSealError {
  readonly code = 'OCSP_UNAVAILABLE';
  constructor(readonly responderUrl: string, reason: string, options?: ErrorOptions) {
    super(`OCSP responder did not answer: ${responderUrl} (${reason})`, { responderUrl, reason }, options);
  }
}

/** The responder answered with something that is not a usable, matching, authentic OCSP response. */
export class OcspBadResponseError extends OpenSealError {
  readonly code = 'OCSP_BAD_RESPONSE';
  constructor(reason: string, details: Record<string, unknown> = {}, options?: ErrorOptions) {
    super(`Unusable OCSP response: ${reason}`, details, options);
  }
}

/** The responder refused (RFC 6960 §4.2.1 status other than successful: tryLater, unauthorized…). */
export class OcspResponderError extends OpenSealError {
  readonly code = 'OCSP_RESPONDER_ERROR';
  constructor(readonly status: string) {
    super(`OCSP responder answered ${status}`, { status });
  }
}

/** An OCSPRequest that cannot be read. */
export class OcspRequestMalformedError extends OpenSealError {
  readonly code = 'OCSP_BAD_REQUEST';
  constructor(reason: string, details: Record<string, unknown> = {}, options?: ErrorOptions) {
    super(`Malformed OCSPRequest: ${reason}`, details, options);
  }
}
