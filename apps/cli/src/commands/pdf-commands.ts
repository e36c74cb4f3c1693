import type { Command } from 'commander';
import type { CliContext } from '../context.js';
import { registerPdfSignCommand } from './pdf-sign.js';
import { registerPdfVerifyCommand, type DocumentVerifier } from './pdf-verify.js';

/**
 * `openseal sign` and `openseal verify`. Verification of other formats plugs in through `verifiers`
 * (chosen by content sniffing; PDF is recognised by its %PDF- header).
 */
export function registerPdfCommands(program: Command, ctx: CliContext, options: { verifiers?: readonly DocumentVerifier[] } = {}): void {
  registerPdfSignCommand(program, ctx);
  registerPdfVerifyCommand(program, ctx, options.verifiers ?? []);
}
