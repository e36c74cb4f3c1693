import type { RevisionView } from '@openseal/pdf';
import {
  PdfjsTextSource,
  RunTextLocator,
  placeRidingSeam,
  placeSealAt,
  placeSealByKeyword,
  placeSealGbt9704,
  prepareSealImage,
  roundSealDrawing,
  type SealAppearance,
  type SealDesign,
} from '@openseal/pades';
import { CliUsageError } from '../errors.js';
import { readInput } from '../io/files.js';

export interface PlacementOptions {
  image?: string;
  size?: string;
  page?: string;
  x?: string;
  y?: string;
  keyword?: string;
  gbt9704?: boolean;
  seam?: boolean;
  password?: string;
}

function number(value: string | undefined, what: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n)) throw new CliUsageError(`${what} must be a number`);
  return n;
}

function design(o: PlacementOptions): SealDesign {
  const widthMm = number(o.size, '--size') ?? 42;
  if (!(widthMm > 0 && widthMm <= 500)) throw new CliUsageError('--size must be between 0 and 500 mm');
  // Without --image: a plain red round seal (ring and five-pointed star), drawn as vectors.
  return { graphic: o.image ? prepareSealImage(readInput(o.image)) : roundSealDrawing(), widthMm };
}

/** The visible seal the placement options ask for; undefined for an invisible signature. */
export async function sealAppearanceFor(o: PlacementOptions, pdf: Uint8Array, view: RevisionView): Promise<SealAppearance | undefined> {
  const byPosition = o.x !== undefined || o.y !== undefined || o.page !== undefined;
  const modes = [byPosition, o.keyword !== undefined, o.gbt9704 === true, o.seam === true].filter(Boolean).length;
  if (modes > 1) throw new CliUsageError('choose one placement: --page/--x/--y, --keyword, --gbt9704 or --seam');
  if (modes === 0) {
    if (o.image) throw new CliUsageError('--image needs a placement (--page/--x/--y, --keyword, --gbt9704 or --seam)');
    return undefined;
  }
  const seal = design(o);
  const locator = (): RunTextLocator => new RunTextLocator(new PdfjsTextSource(o.password === undefined ? {} : { documentParams: { password: o.password } }));
  if (o.keyword !== undefined) return placeSealByKeyword(pdf, view, seal, { keyword: o.keyword, locator: locator() });
  if (o.gbt9704) return placeSealGbt9704(pdf, view, seal, { locator: locator() });
  if (o.seam) return placeRidingSeam(view, seal);
  const page = number(o.page, '--page') ?? 1;
  if (!Number.isInteger(page) || page < 1) throw new CliUsageError('--page is a page number from 1');
  return placeSealAt(view, seal, { pageIndex: page - 1, xMm: number(o.x, '--x') ?? 0, yMm: number(o.y, '--y') ?? 0 });
}
