import { encodeDer } from '@openseal/asn1';
import { KeyAlgorithmMismatchError, algorithmFitsKey, parsePublicKey, type SignatureAlgorithm, type Signer } from '@openseal/crypto';
import { InvalidArgumentError } from '@openseal/kernel';
import { signatureAlgorithmIdentifier } from '../algorithm-identifier.js';
import { Certificate } from './certificate.js';
import { derBitString, derExplicit, derSequence, derTime, derTlv, derUnsignedInteger } from './der-writer.js';
import { encodeExtension, encodeExtensions, type CertificateExtensionsInput } from './encode-extensions.js';
import { toDistinguishedName, type NameInput } from './name-input.js';
import { samePublicKey } from './same-public-key.js';
import { serialNumberContent, type SerialNumberInput } from './serial-number.js';

export interface BuildCertificateOptions {
  readonly subject: NameInput;
  /** The issuer's name, or its certificate (then AKI defaults to its SKI); omitted for self-signed. */
  readonly issuer?: NameInput | Certificate;
  readonly serialNumber: SerialNumberInput;
  readonly notBefore: Date;
  readonly notAfter: Date;
  /** DER SubjectPublicKeyInfo of the subject's key. */
  readonly publicKey: Uint8Array;
  readonly extensions?: CertificateExtensionsInput;
  /** The issuer's signer (the subject's own for a self-signed certificate). */
  readonly signer: Signer;
  /** Defaults to `signer.algorithm`. */
  readonly algorithm?: SignatureAlgorithm;
}

/**
 * Encodes a v3 TBSCertificate (RFC 5280 §4.1), signs its DER with `signer`, and returns the parsed
 * certificate. Names are byte-copied from an issuer Certificate so that name chaining is exact.
 */
export async function buildCertificate(options: BuildCertificateOptions): Promise<Certificate> {
  const { signer, notBefore, notAfter } = options;
  const algorithm = options.algorithm ?? signer.algorithm;
  if (!algorithmFitsKey(algorithm, signer.keyType)) throw new KeyAlgorithmMismatchError(signer.keyType, algorithm.name);
  if (!(notAfter.getTime() >= notBefore.getTime())) {
    throw new InvalidArgumentError('notAfter must not be before notBefore', { notBefore: notBefore.toISOString(), notAfter: notAfter.toISOString() });
  }
  const subject = toDistinguishedName(options.subject);
  const issuerOption = options.issuer;
  const issuerCert = issuerOption instanceof Certificate ? issuerOption : undefined;
  const issuer = issuerOption instanceof Certificate ? issuerOption.subject : issuerOption === undefined ? subject : toDistinguishedName(issuerOption);
  const subjectKey = parsePublicKey(options.publicKey);
  const issuerKey = issuerCert ? issuerCert.publicKey : options.issuer === undefined ? subjectKey.spki : undefined;
  if (issuerKey && !samePublicKey(issuerKey, signer.publicKey)) {
    throw new InvalidArgumentError(issuerCert ? 'the signer key is not the issuer certificate key' : 'a self-signed certificate must be signed by its own key');
  }
  const extensions = options.extensions ?? {};
  const aki = extensions.authorityKeyIdentifier === false ? undefined : (extensions.authorityKeyIdentifier ?? issuerCert?.subjectKeyIdentifier);
  const rawExtensions = encodeExtensions(extensions, aki);
  const algId = encodeDer(signatureAlgorithmIdentifier(algorithm));
  const tbs = derSequence(
    derExplicit(0, derUnsignedInteger(2n)), // version v3
    derTlv(0x02, serialNumberContent(options.serialNumber)),
    algId,
    issuer.der,
    derSequence(derTime(notBefore), derTime(notAfter)),
    subject.der,
    subjectKey.spki,
    ...(rawExtensions.length > 0 ? [derExplicit(3, derSequence(...rawExtensions.map(encodeExtension)))] : []),
  );
  const signature = await signer.sign(tbs, algorithm);
  return Certificate.fromDer(derSequence(tbs, algId, derBitString(signature)));
}
