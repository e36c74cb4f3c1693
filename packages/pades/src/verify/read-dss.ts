/** The Document Security Store of a revision (ETSI EN 319 142-1 §5.4.2), parsed leniently. */
import { OpenSealError } from '@openseal/kernel';
import { PdfDict, PdfStream, type RevisionView } from '@openseal/pdf';
import { Certificate, parseCrl, type Crl } from '@openseal/pki';

export interface DssContents {
  readonly certificates: readonly Certificate[];
  readonly ocspResponses: readonly Uint8Array[];
  readonly crls: readonly Crl[];
  readonly vri: number;
  /** Entries that could not be read (reported, not fatal). */
  readonly unreadable: number;
}

const MAX_ENTRIES = 10_000;

export function readDss(view: RevisionView): DssContents | undefined {
  let dss;
  try {
    dss = view.resolve(view.catalog.get('DSS'));
  } catch (e) {
    if (!(e instanceof OpenSealError)) throw e;
    return undefined;
  }
  if (!(dss instanceof PdfDict)) return undefined;
  let unreadable = 0;
  const streams = (key: string): Uint8Array[] => {
    const out: Uint8Array[] = [];
    const arr = view.resolve(dss.get(key));
    if (!Array.isArray(arr)) return out;
    for (const r of arr.slice(0, MAX_ENTRIES)) {
      try {
        const s = view.resolve(r);
        if (s instanceof PdfStream) out.push(view.streamData(s));
        else unreadable++;
      } catch (e) {
        if (!(e instanceof OpenSealError)) throw e;
        unreadable++;
      }
    }
    return out;
  };
  const parseAll = <T>(list: Uint8Array[], parse: (d: Uint8Array) => T): T[] => {
    const out: T[] = [];
    for (const d of list) {
      try {
        out.push(parse(d));
      } catch (e) {
        if (!(e instanceof OpenSealError)) throw e;
        unreadable++;
      }
    }
    return out;
  };
  const certificates = parseAll(streams('Certs'), (d) => Certificate.fromDer(d));
  const crls = parseAll(streams('CRLs'), (d) => parseCrl(d));
  const ocspResponses = streams('OCSPs');
  const vri = view.resolve(dss.get('VRI'));
  return { certificates, ocspResponses, crls, vri: vri instanceof PdfDict ? vri.size : 0, unreadable };
}
