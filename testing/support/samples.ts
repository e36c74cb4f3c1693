// Test-only: the third-party samples of ../shared/samples (MANIFEST.md), each checked against the sha256
// it had when the tests were written, so a changed sample fails loudly instead of shifting verdicts.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { sharedPath } from './shared.js';

export const SAMPLES_DIR = sharedPath('samples/ofd');
export const PDF_SAMPLES_DIR = sharedPath('samples/pdf');

export const OFD_SAMPLES = {
  'ofdrw-converter__1.ofd': 'bf41627e626a0cd194c19c37e258f6d9b74b56d8e66541e82f543ae047ab8ad9',
  'ofdrw-converter__999.ofd': 'a2b9080ae35184135160c48ce45fb609c35d5ecfdb538ebc16132c48a2186a80',
  'ofdrw-converter__V4RideRight.ofd': '3011c7b0c3c73f74433d0068a3e67c3b5d71b077627b2fb54933f0a66eba0473',
  'ofdrw-converter__h.ofd': '76fd71cbcab2bcdd582fc24fcf32c7f1a2575af1bd11fcd7b3e88319b42c37c1',
  'ofdrw-converter__n.ofd': '306dba9b790fe29af0cd1b365ef259c427319e0ba39c3a5f08dc8eaa2d63147c',
  'ofdrw-converter__z.ofd': 'ae942157e68402aced7c604d0d17b6421f276cadbab363fa781fea5f948b3596',
  'ofdrw-converter__zsbk.ofd': 'c010c33b10ad91786eaad2de63f9a18ef4a91f96b5e41ba731505fcde9073845',
  'ofdrw-reader__SESV4SignDoc.ofd': 'fac9e5a186917e203de2f9ebd916ac8510d53a633724f0f4c9b9b6ea71b2e119',
  'ofdrw-sign__DigitalSign.ofd': '5b5bec16c539aa041ef3784d47a5665c03cf7f2e228551df87f13ee28d122989',
  'ofdrw-sign__allprotected.ofd': 'c46847b171d10896e636e14408b1ea19f344a6ad87ccf86393f1b90e0941c53a',
  'ofdrw-sign__helloworld.ofd': '74b53c91d6911df820456661ded8a22154b8aed28e30c3403d44aa91c738e146',
} as const;

export const SES_SAMPLES = {
  'ofdrw-gm__UserV1.esl': '305df82d82b0111a55702aaca7ccea05b412e4cd80b78cc7086aa675ef46f8f3',
  'ofdrw-gm__UserV4.esl': 'b73dd33ec01c66a99ce9b99f898027363553ebccfe0bd1cb85bec36e6c3e05fd',
  'ofdrw-gm__UserV5_ts.esl': '152c7a1c242bceda9d16793cdc5b10291de3bec46cbe0c4e658b14689f1e388c',
  'ofdrw-gm__SignedValueV5.dat': '917eeeeadf7b3f0421f5e096053e27a0b9fc03192f065d96c644b0f269f5da4b',
  'ofdrw-sign__SESealData.DER': 'e52b164451ebddd48e01ed466546e5b248572588d2dd8c255a987efa7393b9be',
} as const;

export const PDF_SAMPLES = {
  'ofdrw__Test.pdf': 'c600405c631ba148ea4a5f48b0a7c16cc05c6ee77ec4898cf93a6cbee515cd13',
  'derived__xbrl-objstm-xrefstream.pdf': 'd7faf5d2a167ae92cc36a3287e1ec1a93f59509b136c2250180c6e4dbb19e141',
  'pyHanko__ja-vert-stamps.pdf': '8a1406d50496bebfb200ef4906048df8f09731535fc20f0777130dc354bb0a45',
} as const;

export type OfdSampleName = keyof typeof OFD_SAMPLES;
export type SesSampleName = keyof typeof SES_SAMPLES;
export type PdfSampleName = keyof typeof PDF_SAMPLES;

function checkedSample(dir: string, name: string, sha256: string): Uint8Array {
  const bytes = new Uint8Array(readFileSync(resolve(dir, name)));
  const digest = createHash('sha256').update(bytes).digest('hex');
  if (digest !== sha256) throw new Error(`sample ${name} changed: sha256 ${digest}`);
  return bytes;
}

export const ofdSample = (name: OfdSampleName): Uint8Array => checkedSample(SAMPLES_DIR, name, OFD_SAMPLES[name]);
export const sesSample = (name: SesSampleName): Uint8Array => checkedSample(SAMPLES_DIR, name, SES_SAMPLES[name]);
export const pdfSample = (name: PdfSampleName): Uint8Array => checkedSample(PDF_SAMPLES_DIR, name, PDF_SAMPLES[name]);
