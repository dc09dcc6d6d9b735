// Builds the console's bundle with esbuild into dist/console: hashed app-<hash>.js and .css, and an
// index.html that names them. `npm run build` runs it after the API's build; the console's browser
// tests call buildConsole() themselves, so `npm test` needs no separate step.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));
export const CONSOLE_OUT = resolve(here, '../../dist/console');

/** Builds the bundle; answers the files written and their sizes (bytes, and gzipped). */
export async function buildConsole({ outdir = CONSOLE_OUT, minify = true } = {}) {
  rmSync(outdir, { recursive: true, force: true });
  mkdirSync(outdir, { recursive: true });
  const result = await build({
    entryPoints: { app: resolve(here, 'src/main.tsx') },
    bundle: true,
    minify,
    sourcemap: false,
    format: 'esm',
    target: ['chrome100', 'safari15', 'firefox100'],
    jsx: 'automatic',
    jsxImportSource: 'preact',
    loader: { '.css': 'css' },
    inject: [],
    entryNames: '[name]-[hash]',
    outdir,
    metafile: true,
    logLevel: 'warning',
    legalComments: 'none',
  });
  const outputs = Object.keys(result.metafile.outputs).map((file) => resolve(file));
  const js = outputs.find((f) => f.endsWith('.js'));
  const styles = consoleStyles();
  const css = resolve(outdir, `style-${createHash('sha256').update(styles).digest('hex').slice(0, 8)}.css`);
  writeFileSync(css, styles);
  const html = readFileSync(resolve(here, 'src/index.html'), 'utf8').replace('%APP_JS%', basename(js)).replace('%APP_CSS%', basename(css));
  writeFileSync(resolve(outdir, 'index.html'), html);
  // Served as is to a browser that takes gzip (every current one): about a third of the bytes.
  for (const file of [js, css]) writeFileSync(`${file}.gz`, gzipSync(readFileSync(file), { level: 9 }));
  const files = [js, css, resolve(outdir, 'index.html')].map((file) => {
    const bytes = readFileSync(file);
    return { file: basename(file), bytes: bytes.length, gzip: gzipSync(bytes).length };
  });
  return { outdir, files };
}

/**
 * The console's one stylesheet: src/style.css (the frame), then each screen folder's own .css files in
 * path order, so a screen's styles sit beside its code and screens added side by side do not edit one file.
 */
export function consoleStyles() {
  const src = resolve(here, 'src');
  const screens = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = resolve(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.css')) screens.push(path);
    }
  };
  walk(resolve(src, 'screens'));
  return [resolve(src, 'style.css'), ...screens].map((file) => `/* ${relative(src, file)} */\n${readFileSync(file, 'utf8')}`).join('\n');
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { outdir, files } = await buildConsole();
  for (const f of files) console.log(`console: ${f.file} ${(f.bytes / 1024).toFixed(1)} KiB (${(f.gzip / 1024).toFixed(1)} KiB gzipped)`);
  console.log(`console: built into ${outdir}`);
}
