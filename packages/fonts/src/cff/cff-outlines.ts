import type { PathCommand } from '../path-commands.js';

/** Glyph outlines of a CFF ('OTTO') face. */
export interface CffOutlines {
  path(gid: number): PathCommand[];
}
