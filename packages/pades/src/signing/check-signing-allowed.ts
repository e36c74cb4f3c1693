import { listSignatures, type PdfDocument } from '@openseal/pdf';
import { PadesCertifyNotFirstError, PadesDocMdpForbidsError, PadesFieldLockedError } from '../errors.js';
import { docMdpPermission, documentCertification, fieldLocksOf, lockCovers } from '../mdp.js';

export interface SigningIntent {
  /** The field that will receive the signature. */
  readonly fieldName: string;
  /** True when the field exists already (its value changes); false for a new field. */
  readonly existingField: boolean;
  readonly certify: boolean;
  /** 'signature' or 'document timestamp' (for messages). */
  readonly what: string;
}

/**
 * Refuses a new signature that earlier signatures forbid: a certification with DocMDP P=1 (ISO 32000-2
 * §12.8.2.2), a FieldMDP lock on the target field, a SigFieldLock with /P 1, or a second certification.
 */
export function checkSigningAllowed(doc: PdfDocument, intent: SigningIntent): void {
  const view = doc.latest;
  const existing = listSignatures(doc).filter((s) => s.contents !== undefined);
  if (intent.certify && existing.length > 0) throw new PadesCertifyNotFirstError(existing.length);
  const cert = documentCertification(view);
  let level = cert?.permission;
  for (const s of existing) {
    const p = docMdpPermission(view, s.dict);
    if (p !== undefined) level = Math.min(level ?? 3, p) as 1 | 2 | 3;
    for (const lock of fieldLocksOf(view, s.dict, s.field.lock)) {
      if (lock.permission !== undefined) level = Math.min(level ?? 3, lock.permission) as 1 | 2 | 3;
      if (intent.existingField && lockCovers(lock, intent.fieldName)) throw new PadesFieldLockedError(intent.fieldName, s.fieldName);
    }
  }
  // P=1 allows no change at all; pyHanko and EU DSS still accept DSS and document timestamps (LTA updates).
  if (level === 1 && intent.what !== 'document timestamp') throw new PadesDocMdpForbidsError(1, `adding a ${intent.what}`);
}
