import { describe, expect, it } from 'vitest';
import { OfdLimitExceededError, OfdXmlError, OfdXmlForbiddenError } from '../errors.js';
import { OFD_NAMESPACE, OFD_NAMESPACE_LEGACY } from './ofd-namespace.js';
import { parseXml } from './parse-xml.js';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('parseXml', () => {
  it('resolves namespaces whatever the prefix', () => {
    const a = parseXml(enc(`<ofd:Page xmlns:ofd="${OFD_NAMESPACE}"><ofd:Content/></ofd:Page>`), 'a.xml');
    const b = parseXml(enc(`<Page xmlns="${OFD_NAMESPACE}"><Content/></Page>`), 'b.xml');
    const c = parseXml(enc(`<x:Page xmlns:x="${OFD_NAMESPACE_LEGACY}"><x:Content/></x:Page>`), 'c.xml');
    for (const root of [a, b, c]) {
      expect(root.local).toBe('Page');
      expect(root.elements()[0]?.local).toBe('Content');
    }
    expect([a.uri, b.uri, c.uri]).toEqual([OFD_NAMESPACE, OFD_NAMESPACE, OFD_NAMESPACE_LEGACY]);
  });

  it('keeps text exactly, including spaces, CDATA and character references', () => {
    const root = parseXml(enc('<T> a &amp; b <![CDATA[<c>]]>&#x4E2D;</T>'), 't.xml');
    expect(root.text()).toBe(' a & b <c>中');
  });

  it('refuses any DOCTYPE, so external entities are never fetched (XXE)', () => {
    const xxe = '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><r>&x;</r>';
    expect(() => parseXml(enc(xxe), 'xxe.xml')).toThrow(OfdXmlForbiddenError);
  });

  it('refuses entity-expansion bombs (billion laughs) before expanding anything', () => {
    const lol = Array.from({ length: 9 }, (_, i) => `<!ENTITY l${i + 1} "${`&l${i};`.repeat(10)}">`).join('');
    const bomb = `<?xml version="1.0"?><!DOCTYPE r [<!ENTITY l0 "lol">${lol}]><r>&l9;</r>`;
    const started = performance.now();
    expect(() => parseXml(enc(bomb), 'lol.xml')).toThrow(OfdXmlForbiddenError);
    expect(performance.now() - started).toBeLessThan(500);
  });

  it('treats an undeclared entity as malformed', () => {
    expect(() => parseXml(enc('<r>&nbsp;</r>'), 'e.xml')).toThrow(OfdXmlError);
    expect(() => parseXml(enc('<r>&__proto__;</r>'), 'e.xml')).toThrow(OfdXmlError);
  });

  it('stops 10,000-deep nesting at the depth limit, quickly', () => {
    const deep = '<a>'.repeat(10_000) + '</a>'.repeat(10_000);
    const started = performance.now();
    expect(() => parseXml(enc(deep), 'deep.xml')).toThrow(expect.objectContaining({ code: 'OFD_LIMIT_EXCEEDED', limit: 'XML nesting depth' }));
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('enforces size, element-count and attribute-count limits', () => {
    expect(() => parseXml(enc('<r>' + 'x'.repeat(2000) + '</r>'), 's.xml', { maxBytes: 1000 })).toThrow(OfdLimitExceededError);
    expect(() => parseXml(enc('<r>' + '<e/>'.repeat(101) + '</r>'), 'n.xml', { maxElements: 100 })).toThrow(
      expect.objectContaining({ limit: 'XML element count' }),
    );
    const attrs = Array.from({ length: 20 }, (_, i) => `a${i}="1"`).join(' ');
    expect(() => parseXml(enc(`<r ${attrs}/>`), 'a.xml', { maxAttributesPerElement: 10 })).toThrow(
      expect.objectContaining({ limit: 'XML attributes per element' }),
    );
  });

  it('reports malformed documents as OFD_XML_MALFORMED', () => {
    for (const bad of ['', '<r>', '<r></s>', '<a/><b/>', '<r a="1" a="2"/>', '<p:r/>', 'just text']) {
      expect(() => parseXml(enc(bad), 'bad.xml')).toThrow(OfdXmlError);
    }
  });

  it('decodes by BOM or declaration and refuses undecodable bytes', () => {
    const gbk = new Uint8Array([...enc('<?xml version="1.0" encoding="GBK"?><r>'), 0xd6, 0xd0, ...enc('</r>')]);
    expect(parseXml(gbk, 'gbk.xml').text()).toBe('中');
    expect(parseXml(new Uint8Array([0xef, 0xbb, 0xbf, ...enc('<r>ok</r>')]), 'bom.xml').text()).toBe('ok');
    expect(() => parseXml(new Uint8Array([...enc('<r>'), 0xff, 0xfe, ...enc('</r>')]), 'bad.xml')).toThrow(OfdXmlError);
  });
});
