// The benchmark's baselines, served over HTTP on 127.0.0.1 from a separate process like the
// app's own host, so both sides pay for the same transport:
//   GET /raw          a raw SELECT of the tables the Programs screen is made of (programs,
//                     institutions, unfilled history, tier overrides), as JSON, read anew
//                     on every request with better-sqlite3 on its own connection;
//   GET /file/NAME    a prepared static page (the static table, the dashboard snapshot).
// Usage: node raw-server.mjs DATABASE FOLDER   (prints "listening PORT").
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import Database from 'better-sqlite3';

const [file, folder] = process.argv.slice(2);
const db = new Database(file, { readonly: true, fileMustExist: true });
db.pragma('busy_timeout = 5000');
const selects = {
  institutions: db.prepare('SELECT * FROM institution'),
  programs: db.prepare('SELECT * FROM program'),
  unfilled: db.prepare('SELECT * FROM program_unfilled'),
  overrides: db.prepare('SELECT * FROM tier_override'),
};

const server = http.createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  if (url.pathname === '/raw') {
    const body = JSON.stringify(Object.fromEntries(Object.entries(selects).map(([k, s]) => [k, s.all()])));
    res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
    return res.end(body);
  }
  const name = url.pathname.startsWith('/file/') ? path.basename(url.pathname) : '';
  const target = path.join(folder, name);
  if (name && fs.existsSync(target)) {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
    return res.end(fs.readFileSync(target));
  }
  res.writeHead(404).end();
});
server.listen(0, '127.0.0.1', () => console.log(`listening ${server.address().port}`));
process.on('SIGTERM', () => process.exit(0));
