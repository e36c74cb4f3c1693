import { open } from 'node:fs/promises';
import { closeSync, mkdirSync, openSync, readSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Hasher } from '@openseal/crypto';
import { CliFileError } from '../errors.js';

/** Documents larger than this are refused before reading. */
const MAX_DOCUMENT_BYTES = 2 * 1024 * 1024 * 1024 - 1;
const CHUNK = 4 * 1024 * 1024;

/**
 * Reads a whole file into one buffer and feeds it to `hasher` as it arrives: each chunk is hashed while
 * the next one is being read, so a signature over a large PDF costs little more than reading it.
 */
export async function readFileHashing(path: string, hasher: Hasher): Promise<Uint8Array> {
  let fh;
  try {
    fh = await open(path, 'r');
  } catch (e) {
    throw new CliFileError(path, 'read', { cause: e });
  }
  try {
    const size = (await fh.stat()).size;
    if (size > MAX_DOCUMENT_BYTES) throw new CliFileError(path, 'read', { cause: new Error('file too large') });
    const buf = new Uint8Array(size);
    let offset = 0;
    let pending = size > 0 ? fh.read(buf, 0, Math.min(CHUNK, size), 0) : undefined;
    while (pending) {
      const { bytesRead } = await pending;
      if (bytesRead === 0) throw new CliFileError(path, 'read', { cause: new Error('file shrank while reading') });
      const chunk = buf.subarray(offset, offset + bytesRead);
      offset += bytesRead;
      pending = offset < size ? fh.read(buf, offset, Math.min(CHUNK, size - offset), offset) : undefined;
      hasher.update(chunk);
    }
    return buf;
  } catch (e) {
    if (e instanceof CliFileError) throw e;
    throw new CliFileError(path, 'read', { cause: e });
  } finally {
    await fh.close();
  }
}

/** The first bytes of a file (to tell a PDF from an OFD package before reading it whole). */
export function readFileHead(path: string, length: number): Uint8Array {
  try {
    const fd = openSync(path, 'r');
    try {
      const buf = new Uint8Array(length);
      const n = readSync(fd, buf, 0, length, 0);
      return buf.subarray(0, n);
    } finally {
      closeSync(fd);
    }
  } catch (e) {
    throw new CliFileError(path, 'read', { cause: e });
  }
}

/** Writes the pieces of a file one after the other (no concatenated copy). */
export function writeChunks(path: string, chunks: readonly Uint8Array[]): void {
  try {
    mkdirSync(dirname(path), { recursive: true });
    const fd = openSync(path, 'w', 0o644);
    try {
      for (const c of chunks) {
        let done = 0;
        while (done < c.length) done += writeSync(fd, c, done, c.length - done);
      }
    } finally {
      closeSync(fd);
    }
  } catch (e) {
    throw new CliFileError(path, 'write', { cause: e });
  }
}
