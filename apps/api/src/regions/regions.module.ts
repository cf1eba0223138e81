import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { KecamatanEntity } from './entities/kecamatan.entity';
import { KelurahanEntity } from './entities/kelurahan.entity';
import { KotaEntity } from './entities/kota.entity';
import { RegionsController } from './regions.controller';
import { RegionsService } from './regions.service';

@Module({
  imports: [TypeOrmModule.forFeature([KotaEntity, KecamatanEntity, KelurahanEntity])],
  controllers: [RegionsController],
  providers: [RegionsService],
  exports: [RegionsService],
})
export class RegionsModule {}
