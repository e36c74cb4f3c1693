import {
  AuthorityInfoAccessSyntax,
  AuthorityKeyIdentifier,
  BasicConstraints,
  CRLDistributionPoints,
  CertificatePolicies,
  ExtendedKeyUsage,
  SubjectAlternativeName,
} from '@peculiar/asn1-x509';
import { OctetString } from '@peculiar/asn1-schema';
import { Asn1StructureError, OID, checkDer, parseDer } from '@openseal/asn1';
import { OpenSealError, toHex } from '@openseal/kernel';
import { fromAsnGeneralName, type GeneralNameValue } from './general-name.js';
import { decodeKeyUsageBits, type KeyUsage } from './key-usage.js';

/** An extension as encoded (RFC 5280 §4.1: extnID, critical, extnValue). */
export interface RawExtension {
  readonly oid: string;
  readonly critical: boolean;
  /** The DER inside extnValue. */
  readonly value: Uint8Array;
}

export interface DistributionPointInfo {
  /** The URIs of the fullName, the usual way to reach a CRL. */
  readonly uris: readonly string[];
  readonly fullName: readonly GeneralNameValue[];
  readonly crlIssuer?: readonly GeneralNameValue[];
}

export interface PolicyInfo {
  readonly policyId: string;
  readonly cpsUris: readonly string[];
}

/** The extensions OpenSeal understands, decoded; see `unknownCritical` and `malformed` for the rest. */
export interface CertificateExtensions {
  readonly basicConstraints?: { readonly cA: boolean; readonly pathLenConstraint?: number; readonly critical: boolean };
  readonly keyUsage?: { readonly usages: readonly KeyUsage[]; readonly critical: boolean };
  readonly extKeyUsage?: { readonly purposes: readonly string[]; readonly critical: boolean };
  readonly subjectKeyIdentifier?: Uint8Array;
  readonly authorityKeyIdentifier?: {
    readonly keyIdentifier?: Uint8Array;
    readonly authorityCertIssuer?: readonly GeneralNameValue[];
    readonly authorityCertSerialNumber?: string;
  };
  readonly subjectAltName?: readonly GeneralNameValue[];
  readonly crlDistributionPoints?: readonly DistributionPointInfo[];
  readonly authorityInfoAccess?: { readonly ocsp: readonly string[]; readonly caIssuers: readonly string[] };
  readonly certificatePolicies?: readonly PolicyInfo[];
  /** id-pkix-ocsp-nocheck (RFC 6960 §4.2.2.2.1). */
  readonly ocspNoCheck: boolean;
  /** OIDs of critical extensions this library does not process (RFC 5280 §4.2: reject such a certificate). */
  readonly unknownCritical: readonly string[];
  /** OIDs of extensions that could not be decoded or appear more than once. */
  readonly malformed: readonly string[];
}

/** Extensions that are decoded or safely ignorable when critical (informational only). */
const RECOGNISED: ReadonlySet<string> = new Set([
  OID.basicConstraints,
  OID.keyUsage,
  OID.extKeyUsage,
  OID.subjectKeyIdentifier,
  OID.authorityKeyIdentifier,
  OID.subjectAltName,
  OID.cRLDistributionPoints,
  OID.authorityInfoAccess,
  OID.certificatePolicies,
  OID.ocspNoCheck,
  '2.5.29.18', // issuerAltName
  '2.5.29.46', // freshestCRL
  '1.3.6.1.5.5.7.1.11', // subjectInfoAccess
]);

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** Decodes a certificate's extension list; never throws (bad values land in `malformed`). */
export function decodeCertificateExtensions(raw: readonly RawExtension[]): CertificateExtensions {
  const out: Mutable<CertificateExtensions> = { ocspNoCheck: false, unknownCritical: [], malformed: [] };
  const unknownCritical: string[] = [];
  const malformed: string[] = [];
  const seen = new Set<string>();
  for (const ext of raw) {
    if (seen.has(ext.oid)) malformed.push(ext.oid); // RFC 5280 §4.2: at most one instance of an extension
    seen.add(ext.oid);
    if (!RECOGNISED.has(ext.oid)) {
      if (ext.critical) unknownCritical.push(ext.oid);
      continue;
    }
    try {
      decodeOne(ext, out);
    } catch (e) {
      if (!(e instanceof OpenSealError)) throw e;
      malformed.push(ext.oid);
    }
  }
  out.unknownCritical = unknownCritical;
  out.malformed = malformed;
  return out;
}

