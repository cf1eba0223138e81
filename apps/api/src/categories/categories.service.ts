import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { CategoryEntity } from './entities/category.entity';

export interface CategoryView {
  code: string;
  labelId: string;
  labelEn: string;
  defaultOpd: { id: number; code: string; name: string };
}

@Injectable()
export class CategoriesService {
  private cache?: Promise<CategoryView[]>;

  constructor(@InjectRepository(CategoryEntity) private readonly repo: Repository<CategoryEntity>) {}

  list(): Promise<CategoryView[]> {
    this.cache ??= this.repo
      .find({ relations: { defaultOpd: true }, order: { sortOrder: 'ASC' } })
      .then((rows) =>
        rows.map((c) => ({
          code: c.code,
          labelId: c.labelId,
          labelEn: c.labelEn,
          defaultOpd: { id: c.defaultOpd!.id, code: c.defaultOpd!.code, name: c.defaultOpd!.name },
        })),
      )
      .catch((e) => {
        this.cache = undefined;
        throw e;
      });
    return this.cache;
  }

  async find(code: string): Promise<CategoryView | undefined> {
    return (await this.list()).find((c) => c.code === code);
  }
}
