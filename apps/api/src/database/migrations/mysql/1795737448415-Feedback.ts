import { MigrationInterface, QueryRunner } from "typeorm";

export class Feedback1795737448415 implements MigrationInterface {
    name = 'Feedback1795737448415'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE \`stay_feedback\` (\`id\` int NOT NULL AUTO_INCREMENT, \`batchId\` int NOT NULL, \`baseId\` int NOT NULL, \`unionId\` int NOT NULL, \`overall\` int NOT NULL, \`lodging\` int NOT NULL, \`meals\` int NOT NULL, \`activities\` int NOT NULL, \`service\` int NOT NULL, \`comment\` varchar(1000) NULL, \`createdById\` int NULL, \`createdAt\` datetime NOT NULL, INDEX \`idx_feedback_base\` (\`baseId\`), UNIQUE INDEX \`uq_feedback_batch\` (\`batchId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`ALTER TABLE \`stay_feedback\` ADD CONSTRAINT \`chk_feedback_scores\` CHECK (\`overall\` BETWEEN 1 AND 5 AND \`lodging\` BETWEEN 1 AND 5 AND \`meals\` BETWEEN 1 AND 5 AND \`activities\` BETWEEN 1 AND 5 AND \`service\` BETWEEN 1 AND 5)`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX \`uq_feedback_batch\` ON \`stay_feedback\``);
        await queryRunner.query(`DROP INDEX \`idx_feedback_base\` ON \`stay_feedback\``);
        await queryRunner.query(`DROP TABLE \`stay_feedback\``);
    }

}
