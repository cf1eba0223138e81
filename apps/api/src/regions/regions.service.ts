import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { notFound } from '../common/errors/domain.exception';
import { KecamatanEntity } from './entities/kecamatan.entity';
import { KelurahanEntity } from './entities/kelurahan.entity';
import { KotaEntity } from './entities/kota.entity';

export interface KelurahanView {
  code: string;
  bpsCode: string | null;
  name: string;
  kecamatanCode: string;
  population: number | null;
}

export interface KecamatanView {
  code: string;
  bpsCode: string | null;
  name: string;
  population: number | null;
  kelurahan: KelurahanView[];
}

export interface KotaView {
  code: string;
  name: string;
  population: number | null;
  areaKm2: number | null;
  kecamatan: KecamatanView[];
}

const kelurahanView = (k: KelurahanEntity): KelurahanView => ({
  code: k.code,
  bpsCode: k.bpsCode,
  name: k.name,
  kecamatanCode: k.kecamatanCode,
  population: k.population,
});

/** Region reference data (wilayah). Read-mostly: cached in memory after the first read. */
@Injectable()
export class RegionsService {
  private cache?: Promise<KotaView[]>;
  private byCode?: Promise<Map<string, KelurahanView>>;

  constructor(
    @InjectRepository(KotaEntity) private readonly kota: Repository<KotaEntity>,
    @InjectRepository(KecamatanEntity) private readonly kecamatan: Repository<KecamatanEntity>,
    @InjectRepository(KelurahanEntity) private readonly kelurahan: Repository<KelurahanEntity>,
  ) {}

  tree(): Promise<KotaView[]> {
    this.cache ??= this.loadTree().catch((e) => {
      this.cache = undefined;
      throw e;
    });
    return this.cache;
  }

  /** Forget the cached tree after reference data or population changes. */
  invalidate(): void {
    this.cache = undefined;
    this.byCode = undefined;
  }

  async listKelurahan(kecamatanCode?: string): Promise<KelurahanView[]> {
    const all = (await this.tree()).flatMap((k) => k.kecamatan.flatMap((kc) => kc.kelurahan));
    return kecamatanCode ? all.filter((k) => k.kecamatanCode === kecamatanCode) : all;
  }

  async getKelurahan(code: string): Promise<KelurahanView> {
    const found = (await this.listKelurahan()).find((k) => k.code === code);
    if (!found) throw notFound(`Kelurahan ${code}`);
    return found;
  }

  /** Undefined when the code is not a kelurahan of this edition. */
  async findKelurahan(code: string): Promise<KelurahanView | undefined> {
    this.byCode ??= this.listKelurahan()
      .then((all) => new Map(all.map((k) => [k.code, k])))
      .catch((e) => {
        this.byCode = undefined;
        throw e;
      });
    return (await this.byCode).get(code);
  }

  private async loadTree(): Promise<KotaView[]> {
    const [kotas, kecs, kels] = await Promise.all([
      this.kota.find({ order: { code: 'ASC' } }),
      this.kecamatan.find({ order: { code: 'ASC' } }),
      this.kelurahan.find({ order: { code: 'ASC' } }),
    ]);
    return kotas.map((kota) => ({
      code: kota.code,
      name: kota.name,
      population: kota.population,
      areaKm2: kota.areaKm2 == null ? null : Number(kota.areaKm2),
      kecamatan: kecs
        .filter((kc) => kc.kotaCode === kota.code)
        .map((kc) => ({
          code: kc.code,
          bpsCode: kc.bpsCode,
          name: kc.name,
          population: kc.population,
          kelurahan: kels.filter((kl) => kl.kecamatanCode === kc.code).map(kelurahanView),
        })),
    }));
  }
}
