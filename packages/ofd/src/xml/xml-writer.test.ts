import { describe, expect, it } from 'vitest';
import { parseXml } from './parse-xml.js';
import { formatNumber, serializeOfdXml, serializeXmlElement, x, xText } from './xml-writer.js';

describe('formatNumber', () => {
  it('writes the shortest round-tripping decimal and never an exponent', () => {
    expect(formatNumber(0.1 + 0.2)).toBe('0.30000000000000004');
    expect(formatNumber(-0)).toBe('0');
    expect(formatNumber(210)).toBe('210');
    expect(formatNumber(1e-7)).toBe('0.0000001');
    expect(formatNumber(5.644)).toBe('5.644');
    expect(() => formatNumber(Number.NaN)).toThrow(RangeError);
  });
});

describe('OFD XML output', () => {
  it('prefixes every element, declares the 2016 namespace once and escapes text and attributes', () => {
    const bytes = serializeOfdXml(x('Page', [['Name', 'a"<&>']], xText('PageRes', 'R&D <1>'), x('Empty', [['Skip', undefined]])));
    const text = new TextDecoder().decode(bytes);
    expect(text).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n<ofd:Page xmlns:ofd="http://www.ofdspec.org/2016" Name="a&quot;&lt;&amp;&gt;">' +
        '<ofd:PageRes>R&amp;D &lt;1&gt;</ofd:PageRes><ofd:Empty/></ofd:Page>',
    );
    const back = parseXml(bytes, 'p.xml');
    expect(back.attr('Name')).toBe('a"<&>');
    expect(back.elements()[0]?.text()).toBe('R&D <1>');
  });
  it('refuses characters XML 1.0 cannot carry', () => {
    expect(() => serializeOfdXml(x('A', [], 'bell\u0007'))).toThrow(expect.objectContaining({ code: 'OFD_XML_MALFORMED' }));
  });
  it('re-serialises a parsed tree with its own prefixes and declarations', () => {
    const src = '<?xml version="1.0"?><a:Root xmlns:a="urn:x" xmlns="urn:d" k="v"><a:B>t &amp; u</a:B><C/></a:Root>';
    const out = new TextDecoder().decode(serializeXmlElement(parseXml(new TextEncoder().encode(src), 's.xml')));
    expect(out).toBe('<?xml version="1.0" encoding="UTF-8"?>\n<a:Root xmlns:a="urn:x" xmlns="urn:d" k="v"><a:B>t &amp; u</a:B><C/></a:Root>');
  });
});
