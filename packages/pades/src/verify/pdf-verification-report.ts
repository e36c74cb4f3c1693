/** The verdict data of verifyPdf (plain JSON-serialisable values, never thrown). */
import type { CheckResult, Indication, SubIndication } from '@openseal/pki';
import type { FieldLock, MdpPermission } from '../mdp.js';
import type { PadesLevel } from '../signing/sign-pdf.js';
import type { ByteRangeCoverage } from './byte-range-coverage.js';
import type { ModificationCategory } from './modification-category.js';

export interface ModificationFinding {
  /** The revision (0-based) that made the change. */
  readonly revision: number;
  readonly object?: number;
  readonly change: 'added' | 'changed' | 'deleted' | 'trailer' | 'trailing-data';
  readonly category: ModificationCategory;
  readonly field?: string;
  readonly description: string;
  /** Permitted by the document's DocMDP level and this signature's field locks. */
  readonly allowed: boolean;
}

export interface TimestampReport {
  /** ISO 8601 genTime. */
  readonly time: string;
  /** Subject of the TSA certificate. */
  readonly tsa?: string;
  readonly serialNumber?: string;
  /** Token signature, imprint and ESS binding verified. */
  readonly verified: boolean;
  /** TSA certificate path to a trust anchor. */
  readonly trusted: boolean;
}

export interface TrustReport {
  readonly status: 'trusted' | 'untrusted' | 'unknown';
  /** Time the certificate path was validated at, and where it came from. */
  readonly at?: string;
  readonly timeSource?: string;
  readonly chain?: readonly string[];
  readonly reasons?: readonly string[];
  readonly subIndication?: SubIndication;
}

export interface PdfSignatureReport {
  /** Position among all signature dictionaries in file order (0-based); extractSignedRevision takes it. */
  readonly index: number;
  readonly kind: 'signature' | 'document-timestamp';
  readonly field: string;
  readonly subFilter?: string;
  /** Signer (or TSA) certificate subject. */
  readonly signer?: string;
  readonly issuer?: string;
  readonly serialNumber?: string;
  /** e.g. "RSASSA-PKCS1-v1_5 with SHA-256", "SM2 with SM3". */
  readonly algorithm?: string;
  readonly digestAlgorithm?: string;
  /** Best known signing time (ISO 8601) and where it came from. */
  readonly signedAt?: string;
  readonly signedAtSource?: 'timestamp' | 'signing-time' | 'M';
  /** /M as written (claimed, not proven). */
  readonly claimedSigningTime?: string;
  readonly timestamp?: TimestampReport;
  readonly level?: PadesLevel;
  /** The digest over the ByteRange matches the signed message digest. */
  readonly intact: boolean;
  /** The cryptographic signature and signer binding verify. */
  readonly signatureValid: boolean;
  /** intact + signature + structure (ByteRange shape, allowed later changes, no errors). */
  readonly valid: boolean;
  /** The signer certificate chains to a trust anchor at the validation time. */
  readonly trusted: boolean;
  readonly trust: TrustReport;
  readonly coversWholeDocument: boolean;
  readonly coverage: ByteRangeCoverage;
  /** Changes made by later revisions, each judged against DocMDP and field locks. */
  readonly modifications: readonly ModificationFinding[];
  /** Set when this is the certification signature. */
  readonly certification?: { readonly permission: MdpPermission };
  readonly locks?: readonly FieldLock[];
  readonly reason?: string;
  readonly location?: string;
  readonly name?: string;
  readonly contactInfo?: string;
  /** Stable codes of what failed (empty when valid). */
  readonly errors: readonly string[];
  readonly warnings: readonly string[];
  readonly indication: Indication;
  readonly subIndication?: SubIndication;
  /** The underlying CMS / TSP / path checks. */
  readonly checks: readonly CheckResult[];
}

export interface PdfVerificationReport {
  /** Every signature and document timestamp valid (and trusted, with requireTrust), and at least one present. */
  readonly valid: boolean;
  /** Every signature and document timestamp trusted. */
  readonly trusted: boolean;
  readonly signatures: readonly PdfSignatureReport[];
  readonly documentTimestamps: readonly PdfSignatureReport[];
  readonly certification?: { readonly field: string; readonly permission: MdpPermission };
  readonly revisions: number;
  readonly encrypted: boolean;
  readonly dss?: { readonly certificates: number; readonly ocspResponses: number; readonly crls: number; readonly vri: number };
  /** Document-level failures (PDF_MALFORMED, PDF_PASSWORD_REQUIRED, PADES_NO_SIGNATURES, …). */
  readonly errors: readonly { readonly code: string; readonly message: string }[];
}
