import { BasicOCSPResponse, OCSPResponse, OCSPResponseStatus } from '@peculiar/asn1-ocsp';
import { OID, encodeDer, parseDer } from '@openseal/asn1';
import { OpenSealError } from '@openseal/kernel';
import type { AlgorithmIdentifierValue } from '../cms/parse-signed-data.js';
import { crlReasonFromCode, type CrlReason } from '../crl/crl-reason.js';
import { derChildren, derNodeAt, derSlice, type DerNode } from '../x509/der-reader.js';
import { DistinguishedName } from '../x509/distinguished-name.js';
import type { CertIdValue } from './cert-id.js';
import { OcspBadResponseError } from './errors.js';
import { certIdValue, nonceValue } from './ocsp-values.js';

export type OcspResponseStatusName = 'successful' | 'malformedRequest' | 'internalError' | 'tryLater' | 'sigRequired' | 'unauthorized';

const STATUS: Readonly<Record<number, OcspResponseStatusName>> = {
  [OCSPResponseStatus.successful]: 'successful',
  [OCSPResponseStatus.malformedRequest]: 'malformedRequest',
  [OCSPResponseStatus.internalError]: 'internalError',
  [OCSPResponseStatus.tryLater]: 'tryLater',
  [OCSPResponseStatus.sigRequired]: 'sigRequired',
  [OCSPResponseStatus.unauthorized]: 'unauthorized',
};

/** RFC 6960 §4.2.1 SingleResponse in friendly form. */
export interface SingleOcspResponse {
  readonly certId: CertIdValue;
  readonly status: 'good' | 'revoked' | 'unknown';
  readonly revokedAt?: Date;
  readonly reason?: CrlReason;
  readonly thisUpdate: Date;
  readonly nextUpdate?: Date;
}

export interface BasicOcspResponse {
  /** The ResponseData DER exactly as received: what the signature covers. */
  readonly tbsResponseData: Uint8Array;
  readonly responderId: { readonly byName: DistinguishedName } | { readonly byKey: Uint8Array };
  readonly producedAt: Date;
  readonly responses: readonly SingleOcspResponse[];
  readonly nonce?: Uint8Array;
  readonly signatureAlgorithm: AlgorithmIdentifierValue;
  readonly signature: Uint8Array;
  /** DER of each certificate in `certs`, as received. */
  readonly certificates: readonly Uint8Array[];
}

export interface OcspResponse {
  readonly status: OcspResponseStatusName;
  /** Present for a successful id-pkix-ocsp-basic response. */
  readonly basic?: BasicOcspResponse;
}

/** Parses an RFC 6960 OCSPResponse (basic responses only). Throws OCSP_BAD_RESPONSE for anything unreadable. */
export function parseOcspResponse(der: Uint8Array): OcspResponse {
  try {
    const resp = parseDer(der, OCSPResponse, 'OCSPResponse');
    const status = STATUS[resp.responseStatus];
    if (!status) throw new OcspBadResponseError('unknown responseStatus', { responseStatus: resp.responseStatus });
    if (status !== 'successful') return { status };
    const bytes = resp.responseBytes;
    if (!bytes) throw new OcspBadResponseError('successful response without responseBytes');
    if (bytes.responseType !== OID.ocspBasic) throw new OcspBadResponseError('not a basic OCSP response', { responseType: bytes.responseType });
    return { status, basic: parseBasicResponse(new Uint8Array(bytes.response.buffer)) };
  } catch (e) {
    if (e instanceof OcspBadResponseError) throw e;
    if (e instanceof OpenSealError) throw new OcspBadResponseError(e.message, { reason: e.code }, { cause: e });
    throw e;
  }
}

/** RFC 6960 §4.2.1 BasicOCSPResponse, keeping tbsResponseData and certificates byte-exact. */
function parseBasicResponse(der: Uint8Array): BasicOcspResponse {
  const basic = parseDer(der, BasicOCSPResponse, 'BasicOCSPResponse');
  const parts = derChildren(der, derNodeAt(der, 0));
  const tbsNode = parts[0] as DerNode;
  const tbs = derSlice(der, tbsNode);
  const certsNode = parts.find((p) => p.tag === 0xa0);
  const certSeq = certsNode ? derChildren(der, certsNode)[0] : undefined;
  const certificates = certSeq ? derChildren(der, certSeq).map((n) => derSlice(der, n)) : [];
  const data = basic.tbsResponseData;
  // SingleResponse layout: certID, certStatus (tag 80 good, A1 revoked, 82 unknown), thisUpdate, …
  const tbsParts = derChildren(der, tbsNode);
  const responsesNode = tbsParts.find((p, i) => p.tag === 0x30 && i > 0 && tbsParts[i - 1]?.tag === 0x18);
  const rawSingles = responsesNode ? derChildren(der, responsesNode) : [];
  if (rawSingles.length !== data.responses.length) throw new OcspBadResponseError('unexpected ResponseData layout');
  const responses = data.responses.map((r, i): SingleOcspResponse => {
    const statusTag = derChildren(der, rawSingles[i] as DerNode)[1]?.tag;
    const status = statusTag === 0x80 ? 'good' : statusTag === 0xa1 ? 'revoked' : statusTag === 0x82 ? 'unknown' : undefined;
    if (!status) throw new OcspBadResponseError('unknown CertStatus', { tag: statusTag });
    const revoked = r.certStatus.revoked;
    const reason = revoked?.revocationReason ? crlReasonFromCode(revoked.revocationReason.reason) : undefined;
    return {
      certId: certIdValue(r.certID),
      status,
      ...(status === 'revoked' && revoked ? { revokedAt: validDate(revoked.revocationTime) } : {}),
      ...(reason ? { reason } : {}),
      thisUpdate: validDate(r.thisUpdate),
      ...(r.nextUpdate ? { nextUpdate: validDate(r.nextUpdate) } : {}),
    };
  });
  const nonce = data.responseExtensions?.find((e) => e.extnID === OID.ocspNonce);
  const rid = data.responderID;
  const responderId = rid.byKey
    ? { byKey: new Uint8Array(rid.byKey.buffer) }
    : rid.byName
      ? { byName: DistinguishedName.fromDer(encodeDer(rid.byName)) }
      : undefined;
  if (!responderId) throw new OcspBadResponseError('no ResponderID');
  return {
    tbsResponseData: tbs,
    responderId,
    producedAt: validDate(data.producedAt),
    responses,
    ...(nonce ? { nonce: nonceValue(new Uint8Array(nonce.extnValue.buffer)) } : {}),
    signatureAlgorithm: basic.signatureAlgorithm.parameters
      ? { oid: basic.signatureAlgorithm.algorithm, parameters: new Uint8Array(basic.signatureAlgorithm.parameters) }
      : { oid: basic.signatureAlgorithm.algorithm },
    signature: bitStringValue(der, parts[2]),
    certificates,
  };
}

function bitStringValue(der: Uint8Array, node: DerNode | undefined): Uint8Array {
  if (!node || node.tag !== 0x03 || node.end <= node.valueStart || der[node.valueStart] !== 0) {
    throw new OcspBadResponseError('signature is not a BIT STRING of whole octets');
  }
  return der.slice(node.valueStart + 1, node.end);
}

function validDate(d: Date): Date {
  if (Number.isNaN(d.getTime())) throw new OcspBadResponseError('unreadable time');
  return d;
}
