import { writeFileSync, mkdirSync } from 'node:fs';
import { it } from 'vitest';
import { OfdDocument } from '@openseal/ofd';
import { OfdRenderContext, displayListToSvg } from '@openseal/ofd-render';
import { OFD_SAMPLES, ofdSample, type OfdSampleName } from './support/samples.js';

it('scratch', async () => {
  mkdirSync('/tmp/svgout', { recursive: true });
  for (const name of Object.keys(OFD_SAMPLES) as OfdSampleName[]) {
    const doc = OfdDocument.read(ofdSample(name));
    const ctx = new OfdRenderContext(doc);
    for (let i = 0; i < doc.pageCount; i++) {
      const list = await ctx.displayList(i);
      const svg = displayListToSvg(list);
      writeFileSync(`/tmp/svgout/${name}-${i + 1}.svg`, svg);
      console.log(name, i, list.items.length, svg.length, JSON.stringify(list.warnings));
    }
  }
});
