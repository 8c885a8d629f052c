// Serves dist/ on localhost for `pnpm web`: a static file server, nothing else. The page works from
// file:// too; this is for a browser that restricts file:// pages, and for trying the static-host case.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

const DIST = fileURLToPath(new URL('dist/', import.meta.url));
const TYPES = { '.html': 'text/html; charset=utf-8' };
const port = Number(process.env.PORT ?? 8080);

createServer(async (request, response) => {
  const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname)).replace(/^([/\\])+/, '');
  const file = join(DIST, path === '' ? 'index.html' : path);
  const type = TYPES[extname(file)];
  if (!file.startsWith(DIST) || !type) return void response.writeHead(404).end();
  try {
    const body = await readFile(file);
    response.writeHead(200, { 'content-type': type, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' }).end(body);
  } catch {
    response.writeHead(404).end();
  }
}).listen(port, '127.0.0.1', () => console.log(`samlint web: http://localhost:${port}/`));
