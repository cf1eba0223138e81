import { Initial1795812172585 } from './1795812172585-Initial';

/** Migrations in the order they apply. New ones are appended here. */
export const MIGRATIONS: Function[] = [Initial1795812172585];
