/** One file of an OFD package with its exact stored (uncompressed) bytes — what signature digests cover. */
export interface OfdEntry {
  /** Package path without a leading `/`, e.g. `Doc_0/Pages/Page_0/Content.xml`. */
  readonly path: string;
  readonly bytes: Uint8Array;
  readonly method: 'stored' | 'deflated';
  readonly compressedSize: number;
  readonly crc32: number;
  /** The ZIP timestamp read as UTC, when its fields are valid. */
  readonly modifiedAt: Date | undefined;
}
