import { MigrationInterface, QueryRunner } from "typeorm";

export class TripSignUps1796520428089 implements MigrationInterface {
    name = 'TripSignUps1796520428089'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE \`sign_up_round\` ADD \`packageId\` int NULL`);
        await queryRunner.query(`ALTER TABLE \`sign_up_round\` ADD \`baseId\` int NULL`);
        await queryRunner.query(`ALTER TABLE \`sign_up_round\` ADD \`startDate\` date NULL`);
        await queryRunner.query(`ALTER TABLE \`sign_up_round\` ADD \`endDate\` date NULL`);
        await queryRunner.query(`ALTER TABLE \`sign_up_round\` ADD \`notBookedCode\` varchar(40) NULL`);
        await queryRunner.query(`ALTER TABLE \`sign_up_round\` ADD \`notBookedReason\` varchar(500) NULL`);
        await queryRunner.query(`DROP INDEX \`idx_sign_up_round_due\` ON \`sign_up_round\``);
        await queryRunner.query(`ALTER TABLE \`sign_up_round\` CHANGE \`batchId\` \`batchId\` int NULL`);
        await queryRunner.query(`ALTER TABLE \`sign_up_round\` CHANGE \`status\` \`status\` enum ('OPEN', 'CLOSED', 'NOT_BOOKED') NOT NULL`);
        await queryRunner.query(`DROP INDEX \`idx_sign_up_batch\` ON \`sign_up\``);
        await queryRunner.query(`ALTER TABLE \`sign_up\` CHANGE \`batchId\` \`batchId\` int NULL`);
        await queryRunner.query(`CREATE INDEX \`idx_sign_up_round_due\` ON \`sign_up_round\` (\`status\`, \`deadline\`)`);
        await queryRunner.query(`CREATE INDEX \`idx_sign_up_batch\` ON \`sign_up\` (\`batchId\`, \`status\`)`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX \`idx_sign_up_batch\` ON \`sign_up\``);
        await queryRunner.query(`DROP INDEX \`idx_sign_up_round_due\` ON \`sign_up_round\``);
        await queryRunner.query(`ALTER TABLE \`sign_up\` CHANGE \`batchId\` \`batchId\` int NOT NULL`);
        await queryRunner.query(`CREATE INDEX \`idx_sign_up_batch\` ON \`sign_up\` (\`batchId\`, \`status\`)`);
        await queryRunner.query(`ALTER TABLE \`sign_up_round\` CHANGE \`status\` \`status\` enum ('OPEN', 'CLOSED') NOT NULL`);
        await queryRunner.query(`ALTER TABLE \`sign_up_round\` CHANGE \`batchId\` \`batchId\` int NOT NULL`);
        await queryRunner.query(`CREATE INDEX \`idx_sign_up_round_due\` ON \`sign_up_round\` (\`status\`, \`deadline\`)`);
        await queryRunner.query(`ALTER TABLE \`sign_up_round\` DROP COLUMN \`notBookedReason\``);
        await queryRunner.query(`ALTER TABLE \`sign_up_round\` DROP COLUMN \`notBookedCode\``);
        await queryRunner.query(`ALTER TABLE \`sign_up_round\` DROP COLUMN \`endDate\``);
        await queryRunner.query(`ALTER TABLE \`sign_up_round\` DROP COLUMN \`startDate\``);
        await queryRunner.query(`ALTER TABLE \`sign_up_round\` DROP COLUMN \`baseId\``);
        await queryRunner.query(`ALTER TABLE \`sign_up_round\` DROP COLUMN \`packageId\``);
    }

}
