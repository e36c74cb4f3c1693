// Types for the parts of utif 3 (MIT, pure JavaScript TIFF decoder) this package uses.
declare module 'utif' {
  interface Ifd {
    [tag: `t${number}`]: number[] | undefined;
    width: number;
    height: number;
    data: Uint8Array;
  }
  const UTIF: {
    decode(buffer: ArrayBuffer | Uint8Array): Ifd[];
    decodeImage(buffer: ArrayBuffer | Uint8Array, ifd: Ifd, ifds?: Ifd[]): void;
    toRGBA8(ifd: Ifd): Uint8Array;
  };
  export = UTIF;
}
