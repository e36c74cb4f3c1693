import type { Command } from 'commander';
import { insertRedHeader } from '@openseal/layout';
import type { CliContext } from '../context.js';
import { officialFonts } from '../io/cjk-fonts.js';
import { readInput, writeOutput } from '../io/files.js';
import { loadTemplate } from './compose.js';

interface RedheadOptions {
  template: string;
  out: string;
  number?: string;
  copyNumber?: string;
  classification?: string;
  urgency?: string;
  signer?: string[];
  password?: string;
  json?: boolean;
}

/** `openseal redhead IN.pdf --template T -o OUT.pdf`: a 红头 on page 1, the author's content moved below it. */
export function registerRedheadCommand(program: Command, ctx: CliContext): void {
  program
    .command('redhead')
    .description('insert a red header (版头, GB/T 9704-2012) on the first page of an unsigned PDF; the content moves below it')
    .argument('<input>', 'PDF file (e.g. from openseal convert)')
    .requiredOption('--template <template>', 'template: document | joint | letter | order | minutes or a JSON file')
    .requiredOption('-o, --out <file>', 'output PDF')
    .option('--number <text>', '发文字号, e.g. 某府发〔2026〕3号')
    .option('--copy-number <n>', '份号')
    .option('--classification <text>', '密级和保密期限, e.g. 机密★1年')
    .option('--urgency <text>', '紧急程度: 特急 or 加急')
    .option('--signer <name...>', '签发人 (upward documents)')
    .option('--password <password>', 'password of an encrypted input')
    .option('--json', 'print the placement as JSON')
    .action((input: string, o: RedheadOptions) => {
      const [level, period] = (o.classification ?? '').split('★');
      const r = insertRedHeader(readInput(input), loadTemplate(o.template), officialFonts(), {
        fields: {
          ...(o.number === undefined ? {} : { documentNumber: o.number }),
          ...(o.copyNumber === undefined ? {} : { copyNumber: o.copyNumber }),
          ...(level ? { classification: { level, ...(period ? { period } : {}) } } : {}),
          ...(o.urgency === undefined ? {} : { urgency: o.urgency }),
          ...(o.signer === undefined ? {} : { signers: o.signer }),
        },
        ...(o.password === undefined ? {} : { password: o.password }),
      });
      writeOutput(o.out, r.pdf);
      if (o.json) ctx.stdout(JSON.stringify({ out: o.out, placement: r.placement, redLineY: r.redLineY }, null, 2));
      else ctx.stdout(`wrote ${o.out}${r.placement.scale < 1 ? ` (first page content scaled to ${(r.placement.scale * 100).toFixed(0)} % to fit under the header)` : ''}`);
    });
}