function decodeOne(ext: RawExtension, out: Mutable<CertificateExtensions>): void {
  const { value, critical } = ext;
  switch (ext.oid) {
    case OID.basicConstraints: {
      const bc = parseDer(value, BasicConstraints);
      out.basicConstraints = { cA: bc.cA, critical, ...(bc.pathLenConstraint === undefined ? {} : { pathLenConstraint: bc.pathLenConstraint }) };
      return;
    }
    case OID.keyUsage:
      checkDer(value);
      if (value[0] !== 0x03 || value.length < 3) throw new Asn1StructureError('KeyUsage');
      out.keyUsage = { usages: decodeKeyUsageBits(value.subarray(2)), critical };
      return;
    case OID.extKeyUsage:
      out.extKeyUsage = { purposes: [...parseDer(value, ExtendedKeyUsage)], critical };
      return;
    case OID.subjectKeyIdentifier:
      out.subjectKeyIdentifier = new Uint8Array(parseDer(value, OctetString).buffer);
      return;
    case OID.authorityKeyIdentifier: {
      const aki = parseDer(value, AuthorityKeyIdentifier);
      out.authorityKeyIdentifier = {
        ...(aki.keyIdentifier ? { keyIdentifier: new Uint8Array(aki.keyIdentifier.buffer) } : {}),
        ...(aki.authorityCertIssuer ? { authorityCertIssuer: aki.authorityCertIssuer.map(fromAsnGeneralName) } : {}),
        ...(aki.authorityCertSerialNumber ? { authorityCertSerialNumber: toHex(new Uint8Array(aki.authorityCertSerialNumber)) } : {}),
      };
      return;
    }
    case OID.subjectAltName:
      out.subjectAltName = [...parseDer(value, SubjectAlternativeName)].map(fromAsnGeneralName);
      return;
    case OID.cRLDistributionPoints:
      out.crlDistributionPoints = [...parseDer(value, CRLDistributionPoints)].map((dp) => {
        const fullName = (dp.distributionPoint?.fullName ?? []).map(fromAsnGeneralName);
        return {
          uris: fullName.flatMap((g) => (g.type === 'uri' ? [g.value] : [])),
          fullName,
          ...(dp.cRLIssuer ? { crlIssuer: dp.cRLIssuer.map(fromAsnGeneralName) } : {}),
        };
      });
      return;
    case OID.authorityInfoAccess: {
      const ocsp: string[] = [];
      const caIssuers: string[] = [];
      for (const ad of parseDer(value, AuthorityInfoAccessSyntax)) {
        const uri = ad.accessLocation.uniformResourceIdentifier;
        if (uri === undefined) continue;
        if (ad.accessMethod === OID.ocsp) ocsp.push(uri);
        else if (ad.accessMethod === OID.caIssuers) caIssuers.push(uri);
      }
      out.authorityInfoAccess = { ocsp, caIssuers };
      return;
    }
    case OID.certificatePolicies:
      out.certificatePolicies = [...parseDer(value, CertificatePolicies)].map((p) => ({
        policyId: p.policyIdentifier,
        cpsUris: (p.policyQualifiers ?? []).flatMap((q) => (q.policyQualifierId === CPS_QUALIFIER ? [cpsUri(q.qualifier)] : [])),
      }));
      return;
    case OID.ocspNoCheck:
      out.ocspNoCheck = true;
      return;
    default:
      return;
  }
}

const CPS_QUALIFIER = '1.3.6.1.5.5.7.2.1';

function cpsUri(qualifier: ArrayBuffer): string {
  const bytes = new Uint8Array(qualifier);
  // IA5String TLV with a short or long length
  const headerLength = (bytes[1] ?? 0) < 0x80 ? 2 : 2 + ((bytes[1] ?? 0) & 0x7f);
  return new TextDecoder('latin1').decode(bytes.subarray(headerLength));
}
