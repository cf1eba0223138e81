-- name: Antrean terbuka dan tenggat SLA per OPD
-- display: table
-- description: Aspirasi yang belum selesai per OPD pada penyegaran terakhir: yang sudah lewat tenggat, yang jatuh tempo dalam 2 hari, dan sejak kapan aspirasi tertua menunggu.
-- columns: opd, terbuka, lewat_tenggat, tenggat_2_hari, tertua_sejak, dihitung_pada
SELECT coalesce(o.opd_name, 'Belum ditentukan') AS opd,
       sum(b.open)::int AS terbuka,
       sum(b.overdue)::int AS lewat_tenggat,
       sum(b.due_soon)::int AS tenggat_2_hari,
       min(b.oldest_submitted_at) AS tertua_sejak,
       max(b.computed_at) AS dihitung_pada
FROM analytics.sla_backlog b
LEFT JOIN analytics.dim_opd o ON o.opd_code = b.opd_code
GROUP BY 1
ORDER BY lewat_tenggat DESC, terbuka DESC, opd
