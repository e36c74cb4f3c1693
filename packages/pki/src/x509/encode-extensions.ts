import {
  AccessDescription,
  AuthorityInfoAccessSyntax,
  CRLDistributionPoints,
  CertificatePolicies,
  DistributionPoint,
  DistributionPointName,
  GeneralName,
  PolicyInformation,
  PolicyQualifierInfo,
  SubjectAlternativeName,
} from '@peculiar/asn1-x509';
import { OID, encodeDer } from '@openseal/asn1';
import { toArrayBuffer, utf8 } from '@openseal/kernel';
import type { RawExtension } from './certificate-extensions.js';
import { derBoolean, derOctetString, derOid, derSequence, derTlv, derUnsignedInteger } from './der-writer.js';
import { toAsnGeneralName, type GeneralNameValue } from './general-name.js';
import { encodeKeyUsageBits, type KeyUsage } from './key-usage.js';

/** Extensions to put in a new certificate; each has the criticality RFC 5280 recommends unless given. */
export interface CertificateExtensionsInput {
  /** Critical by default (RFC 5280 §4.2.1.9 for CA certificates). */
  readonly basicConstraints?: { readonly cA: boolean; readonly pathLenConstraint?: number; readonly critical?: boolean };
  /** Critical by default (RFC 5280 §4.2.1.3 SHOULD). */
  readonly keyUsage?: readonly KeyUsage[] | { readonly usages: readonly KeyUsage[]; readonly critical?: boolean };
  /** Non-critical by default; RFC 3161 §2.3 wants it critical for a TSA. */
  readonly extKeyUsage?: readonly string[] | { readonly purposes: readonly string[]; readonly critical?: boolean };
  readonly subjectKeyIdentifier?: Uint8Array;
  /** Key identifier of the issuer's key; when omitted, taken from an issuer Certificate's SKI. `false` leaves it out. */
  readonly authorityKeyIdentifier?: Uint8Array | false;
  readonly subjectAltName?: readonly GeneralNameValue[];
  /** CRL URLs, one distribution point each. */
  readonly crlDistributionPoints?: readonly string[];
  readonly authorityInfoAccess?: { readonly ocsp?: readonly string[]; readonly caIssuers?: readonly string[] };
  readonly certificatePolicies?: ReadonlyArray<{ readonly policyId: string; readonly cpsUri?: string }>;
  /** id-pkix-ocsp-nocheck for OCSP responder certificates (RFC 6960 §4.2.2.2.1). */
  readonly ocspNoCheck?: boolean;
  /** Any other extension, encoded by the caller. */
  readonly custom?: readonly RawExtension[];
}

/** Encodes the inputs as RawExtensions in a stable order. */
export function encodeExtensions(input: CertificateExtensionsInput, authorityKeyId: Uint8Array | undefined): RawExtension[] {
  const out: RawExtension[] = [];
  const bc = input.basicConstraints;
  if (bc) {
    const pathLen = bc.pathLenConstraint === undefined ? [] : [derUnsignedInteger(BigInt(bc.pathLenConstraint))];
    out.push({ oid: OID.basicConstraints, critical: bc.critical ?? true, value: derSequence(...(bc.cA ? [derBoolean(true)] : []), ...pathLen) });
  }
  if (input.keyUsage) {
    const ku = Array.isArray(input.keyUsage) ? { usages: input.keyUsage as readonly KeyUsage[] } : (input.keyUsage as { usages: readonly KeyUsage[]; critical?: boolean });
    out.push({ oid: OID.keyUsage, critical: ku.critical ?? true, value: derTlv(0x03, encodeKeyUsageBits(ku.usages)) });
  }
  if (input.extKeyUsage) {
    const eku = Array.isArray(input.extKeyUsage) ? { purposes: input.extKeyUsage as readonly string[] } : (input.extKeyUsage as { purposes: readonly string[]; critical?: boolean });
    out.push({ oid: OID.extKeyUsage, critical: eku.critical ?? false, value: derSequence(...eku.purposes.map(derOid)) });
  }
  if (input.subjectKeyIdentifier) {
    out.push({ oid: OID.subjectKeyIdentifier, critical: false, value: derOctetString(input.subjectKeyIdentifier) });
  }
  if (authorityKeyId) {
    // AuthorityKeyIdentifier ::= SEQUENCE { keyIdentifier [0] IMPLICIT KeyIdentifier OPTIONAL, … }
    out.push({ oid: OID.authorityKeyIdentifier, critical: false, value: derSequence(derTlv(0x80, authorityKeyId)) });
  }
  if (input.subjectAltName && input.subjectAltName.length > 0) {
    const san = new SubjectAlternativeName(input.subjectAltName.map(toAsnGeneralName));
    out.push({ oid: OID.subjectAltName, critical: false, value: encodeDer(san) });
  }
  if (input.crlDistributionPoints && input.crlDistributionPoints.length > 0) {
    const dps = new CRLDistributionPoints(
      input.crlDistributionPoints.map(
        (uri) => new DistributionPoint({ distributionPoint: new DistributionPointName({ fullName: [new GeneralName({ uniformResourceIdentifier: uri })] }) }),
      ),
    );
    out.push({ oid: OID.cRLDistributionPoints, critical: false, value: encodeDer(dps) });
  }
  const aia = input.authorityInfoAccess;
  if (aia && ((aia.ocsp?.length ?? 0) > 0 || (aia.caIssuers?.length ?? 0) > 0)) {
    const access = (method: string, uri: string): AccessDescription =>
      new AccessDescription({ accessMethod: method, accessLocation: new GeneralName({ uniformResourceIdentifier: uri }) });
    const list = new AuthorityInfoAccessSyntax([
      ...(aia.ocsp ?? []).map((u) => access(OID.ocsp, u)),
      ...(aia.caIssuers ?? []).map((u) => access(OID.caIssuers, u)),
    ]);
    out.push({ oid: OID.authorityInfoAccess, critical: false, value: encodeDer(list) });
  }
  if (input.certificatePolicies && input.certificatePolicies.length > 0) {
    const policies = new CertificatePolicies(
      input.certificatePolicies.map(
        (p) =>
          new PolicyInformation({
            policyIdentifier: p.policyId,
            ...(p.cpsUri === undefined
              ? {}
              : { policyQualifiers: [new PolicyQualifierInfo({ policyQualifierId: '1.3.6.1.5.5.7.2.1', qualifier: toArrayBuffer(derTlv(0x16, utf8(p.cpsUri))) })] }),
          }),
      ),
    );
    out.push({ oid: OID.certificatePolicies, critical: false, value: encodeDer(policies) });
  }
  if (input.ocspNoCheck) out.push({ oid: OID.ocspNoCheck, critical: false, value: Uint8Array.of(0x05, 0x00) });
  out.push(...(input.custom ?? []));
  return out;
}

/** Extension ::= SEQUENCE { extnID, critical BOOLEAN DEFAULT FALSE, extnValue OCTET STRING } */
export function encodeExtension(ext: RawExtension): Uint8Array {
  return derSequence(derOid(ext.oid), ...(ext.critical ? [derBoolean(true)] : []), derOctetString(ext.value));
}
