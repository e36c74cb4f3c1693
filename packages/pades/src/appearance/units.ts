/** ISO 32000-2 §8.3.2.3: default user space unit = 1/72 inch; 1 inch = 25.4 mm (exact). */
export const MM_PER_PT = 25.4 / 72;
export const PT_PER_MM = 72 / 25.4;

export function mmToPt(mm: number): number {
  return mm * PT_PER_MM;
}

export function ptToMm(pt: number): number {
  return pt * MM_PER_PT;
}
