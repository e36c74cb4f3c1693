// Test-only: the third-party OFD samples (../shared/samples/ofd, MANIFEST.md), loaded and hash-checked by the OFD engine's test support.
export { OFD_SAMPLES, SAMPLES_DIR, ofdSample, type OfdSampleName } from '../../../ofd/test/support/samples.js';
