/** Object identifiers used across OpenSeal, spelled as in their standards. */
export const OID = {
  // GM/T 0006 / GB/T 33560 cryptographic algorithm identifiers
  sm2: '1.2.156.10197.1.301', // sm2p256v1 curve (GB/T 32918.5)
  sm2sign: '1.2.156.10197.1.301.1',
  sm2encrypt: '1.2.156.10197.1.301.3',
  sm3: '1.2.156.10197.1.401',
  sm3WithSM2Encryption: '1.2.156.10197.1.501', // SM2 signature with SM3
  sm3WithRSAEncryption: '1.2.156.10197.1.504', // RSA signature with SM3 (GB/T 38540 allows RSA seals)
  sm4ECB: '1.2.156.10197.1.104.1',
  sm4CBC: '1.2.156.10197.1.104.2',
  sm4OFB: '1.2.156.10197.1.104.3',
  sm4CFB: '1.2.156.10197.1.104.4',
  sm4CTR: '1.2.156.10197.1.104.7',
  hmacWithSM3: '1.2.156.10197.1.401.2',
  // GB/T 35275 (GM/T 0010) PKCS#7-style content types for SM2
  gmData: '1.2.156.10197.6.1.4.2.1',
  gmSignedData: '1.2.156.10197.6.1.4.2.2',
  gmEnvelopedData: '1.2.156.10197.6.1.4.2.3',
  // Elliptic curves and ECDSA (RFC 5480, RFC 5758)
  ecPublicKey: '1.2.840.10045.2.1',
  secp256r1: '1.2.840.10045.3.1.7',
  secp384r1: '1.3.132.0.34',
  secp521r1: '1.3.132.0.35',
  ecdsaWithSHA256: '1.2.840.10045.4.3.2',
  ecdsaWithSHA384: '1.2.840.10045.4.3.3',
  ecdsaWithSHA512: '1.2.840.10045.4.3.4',
  // RSA (RFC 8017)
  rsaEncryption: '1.2.840.113549.1.1.1',
  sha256WithRSAEncryption: '1.2.840.113549.1.1.11',
  sha384WithRSAEncryption: '1.2.840.113549.1.1.12',
  sha512WithRSAEncryption: '1.2.840.113549.1.1.13',
  sha1WithRSAEncryption: '1.2.840.113549.1.1.5',
  rsassaPss: '1.2.840.113549.1.1.10',
  mgf1: '1.2.840.113549.1.1.8',
  // Digests (NIST)
  sha1: '1.3.14.3.2.26',
  sha256: '2.16.840.1.101.3.4.2.1',
  sha384: '2.16.840.1.101.3.4.2.2',
  sha512: '2.16.840.1.101.3.4.2.3',
  // PKCS#5 / PKCS#8 / PKCS#12
  pbes2: '1.2.840.113549.1.5.13',
  pbkdf2: '1.2.840.113549.1.5.12',
  hmacWithSHA1: '1.2.840.113549.2.7',
  hmacWithSHA256: '1.2.840.113549.2.9',
  hmacWithSHA384: '1.2.840.113549.2.10',
  hmacWithSHA512: '1.2.840.113549.2.11',
  aes128CBC: '2.16.840.1.101.3.4.1.2',
  aes192CBC: '2.16.840.1.101.3.4.1.22',
  aes256CBC: '2.16.840.1.101.3.4.1.42',
  desEDE3CBC: '1.2.840.113549.3.7',
  pbeWithSHAAnd3KeyTripleDESCBC: '1.2.840.113549.1.12.1.3',
  pbeWithSHAAnd40BitRC2CBC: '1.2.840.113549.1.12.1.6',
  // CMS (RFC 5652) and attributes
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  signingCertificate: '1.2.840.113549.1.9.16.2.12',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  signatureTimeStampToken: '1.2.840.113549.1.9.16.2.14',
  tstInfo: '1.2.840.113549.1.9.16.1.4',
  // X.509 extensions (RFC 5280)
  subjectKeyIdentifier: '2.5.29.14',
  keyUsage: '2.5.29.15',
  subjectAltName: '2.5.29.17',
  basicConstraints: '2.5.29.19',
  cRLNumber: '2.5.29.20',
  cRLReason: '2.5.29.21',
  cRLDistributionPoints: '2.5.29.31',
  certificatePolicies: '2.5.29.32',
  authorityKeyIdentifier: '2.5.29.35',
  extKeyUsage: '2.5.29.37',
  authorityInfoAccess: '1.3.6.1.5.5.7.1.1',
  // Extended key usages
  kpServerAuth: '1.3.6.1.5.5.7.3.1',
  kpClientAuth: '1.3.6.1.5.5.7.3.2',
  kpEmailProtection: '1.3.6.1.5.5.7.3.4',
  kpTimeStamping: '1.3.6.1.5.5.7.3.8',
  kpOCSPSigning: '1.3.6.1.5.5.7.3.9',
  documentSigning: '1.3.6.1.4.1.311.10.3.12', // Microsoft document signing, used by Adobe readers
  // OCSP (RFC 6960)
  ocsp: '1.3.6.1.5.5.7.48.1',
  caIssuers: '1.3.6.1.5.5.7.48.2',
  ocspBasic: '1.3.6.1.5.5.7.48.1.1',
  ocspNonce: '1.3.6.1.5.5.7.48.1.2',
  ocspNoCheck: '1.3.6.1.5.5.7.48.1.5',
} as const;

export type OidName = keyof typeof OID;
