import { resolveFontSubstitute } from '@openseal/fonts';
import type { FontFace } from '../display/display-list.js';

/**
 * CSS font-family fallbacks for a face: the names the document gives, the free substitutes that the
 * fonts package knows for them (宋体 → AR PL UMing CN, …), then a generic family.
 */
export function cssFontFamilies(face: FontFace): string[] {
  const names = [face.name, face.family].filter((n): n is string => n !== undefined && n !== '' && n !== 'unknown');
  const out: string[] = [];
  const add = (n: string): void => {
    if (!out.includes(n)) out.push(n);
  };
  names.forEach(add);
  let generic = face.fixedWidth ? 'monospace' : face.serif ? 'serif' : undefined;
  for (const n of names) {
    const sub = resolveFontSubstitute(n);
    if (sub === undefined) continue;
    sub.candidates.forEach((c) => add(c.family));
    generic ??= sub.category === 'hei' || sub.category === 'latin-sans' ? 'sans-serif' : sub.category === 'latin-mono' ? 'monospace' : 'serif';
  }
  add(generic ?? 'serif');
  return out;
}
