/** Time is an input, never ambient: every engine that needs "now" takes a Clock. */
export interface Clock {
  now(): Date;
}

/** A clock frozen at one instant (tests, and re-validation "as of" a past time). */
export class FixedClock implements Clock {
  readonly #at: number;
  constructor(at: Date | string | number) {
    this.#at = new Date(at).getTime();
  }
  now(): Date {
    return new Date(this.#at);
  }
}
