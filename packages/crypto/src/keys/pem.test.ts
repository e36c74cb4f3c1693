import { describe, expect, it } from 'vitest';
import { fromHex } from '@openseal/kernel';
import { KeyFormatError } from '../errors.js';
import { decodePem, encodePem } from './pem.js';

const der = fromHex('3082010a02820101' + 'ab'.repeat(100));

describe('PEM codec', () => {
  it('round-trips DER through 64-character lines', () => {
    const pem = encodePem('PRIVATE KEY', der);
    const lines = pem.trimEnd().split('\n');
    expect(lines[0]).toBe('-----BEGIN PRIVATE KEY-----');
    expect(lines.at(-1)).toBe('-----END PRIVATE KEY-----');
    expect(lines.slice(1, -1).every((l) => l.length <= 64)).toBe(true);
    expect(lines[1]).toHaveLength(64);
    const [block] = decodePem(pem);
    expect(block?.label).toBe('PRIVATE KEY');
    expect(block?.der).toEqual(der);
  });

  it('reads several blocks with CRLF, indentation and text between them', () => {
    const a = encodePem('CERTIFICATE', der.subarray(0, 10));
    const b = encodePem('EC PRIVATE KEY', der.subarray(0, 20));
    const text = `Bag Attributes\r\n    localKeyId: 01 02\r\n${a.replace(/\n/g, '\r\n')}subject=/CN=x\n  ${b.replace(/\n/g, '\n  ')}`;
    const blocks = decodePem(text);
    expect(blocks.map((x) => x.label)).toEqual(['CERTIFICATE', 'EC PRIVATE KEY']);
    expect(blocks[1]?.der).toEqual(der.subarray(0, 20));
  });

  it('keeps RFC 1421 headers of legacy encrypted PEM apart from the body', () => {
    const pem = encodePem('RSA PRIVATE KEY', der, { 'Proc-Type': '4,ENCRYPTED', 'DEK-Info': 'AES-256-CBC,00112233445566778899AABBCCDDEEFF' });
    const [block] = decodePem(pem);
    expect(block?.headers['Proc-Type']).toBe('4,ENCRYPTED');
    expect(block?.headers['DEK-Info']).toBe('AES-256-CBC,00112233445566778899AABBCCDDEEFF');
    expect(block?.der).toEqual(der);
  });

  it.each([
    ['no block at all', 'hello world'],
    ['a missing END line', '-----BEGIN PRIVATE KEY-----\nMIIB\n'],
    ['a mismatched END label', '-----BEGIN PRIVATE KEY-----\nMIIB\n-----END RSA PRIVATE KEY-----\n'],
    ['non-base64 characters', '-----BEGIN PRIVATE KEY-----\nMI*B\n-----END PRIVATE KEY-----\n'],
    ['a truncated base64 body', '-----BEGIN PRIVATE KEY-----\nMIIBa\n-----END PRIVATE KEY-----\n'],
    ['an empty body', '-----BEGIN PRIVATE KEY-----\n-----END PRIVATE KEY-----\n'],
    ['a BEGIN inside another block', '-----BEGIN A-----\nMIIB\n-----BEGIN B-----\nMIIB\n-----END B-----\n'],
  ])('rejects %s with KEY_FORMAT_INVALID', (_name, text) => {
    expect(() => decodePem(text)).toThrow(KeyFormatError);
  });
});
