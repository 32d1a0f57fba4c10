import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseEnv } from 'node:util';
import { parseAllDocuments, parse } from 'yaml';
import { configSchema, loadConfig } from '../src/config';
import { TrustedProxies } from '../src/channels/clientAddress';
import { webChatBundle } from '../src/web/staticAssets';

type Container = {
  env: ({ name: string; valueFrom: { secretKeyRef: { name: string; key: string } } } | { name: 'NODE_OPTIONS'; value: string })[];
  envFrom: { configMapRef: { name: string } }[];
  ports: { name: string; containerPort: number }[];
  livenessProbe: { httpGet: unknown };
  readinessProbe: { httpGet: unknown };
  resources: { limits: { memory?: string } };
};
/** The fields of the Deployment, Service, HPA and PDB specs these tests read (a ConfigMap has no spec). */
type Spec = {
  template: {
    metadata: { labels: Record<string, string> };
    spec: { containers: Container[]; terminationGracePeriodSeconds: number; securityContext: { runAsNonRoot: boolean } };
  };
  selector: { matchLabels?: Record<string, string>; [label: string]: unknown };
  ports: { targetPort: string }[];
  scaleTargetRef: unknown;
  minReplicas: number;
};
type Manifest = {
  kind: string;
  metadata: { name: string };
  spec: Spec;
  data?: Record<string, string>;
  stringData?: Record<string, string>;
};
type ComposeService = { environment: Record<string, string>; networks: { default: { ipv4_address: string } } };
type ComposeFile = { services: Record<string, ComposeService>; networks: { default: { ipam: { config: { subnet: string }[] } } } };

const root = join(__dirname, '..', 'deployment');
const read = (path: string) => readFileSync(join(root, path), 'utf8');
const manifests = (path: string) => parseAllDocuments(read(path)).map((document) => document.toJS() as Manifest);

/** Every variable the assistant reads (SPEC §5b), from the one schema that validates them. */
const VARIABLES = Object.keys(configSchema.shape);

describe('the Kubernetes manifests', () => {
  const all = manifests('kubernetes/assistant.yaml');
  const byKind = (kind: string) => all.filter((manifest) => manifest.kind === kind);
  const deployment = byKind('Deployment')[0]!;
  const container = deployment.spec.template.spec.containers[0]!;
  const configMap = byKind('ConfigMap')[0]!;
  const secret = manifests('kubernetes/secret.example.yaml')[0]!;
  const podLabels = deployment.spec.template.metadata.labels;

  test('when the manifests are read, then there is a Deployment, Service, HPA, PDB and ConfigMap', () => {
    expect(all.map((manifest) => manifest.kind).sort()).toEqual(
      ['ConfigMap', 'Deployment', 'HorizontalPodAutoscaler', 'PodDisruptionBudget', 'Service'].sort(),
    );
  });

  test('when the container starts, then every variable of the config schema comes from the ConfigMap or the Secret', () => {
    expect(VARIABLES.length).toBeGreaterThan(15);
    const fromConfigMap = Object.keys(configMap.data ?? {});
    const fromSecret = container.env.flatMap((entry) => {
      // Node.js's own options are the runtime's, not the assistant's.
      if (!('valueFrom' in entry)) return [];
      expect(entry.valueFrom.secretKeyRef.name).toBe(secret.metadata.name);
      expect(Object.keys(secret.stringData ?? {})).toContain(entry.valueFrom.secretKeyRef.key);
      return entry.name;
    });
    expect(container.envFrom[0]!.configMapRef.name).toBe(configMap.metadata.name);
    expect([...fromConfigMap, ...fromSecret].sort()).toEqual(expect.arrayContaining(VARIABLES.sort()));
    expect(fromConfigMap.filter((name) => fromSecret.includes(name))).toEqual([]);
  });

  test('when the ConfigMap values are given to the assistant, then its configuration accepts them', () => {
    const env = { ...configMap.data, PINPUK_MASTER_KEY: 'ab'.repeat(32), DATABASE_URL: 'postgres://u:p@db/eimza' };
    expect(() => loadConfig(env)).not.toThrow();
  });

  test('when Kubernetes probes the pod, then liveness asks /healthz and readiness /readyz on the container port', () => {
    const port = container.ports[0]!;
    expect(port.containerPort).toBe(Number(configMap.data!['PORT']));
    expect(container.livenessProbe.httpGet).toEqual({ path: '/healthz', port: port.name });
    expect(container.readinessProbe.httpGet).toEqual({ path: '/readyz', port: port.name });
    expect(container.resources.limits.memory).toBeDefined();
    expect(deployment.spec.template.spec.terminationGracePeriodSeconds).toBeGreaterThan(15);
    expect(deployment.spec.template.spec.securityContext.runAsNonRoot).toBe(true);
  });

  test("when the pod starts, then Node.js takes the Deployment's NODE_OPTIONS and V8's heap fits well inside the pod's memory limit", () => {
    const options = container.env.find((entry) => entry.name === 'NODE_OPTIONS');
    expect(options && 'value' in options).toBe(true);
    const run = spawnSync(process.execPath, ['-p', "require('v8').getHeapStatistics().heap_size_limit"], {
      env: { PATH: process.env['PATH'], NODE_OPTIONS: (options as { value: string }).value },
      encoding: 'utf8',
    });
    expect(run.stderr).toBe('');
    const limitMi = Number(/^(\d+)Mi$/.exec(container.resources.limits.memory ?? '')?.[1]);
    const heapMi = Number(run.stdout.trim()) / 2 ** 20;
    // The rest of the limit is for what is not V8's heap: code, native memory, buffers (about 120 MB measured idle).
    expect(heapMi).toBeGreaterThan(100);
    expect(heapMi).toBeLessThanOrEqual(limitMi / 2);
  });

  test('when the Service, HPA and PDB pick pods, then they pick this Deployment', () => {
    const service = byKind('Service')[0]!;
    expect(service.spec.selector).toEqual(podLabels);
    expect(service.spec.ports[0]!.targetPort).toBe(container.ports[0]!.name);
    expect(byKind('PodDisruptionBudget')[0]!.spec.selector.matchLabels).toEqual(podLabels);
    const hpa = byKind('HorizontalPodAutoscaler')[0]!;
    expect(hpa.spec.scaleTargetRef).toMatchObject({ kind: 'Deployment', name: deployment.metadata.name });
    expect(hpa.spec.minReplicas).toBeGreaterThanOrEqual(2);
  });
});

