import { FixtureServer } from './fixture-server';

export const BPS_KEY = 'SEKRET-bps-KEY-9f8e7d';

/** Registers fixtures of every connector on the server. */
export function installFixtures(s: FixtureServer): void {
  // BPS WebAPI model=data. vervar 1 + var 11 and vervar 11 + var 1 would both concatenate to "111…".
  s.json(`/bps/list/model/data/lang/ind/domain/3577/var/11/th/124/key/${BPS_KEY}/`, {
    status: 'OK',
    'data-availability': 'available',
    var: [{ val: 11, label: 'Jumlah Penduduk <i>Menurut</i> Kecamatan', unit: 'Jiwa', subj: 'Kependudukan' }],
    turvar: [{ val: 1, label: 'Laki-laki' }, { val: 2, label: 'Perempuan' }],
    labelvervar: 'Kecamatan',
    vervar: [{ val: 1, label: '<b>Manguharjo</b>' }, { val: 11, label: 'Taman' }],
    tahun: [{ val: 124, label: '2024' }],
    turtahun: [{ val: 0, label: 'Tahunan' }],
    datacontent: { '11111240': 20000, '11121240': 21000, '111111240': 40000, '111121240': 41000 },
  });
  s.json(`/bps/list/model/data/lang/ind/domain/3577/var/11/th/123/key/${BPS_KEY}/`, { status: 'OK', 'data-availability': 'list-not-available' });
  s.json(`/bps/list/model/data/lang/ind/domain/3577/var/99/th/124/key/${BPS_KEY}/`, { status: 'Error', message: 'Variable not found' });

  // Open Data Jatim cleaned-bigdata, two pages.
  const jatimRow = (id: number, kab: string, jumlah: number) => ({ id, nama_kabupaten_kota: kab, kategori: 'Jumlah Puskesmas', jumlah, satuan: 'unit', tahun: 2024, periode_update: '2025-Q1', sumber: 'Dinkes' });
  s.json('/jatim/cleaned-bigdata/dinkes/jumlah-puskesmas', (url: URL) => {
    const page = Number(url.searchParams.get('page'));
    const data = page === 1 ? [jatimRow(1, 'Kota Madiun', 6), jatimRow(2, 'Kabupaten Madiun', 26)] : [jatimRow(3, 'Kota Kediri', 9)];
    return { code: 200, message: 'OK', data, error: null, pagination: { page, per_page: 2, total_page: 2, has_next: page === 1 }, metadata: {} };
  });
  s.json('/jatim/cleaned-bigdata/dinkes/drift', { code: 200, message: 'OK', data: [{ id: 1, nama_kabupaten_kota: 'Kota Madiun', kategori: 'x', total: 5, tahun: 2024 }], error: null, pagination: { page: 1, per_page: 2, total_page: 1, has_next: false } });

  // CKAN action API, five records in pages of two.
  const records = ['Kartoharjo', 'Manguharjo', 'Taman', 'Kota Madiun', 'Jawa Timur'].map((w, i) => ({ _id: i + 1, wilayah: w, indikator: 'IPM', tahun: '2023', nilai: String(80 + i / 10) }));
  s.json('/ckan/api/3/action/package_search', { success: true, result: { count: 1, results: [{ name: 'ipm', resources: [{ id: 'res-ipm', url: 'x', format: 'CSV', datastore_active: true }] }] } });
  s.json('/ckan/api/3/action/datastore_search', (url: URL) => {
    const offset = Number(url.searchParams.get('offset'));
    const limit = Number(url.searchParams.get('limit'));
    return { success: true, result: { fields: [{ id: 'wilayah', type: 'text' }], records: records.slice(offset, offset + limit), total: records.length } };
  });

  // Generic CSV over HTTP with an ETag.
  s.route('/generic/data.csv', (req, _url, res) => {
    if (req.headers['if-none-match'] === '"v1"') {
      res.writeHead(304);
      res.end();
      return;
    }
    res.writeHead(200, { 'content-type': 'text/csv', etag: '"v1"' });
    res.end('indikator,kecamatan,tahun,nilai,satuan\nPosyandu,Taman,2024,31,unit\nPosyandu,Kartoharjo,2024,28,unit\nPosyandu,Manguharjo,2024,banyak,unit\n');
  });
  s.json('/generic/fail500', { error: 'boom' }, 500);
  s.json('/generic/forbidden', { error: 'no' }, 403);
  s.route('/generic/slow', (_req, _url, res) => {
    setTimeout(() => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('[]');
    }, 1500).unref();
  });

  // SIPD usulan list.
  const usulan = (id: number, lurah: string, extra: Record<string, unknown> = {}) => ({
    id_usulan: id, tahun: 2026, nama_pengusul: 'Warga RT 01', id_bidang_urusan: 7, nama_kamus: 'Perbaikan saluran drainase', masalah: 'Banjir saat hujan', alamat_teks: 'Jl. Salak', id_kecamatan: 1, camat_teks: 'Taman', id_kelurahan: 2, lurah_teks: lurah, nama_skpd_awal: 'Dinas PUPR', status_usul: 1, nama_status: 'Diusulkan', is_verif: 0, is_tolak: 0, tolak_teks: null, created_at: '2025-12-01 10:00:00', ...extra,
  });
  s.json('/sipd/usulan', (url: URL) => (Number(url.searchParams.get('page')) === 1 ? [usulan(501, 'Taman'), usulan(502, 'Kejuron', { is_tolak: 1, tolak_teks: 'Bukan kewenangan' })] : [usulan(503, 'Desa Entah')]));
}
