import type { CheckResult, Indication, SubIndication } from '@openseal/pki';

/** A file that differs from what a signature protected, or that it does not protect. */
export interface FileModification {
  readonly path: string;
  /**
   * changed: digest differs; removed: protected file missing; added: present but not protected by this
   * signature nor part of a later one; unprotected: a file that existed when signing (OFD.xml) but is not protected.
   */
  readonly change: 'changed' | 'removed' | 'added' | 'unprotected';
}

/** A modification as the report lists it (the PDF verifier's ModificationFinding, by file instead of revision). */
export interface ModificationFinding extends FileModification {
  readonly description: string;
  /** Tolerated by the verdict: changed/removed protected files are not; unprotected files are only flagged. */
  readonly allowed: boolean;
}

/** As in the PDF report. */
export interface TimestampReport {
  readonly time: string;
  readonly tsa?: string;
  readonly serialNumber?: string;
  /** Token signature, imprint over the signature value and ESS binding verified. */
  readonly verified: boolean;
  /** TSA certificate path to a trust anchor. */
  readonly trusted: boolean;
}

/** As in the PDF report: the signer certificate path. */
export interface TrustReport {
  readonly status: 'trusted' | 'untrusted' | 'unknown';
  readonly at?: string;
  readonly chain?: readonly string[];
  readonly reasons?: readonly string[];
  readonly subIndication?: SubIndication;
}

export interface ReportMessage {
  readonly code: string;
  readonly message: string;
}

/** The seal as the report shows it: name, type, ES ID and maker (GB/T 38540 SES_SealInfo). */
export interface SealSummary {
  readonly name: string;
  readonly type: number;
  readonly esId: string;
  readonly version: number;
  readonly vid: string;
  /** Subject of the seal maker (制章者) certificate. */
  readonly maker?: string;
  readonly makerSignatureValid: boolean;
  readonly makerSignedOver?: string;
  readonly validStart: string;
  readonly validEnd: string;
  readonly picture: { readonly type: string; readonly widthMm: number; readonly heightMm: number };
}

/** One signature of the document, in the shape of the PDF verifier's report plus the seal. */
export interface OfdSignatureReport {
  readonly index: number;
  readonly kind: 'signature';
  /** Signature@ID in Signatures.xml (the OFD counterpart of a PDF field name). */
  readonly field: string;
  readonly type: 'Seal' | 'Sign';
  /** Package path of Signature.xml. */
  readonly path: string;
  readonly signer?: string;
  readonly issuer?: string;
  readonly serialNumber?: string;
  readonly algorithm?: string;
  /** ISO 8601: the time-stamp's time when one verified, else the claimed signing time. */
  readonly signedAt?: string;
  readonly signedAtSource?: 'timestamp' | 'timeInfo' | 'signing-time';
  readonly timestamp?: TimestampReport;
  /** B-B without a time-stamp, B-T with a verified one (the ETSI baseline names, by analogy). */
  readonly level: 'B-B' | 'B-T';
  /** Protected files, data hash and signature value are all intact. */
  readonly intact: boolean;
  /** The cryptographic signature over TBS_Sign (or the signed attributes) verifies with the signer certificate. */
  readonly signatureValid: boolean;
  readonly valid: boolean;
  readonly trusted: boolean;
  readonly trust: TrustReport;
  /** Every file in the package is protected, belongs to a later signature, or is this signature's own. */
  readonly coversWholeDocument: boolean;
  readonly modifications: readonly ModificationFinding[];
  /** Stable codes of what failed (empty when valid), and of what was only flagged. */
  readonly errors: readonly string[];
  readonly warnings: readonly string[];
  /** The same, with an English message each (names the files concerned). */
  readonly messages: readonly ReportMessage[];
  readonly indication: Indication;
  readonly subIndication?: SubIndication;
  readonly protectedFiles: number;
  readonly stampAnnots: ReadonlyArray<{ readonly id: string; readonly pageRef: number; readonly pageIndex: number; readonly boundary: string; readonly clip?: string }>;
  readonly seal?: SealSummary;
  readonly checks: readonly CheckResult[];
}

export interface OfdVerificationReport {
  readonly format: 'OFD';
  /** Every signature is valid (and trusted, when trust was required); false for an unsigned document. */
  readonly valid: boolean;
  readonly trusted: boolean;
  readonly requireTrust: boolean;
  readonly signatures: readonly OfdSignatureReport[];
  /** Problems with the document itself (unreadable package, unreadable signature list). */
  readonly errors: readonly ReportMessage[];
  readonly verifiedAt: string;
}
