import { Injectable } from '@nestjs/common';
import { hash, verify } from '@node-rs/argon2';

/** Argon2id password hashing (OWASP-recommended parameters). */
@Injectable()
export class PasswordService {
  private readonly options = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };
  /** Verified against when the e-mail is unknown, so both paths take the same time. */
  private dummyHash?: Promise<string>;

  hash(password: string): Promise<string> {
    return hash(password, this.options);
  }

  async verify(passwordHash: string | null, password: string): Promise<boolean> {
    const target = passwordHash ?? (await (this.dummyHash ??= this.hash('not-a-real-password-ogh')));
    try {
      return (await verify(target, password)) && passwordHash !== null;
    } catch {
      return false;
    }
  }
}
