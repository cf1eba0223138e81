-- What the demo city does not make but the BI dashboards show: population
-- figures of the kelurahan and kecamatan (the reference data has only the
-- city's), four public data sources with two months of sync runs, and a few
-- public indicators. Test and benchmark data only; safe to run twice.

-- Synthetic populations (4,000–11,000 per kelurahan) where none is known.
UPDATE kelurahan SET population = 4000 + (('x' || substr(md5(code), 1, 6))::bit(24)::int % 7000) WHERE population IS NULL;
UPDATE kecamatan k SET population = (SELECT sum(l.population) FROM kelurahan l WHERE l.kecamatan_code = k.code) WHERE k.population IS NULL;

INSERT INTO data_source (kind, name, settings, cron, enabled) VALUES
  ('bps', 'BPS Kota Madiun — Kependudukan', '{"domain": "3577", "table": "penduduk"}', '0 2 * * *', true),
  ('opendata_jatim', 'Open Data Jatim — Kemiskinan', '{"dataset": "persentase-penduduk-miskin"}', '0 3 * * *', true),
  ('sipd', 'SIPD — Realisasi Anggaran', '{"tahun": "berjalan"}', '0 */6 * * *', true),
  ('ckan', 'Satu Data Kota Madiun (CKAN)', '{"organization": "kota-madiun"}', NULL, false)
ON CONFLICT (name) DO NOTHING;

-- Runs every day (SIPD every six hours) over the last 60 days: mostly
-- succeeded, some partial or failed; the latest Open Data Jatim run failed.
INSERT INTO sync_run (source_id, trigger, status, started_at, finished_at, rows_read, rows_inserted, rows_updated, rows_unchanged, rows_rejected, error, created_at)
SELECT s.id, 'source', st.status, t.at,
       t.at + make_interval(secs => 15 + (g.n * 37) % 240),
       r.n_read,
       CASE WHEN st.status = 'failed' THEN 0 ELSE r.n_read / 10 END,
       CASE WHEN st.status = 'failed' THEN 0 ELSE r.n_read / 5 END,
       CASE WHEN st.status = 'failed' THEN 0 ELSE r.n_read - r.n_read / 10 - r.n_read / 5 - r.n_rejected END,
       r.n_rejected,
       CASE st.status WHEN 'failed' THEN 'HTTP 503 dari server sumber setelah 3 percobaan' WHEN 'partial' THEN r.n_rejected || ' baris tidak lolos validasi' END,
       t.at
FROM data_source s
CROSS JOIN LATERAL generate_series(1, CASE s.kind WHEN 'sipd' THEN 240 ELSE 60 END) AS g(n)
CROSS JOIN LATERAL (SELECT date_trunc('hour', now()) - make_interval(hours => g.n * CASE s.kind WHEN 'sipd' THEN 6 ELSE 24 END) + interval '7 minutes' AS at) t
CROSS JOIN LATERAL (
  SELECT CASE WHEN s.kind = 'opendata_jatim' AND g.n = 1 THEN 'failed'
              WHEN (g.n + length(s.name)) % 19 = 0 THEN 'failed'
              WHEN (g.n + length(s.name)) % 7 = 0 THEN 'partial'
              ELSE 'succeeded' END AS status
) st
CROSS JOIN LATERAL (
  SELECT 200 + (g.n * 53) % 800 AS n_read, CASE WHEN st.status = 'partial' THEN 1 + g.n % 12 WHEN st.status = 'failed' THEN 0 ELSE 0 END AS n_rejected
) r
WHERE s.name IN ('BPS Kota Madiun — Kependudukan', 'Open Data Jatim — Kemiskinan', 'SIPD — Realisasi Anggaran')
  AND NOT EXISTS (SELECT 1 FROM sync_run x WHERE x.source_id = s.id);

INSERT INTO indicator_observation (source, indicator, region_code, period, value, unit, source_id, updated_at)
SELECT 'BPS', 'Jumlah penduduk', l.code, '2025', l.population, 'jiwa', s.id, now() - interval '1 day'
FROM kelurahan l CROSS JOIN data_source s WHERE s.name = 'BPS Kota Madiun — Kependudukan'
UNION ALL
SELECT 'Open Data Jatim', 'Persentase penduduk miskin', k.code, '2024', round((3.5 + (('x' || substr(md5(k.code), 1, 4))::bit(16)::int % 300) / 100.0)::numeric, 2), 'persen', s.id, now() - interval '2 days'
FROM kecamatan k CROSS JOIN data_source s WHERE s.name = 'Open Data Jatim — Kemiskinan'
ON CONFLICT (source, indicator, region_code, period) DO NOTHING;
