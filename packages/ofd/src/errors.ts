import { OpenSealError } from '@openseal/kernel';

/** Stable codes of every expected failure of the OFD engine (GB/T 33190-2016 packages). */
export const OFD_ERROR_CODES = [
  'OFD_MALFORMED',
  'OFD_LIMIT_EXCEEDED',
  'OFD_UNSAFE_PATH',
  'OFD_DUPLICATE_ENTRY',
  'OFD_MISSING_PART',
  'OFD_UNSUPPORTED',
  'OFD_XML_MALFORMED',
  'OFD_XML_FORBIDDEN',
] as const;

export type OfdErrorCode = (typeof OFD_ERROR_CODES)[number];

/** Base of the OFD errors: `part` names the package entry concerned, when there is one. */
export abstract class OfdError extends OpenSealError {
  abstract override readonly code: OfdErrorCode;
}

/** The ZIP container or an OFD part is structurally wrong (bad headers, CRC, required attribute missing…). */
export class OfdMalformedError extends OfdError {
  readonly code = 'OFD_MALFORMED';
  constructor(message: string, details: Record<string, unknown> = {}, options?: ErrorOptions) {
    super(message, details, options);
  }
}

/** A size, count, ratio or depth limit protecting the reader was exceeded (zip bombs, huge XML). */
export class OfdLimitExceededError extends OfdError {
  readonly code = 'OFD_LIMIT_EXCEEDED';
  constructor(
    readonly limit: string,
    readonly max: number,
    readonly actual?: number,
    readonly part?: string,
  ) {
    super(
      `${limit} exceeds the limit of ${max}${actual === undefined ? '' : ` (got ${actual})`}${part === undefined ? '' : ` in ${part}`}`,
      { limit, max, ...(actual === undefined ? {} : { actual }), ...(part === undefined ? {} : { part }) },
    );
  }
}

/** An entry name or ST_Loc that could escape the package or confuse extractors (`..`, `/abs`, `C:`, `\`, NUL). */
export class OfdUnsafePathError extends OfdError {
  readonly code = 'OFD_UNSAFE_PATH';
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`unsafe path ${JSON.stringify(path)}: ${reason}`, { path, reason });
  }
}

/** Two entries with the same name, also when they differ only in letter case. */
export class OfdDuplicateEntryError extends OfdError {
  readonly code = 'OFD_DUPLICATE_ENTRY';
  constructor(
    readonly path: string,
    readonly existing: string,
  ) {
    super(`duplicate package entry ${JSON.stringify(path)} (clashes with ${JSON.stringify(existing)})`, { path, existing });
  }
}

/** A part the document needs (OFD.xml, a DocRoot, a referenced page or resource) is not in the package. */
export class OfdMissingPartError extends OfdError {
  readonly code = 'OFD_MISSING_PART';
  constructor(
    readonly path: string,
    readonly referencedFrom?: string,
  ) {
    super(
      `missing package part ${JSON.stringify(path)}${referencedFrom === undefined ? '' : ` (referenced from ${referencedFrom})`}`,
      { path, ...(referencedFrom === undefined ? {} : { referencedFrom }) },
    );
  }
}

/** A valid but unsupported feature: encrypted entries, ZIP64, multi-disk archives, other compression methods. */
export class OfdUnsupportedError extends OfdError {
  readonly code = 'OFD_UNSUPPORTED';
  constructor(
    readonly feature: string,
    readonly part?: string,
  ) {
    super(`unsupported: ${feature}${part === undefined ? '' : ` (${part})`}`, { feature, ...(part === undefined ? {} : { part }) });
  }
}

/** An XML part is not well-formed (or not in a decodable encoding). */
export class OfdXmlError extends OfdError {
  readonly code = 'OFD_XML_MALFORMED';
  constructor(
    readonly part: string,
    reason: string,
    options?: ErrorOptions,
  ) {
    super(`malformed XML in ${part}: ${reason}`, { part, reason }, options);
  }
}

/** An XML part uses a construct the reader refuses on principle (DOCTYPE, entity declarations: XXE, billion laughs). */
export class OfdXmlForbiddenError extends OfdError {
  readonly code = 'OFD_XML_FORBIDDEN';
  constructor(
    readonly part: string,
    readonly construct: string,
  ) {
    super(`forbidden XML construct in ${part}: ${construct}`, { part, construct });
  }
}
