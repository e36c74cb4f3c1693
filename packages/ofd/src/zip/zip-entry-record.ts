/** One entry of a ZIP central directory, checked against its local header (APPNOTE 4.3.7, 4.3.12). */
export interface ZipEntryRecord {
  /** The name as decoded from the archive (not yet validated as a package path). */
  readonly name: string;
  readonly rawName: Uint8Array;
  /** General purpose bit flags (bit 11 = UTF-8 name). */
  readonly flags: number;
  /** 0 = stored, 8 = deflated: the only methods accepted. */
  readonly method: 0 | 8;
  readonly crc32: number;
  readonly compressedSize: number;
  /** Declared uncompressed size; inflation stops as soon as the data exceed it. */
  readonly size: number;
  readonly dosTime: number;
  readonly dosDate: number;
  readonly localHeaderOffset: number;
  /** The compressed bytes: a view into the archive, never copied. */
  readonly compressed: Uint8Array;
}
