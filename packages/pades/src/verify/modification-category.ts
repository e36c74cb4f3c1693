import type { MdpPermission } from '../mdp.js';

/**
 * What an incremental update changed, in the classes of ISO 32000-2 §12.8.2.2 (DocMDP) and pyHanko's
 * modification levels: LTA updates (DSS, document timestamps), form filling and signing, annotations.
 */
export type ModificationCategory =
  /** Xref streams and object streams: file structure only. */
  | 'structure'
  /** New objects nothing refers to: no effect on the document. */
  | 'unused'
  /** Document information dictionary, XMP metadata, /Extensions. */
  | 'metadata'
  | 'dss'
  | 'document-timestamp'
  /** A signature field created or signed, and what that takes (AcroForm /Fields, /SigFlags, widget /Annots). */
  | 'signature'
  /** A form field's value or appearance changed. */
  | 'form-fill'
  /** Annotations (other than widgets) added, changed or removed. */
  | 'annotation'
  /** Page content, resources or page attributes. */
  | 'page-content'
  /** Anything else (catalog entries, fields created or deleted, objects deleted, bytes after %%EOF…). */
  | 'other';

/** From least to most consequential: the order used to keep the worst category of a change. */
const RANK: Readonly<Record<ModificationCategory, number>> = {
  structure: 0,
  unused: 1,
  metadata: 2,
  dss: 3,
  'document-timestamp': 4,
  signature: 5,
  'form-fill': 6,
  annotation: 7,
  'page-content': 8,
  other: 9,
};

export function worseCategory(a: ModificationCategory, b: ModificationCategory): ModificationCategory {
  return RANK[a] >= RANK[b] ? a : b;
}

/**
 * Whether a change of this category is permitted at DocMDP level `permission` (1: none but LTA updates,
 * 2: form filling and signing, 3: also annotations). Approval-only documents are judged at level 3.
 */
export function categoryAllowed(category: ModificationCategory, permission: MdpPermission): boolean {
  switch (category) {
    case 'structure':
    case 'unused':
    case 'metadata':
    case 'dss':
    case 'document-timestamp':
      return true;
    case 'signature':
    case 'form-fill':
      return permission >= 2;
    case 'annotation':
      return permission >= 3;
    case 'page-content':
    case 'other':
      return false;
  }
}
