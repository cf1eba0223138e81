-- name: Partisipasi per 1.000 penduduk per kelurahan
-- display: row
-- description: Aspirasi 12 bulan terakhir per 1.000 penduduk tiap kelurahan, agar kelurahan besar dan kecil dapat dibandingkan. Penduduk dari data referensi BPS.
-- columns: kecamatan, kelurahan, aspirasi, penduduk, per_1000_penduduk
-- x: kelurahan
-- y: per_1000_penduduk
SELECT p.kecamatan_name AS kecamatan,
       p.kelurahan_name AS kelurahan,
       sum(p.aspirations)::int AS aspirasi,
       max(p.population) AS penduduk,
       round(sum(p.aspirations) * 1000.0 / nullif(max(p.population), 0), 2) AS per_1000_penduduk
FROM analytics.participation_per_1000 p
WHERE p.month >= date_trunc('month', now() AT TIME ZONE 'Asia/Jakarta')::date - interval '11 months'
GROUP BY 1, 2
ORDER BY per_1000_penduduk DESC NULLS LAST, kelurahan
