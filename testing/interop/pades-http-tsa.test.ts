// PAdES B-T through a real HTTP exchange: the library TSA served by node:http on localhost, reached with
// the HTTP adapter's RFC 3161 transport.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createHttpTimestampTransport } from '@openseal/http-transport';
import { SeededRandom } from '@openseal/kernel';
import { signPdf, verifyPdf } from '@openseal/pades';
import { TimestampClient, createTimestampResponse } from '@openseal/pki';
import { clock, provider, sample, sealSigner, testPki } from '../../packages/pades/test/support/pades-test-pki.js';

let server: Server;
let url = '';
let requests = 0;

beforeAll(async () => {
  const pki = await testPki('RSA');
  const tsa = pki.endEntities.tsa;
  if (!tsa) throw new Error('no TSA in the test PKI');
  const random = new SeededRandom(31);
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      requests++;
      void createTimestampResponse(new Uint8Array(Buffer.concat(chunks)), {
        signer: tsa.key.signer,
        certificate: tsa.certificate,
        chain: tsa.chain.slice(1),
        clock,
        random,
        provider,
        policy: '1.2.3.4.1',
      }).then((der) => {
        res.writeHead(200, { 'content-type': 'application/timestamp-reply' });
        res.end(Buffer.from(der));
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/tsa`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

it('signs at B-T with a timestamp fetched over HTTP, and the timestamp verifies and is trusted', async () => {
  const s = await sealSigner('SM2');
  const rsa = await testPki('RSA');
  const tsa = new TimestampClient(createHttpTimestampTransport(url), { provider, random: new SeededRandom(32), tsaName: url });
  const signed = await signPdf(sample('pyHanko__minimal.pdf'), { signerCertificate: s.certificate, chain: s.chain, level: 'B-T' }, { signer: s.signer, provider, clock, random: new SeededRandom(33), tsa });
  expect(requests).toBe(1);
  const r = await verifyPdf(signed, { provider, clock, trustAnchors: [...s.pki.trustAnchors, ...rsa.trustAnchors] });
  expect(r.valid).toBe(true);
  expect(r.signatures[0]).toMatchObject({ level: 'B-T', trusted: true, timestamp: { verified: true, trusted: true } });
});
