import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Public } from '../common/auth/access.decorator';
import { OpdService, OpdView } from './opd.service';

@ApiTags('opd')
@Controller('opd')
export class OpdController {
  constructor(private readonly opd: OpdService) {}

  @Public()
  @Get()
  list(): Promise<OpdView[]> {
    return this.opd.list();
  }
}
