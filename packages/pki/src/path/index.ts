export * from './path-validation-result.js';
export * from './build-certificate-paths.js';
export * from './validate-certificate-path.js';
