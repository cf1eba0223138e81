import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A non-working day (national holiday or collective leave), editable by the admin. */
@Entity('holiday')
export class HolidayEntity {
  @PrimaryColumn({ type: 'date' })
  date!: string;

  @Column({ type: 'varchar', length: 160 })
  name!: string;

  @Column({ type: 'boolean', default: false })
  collectiveLeave!: boolean;
}
