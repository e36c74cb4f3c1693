import { OcspBadResponseError, OcspUnavailableError, type OcspTransport } from '@openseal/pki';
import { postDer, type HttpTransportOptions } from './post-der.js';

/**
 * RFC 6960 Appendix A.1 over HTTP: POST application/ocsp-request, answer application/ocsp-response.
 * Failures are OCSP_UNAVAILABLE (network, timeout, 5xx) or OCSP_BAD_RESPONSE (status, type, size).
 */
export function createHttpOcspTransport(url: string, options: HttpTransportOptions = {}): OcspTransport {
  return (requestDer) =>
    postDer({ url, body: requestDer, contentType: 'application/ocsp-request', accept: ['application/ocsp-response'] }, options, {
      unavailable: (reason, cause) => new OcspUnavailableError(url, reason, cause === undefined ? undefined : { cause }),
      badResponse: (reason, details) => new OcspBadResponseError(reason, { responderUrl: url, ...details }),
    });
}
