import type { Command } from 'commander';
import type { CliContext } from '../context.js';
import { registerCaCommands } from './ca.js';
import { registerCertCommands } from './cert.js';
import { registerCrlCommand } from './crl.js';
import { registerDemoCommand } from './demo.js';
import { registerKeyCommands } from './key.js';
import { registerTimestampCommand } from './timestamp.js';

export function registerCommands(program: Command, ctx: CliContext): void {
  registerKeyCommands(program, ctx);
  registerCaCommands(program, ctx);
  registerCertCommands(program, ctx);
  registerCrlCommand(program, ctx);
  registerDemoCommand(program, ctx);
  registerTimestampCommand(program, ctx);
}