describe('the compose file and the Dockerfile', () => {
  test('when compose runs, then two app instances share PostgreSQL, Redis, a mail catcher and one master key', () => {
    const compose = parse(read('compose.yaml'), { merge: true }) as ComposeFile;
    const apps = ['app-1', 'app-2'].map((name) => compose.services[name]!);
    for (const app of apps) {
      expect(app.environment.DATABASE_URL).toMatch(/@postgres:5432\//);
      expect(app.environment.REDIS_URL).toBe('redis://redis:6379');
      expect(app.environment.SMTP_URL).toBe('smtp://mailpit:1025');
      expect(app.environment.PINPUK_MASTER_KEY).toContain('PINPUK_MASTER_KEY');
    }
    expect(Object.keys(compose.services)).toEqual(expect.arrayContaining(['postgres', 'redis', 'mailpit', 'proxy']));
  });

  test('when the image is built, then it runs as a non-root user, production dependencies only, with a health check', () => {
    const dockerfile = read('Dockerfile');
    expect(dockerfile.match(/^FROM /gm)!.length).toBeGreaterThanOrEqual(2);
    expect(dockerfile).toMatch(/npm ci --omit=dev/);
    expect(dockerfile).toMatch(/^USER node$/m);
    // Outside production the server listens on loopback only; the container must be reachable from outside.
    expect(dockerfile).toMatch(/^ENV .*\bNODE_ENV=production\b.*\bHOST=0\.0\.0\.0\b/m);
    expect(dockerfile).toMatch(/HEALTHCHECK[\s\S]*\/healthz/);
    expect(dockerfile).toMatch(/CMD \["node", ("--[a-z-]+", )*"dist\/src\/index\.js"\]/);
  });
});

describe('the load balancer in front of the compose instances', () => {
  test('when nginx forwards a request, then it appends the client to X-Forwarded-For and the instances trust exactly that proxy', () => {
    const nginx = read('nginx.conf');
    const proxied = nginx
      .split(/\blocation\b/)
      .slice(1)
      .filter((location) => location.includes('proxy_pass'));
    expect(proxied.length).toBeGreaterThan(0);
    for (const location of proxied) expect(location).toMatch(/proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;/);
    const compose = parse(read('compose.yaml'), { merge: true }) as ComposeFile;
    const proxyAddress = compose.services['proxy']!.networks.default.ipv4_address;
    for (const name of ['app-1', 'app-2']) {
      const trusted = TrustedProxies.parse(compose.services[name]!.environment['TRUSTED_PROXIES']);
      expect(trusted.has(proxyAddress)).toBe(true);
      expect(trusted.has('172.30.0.11')).toBe(false);
    }
    expect(compose.networks.default.ipam.config[0]!.subnet).toBe('172.30.0.0/24');
  });

  test('when a web chat page opens its Direct Line stream, then nginx passes the WebSocket upgrade on and keeps it open', () => {
    const nginx = read('nginx.conf');
    const location = nginx.slice(nginx.indexOf('location /v3/directline/'));
    expect(location).toMatch(/proxy_http_version 1\.1;/);
    expect(location).toMatch(/proxy_set_header Upgrade \$http_upgrade;/);
    expect(location).toMatch(/proxy_set_header Connection \$connection_upgrade;/);
    expect(nginx).toMatch(/map \$http_upgrade \$connection_upgrade/);
  });
});

describe('the runtime: Node.js versions, the image and the production install', () => {
  const ROOT = join(__dirname, '..');
  const readRoot = (path: string) => readFileSync(join(ROOT, path), 'utf8');
  const pkg = JSON.parse(readRoot('package.json')) as {
    engines: { node: string };
    dependencies: Record<string, string>;
    devDependencies: Record<string, string>;
  };
  // semver (installed with the development tools) ships no types: the two functions used are declared here.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const semver = require('semver') as { satisfies(version: string, range: string): boolean; major(version: string): number };
  /** The Dockerfile's stages, each from its FROM line to the next. */
  const stages = read('Dockerfile')
    .split(/^(?=FROM )/m)
    .slice(1);

  test('when the image, .nvmrc and the Node 24 test binary are compared, then they name one LTS major that engines accepts, and engines keeps Node 20 but not 21–23', () => {
    const nvmrc = readRoot('.nvmrc').trim();
    expect(nvmrc).toBe('24');
    for (const stage of stages) expect(stage).toMatch(new RegExp(`^FROM node:${nvmrc}-[a-z]+-slim\\b`));
    const node24 = (JSON.parse(readRoot('node_modules/node/package.json')) as { version: string }).version;
    expect(pkg.devDependencies['node']).toBe(node24);
    expect(semver.major(node24)).toBe(Number(nvmrc));
    for (const tested of [node24, '24.0.0', '20.19.0', process.version]) expect(semver.satisfies(tested, pkg.engines.node)).toBe(true);
    for (const untested of ['20.18.3', '22.12.0', '18.20.0']) expect(semver.satisfies(untested, pkg.engines.node)).toBe(false);
  });

  test('when the assistant starts in the image, with npm start or npm run start:prod, then node gets the same options (--liftoff-only)', () => {
    const cmd = /^CMD (\[.*\])$/m.exec(read('Dockerfile'))?.[1];
    const image = (JSON.parse(cmd ?? '[]') as string[]).filter((word) => word.startsWith('--'));
    const scripts = (JSON.parse(readRoot('package.json')) as { scripts: Record<string, string> }).scripts;
    const optionsOf = (script: string) => (scripts[script] ?? '').split(/\s+/).filter((word) => word.startsWith('--'));
    expect(image).toEqual(['--liftoff-only']);
    expect(optionsOf('start:prod')).toEqual(image);
    expect(optionsOf('start')).toEqual(image);
  });

  test('when a stage runs npm ci, then the spdy stub it installs from vendor/ is already copied in', () => {
    const installing = stages.filter((stage) => /^RUN npm ci/m.test(stage));
    expect(installing.length).toBe(2);
    for (const stage of installing) expect(stage.indexOf('COPY vendor ./vendor')).toBeGreaterThan(-1);
    for (const stage of installing) expect(stage.indexOf('COPY vendor ./vendor')).toBeLessThan(stage.indexOf('RUN npm ci'));
    // The stub is linked from node_modules: the final stage needs the folder too.
    expect(stages.at(-1)).toMatch(/^COPY --from=dependencies \/app\/vendor \.\/vendor$/m);
    expect(pkg.dependencies['spdy']).toBe('file:vendor/spdy');
  });

  test('when the build context is sent, then .dockerignore leaves out local state and nothing the Dockerfile copies', () => {
    const ignored = readRoot('.dockerignore')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line && !line.startsWith('#') && !line.startsWith('!'));
    expect(ignored).toEqual(expect.arrayContaining(['node_modules', 'dist', '.data', 'test-artifacts', '.git', '.env']));
    const copied = [...read('Dockerfile').matchAll(/^COPY (?!--from)(.+) \S+$/gm)].flatMap((match) => match[1]!.split(' '));
    expect(copied).toEqual(expect.arrayContaining(['package.json', 'src', 'seed', 'scripts', 'vendor', 'tsconfig.build.json']));
    for (const source of copied) expect(ignored).not.toContain(source);
  });

  test('when the image is built, then the build stage copies the asset script and the commands are compiled', () => {
    const build = stages[0]!;
    expect(build).toMatch(/^COPY scripts \.\/scripts$/m);
    expect(build).toMatch(/^RUN npm run build$/m);
    const scripts = (JSON.parse(readRoot('package.json')) as { scripts: Record<string, string> }).scripts;
    expect(scripts['build']).toBe('tsc -p tsconfig.build.json && node scripts/copyAssets.mjs dist');
    for (const [name, entry] of [
      ['migrate:prod', 'migrateCli'],
      ['seed:prod', 'seedCli'],
      ['agent:link:prod', 'agentLinkCli'],
      ['start:prod', 'index'],
    ]) {
      expect(scripts[name!]).toMatch(new RegExp(`^node (--[a-z-]+ )*dist/src/${entry}\\.js$`));
      expect(readdirSync(join(ROOT, 'src'))).toContain(`${entry}.ts`);
    }
  });

  test('when the production dependencies are listed, then no Web Chat, React, speech SDK, tsx or TypeScript is among them', () => {
    const list = (...args: string[]) => {
      const result = spawnSync('npm', ['ls', '--all', '--json', ...args], { cwd: ROOT, encoding: 'utf8' });
      return Object.keys((JSON.parse(result.stdout) as { dependencies?: Record<string, unknown> }).dependencies ?? {});
    };
    const heavy = [
      'botframework-webchat',
      'react',
      'react-dom',
      'microsoft-cognitiveservices-speech-sdk',
      'web-speech-cognitive-services',
      'tsx',
      'typescript',
      'node',
    ];
    expect(list('--omit=dev', ...heavy)).toEqual([]);
    // The same question finds them in a development install, and finds production packages without dev.
    expect(list(...heavy)).toEqual(expect.arrayContaining(['botframework-webchat', 'tsx', 'typescript', 'node']));
    expect(list('--omit=dev', 'restify', 'botbuilder')).toEqual(['botbuilder', 'restify']);
  }, 60_000);

  test('when the lock file is installed, then neither botbuilder-dialogs nor @microsoft/recognizers-text is in the tree: the waterfalls run on our own runtime', () => {
    // botbuilder-dialogs' postinstall ran `npx rimraf` (a download at install time) and its index loaded
    // recognizers for prompts we never used; src/dialogs/dialogRuntime.ts replaced it (issue 22).
    const locked = Object.keys((JSON.parse(readRoot('package-lock.json')) as { packages: Record<string, unknown> }).packages);
    const installed = (name: string) => locked.filter((path) => path === `node_modules/${name}` || path.endsWith(`/node_modules/${name}`));
    expect(installed('botbuilder')).toEqual(['node_modules/botbuilder']);
    expect(installed('botbuilder-dialogs')).toEqual([]);
    expect(locked.filter((path) => path.includes('@microsoft/recognizers-text'))).toEqual([]);
    expect(existsSync(join(ROOT, 'node_modules', 'botbuilder-dialogs'))).toBe(false);
  });

  test("when the build copies the assets, then Web Chat's bundle is served from the copy, and from node_modules without one", () => {
    const out = mkdtempSync(join(tmpdir(), 'assets-'));
    try {
      const result = spawnSync(process.execPath, [join(ROOT, 'scripts', 'copyAssets.mjs'), out], { encoding: 'utf8' });
      expect(result.status).toBe(0);
      const staticDir = join(out, 'src', 'web', 'static');
      const fromNodeModules = webChatBundle(mkdtempSync(join(tmpdir(), 'no-assets-')));
      expect(fromNodeModules).toMatch(/node_modules[\\/]botframework-webchat[\\/]dist[\\/]webchat\.js$/);
      expect(webChatBundle(staticDir)).toBe(join(staticDir, 'webchat.js'));
      expect(readFileSync(join(staticDir, 'webchat.js')).equals(readFileSync(fromNodeModules))).toBe(true);
      for (const file of ['chat.js', 'site.css', 'icon.svg']) expect(existsSync(join(staticDir, file))).toBe(true);
      expect(readdirSync(join(out, 'src', 'data', 'migrations'))).toEqual(readdirSync(join(ROOT, 'src', 'data', 'migrations')));
      expect(existsSync(join(out, 'src', 'domain', 'commonWords.txt'))).toBe(true);
      expect(existsSync(join(out, 'seed', 'demo.json'))).toBe(true);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  test('when .env.example is loaded, then it names every variable of the config schema, each at its default', () => {
    const example = parseEnv(readRoot('.env.example'));
    expect(Object.keys(example).sort()).toEqual([...VARIABLES].sort());
    expect(loadConfig(example)).toEqual(loadConfig({}));
    for (const name of [
      'HOST',
      'TRUSTED_PROXIES',
      'FAILED_CHECKS_PER_SOURCE_PER_HOUR',
      'BLOCK_ALERT_PER_HOUR',
      'METRICS_PORT',
      'METRICS_TOKEN',
    ]) {
      expect(readRoot('.env.example')).toMatch(new RegExp(`# .+\\n${name}=`));
    }
  });
});
