/** Test-only: compares our object model with qpdf's JSON v2 view of the same file (an independent reader). */
import { PdfDict, PdfName, PdfRef, PdfStream, PdfString, type PdfObject, type RevisionView } from '@openseal/pdf';
import { run } from './samples.js';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

export function qpdfObjects(path: string, password?: string): Map<string, Json> {
  const r = run('qpdf', [...(password ? [`--password=${password}`] : []), '--json=2', '--json-key=qpdf', '--json-stream-data=none', path]);
  if (r.status !== 0 && r.status !== 3) throw new Error(`qpdf --json failed: ${r.stderr}`);
  // qpdf copies real numbers as written in the file ("-1.", "+.123"): make them valid JSON numbers.
  const text = Buffer.from(r.stdout, 'latin1')
    .toString('utf8')
    .replace(/^(\s*(?:"[^"]*": )?)\+?(-?)(\d*)\.(\d*)(,?)$/gm, (_, pre: string, sign: string, i: string, f: string, comma: string) => `${pre}${sign}${i || '0'}.${f || '0'}${comma}`);
  const doc = JSON.parse(text) as { qpdf: [unknown, Record<string, Json>] };
  return new Map(Object.entries(doc.qpdf[1]));
}

function unescapeName(s: string): string {
  const raw = s.replace(/#([0-9a-fA-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
  // qpdf writes names as UTF-8 JSON text; ours hold the raw bytes as latin1.
  return Buffer.from(raw, 'utf8').toString('latin1');
}

/** Returns a list of differences (empty when equal). */
export function compareWithQpdf(view: RevisionView, ours: PdfObject, theirs: Json, path = ''): string[] {
  const diff = (msg: string): string[] => [`${path}: ${msg}`];
  if (ours instanceof PdfStream) {
    const st = (theirs as { stream?: { dict: Json } }).stream;
    if (!st) return diff('qpdf sees no stream');
    return compareWithQpdf(view, ours.dict, st.dict, path);
  }
  if (theirs !== null && typeof theirs === 'object' && !Array.isArray(theirs) && 'value' in theirs && path === '') return compareWithQpdf(view, ours, theirs['value'] as Json, path);
  if (ours === null) return theirs === null ? [] : diff(`null vs ${JSON.stringify(theirs)}`);
  if (typeof ours === 'boolean' || typeof ours === 'number') return ours === theirs ? [] : diff(`${ours} vs ${JSON.stringify(theirs)}`);
  if (ours instanceof PdfRef) return theirs === `${ours.num} ${ours.gen} R` ? [] : diff(`${ours} vs ${JSON.stringify(theirs)}`);
  if (ours instanceof PdfName) {
    if (typeof theirs !== 'string') return diff('name vs non-string');
    const t = theirs.startsWith('n:') ? theirs.slice(2) : theirs;
    return t.startsWith('/') && unescapeName(t.slice(1)) === ours.value ? [] : diff(`/${ours.value} vs ${theirs}`);
  }
  if (ours instanceof PdfString) {
    if (typeof theirs !== 'string') return diff('string vs non-string');
    if (theirs.startsWith('u:')) return ours.text === theirs.slice(2) ? [] : diff(`(${ours.text}) vs ${theirs}`);
    if (theirs.startsWith('b:')) return Buffer.from(ours.bytes).toString('hex') === theirs.slice(2).toLowerCase() ? [] : diff(`<${Buffer.from(ours.bytes).toString('hex')}> vs ${theirs}`);
    return diff(`unknown qpdf string ${theirs}`);
  }
  if (Array.isArray(ours)) {
    if (!Array.isArray(theirs) || theirs.length !== ours.length) return diff(`array length ${ours.length} vs ${JSON.stringify(theirs)?.slice(0, 80)}`);
    return ours.flatMap((x, i) => compareWithQpdf(view, x, theirs[i] as Json, `${path}[${i}]`));
  }
  if (ours instanceof PdfDict) {
    if (theirs === null || typeof theirs !== 'object' || Array.isArray(theirs)) return diff('dict vs non-dict');
    const out: string[] = [];
    // qpdf drops keys whose value is null (§7.3.7: same as absent).
    const keys = [...ours.keys()].filter((k) => ours.get(k) !== null);
    const theirKeys = Object.keys(theirs).filter((k) => theirs[k] !== null);
    if (keys.length !== theirKeys.length) out.push(`${path}: keys ${keys.join(',')} vs ${theirKeys.join(',')}`);
    for (const k of theirKeys) {
      const name = unescapeName(k.replace(/^n:/, '').slice(1));
      if (!ours.has(name)) {
        out.push(`${path}: missing ${k}`);
        continue;
      }
      out.push(...compareWithQpdf(view, ours.get(name) as PdfObject, theirs[k] as Json, `${path}/${name}`));
    }
    return out;
  }
  return diff('unknown object');
}
