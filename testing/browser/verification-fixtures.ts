// Test-only (Node): builds the signed material the browser verification suite checks, with the
// real Node signers, so that the browser side verifies what the server side produced.
import { FixedClock, SeededRandom, toBase64 } from '@openseal/kernel';
import { generateKeyPair, NodeCryptoProvider, SoftwareSigner } from '@openseal/crypto/node';
import type { KeyType } from '@openseal/crypto';
import { createPkiHierarchy } from '@openseal/pki';

export interface ChainFixture {
  keyType: KeyType;
  at: string;
  root: string;
  intermediate: string;
  leaf: string;
  revokedLeaf: string;
  crl: string;
  rootCrl: string;
  revokedAt: string;
}

export interface VerificationFixtures {
  chains: ChainFixture[];
}

const T0 = new Date('2026-01-15T08:00:00Z');

export async function makeVerificationFixtures(keyTypes: KeyType[] = ['SM2', 'RSA', 'EC-P256']): Promise<VerificationFixtures> {
  const provider = new NodeCryptoProvider();
  const random = new SeededRandom(20261126);
  const clock = new FixedClock(T0);
  const chains: ChainFixture[] = [];
  for (const keyType of keyTypes) {
    const pki = await createPkiHierarchy(
      { keyType, organization: '某某市人民政府', notBefore: T0 },
      {
        random,
        clock,
        provider,
        keyFactory: async (kt) => {
          const key = await generateKeyPair(kt, { random, ...(kt === 'RSA' ? { rsaBits: 2048 as const } : {}) });
          return { signer: new SoftwareSigner(key, { random }) };
        },
      },
    );
    const leaf = pki.endEntities.sealSigner!.certificate;
    const revokedLeaf = pki.endEntities.personSigner!.certificate;
    const revokedAt = new Date(T0.getTime() + 10 * 86_400_000);
    const crl = await pki.intermediate.ca.issueCrl({
      crlNumber: 7,
      revoked: [{ serialNumber: revokedLeaf.serialNumber, revokedAt, reason: 'keyCompromise' }],
      thisUpdate: new Date(revokedAt.getTime() + 3_600_000),
      nextUpdate: new Date(revokedAt.getTime() + 30 * 86_400_000),
    });
    const rootCrl = await pki.root.ca.issueCrl({ crlNumber: 1, revoked: [], thisUpdate: T0, nextUpdate: new Date(T0.getTime() + 90 * 86_400_000) });
    chains.push({
      keyType,
      at: new Date(revokedAt.getTime() + 86_400_000).toISOString(),
      root: toBase64(pki.root.certificate.der),
      intermediate: toBase64(pki.intermediate.certificate.der),
      leaf: toBase64(leaf.der),
      revokedLeaf: toBase64(revokedLeaf.der),
      crl: toBase64(crl.der),
      rootCrl: toBase64(rootCrl.der),
      revokedAt: revokedAt.toISOString(),
    });
  }
  return { chains };
}
