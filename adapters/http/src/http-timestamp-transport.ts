import { TimestampBadResponseError, TimestampUnavailableError, type TimestampTransport } from '@openseal/pki';
import { postDer, type HttpTransportOptions } from './post-der.js';

/**
 * RFC 3161 §3.4 over HTTP: POST application/timestamp-query, answer application/timestamp-reply.
 * Failures are TSA_UNAVAILABLE (network, timeout, 5xx) or TSA_BAD_RESPONSE (status, type, size).
 */
export function createHttpTimestampTransport(url: string, options: HttpTransportOptions = {}): TimestampTransport {
  return (requestDer) =>
    postDer(
      // Some TSAs still answer with the pre-RFC media type application/timestamp-response.
      { url, body: requestDer, contentType: 'application/timestamp-query', accept: ['application/timestamp-reply', 'application/timestamp-response'] },
      options,
      {
        unavailable: (reason, cause) => new TimestampUnavailableError(url, reason, cause === undefined ? undefined : { cause }),
        badResponse: (reason, details) => new TimestampBadResponseError(reason, { tsaUrl: url, ...details }),
      },
    );
}
