-- name: Penilaian warga atas kebijakan
-- display: table
-- description: Kebijakan yang sudah dipublikasikan dengan jumlah dan rata-rata penilaian warga (1-5, tanpa komentar yang disembunyikan) serta jumlah aspirasi yang ditautkan.
-- columns: kebijakan, opd, status, dipublikasikan, jumlah_penilaian, skor_rata_rata, aspirasi_terkait
SELECT p.title AS kebijakan,
       coalesce(p.opd_name, '-') AS opd,
       p.status,
       p.published_at AS dipublikasikan,
       p.ratings AS jumlah_penilaian,
       p.average_score AS skor_rata_rata,
       p.linked_aspirations AS aspirasi_terkait
FROM analytics.policy_ratings p
WHERE p.published_at IS NOT NULL
ORDER BY p.ratings DESC, p.published_at DESC
