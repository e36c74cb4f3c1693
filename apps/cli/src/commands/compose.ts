import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { BUILTIN_TEMPLATES, composeOfficialDocument, parseOfficialFields, parseOfficialTemplate, type OfficialTemplate } from '@openseal/layout';
import type { CliContext } from '../context.js';
import { CliUsageError } from '../errors.js';
import { officialFonts } from '../io/cjk-fonts.js';
import { readInput, writeOutput } from '../io/files.js';

/** A built-in template id (document, joint, letter, order, minutes) or a template JSON file. */
export function loadTemplate(spec: string | undefined): OfficialTemplate {
  const id = spec ?? 'document';
  const builtin = BUILTIN_TEMPLATES[id];
  if (builtin !== undefined) return builtin;
  if (!existsSync(id)) throw new CliUsageError(`unknown template "${id}": give one of ${Object.keys(BUILTIN_TEMPLATES).join(', ')} or a JSON file`);
  return parseOfficialTemplate(readJson(id));
}

export function readJson(path: string): unknown {
  try {
    return JSON.parse(new TextDecoder().decode(readInput(path)));
  } catch (e) {
    if (e instanceof SyntaxError) throw new CliUsageError(`${path} is not valid JSON: ${e.message}`);
    throw e;
  }
}

/** `openseal compose FIELDS.json -o OUT.pdf|OUT.ofd [--template T]`: a GB/T 9704 document from structured fields. */
export function registerComposeCommand(program: Command, ctx: CliContext): void {
  program
    .command('compose')
    .description('lay out an official document (GB/T 9704-2012) from structured fields as PDF or OFD, with the seal position')
    .argument('<fields>', 'JSON file: title, mainRecipients, body[], attachments[], signatures[], date, notes, copyTo, printedBy, printedDate, documentNumber …')
    .requiredOption('-o, --out <file>', 'output file (.pdf or .ofd)')
    .option('--template <template>', `template: ${Object.keys(BUILTIN_TEMPLATES).join(' | ')} or a JSON file`, 'document')
    .option('--json', 'print pages and seal positions as JSON')
    .action((fieldsPath: string, o: { out: string; template: string; json?: boolean }) => {
      const target = /\.pdf$/i.test(o.out) ? 'pdf' : /\.ofd$/i.test(o.out) ? 'ofd' : undefined;
      if (target === undefined) throw new CliUsageError('give an output file ending in .pdf or .ofd');
      const fields = parseOfficialFields(readJson(fieldsPath));
      const doc = composeOfficialDocument(fields, loadTemplate(o.template), officialFonts(), { random: ctx.random, creationDate: ctx.clock.now() });
      writeOutput(o.out, target === 'pdf' ? doc.pdf : doc.ofd);
      const info = { out: o.out, pages: doc.pageCount, sealPosition: doc.sealPosition ?? null, sealPositions: doc.sealPositions };
      if (o.json) ctx.stdout(JSON.stringify(info, null, 2));
      else {
        const s = doc.sealPosition;
        ctx.stdout(`wrote ${doc.pageCount} page(s) to ${o.out}${s ? `; seal centre page ${s.pageIndex + 1} at (${s.centreMm.x.toFixed(1)}, ${s.centreMm.y.toFixed(1)}) mm, ${s.sizeMm} mm` : ''}`);
      }
    });
}
