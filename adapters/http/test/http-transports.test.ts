import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixedClock, SeededRandom, utf8 } from '@openseal/kernel';
import { OcspClient, TimestampClient, createOcspResponse, createTimestampResponse } from '@openseal/pki';
import { createHttpOcspTransport, createHttpTimestampTransport } from '@openseal/http-transport';
import { makeTestPki, provider, T0, type CmsTestPki } from '../../../packages/pki/test/support/cms-test-pki.js';

const clock = new FixedClock(new Date(T0.getTime() + 60_000));
let pki: CmsTestPki;
let server: Server;
let base: string;
const requests: { path: string; contentType: string | undefined }[] = [];

async function readBody(req: IncomingMessage): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return new Uint8Array(Buffer.concat(chunks));
}

async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const body = await readBody(req);
  requests.push({ path: req.url ?? '', contentType: req.headers['content-type'] });
  const tsa = pki.endEntities.tsa;
  const responder = pki.endEntities.ocspResponder;
  if (!tsa || !responder) throw new Error('test PKI incomplete');
  switch (req.url) {
    case '/tsa': {
      const der = await createTimestampResponse(body, {
        signer: tsa.key.signer,
        certificate: tsa.certificate,
        chain: tsa.chain.slice(1),
        clock,
        random: new SeededRandom(1),
        provider,
        policy: '1.3.6.1.4.1.99999.1.1',
      });
      res.writeHead(200, { 'content-type': 'application/timestamp-reply' }).end(der);
      return;
    }
    case '/ocsp': {
      const der = await createOcspResponse(body, {
        responderCertificate: responder.certificate,
        signer: responder.key.signer,
        issuers: [pki.intermediate.certificate],
        lookup: () => ({ status: 'good' }),
        clock,
        provider,
        nextUpdateSeconds: 600,
      });
      res.writeHead(200, { 'content-type': 'application/ocsp-response' }).end(der);
      return;
    }
    case '/slow':
      return; // never answers
    case '/big':
      res.writeHead(200, { 'content-type': 'application/timestamp-reply' });
      res.end(new Uint8Array(2 * 1024 * 1024));
      return;
    case '/html':
      res.writeHead(200, { 'content-type': 'text/html' }).end('<html></html>');
      return;
    case '/busy':
      res.writeHead(503).end();
      return;
    default:
      res.writeHead(404).end();
  }
}

beforeAll(async () => {
  pki = await makeTestPki('EC-P256');
  server = createServer((req, res) => {
    route(req, res).catch((e: unknown) => res.writeHead(500).end(String(e)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('HTTP timestamp transport', () => {
  it('gets a verified token from a local RFC 3161 server', async () => {
    const client = new TimestampClient(createHttpTimestampTransport(`${base}/tsa`), {
      provider,
      random: new SeededRandom(2),
      trustAnchors: pki.trustAnchors,
      clock,
    });
    const result = await client.timestamp({ data: utf8('over HTTP') });
    expect(result.info.genTime).toEqual(clock.now());
    expect(result.verification.indication).toBe('TOTAL_PASSED');
    expect(requests.find((r) => r.path === '/tsa')?.contentType).toBe('application/timestamp-query');
  });

  it('maps timeouts, 5xx, wrong media types and oversized bodies to typed errors', async () => {
    const post = (path: string, timeoutMs = 2000) => createHttpTimestampTransport(`${base}${path}`, { timeoutMs, maxResponseBytes: 64 * 1024 })(Uint8Array.of(0x30, 0x00));
    const started = performance.now();
    await expect(post('/slow', 200)).rejects.toMatchObject({ code: 'TSA_UNAVAILABLE' });
    expect(performance.now() - started).toBeLessThan(2000);
    await expect(post('/busy')).rejects.toMatchObject({ code: 'TSA_UNAVAILABLE', details: { reason: 'HTTP 503' } });
    await expect(post('/html')).rejects.toMatchObject({ code: 'TSA_BAD_RESPONSE', details: { contentType: 'text/html' } });
    await expect(post('/big')).rejects.toMatchObject({ code: 'TSA_BAD_RESPONSE', details: { limit: 65536 } });
    await expect(post('/missing')).rejects.toMatchObject({ code: 'TSA_BAD_RESPONSE', details: { status: 404 } });
    await expect(createHttpTimestampTransport('http://127.0.0.1:1/')(Uint8Array.of(0x30, 0x00))).rejects.toMatchObject({ code: 'TSA_UNAVAILABLE' });
  });
});

describe('HTTP OCSP transport', () => {
  it('gets a verified answer from a local RFC 6960 server', async () => {
    const client = new OcspClient(createHttpOcspTransport(`${base}/ocsp`), {
      provider,
      random: new SeededRandom(3),
      clock,
      trustAnchors: pki.trustAnchors,
    });
    const signer = pki.endEntities.sealSigner;
    if (!signer) throw new Error('no signer');
    const result = await client.check(signer.certificate, pki.intermediate.certificate);
    expect(result.status.status).toBe('good');
    expect(requests.find((r) => r.path === '/ocsp')?.contentType).toBe('application/ocsp-request');
  });

  it('reports OCSP_UNAVAILABLE and OCSP_BAD_RESPONSE', async () => {
    await expect(createHttpOcspTransport(`${base}/busy`)(Uint8Array.of(0x30, 0x00))).rejects.toMatchObject({ code: 'OCSP_UNAVAILABLE' });
    await expect(createHttpOcspTransport(`${base}/html`)(Uint8Array.of(0x30, 0x00))).rejects.toMatchObject({ code: 'OCSP_BAD_RESPONSE' });
  });
});
