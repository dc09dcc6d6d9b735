import { MigrationInterface, QueryRunner } from "typeorm";

export class SignUps1796474858058 implements MigrationInterface {
    name = 'SignUps1796474858058'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE \`sign_up_round\` (\`id\` int NOT NULL AUTO_INCREMENT, \`batchId\` int NOT NULL, \`unionId\` int NOT NULL, \`rule\` enum ('FIRST_COME', 'NEVER_WENT_FIRST', 'LOTTERY') NOT NULL, \`status\` enum ('OPEN', 'CLOSED') NOT NULL, \`deadline\` datetime NOT NULL, \`places\` int NOT NULL, \`seed\` varchar(100) NULL, \`openedBy\` varchar(50) NOT NULL, \`openedById\` int NULL, \`openedAt\` datetime NOT NULL, \`closedAt\` datetime NULL, \`closedBy\` varchar(50) NULL, INDEX \`idx_sign_up_round_due\` (\`status\`, \`deadline\`), UNIQUE INDEX \`uq_sign_up_round_batch\` (\`batchId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`sign_up\` (\`id\` int NOT NULL AUTO_INCREMENT, \`roundId\` int NOT NULL, \`batchId\` int NOT NULL, \`seq\` int NOT NULL, \`status\` enum ('SIGNED_UP', 'SELECTED', 'RESERVE', 'INELIGIBLE', 'WITHDRAWN') NOT NULL, \`name\` varchar(50) NOT NULL, \`gender\` enum ('MALE', 'FEMALE') NOT NULL, \`documentType\` enum ('MAINLAND_ID', 'HOME_RETURN_PERMIT', 'TAIWAN_PERMIT', 'PASSPORT') NOT NULL, \`idNumberCipher\` varchar(120) NOT NULL, \`idNumberHash\` varchar(64) NOT NULL, \`idNumberMasked\` varchar(24) NOT NULL, \`phoneCipher\` varchar(120) NOT NULL, \`phoneMasked\` varchar(16) NOT NULL, \`employer\` varchar(100) NOT NULL, \`category\` enum ('MODEL_WORKER', 'FRONTLINE_WORKER', 'OTHER') NOT NULL, \`dietaryNeeds\` varchar(200) NULL, \`lastStayDate\` date NULL, \`reservePosition\` int NULL, \`participantId\` int NULL, \`createdBy\` varchar(50) NOT NULL, \`createdById\` int NULL, \`createdAt\` datetime NOT NULL, \`updatedAt\` datetime NOT NULL, INDEX \`idx_sign_up_batch\` (\`batchId\`, \`status\`), UNIQUE INDEX \`uq_sign_up_seq\` (\`roundId\`, \`seq\`), UNIQUE INDEX \`uq_sign_up_person\` (\`roundId\`, \`idNumberHash\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`sign_up_event\` (\`actor\` varchar(50) NOT NULL, \`actorId\` int NULL, \`reason\` varchar(500) NULL, \`at\` datetime NOT NULL, \`id\` int NOT NULL AUTO_INCREMENT, \`signUpId\` int NOT NULL, \`from\` enum ('SIGNED_UP', 'SELECTED', 'RESERVE', 'INELIGIBLE', 'WITHDRAWN') NULL, \`to\` enum ('SIGNED_UP', 'SELECTED', 'RESERVE', 'INELIGIBLE', 'WITHDRAWN') NOT NULL, INDEX \`idx_sign_up_event\` (\`signUpId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX \`idx_sign_up_event\` ON \`sign_up_event\``);
        await queryRunner.query(`DROP TABLE \`sign_up_event\``);
        await queryRunner.query(`DROP INDEX \`uq_sign_up_person\` ON \`sign_up\``);
        await queryRunner.query(`DROP INDEX \`uq_sign_up_seq\` ON \`sign_up\``);
        await queryRunner.query(`DROP INDEX \`idx_sign_up_batch\` ON \`sign_up\``);
        await queryRunner.query(`DROP TABLE \`sign_up\``);
        await queryRunner.query(`DROP INDEX \`uq_sign_up_round_batch\` ON \`sign_up_round\``);
        await queryRunner.query(`DROP INDEX \`idx_sign_up_round_due\` ON \`sign_up_round\``);
        await queryRunner.query(`DROP TABLE \`sign_up_round\``);
    }

}
