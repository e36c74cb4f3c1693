import { Certificate as AsnCertificate } from '@peculiar/asn1-x509';
import { checkDer, parseDer } from '@openseal/asn1';
import { parsePublicKey, type KeyType, type SignatureAlgorithm } from '@openseal/crypto';
import { OpenSealError, equalBytes } from '@openseal/kernel';
import { signatureAlgorithmFromIdentifier } from '../algorithm-identifier.js';
import { decodeCertificateExtensions, type CertificateExtensions, type RawExtension } from './certificate-extensions.js';
import { derChildren, derNodeAt, derSlice, derValue } from './der-reader.js';
import { decodeDerTime } from './der-time.js';
import { DistinguishedName } from './distinguished-name.js';
import { CertificateMalformedError } from './errors.js';
import type { KeyUsage } from './key-usage.js';
import { decodePemBlocks, encodePemBlock, looksLikePem } from './pem.js';
import { serialHexFromContent } from './serial-number.js';

/**
 * An X.509 v1–v3 certificate (RFC 5280 §4.1). Keeps the DER and the TBSCertificate bytes exactly as
 * received, so signatures are checked over the original encoding, never a re-encoding.
 */
export class Certificate {
  readonly der: Uint8Array;
  readonly tbsDer: Uint8Array;
  /** 1, 2 or 3. */
  readonly version: number;
  /** Lowercase hex of the serial's INTEGER content, redundant leading zeros removed. */
  readonly serialNumber: string;
  readonly issuer: DistinguishedName;
  readonly subject: DistinguishedName;
  readonly notBefore: Date;
  readonly notAfter: Date;
  /** DER SubjectPublicKeyInfo. */
  readonly publicKey: Uint8Array;
  /** Undefined when the key algorithm or curve is not one OpenSeal supports. */
  readonly keyType: KeyType | undefined;
  readonly signatureAlgorithmOid: string;
  /** Undefined when the signature algorithm is not supported. */
  readonly signatureAlgorithm: SignatureAlgorithm | undefined;
  readonly signatureValue: Uint8Array;
  readonly extensionList: readonly RawExtension[];
  readonly extensions: CertificateExtensions;

  private constructor(der: Uint8Array) {
    const top = derNodeAt(der, 0);
    const parts = top.tag === 0x30 ? derChildren(der, top) : [];
    const [tbsNode, , sigNode] = parts;
    if (parts.length !== 3 || !tbsNode || tbsNode.tag !== 0x30 || !sigNode || sigNode.tag !== 0x03) {
      throw new CertificateMalformedError('not a Certificate SEQUENCE { tbsCertificate, signatureAlgorithm, signatureValue }');
    }
    const asn = parseDer(der, AsnCertificate, 'Certificate');
    const tbs = asn.tbsCertificate;
    const fields = derChildren(der, tbsNode);
    const offset = fields[0]?.tag === 0xa0 ? 1 : 0;
    const [serialNode, , issuerNode, validityNode, subjectNode, spkiNode] = fields.slice(offset);
    if (!serialNode || serialNode.tag !== 0x02 || !issuerNode || !validityNode || !subjectNode || !spkiNode) {
      throw new CertificateMalformedError('TBSCertificate fields are missing');
    }
    const [notBeforeNode, notAfterNode] = derChildren(der, validityNode);
    if (!notBeforeNode || !notAfterNode) throw new CertificateMalformedError('Validity is incomplete');
    if (asn.signatureAlgorithm.algorithm !== tbs.signature.algorithm) {
      // RFC 5280 §4.1.1.2: signatureAlgorithm MUST equal the TBSCertificate signature field
      throw new CertificateMalformedError('outer and inner signature algorithms differ', {
        outer: asn.signatureAlgorithm.algorithm,
        inner: tbs.signature.algorithm,
      });
    }
    this.der = der;
    this.tbsDer = derSlice(der, tbsNode);
    this.version = tbs.version + 1;
    this.serialNumber = serialHexFromContent(derValue(der, serialNode));
    this.issuer = DistinguishedName.fromDer(derSlice(der, issuerNode));
    this.subject = DistinguishedName.fromDer(derSlice(der, subjectNode));
    this.notBefore = decodeDerTime(notBeforeNode.tag, derValue(der, notBeforeNode));
    this.notAfter = decodeDerTime(notAfterNode.tag, derValue(der, notAfterNode));
    this.publicKey = derSlice(der, spkiNode);
    this.keyType = keyTypeOf(this.publicKey);
    this.signatureAlgorithmOid = asn.signatureAlgorithm.algorithm;
    this.signatureAlgorithm = signatureAlgorithmOf(asn);
    this.signatureValue = new Uint8Array(asn.signatureValue);
    this.extensionList = (tbs.extensions ?? []).map((e) => ({
      oid: e.extnID,
      critical: e.critical,
      value: new Uint8Array(e.extnValue.buffer),
    }));
    this.extensions = decodeCertificateExtensions(this.extensionList);
  }

