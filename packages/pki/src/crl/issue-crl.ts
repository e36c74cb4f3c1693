import { OID, encodeDer } from '@openseal/asn1';
import { KeyAlgorithmMismatchError, algorithmFitsKey, type SignatureAlgorithm, type Signer } from '@openseal/crypto';
import { InvalidArgumentError } from '@openseal/kernel';
import { signatureAlgorithmIdentifier } from '../algorithm-identifier.js';
import type { Certificate } from '../x509/certificate.js';
import { derBitString, derExplicit, derSequence, derTime, derTlv, derUnsignedInteger } from '../x509/der-writer.js';
import { encodeExtension } from '../x509/encode-extensions.js';
import { samePublicKey } from '../x509/same-public-key.js';
import { serialNumberContent, type SerialNumberInput } from '../x509/serial-number.js';
import { Crl } from './crl.js';
import { CRL_REASONS, type CrlReason } from './crl-reason.js';

export interface CrlEntryInput {
  readonly serialNumber: SerialNumberInput;
  readonly revokedAt: Date;
  readonly reason?: CrlReason;
  readonly invalidityDate?: Date;
}

export interface IssueCrlOptions {
  /** The CA certificate whose key signs the CRL (its subject becomes the CRL issuer). */
  readonly issuer: Certificate;
  readonly signer: Signer;
  /** Defaults to `signer.algorithm`. */
  readonly algorithm?: SignatureAlgorithm;
  readonly thisUpdate: Date;
  /** RFC 5280 §5.1.2.5: conforming CRL issuers MUST include nextUpdate. */
  readonly nextUpdate: Date;
  /** Monotonically increasing CRL number (RFC 5280 §5.2.3). */
  readonly crlNumber: bigint | number;
  readonly revoked: readonly CrlEntryInput[];
}

/** Encodes, signs and returns a v2 CRL (RFC 5280 §5.1) with AKI and cRLNumber extensions. */
export async function issueCrl(options: IssueCrlOptions): Promise<Crl> {
  const { issuer, signer, thisUpdate, nextUpdate } = options;
  const algorithm = options.algorithm ?? signer.algorithm;
  if (!algorithmFitsKey(algorithm, signer.keyType)) throw new KeyAlgorithmMismatchError(signer.keyType, algorithm.name);
  if (!samePublicKey(issuer.publicKey, signer.publicKey)) throw new InvalidArgumentError('the signer key is not the CRL issuer certificate key');
  const usages = issuer.keyUsage;
  if (usages && !usages.includes('cRLSign')) throw new InvalidArgumentError('the issuer certificate lacks the cRLSign key usage');
  if (nextUpdate.getTime() < thisUpdate.getTime()) throw new InvalidArgumentError('nextUpdate must not be before thisUpdate');
  const crlNumber = BigInt(options.crlNumber);
  if (crlNumber < 0n) throw new InvalidArgumentError('crlNumber must not be negative');

  const entries = options.revoked.map((r) => {
    const ext: Uint8Array[] = [];
    // RFC 5280 §5.3.1: the reason code unspecified SHOULD be absent
    if (r.reason !== undefined && r.reason !== 'unspecified') {
      ext.push(encodeExtension({ oid: OID.cRLReason, critical: false, value: derTlv(0x0a, Uint8Array.of(CRL_REASONS[r.reason])) }));
    }
    if (r.invalidityDate) ext.push(encodeExtension({ oid: '2.5.29.24', critical: false, value: generalizedTime(r.invalidityDate) }));
    return derSequence(derTlv(0x02, serialNumberContent(r.serialNumber)), derTime(r.revokedAt), ...(ext.length > 0 ? [derSequence(...ext)] : []));
  });
  const crlExtensions: Uint8Array[] = [];
  const ski = issuer.subjectKeyIdentifier;
  if (ski) crlExtensions.push(encodeExtension({ oid: OID.authorityKeyIdentifier, critical: false, value: derSequence(derTlv(0x80, ski)) }));
  crlExtensions.push(encodeExtension({ oid: OID.cRLNumber, critical: false, value: derUnsignedInteger(crlNumber) }));

  const algId = encodeDer(signatureAlgorithmIdentifier(algorithm));
  const tbs = derSequence(
    derUnsignedInteger(1n), // v2
    algId,
    issuer.subject.der,
    derTime(thisUpdate),
    derTime(nextUpdate),
    ...(entries.length > 0 ? [derSequence(...entries)] : []),
    derExplicit(0, derSequence(...crlExtensions)),
  );
  const signature = await signer.sign(tbs, algorithm);
  return Crl.fromDer(derSequence(tbs, algId, derBitString(signature)));
}

/** invalidityDate is always GeneralizedTime (RFC 5280 §5.3.2). */
function generalizedTime(date: Date): Uint8Array {
  const iso = date.toISOString(); // YYYY-MM-DDTHH:MM:SS.sssZ
  const text = `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}Z`;
  return derTlv(0x18, Uint8Array.from(text, (c) => c.charCodeAt(0)));
}
