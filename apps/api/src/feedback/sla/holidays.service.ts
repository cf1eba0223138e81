import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Between, Repository } from 'typeorm';
import { AuditService } from '../../audit/audit.service';
import type { AuthUser } from '../../common/auth/auth-user';
import { notFound } from '../../common/errors/domain.exception';
import { HolidayEntity } from './entities/holiday.entity';
import { SlaCalendarService } from './sla-calendar.service';

export interface HolidayView {
  date: string;
  name: string;
  collectiveLeave: boolean;
}

@Injectable()
export class HolidaysService {
  constructor(
    @InjectRepository(HolidayEntity) private readonly repo: Repository<HolidayEntity>,
    private readonly calendar: SlaCalendarService,
    private readonly audit: AuditService,
  ) {}

  async list(year?: string): Promise<HolidayView[]> {
    const rows = await this.repo.find({ where: year ? { date: Between(`${year}-01-01`, `${year}-12-31`) } : {}, order: { date: 'ASC' } });
    return rows.map((h) => ({ date: h.date, name: h.name, collectiveLeave: h.collectiveLeave }));
  }

  async upsert(input: HolidayView, actor: AuthUser): Promise<HolidayView> {
    await this.repo.upsert({ date: input.date, name: input.name, collectiveLeave: input.collectiveLeave }, ['date']);
    this.calendar.invalidate();
    await this.audit.record({ actor, action: 'holiday.upserted', entityType: 'holiday', entityId: input.date, details: { name: input.name } });
    return input;
  }

  async remove(date: string, actor: AuthUser): Promise<void> {
    const res = await this.repo.delete({ date });
    if (!res.affected) throw notFound(`Holiday on ${date}`);
    this.calendar.invalidate();
    await this.audit.record({ actor, action: 'holiday.deleted', entityType: 'holiday', entityId: date });
  }
}
