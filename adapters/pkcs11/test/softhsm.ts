// Test-only: a fresh SoftHSM2 token in a temporary directory per test file (SoftHSM keeps its
// state in the token directory, so tests never share or leave one behind).
import { spawnSync } from 'node:child_process';
import { createPublicKey } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { openssl, tempDir } from '../../../testing/support/openssl.js';

const SCRIPT = fileURLToPath(new URL('../../../scripts/softhsm-token.sh', import.meta.url));

export interface SoftHsmToken {
  readonly library: string;
  readonly label: string;
  readonly soPin: string;
  readonly pin: string;
  readonly dir: string;
  path(name: string): string;
  /** Runs OpenSC's pkcs11-tool against this token; throws with its stderr on failure. */
  pkcs11Tool(args: string[]): string;
  cleanup(): void;
}

/**
 * Creates and initialises a token and points SOFTHSM2_CONF at it (before any module is opened in
 * this process). Fails loudly when SoftHSM2 or OpenSC is missing: CI installs them.
 */
export function createSoftHsmToken(label = 'openseal-test', soPin = '87654321', pin = '123456'): SoftHsmToken {
  for (const tool of ['softhsm2-util', 'pkcs11-tool']) {
    if (spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0) {
      throw new Error(`${tool} is not installed: SoftHSM2 and OpenSC are required for the PKCS#11 tests (run scripts/install-system-deps.sh)`);
    }
  }
  const tmp = tempDir('openseal-softhsm-');
  const r = spawnSync(SCRIPT, [tmp.dir, label, soPin, pin], { encoding: 'utf8' });
  if (r.status !== 0) {
    tmp.cleanup();
    throw new Error(`scripts/softhsm-token.sh failed (${r.status}): ${r.stderr}`);
  }
  const vars = Object.fromEntries(r.stdout.trim().split('\n').map((line) => line.split('=', 2) as [string, string]));
  const conf = vars['SOFTHSM2_CONF'];
  const library = vars['SOFTHSM2_MODULE'];
  if (!conf || !library) throw new Error(`unexpected output of scripts/softhsm-token.sh: ${r.stdout}`);
  process.env['SOFTHSM2_CONF'] = conf;
  return {
    library,
    label,
    soPin,
    pin,
    dir: tmp.dir,
    path: tmp.path,
    pkcs11Tool(args) {
      const t = spawnSync('pkcs11-tool', ['--module', library, '--token-label', label, ...args], { encoding: 'utf8', env: { ...process.env, SOFTHSM2_CONF: conf } });
      if (t.status !== 0) throw new Error(`pkcs11-tool ${args.join(' ')} failed: ${t.stderr}`);
      return t.stdout;
    },
    cleanup: tmp.cleanup,
  };
}

/** PEM of a DER SubjectPublicKeyInfo, written where `openssl` can read it. */
export function writePublicKeyPem(token: SoftHsmToken, name: string, spki: Uint8Array): string {
  const file = token.path(`${name}.pub.pem`);
  writeFileSync(file, createPublicKey({ key: Buffer.from(spki), format: 'der', type: 'spki' }).export({ format: 'pem', type: 'spki' }));
  return file;
}

/** `openssl dgst -verify` of a signature over `data` (RSA PKCS#1 v1.5 or ECDSA, optionally PSS). */
export function opensslVerifies(
  token: SoftHsmToken,
  publicKeyPem: string,
  hash: 'sha256' | 'sha384' | 'sha512',
  data: Uint8Array,
  signature: Uint8Array,
  pss?: { saltLength: number },
): boolean {
  const sigFile = token.path('check.sig');
  writeFileSync(sigFile, signature);
  const pssArgs = pss ? ['-sigopt', 'rsa_padding_mode:pss', '-sigopt', `rsa_pss_saltlen:${pss.saltLength}`] : [];
  const r = openssl(['dgst', `-${hash}`, '-verify', publicKeyPem, ...pssArgs, '-signature', sigFile], { input: data });
  if (r.code !== 0 && r.code !== 1) throw new Error(`openssl dgst failed (${r.code}): ${r.stderr}`);
  return r.code === 0 && r.stdout.toString().includes('Verified OK');
}