  /** Parses one certificate from DER; throws PKI_CERT_MALFORMED (cause: the ASN.1 error). */
  static fromDer(der: Uint8Array): Certificate {
    try {
      checkDer(der);
      return new Certificate(der.slice());
    } catch (e) {
      if (e instanceof CertificateMalformedError) throw e;
      if (e instanceof OpenSealError) throw new CertificateMalformedError(e.message, { reason: e.code }, { cause: e });
      throw e;
    }
  }

  get subjectKeyIdentifier(): Uint8Array | undefined {
    return this.extensions.subjectKeyIdentifier;
  }

  get authorityKeyIdentifier(): Uint8Array | undefined {
    return this.extensions.authorityKeyIdentifier?.keyIdentifier;
  }

  /** basicConstraints cA is TRUE. */
  get isCA(): boolean {
    return this.extensions.basicConstraints?.cA === true;
  }

  /** Issuer and subject are the same name (RFC 5280 §6.1: self-issued). */
  get isSelfIssued(): boolean {
    return this.subject.equals(this.issuer);
  }

  /** Key usages; undefined when the extension is absent (no restriction). */
  get keyUsage(): readonly KeyUsage[] | undefined {
    return this.extensions.keyUsage?.usages;
  }

  get extKeyUsage(): readonly string[] | undefined {
    return this.extensions.extKeyUsage?.purposes;
  }

  /** Whether `at` lies within notBefore..notAfter (both inclusive, RFC 5280 §4.1.2.5). */
  isValidAt(at: Date): boolean {
    const t = at.getTime();
    return t >= this.notBefore.getTime() && t <= this.notAfter.getTime();
  }

  equals(other: Certificate): boolean {
    return equalBytes(this.der, other.der);
  }

  toPem(): string {
    return encodePemBlock('CERTIFICATE', this.der);
  }

  /** A compact summary for reports and logs (the DER is not included). */
  toJSON(): Record<string, string | undefined> {
    return {
      subject: this.subject.toString(),
      issuer: this.issuer.toString(),
      serialNumber: this.serialNumber,
      notBefore: this.notBefore.toISOString(),
      notAfter: this.notAfter.toISOString(),
      keyType: this.keyType,
      signatureAlgorithm: this.signatureAlgorithmOid,
    };
  }

  toString(): string {
    return `Certificate(subject=${this.subject.toString()}, issuer=${this.issuer.toString()}, serial=${this.serialNumber})`;
  }
}

function keyTypeOf(spki: Uint8Array): KeyType | undefined {
  try {
    return parsePublicKey(spki).keyType;
  } catch (e) {
    if (e instanceof OpenSealError) return undefined; // unsupported key: reported by whoever needs the key
    throw e;
  }
}

function signatureAlgorithmOf(asn: AsnCertificate): SignatureAlgorithm | undefined {
  try {
    return signatureAlgorithmFromIdentifier(asn.signatureAlgorithm);
  } catch (e) {
    if (e instanceof OpenSealError) return undefined; // unsupported algorithm: a verdict for the validator
    throw e;
  }
}

/** Parses a certificate from DER bytes or PEM (text or bytes); the first PEM CERTIFICATE block is used. */
export function parseCertificate(input: Uint8Array | string): Certificate {
  const all = parseCertificates(input);
  return all[0] as Certificate;
}

/** Parses every certificate in a PEM bundle (or one DER certificate). */
export function parseCertificates(input: Uint8Array | string): Certificate[] {
  if (typeof input === 'string' || looksLikePem(input)) {
    const text = typeof input === 'string' ? input : new TextDecoder('latin1').decode(input);
    const blocks = decodePemBlocks(text).filter((b) => b.label === 'CERTIFICATE' || b.label === 'X509 CERTIFICATE');
    if (blocks.length === 0) throw new CertificateMalformedError('no CERTIFICATE block in the PEM input');
    return blocks.map((b) => Certificate.fromDer(b.der));
  }
  return [Certificate.fromDer(input)];
}

/** A PEM bundle of certificates, in the given order. */
export function certificatesToPem(certs: readonly Certificate[]): string {
  return certs.map((c) => c.toPem()).join('');
}
