import { InvalidArgumentError } from '@openseal/kernel';
import { serializeDocumentXml } from '../model/document-xml.js';
import { serializeOfdXmlFile } from '../model/ofd-xml.js';
import { serializePageXml } from '../model/page-xml.js';
import { serializeResXml } from '../model/res-xml.js';
import { OfdDuplicateEntryError } from '../errors.js';
import { checkEntryName } from '../package/entry-name.js';
import { dirOf, resolveLoc } from '../package/st-loc.js';
import { DOS_EPOCH, toDosDateTime } from '../zip/dos-time.js';
import { writeZip } from '../zip/write-zip.js';
import type { OfdModel } from './ofd-model.js';

export interface WriteOfdOptions {
  /** Timestamp of every entry (engines have no clock); default 1980-01-01T00:00:00Z, so output is reproducible. */
  readonly modifiedAt?: Date;
}

/** Serialises a model into package bytes: XML in XSD element order with the 2016 namespace, then binary parts. */
export function writeOfd(model: OfdModel, options: WriteOfdOptions = {}): Uint8Array {
  const body = model.ofd.docBodies[0];
  if (body === undefined) throw new InvalidArgumentError('OFD.xml needs a DocBody');
  const documentPath = resolveLoc(body.docRoot, '');
  const docDir = dirOf(documentPath);
  const cd = model.document.commonData;
  const parts: Array<[string, Uint8Array]> = [
    ['OFD.xml', serializeOfdXmlFile(model.ofd)],
    [documentPath, serializeDocumentXml(model.document)],
  ];
  const resAt = (locs: readonly string[], res: OfdModel['publicRes'], what: string): void => {
    if (res === undefined) return;
    const loc = locs[0];
    if (loc === undefined) throw new InvalidArgumentError(`${what} given but CommonData names no ${what} location`);
    parts.push([resolveLoc(loc, docDir), serializeResXml(res)]);
  };
  resAt(cd.publicRes, model.publicRes, 'PublicRes');
  resAt(cd.documentRes, model.documentRes, 'DocumentRes');
  if (model.pages.length !== model.document.pages.length) throw new InvalidArgumentError('pages and Document.xml Pages differ in number');
  model.document.pages.forEach((ref, i) => parts.push([resolveLoc(ref.baseLoc, docDir), serializePageXml(model.pages[i]!)]));
  const templates = model.templates ?? [];
  if (templates.length !== cd.templatePages.length) throw new InvalidArgumentError('templates and TemplatePage entries differ in number');
  cd.templatePages.forEach((ref, i) => parts.push([resolveLoc(ref.baseLoc, docDir), serializePageXml(templates[i]!)]));
  for (const [path, bytes] of model.files) parts.push([path.startsWith('/') ? path.slice(1) : path, bytes]);

  const { time: dosTime, date: dosDate } = toDosDateTime(options.modifiedAt ?? DOS_EPOCH);
  const seen = new Map<string, string>();
  return writeZip(
    parts.map(([path, data]) => {
      const name = checkEntryName(path);
      const clash = seen.get(name.key);
      if (clash !== undefined) throw new OfdDuplicateEntryError(name.path, clash);
      seen.set(name.key, name.path);
      return { name: name.path, data, dosTime, dosDate };
    }),
  );
}
