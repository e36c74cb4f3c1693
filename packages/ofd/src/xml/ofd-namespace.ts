/** GB/T 33190-2016 namespace; we always write this one, with the conventional `ofd:` prefix. */
export const OFD_NAMESPACE = 'http://www.ofdspec.org/2016';
/** Pre-2016 drafts (seen in 2012 Suwell files); accepted on read. */
export const OFD_NAMESPACE_LEGACY = 'http://www.ofdspec.org';

export const OFD_PREFIX = 'ofd';

/**
 * Whether an element belongs to OFD. The empty namespace is tolerated too: producers write stray
 * unprefixed children (the tax invoices' `<Parameters>` inside `ofd:Annot`).
 */
export function isOfdNamespace(uri: string): boolean {
  return uri === OFD_NAMESPACE || uri === OFD_NAMESPACE_LEGACY || uri === '';
}
