import { AlgorithmIdentifier, IssuingDistributionPoint } from '@peculiar/asn1-x509';
import { OID, checkDer, parseDer } from '@openseal/asn1';
import type { SignatureAlgorithm } from '@openseal/crypto';
import { OpenSealError, bytesToBigInt } from '@openseal/kernel';
import { signatureAlgorithmFromIdentifier } from '../algorithm-identifier.js';
import type { RawExtension } from '../x509/certificate-extensions.js';
import { decodeOid, derChildren, derNodeAt, derSlice, derValue, type DerNode } from '../x509/der-reader.js';
import { decodeDerTime } from '../x509/der-time.js';
import { DistinguishedName } from '../x509/distinguished-name.js';
import { CrlMalformedError } from '../x509/errors.js';
import { decodePemBlocks, encodePemBlock, looksLikePem } from '../x509/pem.js';
import { serialHexFromContent } from '../x509/serial-number.js';
import { crlReasonFromCode, type CrlReason } from './crl-reason.js';

/** One revokedCertificates entry (RFC 5280 §5.1.2.6, §5.3). */
export interface RevokedEntry {
  /** Same form as `Certificate.serialNumber`. */
  readonly serialNumber: string;
  readonly revokedAt: Date;
  readonly reason?: CrlReason;
  readonly invalidityDate?: Date;
  /** Critical entry extensions this library does not process (e.g. certificateIssuer of indirect CRLs). */
  readonly unknownCriticalExtensions: readonly string[];
}

/** issuingDistributionPoint (RFC 5280 §5.2.5): the CRL's scope. */
export interface CrlScope {
  readonly onlyContainsUserCerts: boolean;
  readonly onlyContainsCACerts: boolean;
  readonly onlyContainsAttributeCerts: boolean;
  readonly indirectCRL: boolean;
  /** True when only some reasons are covered (such a CRL alone cannot prove "not revoked"). */
  readonly onlySomeReasons: boolean;
}

const ENTRY_RECOGNISED = new Set([OID.cRLReason, '2.5.29.24']);
const CRL_RECOGNISED = new Set<string>([OID.cRLNumber, OID.authorityKeyIdentifier, '2.5.29.27', '2.5.29.28', '2.5.29.46', '2.5.29.18']);

/** A parsed X.509 CRL (RFC 5280 §5.1); DER and TBSCertList bytes are kept as received. */
export class Crl {
  readonly der: Uint8Array;
  readonly tbsDer: Uint8Array;
  readonly version: number;
  readonly issuer: DistinguishedName;
  readonly thisUpdate: Date;
  readonly nextUpdate: Date | undefined;
  readonly crlNumber: bigint | undefined;
  readonly authorityKeyIdentifier: Uint8Array | undefined;
  /** deltaCRLIndicator present (RFC 5280 §5.2.4). */
  readonly isDelta: boolean;
  readonly scope: CrlScope | undefined;
  readonly entries: readonly RevokedEntry[];
  readonly signatureAlgorithmOid: string;
  readonly signatureAlgorithm: SignatureAlgorithm | undefined;
  readonly signatureValue: Uint8Array;
  readonly extensionList: readonly RawExtension[];
  readonly unknownCriticalExtensions: readonly string[];
  readonly #bySerial: ReadonlyMap<string, RevokedEntry>;

