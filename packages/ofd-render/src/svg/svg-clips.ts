import type { Clip } from '../display/display-list.js';
import { isIdentity, matrixAttr, pathData } from './svg-format.js';

/** Clip paths of one SVG document, shared by identical content. */
export class SvgClipRegistry {
  readonly #ids = new Map<string, string>();
  readonly defs: string[] = [];

  constructor(private readonly prefix: string) {}

  /** Id of a clipPath element for `clip` (the union of its shapes, in page mm). */
  id(clip: Clip): string {
    const body = clip.shapes
      .map((s) => `<path${isIdentity(s.matrix) ? '' : ` transform="${matrixAttr(s.matrix)}"`} d="${pathData(s.path) || 'M0 0'}" clip-rule="${s.rule}"/>`)
      .join('');
    let id = this.#ids.get(body);
    if (id === undefined) {
      id = `${this.prefix}c${this.#ids.size + 1}`;
      this.#ids.set(body, id);
      this.defs.push(`<clipPath id="${id}" clipPathUnits="userSpaceOnUse">${body}</clipPath>`);
    }
    return id;
  }
}
