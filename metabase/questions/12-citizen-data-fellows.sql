-- name: Citizen Data Fellows per angkatan
-- display: table
-- description: Per angkatan Citizen Data Fellows: peserta (dan yang ASN), sesi, persentase kehadiran, nilai rata-rata dan yang sudah bersertifikat. Hanya hitungan, tanpa nama.
-- columns: angkatan, mulai, selesai, peserta, peserta_asn, sesi, persen_kehadiran, nilai_rata_rata, bersertifikat
SELECT f.cohort_name AS angkatan,
       f.starts_on AS mulai,
       f.ends_on AS selesai,
       f.participants AS peserta,
       f.asn_participants AS peserta_asn,
       f.sessions AS sesi,
       f.attendance_pct AS persen_kehadiran,
       f.average_score AS nilai_rata_rata,
       f.certified AS bersertifikat
FROM analytics.fellows_progress f
ORDER BY f.starts_on DESC, f.cohort_name
