// Test-only: loads the third-party seal samples of ../shared/samples/ofd (MANIFEST.md) and checks their hashes.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
export const SAMPLES_DIR = resolve(repoRoot, '../shared/samples/ofd');

export const SES_SAMPLES = {
  'ofdrw-gm__UserV1.esl': '305df82d82b0111a55702aaca7ccea05b412e4cd80b78cc7086aa675ef46f8f3',
  'ofdrw-gm__UserV4.esl': 'b73dd33ec01c66a99ce9b99f898027363553ebccfe0bd1cb85bec36e6c3e05fd',
  'ofdrw-gm__UserV5_ts.esl': '152c7a1c242bceda9d16793cdc5b10291de3bec46cbe0c4e658b14689f1e388c',
  'ofdrw-gm__SignedValueV5.dat': '917eeeeadf7b3f0421f5e096053e27a0b9fc03192f065d96c644b0f269f5da4b',
  'ofdrw-sign__SESealData.DER': 'e52b164451ebddd48e01ed466546e5b248572588d2dd8c255a987efa7393b9be',
} as const;

export function sesSample(name: keyof typeof SES_SAMPLES): Uint8Array {
  const bytes = new Uint8Array(readFileSync(resolve(SAMPLES_DIR, name)));
  const digest = createHash('sha256').update(bytes).digest('hex');
  if (digest !== SES_SAMPLES[name]) throw new Error(`sample ${name} changed: sha256 ${digest}`);
  return bytes;
}
