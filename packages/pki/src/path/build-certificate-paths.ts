import { equalBytes } from '@openseal/kernel';
import type { Certificate } from '../x509/certificate.js';

export interface CandidatePaths {
  /** Chains from the leaf to a trust anchor (leaf first, anchor last), most promising first. */
  readonly complete: Certificate[][];
  /** The longest chain built when none reached an anchor. */
  readonly longestPartial: Certificate[];
}

export interface BuildPathsOptions {
  readonly trustAnchors: readonly Certificate[];
  readonly intermediates: readonly Certificate[];
  readonly at: Date;
  /** Most certificates in one chain, leaf and anchor included. */
  readonly maxDepth: number;
  /** Stop after this many complete chains. */
  readonly maxPaths?: number;
}

/** Bounds the search on hostile pools (many certificates sharing a name). */
const MAX_STEPS = 2_000;

/**
 * Depth-first chain building (RFC 4158 ideas): issuers are found by name chaining and, when both
 * sides carry them, AKI/SKI key identifiers; anchors are tried first, then certificates valid at `at`;
 * a certificate never appears twice in one chain.
 */
export function buildCertificatePaths(leaf: Certificate, options: BuildPathsOptions): CandidatePaths {
  const { trustAnchors, at, maxDepth } = options;
  const maxPaths = options.maxPaths ?? 16;
  const pool = options.intermediates.filter((c) => !trustAnchors.some((a) => a.equals(c)));
  const complete: Certificate[][] = [];
  let longestPartial: Certificate[] = [leaf];
  let steps = 0;

  const isAnchor = (c: Certificate): boolean => trustAnchors.some((a) => a.equals(c));
  const issuersOf = (c: Certificate, path: readonly Certificate[]): Certificate[] => {
    const fits = (x: Certificate): boolean => x.subject.equals(c.issuer) && keyIdsMatch(c, x) && !path.some((p) => p.equals(x));
    const anchors = trustAnchors.filter(fits);
    const others = pool
      .filter(fits)
      .sort((a, b) => Number(b.isValidAt(at)) - Number(a.isValidAt(at)) || b.notBefore.getTime() - a.notBefore.getTime());
    return [...anchors, ...others];
  };

  const walk = (path: Certificate[]): void => {
    if (complete.length >= maxPaths || ++steps > MAX_STEPS) return;
    const current = path[path.length - 1] as Certificate;
    if (isAnchor(current)) {
      complete.push(path);
      return;
    }
    if (path.length > longestPartial.length) longestPartial = path;
    if (path.length >= maxDepth) return;
    for (const issuer of issuersOf(current, path)) walk([...path, issuer]);
  };
  walk([leaf]);
  return { complete, longestPartial };
}

function keyIdsMatch(child: Certificate, issuer: Certificate): boolean {
  const aki = child.authorityKeyIdentifier;
  const ski = issuer.subjectKeyIdentifier;
  return !aki || !ski || equalBytes(aki, ski);
}
