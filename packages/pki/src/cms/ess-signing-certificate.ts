import { AsnIntegerArrayBufferConverter, AsnProp, AsnPropTypes, OctetString } from '@peculiar/asn1-schema';
import { AlgorithmIdentifier, GeneralName, PolicyInformation } from '@peculiar/asn1-x509';

/** RFC 5035 §4: IssuerSerial ::= SEQUENCE { issuer GeneralNames, serialNumber CertificateSerialNumber } */
export class IssuerSerial {
  @AsnProp({ type: GeneralName, repeated: 'sequence' }) issuer: GeneralName[] = [];
  @AsnProp({ type: AsnPropTypes.Integer, converter: AsnIntegerArrayBufferConverter }) serialNumber = new ArrayBuffer(0);
}

/**
 * RFC 5035 §4: ESSCertIDv2 ::= SEQUENCE { hashAlgorithm AlgorithmIdentifier DEFAULT {algorithm id-sha256},
 *   certHash Hash, issuerSerial IssuerSerial OPTIONAL }
 */
export class ESSCertIDv2 {
  @AsnProp({ type: AlgorithmIdentifier, optional: true }) hashAlgorithm?: AlgorithmIdentifier;
  @AsnProp({ type: OctetString }) certHash = new OctetString();
  @AsnProp({ type: IssuerSerial, optional: true }) issuerSerial?: IssuerSerial;
}

/** RFC 5035 §3: SigningCertificateV2 ::= SEQUENCE { certs SEQUENCE OF ESSCertIDv2, policies SEQUENCE OF PolicyInformation OPTIONAL } */
export class SigningCertificateV2 {
  @AsnProp({ type: ESSCertIDv2, repeated: 'sequence' }) certs: ESSCertIDv2[] = [];
  @AsnProp({ type: PolicyInformation, repeated: 'sequence', optional: true }) policies?: PolicyInformation[];
}

/** RFC 2634 §5.4.1: ESSCertID ::= SEQUENCE { certHash Hash (SHA-1), issuerSerial IssuerSerial OPTIONAL } */
export class ESSCertID {
  @AsnProp({ type: OctetString }) certHash = new OctetString();
  @AsnProp({ type: IssuerSerial, optional: true }) issuerSerial?: IssuerSerial;
}

/** RFC 2634 §5.4: SigningCertificate ::= SEQUENCE { certs SEQUENCE OF ESSCertID, policies … OPTIONAL } */
export class SigningCertificate {
  @AsnProp({ type: ESSCertID, repeated: 'sequence' }) certs: ESSCertID[] = [];
  @AsnProp({ type: PolicyInformation, repeated: 'sequence', optional: true }) policies?: PolicyInformation[];
}
