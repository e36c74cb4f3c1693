import { OID } from '@openseal/asn1';
import { DIGEST_LENGTH, type CryptoProvider, type DigestAlgorithm, type SignatureAlgorithm, type Signer } from '@openseal/crypto';
import { bytesToBigInt, InvalidArgumentError, OpenSealError, utf8, type Clock, type RandomSource } from '@openseal/kernel';
import { signCms } from '../cms/sign-cms.js';
import { digestAlgorithmOf } from '../cms/signature-algorithm-of.js';
import type { Certificate } from '../x509/certificate.js';
import { derBoolean, derExplicit, derOid, derSequence, derTlv, derUnsignedInteger } from '../x509/der-writer.js';
import { derGeneralizedTime } from './generalized-time.js';
import { parseTimestampRequest, type ParsedTimestampRequest } from './parse-timestamp-request.js';
import { encodeFailureInfo, type PkiFailureInfo } from './pki-failure-info.js';

export interface TimestampResponderOptions {
  readonly signer: Signer;
  /** The TSA certificate: RFC 3161 §2.3 critical extKeyUsage id-kp-timeStamping only. */
  readonly certificate: Certificate;
  /** Issuer chain embedded after the TSA certificate when the request has certReq. */
  readonly chain?: readonly Certificate[];
  readonly clock: Clock;
  /** Source of serial numbers (RFC 3161 §2.4.2: unique per token; 128 random bits here). */
  readonly random: RandomSource;
  readonly provider: CryptoProvider;
  /** The TSA policy OID put into tokens when the request names none. */
  readonly policy: string;
  /** Policies a request may ask for; default only `policy`. */
  readonly acceptedPolicies?: readonly string[];
  /** Imprint hash algorithms accepted; default SHA-256, SHA-384, SHA-512 and SM3. */
  readonly acceptedDigestAlgorithms?: readonly DigestAlgorithm[];
  readonly accuracy?: { readonly seconds?: number; readonly millis?: number; readonly micros?: number };
  /** RFC 3161 ordering; default false. */
  readonly ordering?: boolean;
  /** Put the TSA certificate's subject into TSTInfo.tsa. */
  readonly includeTsaName?: boolean;
  /** Default: the signer's algorithm. */
  readonly signatureAlgorithm?: SignatureAlgorithm;
  /** Give genTime with milliseconds (default true). */
  readonly fractionalSeconds?: boolean;
}

const DEFAULT_DIGESTS: readonly DigestAlgorithm[] = ['SHA-256', 'SHA-384', 'SHA-512', 'SM3'];

/**
 * An RFC 3161 responder as a pure function: TimeStampReq DER in, TimeStampResp DER out. Bad
 * requests get a rejection with PKIFailureInfo (badDataFormat, badAlg, badRequest, unacceptedPolicy,
 * unacceptedExtension); throws only when the TSA itself is misconfigured or its signer fails.
 */
