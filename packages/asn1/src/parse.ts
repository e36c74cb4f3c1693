import { AsnConvert } from '@peculiar/asn1-schema';
import { OpenSealError } from '@openseal/kernel';
import { DEFAULT_DER_LIMITS, checkDer, type DerLimits } from './der-guard.js';
import { Asn1StructureError } from './errors.js';

type Ctor<T> = new () => T;

/**
 * Parses DER into an @peculiar/asn1-schema class after the DER guard has checked lengths, depth and
 * size. Any failure becomes a typed error (ASN1_MALFORMED / ASN1_UNEXPECTED_STRUCTURE); never a crash.
 */
export function parseDer<T>(bytes: Uint8Array, type: Ctor<T>, name = type.name, limits?: Partial<DerLimits>): T {
  const lim = { ...DEFAULT_DER_LIMITS, ...limits };
  checkDer(bytes, lim);
  try {
    // The guard has already bounded size, depth and node count; give asn1js the same limits
    // (its own defaults refuse more than 10,000 nodes, e.g. a CRL of ~1,200 entries).
    return AsnConvert.parse(bytes, type, {
      berOptions: { maxDepth: lim.maxDepth + 2, maxNodes: lim.maxNodes, maxContentLength: lim.maxBytes },
    });
  } catch (e) {
    if (e instanceof OpenSealError) throw e;
    throw new Asn1StructureError(name, { cause: e });
  }
}

/** Serialises an asn1-schema object to DER as a Uint8Array. */
export function encodeDer(value: unknown): Uint8Array {
  return new Uint8Array(AsnConvert.serialize(value));
}
