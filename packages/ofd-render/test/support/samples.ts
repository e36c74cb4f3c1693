// Test-only: the hash-checked third-party samples live in testing/support/samples.ts (one list for all packages).
export { OFD_SAMPLES, PDF_SAMPLES, PDF_SAMPLES_DIR, SAMPLES_DIR, ofdSample, pdfSample, type OfdSampleName, type PdfSampleName } from '../../../../testing/support/samples.js';
