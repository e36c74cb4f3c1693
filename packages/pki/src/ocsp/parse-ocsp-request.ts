import { OCSPRequest } from '@peculiar/asn1-ocsp';
import { OID, parseDer } from '@openseal/asn1';
import { OpenSealError } from '@openseal/kernel';
import { derChildren, derNodeAt, derSlice } from '../x509/der-reader.js';
import type { CertIdValue } from './cert-id.js';
import { OcspRequestMalformedError } from './errors.js';
import { certIdValue, nonceValue } from './ocsp-values.js';

export interface ParsedOcspRequest {
  readonly requests: ReadonlyArray<{ readonly certId: CertIdValue; /** The CertID TLV as received. */ readonly certIdDer: Uint8Array }>;
  readonly nonce?: Uint8Array;
  /** OIDs of all request extensions. */
  readonly extensions: readonly string[];
  readonly signed: boolean;
}

/** Parses an RFC 6960 OCSPRequest. Throws OCSP_BAD_REQUEST. */
export function parseOcspRequest(der: Uint8Array): ParsedOcspRequest {
  try {
    const req = parseDer(der, OCSPRequest, 'OCSPRequest');
    const tbs = derChildren(der, derNodeAt(der, 0))[0];
    const list = tbs ? derChildren(der, tbs).find((n) => n.tag === 0x30) : undefined;
    const rawRequests = list ? derChildren(der, list) : [];
    if (rawRequests.length !== req.tbsRequest.requestList.length) throw new OcspRequestMalformedError('unexpected requestList layout');
    const requests = req.tbsRequest.requestList.map((r, i) => {
      const node = derChildren(der, rawRequests[i] as NonNullable<(typeof rawRequests)[number]>)[0];
      if (!node) throw new OcspRequestMalformedError('Request without reqCert');
      return { certId: certIdValue(r.reqCert), certIdDer: derSlice(der, node) };
    });
    const extensions = req.tbsRequest.requestExtensions ?? [];
    const nonce = extensions.find((e) => e.extnID === OID.ocspNonce);
    return {
      requests,
      ...(nonce ? { nonce: nonceValue(new Uint8Array(nonce.extnValue.buffer)) } : {}),
      extensions: extensions.map((e) => e.extnID),
      signed: req.optionalSignature !== undefined,
    };
  } catch (e) {
    if (e instanceof OcspRequestMalformedError) throw e;
    if (e instanceof OpenSealError) throw new OcspRequestMalformedError(e.message, { reason: e.code }, { cause: e });
    throw e;
  }
}
