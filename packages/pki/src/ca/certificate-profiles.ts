import { OID } from '@openseal/asn1';
import type { KeyUsage } from '../x509/key-usage.js';

export type CaProfileName = 'rootCa' | 'intermediateCa';
/**
 * End-entity profiles: sealSigner = 单位签章者 (organisation seal signer), personSigner = 个人,
 * sealMaker = 制章者 (its key signs SES_Seal structures), tsa = time-stamping unit, ocspResponder.
 */
export type EndEntityProfileName = 'sealSigner' | 'personSigner' | 'sealMaker' | 'tsa' | 'ocspResponder';
export type CertificateProfileName = CaProfileName | EndEntityProfileName;

export interface CertificateProfile {
  readonly name: CertificateProfileName;
  readonly ca: boolean;
  readonly pathLenConstraint?: number;
  readonly keyUsage: readonly KeyUsage[];
  readonly extKeyUsage?: { readonly purposes: readonly string[]; readonly critical: boolean };
  readonly ocspNoCheck: boolean;
  /** Whether to put the CA's OCSP URL in the AIA (pointless for a responder carrying ocsp-nocheck). */
  readonly ocspUrl: boolean;
  readonly defaultValidityDays: number;
}

const SIGNING: readonly KeyUsage[] = ['digitalSignature', 'nonRepudiation'];

export const CERTIFICATE_PROFILES: Readonly<Record<CertificateProfileName, CertificateProfile>> = {
  rootCa: { name: 'rootCa', ca: true, keyUsage: ['keyCertSign', 'cRLSign'], ocspNoCheck: false, ocspUrl: false, defaultValidityDays: 7305 },
  intermediateCa: {
    name: 'intermediateCa',
    ca: true,
    pathLenConstraint: 0,
    keyUsage: ['keyCertSign', 'cRLSign'],
    ocspNoCheck: false,
    ocspUrl: true,
    defaultValidityDays: 3652,
  },
  // Document signing (Microsoft OID, honoured by Adobe readers) and S/MIME protection.
  sealSigner: {
    name: 'sealSigner',
    ca: false,
    keyUsage: SIGNING,
    extKeyUsage: { purposes: [OID.documentSigning, OID.kpEmailProtection], critical: false },
    ocspNoCheck: false,
    ocspUrl: true,
    defaultValidityDays: 730,
  },
  personSigner: {
    name: 'personSigner',
    ca: false,
    keyUsage: SIGNING,
    extKeyUsage: { purposes: [OID.documentSigning, OID.kpEmailProtection], critical: false },
    ocspNoCheck: false,
    ocspUrl: true,
    defaultValidityDays: 730,
  },
  sealMaker: { name: 'sealMaker', ca: false, keyUsage: SIGNING, ocspNoCheck: false, ocspUrl: true, defaultValidityDays: 1826 },
  // RFC 3161 §2.3: the TSA certificate MUST have exactly one EKU, id-kp-timeStamping, marked critical.
  tsa: {
    name: 'tsa',
    ca: false,
    keyUsage: SIGNING,
    extKeyUsage: { purposes: [OID.kpTimeStamping], critical: true },
    ocspNoCheck: false,
    ocspUrl: true,
    defaultValidityDays: 1826,
  },
  // RFC 6960 §4.2.2.2: delegated responder with id-kp-OCSPSigning; id-pkix-ocsp-nocheck per §4.2.2.2.1.
  ocspResponder: {
    name: 'ocspResponder',
    ca: false,
    keyUsage: ['digitalSignature'],
    extKeyUsage: { purposes: [OID.kpOCSPSigning], critical: false },
    ocspNoCheck: true,
    ocspUrl: false,
    defaultValidityDays: 365,
  },
};
