// OpenSSL 3.0 as an independent peer for certificates and CRLs, in both directions.
import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OID } from '@openseal/asn1';
import type { KeyType } from '@openseal/crypto';
import { toHex } from '@openseal/kernel';
import {
  CrlRevocationSource,
  certificateFingerprint,
  computeKeyIdentifier,
  parseCertificate,
  parseCrl,
  validateCertificatePath,
  verifyCrlSignature,
  type Certificate,
  type Crl,
} from '@openseal/pki';
import { T0, makeHierarchy, provider } from '../../packages/pki/test/support/test-pki.js';
import { openssl, opensslOk, tempDir } from '../support/openssl.js';

// OpenSSL 3.0's `verify -vfyopt distid:…` applies the SM2 ID to the target certificate only, not to
// intermediates, so SM2 chains are checked link by link with -partial_chain.
const DISTID = 'distid:1234567812345678';
const ATTIME = String(Math.floor(T0.getTime() / 1000) + 86_400);
const URLS = { crl: ['http://ca.example.cn/issuing.crl'], ocsp: ['http://ca.example.cn/ocsp'], caIssuers: ['http://ca.example.cn/issuing.cer'] };

describe.each<KeyType>(['RSA', 'EC-P256', 'EC-P384', 'SM2'])('OpenSSL accepts OpenSeal %s certificates and CRLs', (keyType) => {
  const tmp = tempDir();
  let leaf: Certificate;
  let revoked: Certificate;
  let inter: Certificate;
  let crl: Crl;
  afterAll(() => tmp.cleanup());
  beforeAll(async () => {
    const pki = await makeHierarchy(keyType, { urls: { intermediate: URLS }, organization: '某某市人民政府' });
    inter = pki.intermediate.certificate;
    leaf = pki.endEntities.sealSigner!.certificate;
    revoked = pki.endEntities.personSigner!.certificate;
    crl = await pki.intermediate.ca.issueCrl({ crlNumber: 7, revoked: [{ serialNumber: revoked.serialNumber, revokedAt: T0, reason: 'keyCompromise' }] });
    writeFileSync(tmp.path('root.pem'), pki.root.certificate.toPem());
    writeFileSync(tmp.path('inter.pem'), inter.toPem());
    writeFileSync(tmp.path('crl.pem'), crl.toPem());
    for (const [id, ee] of Object.entries(pki.endEntities)) writeFileSync(tmp.path(`${id}.pem`), ee.certificate.toPem());
  });

  it('openssl x509 -text reads the names and extensions', () => {
    const text = opensslOk(['x509', '-in', tmp.path('sealSigner.pem'), '-noout', '-text', '-nameopt', 'utf8,sep_comma_plus']).toString('utf8');
    expect(text).toContain('O=某某市人民政府');
    expect(text).toContain('OU=办公室');
    expect(text).toMatch(/Key Usage: critical\s+Digital Signature, Non Repudiation/);
    expect(text).toContain('1.3.6.1.4.1.311.10.3.12, E-mail Protection');
    expect(text).toContain('URI:http://ca.example.cn/issuing.crl');
    expect(text).toContain('OCSP - URI:http://ca.example.cn/ocsp');
    expect(text).toContain(`keyid:${colonHex(inter.subjectKeyIdentifier!)}`.replace('keyid:', ''));
    const tsa = opensslOk(['x509', '-in', tmp.path('tsa.pem'), '-noout', '-text']).toString('utf8');
    expect(tsa).toMatch(/Extended Key Usage: critical\s+Time Stamping/);
    const ocsp = opensslOk(['x509', '-in', tmp.path('ocspResponder.pem'), '-noout', '-text']).toString('utf8');
    expect(ocsp).toContain('OCSP No Check');
  });

  it('openssl verify accepts the chain', () => {
    for (const id of ['sealSigner', 'personSigner', 'sealMaker', 'tsa', 'ocspResponder']) {
      if (keyType === 'SM2') {
        expect(opensslOk(['verify', '-vfyopt', DISTID, '-attime', ATTIME, '-CAfile', tmp.path('root.pem'), tmp.path('inter.pem')]).toString()).toContain(': OK');
        const r = openssl(['verify', '-vfyopt', DISTID, '-partial_chain', '-attime', ATTIME, '-CAfile', tmp.path('inter.pem'), tmp.path(`${id}.pem`)]);
        expect(r.stdout.toString() + r.stderr, id).toContain(': OK');
      } else {
        const r = openssl(['verify', '-attime', ATTIME, '-CAfile', tmp.path('root.pem'), '-untrusted', tmp.path('inter.pem'), tmp.path(`${id}.pem`)]);
        expect(r.stdout.toString() + r.stderr, id).toContain(': OK');
      }
    }
  });

  it('openssl verify rejects the chain when one byte of the leaf TBS changes (tamper twin)', () => {
    const der = leaf.der.slice();
    der[leaf.tbsDer.length - 20] = (der[leaf.tbsDer.length - 20] as number) ^ 0x01; // inside the TBS extensions
    writeFileSync(tmp.path('tampered.der'), der);
    opensslOk(['x509', '-inform', 'DER', '-in', tmp.path('tampered.der'), '-out', tmp.path('tampered.pem')]);
    const args =
      keyType === 'SM2'
        ? ['verify', '-vfyopt', DISTID, '-partial_chain', '-attime', ATTIME, '-CAfile', tmp.path('inter.pem'), tmp.path('tampered.pem')]
        : ['verify', '-attime', ATTIME, '-CAfile', tmp.path('root.pem'), '-untrusted', tmp.path('inter.pem'), tmp.path('tampered.pem')];
    const r = openssl(args);
    expect(r.code).not.toBe(0);
    expect(r.stdout.toString() + r.stderr).toContain('certificate signature failure');
  });

  it('openssl accepts the CRL signature and reports the revoked certificate', () => {
    const text = opensslOk(['crl', '-in', tmp.path('crl.pem'), '-noout', '-text']).toString();
    expect(text).toContain(`Serial Number: ${revoked.serialNumber.toUpperCase()}`);
    expect(text).toMatch(/CRL Number:\s+7/);
    expect(text).toContain('Key Compromise');
    if (keyType === 'SM2') {
      // `openssl crl` has no SM2 ID option: check the signature over our TBSCertList with pkeyutl.
      expect(pkeyutlVerify(tmp, inter, crl.tbsDer, crl.signatureValue)).toBe(true);
      expect(pkeyutlVerify(tmp, inter, flip(crl.tbsDer, 30), crl.signatureValue)).toBe(false);
      return;
    }
    const r = openssl(['crl', '-in', tmp.path('crl.pem'), '-CAfile', tmp.path('inter.pem'), '-noout']);
    expect(r.stdout.toString() + r.stderr).toContain('verify OK');
    const bad = openssl(['verify', '-crl_check', '-attime', ATTIME, '-CAfile', tmp.path('root.pem'), '-untrusted', tmp.path('inter.pem'), '-CRLfile', tmp.path('crl.pem'), tmp.path('personSigner.pem')]);
    expect(bad.stdout.toString() + bad.stderr).toContain('certificate revoked');
    const good = openssl(['verify', '-crl_check', '-attime', ATTIME, '-CAfile', tmp.path('root.pem'), '-untrusted', tmp.path('inter.pem'), '-CRLfile', tmp.path('crl.pem'), tmp.path('sealSigner.pem')]);
    expect(good.stdout.toString() + good.stderr).toContain(': OK');
  });

  it('matches OpenSSL fingerprints (SHA-256 and SM3)', () => {
    for (const alg of ['SHA-256', 'SM3'] as const) {
      const out = opensslOk(['x509', '-in', tmp.path('sealSigner.pem'), '-noout', '-fingerprint', alg === 'SM3' ? '-sm3' : '-sha256']).toString();
      expect(out.trim().split('=')[1]).toBe(colonHex(fromLowerHex(certificateFingerprint(leaf, alg, provider))));
    }
  });
});

