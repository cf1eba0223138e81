-- name: Kesehatan kolektor data
-- display: table
-- description: Tiap sumber data (BPS, Open Data Jatim, CKAN, SIPD, HTTP): status sinkronisasi terakhir, kapan terakhir berhasil, dan jumlah jalan serta gagal 30 hari terakhir.
-- columns: sumber, jenis, aktif, jadwal, status_terakhir, selesai_terakhir, berhasil_terakhir, jalan_30_hari, gagal_30_hari, galat_terakhir
SELECT h.source_name AS sumber,
       h.source_kind AS jenis,
       h.enabled AS aktif,
       h.cron AS jadwal,
       coalesce(h.last_status, 'belum pernah') AS status_terakhir,
       h.last_finished_at AS selesai_terakhir,
       h.last_success_at AS berhasil_terakhir,
       h.runs_30d AS jalan_30_hari,
       h.failed_30d AS gagal_30_hari,
       left(h.last_error, 200) AS galat_terakhir
FROM analytics.collector_source_health h
ORDER BY h.failed_30d DESC, h.source_name
