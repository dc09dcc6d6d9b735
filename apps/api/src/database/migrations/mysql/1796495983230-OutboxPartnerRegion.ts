import { MigrationInterface, QueryRunner } from "typeorm";

export class OutboxPartnerRegion1796495983230 implements MigrationInterface {
    name = 'OutboxPartnerRegion1796495983230'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE \`outbox_event\` ADD \`partnerRegionId\` int NULL`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE \`outbox_event\` DROP COLUMN \`partnerRegionId\``);
    }

}
