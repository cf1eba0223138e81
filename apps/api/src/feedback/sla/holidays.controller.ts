import { Body, Controller, Delete, Get, HttpCode, Param, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Public, Roles } from '../../common/auth/access.decorator';
import type { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser } from '../../common/auth/current-user.decorator';
import { fieldError } from '../../common/errors/domain.exception';
import { HolidayYearQueryDto, UpsertHolidayDto } from './dto/holiday.dto';
import { HolidaysService, HolidayView } from './holidays.service';

@ApiTags('holidays')
@Controller('holidays')
export class HolidaysController {
  constructor(private readonly holidays: HolidaysService) {}

  @Public()
  @Get()
  list(@Query() q: HolidayYearQueryDto): Promise<HolidayView[]> {
    return this.holidays.list(q.year);
  }

  /** Adds or renames the holiday on a date; the SLA clock uses it from the next computation. */
  @Roles('admin')
  @Put()
  upsert(@Body() dto: UpsertHolidayDto, @CurrentUser() actor: AuthUser): Promise<HolidayView> {
    return this.holidays.upsert({ date: dto.date, name: dto.name, collectiveLeave: dto.collectiveLeave ?? false }, actor);
  }

  @Roles('admin')
  @Delete(':date')
  @HttpCode(204)
  async remove(@Param('date') date: string, @CurrentUser() actor: AuthUser): Promise<void> {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw fieldError('date', 'must be a date like 2027-03-10');
    await this.holidays.remove(date, actor);
  }
}
