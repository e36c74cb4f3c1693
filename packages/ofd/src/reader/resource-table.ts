import type { OfdPackage } from '../package/ofd-package.js';
import { dirOf, resolveDir, resolveLoc } from '../package/st-loc.js';
import type { CT_ColorSpace, CT_DrawParam, CT_Font, CT_MultiMedia, CT_VectorG, ResXml } from '../model/res-xml.js';

/** A resource with where it was declared and, for fonts and media, the package path of its file. */
export interface Located<T> {
  readonly resource: T;
  /** The Res file that declared it. */
  readonly resPath: string;
  /** Resolved package path of FontFile / MediaFile. */
  readonly filePath?: string;
}

export interface ResFile {
  readonly path: string;
  readonly xml: ResXml;
}

/**
 * All resources visible from a page: PublicRes, DocumentRes and the page's own PageRes, by ID. File
 * locations resolve against the Res file's BaseLoc directory (Res.xsd); when that names no entry
 * the Res file's own directory is tried, since some producers repeat the BaseLoc in the file name.
 */
export class ResourceTable {
  readonly fonts = new Map<number, Located<CT_Font>>();
  readonly multiMedias = new Map<number, Located<CT_MultiMedia>>();
  readonly colorSpaces = new Map<number, Located<CT_ColorSpace>>();
  readonly drawParams = new Map<number, Located<CT_DrawParam>>();
  readonly compositeGraphicUnits = new Map<number, Located<CT_VectorG>>();

  constructor(
    readonly files: readonly ResFile[],
    pkg: OfdPackage,
  ) {
    for (const file of files) {
      const resDir = resolveDir(file.xml.baseLoc, dirOf(file.path));
      const locate = (loc: string): string => {
        const primary = resolveLoc(loc, resDir);
        if (pkg.has(primary)) return primary;
        const alternative = resolveLoc(loc, dirOf(file.path));
        return pkg.has(alternative) ? alternative : primary;
      };
      for (const f of file.xml.fonts) {
        this.fonts.set(f.id, f.fontFile === undefined ? { resource: f, resPath: file.path } : { resource: f, resPath: file.path, filePath: locate(f.fontFile) });
      }
      for (const m of file.xml.multiMedias) this.multiMedias.set(m.id, { resource: m, resPath: file.path, filePath: locate(m.mediaFile) });
      for (const c of file.xml.colorSpaces) this.colorSpaces.set(c.id, { resource: c, resPath: file.path });
      for (const d of file.xml.drawParams) this.drawParams.set(d.id, { resource: d, resPath: file.path });
      for (const v of file.xml.compositeGraphicUnits) this.compositeGraphicUnits.set(v.id, { resource: v, resPath: file.path });
    }
  }
}
