-- name: Corong Musrenbang per tahun dan tahap
-- display: table
-- description: Usulan Musrenbang per tahun dan tahap: diusulkan, diakomodir, tidak diakomodir, menunggu, yang sudah menjadi kebijakan atau terkait aspirasi, dan anggarannya.
-- columns: tahun, tahap, diusulkan, diakomodir, tidak_diakomodir, menunggu, jadi_kebijakan, terkait_aspirasi, persen_diakomodir, anggaran_diusulkan, anggaran_diakomodir
SELECT m.year AS tahun,
       m.stage AS tahap,
       sum(m.proposed)::int AS diusulkan,
       sum(m.accommodated)::int AS diakomodir,
       sum(m.not_accommodated)::int AS tidak_diakomodir,
       sum(m.pending)::int AS menunggu,
       sum(m.linked_to_policy)::int AS jadi_kebijakan,
       sum(m.linked_to_aspiration)::int AS terkait_aspirasi,
       round(100.0 * sum(m.accommodated) / nullif(sum(m.proposed), 0), 1) AS persen_diakomodir,
       sum(m.budget_proposed) AS anggaran_diusulkan,
       sum(m.budget_accommodated) AS anggaran_diakomodir
FROM analytics.musrenbang_funnel m
GROUP BY 1, 2
ORDER BY 1 DESC, CASE lower(m.stage) WHEN 'kelurahan' THEN 1 WHEN 'kecamatan' THEN 2 WHEN 'kota' THEN 3 ELSE 4 END, 2
