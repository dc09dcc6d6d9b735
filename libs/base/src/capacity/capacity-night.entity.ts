import { Check, Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Beds of one base for one night: the guarded counter behind "no overbooking". `reservedBeds` only
 * changes through CapacityService's conditional UPDATEs, and the CHECK is the database's last word.
 */
@Entity('capacity_night')
@Check('chk_capacity_beds', '"reservedBeds" >= 0 AND "reservedBeds" <= "totalBeds"')
@Check('chk_capacity_allotted', '"allottedBeds" >= 0 AND "allottedBeds" <= "reservedBeds"')
export class CapacityNight {
  @PrimaryColumn({ type: 'int' })
  baseId: number;

  @PrimaryColumn({ type: 'date' })
  night: string;

  @Column({ type: 'int', default: 0 })
  totalBeds: number;

  @Column({ type: 'int', default: 0 })
  reservedBeds: number;

  /** The part of reservedBeds held by allotments and not yet used by their batches. */
  @Column({ type: 'int', default: 0 })
  allottedBeds: number;

  @Column({ type: 'boolean', default: false })
  closed: boolean;

  @Column({ type: 'varchar', length: 200, nullable: true })
  closedReason: string | null;
}
