/**
 * What the built extension weighs: `bundle.contentGzipKB.<name>` for each content script (gzip of
 * every JS file of its manifest entry — the shared runtime and the site's script — plus any chunk
 * they load), `bundle.contentGzipKB` (the largest of them) and `bundle.zipKB` (the
 * whole of `.output/chrome-mv3` zipped as `wxt zip` does: every file, deflate level 9). Sizes, not
 * times: they depend on the build only. KB = 1000 bytes, as the build prints them.
 *
 * It reads the build that is there: run `npx wxt build` first (it fails clearly when there is none,
 * and a build older than the code measures the old code). `npx tsx bench/bundle.ts` runs it alone and
 * merges its keys into bench/results.json.
 *
 * Targets: ≤ 35 per content script, ≤ 250 for the zip.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, posix, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { deflateRawSync, gzipSync } from 'node:zlib';
import { report } from './report';
import type { BenchPart } from './requests';

export const BUILD_DIR = fileURLToPath(new URL('../.output/chrome-mv3', import.meta.url));

export const BUNDLE_TARGETS: Record<string, number> = { 'bundle.contentGzipKB': 35, 'bundle.zipKB': 250 };

const KB = 1000;
const round3 = (x: number) => Math.round(x * 1000) / 1000;
const kb = (bytes: number) => round3(bytes / KB);

function requireBuild(dir: string): void {
  if (!existsSync(join(dir, 'manifest.json'))) {
    throw new Error(`bench/bundle.ts: no built extension at ${dir} (no manifest.json). Run \`npx wxt build\` first.`);
  }
}

/** Every file under `dir`, as paths relative to it with `/` separators, sorted. */
function filesUnder(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(relative(dir, p).split(sep).join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

// ---------------------------------------------------------------- content scripts

interface ManifestContentScript { js?: string[]; css?: string[] }

/**
 * The manifest's `content_scripts` entries, each as every JS file it runs (in order): the shared
 * runtime first, then the site's own script. An entry is named by its last file (`content-scripts/
 * arxiv.js` → `arxiv`), the site's script.
 */
function contentScripts(dir: string): Map<string, string[]> {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { content_scripts?: ManifestContentScript[] };
  const byName = new Map<string, string[]>();
  for (const cs of manifest.content_scripts ?? []) {
    const js = (cs.js ?? []).map((f) => f.replace(/^\//, ''));
    const last = js.at(-1);
    if (!last) continue;
    const name = basename(last).replace(/\.js$/, '');
    byName.set(name, [...new Set([...(byName.get(name) ?? []), ...js])]);
  }
  return byName;
}

const CHUNK_REF = /(?:^|[^\w/.-])\/?(chunks\/[\w.-]+\.js)/g;

/** The files an entry runs: its own and, transitively, every `chunks/*.js` file their text names. */
function withChunks(dir: string, files: string[]): string[] {
  const seen = new Set<string>();
  const queue = [...files];
  while (queue.length) {
    const f = queue.shift()!;
    if (seen.has(f) || !existsSync(join(dir, f))) continue;
    seen.add(f);
    for (const m of readFileSync(join(dir, f), 'utf8').matchAll(CHUNK_REF)) queue.push(m[1]!);
  }
  return [...seen];
}

const gzipBytes = (buf: Buffer) => gzipSync(buf, { level: 9 }).length;

// ---------------------------------------------------------------- zip (in memory)

const CRC_TABLE = Uint32Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/**
 * A zip of the files under `dir` (deflate level 9, or stored when that is not smaller; no directory
 * entries, a fixed timestamp), as a Buffer: a valid archive, `unzip -t` accepts it.
 */
export function zipDirectory(dir: string): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const name of filesUnder(dir)) {
    const data = readFileSync(join(dir, ...name.split(posix.sep)));
    const deflated = deflateRawSync(data, { level: 9 });
    const stored = deflated.length >= data.length;
    const body = stored ? data : deflated;
    const nameBuf = Buffer.from(name, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(stored ? 0 : 8, 8);
    local.writeUInt32LE(0, 10); // time, date
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBuf.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4); // version made by
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(stored ? 0 : 8, 10);
    central.writeUInt32LE(0, 12);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBuf.length, 28);
    central.writeUInt32LE(offset, 42); // comment length, disk, attributes (30–41) stay 0
    locals.push(local, nameBuf, body);
    centrals.push(central, nameBuf);
    offset += local.length + nameBuf.length + body.length;
  }
  const centralSize = centrals.reduce((s, b) => s + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(centrals.length / 2, 8);
  end.writeUInt16LE(centrals.length / 2, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...centrals, end]);
}

// ---------------------------------------------------------------- the figures

/** The figures, their table rows and targets (as bench/requests.ts gives its part to bench/run.ts). */
export function bundlePart(dir: string = BUILD_DIR): BenchPart {
  requireBuild(dir);
  const out: BenchPart = { results: {}, rows: [], targets: { ...BUNDLE_TARGETS }, misses: [] };
  const scripts = contentScripts(dir);
  if (scripts.size === 0) throw new Error(`bench/bundle.ts: the manifest in ${dir} lists no content scripts`);
  let largest = 0;
  for (const [name, files] of [...scripts].sort(([a], [b]) => a.localeCompare(b))) {
    const loaded = withChunks(dir, files);
    const bufs = loaded.map((f) => readFileSync(join(dir, f)));
    const gz = bufs.reduce((s, b) => s + gzipBytes(b), 0);
    const raw = bufs.reduce((s, b) => s + b.length, 0);
    const css = join(dir, 'content-scripts', `${name}.css`);
    const cssNote = existsSync(css) ? `; its CSS (shadow root, not counted) ${kb(gzipBytes(readFileSync(css)))} gz` : '';
    const key = `bundle.contentGzipKB.${name}`;
    out.results[key] = kb(gz);
    out.targets[key] = BUNDLE_TARGETS['bundle.contentGzipKB']!;
    out.rows.push([key, kb(gz).toFixed(3), `${loaded.join(' + ')}: ${kb(raw)} raw${cssNote}`]);
    largest = Math.max(largest, gz);
  }
  out.results['bundle.contentGzipKB'] = kb(largest);
  out.rows.push(['bundle.contentGzipKB', kb(largest).toFixed(3), `the largest of the ${scripts.size} content scripts`]);
  const zip = zipDirectory(dir);
  const files = filesUnder(dir);
  const heaviest = files
    .map((f) => ({ f, z: deflateRawSync(readFileSync(join(dir, f)), { level: 9 }).length }))
    .sort((a, b) => b.z - a.z)
    .slice(0, 3)
    .map(({ f, z }) => `${f} ${kb(z)}`)
    .join(', ');
  out.results['bundle.zipKB'] = kb(zip.length);
  out.rows.push(['bundle.zipKB', kb(zip.length).toFixed(3), `${files.length} files; most (deflated): ${heaviest}`]);
  return out;
}

/** `bundle.contentGzipKB.<name>`, `bundle.contentGzipKB` (the largest) and `bundle.zipKB`, from .output/chrome-mv3. */
export function bundleBench(): Record<string, number> {
  return bundlePart().results;
}

// ---------------------------------------------------------------- alone: npx tsx bench/bundle.ts

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { results, rows, targets } = bundlePart();
  report(results, rows, targets);
}
