import type { CryptoProvider, SignatureAlgorithm, Signer } from '@openseal/crypto';
import { InvalidArgumentError, type Clock, type RandomSource } from '@openseal/kernel';
import type { Crl } from '../crl/crl.js';
import { issueCrl, type CrlEntryInput } from '../crl/issue-crl.js';
import { verifyCrlSignature } from '../crl/verify-crl-signature.js';
import { buildCertificate } from '../x509/build-certificate.js';
import type { Certificate } from '../x509/certificate.js';
import type { RawExtension } from '../x509/certificate-extensions.js';
import type { CertificateExtensionsInput } from '../x509/encode-extensions.js';
import { IssuedSignatureInvalidError } from '../x509/errors.js';
import { computeKeyIdentifier } from '../x509/fingerprint.js';
import type { GeneralNameValue } from '../x509/general-name.js';
import type { NameInput } from '../x509/name-input.js';
import { samePublicKey } from '../x509/same-public-key.js';
import { verifyCertificateSignature } from '../x509/verify-certificate-signature.js';
import { CERTIFICATE_PROFILES, type CertificateProfileName } from './certificate-profiles.js';
import { randomSerialNumber, type SerialNumberCheck } from './random-serial-number.js';

const DAY_MS = 86_400_000;

/** Where relying parties find this CA's CRL, OCSP responder and certificate; copied into issued certificates. */
export interface CaUrls {
  readonly crl?: readonly string[];
  readonly ocsp?: readonly string[];
  readonly caIssuers?: readonly string[];
}

export interface CertificateAuthorityOptions {
  readonly certificate: Certificate;
  /** Holds the CA key (software, PKCS#11 token, remote). */
  readonly signer: Signer;
  /** The certificates above this CA, nearest first, up to the root. */
  readonly chain?: readonly Certificate[];
  readonly random: RandomSource;
  readonly clock: Clock;
  /** Computes key identifiers (SHA-1) and checks every signature the signer produces. */
  readonly provider: CryptoProvider;
  /** Defaults to `signer.algorithm`. */
  readonly algorithm?: SignatureAlgorithm;
  /** Lets the caller enforce serial uniqueness (e.g. against its certificate table). */
  readonly isSerialUsed?: SerialNumberCheck;
  readonly urls?: CaUrls;
}

export interface IssueCertificateRequest {
  readonly profile: Exclude<CertificateProfileName, 'rootCa'>;
  readonly subject: NameInput;
  /** DER SubjectPublicKeyInfo of the subject's key. */
  readonly publicKey: Uint8Array;
  /** Default: the clock's now. */
  readonly notBefore?: Date;
  /** Default: notBefore + the profile's validity; never later than the CA's own notAfter. */
  readonly notAfter?: Date;
  readonly validityDays?: number;
  readonly subjectAltName?: readonly GeneralNameValue[];
  readonly certificatePolicies?: ReadonlyArray<{ readonly policyId: string; readonly cpsUri?: string }>;
  /** Only for intermediateCa: overrides the profile's pathLenConstraint 0. */
  readonly pathLenConstraint?: number;
  readonly extraExtensions?: readonly RawExtension[];
}

export interface IssueCaCrlRequest {
  readonly crlNumber: bigint | number;
  readonly revoked: readonly CrlEntryInput[];
  /** Default: the clock's now. */
  readonly thisUpdate?: Date;
  /** Default: thisUpdate + 7 days. */
  readonly nextUpdate?: Date;
}

export interface CreateRootCaOptions extends Omit<CertificateAuthorityOptions, 'certificate' | 'chain'> {
  readonly subject: NameInput;
  readonly notBefore?: Date;
  readonly validityDays?: number;
  /** Default: none (any depth below the root). */
  readonly pathLenConstraint?: number;
}

/**
 * A certificate authority as pure library code: keys live behind a Signer, time and randomness come
 * in, and serial uniqueness is delegated to `isSerialUsed`. Storage and publication are the caller's.
 */
export class CertificateAuthority {
  readonly certificate: Certificate;
  /** This CA's certificate followed by the ones above it, up to the root. */
  readonly chain: readonly Certificate[];
  readonly #options: CertificateAuthorityOptions;
  readonly #keyId: Uint8Array;

  constructor(options: CertificateAuthorityOptions) {
    const cert = options.certificate;
    if (!cert.isCA) throw new InvalidArgumentError('the CA certificate lacks basicConstraints cA', { subject: cert.subject.toString() });
    if (cert.keyUsage && !cert.keyUsage.includes('keyCertSign')) {
      throw new InvalidArgumentError('the CA certificate lacks the keyCertSign key usage', { subject: cert.subject.toString() });
    }
    if (!samePublicKey(cert.publicKey, options.signer.publicKey)) throw new InvalidArgumentError('the signer key is not the CA certificate key');
    this.certificate = cert;
    this.chain = [cert, ...(options.chain ?? [])];
    this.#options = options;
    this.#keyId = cert.subjectKeyIdentifier ?? computeKeyIdentifier(cert.publicKey, options.provider);
  }

