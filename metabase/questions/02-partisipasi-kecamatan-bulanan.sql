-- name: Partisipasi per kecamatan per bulan
-- display: bar
-- description: Aspirasi per kecamatan per bulan (WIB) selama 12 bulan terakhir, beserta yang sudah selesai atau diadopsi menjadi kebijakan.
-- columns: bulan, kecamatan, aspirasi, selesai
-- x: bulan, kecamatan
-- y: aspirasi
SELECT date_trunc('month', p.day)::date AS bulan,
       k.kecamatan_name AS kecamatan,
       sum(p.aspirations)::int AS aspirasi,
       sum(p.resolved)::int AS selesai
FROM analytics.participation_daily p
JOIN analytics.dim_kecamatan k ON k.kecamatan_code = p.kecamatan_code
WHERE p.day >= date_trunc('month', now() AT TIME ZONE 'Asia/Jakarta')::date - interval '11 months'
GROUP BY 1, 2
ORDER BY 1, 2
