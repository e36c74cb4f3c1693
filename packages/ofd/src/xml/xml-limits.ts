/** Bounds on one XML part; the parser is streaming, so each is checked before the tree grows past it. */
export interface XmlLimits {
  readonly maxBytes: number;
  readonly maxDepth: number;
  readonly maxElements: number;
  readonly maxAttributesPerElement: number;
}

/** Page content of real files reaches a few MB and depth ~10; these leave ample room. */
export const DEFAULT_XML_LIMITS: XmlLimits = {
  maxBytes: 64 * 1024 * 1024,
  maxDepth: 256,
  maxElements: 2_000_000,
  maxAttributesPerElement: 256,
};

export function xmlLimits(overrides: Partial<XmlLimits> = {}): XmlLimits {
  return { ...DEFAULT_XML_LIMITS, ...overrides };
}
