// Test-only: a structurally valid X.509 certificate carrying a given public key. Its signature is
// filler bytes — enough for PKCS#12 packaging tests, which never verify certificates.
import { AlgorithmIdentifier, AttributeTypeAndValue, AttributeValue, Certificate, Name, RelativeDistinguishedName, SubjectPublicKeyInfo, TBSCertificate, Validity } from '@peculiar/asn1-x509';
import { OID, encodeDer, parseDer } from '@openseal/asn1';

export function fakeCertificate(spki: Uint8Array, commonName: string, serial = 1): Uint8Array {
  const name = new Name([new RelativeDistinguishedName([new AttributeTypeAndValue({ type: '2.5.4.3', value: new AttributeValue({ utf8String: commonName }) })])]);
  const alg = new AlgorithmIdentifier({ algorithm: OID.sha256WithRSAEncryption, parameters: null });
  const tbs = new TBSCertificate({
    version: 2,
    serialNumber: new Uint8Array([serial]).buffer,
    signature: alg,
    issuer: name,
    validity: new Validity({ notBefore: new Date('2026-01-01T00:00:00Z'), notAfter: new Date('2036-01-01T00:00:00Z') }),
    subject: name,
    subjectPublicKeyInfo: parseDer(spki, SubjectPublicKeyInfo),
  });
  return encodeDer(new Certificate({ tbsCertificate: tbs, signatureAlgorithm: alg, signatureValue: new Uint8Array(32).fill(7).buffer }));
}
