#!/usr/bin/env node
// Cross-client check of churnwatch's Avro serde: Confluent's own JavaScript client
// (@confluentinc/schemaregistry, its SchemaRegistryClient, AvroDeserializer and AvroSerializer) reads records
// our Java serde wrote and writes records for our serde to read, on the same registry.
//
// Usage: node roundtrip.mjs <registryUrl> <jobFile> <resultFile>
//
// The job file is JSON; each member is optional and the steps run in this order:
//   "topic":    the topic; subjects are "<topic>-value" (TopicNameStrategy, as in our serde)
//   "decode":   base64 of a Confluent-framed record: deserialized with the writer schema of its id
//   "register": an Avro schema text, registered under the subject through the client
//   "encode":   a record as JSON (unions unwrapped, enums as symbols, timestamps as epoch millis): serialized
//               with the subject's latest schema (use.latest.version, no auto-registration)
// The result file gets {"decoded": record, "registeredId": id, "encoded": base64} for the steps that ran.
// Exit code 0 on success, 1 when a step fails (the error goes to stderr), 2 on wrong usage.
import { readFile, writeFile } from 'node:fs/promises';
import schemaRegistry from '@confluentinc/schemaregistry';

const { AvroDeserializer, AvroSerializer, SchemaRegistryClient, SerdeType, SubjectNameStrategyType } =
    schemaRegistry;

// The subject naming of our serde; the client's default would first ask the registry for associations.
const TOPIC_SUBJECTS = { subjectNameStrategyType: SubjectNameStrategyType.TOPIC };

async function run(registryUrl, job) {
    const client = new SchemaRegistryClient({ baseURLs: [registryUrl] });
    const result = {};
    if (job.decode != null) {
        const deserializer = new AvroDeserializer(client, SerdeType.VALUE, TOPIC_SUBJECTS);
        result.decoded = await deserializer.deserialize(job.topic, Buffer.from(job.decode, 'base64'));
    }
    if (job.register != null) {
        result.registeredId = await client.register(`${job.topic}-value`, { schemaType: 'AVRO', schema: job.register });
    }
    if (job.encode != null) {
        const serializer = new AvroSerializer(client, SerdeType.VALUE,
            { ...TOPIC_SUBJECTS, autoRegisterSchemas: false, useLatestVersion: true });
        result.encoded = (await serializer.serialize(job.topic, job.encode)).toString('base64');
    }
    return result;
}

const args = process.argv.slice(2);
if (args.length !== 3) {
    console.error('usage: node roundtrip.mjs <registryUrl> <jobFile> <resultFile>');
    process.exitCode = 2;
} else {
    const [registryUrl, jobFile, resultFile] = args;
    try {
        const job = JSON.parse(await readFile(jobFile, 'utf8'));
        await writeFile(resultFile, JSON.stringify(await run(registryUrl, job)));
    } catch (error) {
        console.error(`roundtrip: ${error?.stack ?? error}`);
        process.exitCode = 1;
    }
}
