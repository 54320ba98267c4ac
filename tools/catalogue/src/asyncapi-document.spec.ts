import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { Parser } from '@asyncapi/parser';
import { contractSubject, detectionFoundSubject, streamForSubject, SUBJECTS } from '@lookout/contracts';
import { STREAM_DEFINITIONS } from '@lookout/messaging';
import { parse } from 'yaml';

import { buildAsyncApiDocument, renderAsyncApiYaml } from './asyncapi-document.js';
import { buildCatalogue } from './catalogue.js';
import { ASYNCAPI_PATH } from './catalogue-paths.js';
import { durationIso8601 } from './subject-streams.js';
import { expectCommitted } from './expect-committed.js';

const catalogue = buildCatalogue();
const generated = renderAsyncApiYaml(buildAsyncApiDocument(catalogue));
const document = parse(generated) as {
  channels: Record<string, { address: string; messages: Record<string, unknown>; parameters?: Record<string, unknown>; 'x-lookout-stream': { name: string; maxAge: string } }>;
  operations: Record<string, { action: string; channel: { $ref: string } }>;
  components: { schemas: Record<string, { properties: Record<string, unknown>; required: string[] }> };
};

/** Returns a parser that records every http(s) reference it would fetch and reads an empty document in its place. */
function offlineParser(fetched: string[]): Parser {
  const recordFetch = (schema: string) => ({
    schema,
    order: 1,
    read: (uri: { toString(): string }) => {
      fetched.push(uri.toString());
      return '{}';
    },
  });
  return new Parser({ __unstable: { resolver: { resolvers: [recordFetch('http'), recordFetch('https')] } } });
}

describe('AsyncAPI document', () => {
  it('matches the committed docs/asyncapi.yaml', () => {
    expectCommitted(ASYNCAPI_PATH, generated);
  });

  it('validates with the AsyncAPI parser offline', async () => {
    const fetched: string[] = [];
    const diagnostics = await offlineParser(fetched).validate(generated);

    // Severity 0 is an error and 1 a warning; an information about newer AsyncAPI versions may remain.
    const problems = diagnostics.filter((diagnostic) => diagnostic.severity <= 1).map((diagnostic) => `${diagnostic.path.join('.')}: ${diagnostic.message}`);
    expect(problems).toEqual([]);
    expect(fetched).toEqual([]);
  });

  it('reports an invalid document', async () => {
    const broken = generated.replace('    action: send\n', '    action: publish\n');
    const diagnostics = await offlineParser([]).validate(broken);

    expect(diagnostics.some((diagnostic) => diagnostic.severity === 0)).toBe(true);
  });

  it('parses into a document with every channel', async () => {
    const { document: parsed } = await offlineParser([]).parse(generated);

    expect(parsed).toBeDefined();
    expect(parsed?.channels().all().map((channel) => channel.address()).sort()).toEqual(
      Object.values(document.channels)
        .map((channel) => channel.address)
        .sort(),
    );
  });

  it('has a channel for every subject', () => {
    const addresses = Object.values(document.channels).map((channel) => channel.address);

    for (const subject of Object.values(SUBJECTS)) {
      expect(addresses.filter((address) => address === subject || address.startsWith(`${subject}.{`))).toHaveLength(1);
    }
  });

  it('parameterises the per-label channel', () => {
    const channel = document.channels.detectionFoundV1;

    expect(channel?.address).toBe('detections.found.v1.{label}');
    expect(channel?.parameters).toEqual({ label: { $ref: '#/components/parameters/label' } });
    expect(contractSubject(channel?.address.replace('{label}', 'traffic_light') ?? '')).toBe(SUBJECTS.detectionFound);
    expect(channel?.address.replace('{label}', 'traffic_light')).toBe(detectionFoundSubject('traffic light'));
  });

  it('names the stream and retention of each channel', () => {
    for (const entry of catalogue.subjects) {
      const extension = document.channels[entry.id]?.['x-lookout-stream'];
      const stream = STREAM_DEFINITIONS.find((definition) => definition.name === streamForSubject(entry.subject));

      expect(extension?.name).toBe(streamForSubject(entry.subject));
      expect(extension?.maxAge).toBe(durationIso8601(stream?.maxAgeMs ?? 0));
    }
  });

  it('has producers and consumers for every subject', () => {
    for (const entry of catalogue.subjects) {
      const actions = Object.values(document.operations)
        .filter((operation) => operation.channel.$ref === `#/channels/${entry.id}`)
        .map((operation) => operation.action);

      expect(actions).toContain('send');
      expect(actions).toContain('receive');
    }
  });

  it('describes each message as a CloudEvent', () => {
    for (const entry of catalogue.subjects) {
      const envelope = document.components.schemas[`${entry.typeName}Event`];

      expect(Object.keys(envelope?.properties ?? {}).sort()).toEqual(['data', 'datacontenttype', 'id', 'source', 'specversion', 'subject', 'time', 'type']);
      expect(envelope?.required.sort()).toEqual(['data', 'datacontenttype', 'id', 'source', 'specversion', 'subject', 'time', 'type']);
      expect(envelope?.properties.data).toEqual({ $ref: `#/components/schemas/${entry.typeName}` });
    }
  });
});
