export * from './remote-signing-transport.js';
export * from './remote-signer.js';
export { isDerEcSignature, rawEcSignatureToDer } from './ec-signature-der.js';
