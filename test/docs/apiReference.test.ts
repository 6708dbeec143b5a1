// The API reference (`npm run docs`, TypeDoc with typedoc.json) covers exactly the public entries of package.json
// "exports" and builds with no warning under TypeDoc's validation (treatWarningsAsErrors): every exported name and
// every member of an exported type documented, no broken {@link}, no exported signature using a type that no entry
// exports, and no export marked @internal (an internal name leaking into a public entry). The same options are
// shown to catch each of those faults in a fixture entry.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Application, Converter, Logger, LogLevel, ReflectionKind, TSConfigReader, type TypeDocOptions } from 'typedoc';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
type Target = string | { types?: string; import?: string };
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { exports: Record<string, Target> };
const { $schema: _schema, ...config } = JSON.parse(readFileSync(join(ROOT, 'typedoc.json'), 'utf8')) as TypeDocOptions & { $schema?: string; entryPoints: string[] };

/** package.json's public entries (no wildcard, not package.json itself): their names and their sources. */
const entries = Object.entries(pkg.exports)
  .filter((e): e is [string, { import: string }] => typeof e[1] !== 'string' && typeof e[1].import === 'string' && !e[0].includes('*'))
  .map(([key, target]) => ({
    name: key === '.' ? 'posestream' : `posestream/${key.slice(2)}`,
    source: target.import.replace(/^\.\/dist\//, 'src/').replace(/\.js$/, '.ts'),
  }));

/** Every warning and error TypeDoc logs, as text. */
class CollectingLogger extends Logger {
  readonly messages: string[] = [];
  override log(message: string, level: LogLevel): void {
    super.log(message, level);
    if (level === LogLevel.Warn || level === LogLevel.Error) this.messages.push(message);
  }
}

/** Converts and validates with typedoc.json's options as `npm run docs` does, nothing written; `overrides` replace some. */
async function runTypedoc(overrides: TypeDocOptions = {}) {
  const app = await Application.bootstrapWithPlugins({ ...config, ...overrides, emit: 'none' }, [new TSConfigReader()]);
  const logger = new CollectingLogger();
  app.logger = logger;
  // Exports marked @internal, seen before excludeInternal removes them (a function's comment is on its signature).
  const internal: string[] = [];
  app.converter.on(
    Converter.EVENT_RESOLVE_BEGIN,
    (context) => {
      for (const module of context.project.children ?? []) {
        for (const reflection of module.children ?? []) {
          const comments = [reflection.comment, ...(reflection.signatures ?? []).map((s) => s.comment)];
          if (comments.some((c) => c?.hasModifier('@internal'))) internal.push(`${module.name}.${reflection.name}`);
        }
      }
    },
    1000,
  );
  const project = await app.convert();
  if (project) app.validate(project);
  const modules = (project?.children ?? []).filter((c) => c.kindOf(ReflectionKind.Module)).map((m) => m.name);
  return { messages: logger.messages, internal, modules, names: (project?.children ?? []).flatMap((m) => (m.children ?? []).map((c) => c.name)) };
}

describe('API reference (TypeDoc)', () => {
  it('is built from the public entries of package.json "exports", and only from them', () => {
    expect(entries.length).toBeGreaterThanOrEqual(8);
    expect([...config.entryPoints].sort()).toEqual(entries.map((e) => e.source).sort());
  });

  it('documents every public export, with no broken link, no unexported type and no internal name', async () => {
    const { messages, internal, modules, names } = await runTypedoc();
    expect(messages).toEqual([]);
    expect(internal).toEqual([]);
    // One module per entry, named as users import it (the react entry's comment follows its 'use client').
    expect([...modules].sort()).toEqual(entries.map((e) => e.name).sort());
    expect(names).toContain('createHandGesturePipeline');
    expect(names).toContain('replayRecording');
  }, 110_000);

  it('fails on an undocumented export, a broken link, an unexported type and an @internal export (a fixture entry)', async () => {
    const dir = 'test/docs/fixtures/apiReference';
    const { messages, internal } = await runTypedoc({ entryPoints: [`${dir}/index.ts`], tsconfig: `${dir}/tsconfig.json`, plugin: [], alwaysCreateEntryPointModule: true });
    const text = messages.join('\n');
    expect(text).toMatch(/undocumented.*does not have any documentation/);
    expect(text).toMatch(/nowhereAtAll/);
    expect(text).toMatch(/Hidden.*is referenced by .*takesHidden.*not included in the documentation/);
    expect(internal.sort()).toEqual(['index.internalFunction', 'index.internalHelper']);
  }, 60_000);
});
