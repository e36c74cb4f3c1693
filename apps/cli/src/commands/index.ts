import type { Command } from 'commander';
import type { CliContext } from '../context.js';
import { registerCaCommands } from './ca.js';
import { registerCertCommands } from './cert.js';
import { registerComposeCommand } from './compose.js';
import { registerConvertCommand } from './convert.js';
import { registerCrlCommand } from './crl.js';
import { registerDemoCommand } from './demo.js';
import { registerKeyCommands } from './key.js';
import { registerPdfCommands } from './pdf-commands.js';
import { ofdDocumentVerifier } from './ofd-verify.js';
import { registerSealCommands } from './seal.js';
import { registerRedheadCommand } from './redhead.js';
import { registerRenderCommand } from './render.js';
import { registerSealImageCommands } from './seal-image.js';
import { registerTimestampCommand } from './timestamp.js';

export function registerCommands(program: Command, ctx: CliContext): void {
  registerKeyCommands(program, ctx);
  registerPdfCommands(program, ctx, { verifiers: [ofdDocumentVerifier] });
  registerSealCommands(program, ctx);
  registerCaCommands(program, ctx);
  registerCertCommands(program, ctx);
  registerCrlCommand(program, ctx);
  registerDemoCommand(program, ctx);
  registerTimestampCommand(program, ctx);
  registerRenderCommand(program, ctx);
  registerConvertCommand(program, ctx);
  registerComposeCommand(program, ctx);
  registerRedheadCommand(program, ctx);
  registerSealImageCommands(program, ctx);
}
