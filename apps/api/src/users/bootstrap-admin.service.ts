import { Inject, Injectable } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { UsersService } from './users.service';

export const DEFAULT_ADMIN_EMAIL = 'admin@madiunkota.go.id';

export interface BootstrapAdminResult {
  email: string;
  /** Only when generated: shown once on the console, must be changed at first sign-in. */
  oneTimePassword?: string;
}

/** Creates the first administrator when the hub has none. */
@Injectable()
export class BootstrapAdminService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly users: UsersService,
  ) {}

  async ensureAdmin(): Promise<BootstrapAdminResult | null> {
    if (await this.users.hasActiveAdmin()) return null;
    const email = this.config.bootstrapAdmin.email ?? DEFAULT_ADMIN_EMAIL;
    const { oneTimePassword } = await this.users.create(
      { email, name: 'Administrator', role: 'admin', password: this.config.bootstrapAdmin.password },
      null,
    );
    return { email, oneTimePassword };
  }
}
