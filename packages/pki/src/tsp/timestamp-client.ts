import type { CryptoProvider, DigestAlgorithm } from '@openseal/crypto';
import { OpenSealError, type Clock, type RandomSource } from '@openseal/kernel';
import type { TrustOptions } from '../cms/certificate-path-check.js';
import { createTimestampRequest, randomNonce } from './create-timestamp-request.js';
import { TimestampBadResponseError, TimestampRejectedError, TimestampUnavailableError } from './errors.js';
import { parseTimestampResponse } from './parse-timestamp-response.js';
import type { TimestampInfo } from './parse-timestamp-token.js';
import { verifyTimestampToken, type TimestampVerification } from './verify-timestamp-token.js';

/** Sends a DER TimeStampReq and returns the DER TimeStampResp (HTTP, a queue, an in-process TSA…). */
export type TimestampTransport = (requestDer: Uint8Array) => Promise<Uint8Array>;

export interface TimestampClientOptions extends TrustOptions {
  readonly provider: CryptoProvider;
  /** Source of request nonces. */
  readonly random: RandomSource;
  /** Imprint hash when `timestamp` is given data; default SHA-256. */
  readonly digestAlgorithm?: DigestAlgorithm;
  readonly policy?: string;
  /** Default true: the token then carries the TSA certificate (PAdES needs it). */
  readonly certReq?: boolean;
  /** Names the TSA in errors. */
  readonly tsaName?: string;
  /** With trust anchors, the TSA chain must validate at this clock's time. */
  readonly clock?: Clock;
}

export interface TimestampResult {
  /** DER TimeStampToken, ready for an unsigned attribute or a PDF document timestamp. */
  readonly token: Uint8Array;
  readonly info: TimestampInfo;
  readonly verification: TimestampVerification;
}

/**
 * RFC 3161 client over an injected transport. It checks status, nonce, imprint, the token signature
 * and ESS binding (and, with trust anchors, the TSA chain) before handing out a token.
 */
export class TimestampClient {
  readonly #transport: TimestampTransport;
  readonly #options: TimestampClientOptions;

  constructor(transport: TimestampTransport, options: TimestampClientOptions) {
    this.#transport = transport;
    this.#options = options;
  }

  /** Timestamps data (hashed here) or a digest computed by the caller. */
  async timestamp(input: { readonly data: Uint8Array } | { readonly digest: Uint8Array; readonly digestAlgorithm: DigestAlgorithm }): Promise<TimestampResult> {
    const o = this.#options;
    const digestAlgorithm = 'data' in input ? (o.digestAlgorithm ?? 'SHA-256') : input.digestAlgorithm;
    const digest = 'data' in input ? o.provider.digest(digestAlgorithm, input.data) : input.digest;
    const nonce = randomNonce(o.random);
    const request = createTimestampRequest({
      digest,
      digestAlgorithm,
      nonce,
      certReq: o.certReq !== false,
      ...(o.policy ? { policy: o.policy } : {}),
    });
    const name = o.tsaName ?? 'TSA';
    let responseDer: Uint8Array;
    try {
      responseDer = await this.#transport(request);
    } catch (e) {
      if (e instanceof OpenSealError) throw e;
      throw new TimestampUnavailableError(name, e instanceof Error ? e.message : String(e), { cause: e });
    }
    const response = parseTimestampResponse(responseDer);
    if (response.status !== 'granted' && response.status !== 'grantedWithMods') {
      throw new TimestampRejectedError(response.status, response.failInfo, response.statusText);
    }
    const token = response.token;
    if (!token) throw new TimestampBadResponseError('granted without a token', { tsa: name });
    const withTrust = o.trustAnchors !== undefined && o.trustAnchors.length > 0;
    const verification = await verifyTimestampToken(token, {
      ...o,
      expectedImprint: { digest, digestAlgorithm },
      expectedNonce: nonce,
      ...(withTrust && o.clock ? { at: o.clock.now() } : {}),
    });
    const failures = verification.checks.filter((c) => c.status === 'failed');
    if (!verification.intact || (withTrust && verification.indication !== 'TOTAL_PASSED')) {
      throw new TimestampBadResponseError('the token does not verify', {
        tsa: name,
        failed: failures.map((c) => c.code),
        indication: verification.indication,
      });
    }
    if (o.policy && verification.info?.policy !== o.policy) {
      throw new TimestampBadResponseError('the token names another policy', { tsa: name, expected: o.policy, actual: verification.info?.policy });
    }
    if (!verification.info) throw new TimestampBadResponseError('no TSTInfo', { tsa: name });
    return { token, info: verification.info, verification };
  }
}
