import type { CryptoProvider } from '@openseal/crypto';
import { OpenSealError, type Clock, type RandomSource } from '@openseal/kernel';
import type { TrustOptions } from '../cms/certificate-path-check.js';
import type { Certificate } from '../x509/certificate.js';
import type { OcspHashAlgorithm } from './cert-id.js';
import { createOcspRequest } from './create-ocsp-request.js';
import { OcspBadResponseError, OcspResponderError, OcspUnavailableError } from './errors.js';
import type { SingleOcspResponse } from './parse-ocsp-response.js';
import { verifyOcspResponse, type OcspVerification } from './verify-ocsp-response.js';

/** Sends a DER OCSPRequest and returns the DER OCSPResponse. */
export type OcspTransport = (requestDer: Uint8Array) => Promise<Uint8Array>;

export interface OcspClientOptions extends Omit<TrustOptions, 'revocation' | 'revocationMode'> {
  readonly provider: CryptoProvider;
  readonly random: RandomSource;
  /** Freshness of answers is checked at this clock's time. */
  readonly clock: Clock;
  /** CertID hash; default SHA-1. */
  readonly hashAlgorithm?: OcspHashAlgorithm;
  /** Send a 32-octet nonce (RFC 8954) and require it back; default true. */
  readonly nonce?: boolean;
  /** Names the responder in errors. */
  readonly responderName?: string;
  /** How old a response without nextUpdate may be. */
  readonly maxAgeSeconds?: number;
}

export interface OcspCheckResult {
  /** The DER OCSPResponse, e.g. for a PDF DSS. */
  readonly response: Uint8Array;
  readonly status: SingleOcspResponse;
  readonly verification: OcspVerification;
}

/** RFC 6960 client over an injected transport; it hands out only authentic, fresh, matching answers. */
export class OcspClient {
  readonly #transport: OcspTransport;
  readonly #options: OcspClientOptions;

  constructor(transport: OcspTransport, options: OcspClientOptions) {
    this.#transport = transport;
    this.#options = options;
  }

  async check(cert: Certificate, issuer: Certificate): Promise<OcspCheckResult> {
    const o = this.#options;
    const nonce = o.nonce === false ? undefined : o.random.bytes(32);
    const request = createOcspRequest({
      certs: [{ cert, issuer }],
      ...(nonce ? { nonce } : {}),
      hashAlgorithm: o.hashAlgorithm ?? 'SHA-1',
      provider: o.provider,
    });
    const name = o.responderName ?? 'OCSP responder';
    let response: Uint8Array;
    try {
      response = await this.#transport(request);
    } catch (e) {
      if (e instanceof OpenSealError) throw e;
      throw new OcspUnavailableError(name, e instanceof Error ? e.message : String(e), { cause: e });
    }
    const verification = await verifyOcspResponse(response, {
      ...o,
      issuer,
      certificate: cert,
      ...(nonce ? { expectedNonce: nonce } : {}),
      at: o.clock.now(),
    });
    const status = verification.response?.status;
    if (status !== undefined && status !== 'successful') throw new OcspResponderError(status);
    const withTrust = (o.trustAnchors?.length ?? 0) > 0;
    const failedChecks = verification.checks.filter((c) => c.status === 'failed').map((c) => c.code);
    if (!verification.intact || !verification.singleResponse || failedChecks.length > 0 || (withTrust && verification.indication !== 'TOTAL_PASSED')) {
      throw new OcspBadResponseError('the response does not verify', { responder: name, failed: failedChecks, indication: verification.indication });
    }
    return { response, status: verification.singleResponse, verification };
  }
}
