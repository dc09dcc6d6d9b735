import { MigrationInterface, QueryRunner } from "typeorm";

export class Arrivals1795738802773 implements MigrationInterface {
    name = 'Arrivals1795738802773'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX \`idx_batch_period\` ON \`batch\``);
        await queryRunner.query(`ALTER TABLE \`cancellation_policy\` ADD \`noShowPercent\` int NOT NULL DEFAULT '0'`);
        await queryRunner.query(`ALTER TABLE \`batch\` ADD \`arrivals\` int NULL`);
        await queryRunner.query(`ALTER TABLE \`participant\` ADD \`arrived\` tinyint NULL`);
        await queryRunner.query(`ALTER TABLE \`bill_line\` CHANGE \`kind\` \`kind\` enum ('PACKAGE', 'CONSUMPTION', 'CANCELLATION_FEE', 'NO_SHOW', 'VOUCHER', 'SUBSIDY') NOT NULL`);
        await queryRunner.query(`CREATE INDEX \`idx_batch_period\` ON \`batch\` (\`startDate\`, \`status\`, \`baseId\`, \`unionId\`, \`headcount\`, \`nights\`, \`arrivals\`)`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX \`idx_batch_period\` ON \`batch\``);
        await queryRunner.query(`ALTER TABLE \`bill_line\` CHANGE \`kind\` \`kind\` enum ('PACKAGE', 'CONSUMPTION', 'CANCELLATION_FEE', 'VOUCHER', 'SUBSIDY') NOT NULL`);
        await queryRunner.query(`ALTER TABLE \`participant\` DROP COLUMN \`arrived\``);
        await queryRunner.query(`ALTER TABLE \`batch\` DROP COLUMN \`arrivals\``);
        await queryRunner.query(`ALTER TABLE \`cancellation_policy\` DROP COLUMN \`noShowPercent\``);
        await queryRunner.query(`CREATE INDEX \`idx_batch_period\` ON \`batch\` (\`startDate\`, \`status\`, \`baseId\`, \`unionId\`, \`headcount\`, \`nights\`)`);
    }

}
