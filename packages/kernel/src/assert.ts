/** Bugs are assertions: they throw plain Errors, are never caught below the top level. */
export function assert(condition: unknown, message = 'assertion failed'): asserts condition {
  if (!condition) throw new Error(`Assertion failed: ${message}`);
}

export function unreachable(value: never, message = 'unreachable code reached'): never {
  throw new Error(`${message}: ${String(value)}`);
}