  /** Creates a self-signed root (profile rootCa) and the authority that holds it. */
  static async createRoot(options: CreateRootCaOptions): Promise<CertificateAuthority> {
    const profile = CERTIFICATE_PROFILES.rootCa;
    const notBefore = options.notBefore ?? options.clock.now();
    const keyId = computeKeyIdentifier(options.signer.publicKey, options.provider);
    const certificate = await buildCertificate({
      subject: options.subject,
      serialNumber: await randomSerialNumber(options.random, options.isSerialUsed),
      notBefore,
      notAfter: new Date(notBefore.getTime() + (options.validityDays ?? profile.defaultValidityDays) * DAY_MS),
      publicKey: options.signer.publicKey,
      signer: options.signer,
      ...(options.algorithm ? { algorithm: options.algorithm } : {}),
      extensions: {
        basicConstraints: { cA: true, ...(options.pathLenConstraint === undefined ? {} : { pathLenConstraint: options.pathLenConstraint }) },
        keyUsage: profile.keyUsage,
        subjectKeyIdentifier: keyId,
        authorityKeyIdentifier: keyId,
      },
    });
    await assertSignedBy(certificate, certificate, options.provider);
    return new CertificateAuthority({ ...options, certificate });
  }

  /** The authority for a subordinate CA certificate this CA issued, holding that CA's signer. */
  subordinate(certificate: Certificate, signer: Signer, urls?: CaUrls): CertificateAuthority {
    const { urls: _ownUrls, algorithm: _ownAlgorithm, ...shared } = this.#options;
    return new CertificateAuthority({ ...shared, certificate, signer, chain: this.chain, ...(urls ? { urls } : {}) });
  }

  /** Issues a certificate under a profile; its signature is checked before it is returned. */
  async issue(request: IssueCertificateRequest): Promise<Certificate> {
    const profile = CERTIFICATE_PROFILES[request.profile];
    const { clock, random, provider, urls } = this.#options;
    const own = this.certificate.extensions.basicConstraints?.pathLenConstraint;
    if (profile.ca && own === 0) throw new InvalidArgumentError('this CA has pathLenConstraint 0 and cannot issue CA certificates');
    const notBefore = request.notBefore ?? clock.now();
    const requested = request.notAfter ?? new Date(notBefore.getTime() + (request.validityDays ?? profile.defaultValidityDays) * DAY_MS);
    const notAfter = requested.getTime() > this.certificate.notAfter.getTime() ? this.certificate.notAfter : requested;
    const pathLen = profile.ca ? (request.pathLenConstraint ?? profile.pathLenConstraint) : undefined;
    const extensions: CertificateExtensionsInput = {
      basicConstraints: { cA: profile.ca, ...(pathLen === undefined ? {} : { pathLenConstraint: pathLen }) },
      keyUsage: profile.keyUsage,
      ...(profile.extKeyUsage ? { extKeyUsage: profile.extKeyUsage } : {}),
      subjectKeyIdentifier: computeKeyIdentifier(request.publicKey, provider),
      authorityKeyIdentifier: this.#keyId,
      ...(request.subjectAltName ? { subjectAltName: request.subjectAltName } : {}),
      ...(urls?.crl ? { crlDistributionPoints: urls.crl } : {}),
      authorityInfoAccess: { ocsp: profile.ocspUrl ? (urls?.ocsp ?? []) : [], caIssuers: urls?.caIssuers ?? [] },
      ...(request.certificatePolicies ? { certificatePolicies: request.certificatePolicies } : {}),
      ocspNoCheck: profile.ocspNoCheck,
      ...(request.extraExtensions ? { custom: request.extraExtensions } : {}),
    };
    const certificate = await buildCertificate({
      subject: request.subject,
      issuer: this.certificate,
      serialNumber: await randomSerialNumber(random, this.#options.isSerialUsed),
      notBefore,
      notAfter,
      publicKey: request.publicKey,
      signer: this.#options.signer,
      ...(this.#options.algorithm ? { algorithm: this.#options.algorithm } : {}),
      extensions,
    });
    await assertSignedBy(certificate, this.certificate, provider);
    return certificate;
  }

  /** Issues and checks a v2 CRL signed by this CA. */
  async issueCrl(request: IssueCaCrlRequest): Promise<Crl> {
    const thisUpdate = request.thisUpdate ?? this.#options.clock.now();
    const crl = await issueCrl({
      issuer: this.certificate,
      signer: this.#options.signer,
      ...(this.#options.algorithm ? { algorithm: this.#options.algorithm } : {}),
      thisUpdate,
      nextUpdate: request.nextUpdate ?? new Date(thisUpdate.getTime() + 7 * DAY_MS),
      crlNumber: request.crlNumber,
      revoked: request.revoked,
    });
    if (!(await verifyCrlSignature(crl, this.certificate, this.#options.provider))) throw new IssuedSignatureInvalidError('crl');
    return crl;
  }
}

async function assertSignedBy(cert: Certificate, issuer: Certificate, provider: CryptoProvider): Promise<void> {
  if (!(await verifyCertificateSignature(cert, issuer, provider))) {
    throw new IssuedSignatureInvalidError('certificate', { subject: cert.subject.toString() });
  }
}
