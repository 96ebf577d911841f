import { inflateSync } from 'node:zlib';

/** The text of a PDF made with an embedded font: content streams decoded through each font's ToUnicode map. */
export function pdfTexts(pdf: Buffer): string[] {
  const s = pdf.toString('latin1');
  const streams: string[] = [];
  for (const m of s.matchAll(/stream\r?\n/g)) {
    const start = m.index + m[0].length;
    const raw = pdf.subarray(start, s.indexOf('endstream', start));
    try {
      streams.push(inflateSync(raw).toString('latin1'));
    } catch {
      streams.push(raw.toString('latin1'));
    }
  }
  const hex = (h: string) => Buffer.from(h, 'hex').swap16().toString('utf16le');
  const maps = streams
    .filter((x) => x.includes('beginbfrange'))
    .map((x) => {
      const map = new Map<number, string>();
      for (const line of x.split('\n')) {
        const arr = line.match(/^<([0-9a-f]+)> <[0-9a-f]+> \[(.*)\]$/i);
        if (arr) [...arr[2]!.matchAll(/<([0-9a-f]+)>/gi)].forEach((u, i) => map.set(parseInt(arr[1]!, 16) + i, hex(u[1]!)));
      }
      return map;
    });
  const content = streams.filter((x) => x.includes('TJ')).join('\n');
  return maps.map((map) =>
    [...content.matchAll(/\[([^\]]*)\] TJ/g)]
      .flatMap((m) => [...m[1]!.matchAll(/<([0-9a-f]*)>/gi)].map((h) => h[1]!.match(/.{4}/g)?.map((c) => map.get(parseInt(c, 16)) ?? '?').join('') ?? ''))
      .join(''),
  );
}
