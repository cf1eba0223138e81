import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indonesian national holidays and collective leave (cuti bersama) 2025–2027,
 * from the joint decrees (SKB 3 Menteri). 2027 dates follow the published
 * calendars of the religious holidays and must be checked against the 2027
 * SKB; the admin edits the table through /api/holidays. Seeded once, here,
 * so later edits by the admin are never overwritten at boot.
 */
const HOLIDAYS: [string, string, boolean][] = [
  ['2025-01-01', 'Tahun Baru 2025 Masehi', false],
  ['2025-01-27', 'Isra Mikraj Nabi Muhammad SAW', false],
  ['2025-01-28', 'Cuti bersama Tahun Baru Imlek', true],
  ['2025-01-29', 'Tahun Baru Imlek 2576 Kongzili', false],
  ['2025-03-28', 'Cuti bersama Hari Suci Nyepi', true],
  ['2025-03-29', 'Hari Suci Nyepi Tahun Baru Saka 1947', false],
  ['2025-03-31', 'Idul Fitri 1446 Hijriah', false],
  ['2025-04-01', 'Idul Fitri 1446 Hijriah', false],
  ['2025-04-02', 'Cuti bersama Idul Fitri', true],
  ['2025-04-03', 'Cuti bersama Idul Fitri', true],
  ['2025-04-04', 'Cuti bersama Idul Fitri', true],
  ['2025-04-07', 'Cuti bersama Idul Fitri', true],
  ['2025-04-18', 'Wafat Yesus Kristus', false],
  ['2025-04-20', 'Kebangkitan Yesus Kristus (Paskah)', false],
  ['2025-05-01', 'Hari Buruh Internasional', false],
  ['2025-05-12', 'Hari Raya Waisak 2569 BE', false],
  ['2025-05-13', 'Cuti bersama Hari Raya Waisak', true],
  ['2025-05-29', 'Kenaikan Yesus Kristus', false],
  ['2025-05-30', 'Cuti bersama Kenaikan Yesus Kristus', true],
  ['2025-06-01', 'Hari Lahir Pancasila', false],
  ['2025-06-06', 'Idul Adha 1446 Hijriah', false],
  ['2025-06-09', 'Cuti bersama Idul Adha', true],
  ['2025-06-27', 'Tahun Baru Islam 1447 Hijriah', false],
  ['2025-08-17', 'Hari Kemerdekaan Republik Indonesia', false],
  ['2025-08-18', 'Cuti bersama Hari Kemerdekaan', true],
  ['2025-09-05', 'Maulid Nabi Muhammad SAW', false],
  ['2025-12-25', 'Hari Raya Natal', false],
  ['2025-12-26', 'Cuti bersama Hari Raya Natal', true],
  ['2026-01-01', 'Tahun Baru 2026 Masehi', false],
  ['2026-01-16', 'Isra Mikraj Nabi Muhammad SAW', false],
  ['2026-02-16', 'Cuti bersama Tahun Baru Imlek', true],
  ['2026-02-17', 'Tahun Baru Imlek 2577 Kongzili', false],
  ['2026-03-18', 'Cuti bersama Hari Suci Nyepi', true],
  ['2026-03-19', 'Hari Suci Nyepi Tahun Baru Saka 1948', false],
  ['2026-03-20', 'Cuti bersama Idul Fitri', true],
  ['2026-03-21', 'Idul Fitri 1447 Hijriah', false],
  ['2026-03-22', 'Idul Fitri 1447 Hijriah', false],
  ['2026-03-23', 'Cuti bersama Idul Fitri', true],
  ['2026-03-24', 'Cuti bersama Idul Fitri', true],
  ['2026-04-03', 'Wafat Yesus Kristus', false],
  ['2026-04-05', 'Kebangkitan Yesus Kristus (Paskah)', false],
  ['2026-05-01', 'Hari Buruh Internasional', false],
  ['2026-05-14', 'Kenaikan Yesus Kristus', false],
  ['2026-05-15', 'Cuti bersama Kenaikan Yesus Kristus', true],
  ['2026-05-27', 'Idul Adha 1447 Hijriah', false],
  ['2026-05-28', 'Cuti bersama Idul Adha', true],
  ['2026-05-31', 'Hari Raya Waisak 2570 BE', false],
  ['2026-06-01', 'Hari Lahir Pancasila', false],
  ['2026-06-16', 'Tahun Baru Islam 1448 Hijriah', false],
  ['2026-08-17', 'Hari Kemerdekaan Republik Indonesia', false],
  ['2026-08-25', 'Maulid Nabi Muhammad SAW', false],
  ['2026-12-24', 'Cuti bersama Hari Raya Natal', true],
  ['2026-12-25', 'Hari Raya Natal', false],
  ['2027-01-01', 'Tahun Baru 2027 Masehi', false],
  ['2027-01-05', 'Isra Mikraj Nabi Muhammad SAW', false],
  ['2027-02-06', 'Tahun Baru Imlek 2578 Kongzili', false],
  ['2027-03-08', 'Hari Suci Nyepi Tahun Baru Saka 1949', false],
  ['2027-03-10', 'Idul Fitri 1448 Hijriah', false],
  ['2027-03-11', 'Idul Fitri 1448 Hijriah', false],
  ['2027-03-26', 'Wafat Yesus Kristus', false],
  ['2027-03-28', 'Kebangkitan Yesus Kristus (Paskah)', false],
  ['2027-05-01', 'Hari Buruh Internasional', false],
  ['2027-05-06', 'Kenaikan Yesus Kristus', false],
  ['2027-05-17', 'Idul Adha 1448 Hijriah', false],
  ['2027-05-20', 'Hari Raya Waisak 2571 BE', false],
  ['2027-06-01', 'Hari Lahir Pancasila', false],
  ['2027-06-06', 'Tahun Baru Islam 1449 Hijriah', false],
  ['2027-08-15', 'Maulid Nabi Muhammad SAW', false],
  ['2027-08-17', 'Hari Kemerdekaan Republik Indonesia', false],
  ['2027-12-25', 'Hari Raya Natal', false],
];

export class NationalHolidays1795812755228 implements MigrationInterface {
  name = 'NationalHolidays1795812755228';

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const [date, name, collective] of HOLIDAYS) {
      await queryRunner.query('INSERT INTO "holiday" ("date", "name", "collective_leave") VALUES ($1, $2, $3) ON CONFLICT ("date") DO NOTHING', [date, name, collective]);
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DELETE FROM "holiday" WHERE "date" = ANY($1::date[])', [HOLIDAYS.map(([d]) => d)]);
  }
}