  private constructor(der: Uint8Array) {
    // Walked with the DER reader, not asn1-schema: CRLs can hold far more entries than its node limit.
    const top = derNodeAt(der, 0);
    const parts = top.tag === 0x30 ? derChildren(der, top) : [];
    const [tbsNode, algNode, sigNode] = parts;
    if (parts.length !== 3 || !tbsNode || tbsNode.tag !== 0x30 || !algNode || !sigNode || sigNode.tag !== 0x03) {
      throw new CrlMalformedError('not a CertificateList SEQUENCE { tbsCertList, signatureAlgorithm, signature }');
    }
    const fields = derChildren(der, tbsNode);
    let i = 0;
    const next = (accept: (tag: number) => boolean): DerNode | undefined => {
      const node = fields[i];
      if (node && accept(node.tag)) {
        i++;
        return node;
      }
      return undefined;
    };
    const versionNode = next((t) => t === 0x02);
    const innerAlgNode = next((t) => t === 0x30);
    const issuerNode = next((t) => t === 0x30);
    const thisUpdateNode = next(isTime);
    if (!innerAlgNode || !issuerNode || !thisUpdateNode) throw new CrlMalformedError('TBSCertList fields are missing');
    const nextUpdateNode = next(isTime);
    const revokedNode = next((t) => t === 0x30);
    const extensionsNode = next((t) => t === 0xa0);
    if (i !== fields.length) throw new CrlMalformedError('unexpected field in TBSCertList');
    const outerAlg = parseDer(derSlice(der, algNode), AlgorithmIdentifier, 'AlgorithmIdentifier');
    if (outerAlg.algorithm !== parseDer(derSlice(der, innerAlgNode), AlgorithmIdentifier, 'AlgorithmIdentifier').algorithm) {
      throw new CrlMalformedError('outer and inner signature algorithms differ');
    }
    const bits = derValue(der, sigNode);
    if (bits[0] !== 0) throw new CrlMalformedError('signature BIT STRING has unused bits');

    this.der = der;
    this.tbsDer = derSlice(der, tbsNode);
    this.version = versionNode ? Number(bytesToBigInt(derValue(der, versionNode))) + 1 : 1;
    this.issuer = DistinguishedName.fromDer(derSlice(der, issuerNode));
    this.thisUpdate = decodeDerTime(thisUpdateNode.tag, derValue(der, thisUpdateNode));
    this.nextUpdate = nextUpdateNode ? decodeDerTime(nextUpdateNode.tag, derValue(der, nextUpdateNode)) : undefined;
    this.signatureAlgorithmOid = outerAlg.algorithm;
    this.signatureAlgorithm = supportedAlgorithm(outerAlg);
    this.signatureValue = bits.subarray(1);
    this.extensionList = extensionsNode ? readExtensions(der, derChildren(der, extensionsNode)[0]) : [];
    const ext = (oid: string): Uint8Array | undefined => this.extensionList.find((e) => e.oid === oid)?.value;
    const number = ext(OID.cRLNumber);
    this.crlNumber = number ? readInteger(number) : undefined;
    const aki = ext(OID.authorityKeyIdentifier);
    this.authorityKeyIdentifier = aki ? readAkiKeyId(aki) : undefined;
    this.isDelta = ext('2.5.29.27') !== undefined;
    const idp = ext('2.5.29.28');
    if (idp) {
      const p = parseDer(idp, IssuingDistributionPoint);
      this.scope = {
        onlyContainsUserCerts: p.onlyContainsUserCerts,
        onlyContainsCACerts: p.onlyContainsCACerts,
        onlyContainsAttributeCerts: p.onlyContainsAttributeCerts,
        indirectCRL: p.indirectCRL,
        onlySomeReasons: p.onlySomeReasons !== undefined,
      };
    } else this.scope = undefined;
    this.unknownCriticalExtensions = this.extensionList.filter((e) => e.critical && !CRL_RECOGNISED.has(e.oid)).map((e) => e.oid);
    this.entries = revokedNode ? derChildren(der, revokedNode).map((entry) => readEntry(der, entry)) : [];
    this.#bySerial = new Map(this.entries.map((e) => [e.serialNumber, e]));
  }

  /** Parses a DER CRL; throws PKI_CRL_MALFORMED (cause: the ASN.1 error). */
  static fromDer(der: Uint8Array): Crl {
    try {
      checkDer(der);
      return new Crl(der.slice());
    } catch (e) {
      if (e instanceof CrlMalformedError) throw e;
      if (e instanceof OpenSealError) throw new CrlMalformedError(e.message, { reason: e.code }, { cause: e });
      throw e;
    }
  }

  /** The entry for a certificate serial (in `Certificate.serialNumber` form), if listed. */
  findEntry(serialNumber: string): RevokedEntry | undefined {
    return this.#bySerial.get(serialNumber);
  }

  toPem(): string {
    return encodePemBlock('X509 CRL', this.der);
  }

  /** A compact summary for reports and logs (entries are counted, not listed). */
  toJSON(): Record<string, string | number | undefined> {
    return {
      issuer: this.issuer.toString(),
      thisUpdate: this.thisUpdate.toISOString(),
      nextUpdate: this.nextUpdate?.toISOString(),
      crlNumber: this.crlNumber?.toString(),
      entries: this.entries.length,
    };
  }
}