export async function createTimestampResponse(requestDer: Uint8Array, options: TimestampResponderOptions): Promise<Uint8Array> {
  const eku = options.certificate.extensions.extKeyUsage;
  if (!eku || !eku.critical || eku.purposes.length !== 1 || eku.purposes[0] !== OID.kpTimeStamping) {
    throw new InvalidArgumentError('the TSA certificate needs a critical extKeyUsage of id-kp-timeStamping only (RFC 3161 §2.3)');
  }
  let request: ParsedTimestampRequest;
  try {
    request = parseTimestampRequest(requestDer);
  } catch (e) {
    if (!(e instanceof OpenSealError)) throw e;
    return rejection('badDataFormat', 'request is not a DER TimeStampReq');
  }
  if (request.version !== 1) return rejection('badRequest', 'unsupported TimeStampReq version');
  let digestAlgorithm: DigestAlgorithm;
  try {
    digestAlgorithm = digestAlgorithmOf({ oid: request.messageImprint.hashAlgorithmOid });
  } catch (e) {
    if (!(e instanceof OpenSealError)) throw e;
    return rejection('badAlg', `unsupported hash algorithm ${request.messageImprint.hashAlgorithmOid}`);
  }
  if (!(options.acceptedDigestAlgorithms ?? DEFAULT_DIGESTS).includes(digestAlgorithm)) {
    return rejection('badAlg', `hash algorithm ${digestAlgorithm} not accepted`);
  }
  if (request.messageImprint.digest.length !== DIGEST_LENGTH[digestAlgorithm]) {
    return rejection('badDataFormat', 'messageImprint length does not match its hash algorithm');
  }
  const accepted = options.acceptedPolicies ?? [options.policy];
  if (request.reqPolicy !== undefined && !accepted.includes(request.reqPolicy)) {
    return rejection('unacceptedPolicy', `policy ${request.reqPolicy} not accepted`);
  }
  if (request.extensions.length > 0) return rejection('unacceptedExtension', 'request extensions are not supported');

  const tstInfo = encodeTstInfo(request, options);
  const token = await signCms({
    content: tstInfo,
    signer: options.signer,
    ...(options.signatureAlgorithm ? { signatureAlgorithm: options.signatureAlgorithm } : {}),
    signerCertificate: options.certificate,
    certificates: options.chain ?? [],
    embedCertificates: request.certReq,
    signedAttributes: { contentType: OID.tstInfo, signingCertificateV2: true },
    provider: options.provider,
  });
  return derSequence(derSequence(derUnsignedInteger(0n)), token);
}

/**
 * RFC 3161 §2.4.2 TSTInfo ::= SEQUENCE { version INTEGER { v1(1) }, policy TSAPolicyId, messageImprint,
 *   serialNumber INTEGER, genTime GeneralizedTime, accuracy Accuracy OPTIONAL, ordering BOOLEAN DEFAULT FALSE,
 *   nonce INTEGER OPTIONAL, tsa [0] GeneralName OPTIONAL, extensions [1] IMPLICIT Extensions OPTIONAL }
 */
function encodeTstInfo(request: ParsedTimestampRequest, options: TimestampResponderOptions): Uint8Array {
  const serial = options.random.bytes(16);
  serial[0] = ((serial[0] as number) & 0x7f) | 0x01; // positive and never zero
  const acc = options.accuracy;
  const accuracy = acc
    ? derSequence(
        ...(acc.seconds !== undefined ? [derUnsignedInteger(BigInt(acc.seconds))] : []),
        ...(acc.millis !== undefined ? [derTlv(0x80, integerContent(acc.millis))] : []),
        ...(acc.micros !== undefined ? [derTlv(0x81, integerContent(acc.micros))] : []),
      )
    : undefined;
  return derSequence(
    derUnsignedInteger(1n),
    derOid(request.reqPolicy ?? options.policy),
    request.messageImprintDer,
    derUnsignedInteger(bytesToBigInt(serial)),
    derGeneralizedTime(options.clock.now(), options.fractionalSeconds !== false),
    ...(accuracy ? [accuracy] : []),
    ...(options.ordering ? [derBoolean(true)] : []),
    ...(request.nonceDer ? [request.nonceDer] : []),
    // GeneralName directoryName [4] is EXPLICIT (Name is a CHOICE), inside tsa [0] EXPLICIT.
    ...(options.includeTsaName ? [derExplicit(0, derTlv(0xa4, options.certificate.subject.der))] : []),
  );
}

function integerContent(n: number): Uint8Array {
  return derUnsignedInteger(BigInt(n)).subarray(2);
}

/** TimeStampResp with PKIStatus rejection (2), a status text and one failure bit. */
function rejection(info: PkiFailureInfo, text: string): Uint8Array {
  const statusString = derSequence(derTlv(0x0c, utf8(text)));
  return derSequence(derSequence(derUnsignedInteger(2n), statusString, encodeFailureInfo(info)));
}
