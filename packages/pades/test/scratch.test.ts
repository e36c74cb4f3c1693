import { writeFileSync } from 'node:fs';
import { it } from 'vitest';
import { SeededRandom } from '@openseal/kernel';
import { certificatesToPem } from '@openseal/pki';
import { signPdf } from '../src/index.js';
import { clock, provider, sample, sealSigner } from './support/pades-test-pki.js';

it('scratch', async () => {
  for (const kt of ['RSA', 'EC-P256', 'SM2'] as const) {
    const s = await sealSigner(kt);
    const out = await signPdf(sample('pyHanko__minimal.pdf'), { signerCertificate: s.certificate, chain: s.chain }, { signer: s.signer, provider, clock, random: new SeededRandom(1) });
    writeFileSync(`/tmp/pades-scratch/${kt}.pdf`, out);
    writeFileSync(`/tmp/pades-scratch/${kt}-root.pem`, certificatesToPem([s.pki.root.certificate]));
  }
});
