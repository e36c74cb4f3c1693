import type { CryptoProvider, KeyType, Signer } from '@openseal/crypto';
import type { Clock, RandomSource } from '@openseal/kernel';
import type { Certificate } from '../x509/certificate.js';
import type { GeneralNameValue } from '../x509/general-name.js';
import type { NameInput } from '../x509/name-input.js';
import { CertificateAuthority, type CaUrls } from './certificate-authority.js';
import type { EndEntityProfileName } from './certificate-profiles.js';
import type { SerialNumberCheck } from './random-serial-number.js';

/** Makes a key pair for a role; the result is handed back untouched (so callers can export it). */
export type KeyFactory<K extends { readonly signer: Signer }> = (keyType: KeyType, role: string) => Promise<K>;

export interface EndEntitySpec {
  /** Key in `PkiHierarchy.endEntities`. */
  readonly id: string;
  readonly profile: EndEntityProfileName;
  readonly subject?: NameInput;
  readonly validityDays?: number;
  readonly subjectAltName?: readonly GeneralNameValue[];
}

/** A root → intermediate → end-entities test or demo PKI for one key family (like certomancer). */
export interface PkiHierarchySpec {
  readonly keyType: KeyType;
  /** Organisation in every subject (default "OpenSeal Demo"). */
  readonly organization?: string;
  readonly country?: string;
  readonly root?: { readonly subject?: NameInput; readonly validityDays?: number };
  readonly intermediate?: { readonly subject?: NameInput; readonly validityDays?: number };
  /** Default: one of each end-entity profile, ids sealSigner, personSigner, sealMaker, tsa, ocspResponder. */
  readonly endEntities?: readonly EndEntitySpec[];
  /** URLs the root puts in the intermediate, and the intermediate in end-entity certificates. */
  readonly urls?: { readonly root?: CaUrls; readonly intermediate?: CaUrls };
  /** Default: the clock's now. */
  readonly notBefore?: Date;
}

export interface PkiHierarchyDeps<K extends { readonly signer: Signer }> {
  readonly random: RandomSource;
  readonly clock: Clock;
  readonly provider: CryptoProvider;
  readonly keyFactory: KeyFactory<K>;
  readonly isSerialUsed?: SerialNumberCheck;
}

export interface PkiEntity<K> {
  readonly certificate: Certificate;
  readonly key: K;
  /** From this certificate up to the root. */
  readonly chain: readonly Certificate[];
}

export interface PkiHierarchy<K> {
  readonly keyType: KeyType;
  readonly root: PkiEntity<K> & { readonly ca: CertificateAuthority };
  readonly intermediate: PkiEntity<K> & { readonly ca: CertificateAuthority };
  readonly endEntities: Readonly<Record<string, PkiEntity<K>>>;
  readonly trustAnchors: readonly Certificate[];
  readonly intermediates: readonly Certificate[];
}

const FAMILY_LABEL: Readonly<Record<KeyType, string>> = { SM2: 'SM2', RSA: 'RSA', 'EC-P256': 'ECC P-256', 'EC-P384': 'ECC P-384' };

const DEFAULT_END_ENTITIES: readonly { id: string; profile: EndEntityProfileName; cn: (org: string) => string; ou?: string }[] = [
  { id: 'sealSigner', profile: 'sealSigner', cn: (org) => `${org} 电子印章`, ou: '办公室' },
  { id: 'personSigner', profile: 'personSigner', cn: () => '张三' },
  { id: 'sealMaker', profile: 'sealMaker', cn: (org) => `${org} 制章系统` },
  { id: 'tsa', profile: 'tsa', cn: (org) => `${org} Time Stamping Authority` },
  { id: 'ocspResponder', profile: 'ocspResponder', cn: (org) => `${org} OCSP Responder` },
];

/** Creates the whole hierarchy with keys from `keyFactory`; every certificate is signature-checked. */
export async function createPkiHierarchy<K extends { readonly signer: Signer }>(
  spec: PkiHierarchySpec,
  deps: PkiHierarchyDeps<K>,
): Promise<PkiHierarchy<K>> {
  const org = spec.organization ?? 'OpenSeal Demo';
  const country = spec.country ?? 'CN';
  const family = FAMILY_LABEL[spec.keyType];
  const notBefore = spec.notBefore ?? deps.clock.now();
  const shared = {
    random: deps.random,
    clock: deps.clock,
    provider: deps.provider,
    ...(deps.isSerialUsed ? { isSerialUsed: deps.isSerialUsed } : {}),
  };

  const rootKey = await deps.keyFactory(spec.keyType, 'root');
  const rootCa = await CertificateAuthority.createRoot({
    ...shared,
    signer: rootKey.signer,
    subject: spec.root?.subject ?? [{ C: country }, { O: org }, { CN: `${org} ${family} Root CA` }],
    notBefore,
    ...(spec.root?.validityDays === undefined ? {} : { validityDays: spec.root.validityDays }),
    ...(spec.urls?.root ? { urls: spec.urls.root } : {}),
  });

  const interKey = await deps.keyFactory(spec.keyType, 'intermediate');
  const interCert = await rootCa.issue({
    profile: 'intermediateCa',
    subject: spec.intermediate?.subject ?? [{ C: country }, { O: org }, { CN: `${org} ${family} Issuing CA` }],
    publicKey: interKey.signer.publicKey,
    notBefore,
    ...(spec.intermediate?.validityDays === undefined ? {} : { validityDays: spec.intermediate.validityDays }),
  });
  const interCa = rootCa.subordinate(interCert, interKey.signer, spec.urls?.intermediate);

  const specs: readonly EndEntitySpec[] =
    spec.endEntities ??
    DEFAULT_END_ENTITIES.map((d) => ({
      id: d.id,
      profile: d.profile,
      subject: [{ C: country }, { O: org }, ...(d.ou ? [{ OU: d.ou }] : []), { CN: d.cn(org) }],
    }));
  const endEntities: Record<string, PkiEntity<K>> = {};
  for (const ee of specs) {
    const key = await deps.keyFactory(spec.keyType, ee.id);
    const certificate = await interCa.issue({
      profile: ee.profile,
      subject: ee.subject ?? [{ C: country }, { O: org }, { CN: `${org} ${ee.id}` }],
      publicKey: key.signer.publicKey,
      notBefore,
      ...(ee.validityDays === undefined ? {} : { validityDays: ee.validityDays }),
      ...(ee.subjectAltName ? { subjectAltName: ee.subjectAltName } : {}),
    });
    endEntities[ee.id] = { certificate, key, chain: [certificate, ...interCa.chain] };
  }

  return {
    keyType: spec.keyType,
    root: { certificate: rootCa.certificate, key: rootKey, chain: rootCa.chain, ca: rootCa },
    intermediate: { certificate: interCert, key: interKey, chain: interCa.chain, ca: interCa },
    endEntities,
    trustAnchors: [rootCa.certificate],
    intermediates: [interCert],
  };
}
