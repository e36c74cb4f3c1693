import type { CheckResult } from '@openseal/pki';
import type { ReportMessage } from './ofd-verification-report.js';

const MESSAGES: Readonly<Record<string, string>> = {
  OFD_SIGNATURE_FILE: 'Signature.xml is missing or unreadable',
  OFD_REFERENCES: 'protected files were changed or removed after signing',
  OFD_SIGNED_VALUE: 'the signature value (SignedValue.dat) cannot be verified',
  OFD_SEAL_FILE: 'Seal.esl differs from the seal inside the signature',
  OFD_STRUCTURE: 'the document structure (Document.xml) is not protected by the signature',
  SES_FORMAT: 'SignedValue.dat is not a readable SES_Signature',
  SES_DATA_HASH: 'the data hash in the signature does not match Signature.xml',
  SES_SIGNATURE_VALUE: 'the signature value does not verify with the signer certificate',
  SES_SIGNER_CERT_VALIDITY: 'the signer certificate was not valid at the signing time',
  SES_SIGNER_KEY_USAGE: 'the signer certificate is not for signing',
  SES_SIGNER_IN_SEAL_CERT_LIST: "the signer certificate is not in the seal's certificate list",
  SES_SIGNER_CERT_PATH: 'the signer certificate does not chain to a trust anchor',
  SES_TIMESTAMP: 'the time-stamp does not verify over the signature value',
  SES_TIMESTAMP_CERT_PATH: 'the time-stamp authority certificate does not chain to a trust anchor',
  SEAL_FORMAT: 'the seal is not readable',
  SEAL_MAKER_SIGNATURE: "the seal maker's signature does not verify",
  SEAL_VALIDITY: 'the signing time is outside the seal validity period',
  SEAL_MAKER_CERT_PATH: 'the seal maker certificate does not chain to a trust anchor',
  CMS_CERT_PATH: 'the signer certificate does not chain to a trust anchor',
};

/** One English line per failed check (the UI translates by code). */
export function messageFor(check: CheckResult): ReportMessage {
  const base = MESSAGES[check.code] ?? `${check.code} failed`;
  const files = check.details?.files;
  const extra = Array.isArray(files) ? `: ${files.join(', ')}` : check.subIndication ? ` (${check.subIndication})` : '';
  return { code: check.code, message: `${base}${extra}` };
}
