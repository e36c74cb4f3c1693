// Test-only: the hash-checked third-party samples live in testing/support/samples.ts (one list for all packages).
export { OFD_SAMPLES, SAMPLES_DIR, ofdSample, type OfdSampleName } from '../../../../testing/support/samples.js';
