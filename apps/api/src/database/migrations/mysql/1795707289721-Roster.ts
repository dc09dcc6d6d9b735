import { MigrationInterface, QueryRunner } from "typeorm";

export class Roster1795707289721 implements MigrationInterface {
    name = 'Roster1795707289721'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE \`participant\` (\`id\` int NOT NULL AUTO_INCREMENT, \`batchId\` int NOT NULL, \`name\` varchar(50) NOT NULL, \`gender\` enum ('MALE', 'FEMALE') NOT NULL, \`documentType\` enum ('MAINLAND_ID', 'HOME_RETURN_PERMIT', 'TAIWAN_PERMIT', 'PASSPORT') NOT NULL, \`idNumberCipher\` varchar(120) NOT NULL, \`idNumberHash\` varchar(64) NOT NULL, \`idNumberMasked\` varchar(24) NOT NULL, \`phoneCipher\` varchar(120) NOT NULL, \`phoneMasked\` varchar(16) NOT NULL, \`employer\` varchar(100) NOT NULL, \`category\` enum ('MODEL_WORKER', 'FRONTLINE_WORKER', 'OTHER') NOT NULL, \`dietaryNeeds\` varchar(200) NULL, \`room\` varchar(20) NULL, \`createdById\` int NULL, \`createdAt\` datetime NOT NULL, \`updatedAt\` datetime NOT NULL, INDEX \`idx_participant_person\` (\`idNumberHash\`), UNIQUE INDEX \`uq_participant_batch_person\` (\`batchId\`, \`idNumberHash\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`personal_data_access\` (\`id\` int NOT NULL AUTO_INCREMENT, \`at\` datetime NOT NULL, \`actorId\` int NULL, \`actorUsername\` varchar(100) NOT NULL, \`actorRole\` varchar(20) NOT NULL, \`batchId\` int NOT NULL, \`participantCount\` int NOT NULL, \`fields\` varchar(40) NOT NULL, \`channel\` enum ('GRAPHQL', 'EXPORT') NOT NULL, \`requestId\` varchar(64) NOT NULL, INDEX \`idx_pda_actor\` (\`actorId\`, \`id\`), INDEX \`idx_pda_batch\` (\`batchId\`, \`id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`ALTER TABLE \`base\` ADD \`rosterCutoffDays\` int NOT NULL DEFAULT '3'`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE \`base\` DROP COLUMN \`rosterCutoffDays\``);
        await queryRunner.query(`DROP INDEX \`idx_pda_batch\` ON \`personal_data_access\``);
        await queryRunner.query(`DROP INDEX \`idx_pda_actor\` ON \`personal_data_access\``);
        await queryRunner.query(`DROP TABLE \`personal_data_access\``);
        await queryRunner.query(`DROP INDEX \`uq_participant_batch_person\` ON \`participant\``);
        await queryRunner.query(`DROP INDEX \`idx_participant_person\` ON \`participant\``);
        await queryRunner.query(`DROP TABLE \`participant\``);
    }

}
