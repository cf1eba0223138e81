import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { OpdEntity } from './entities/opd.entity';

export interface OpdView {
  id: number;
  code: string;
  name: string;
}

@Injectable()
export class OpdService {
  constructor(@InjectRepository(OpdEntity) private readonly repo: Repository<OpdEntity>) {}

  async list(): Promise<OpdView[]> {
    const rows = await this.repo.find({ where: { isActive: true }, order: { name: 'ASC' } });
    return rows.map((o) => ({ id: o.id, code: o.code, name: o.name }));
  }

  async findByCode(code: string): Promise<OpdView | null> {
    const o = await this.repo.findOne({ where: { code } });
    return o ? { id: o.id, code: o.code, name: o.name } : null;
  }

}
