import { describe, expect, it } from 'vitest';
import { ignoredRemoteInputs, parseActionInputs, parseShard } from '../../../src/action/inputs.js';

const inputs = (values: Record<string, string>) => parseActionInputs((name) => values[name] ?? '');

describe('parseActionInputs', () => {
  it('applies defaults', () => {
    const r = inputs({ graph: 'g.json' });
    expect(r.ok && r.value).toMatchObject({
      graph: { kind: 'file', path: 'g.json' },
      cache: 'github',
      keepGoing: true,
      save: true,
      download: 'minimal',
      mode: 'run',
      logReplay: 'failed',
      keyPrefix: 'disbuild-v1',
      targets: [],
    });
  });

  it('parses lists, booleans and shards', () => {
    const r = inputs({
      'graph-command': 'make graph',
      targets: 'a, b\nc',
      'keep-going': 'false',
      save: 'no',
      shard: '2/3',
    });
    expect(r.ok && r.value).toMatchObject({
      graph: { kind: 'command', command: 'make graph' },
      targets: ['a', 'b', 'c'],
      keepGoing: false,
      save: false,
      shard: { index: 2, count: 3 },
    });
  });

  it('names every bad input and quotes its value, all at once', () => {
    const r = inputs({
      graph: 'g',
      concurrency: 'lots',
      cache: 'floppy',
      shard: '5/4',
      'keep-going': 'maybe',
      download: 'some',
    });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toEqual([
      'Input "cache" must be one of github, local, none, http, turbo, got "floppy"',
      'Input "concurrency" must be a positive integer, got "lots"',
      'Input "shard" must look like i/n with 1 <= i <= n, got "5/4"',
      'Input "keep-going" must be true or false, got "maybe"',
      'Input "download" must be one of minimal, all, got "some"',
    ]);
    expect(inputs({}).ok).toBe(true);
    expect(!inputs({ graph: 'g', cache: 'http' }).ok).toBe(true);
  });

  it('takes a cache server with its team and token', () => {
    const r = inputs({
      graph: 'g',
      cache: 'turbo',
      'cache-url': 'https://c',
      'cache-team': 't',
      'cache-token': 's',
    });
    expect(r.ok && r.value.remote).toEqual({ url: 'https://c', team: 't', token: 's' });
  });

  it.each([
    [{ 'keep-going': 'sometimes' }, 'Input "keep-going" must be true or false, got "sometimes"'],
    [{ save: 'perhaps' }, 'Input "save" must be true or false, got "perhaps"'],
    [{ mode: 'apply' }, 'Input "mode" must be one of run, plan, aggregate, got "apply"'],
    [{ 'log-replay': 'some' }, 'Input "log-replay" must be one of failed, all, none, got "some"'],
    [{ concurrency: '0' }, 'Input "concurrency" must be a positive integer, got "0"'],
    [{ concurrency: '2.5' }, 'Input "concurrency" must be a positive integer, got "2.5"'],
    [{ shard: '0/3' }, 'Input "shard" must look like i/n with 1 <= i <= n, got "0/3"'],
    [{ shard: 'first' }, 'Input "shard" must look like i/n with 1 <= i <= n, got "first"'],
    [{ 'key-prefix': 'a,b' }, 'Input "key-prefix" must be at most 200 characters without commas, got "a,b"'],
    [{ cache: 'http' }, 'Input "cache-url" is required with cache http, got ""'],
    [{ cache: 'turbo', 'cache-team': 't' }, 'Input "cache-url" is required with cache turbo, got ""'],
    [{ 'graph-command': 'make graph' }, 'Inputs "graph" and "graph-command" exclude each other; set one'],
    // Before: accepted, and every leg of the matrix built the whole graph.
    [{ plan: 'abc' }, 'Input "plan" needs "shard" in mode run (shard: ${{ matrix.shard }}), got shard ""'],
    // Before: accepted. Plan mode then ran out of memory counting runners, a shard dealing components into 10^8
    // shards did too, and a wait past 2^31 ms made its timers fire after 1 ms, looking the job up in a busy loop.
    [{ 'max-shards': '100000000' }, 'Input "max-shards" must be at most 256, got "100000000"'],
    [{ shard: '1/100000000' }, 'Input "shard" must have at most 256 shards, got "1/100000000"'],
    [{ 'wait-margin': '2200000' }, 'Input "wait-margin" must be at most 86400, got "2200000"'],
    [{ 'publish-latency': '99999' }, 'Input "publish-latency" must be at most 3600, got "99999"'],
    [{ 'runner-startup': '99999' }, 'Input "runner-startup" must be at most 3600, got "99999"'],
  ])('rejects %j', (bad, message) => {
    const r = inputs({ graph: 'g.json', ...bad });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toEqual([message]);
  });

  it("warns of a remote cache's settings given without one, and does not refuse them", () => {
    // Before: ignored in silence, and the run shared nothing (github is the default cache). Not refused: a
    // workflow may set them always and pick the cache per leg, or fall back on github where it has no secrets.
    const get = (v: Record<string, string>) => (name: string) => v[name] ?? '';
    const given = { 'cache-url': 'https://c.example', 'cache-token': 't' };
    expect(inputs(given).ok).toBe(true);
    expect(ignoredRemoteInputs(get(given), 'github')).toEqual([
      'Input "cache-url" is set, but "cache" is github: it is not used (cache: http or turbo uses it)',
      'Input "cache-token" is set, but "cache" is github: it is not used (cache: http or turbo uses it)',
    ]);
    expect(ignoredRemoteInputs(get(given), 'http')).toEqual([]);
  });

  it('without graph or graph-command, takes the graph from disbuild.json', () => {
    const r = inputs({});
    expect(r.ok && r.value.graph).toEqual({ kind: 'config' });
  });

  it('parseShard rejects zero and malformed shards', () => {
    expect(parseShard('0/2').ok).toBe(false);
    expect(parseShard('1-2').ok).toBe(false);
    expect(parseShard(' 1 / 2 ')).toEqual({ ok: true, value: { index: 1, count: 2 } });
  });
});
