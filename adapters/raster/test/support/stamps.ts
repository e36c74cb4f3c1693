// Test-only: seal pictures through the SES engine, as the CLI wires them.
import type { OfdDocument } from '@openseal/ofd';
import type { StampResolver } from '@openseal/ofd-render';
import { parseSesSignature } from '@openseal/ses';

export function sesStamps(doc: OfdDocument): StampResolver {
  return (_i, sig) => {
    if (sig.entry.type === 'Sign') return undefined;
    const p = parseSesSignature(doc.pkg.bytes(sig.signedValuePath)).seal.picture;
    return { bytes: p.data, type: p.type };
  };
}
