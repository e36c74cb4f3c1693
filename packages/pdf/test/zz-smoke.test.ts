import { readdirSync, readFileSync } from 'node:fs';
import { it } from 'vitest';
import { PdfDocument } from '@openseal/pdf';
it('smoke', () => {
  const dir = '/work/shared/samples/pdf';
  for (const f of readdirSync(dir)) {
    const bytes = new Uint8Array(readFileSync(`${dir}/${f}`));
    try {
      const d = PdfDocument.load(bytes, f.includes('aes256') || f.includes('rc4') ? { password: 'usersecret' } : {});
      console.log(f, d.revisions.length, d.revisions.map((r) => `${r.kind}@${r.xrefOffset}-${r.end}`).join(' '), d.recovered, Object.keys(Object.fromEntries(d.catalog.entries())).join(','), d.encryption?.r ?? '');
    } catch (e) { console.log(f, 'ERR', e); }
  }
});
