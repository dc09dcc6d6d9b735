import { MigrationInterface, QueryRunner } from "typeorm";

export class CapacityChanges1796496410521 implements MigrationInterface {
    name = 'CapacityChanges1796496410521'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "capacity_change" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "baseId" integer NOT NULL, "kind" varchar CHECK( "kind" IN ('CAPACITY','CLOSED','REOPENED') ) NOT NULL, "fromNight" date NOT NULL, "toNight" date NOT NULL, "totalBeds" integer, "actor" varchar(50) NOT NULL, "actorId" integer, "at" datetime NOT NULL)`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TABLE "capacity_change"`);
    }

}
