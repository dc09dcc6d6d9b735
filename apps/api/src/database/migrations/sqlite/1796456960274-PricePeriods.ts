import { MigrationInterface, QueryRunner } from "typeorm";

export class PricePeriods1796456960274 implements MigrationInterface {
    name = 'PricePeriods1796456960274'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "package_price_period" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "packageId" integer NOT NULL, "season" varchar CHECK( "season" IN ('PEAK','SHOULDER','OFF_PEAK') ) NOT NULL, "firstNight" date NOT NULL, "lastNight" date NOT NULL, "pricePerNight" bigint NOT NULL)`);
        await queryRunner.query(`CREATE INDEX "idx_price_period_package" ON "package_price_period" ("packageId", "firstNight") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "idx_price_period_package"`);
        await queryRunner.query(`DROP TABLE "package_price_period"`);
    }

}