describe('OpenSeal reads and validates an OpenSSL-made PKI', () => {
  const tmp = tempDir();
  const run = (args: string[]): void => void opensslOk(args, { cwd: tmp.dir });
  let root: Certificate;
  let ecLeaf: Certificate;
  let ecRevoked: Certificate;
  let sm2Root: Certificate;
  let sm2Leaf: Certificate;
  let crl: Crl;
  let sm2Crl: Crl;
  afterAll(() => tmp.cleanup());
  beforeAll(() => {
    writeFileSync(tmp.path('ca.cnf'), CA_CONFIG);
    writeFileSync(tmp.path('index.txt'), '');
    writeFileSync(tmp.path('crlnumber'), '01\n');
    writeFileSync(tmp.path('sm2index.txt'), '');
    writeFileSync(tmp.path('sm2crlnumber'), '01\n');
    run(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'root.key', '-out', 'root.pem', '-days', '3650', '-subj', '/C=CN/O=Outside Test Root/CN=Outside Root CA', '-config', 'ca.cnf', '-extensions', 'x_ca']);
    for (const name of ['ec', 'ecrev']) {
      run(['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', `${name}.key`]);
      run(['req', '-new', '-key', `${name}.key`, '-subj', `/C=CN/O=某某市人民政府/CN=Signer ${name}`, '-utf8', '-config', 'ca.cnf', '-out', `${name}.csr`]);
      run(['x509', '-req', '-in', `${name}.csr`, '-CA', 'root.pem', '-CAkey', 'root.key', '-CAcreateserial', '-days', '730', '-out', `${name}.pem`, '-extfile', 'ca.cnf', '-extensions', 'x_leaf']);
    }
    run(['ca', '-config', 'ca.cnf', '-name', 'rsa_ca', '-revoke', 'ecrev.pem', '-crl_reason', 'keyCompromise', '-batch']);
    run(['ca', '-config', 'ca.cnf', '-name', 'rsa_ca', '-gencrl', '-out', 'crl.pem', '-batch']);
    run(['genpkey', '-algorithm', 'SM2', '-out', 'sm2root.key']);
    run(['req', '-x509', '-new', '-key', 'sm2root.key', '-sm3', '-sigopt', DISTID, '-subj', '/C=CN/O=Outside Test/CN=SM2 Outside Root', '-days', '3650', '-config', 'ca.cnf', '-extensions', 'x_ca', '-out', 'sm2root.pem']);
    run(['genpkey', '-algorithm', 'SM2', '-out', 'sm2.key']);
    run(['req', '-new', '-key', 'sm2.key', '-sm3', '-sigopt', DISTID, '-subj', '/C=CN/O=测试单位/CN=Signer sm2', '-utf8', '-config', 'ca.cnf', '-out', 'sm2.csr']);
    run(['x509', '-req', '-in', 'sm2.csr', '-CA', 'sm2root.pem', '-CAkey', 'sm2root.key', '-CAcreateserial', '-sm3', '-sigopt', DISTID, '-vfyopt', DISTID, '-days', '730', '-extfile', 'ca.cnf', '-extensions', 'x_leaf', '-out', 'sm2.pem']);
    run(['ca', '-config', 'ca.cnf', '-name', 'sm2_ca', '-gencrl', '-sigopt', DISTID, '-out', 'sm2crl.pem', '-batch']);
    const read = (f: string): string => readFileSync(tmp.path(f), 'utf8');
    root = parseCertificate(read('root.pem'));
    ecLeaf = parseCertificate(read('ec.pem'));
    ecRevoked = parseCertificate(read('ecrev.pem'));
    sm2Root = parseCertificate(read('sm2root.pem'));
    sm2Leaf = parseCertificate(read('sm2.pem'));
    crl = parseCrl(read('crl.pem'));
    sm2Crl = parseCrl(read('sm2crl.pem'));
  }, 60_000);

  it('parses names, validity, keys and extensions as OpenSSL wrote them', () => {
    expect(ecLeaf.subject.get('O')).toBe('某某市人民政府');
    expect(ecLeaf.subject.toString()).toBe('CN=Signer ec,O=某某市人民政府,C=CN');
    expect(ecLeaf.keyType).toBe('EC-P256');
    expect(ecLeaf.signatureAlgorithm).toEqual({ name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' });
    expect(ecLeaf.serialNumber.toUpperCase()).toBe(opensslOk(['x509', '-in', tmp.path('ec.pem'), '-noout', '-serial']).toString().trim().split('=')[1]);
    expect(ecLeaf.extKeyUsage).toEqual([OID.kpEmailProtection, OID.documentSigning]);
    expect(ecLeaf.subjectKeyIdentifier).toEqual(computeKeyIdentifier(ecLeaf.publicKey, provider));
    expect(ecLeaf.authorityKeyIdentifier).toEqual(root.subjectKeyIdentifier);
    expect(root.isSelfIssued && root.isCA).toBe(true);
    expect(sm2Leaf.keyType).toBe('SM2');
    expect(sm2Leaf.signatureAlgorithmOid).toBe(OID.sm3WithSM2Encryption);
    expect(sm2Leaf.subject.get('O')).toBe('测试单位');
  });

  it('validates the RSA-rooted chain and the SM2 chain (standard SM2 ID)', async () => {
    const at = new Date(ecLeaf.notBefore.getTime() + 1000);
    const ec = await validateCertificatePath(ecLeaf, { trustAnchors: [root], at, provider, requiredExtKeyUsage: [OID.documentSigning], requiredKeyUsage: ['nonRepudiation'] });
    expect(ec.status, ec.reasons.join()).toBe('VALID');
    const sm2 = await validateCertificatePath(sm2Leaf, { trustAnchors: [sm2Root], at: new Date(sm2Leaf.notBefore.getTime() + 1000), provider });
    expect(sm2.status, sm2.reasons.join()).toBe('VALID');
    const wrongAnchor = await validateCertificatePath(sm2Leaf, { trustAnchors: [root], at, provider });
    expect(wrongAnchor.reasons).toEqual(['PATH_NO_ANCHOR']);
  });

  it('reads OpenSSL CRLs (RSA and SM2), checks their signatures and finds the revoked certificate', async () => {
    expect(crl.entries).toHaveLength(1);
    expect(crl.entries[0]).toMatchObject({ serialNumber: ecRevoked.serialNumber, reason: 'keyCompromise' });
    expect(crl.crlNumber).toBe(1n);
    expect(await verifyCrlSignature(crl, root, provider)).toBe(true);
    expect(await verifyCrlSignature(sm2Crl, sm2Root, provider)).toBe(true);
    expect(sm2Crl.entries).toEqual([]);
    const at = new Date(crl.thisUpdate.getTime() + 1000);
    const revocation = new CrlRevocationSource([crl], provider);
    const bad = await validateCertificatePath(ecRevoked, { trustAnchors: [root], at, provider, revocation });
    expect(bad.status).toBe('INVALID');
    expect(bad.reasons).toEqual(['CERT_REVOKED']);
    const good = await validateCertificatePath(ecLeaf, { trustAnchors: [root], at, provider, revocation });
    expect(good.status, good.reasons.join()).toBe('VALID');
  });
});

const CA_CONFIG = `
[ca]
default_ca = rsa_ca
[rsa_ca]
database = ./index.txt
new_certs_dir = .
certificate = ./root.pem
private_key = ./root.key
crlnumber = ./crlnumber
default_md = sha256
default_crl_days = 7
policy = policy_any
[sm2_ca]
database = ./sm2index.txt
new_certs_dir = .
certificate = ./sm2root.pem
private_key = ./sm2root.key
crlnumber = ./sm2crlnumber
default_md = sm3
default_crl_days = 7
policy = policy_any
[policy_any]
commonName = supplied
[req]
distinguished_name = dn
[dn]
[x_ca]
basicConstraints = critical,CA:TRUE
keyUsage = critical,keyCertSign,cRLSign
subjectKeyIdentifier = hash
[x_leaf]
basicConstraints = critical,CA:FALSE
keyUsage = critical,digitalSignature,nonRepudiation
extendedKeyUsage = emailProtection,1.3.6.1.4.1.311.10.3.12
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
`;

function colonHex(bytes: Uint8Array): string {
  return toHex(bytes).toUpperCase().replace(/(..)(?!$)/g, '$1:');
}

function fromLowerHex(hex: string): Uint8Array {
  return Uint8Array.from(hex.match(/../g) ?? [], (h) => parseInt(h, 16));
}

function flip(bytes: Uint8Array, index: number): Uint8Array {
  const copy = bytes.slice();
  copy[index] = (copy[index] as number) ^ 0x01;
  return copy;
}

/** SM2 signature check by OpenSSL with the standard ID, over bytes we hand it. */
function pkeyutlVerify(tmp: ReturnType<typeof tempDir>, signerCert: Certificate, data: Uint8Array, signature: Uint8Array): boolean {
  writeFileSync(tmp.path('signer.pem'), signerCert.toPem());
  writeFileSync(tmp.path('data.bin'), data);
  writeFileSync(tmp.path('sig.bin'), signature);
  const r = openssl(['pkeyutl', '-verify', '-certin', '-inkey', tmp.path('signer.pem'), '-rawin', '-digest', 'sm3', '-pkeyopt', DISTID, '-in', tmp.path('data.bin'), '-sigfile', tmp.path('sig.bin')]);
  return r.code === 0 && r.stdout.toString().includes('Signature Verified Successfully');
}
