import { AuditLogEntity } from '../audit/audit-log.entity';
import { ApiTokenEntity } from '../auth/entities/api-token.entity';
import { RefreshTokenEntity } from '../auth/entities/refresh-token.entity';
import { UserEntity } from '../auth/entities/user.entity';
import { CategoryEntity } from '../categories/entities/category.entity';
import { OpdEntity } from '../opd/entities/opd.entity';
import { KecamatanEntity } from '../regions/entities/kecamatan.entity';
import { KelurahanEntity } from '../regions/entities/kelurahan.entity';
import { KotaEntity } from '../regions/entities/kota.entity';

/** Every entity of the API, listed explicitly so builds and tests need no globbing. */
export const ENTITIES = [
  KotaEntity,
  KecamatanEntity,
  KelurahanEntity,
  OpdEntity,
  CategoryEntity,
  UserEntity,
  RefreshTokenEntity,
  ApiTokenEntity,
  AuditLogEntity,
];
