import { MigrationInterface, QueryRunner } from "typeorm";

export class WaitingList1796472418443 implements MigrationInterface {
    name = 'WaitingList1796472418443'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "waiting_list_entry" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "status" varchar CHECK( "status" IN ('WAITING','OFFERED','ACCEPTED','DECLINED','LAPSED','LEFT','EXPIRED') ) NOT NULL, "unionId" integer NOT NULL, "unionRegionId" integer NOT NULL, "baseId" integer NOT NULL, "baseRegionId" integer NOT NULL, "packageId" integer NOT NULL, "startDate" date NOT NULL, "nights" integer NOT NULL, "headcount" integer NOT NULL, "answerBy" date NOT NULL, "expiresAt" datetime NOT NULL, "offeredAt" datetime, "offerExpiresAt" datetime, "batchId" integer, "agreementId" integer, "notes" varchar(1000), "idempotencyKeyHash" varchar(64), "requestHash" varchar(64) NOT NULL, "createdBy" varchar(50) NOT NULL, "createdById" integer, "createdAt" datetime NOT NULL, "updatedAt" datetime NOT NULL)`);
        await queryRunner.query(`CREATE INDEX "idx_waiting_list_union" ON "waiting_list_entry" ("unionId", "status") `);
        await queryRunner.query(`CREATE INDEX "idx_waiting_list_expiry" ON "waiting_list_entry" ("status", "expiresAt") `);
        await queryRunner.query(`CREATE INDEX "idx_waiting_list_offer" ON "waiting_list_entry" ("status", "offerExpiresAt") `);
        await queryRunner.query(`CREATE INDEX "idx_waiting_list_queue" ON "waiting_list_entry" ("status", "baseId", "id") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_waiting_list_idempotency" ON "waiting_list_entry" ("unionId", "idempotencyKeyHash") `);
        await queryRunner.query(`CREATE TABLE "waiting_list_event" ("actor" varchar(50) NOT NULL, "actorId" integer, "reason" varchar(500), "at" datetime NOT NULL, "id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "entryId" integer NOT NULL, "from" varchar CHECK( "from" IN ('WAITING','OFFERED','ACCEPTED','DECLINED','LAPSED','LEFT','EXPIRED') ), "to" varchar CHECK( "to" IN ('WAITING','OFFERED','ACCEPTED','DECLINED','LAPSED','LEFT','EXPIRED') ) NOT NULL)`);
        await queryRunner.query(`CREATE INDEX "idx_waiting_list_event" ON "waiting_list_event" ("entryId") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "idx_waiting_list_event"`);
        await queryRunner.query(`DROP TABLE "waiting_list_event"`);
        await queryRunner.query(`DROP INDEX "uq_waiting_list_idempotency"`);
        await queryRunner.query(`DROP INDEX "idx_waiting_list_queue"`);
        await queryRunner.query(`DROP INDEX "idx_waiting_list_offer"`);
        await queryRunner.query(`DROP INDEX "idx_waiting_list_expiry"`);
        await queryRunner.query(`DROP INDEX "idx_waiting_list_union"`);
        await queryRunner.query(`DROP TABLE "waiting_list_entry"`);
    }

}
