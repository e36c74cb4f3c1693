/**
 * Asks fontconfig, with the pool's FONTCONFIG_FILE, which installed family LibreOffice gets for a name,
 * and which families are installed at all. Answers are cached for the life of the pool.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

export class FontMatcher {
  readonly #matches = new Map<string, Promise<FontMatch | undefined>>();
  #installed: Promise<Set<string>> | undefined;

  constructor(private readonly env: NodeJS.ProcessEnv) {}

  /** Lower-cased family names (every localised name fontconfig knows). */
  installed(): Promise<Set<string>> {
    this.#installed ??= run('fc-list', ['--format', '%{family}\\n'], { env: this.env, maxBuffer: 32 * 1024 * 1024 }).then(
      ({ stdout }) => new Set(stdout.split('\n').flatMap((l) => l.split(',')).map((f) => f.trim().toLowerCase()).filter((f) => f !== '')),
    );
    return this.#installed;
  }

  /** The face fontconfig substitutes for `name`, or undefined if fc-match is unavailable. */
  match(name: string): Promise<FontMatch | undefined> {
    let hit = this.#matches.get(name);
    if (hit === undefined) {
      // fontconfig pattern syntax: escape the separators "-", ":" and "," in family names.
      const pattern = name.replace(/[\\\-:,]/g, (c) => `\\${c}`);
      hit = run('fc-match', ['--format', '%{family[0]}|%{postscriptname}', pattern], { env: this.env }).then(
        ({ stdout }) => {
          const [family, postScriptName] = stdout.trim().split('|');
          return family ? { family, postScriptName: postScriptName ?? '' } : undefined;
        },
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

export interface FontMatch {
  readonly family: string;
  readonly postScriptName: string;
}

/** Font names compared loosely: lower case without spaces, hyphens or underscores. */
export function fontKey(name: string): string {
  return name.toLowerCase().replace(/[\s\-_]+/g, '');
}

/**
 * Whether a PDF BaseFont is the matched face: by PostScript name or family. Noto CJK collections share
 * one CFF whose name says "jp" for every region, so for them the region is not compared.
 */
export function pdfFontIsFamily(baseFont: string, match: FontMatch): boolean {
  const b = fontKey(baseFont);
  if (b.startsWith(fontKey(match.family))) return true;
  const ps = fontKey(match.postScriptName).replace(/(regular|book)$/, '');
  if (ps !== '' && b.startsWith(ps)) return true;
  const cjk = /^(noto(?:sans|serif)(?:mono)?cjk)(?:jp|sc|tc|kr|hk)/.exec(ps || fontKey(match.family));
  return cjk !== null && b.startsWith(cjk[1] as string);
}
