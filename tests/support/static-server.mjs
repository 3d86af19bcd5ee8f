// A small static file server for the built site, used by the browser tests
// and the benchmark. Serves `dir` under `base` (as a course server would serve
// /csc413/), gzips text like a real host, and answers unknown paths with the
// site's 404 page and status 404. Listens on loopback only.
import { createServer } from "node:http";
import { existsSync, readFileSync, statSync } from "node:fs";
import { extname, join, normalize } from "node:path";
import { gzipSync } from "node:zlib";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".svg": "image/svg+xml",
  ".json": "application/json",
  ".woff2": "font/woff2",
  ".png": "image/png",
  ".txt": "text/plain; charset=utf-8",
};
const COMPRESSIBLE = new Set([".html", ".css", ".js", ".svg", ".json", ".txt"]);

function resolvePath(dir, path) {
  const safe = normalize(decodeURIComponent(path)).replace(/^(\.\.[/\\])+/, "");
  const candidates = safe.endsWith("/") ? [join(dir, safe, "index.html")] : [join(dir, safe), join(dir, safe, "index.html")];
  return candidates.find((c) => c.startsWith(dir) && existsSync(c) && statSync(c).isFile());
}

/** Start serving; resolves to { url, close() } where url ends with the base, e.g. http://127.0.0.1:PORT/csc413/. */
export function serveStatic(dir, base = "/") {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    let file;
    if (url.pathname.startsWith(base)) file = resolvePath(dir, url.pathname.slice(base.length - 1));
    const status = file ? 200 : 404;
    file ??= join(dir, "404.html");
    const ext = extname(file);
    let body = readFileSync(file);
    const headers = { "content-type": TYPES[ext] ?? "application/octet-stream", "cache-control": "no-store" };
    if (COMPRESSIBLE.has(ext) && /\bgzip\b/.test(req.headers["accept-encoding"] ?? "")) {
      body = gzipSync(body);
      headers["content-encoding"] = "gzip";
    }
    headers["content-length"] = String(body.length);
    res.writeHead(status, headers);
    res.end(req.method === "HEAD" ? undefined : body);
  });
  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      resolve({ url: `http://127.0.0.1:${port}${base}`, close: () => new Promise((r) => server.close(() => r())) });
    });
  });
}
