/** An attribute as written, with its resolved namespace (`''` for unprefixed attributes). */
export interface XmlAttribute {
  readonly qname: string;
  readonly uri: string;
  readonly local: string;
  readonly value: string;
}

export type XmlNode = XmlElement | string;

/**
 * A namespace-resolved element. Lookups go by namespace URI + local name, never by prefix, so
 * `<ofd:Page>` and `<Page xmlns="…">` are the same element. Text (including CDATA) is kept as strings.
 */
export class XmlElement {
  constructor(
    readonly qname: string,
    readonly uri: string,
    readonly local: string,
    readonly attributes: readonly XmlAttribute[],
    readonly children: XmlNode[] = [],
  ) {}

  get prefix(): string {
    const i = this.qname.indexOf(':');
    return i < 0 ? '' : this.qname.slice(0, i);
  }

  /** Value of an unprefixed attribute (OFD attributes are unqualified, attributeFormDefault="unqualified"). */
  attr(local: string): string | undefined {
    for (const a of this.attributes) if (a.local === local && a.uri === '' && !a.qname.startsWith('xmlns')) return a.value;
    return undefined;
  }

  /** Child elements, in document order. */
  elements(): XmlElement[] {
    const out: XmlElement[] = [];
    for (const c of this.children) if (typeof c !== 'string') out.push(c);
    return out;
  }

  /** The concatenated text of the direct text children (no trimming: whitespace in TextCode matters). */
  text(): string {
    let s = '';
    for (const c of this.children) if (typeof c === 'string') s += c;
    return s;
  }
}
