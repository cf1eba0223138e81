-- name: Aspirasi 30 hari terakhir
-- display: scalar
-- description: Jumlah aspirasi warga yang masuk dalam 30 hari terakhir (WIB), semua kanal dan kecamatan.
-- columns: aspirasi
SELECT coalesce(sum(p.aspirations), 0)::int AS aspirasi
FROM analytics.participation_daily p
WHERE p.day > (now() AT TIME ZONE 'Asia/Jakarta')::date - 30
