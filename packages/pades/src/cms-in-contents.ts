/** Reading the CMS held in a signature's /Contents: trimming the zero padding, the signer and its tokens. */
import { OID } from '@openseal/asn1';
import { OpenSealError, equalBytes } from '@openseal/kernel';
import { Certificate, DistinguishedName, parseSignedData, serialHexFromContent, type ParsedSignedData, type ParsedSignerInfo } from '@openseal/pki';

/**
 * The DER value at the start of /Contents without the zero padding after it (ISO 32000-2 §12.8.1:
 * /Contents is padded to its reserved size). Returns the input when the length cannot be read.
 */
export function trimDer(contents: Uint8Array): Uint8Array {
  if (contents.length < 2) return contents;
  const first = contents[1] as number;
  let len: number;
  let header: number;
  if (first < 0x80) {
    len = first;
    header = 2;
  } else {
    const n = first & 0x7f;
    if (n === 0 || n > 4 || contents.length < 2 + n) return contents;
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + (contents[2 + i] as number);
    header = 2 + n;
  }
  const total = header + len;
  return total <= contents.length ? contents.subarray(0, total) : contents;
}

/** The X.509 certificates a SignedData embeds (unreadable ones skipped). */
export function certificatesOf(sd: ParsedSignedData): Certificate[] {
  const out: Certificate[] = [];
  for (const der of sd.certificates) {
    if (der[0] !== 0x30) continue;
    try {
      out.push(Certificate.fromDer(der));
    } catch (e) {
      if (!(e instanceof OpenSealError)) throw e; // an unreadable certificate names no signer
    }
  }
  return out;
}

/** RFC 5652 §5.3: the certificate a SignerInfo names, by issuer and serial number or by key identifier. */
export function signerCertificateOf(si: ParsedSignerInfo, pool: readonly Certificate[]): Certificate | undefined {
  const sid = si.sid;
  return pool.find((c) => {
    if ('subjectKeyIdentifier' in sid) {
      const ski = c.subjectKeyIdentifier;
      return ski !== undefined && equalBytes(ski, sid.subjectKeyIdentifier);
    }
    if (serialHexFromContent(sid.serialNumber) !== c.serialNumber) return false;
    if (equalBytes(sid.issuer, c.issuer.der)) return true;
    try {
      return DistinguishedName.fromDer(sid.issuer).equals(c.issuer);
    } catch (e) {
      if (e instanceof OpenSealError) return false;
      throw e;
    }
  });
}

/** The signature timestamp tokens (id-aa-signatureTimeStampToken) of a SignerInfo. */
export function signatureTimestampTokens(si: ParsedSignerInfo): Uint8Array[] {
  return si.unsignedAttributes.filter((a) => a.type === OID.signatureTimeStampToken).flatMap((a) => [...a.values]);
}

/** Parses /Contents as SignedData, or undefined when it is not one. */
export function tryParseSignedData(contents: Uint8Array): ParsedSignedData | undefined {
  try {
    return parseSignedData(trimDer(contents));
  } catch (e) {
    if (e instanceof OpenSealError) return undefined;
    throw e;
  }
}
