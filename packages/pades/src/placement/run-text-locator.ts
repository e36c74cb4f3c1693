/** A TextLocator over any TextRunSource: selects pages and occurrences, searches and groups lines. */
import type { FindTextOptions, PageSelection, TextLine, TextLocator, TextMatch, TextRunSource } from './text-locator.js';
import { groupLines, resolvePages, searchRuns } from './text-search.js';

export class RunTextLocator implements TextLocator {
  constructor(readonly source: TextRunSource) {}

  async find(pdf: Uint8Array, query: string | RegExp, options: FindTextOptions = {}): Promise<TextMatch[]> {
    const occurrence = options.occurrence ?? 'all';
    return this.source.open(pdf, async (doc) => {
      const pages = resolvePages(options.pages, doc.pageCount);
      // 'last' reads from the end and stops at the first page with a match.
      const order = occurrence === 'last' ? [...pages].reverse() : pages;
      const found: TextMatch[] = [];
      for (const pageIndex of order) {
        const matches = searchRuns(await doc.runs(pageIndex), query).map((m) => ({ pageIndex, ...m }));
        if (occurrence === 'last' && matches.length > 0) return [matches[matches.length - 1] as TextMatch];
        found.push(...matches);
        if (occurrence === 'first' && found.length > 0) return [found[0] as TextMatch];
        if (typeof occurrence === 'number' && found.length > occurrence) return [found[occurrence] as TextMatch];
      }
      return occurrence === 'all' ? found : [];
    });
  }

  async lines(pdf: Uint8Array, options: { readonly pages?: PageSelection } = {}): Promise<TextLine[]> {
    return this.source.open(pdf, async (doc) => {
      const out: TextLine[] = [];
      for (const pageIndex of resolvePages(options.pages, doc.pageCount)) {
        for (const l of groupLines(await doc.runs(pageIndex))) out.push({ pageIndex, text: l.text, rect: l.rect, size: l.size });
      }
      return out;
    });
  }
}
