import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LspClient } from '../../cli/test/lsp-client.js';

const EXTENSION = fileURLToPath(new URL('../', import.meta.url));
const ROOT = join(EXTENSION, '../../');
const DENY_NETWORK = join(ROOT, 'packages/cli/test/fixtures/deny-network.mjs');
const manifest = () => JSON.parse(readFileSync(join(EXTENSION, 'package.json'), 'utf8'));
let dir: string;
let client: LspClient;

beforeAll(async () => {
  execFileSync(process.execPath, [join(EXTENSION, 'build.mjs')], { stdio: 'pipe', timeout: 120_000 });
  dir = mkdtempSync(join(tmpdir(), 'samlint-bundle-'));
  // Installed, the bundle is far from the repository: a copy of dist/ runs, so that nothing it reads can
  // come from the checkout. Without the extension's package.json beside it: the version is the CLI's.
  const bundle = join(dir, 'extension/dist/samlint.cjs');
  cpSync(join(EXTENSION, 'dist'), dirname(bundle), { recursive: true });
  // As VS Code runs it, with every way to the network refused and reported on stderr.
  client = new LspClient(dir, undefined, { bin: bundle, nodeArgs: ['--import', DENY_NETWORK] });
}, 150_000);

afterAll(() => {
  client?.kill();
  rmSync(dir, { recursive: true, force: true });
});

// The .vsix runs the CLI bundled into one file, told its version and where its rule pages are by
// esbuild's `define` (build.mjs): the server must still be the CLI, know its version, explain rules
// and read configs.
describe('the extension’s bundled samlint server', () => {
  it('answers initialize as the CLI’s version', async () => {
    const { serverInfo } = await client.initialize();
    const cli = JSON.parse(readFileSync(join(ROOT, 'packages/cli/package.json'), 'utf8'));
    expect(serverInfo).toEqual({ name: 'samlint', version: cli.version });
  }, 30_000);

  it('lints a response with its folder’s samlint.config.json', async () => {
    const home = mkdtempSync(join(dir, 'doc-'));
    copyFileSync(join(ROOT, 'test-vectors/saml/nameid-format-saml2-email.xml'), join(home, 'response.xml'));
    copyFileSync(join(ROOT, 'test-vectors/keys/idp.crt'), join(home, 'idp.crt'));
    writeFileSync(join(home, 'samlint.config.json'), JSON.stringify({ now: '2026-11-27T09:00:30Z', certificates: ['idp.crt'] }));
    const uri = pathToFileURL(join(home, 'response.xml')).href;
    await client.open(uri, readFileSync(join(home, 'response.xml'), 'utf8'), 'xml');
    expect((await client.diagnostics(uri, 1)).map((d) => d.code)).toContain('SAML008');
  }, 30_000);

  it('explains a rule from the pages it carries', async () => {
    const page = await client.connection.sendRequest('workspace/executeCommand', { command: 'samlint.explain', arguments: ['SAML008'] });
    expect(page).toBe(readFileSync(join(ROOT, 'docs/rules/SAML008.md'), 'utf8'));
  }, 30_000);

  it('decodes a pasted response and a HAR file, and lints the decoded XML', async () => {
    const decode = (text: string) => client.connection.sendRequest('workspace/executeCommand', { command: 'samlint.decode', arguments: [{ text }] });
    const xml = readFileSync(join(ROOT, 'test-vectors/saml/nameid-format-saml2-email.xml'), 'utf8');
    expect(await decode(Buffer.from(xml).toString('base64'))).toMatchObject({ xml });
    const har = (await decode(readFileSync(join(ROOT, 'test-vectors/capture/har-two-logins.har'), 'utf8'))) as { xml: string };
    expect(har.xml).toMatch(/^<\?xml[^]*<\/samlp:Response>\n$/);
    await client.open('samlint:/decoded/1/response.xml', xml, 'xml');
    expect((await client.diagnostics('samlint:/decoded/1/response.xml', 1)).map((d) => d.code)).toContain('SAML008');
  }, 30_000);

  it('validates a samlint.config.json with the Ajv it carries', async () => {
    const home = mkdtempSync(join(dir, 'doc-'));
    writeFileSync(join(home, 'samlint.config.json'), '{"region": 42}');
    const uri = pathToFileURL(join(home, 'metadata.xml')).href;
    await client.open(uri, readFileSync(join(ROOT, 'test-vectors/md/metadata-expired.xml'), 'utf8'), 'xml');
    await client.diagnostics(uri, 1);
    expect(client.logs.join('\n')).toMatch(/samlint\.config\.json:1:\d+: \$\.region: must be string/);
  }, 30_000);
  it('opened no network connection and resolved no name in all of the above', () => {
    expect(client.stderr).not.toContain('NETWORK-ATTEMPT');
    // The preload reports what it refuses: a process under it that does fetch is caught.
    const canary = spawnSync(process.execPath, ['--import', DENY_NETWORK, '-e', 'fetch("http://example.com").catch(() => {})'], { encoding: 'utf8' });
    expect(canary.stderr).toContain('NETWORK-ATTEMPT fetch');
  });
});

describe('the extension’s third-party notices', () => {
  it('carry the licence text of every bundled package, read from the package', () => {
    const notices = readFileSync(join(EXTENSION, 'dist/THIRD-PARTY-NOTICES.md'), 'utf8');
    for (const name of ['@xmldom/xmldom', 'vscode-languageclient', 'vscode-languageserver', 'yargs', 'ajv']) {
      const section = new RegExp(`^## ${name}@\\d[^\\n]*\\n\\n\`\`\`\\n([^]*?)\`\`\`$`, 'm').exec(notices);
      expect(section, name).not.toBeNull();
      expect(section![1]).toMatch(/Permission is hereby granted|Permission to use, copy/);
    }
  });
});

describe('the extension’s manifest', () => {
  it('contributes one setting per samlint.config.json key, as scripts/settings.mjs writes them', () => {
    const schema = JSON.parse(readFileSync(join(ROOT, 'schema/samlint.config.schema.json'), 'utf8'));
    const settings = Object.keys(manifest().contributes.configuration.properties);
    const keys = Object.keys(schema.properties).filter((key) => key !== '$schema' && key !== 'redact');
    expect(settings).toEqual([...keys.map((key) => `samlint.${key}`), 'samlint.trace.server']);
    expect(() => execFileSync(process.execPath, [join(EXTENSION, 'scripts/settings.mjs'), '--check'], { stdio: 'pipe' })).not.toThrow();
  });

  it('names a main, icon and commands that exist', () => {
    const { main, icon, contributes, activationEvents, categories } = manifest();
    expect(() => readFileSync(join(EXTENSION, main))).not.toThrow();
    expect(readFileSync(join(EXTENSION, icon)).subarray(1, 4).toString()).toBe('PNG');
    expect(categories).toEqual(['Linters']);
    expect(activationEvents).toEqual(expect.arrayContaining(['onLanguage:xml', 'onLanguage:json']));
    const registered = readFileSync(join(EXTENSION, 'src/commands.ts'), 'utf8').match(/registerCommand\('([\w.]+)'/g)!.map((m) => m.slice(17, -1));
    expect(contributes.commands.map((c: { command: string }) => c.command).sort()).toEqual(registered.sort());
  });
});
