import { readFileSync } from 'node:fs';

/** A V8 .cpuprofile (node --cpu-prof) summed by where the time went: self time per package and per function. */
interface TNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}

function packageOf(url: string): string {
  if (!url) return '(native / idle / gc)';
  if (url.startsWith('node:')) return 'node core';
  const nm = url.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = url.slice(nm + 'node_modules/'.length).split('/');
    return rest[0]!.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]!;
  }
  const src = url.indexOf('/src/');
  if (src >= 0)
    return `app: ${url
      .slice(src + 1)
      .split('/')
      .slice(0, 4)
      .join('/')}`;
  return url;
}

export function summariseProfile(file: string, top = 20) {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as {
    nodes: TNode[];
    startTime: number;
    endTime: number;
    samples: number[];
  };
  const total = profile.samples.length;
  const byPackage = new Map<string, number>();
  const byFunction = new Map<string, number>();
  let idle = 0;
  for (const n of profile.nodes) {
    const hits = n.hitCount ?? 0;
    if (!hits) continue;
    const name = n.callFrame.functionName;
    if (name === '(idle)') {
      idle += hits;
      continue;
    }
    const pkg =
      name === '(garbage collector)' ? 'garbage collector' : name === '(program)' ? '(program)' : packageOf(n.callFrame.url);
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + hits);
    const fn = `${name || '(anonymous)'} ${pkg}${n.callFrame.url ? `:${n.callFrame.lineNumber + 1}` : ''}`;
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + hits);
  }
  // inclusive: the share of busy samples with a package (or an app function) anywhere on the stack
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const inclusivePkg = new Map<string, number>();
  const inclusiveApp = new Map<string, number>();
  for (const id of profile.samples) {
    const leaf = nodes.get(id);
    if (!leaf || leaf.callFrame.functionName === '(idle)') continue;
    const pkgs = new Set<string>();
    const fns = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const n = nodes.get(cur)!;
      if (!n.callFrame.url) continue;
      const pkg = packageOf(n.callFrame.url);
      pkgs.add(pkg);
      if (pkg.startsWith('app: '))
        fns.add(
          `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.slice(n.callFrame.url.indexOf('/src/') + 1)}:${n.callFrame.lineNumber + 1}`,
        );
    }
    for (const p of pkgs) inclusivePkg.set(p, (inclusivePkg.get(p) ?? 0) + 1);
    for (const f of fns) inclusiveApp.set(f, (inclusiveApp.get(f) ?? 0) + 1);
  }
  const busy = total - idle;
  const pct = (h: number) => Math.round((1000 * h) / busy) / 10;
  const sort = (m: Map<string, number>, n = top) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, v]) => ({ name: k, percentOfBusy: pct(v) }));
  return {
    seconds: Math.round((profile.endTime - profile.startTime) / 1e4) / 100,
    busyPercent: Math.round((1000 * busy) / total) / 10,
    selfByPackage: sort(byPackage),
    selfByFunction: sort(byFunction),
    inclusiveByPackage: sort(inclusivePkg),
    inclusiveByAppFunction: sort(inclusiveApp, 30),
  };
}
