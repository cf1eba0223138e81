-- name: Topik dan sentimen aspirasi (12 minggu)
-- display: bar
-- description: Aspirasi 12 minggu terakhir per topik (hasil mesin insight, atau kategori bila belum dianalisis) dan sentimen; juga yang perlu ditinjau dan yang terdeteksi duplikat.
-- columns: topik, sentimen, aspirasi, perlu_tinjauan, duplikat
-- x: topik, sentimen
-- y: aspirasi
SELECT coalesce(c.category_label, i.topic_code) AS topik,
       i.sentiment AS sentimen,
       sum(i.aspirations)::int AS aspirasi,
       sum(i.needs_review)::int AS perlu_tinjauan,
       sum(i.duplicates)::int AS duplikat
FROM analytics.insight_weekly i
LEFT JOIN analytics.dim_category c ON c.category_code = i.topic_code
WHERE i.week_start >= date_trunc('week', now() AT TIME ZONE 'Asia/Jakarta')::date - 77
GROUP BY 1, 2
ORDER BY sum(sum(i.aspirations)) OVER (PARTITION BY coalesce(c.category_label, i.topic_code)) DESC, 1, 2
