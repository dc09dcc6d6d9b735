import { MigrationInterface, QueryRunner } from "typeorm";

export class StayRequestDeclines1796472632811 implements MigrationInterface {
    name = 'StayRequestDeclines1796472632811'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE \`stay_request_base\` ADD \`declinedAt\` datetime NULL`);
        await queryRunner.query(`ALTER TABLE \`stay_request_base\` ADD \`declineReason\` varchar(500) NULL`);
        await queryRunner.query(`ALTER TABLE \`stay_request_base\` ADD \`declinedBy\` varchar(50) NULL`);
        await queryRunner.query(`ALTER TABLE \`stay_request_base\` ADD \`declinedById\` int NULL`);
        await queryRunner.query(`DROP INDEX \`idx_stay_request_status_expires\` ON \`stay_request\``);
        await queryRunner.query(`DROP INDEX \`idx_stay_request_region\` ON \`stay_request\``);
        await queryRunner.query(`DROP INDEX \`idx_stay_request_union\` ON \`stay_request\``);
        await queryRunner.query(`ALTER TABLE \`stay_request\` CHANGE \`status\` \`status\` enum ('OPEN', 'ACCEPTED', 'WITHDRAWN', 'EXPIRED', 'DECLINED') NOT NULL`);
        await queryRunner.query(`ALTER TABLE \`stay_request_event\` CHANGE \`from\` \`from\` enum ('OPEN', 'ACCEPTED', 'WITHDRAWN', 'EXPIRED', 'DECLINED') NULL`);
        await queryRunner.query(`ALTER TABLE \`stay_request_event\` CHANGE \`to\` \`to\` enum ('OPEN', 'ACCEPTED', 'WITHDRAWN', 'EXPIRED', 'DECLINED') NOT NULL`);
        await queryRunner.query(`CREATE INDEX \`idx_stay_request_status_expires\` ON \`stay_request\` (\`status\`, \`expiresAt\`)`);
        await queryRunner.query(`CREATE INDEX \`idx_stay_request_region\` ON \`stay_request\` (\`unionRegionId\`, \`status\`)`);
        await queryRunner.query(`CREATE INDEX \`idx_stay_request_union\` ON \`stay_request\` (\`unionId\`, \`status\`)`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX \`idx_stay_request_union\` ON \`stay_request\``);
        await queryRunner.query(`DROP INDEX \`idx_stay_request_region\` ON \`stay_request\``);
        await queryRunner.query(`DROP INDEX \`idx_stay_request_status_expires\` ON \`stay_request\``);
        await queryRunner.query(`ALTER TABLE \`stay_request_event\` CHANGE \`to\` \`to\` enum ('OPEN', 'ACCEPTED', 'WITHDRAWN', 'EXPIRED') NOT NULL`);
        await queryRunner.query(`ALTER TABLE \`stay_request_event\` CHANGE \`from\` \`from\` enum ('OPEN', 'ACCEPTED', 'WITHDRAWN', 'EXPIRED') NULL`);
        await queryRunner.query(`ALTER TABLE \`stay_request\` CHANGE \`status\` \`status\` enum ('OPEN', 'ACCEPTED', 'WITHDRAWN', 'EXPIRED') NOT NULL`);
        await queryRunner.query(`CREATE INDEX \`idx_stay_request_union\` ON \`stay_request\` (\`unionId\`, \`status\`)`);
        await queryRunner.query(`CREATE INDEX \`idx_stay_request_region\` ON \`stay_request\` (\`unionRegionId\`, \`status\`)`);
        await queryRunner.query(`CREATE INDEX \`idx_stay_request_status_expires\` ON \`stay_request\` (\`status\`, \`expiresAt\`)`);
        await queryRunner.query(`ALTER TABLE \`stay_request_base\` DROP COLUMN \`declinedById\``);
        await queryRunner.query(`ALTER TABLE \`stay_request_base\` DROP COLUMN \`declinedBy\``);
        await queryRunner.query(`ALTER TABLE \`stay_request_base\` DROP COLUMN \`declineReason\``);
        await queryRunner.query(`ALTER TABLE \`stay_request_base\` DROP COLUMN \`declinedAt\``);
    }

}
