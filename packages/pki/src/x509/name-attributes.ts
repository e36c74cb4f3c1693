/** Short names for X.520 / RFC 4519 attribute types, as OpenSSL and RFC 4514 spell them. */
const SHORT_TO_OID: Readonly<Record<string, string>> = {
  CN: '2.5.4.3',
  SN: '2.5.4.4', // surname (OpenSSL spelling)
  serialNumber: '2.5.4.5',
  C: '2.5.4.6',
  L: '2.5.4.7',
  ST: '2.5.4.8',
  STREET: '2.5.4.9',
  O: '2.5.4.10',
  OU: '2.5.4.11',
  title: '2.5.4.12',
  businessCategory: '2.5.4.15',
  postalCode: '2.5.4.17',
  GN: '2.5.4.42',
  initials: '2.5.4.43',
  dnQualifier: '2.5.4.46',
  pseudonym: '2.5.4.65',
  organizationIdentifier: '2.5.4.97',
  UID: '0.9.2342.19200300.100.1.1',
  DC: '0.9.2342.19200300.100.1.25',
  emailAddress: '1.2.840.113549.1.9.1',
};

const ALIASES: Readonly<Record<string, string>> = {
  commonname: 'CN',
  surname: 'SN',
  countryname: 'C',
  localityname: 'L',
  stateorprovincename: 'ST',
  streetaddress: 'STREET',
  organizationname: 'O',
  organizationalunitname: 'OU',
  givenname: 'GN',
  e: 'emailAddress',
  email: 'emailAddress',
  domaincomponent: 'DC',
  userid: 'UID',
};

const OID_TO_SHORT: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(SHORT_TO_OID).map(([k, v]) => [v, k]),
);
const SHORT_BY_LOWER: Readonly<Record<string, string>> = Object.fromEntries(
  Object.keys(SHORT_TO_OID).map((k) => [k.toLowerCase(), k]),
);

/** The OID for a short name ("CN", "O", "emailAddress", …) or a dotted OID; undefined if unknown. */
export function attributeTypeOid(nameOrOid: string): string | undefined {
  const t = nameOrOid.trim();
  if (/^\d+(\.\d+)+$/.test(t)) return t;
  const lower = t.toLowerCase().replace(/^oid\./, '');
  if (/^\d+(\.\d+)+$/.test(lower)) return lower;
  const short = SHORT_BY_LOWER[lower] ?? ALIASES[lower];
  return short === undefined ? undefined : SHORT_TO_OID[short];
}

/** The short name for an attribute type OID, or the dotted OID itself when it has none. */
export function attributeShortName(oid: string): string {
  return OID_TO_SHORT[oid] ?? oid;
}

/** RFC 5280 §4.1.2.4 / Appendix A: these attribute types are PrintableString or IA5String, not UTF8String. */
export const PRINTABLE_ATTRIBUTES: ReadonlySet<string> = new Set(['2.5.4.6', '2.5.4.5', '2.5.4.46']);
export const IA5_ATTRIBUTES: ReadonlySet<string> = new Set(['1.2.840.113549.1.9.1', '0.9.2342.19200300.100.1.25']);
