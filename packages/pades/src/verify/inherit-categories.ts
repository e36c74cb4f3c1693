import { OpenSealError } from '@openseal/kernel';
import type { PdfObject, RevisionChange, RevisionView } from '@openseal/pdf';
import type { ClassifiedChange, ChangeVerdict } from './classified-change.js';
import { worseCategory, type ModificationCategory } from './modification-category.js';
import { refsIn } from './revision-index.js';

/**
 * New objects take the worst class of the classified changes that reach them; a changed existing
 * object is accepted only as part of an annotation's appearance (/AP), otherwise it is "other".
 */
export function inheritCategories(after: RevisionView, pending: readonly RevisionChange[], verdicts: ReadonlyMap<number, ChangeVerdict>, changed: ReadonlyMap<number, RevisionChange>, k: number): ClassifiedChange[] {
  if (pending.length === 0) return [];
  const reach = new Map<number, { category: ModificationCategory; viaAppearance: boolean }>();
  const queue: { num: number; category: ModificationCategory; viaAppearance: boolean }[] = [];
  for (const v of verdicts.values()) {
    if (v.category === 'structure') continue;
    for (const root of v.roots ?? []) {
      for (const { num, viaAppearance } of refsIn(root, false)) queue.push({ num, category: v.category, viaAppearance });
    }
  }
  let steps = 0;
  while (queue.length > 0 && steps++ < 200_000) {
    const item = queue.shift() as (typeof queue)[number];
    if (!changed.has(item.num) || verdicts.has(item.num)) continue;
    const seen = reach.get(item.num);
    if (seen && worseCategory(seen.category, item.category) === seen.category && (seen.viaAppearance || !item.viaAppearance)) continue;
    reach.set(item.num, { category: seen ? worseCategory(seen.category, item.category) : item.category, viaAppearance: item.viaAppearance || (seen?.viaAppearance ?? false) });
    let value: PdfObject;
    try {
      value = after.getObject(item.num);
    } catch (e) {
      if (!(e instanceof OpenSealError)) throw e;
      continue;
    }
    for (const next of refsIn(value, item.viaAppearance)) queue.push({ num: next.num, category: item.category, viaAppearance: next.viaAppearance });
  }
  return pending.map((c) => {
    const r = reach.get(c.num);
    if (c.kind === 'added') {
      return r
        ? { revision: k, object: c.num, change: c.kind, category: r.category, description: `new object used by a ${r.category} change` }
        : { revision: k, object: c.num, change: c.kind, category: 'unused' as const, description: 'new object not referenced' };
    }
    if (r && r.viaAppearance && r.category !== 'page-content' && r.category !== 'other') {
      return { revision: k, object: c.num, change: c.kind, category: r.category, description: `appearance object rewritten (${r.category})` };
    }
    return { revision: k, object: c.num, change: c.kind, category: 'other' as const, description: 'an existing object was changed' };
  });
}
