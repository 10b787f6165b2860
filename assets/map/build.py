#!/usr/bin/env python3
"""Builds assets/map/partners.txt, the map of participants per partner
country on /admin/reports, from @svg-maps/world 2.0.0 (CC BY 4.0, Victor
Cazanave; see assets/map/LICENSE-world.md): the part of the world from West
Africa to South-East Asia and Europe, outlines simplified (Ramer-Douglas-
Peucker) to keep the page small. One line per country: iso2, name, path.

    npm pack @svg-maps/world@2.0.0 && tar xzf svg-maps-world-2.0.0.tgz
    python3 assets/map/build.py package/index.js > assets/map/partners.txt
"""
import json, re, sys

TOLERANCE = 0.5   # map units (the world is 1010 wide)
MIN_SIZE = 1.2    # a ring smaller than this is left out, unless it is a country's largest
CROP = (392.0, 225.0, 900.0, 535.0)  # x0, y0, x1, y1 of the part shown

def rings(path):
    tokens = re.findall(r'[mzMZ]|-?\d*\.?\d+(?:e[-+]?\d+)?', path)
    out, ring, cur, start, i, first = [], [], (0.0, 0.0), (0.0, 0.0), 0, True
    mode = None
    nums = []
    for t in tokens + ['z']:
        if t in 'mM':
            mode = t; nums = []; continue
        if t in 'zZ':
            if ring: out.append(ring)
            ring, cur = [], start; continue
        nums.append(float(t))
        if len(nums) == 2:
            dx, dy = nums; nums = []
            if not ring:
                cur = (dx, dy) if (first or mode == 'M') else (cur[0] + dx, cur[1] + dy)
                start, first = cur, False
            else:
                cur = (cur[0] + dx, cur[1] + dy)
            ring.append(cur)
    return out

def rdp(points, eps):
    if len(points) < 3: return points
    (x1, y1), (x2, y2) = points[0], points[-1]
    dx, dy = x2 - x1, y2 - y1
    norm = (dx * dx + dy * dy) ** 0.5 or 1e-9
    far, at = 0.0, 0
    for k in range(1, len(points) - 1):
        x, y = points[k]
        d = abs(dy * x - dx * y + x2 * y1 - y2 * x1) / norm
        if d > far: far, at = d, k
    if far <= eps: return [points[0], points[-1]]
    return rdp(points[:at + 1], eps)[:-1] + rdp(points[at:], eps)

def simplify_ring(r, eps):
    # A closed ring's ends meet: split it at the point farthest from its
    # first, and simplify each half as an open line.
    far = max(range(len(r)), key=lambda k: (r[k][0] - r[0][0]) ** 2 + (r[k][1] - r[0][1]) ** 2)
    a = rdp(r[:far + 1], eps)
    b = rdp(r[far:] + [r[0]], eps)
    return a[:-1] + b[:-1]

def size(r):
    xs, ys = [p[0] for p in r], [p[1] for p in r]
    return max(max(xs) - min(xs), max(ys) - min(ys))

def inside(r):
    xs, ys = [p[0] for p in r], [p[1] for p in r]
    return not (max(xs) < CROP[0] or min(xs) > CROP[2] or max(ys) < CROP[1] or min(ys) > CROP[3])

def d_of(rs):
    parts = []
    for r in rs:
        pts = [(round(x - CROP[0], 1), round(y - CROP[1], 1)) for x, y in r]
        cmd = ['M%g %g' % pts[0]]
        px, py = pts[0]
        rel = []
        for x, y in pts[1:]:
            dx, dy = round(x - px, 1), round(y - py, 1)
            if dx or dy: rel.append('%g %g' % (dx, dy))
            px, py = x, y
        parts.append(cmd[0] + ('l' + ' '.join(rel) if rel else '') + 'z')
    return ''.join(parts).replace(' -', '-')

data = json.loads(open(sys.argv[1]).read().split('export default ', 1)[1].rstrip().rstrip(';'))
for loc in data['locations']:
    rs = [r for r in rings(loc['path']) if inside(r)]
    if not rs: continue
    largest = max(rs, key=size)
    kept = [simplify_ring(r, TOLERANCE) for r in rs if size(r) >= MIN_SIZE or r is largest]
    kept = [r for r in kept if len(r) >= 3] or [largest[:3] if len(largest) >= 3 else largest]
    print('%s\t%s\t%s' % (loc['id'].upper(), loc['name'], d_of(kept)))
