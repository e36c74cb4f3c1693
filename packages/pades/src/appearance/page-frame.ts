/**
 * A page as the reader sees it: the crop box turned by /Rotate, measured in millimetres from its top-left
 * corner. Converts those coordinates to PDF user space (origin bottom-left, y up) and back.
 */
import type { PdfPage } from '@openseal/pdf';
import { MM_PER_PT } from './units.js';

/** [x1 y1 x2 y2] in user space, x1 ≤ x2 and y1 ≤ y2. */
export type UserRect = readonly [number, number, number, number];

/** A box on the page as seen: millimetres from the top-left corner of the displayed (rotated) crop box. */
export interface MmBox {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export type PageRotation = 0 | 90 | 180 | 270;

/** A 2-D affine matrix [a b c d e f] (ISO 32000-2 §8.3.3). */
export type Matrix = readonly [number, number, number, number, number, number];

export class PageFrame {
  constructor(
    /** The crop box in user space (§14.11.2: what is displayed and printed). */
    readonly box: UserRect,
    /** Clockwise rotation applied when the page is displayed (§7.7.3.3 /Rotate). */
    readonly rotate: PageRotation,
    /** Millimetres per user-space unit (§14.11.1 /UserUnit, default 1/72 inch). */
    readonly mmPerUnit: number = MM_PER_PT,
  ) {}

  static of(page: PdfPage): PageFrame {
    const u = page.dict.get('UserUnit');
    const unit = typeof u === 'number' && u > 0 && Number.isFinite(u) ? u : 1;
    return new PageFrame(page.cropBox, normaliseRotation(page.rotate), MM_PER_PT * unit);
  }

  get #sideways(): boolean {
    return this.rotate === 90 || this.rotate === 270;
  }

  /** Width of the page as seen, in mm. */
  get widthMm(): number {
    const [x1, y1, x2, y2] = this.box;
    return (this.#sideways ? y2 - y1 : x2 - x1) * this.mmPerUnit;
  }

  /** Height of the page as seen, in mm. */
  get heightMm(): number {
    const [x1, y1, x2, y2] = this.box;
    return (this.#sideways ? x2 - x1 : y2 - y1) * this.mmPerUnit;
  }

  /** A point seen at (xMm, yMm) from the top-left, in user space. */
  toUser(xMm: number, yMm: number): [number, number] {
    const u = xMm / this.mmPerUnit;
    const v = yMm / this.mmPerUnit;
    const [x1, y1, x2, y2] = this.box;
    // Display turns the page clockwise: at 90° the user-space bottom-left corner shows at the top-left.
    switch (this.rotate) {
      case 0: return [x1 + u, y2 - v];
      case 90: return [x1 + v, y1 + u];
      case 180: return [x2 - u, y1 + v];
      case 270: return [x2 - v, y2 - u];
    }
  }

  /** The inverse of toUser. */
  toSeen(x: number, y: number): [number, number] {
    const [x1, y1, x2, y2] = this.box;
    let u: number;
    let v: number;
    switch (this.rotate) {
      case 0: [u, v] = [x - x1, y2 - y]; break;
      case 90: [u, v] = [y - y1, x - x1]; break;
      case 180: [u, v] = [x2 - x, y - y1]; break;
      case 270: [u, v] = [y2 - y, x2 - x]; break;
    }
    return [u * this.mmPerUnit, v * this.mmPerUnit];
  }

  /** A box as seen → the user-space rectangle it covers. */
  boxToUser(b: MmBox): UserRect {
    const [ax, ay] = this.toUser(b.x, b.y);
    const [bx, by] = this.toUser(b.x + b.width, b.y + b.height);
    return [Math.min(ax, bx), Math.min(ay, by), Math.max(ax, bx), Math.max(ay, by)];
  }

  /** A user-space rectangle → the box it shows as. */
  rectToSeen(r: UserRect): MmBox {
    const [ax, ay] = this.toSeen(r[0], r[1]);
    const [bx, by] = this.toSeen(r[2], r[3]);
    const x = Math.min(ax, bx);
    const y = Math.min(ay, by);
    return { x, y, width: Math.abs(bx - ax), height: Math.abs(by - ay) };
  }

  /**
   * The Form XObject /Matrix that keeps an appearance drawn upright in a bbox of w × h (seen orientation)
   * upright on screen: it turns the drawing counter-clockwise by /Rotate, which the viewer turns back.
   * The translation keeps the transformed bbox at the origin (ISO 32000-2 §12.5.5, Algorithm 8.1).
   */
  formMatrix(w: number, h: number): Matrix {
    switch (this.rotate) {
      case 0: return [1, 0, 0, 1, 0, 0];
      case 90: return [0, 1, -1, 0, h, 0];
      case 180: return [-1, 0, 0, -1, w, h];
      case 270: return [0, -1, 1, 0, 0, w];
    }
  }
}

export function normaliseRotation(r: number): PageRotation {
  const n = (((Math.round(r / 90) * 90) % 360) + 360) % 360;
  return n as PageRotation;
}
