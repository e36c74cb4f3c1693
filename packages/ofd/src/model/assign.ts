/** Sets an optional property only when a value is present (exactOptionalPropertyTypes: absent ≠ undefined). */
export function assign<T extends object, K extends keyof T>(target: T, key: K, value: T[K] | undefined): void {
  if (value !== undefined) target[key] = value;
}
