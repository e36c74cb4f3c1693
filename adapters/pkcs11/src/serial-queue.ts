/**
 * Runs tasks one after another. A PKCS#11 session holds one active operation at a time
 * (C_SignInit … C_Sign), so every call on a session goes through its queue.
 */
export class SerialQueue {
  #tail: Promise<void> = Promise.resolve();

  run<T>(task: () => T | Promise<T>): Promise<T> {
    const result = this.#tail.then(task);
    // The caller receives `result` (and its rejection); the chain itself only waits for settlement.
    this.#tail = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }
}
