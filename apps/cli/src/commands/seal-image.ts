import type { Command } from 'commander';
import { cutOutSealPng, sealImage, sealToPng, sealToSvg, type SealImageShape } from '@openseal/layout';
import type { CliContext } from '../context.js';
import { CliUsageError } from '../errors.js';
import { sealFont } from '../io/cjk-fonts.js';
import { readInput, writeOutput } from '../io/files.js';

interface SealImageOptions {
  name: string;
  purpose?: string;
  code?: string;
  shape: string;
  size?: string;
  height?: string;
  star: boolean;
  texture?: boolean;
  color?: string;
  dpi: string;
  out: string;
}

const SHAPES: readonly SealImageShape[] = ['round', 'oval', 'square', 'personal'];

function mm(text: string | undefined, flag: string): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isFinite(n) || n <= 0) throw new CliUsageError(`${flag} must be a positive number of millimetres`);
  return n;
}

function color(text: string | undefined): readonly [number, number, number] | undefined {
  if (text === undefined) return undefined;
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(text);
  if (!m) throw new CliUsageError('--color must be #rrggbb');
  return [parseInt(m[1] as string, 16), parseInt(m[2] as string, 16), parseInt(m[3] as string, 16)];
}

/** Adds `image` and `cutout` to the `seal` command (created by seal.ts; made here if it is absent). */
export function registerSealImageCommands(program: Command, ctx: CliContext): void {
  const seal = program.commands.find((c) => c.name() === 'seal') ?? program.command('seal').description('electronic seals');
  seal
    .command('image')
    .description('draw a seal picture from text: round official seal (star, name on the upper arc), oval, square or personal name seal')
    .requiredOption('--name <text>', 'organisation (or person, for --shape personal)')
    .option('--purpose <text>', 'seal purpose, e.g. 合同专用章')
    .option('--code <text>', 'code: along the bottom arc (round) or across the middle (oval)')
    .option('--shape <shape>', SHAPES.join(' | '), 'round')
    .option('--size <mm>', 'diameter (round, default 42), width (oval, 40) or side (square 40, personal 20)')
    .option('--height <mm>', 'oval height (default 30)')
    .option('--no-star', 'leave out the five-pointed star')
    .option('--texture', 'add a faint security texture')
    .option('--color <#rrggbb>', 'ink colour (default #ff0000)')
    .option('--dpi <dpi>', 'PNG resolution', '300')
    .requiredOption('-o, --out <file>', 'output .svg or .png')
    .action((o: SealImageOptions) => {
      if (!SHAPES.includes(o.shape as SealImageShape)) throw new CliUsageError(`--shape must be one of ${SHAPES.join(', ')}`);
      const size = mm(o.size, '--size');
      const height = mm(o.height, '--height');
      const c = color(o.color);
      const drawing = sealImage({
        name: o.name, shape: o.shape as SealImageShape, star: o.star,
        ...(o.purpose === undefined ? {} : { purpose: o.purpose }),
        ...(o.code === undefined ? {} : { code: o.code }),
        ...(size === undefined ? {} : { sizeMm: size }),
        ...(height === undefined ? {} : { heightMm: height }),
        ...(o.texture ? { texture: true } : {}),
        ...(c === undefined ? {} : { color: c }),
      }, sealFont());
      const dpi = Number(o.dpi);
      if (!(dpi >= 72 && dpi <= 1200)) throw new CliUsageError('--dpi must be 72–1200');
      if (/\.svg$/i.test(o.out)) writeOutput(o.out, sealToSvg(drawing));
      else if (/\.png$/i.test(o.out)) writeOutput(o.out, sealToPng(drawing, dpi));
      else throw new CliUsageError('give an output file ending in .svg or .png');
      ctx.stdout(`wrote ${drawing.widthMm} × ${drawing.heightMm} mm seal picture to ${o.out}`);
    });
  seal
    .command('cutout')
    .description('cut a scanned red seal out of white paper: PNG in, PNG with a transparent background out')
    .argument('<scan>', 'PNG scan of a stamped seal')
    .requiredOption('-o, --out <file>', 'output PNG')
    .option('--color <#rrggbb>', 'ink colour of the result (default: the scan’s own red)')
    .action((scan: string, o: { out: string; color?: string }) => {
      const c = color(o.color);
      writeOutput(o.out, cutOutSealPng(readInput(scan), c === undefined ? {} : { color: c }));
      ctx.stdout(`wrote ${o.out}`);
    });
}
