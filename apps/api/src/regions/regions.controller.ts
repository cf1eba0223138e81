import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Public } from '../common/auth/access.decorator';
import { KelurahanQueryDto } from './dto/kelurahan-query.dto';
import { KelurahanView, KotaView, RegionsService } from './regions.service';

@ApiTags('regions')
@Controller('regions')
export class RegionsController {
  constructor(private readonly regions: RegionsService) {}

  /** The whole wilayah tree: kota → kecamatan → kelurahan. */
  @Public()
  @Get()
  tree(): Promise<KotaView[]> {
    return this.regions.tree();
  }

  @Public()
  @Get('kelurahan')
  kelurahan(@Query() query: KelurahanQueryDto): Promise<KelurahanView[]> {
    return this.regions.listKelurahan(query.kecamatan);
  }

  @Public()
  @Get('kelurahan/:code')
  oneKelurahan(@Param('code') code: string): Promise<KelurahanView> {
    return this.regions.getKelurahan(code);
  }
}
