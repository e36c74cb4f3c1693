import { Command, CommanderError } from 'commander';
import { isOpenSealError } from '@openseal/kernel';
import { processContext, type CliContext } from './context.js';
import { CliUsageError } from './errors.js';
import { registerCommands } from './commands/index.js';

export function buildProgram(ctx: CliContext): Command {
  const program = new Command('openseal')
    .description('OpenSeal — electronic seals for official documents (PDF/PAdES, OFD/GB/T 38540, SM2/SM3)')
    .version('0.1.0')
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ writeOut: (s) => ctx.stdout(s), writeErr: (s) => ctx.stderr(s) });
  registerCommands(program, ctx);
  program.commands.forEach(function exit(c: Command): void {
    c.exitOverride();
    c.commands.forEach(exit);
  });
  program.exitOverride();
  return program;
}

/** Runs the CLI; returns the exit code (0 ok, 1 operation failed, 2 usage error). */
export async function main(argv: string[], ctx: CliContext = processContext()): Promise<number> {
  const program = buildProgram(ctx);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return ctx.exit.code;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return 0;
      return e.exitCode === 0 ? 0 : 2;
    }
    if (e instanceof CliUsageError) {
      ctx.stderr(`openseal: ${e.message}`);
      return 2;
    }
    if (isOpenSealError(e)) {
      ctx.stderr(`openseal: error ${e.code}: ${e.message}`);
      return 1;
    }
    // A bug: keep one line for the user, the stack only when asked for.
    const message = e instanceof Error ? e.message : String(e);
    ctx.stderr(`openseal: internal error: ${message}`);
    if (process.env.OPENSEAL_DEBUG && e instanceof Error && e.stack) ctx.stderr(e.stack);
    return 70;
  }
}
