-- name: Kepatuhan SLA dan median waktu selesai per bulan
-- display: line
-- description: Per bulan dan OPD (12 bulan terakhir): persentase aspirasi tanpa pelanggaran SLA, median jam sampai dibalas dan median serta persentil 90 jam sampai selesai.
-- columns: bulan, opd, diajukan, persen_patuh_sla, median_jam_balasan, median_jam_selesai, p90_jam_selesai
-- x: bulan, opd
-- y: persen_patuh_sla
SELECT r.month AS bulan,
       coalesce(o.opd_name, 'Belum ditentukan') AS opd,
       r.submitted AS diajukan,
       round(100.0 * (r.submitted - r.breached) / nullif(r.submitted, 0), 1) AS persen_patuh_sla,
       round(r.median_hours_to_reply::numeric, 1) AS median_jam_balasan,
       round(r.median_hours_to_resolve::numeric, 1) AS median_jam_selesai,
       round(r.p90_hours_to_resolve::numeric, 1) AS p90_jam_selesai
FROM analytics.response_times_monthly r
LEFT JOIN analytics.dim_opd o ON o.opd_code = r.opd_code
WHERE r.month >= date_trunc('month', now() AT TIME ZONE 'Asia/Jakarta')::date - interval '11 months'
ORDER BY 1, 2
