import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments, parse } from 'yaml';
import { configSchema, loadConfig } from '../src/config';
import { TrustedProxies } from '../src/channels/clientAddress';

type Manifest = { kind: string; metadata: { name: string }; spec?: any; data?: Record<string, string>; stringData?: Record<string, string> };

const root = join(__dirname, '..', 'deployment');
const read = (path: string) => readFileSync(join(root, path), 'utf8');
const manifests = (path: string) => parseAllDocuments(read(path)).map((document) => document.toJS() as Manifest);

/** Every variable the assistant reads (SPEC §5b), from the one schema that validates them. */
const VARIABLES = Object.keys(configSchema.shape);

describe('the Kubernetes manifests', () => {
  const all = manifests('kubernetes/assistant.yaml');
  const byKind = (kind: string) => all.filter((manifest) => manifest.kind === kind);
  const deployment = byKind('Deployment')[0]!;
  const container = deployment.spec.template.spec.containers[0];
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
    const fromSecret = container.env.map((entry: any) => {
      expect(entry.valueFrom.secretKeyRef.name).toBe(secret.metadata.name);
      expect(Object.keys(secret.stringData ?? {})).toContain(entry.valueFrom.secretKeyRef.key);
      return entry.name;
    });
    expect(container.envFrom[0].configMapRef.name).toBe(configMap.metadata.name);
    expect([...fromConfigMap, ...fromSecret].sort()).toEqual(expect.arrayContaining(VARIABLES.sort()));
    expect(fromConfigMap.filter((name) => fromSecret.includes(name))).toEqual([]);
  });

  test('when the ConfigMap values are given to the assistant, then its configuration accepts them', () => {
    const env = { ...configMap.data, PINPUK_MASTER_KEY: 'ab'.repeat(32), DATABASE_URL: 'postgres://u:p@db/eimza' };
    expect(() => loadConfig(env)).not.toThrow();
  });

  test('when Kubernetes probes the pod, then liveness asks /healthz and readiness /readyz on the container port', () => {
    const port = container.ports[0];
    expect(port.containerPort).toBe(Number(configMap.data!['PORT']));
    expect(container.livenessProbe.httpGet).toEqual({ path: '/healthz', port: port.name });
    expect(container.readinessProbe.httpGet).toEqual({ path: '/readyz', port: port.name });
    expect(container.resources.limits.memory).toBeDefined();
    expect(deployment.spec.template.spec.terminationGracePeriodSeconds).toBeGreaterThan(15);
    expect(deployment.spec.template.spec.securityContext.runAsNonRoot).toBe(true);
  });

  test('when the Service, HPA and PDB pick pods, then they pick this Deployment', () => {
    const service = byKind('Service')[0]!;
    expect(service.spec.selector).toEqual(podLabels);
    expect(service.spec.ports[0].targetPort).toBe(container.ports[0].name);
    expect(byKind('PodDisruptionBudget')[0]!.spec.selector.matchLabels).toEqual(podLabels);
    const hpa = byKind('HorizontalPodAutoscaler')[0]!;
    expect(hpa.spec.scaleTargetRef).toMatchObject({ kind: 'Deployment', name: deployment.metadata.name });
    expect(hpa.spec.minReplicas).toBeGreaterThanOrEqual(2);
  });
});

describe('the compose file and the Dockerfile', () => {
  test('when compose runs, then two app instances share PostgreSQL, Redis, a mail catcher and one master key', () => {
    const compose = parse(read('compose.yaml'), { merge: true }) as { services: Record<string, any> };
    const apps = ['app-1', 'app-2'].map((name) => compose.services[name]);
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
    expect(dockerfile).toMatch(/CMD \["node", "dist\/src\/index\.js"\]/);
  });
});

describe('the load balancer in front of the compose instances', () => {
  test('when nginx forwards a request, then it appends the client to X-Forwarded-For and the instances trust exactly that proxy', () => {
    const nginx = read('nginx.conf');
    const proxied = nginx.split(/\blocation\b/).slice(1).filter((location) => location.includes('proxy_pass'));
    expect(proxied.length).toBeGreaterThan(0);
    for (const location of proxied) expect(location).toMatch(/proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;/);
    const compose = parse(read('compose.yaml'), { merge: true }) as { services: Record<string, any>; networks: Record<string, any> };
    const proxyAddress = compose.services['proxy'].networks.default.ipv4_address as string;
    for (const name of ['app-1', 'app-2']) {
      const trusted = TrustedProxies.parse(compose.services[name].environment.TRUSTED_PROXIES);
      expect(trusted.has(proxyAddress)).toBe(true);
      expect(trusted.has('172.30.0.11')).toBe(false);
    }
    expect(compose.networks.default.ipam.config[0].subnet).toBe('172.30.0.0/24');
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
