import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SM2_DEFAULT_USER_ID, type SignatureAlgorithm } from '@openseal/crypto';
import { utf8 } from '@openseal/kernel';
import { CKG, CKM } from './constants.js';
import { prepareSignInput, selectMechanism } from './mechanism-plan.js';
import { DEFAULT_MECHANISM_PROFILE, defineMechanismProfile, sm2Mechanisms, type MechanismCandidate } from './mechanism-profile.js';

const offered = (...mechanisms: number[]) => (m: number) => mechanisms.includes(m);
const data = utf8('plan');

describe('selectMechanism', () => {
  it('takes the first profile entry the token offers', () => {
    const alg: SignatureAlgorithm = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-384' };
    expect(selectMechanism(DEFAULT_MECHANISM_PROFILE, alg, offered(CKM.RSA_PKCS, CKM.SHA384_RSA_PKCS)).mechanism).toBe(CKM.SHA384_RSA_PKCS);
    expect(selectMechanism(DEFAULT_MECHANISM_PROFILE, alg, offered(CKM.RSA_PKCS)).input).toBe('digest-info');
    expect(selectMechanism(DEFAULT_MECHANISM_PROFILE, { name: 'ECDSA', hash: 'SHA-256' }, offered(CKM.ECDSA_SHA256)).input).toBe('message');
  });

  it('names the algorithm, profile and every mechanism tried when none is offered', () => {
    expect(() => selectMechanism(DEFAULT_MECHANISM_PROFILE, { name: 'RSA-PSS', hash: 'SHA-256' }, offered())).toThrow(
      expect.objectContaining({
        code: 'PKCS11_MECHANISM_UNSUPPORTED',
        details: { algorithm: 'RSA-PSS/SHA-256', profile: 'pkcs11-standard', tried: ['CKM_SHA256_RSA_PKCS_PSS', 'CKM_RSA_PKCS_PSS'] },
      }),
    );
  });

  it('skips a fixed-ID SM2 mechanism for another signer ID', () => {
    const profile = defineMechanismProfile(DEFAULT_MECHANISM_PROFILE, { name: 'sm2', mechanisms: { 'SM2/SM3': sm2Mechanisms({ withSm3: 0x80000010, overE: 0x80000011 }) } });
    const custom: SignatureAlgorithm = { name: 'SM2', hash: 'SM3', userId: utf8('someone') };
    expect(selectMechanism(profile, { name: 'SM2', hash: 'SM3' }, () => true).mechanism).toBe(0x80000011);
    expect(selectMechanism(profile, { name: 'SM2', hash: 'SM3', userId: SM2_DEFAULT_USER_ID }, offered(0x80000010)).mechanism).toBe(0x80000010);
    expect(() => selectMechanism(profile, custom, offered(0x80000010))).toThrow(expect.objectContaining({ code: 'PKCS11_MECHANISM_UNSUPPORTED' }));
  });
});

describe('prepareSignInput', () => {
  const rsaKey = new Uint8Array(0); // not read for RSA/ECDSA inputs

  it('builds CK_RSA_PKCS_PSS_PARAMS with the hash, MGF1 and salt length (default: hash length)', () => {
    const combined: MechanismCandidate = { mechanism: CKM.SHA384_RSA_PKCS_PSS, input: 'message', output: 'rsa', parameter: 'rsa-pss' };
    expect(prepareSignInput(combined, { name: 'RSA-PSS', hash: 'SHA-384' }, rsaKey, data)).toEqual({
      input: data,
      mechanism: { mechanism: CKM.SHA384_RSA_PKCS_PSS, parameter: { kind: 'rsa-pss', hashMechanism: CKM.SHA384, mgf: CKG.MGF1_SHA384, saltLength: 48 } },
    });
    const raw: MechanismCandidate = { mechanism: CKM.RSA_PKCS_PSS, input: 'digest', output: 'rsa', parameter: 'rsa-pss' };
    const prepared = prepareSignInput(raw, { name: 'RSA-PSS', hash: 'SHA-256', saltLength: 0 }, rsaKey, data);
    expect(prepared.input).toEqual(new Uint8Array(createHash('sha256').update(data).digest()));
    expect(prepared.mechanism.parameter).toMatchObject({ hashMechanism: CKM.SHA256, mgf: CKG.MGF1_SHA256, saltLength: 0 });
  });

  it('hashes for CKM_ECDSA and leaves the message alone for combined mechanisms', () => {
    const ecdsa: MechanismCandidate = { mechanism: CKM.ECDSA, input: 'digest', output: 'r-s' };
    expect(prepareSignInput(ecdsa, { name: 'ECDSA', hash: 'SHA-512' }, rsaKey, data).input).toEqual(new Uint8Array(createHash('sha512').update(data).digest()));
    const combined: MechanismCandidate = { mechanism: CKM.ECDSA_SHA256, input: 'message', output: 'r-s' };
    expect(prepareSignInput(combined, { name: 'ECDSA', hash: 'SHA-256' }, rsaKey, data)).toEqual({ input: data, mechanism: { mechanism: CKM.ECDSA_SHA256 } });
  });
});