/** Parses a CRL from DER or PEM ("X509 CRL"). */
export function parseCrl(input: Uint8Array | string): Crl {
  if (typeof input === 'string' || looksLikePem(input)) {
    const text = typeof input === 'string' ? input : new TextDecoder('latin1').decode(input);
    const block = decodePemBlocks(text).find((b) => b.label === 'X509 CRL');
    if (!block) throw new CrlMalformedError('no X509 CRL block in the PEM input');
    return Crl.fromDer(block.der);
  }
  return Crl.fromDer(input);
}

function supportedAlgorithm(id: AlgorithmIdentifier): SignatureAlgorithm | undefined {
  try {
    return signatureAlgorithmFromIdentifier(id);
  } catch (e) {
    if (e instanceof OpenSealError) return undefined; // unsupported: reported when the signature is checked
    throw e;
  }
}

function isTime(tag: number): boolean {
  return tag === 0x17 || tag === 0x18;
}

/** revokedCertificates entry: SEQUENCE { userCertificate INTEGER, revocationDate Time, crlEntryExtensions OPTIONAL } */
function readEntry(der: Uint8Array, node: DerNode): RevokedEntry {
  const [serial, date, extensions, ...rest] = node.tag === 0x30 ? derChildren(der, node) : [];
  if (!serial || serial.tag !== 0x02 || !date || !isTime(date.tag) || rest.length > 0) throw new CrlMalformedError('malformed revokedCertificates entry');
  const list = extensions ? readExtensions(der, extensions) : [];
  let reason: CrlReason | undefined;
  let invalidityDate: Date | undefined;
  for (const e of list) {
    if (e.oid === OID.cRLReason) {
      if (e.value[0] !== 0x0a || e.value.length !== 3) throw new CrlMalformedError('reasonCode is not a one-octet ENUMERATED');
      reason = crlReasonFromCode(e.value[2] as number);
      if (reason === undefined) throw new CrlMalformedError('unknown reasonCode', { code: e.value[2] });
    } else if (e.oid === '2.5.29.24') {
      checkDer(e.value);
      const t = derNodeAt(e.value, 0);
      invalidityDate = decodeDerTime(t.tag, derValue(e.value, t));
    }
  }
  return {
    serialNumber: serialHexFromContent(derValue(der, serial)),
    revokedAt: decodeDerTime(date.tag, derValue(der, date)),
    ...(reason === undefined ? {} : { reason }),
    ...(invalidityDate === undefined ? {} : { invalidityDate }),
    unknownCriticalExtensions: list.filter((e) => e.critical && !ENTRY_RECOGNISED.has(e.oid)).map((e) => e.oid),
  };
}

/** Extensions ::= SEQUENCE OF SEQUENCE { extnID, critical BOOLEAN DEFAULT FALSE, extnValue OCTET STRING } */
function readExtensions(der: Uint8Array, list: DerNode | undefined): RawExtension[] {
  if (!list || list.tag !== 0x30) throw new CrlMalformedError('Extensions is not a SEQUENCE');
  return derChildren(der, list).map((ext) => {
    const parts = ext.tag === 0x30 ? derChildren(der, ext) : [];
    const [oid, second, third] = parts;
    const critical = parts.length === 3 && second?.tag === 0x01 ? derValue(der, second)[0] !== 0 : false;
    const value = parts.length === 3 ? third : second;
    if (!oid || oid.tag !== 0x06 || !value || value.tag !== 0x04 || parts.length > 3 || (parts.length === 3 && second?.tag !== 0x01)) {
      throw new CrlMalformedError('malformed Extension');
    }
    return { oid: decodeOid(derValue(der, oid)), critical, value: derValue(der, value) };
  });
}

function readInteger(der: Uint8Array): bigint {
  checkDer(der);
  const node = derNodeAt(der, 0);
  if (node.tag !== 0x02) throw new CrlMalformedError('cRLNumber is not an INTEGER');
  return bytesToBigInt(derValue(der, node));
}

function readAkiKeyId(der: Uint8Array): Uint8Array | undefined {
  checkDer(der);
  const top = derNodeAt(der, 0);
  if (top.tag !== 0x30) throw new CrlMalformedError('authorityKeyIdentifier is not a SEQUENCE');
  const keyId = derChildren(der, top).find((n) => n.tag === 0x80); // [0] IMPLICIT KeyIdentifier
  return keyId ? derValue(der, keyId) : undefined;
}
