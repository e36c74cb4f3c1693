import type * as Pkcs11js from 'pkcs11js';
import { pkcs11Binding } from './native.js';

// Values handed to Cryptoki calls, in OpenSeal's types, and their pkcs11js form.

export type Pkcs11AttributeValue = boolean | number | string | Uint8Array;
export interface Pkcs11Attribute {
  readonly type: number;
  readonly value: Pkcs11AttributeValue;
}

/** CK_RSA_PKCS_PSS_PARAMS (PKCS#11 v2.40 Mechanisms §2.1.3). */
export interface RsaPssParameter {
  readonly kind: 'rsa-pss';
  readonly hashMechanism: number;
  readonly mgf: number;
  readonly saltLength: number;
}

/** CK_MECHANISM; a vendor mechanism's parameter is passed as raw bytes. */
export interface Pkcs11Mechanism {
  readonly mechanism: number;
  readonly parameter?: Uint8Array | RsaPssParameter;
}

export function toTemplate(template: readonly Pkcs11Attribute[]): Pkcs11js.Template {
  return template.map(({ type, value }) => ({ type, value: value instanceof Uint8Array ? Buffer.from(value) : value }));
}

export function toMechanism({ mechanism, parameter }: Pkcs11Mechanism): Pkcs11js.Mechanism {
  if (parameter === undefined) return { mechanism };
  if (parameter instanceof Uint8Array) return { mechanism, parameter: Buffer.from(parameter) };
  const params: Pkcs11js.RsaPSS = {
    type: pkcs11Binding().CK_PARAMS_RSA_PSS,
    hashAlg: parameter.hashMechanism,
    mgf: parameter.mgf,
    saltLen: parameter.saltLength,
  };
  return { mechanism, parameter: params };
}
