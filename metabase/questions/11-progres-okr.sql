-- name: Progres OKR 90 hari (siklus terbaru)
-- display: table
-- description: Hasil utama (key result) siklus OKR terbaru: baseline, target, nilai saat ini, progres dan status beserta alasannya.
-- columns: sasaran, hasil_utama, opd_pemilik, satuan, baseline, target, nilai_kini, progres, status, alasan_status, dihitung_pada
SELECT o.objective_title AS sasaran,
       o.key_result_title AS hasil_utama,
       coalesce(d.opd_name, o.owner_opd_code, '-') AS opd_pemilik,
       o.unit AS satuan,
       o.baseline,
       o.target,
       o.current_value AS nilai_kini,
       o.progress AS progres,
       o.status,
       o.status_reason AS alasan_status,
       o.computed_at AS dihitung_pada
FROM analytics.okr_progress o
LEFT JOIN analytics.dim_opd d ON d.opd_code = o.owner_opd_code
WHERE o.cycle_code = (SELECT c.cycle_code FROM analytics.okr_progress c ORDER BY c.start_date DESC LIMIT 1)
ORDER BY o.objective_code, o.key_result_code
