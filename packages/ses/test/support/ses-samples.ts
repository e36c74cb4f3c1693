// Test-only: the hash-checked third-party seal samples live in testing/support/samples.ts.
export { SAMPLES_DIR, SES_SAMPLES, sesSample, type SesSampleName } from '../../../../testing/support/samples.js';
