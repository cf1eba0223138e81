-- name: Indikator publik terbaru per wilayah
-- display: table
-- description: Nilai terbaru tiap indikator statistik (BPS, Open Data Jawa Timur, CKAN) per wilayah, dengan periode, satuan dan sumbernya.
-- columns: indikator, wilayah, periode, nilai, satuan, sumber, diperbarui
SELECT DISTINCT ON (i.source, i.indicator, i.region_code)
       i.indicator AS indikator,
       coalesce(i.region_name, i.region_code) AS wilayah,
       i.period AS periode,
       i.value AS nilai,
       i.unit AS satuan,
       i.source AS sumber,
       i.updated_at AS diperbarui
FROM analytics.indicators i
ORDER BY i.source, i.indicator, i.region_code, i.period DESC
