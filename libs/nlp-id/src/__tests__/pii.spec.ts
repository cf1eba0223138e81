import { detectPii, redactPii } from '../pii';

describe('PII', () => {
  it.each([
    ['NIK saya 3577012345678901 mohon dicek', 'NIK saya [NIK] mohon dicek'],
    ['nik 3577 0123 4567 8901', 'nik [NIK]'],
    ['nik: 357701.234567.8901', 'nik: [NIK]'],
    ['hubungi 081234567890', 'hubungi [TELEPON]'],
    ['hp 0812-3456-7890 ya', 'hp [TELEPON] ya'],
    ['wa 0812 3456 789', 'wa [TELEPON]'],
    ['telp +62 812-3456-7890', 'telp [TELEPON]'],
    ['telp +6281234567890.', 'telp [TELEPON].'],
    ['nomor 6281234567890', 'nomor [TELEPON]'],
    ['0812.3456.7890', '[TELEPON]'],
    ['kantor (0351) 462123', 'kantor [TELEPON]'],
    ['email budi.santoso@gmail.com', 'email [EMAIL]'],
    ['kirim ke warga_01@madiunkota.go.id.', 'kirim ke [EMAIL].'],
  ])('redacts %s', (input, expected) => {
    expect(redactPii(input)).toBe(expected);
  });

  it('redacts numbers and addresses typed in full-width characters, keeping the rest of the text as given', () => {
    const text = 'hubungi  saya di ０８１２３４５６７８９０\natau ＮＩＫ ３５７７０１４５０６８９０００２, mail ｂｕｄｉ＠ｇｍａｉｌ．ｃｏｍ';
    expect(redactPii(text)).toBe('hubungi  saya di [TELEPON]\natau ＮＩＫ [NIK], mail [EMAIL]');
    const found = detectPii(text);
    expect(found.map((f) => f.kind)).toEqual(['phone', 'nik', 'email']);
    for (const f of found) expect(text.slice(f.start, f.end)).toBe(f.text);
  });

  it('reports kinds and spans', () => {
    const text = 'NIK 3577012345678901, HP 081234567890, mail a@b.id';
    const found = detectPii(text);
    expect(found.map((f) => f.kind)).toEqual(['nik', 'phone', 'email']);
    for (const f of found) expect(text.slice(f.start, f.end)).toBe(f.text);
  });

  it.each([
    'Bayar Rp1.500.000 tiap bulan',
    'Rp 50.000.000,00 untuk proyek',
    'tanggal 12-03-2024 jam 08.00-10.00',
    'tanggal 12/03/2024',
    'RT 003 RW 012 Kel. Taman',
    'RT 03/RW 05 no 12',
    'sudah 3 bulan, 2x lapor, 700 meter',
    'tahun 2023 dan 2024 naik 15%',
    'jam 08.30 WIB',
    'kode pos 63139',
  ])('leaves %s alone', (text) => {
    expect(detectPii(text)).toEqual([]);
    expect(redactPii(text)).toBe(text);
  });
});
