import type { PdfObject, PdfRef } from '@openseal/pdf';

/** Where new indirect objects go: an IncrementalWriter, or a writer of a whole new file (fixtures). */
export interface ObjectSink {
  add(value: PdfObject): PdfRef;
}
