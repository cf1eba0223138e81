-- name: Waktu respons dan SLA per OPD (90 hari)
-- display: table
-- description: Per OPD, aspirasi 90 hari terakhir: rata-rata jam sampai diverifikasi, dibalas dan diselesaikan, serta pelanggaran SLA verifikasi (3 hari kerja) dan perencanaan (5 hari kerja).
-- columns: opd, diajukan, rata_jam_verifikasi, rata_jam_balasan, rata_jam_selesai, langgar_sla_verifikasi, langgar_sla_rencana, persen_tepat_waktu
SELECT coalesce(o.opd_name, 'Belum ditentukan') AS opd,
       sum(r.submitted)::int AS diajukan,
       round((sum(r.hours_to_verify_sum) / nullif(sum(r.verified), 0))::numeric, 1) AS rata_jam_verifikasi,
       round((sum(r.hours_to_reply_sum) / nullif(sum(r.replied), 0))::numeric, 1) AS rata_jam_balasan,
       round((sum(r.hours_to_resolve_sum) / nullif(sum(r.resolved), 0))::numeric, 1) AS rata_jam_selesai,
       sum(r.breached_verify)::int AS langgar_sla_verifikasi,
       sum(r.breached_plan)::int AS langgar_sla_rencana,
       round(100.0 * (1 - sum(r.breached_verify)::numeric / nullif(sum(r.submitted), 0)), 1) AS persen_tepat_waktu
FROM analytics.response_times_daily r
LEFT JOIN analytics.dim_opd o ON o.opd_code = r.opd_code
WHERE r.day > (now() AT TIME ZONE 'Asia/Jakarta')::date - 90
GROUP BY 1
ORDER BY diajukan DESC, opd
