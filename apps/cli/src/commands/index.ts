import type { Command } from 'commander';
import type { CliContext } from '../context.js';
import { registerKeyCommands } from './key.js';

export function registerCommands(program: Command, ctx: CliContext): void {
  registerKeyCommands(program, ctx);
}
