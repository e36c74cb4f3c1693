import { OID } from '@openseal/asn1';

// RFC 5652 §4/§5 content types, and their GB/T 35275 (GM/T 0010) equivalents for SM2 CMS.

export function dataContentType(gm: boolean): string {
  return gm ? OID.gmData : OID.data;
}

export function signedDataContentType(gm: boolean): string {
  return gm ? OID.gmSignedData : OID.signedData;
}

export function isDataContentType(oid: string): boolean {
  return oid === OID.data || oid === OID.gmData;
}

export function isSignedDataContentType(oid: string): boolean {
  return oid === OID.signedData || oid === OID.gmSignedData;
}
