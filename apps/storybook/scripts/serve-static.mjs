// Serves the static Storybook build (storybook-static/) over http://, with no dependencies.
//
// Browsers refuse ES module scripts and fetch() over file://, so a Storybook build (made of ES modules since
// Storybook 7) shows a blank page when index.html is double-clicked. Any static file server works; this one is
// here so nothing has to be installed: `npm run storybook:static` from the repository root.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const dir = path.resolve(process.argv[2] ?? path.join(here, '..', 'storybook-static'));
const port = Number(process.env.PORT ?? 6007);

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

if (!existsSync(path.join(dir, 'index.html'))) {
  console.error(
    `${dir} has no index.html: build it first with \`pnpm --filter @rapport/storybook build\` (npm test does too).`,
  );
  process.exit(1);
}

const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  let file = path.join(dir, decodeURIComponent(url.pathname));
  // Never serve anything outside the build folder.
  if (file !== dir && !file.startsWith(dir + path.sep)) {
    res.writeHead(403).end('Forbidden');
    return;
  }
  if (existsSync(file) && statSync(file).isDirectory()) file = path.join(file, 'index.html');
  if (!existsSync(file)) {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
    return;
  }
  res.writeHead(200, {
    'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
  });
  createReadStream(file).pipe(res);
});

server.listen(port, () => {
  console.log(`Static Storybook from ${dir} at http://localhost:${port}/`);
});
