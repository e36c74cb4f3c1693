/**
 * Asks fontconfig, with the pool's FONTCONFIG_FILE, which installed family LibreOffice gets for a name,
 * and which families are installed at all. Answers are cached for the life of the pool.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

export class FontMatcher {
  readonly #matches = new Map<string, Promise<string | undefined>>();
  #installed: Promise<Set<string>> | undefined;

  constructor(private readonly env: NodeJS.ProcessEnv) {}

  /** Lower-cased family names (every localised name fontconfig knows). */
  installed(): Promise<Set<string>> {
    this.#installed ??= run('fc-list', ['--format', '%{family}\\n'], { env: this.env, maxBuffer: 32 * 1024 * 1024 }).then(
      ({ stdout }) => new Set(stdout.split('\n').flatMap((l) => l.split(',')).map((f) => f.trim().toLowerCase()).filter((f) => f !== '')),
    );
    return this.#installed;
  }

  /** The family fontconfig substitutes for `name`, or undefined if fc-match is unavailable. */
  match(name: string): Promise<string | undefined> {
    let hit = this.#matches.get(name);
    if (hit === undefined) {
      // fontconfig pattern syntax: escape the separators "-", ":" and "," in family names.
      const pattern = name.replace(/[\\\-:,]/g, (c) => `\\${c}`);
      hit = run('fc-match', ['--format', '%{family[0]}', pattern], { env: this.env }).then(
        ({ stdout }) => stdout.trim() || undefined,
        (e: unknown) => {
          if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
          throw e;
        },
      );
      this.#matches.set(name, hit);
    }
    return hit;
  }
}

/** Font names compared loosely: lower case without spaces, hyphens or underscores. */
export function fontKey(name: string): string {
  return name.toLowerCase().replace(/[\s\-_]+/g, '');
}

/**
 * Whether a PDF BaseFont (PostScript name) is a face of `family`. Noto CJK collections share one CFF
 * whose name says "jp" for every region, so for them the region suffix is not compared.
 */
export function pdfFontIsFamily(baseFont: string, family: string): boolean {
  const b = fontKey(baseFont);
  const f = fontKey(family);
  if (b.startsWith(f)) return true;
  const cjk = /^(noto(?:sans|serif)(?:mono)?cjk)(?:jp|sc|tc|kr|hk)$/.exec(f);
  return cjk !== null && b.startsWith(cjk[1] as string);
}
