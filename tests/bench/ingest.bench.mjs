// Ingest benchmark (`npm run bench:ingest`): a generated e-Musrenbang-shaped
// CSV (1,000,000 rows; BENCH_ROWS to change) through the real import path
// (`cli import musrenbang`: streaming parse, validation, one transaction per
// batch: COPY straight into the table while its proposals are new, else COPY
// into a staging table and a set-based merge), beside `psql \copy` of the
// same file into a bare table of text columns. Prints import_rows_per_s,
// copy_rows_per_s, ratio (import over copy), peak_rss_mb (of the import
// process, heap capped at BENCH_IMPORT_HEAP_MB, default 192), rows_match
// (proposals in the table = rows) and, for reference, table_copy_rows_per_s:
// the validated rows `psql \copy`ed into a copy of musrenbang_proposal with its
// indexes and foreign key, the fastest any import could write that table.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { benchDatabase, printSummary, root, run } from './lib.mjs';

const require = createRequire(import.meta.url);
const { Client } = require('pg');
const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const CLI = join(root, 'dist/apps/api/cli/cli.js');

const wilayah = readFileSync(join(root, '../shared/data/wilayah-madiun.csv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split(','));
const kecamatan = Object.fromEntries(wilayah.filter((w) => w[2] === 'kecamatan').map((w) => [w[0], w[3]]));
const kelurahan = wilayah.filter((w) => w[2] === 'kelurahan').map((w) => ({ name: w[3], kec: kecamatan[w[4]] }));
const USULAN = [
  ['Pekerjaan Umum dan Penataan Ruang', 'Pengaspalan jalan lingkungan', 'Jalan lingkungan berlubang dan rawan kecelakaan', 'meter', 900_000, 'Dinas Pekerjaan Umum dan Penataan Ruang'],
  ['Perhubungan', 'Pemasangan rambu dan marka jalan', 'Persimpangan ramai tanpa rambu, sering terjadi kecelakaan', 'unit', 3_200_000, 'Dinas Perhubungan'],
  ['Sosial', 'Bantuan alat bantu bagi penyandang disabilitas', 'Warga penyandang disabilitas membutuhkan kursi roda', 'unit', 2_750_000, 'Dinas Sosial'],
  ['Koperasi, Usaha Kecil dan Menengah', 'Pelatihan pemasaran digital bagi UMKM', 'Pelaku UMKM belum mampu memasarkan produk secara daring', 'orang', 750_000, 'Dinas Koperasi dan Usaha Mikro'],
];
const STATUS = ['Diakomodir', 'Tidak Diakomodir', 'Menunggu Konfirmasi'];

async function generate(file) {
  const out = createWriteStream(file);
  const write = async (s) => {
    if (!out.write(s)) await once(out, 'drain');
  };
  await write('No,Tgl_Usul,Pengusul,Urusan,Usulan,Permasalahan,Alamat,Kelurahan,Kecamatan,SKPD_Tujuan_Awal,SKPD_Tujuan_Akhir,Koefisien,Anggaran,Status\n');
  let chunk = '';
  for (let i = 1; i <= ROWS; i++) {
    const k = kelurahan[i % kelurahan.length];
    const [urusan, usulan, masalah, unit, price, opd] = USULAN[i % USULAN.length];
    const vol = 1 + (i % 400);
    const day = String(1 + (i % 28)).padStart(2, '0');
    const month = String(1 + (i % 3)).padStart(2, '0');
    chunk += `${i},2025-${month}-${day},Ketua RW ${String(1 + (i % 12)).padStart(2, '0')} Kel. ${k.name},"${urusan}",${usulan},"${masalah}","RT ${String(1 + (i % 15)).padStart(2, '0')} RW ${String(1 + (i % 9)).padStart(2, '0')}, Kel. ${k.name}",${k.name},${k.kec},${opd},${opd},${vol} ${unit},${vol * price},${STATUS[i % 3]}\n`;
    if (chunk.length > 1 << 20) {
      await write(chunk);
      chunk = '';
    }
  }
  await write(chunk);
  out.end();
  await once(out, 'finish');
}

const db = await benchDatabase('ingest');
const file = join(tmpdir(), `ogh-musrenbang-${randomBytes(3).toString('hex')}.csv`);
const validated = `${file}.validated`;
try {
  const env = { DATABASE_URL: db.url, NODE_ENV: 'development', JWT_SECRET: randomBytes(32).toString('hex'), DATA_ENCRYPTION_KEY: randomBytes(32).toString('hex'), REDIS_URL: '', LOG_LEVEL: 'warn' };
  await run(process.execPath, [CLI, 'migrate'], env);
  await run(process.execPath, [CLI, 'reference:load'], env);
  let t = performance.now();
  await generate(file);
  console.log(`Generated ${ROWS.toLocaleString('en')} rows in ${((performance.now() - t) / 1000).toFixed(1)} s: ${file}`);

  // The heap is capped so that peak_rss_mb shows bounded memory rather than V8's lazy collection
  // (BENCH_IMPORT_HEAP_MB=0 for Node's default heap).
  const heap = Number(process.env.BENCH_IMPORT_HEAP_MB ?? 192);
  const out = await run(process.execPath, [...(heap ? [`--max-old-space-size=${heap}`] : []), CLI, 'import', 'musrenbang', file], env);
  process.stdout.write(out);
  const m = /import_rows=(\d+) import_seconds=([\d.]+) peak_rss_mb=(\d+)/.exec(out);
  if (!m) throw new Error('the import printed no summary line');
  const importSeconds = Number(m[2]);

  const c = new Client({ connectionString: db.url });
  await c.connect();
  await c.query(`CREATE TABLE bare_copy (${['no', 'tgl', 'pengusul', 'urusan', 'usulan', 'masalah', 'alamat', 'kelurahan', 'kecamatan', 'skpd_awal', 'skpd_akhir', 'koefisien', 'anggaran', 'status'].map((x) => `${x} text`).join(', ')})`);
  t = performance.now();
  const psql = spawnSync('psql', [db.url, '-v', 'ON_ERROR_STOP=1', '-c', `\\copy bare_copy FROM '${file}' WITH (FORMAT csv, HEADER true)`], { stdio: ['ignore', 'pipe', 'inherit'] });
  if (psql.status !== 0) throw new Error('psql \\copy failed');
  const copySeconds = (performance.now() - t) / 1000;
  const [{ n }] = (await c.query(`SELECT count(*)::int AS n FROM musrenbang_proposal`)).rows;
  const [{ b }] = (await c.query(`SELECT count(*)::int AS b FROM bare_copy`)).rows;

  // For reference, not the ratio: the imported rows, already validated, COPYed straight into a copy of
  // musrenbang_proposal with its indexes, checks and kelurahan foreign key. No import can write the
  // table faster than this.
  const dump = spawnSync('psql', [db.url, '-v', 'ON_ERROR_STOP=1', '-c', `\\copy (SELECT * FROM musrenbang_proposal) TO '${validated}'`], { stdio: ['ignore', 'pipe', 'inherit'] });
  if (dump.status !== 0) throw new Error('psql \\copy of the imported rows failed');
  await c.query(`CREATE TABLE table_copy (LIKE musrenbang_proposal INCLUDING ALL)`);
  await c.query(`ALTER TABLE table_copy ADD FOREIGN KEY (kelurahan_code) REFERENCES kelurahan (code)`);
  await c.query(`CHECKPOINT`);
  t = performance.now();
  const into = spawnSync('psql', [db.url, '-v', 'ON_ERROR_STOP=1', '-c', `\\copy table_copy FROM '${validated}'`], { stdio: ['ignore', 'pipe', 'inherit'] });
  if (into.status !== 0) throw new Error('psql \\copy into table_copy failed');
  const tableSeconds = (performance.now() - t) / 1000;
  await c.end();

  const importRps = Math.round(ROWS / importSeconds);
  const copyRps = Math.round(ROWS / copySeconds);
  printSummary(
    [
      { path: 'import (parse, validate, COPY or staging + merge)', rows: n, seconds: importSeconds.toFixed(2), rows_per_s: importRps, peak_rss_mb: Number(m[3]) },
      { path: 'psql \\copy into a bare table', rows: b, seconds: copySeconds.toFixed(2), rows_per_s: copyRps },
      { path: 'reference: validated rows \\copy into musrenbang_proposal (indexes, FK)', rows: n, seconds: tableSeconds.toFixed(2), rows_per_s: Math.round(n / tableSeconds) },
    ],
    {
      import_rows_per_s: importRps,
      copy_rows_per_s: copyRps,
      ratio: (importRps / copyRps).toFixed(3),
      peak_rss_mb: Number(m[3]),
      rows_match: n === ROWS && b === ROWS,
      table_copy_rows_per_s: Math.round(n / tableSeconds),
    },
  );
} finally {
  rmSync(file, { force: true });
  rmSync(validated, { force: true });
  await db.drop();
}
