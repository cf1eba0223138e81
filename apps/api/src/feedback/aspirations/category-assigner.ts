import { Injectable } from '@nestjs/common';
import type { CategoryCode } from '@ogh/domain';

export interface CategoryGuess {
  code: CategoryCode;
  confidence: number;
}

export type CategoryClassifier = (text: string) => CategoryGuess | null | Promise<CategoryGuess | null>;

/**
 * Assigns a category when the citizen chose none. The insight engine plugs
 * its trained classifier in with `useClassifier`; until a model is loaded
 * (or when it cannot decide) this keyword fallback answers.
 */
@Injectable()
export class CategoryAssigner {
  private classifier?: CategoryClassifier;

  useClassifier(classifier: CategoryClassifier): void {
    this.classifier = classifier;
  }

  private static readonly KEYWORDS: [CategoryCode, RegExp][] = [
    ['penerangan_jalan', /\b(pju|lampu jalan|lampu penerangan|penerangan jalan|gelap)\b/],
    ['drainase_banjir', /\b(banjir|genangan|selokan|got|drainase|saluran air|pdam|air bersih|gorong)/],
    ['kebersihan_lingkungan', /\b(sampah|tps|bau|limbah|polusi|kotor|kebersihan|pohon)/],
    ['infrastruktur_jalan', /\b(jalan (rusak|berlubang)|aspal|berlubang|jembatan|trotoar|paving)/],
    ['transportasi_parkir', /\b(macet|parkir|jukir|lalu lintas|angkot|bus|rambu|traffic|bangjo)/],
    ['kesehatan', /\b(puskesmas|rumah sakit|rsud|bpjs|dokter|obat|posyandu|stunting|dbd|fogging)/],
    ['pendidikan', /\b(sekolah|guru|ppdb|zonasi|siswa|beasiswa|paud|murid)/],
    ['administrasi_kependudukan', /\b(ktp|kartu keluarga|\bkk\b|akta|dukcapil|domisili|kependudukan)/],
    ['sosial_bansos', /\b(bansos|pkh|bpnt|blt|bantuan sosial|lansia|disabilitas|dtks)/],
    ['ketertiban_keamanan', /\b(pkl|pengamen|balap liar|maling|pencurian|miras|tawuran|satpol|preman)/],
    ['umkm_ekonomi', /\b(umkm|pasar|pedagang|koperasi|usaha|modal|harga)/],
    ['ketenagakerjaan', /\b(lowongan|loker|kerja|phk|pengangguran|blk|upah)/],
    ['layanan_digital', /\b(aplikasi|website|situs|wifi|internet|online|sistem|informasi publik)/],
  ];

  async assign(text: string): Promise<CategoryGuess> {
    const guess = await this.classifier?.(text);
    if (guess) return guess;
    const t = text.toLowerCase();
    for (const [code, re] of CategoryAssigner.KEYWORDS) if (re.test(t)) return { code, confidence: 0.5 };
    return { code: 'lainnya', confidence: 0.2 };
  }
}
