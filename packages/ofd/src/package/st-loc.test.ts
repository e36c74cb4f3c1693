import { describe, expect, it } from 'vitest';
import { OfdUnsafePathError } from '../errors.js';
import { checkEntryName } from './entry-name.js';
import { dirOf, resolveDir, resolveLoc } from './st-loc.js';

describe('ST_Loc resolution', () => {
  it('resolves absolute locations from the root and relative ones from the referencing directory', () => {
    expect(resolveLoc('/Doc_0/Document.xml', 'anything')).toBe('Doc_0/Document.xml');
    expect(resolveLoc('Doc_0/Document.xml', '')).toBe('Doc_0/Document.xml');
    expect(resolveLoc('Pages/Page_0/Content.xml', 'Doc_0')).toBe('Doc_0/Pages/Page_0/Content.xml');
    expect(resolveLoc('Sign_0/Signature.xml', dirOf('Doc_0/Signs/Signatures.xml'))).toBe('Doc_0/Signs/Sign_0/Signature.xml');
    expect(resolveLoc('../Res/./a.png', 'Doc_0/Pages')).toBe('Doc_0/Res/a.png');
  });
  it('puts Res files under the BaseLoc directory', () => {
    expect(resolveLoc('font1.ttf', resolveDir('Res', 'Doc_0'))).toBe('Doc_0/Res/font1.ttf');
    expect(resolveDir(undefined, 'Doc_0')).toBe('Doc_0');
    expect(resolveDir('/', 'Doc_0')).toBe('');
  });
  it('refuses climbing above the root and empty locations', () => {
    expect(() => resolveLoc('../../etc/passwd', 'Doc_0')).toThrow(OfdUnsafePathError);
    expect(() => resolveLoc('   ', 'Doc_0')).toThrow(OfdUnsafePathError);
  });
});

describe('entry names', () => {
  it('normalises harmless forms and keeps the directory flag', () => {
    expect(checkEntryName('Doc_0//Res/./a.png').path).toBe('Doc_0/Res/a.png');
    expect(checkEntryName('Doc_0/').isDirectory).toBe(true);
    expect(checkEntryName('DOC_0/ofd.XML').key).toBe('doc_0/ofd.xml');
  });
  it.each([
    ['../evil', 'parent'],
    ['Doc_0/../../evil', 'parent'],
    ['/etc/passwd', 'absolute'],
    ['C:/Windows/evil.dll', 'drive'],
    ['Doc_0\\evil', 'backslash'],
    ['evil\u0000.xml', 'control'],
    ['', 'empty'],
  ])('refuses %j (%s)', (name, reason) => {
    expect(() => checkEntryName(name)).toThrow(expect.objectContaining({ code: 'OFD_UNSAFE_PATH', reason: expect.stringContaining(reason) }));
  });
});
