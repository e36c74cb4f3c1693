import { AsnProp, AsnPropTypes } from '@peculiar/asn1-schema';
import { EncapsulatedContentInfo } from '@peculiar/asn1-cms';
import { AlgorithmIdentifier } from '@peculiar/asn1-x509';

/**
 * RFC 5652 §5.1 SignedData ::= SEQUENCE { version CMSVersion, digestAlgorithms SET OF DigestAlgorithmIdentifier,
 *   encapContentInfo EncapsulatedContentInfo, certificates [0] IMPLICIT CertificateSet OPTIONAL,
 *   crls [1] IMPLICIT RevocationInfoChoices OPTIONAL, signerInfos SET OF SignerInfo }
 * Certificates, CRLs and SignerInfos stay raw DER: signatures and hashes cover their exact bytes.
 */
export class SignedDataRaw {
  @AsnProp({ type: AsnPropTypes.Integer }) version = 1;
  @AsnProp({ type: AlgorithmIdentifier, repeated: 'set' }) digestAlgorithms: AlgorithmIdentifier[] = [];
  @AsnProp({ type: EncapsulatedContentInfo }) encapContentInfo = new EncapsulatedContentInfo();
  @AsnProp({ type: AsnPropTypes.Any, context: 0, implicit: true, repeated: 'set', optional: true }) certificates?: ArrayBuffer[];
  @AsnProp({ type: AsnPropTypes.Any, context: 1, implicit: true, repeated: 'set', optional: true }) crls?: ArrayBuffer[];
  @AsnProp({ type: AsnPropTypes.Any, repeated: 'set' }) signerInfos: ArrayBuffer[] = [];
}
