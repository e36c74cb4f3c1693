# Test-only: independent reading of a font with fontTools, printed as JSON for the vitest suite.
import json, sys
from fontTools.ttLib import TTFont

path, face, chars = sys.argv[1], int(sys.argv[2]), sys.argv[3]
f = TTFont(path, fontNumber=face, lazy=True)
cmap = f.getBestCmap()
glyph_order = f.getGlyphOrder()
out = {
    "unitsPerEm": f["head"].unitsPerEm,
    "numGlyphs": f["maxp"].numGlyphs,
    "hheaAscent": f["hhea"].ascent,
    "hheaDescent": f["hhea"].descent,
    "fsType": f["OS/2"].fsType,
    "weightClass": f["OS/2"].usWeightClass,
    "italicAngle": f["post"].italicAngle,
    "isFixedPitch": f["post"].isFixedPitch,
    "names": {str(i): (f["name"].getDebugName(i) or "") for i in (1, 2, 4, 6)},
    "chars": {},
}
has_glyf = "glyf" in f
for ch in chars:
    cp = ord(ch)
    name = cmap.get(cp)
    entry = {"gid": f.getGlyphID(name) if name else 0}
    gname = name or glyph_order[0]
    entry["advance"] = f["hmtx"][gname][0]
    if has_glyf:
        g = f["glyf"][gname]
        coords, ends, flags = g.getCoordinates(f["glyf"])
        entry["coords"] = [list(c) for c in coords]
        entry["ends"] = list(ends)
        entry["onCurve"] = [int(x) & 1 for x in flags]
        entry["composite"] = g.isComposite()
    out["chars"][ch] = entry
print(json.dumps(out))
