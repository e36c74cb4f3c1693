import type { SKRSContext2D } from '@napi-rs/canvas';

/** The 2D context the painter draws on (Skia through @napi-rs/canvas). */
export type Context2D = SKRSContext2D;
