-- name: Kepuasan warga dan ASN per bulan
-- display: line
-- description: Rata-rata skor survei (1-5) per bulan selama 12 bulan terakhir: kepuasan warga atas penanganan aspirasi (target 4,5) dan penilaian ASN atas sistem (target 4,2).
-- columns: bulan, survei, responden, skor_rata_rata, target
-- x: bulan, survei
-- y: skor_rata_rata
SELECT date_trunc('month', s.day)::date AS bulan,
       CASE s.kind WHEN 'citizen_satisfaction' THEN 'Kepuasan warga' WHEN 'asn_system' THEN 'Penilaian ASN' ELSE s.kind END AS survei,
       sum(s.responses)::int AS responden,
       round(sum(s.score_sum)::numeric / nullif(sum(s.responses), 0), 2) AS skor_rata_rata,
       CASE s.kind WHEN 'citizen_satisfaction' THEN 4.5 WHEN 'asn_system' THEN 4.2 END AS target
FROM analytics.satisfaction_daily s
WHERE s.day >= date_trunc('month', now() AT TIME ZONE 'Asia/Jakarta')::date - interval '11 months'
GROUP BY 1, 2, s.kind
ORDER BY 1, 2
