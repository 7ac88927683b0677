// The effective securityContext the kubelet runs a container with: container fields over pod fields, the image's
// user, verifyRunAsNonRoot's errors word for word, and what `id` prints.
import { describe, expect, it } from 'vitest';
import { effectiveContexts, imageUser, parseImage, RUNTIME_DEFAULT_CAPABILITIES } from './security-context';
import { analyzeText, object, podYaml, template } from './test-builders';

const contexts = (spec: Record<string, unknown>, name = 'web', namespace = 'team', uid?: string) =>
  effectiveContexts(template(podYaml(spec, { name, namespace })).spec, name, namespace, uid);

describe('precedence', () => {
  it('container fields win over pod fields; the pod fills what the container leaves', () => {
    const [a, b] = contexts({
      securityContext: { runAsUser: 1000, runAsGroup: 3000, runAsNonRoot: true, fsGroup: 2000, seccompProfile: { type: 'RuntimeDefault' } },
      containers: [
        { name: 'a', image: 'nginx', securityContext: { runAsUser: 1001, seccompProfile: { type: 'Localhost', localhostProfile: 'audit.json' } } },
        { name: 'b', image: 'nginx' },
      ],
    });
    expect(a!.runAsUser).toEqual({ value: 1001, source: 'container' });
    expect(b!.runAsUser).toEqual({ value: 1000, source: 'pod' });
    expect(a!.runAsGroup).toEqual({ value: 3000, source: 'pod' });
    expect(a!.runAsNonRoot).toEqual({ value: true, source: 'pod' });
    expect(a!.fsGroup).toEqual({ value: 2000, source: 'pod' });
    expect(a!.seccompProfile).toEqual({ value: 'Localhost (audit.json)', source: 'container' });
    expect(b!.seccompProfile).toEqual({ value: 'RuntimeDefault', source: 'pod' });
  });

  it('a container runAsNonRoot false overrides the pod true, so nothing is verified', () => {
    const [c] = contexts({ securityContext: { runAsNonRoot: true }, containers: [{ name: 'a', image: 'nginx', securityContext: { runAsNonRoot: false } }] });
    expect(c!.runAsNonRoot).toEqual({ value: false, source: 'container' });
    expect(c!.startError).toBeNull();
  });

  it('defaults: unconfined seccomp, runtime-default AppArmor, the runtime capability set, escalation allowed', () => {
    const [c] = contexts({ containers: [{ name: 'a', image: 'nginx' }] });
    expect(c!.seccompProfile).toEqual({ value: 'Unconfined', source: 'default' });
    expect(c!.appArmorProfile).toEqual({ value: 'RuntimeDefault', source: 'default' });
    expect(c!.capabilities).toEqual({ value: RUNTIME_DEFAULT_CAPABILITIES, source: 'default' });
    expect(c!.allowPrivilegeEscalation).toEqual({ value: true, source: 'default' });
    expect(c!.privileged.value).toBe(false);
    expect(c!.procMount).toEqual({ value: 'Default', source: 'default' });
  });

  it('capabilities: drop ALL then add; drop one; privileged gets everything and escalation', () => {
    const [dropAll, dropOne, priv] = contexts({
      containers: [
        { name: 'a', image: 'x', securityContext: { capabilities: { drop: ['ALL'], add: ['NET_BIND_SERVICE'] }, allowPrivilegeEscalation: false } },
        { name: 'b', image: 'x', securityContext: { capabilities: { drop: ['NET_RAW'] } } },
        { name: 'c', image: 'x', securityContext: { privileged: true, allowPrivilegeEscalation: false } },
      ],
    });
    expect(dropAll!.capabilities.value).toEqual(['NET_BIND_SERVICE']);
    expect(dropAll!.allowPrivilegeEscalation).toEqual({ value: false, source: 'container' });
    expect(dropOne!.capabilities.value).not.toContain('NET_RAW');
    expect(dropOne!.capabilities.value).toContain('CHOWN');
    expect(priv!.capabilities.value).toEqual(['ALL']);
    expect(priv!.allowPrivilegeEscalation.value).toBe(true);
    expect(priv!.appArmorProfile.value).toBe('Unconfined');
  });
});

describe('verifyRunAsNonRoot', () => {
  it('an image that runs as root', () => {
    const [c] = contexts({ securityContext: { runAsNonRoot: true }, containers: [{ name: 'app', image: 'nginx:1.27' }] });
    expect(c!.runAsUser).toEqual({ value: 0, source: 'image' });
    expect(c!.startError).toBe('container has runAsNonRoot and image will run as root (pod: "web_team(<uid>)", container: app)');
    expect(c!.id).toBeNull();
  });

  it('an explicit runAsUser 0', () => {
    const [c] = contexts({ containers: [{ name: 'app', image: 'nginxinc/nginx-unprivileged', securityContext: { runAsNonRoot: true, runAsUser: 0 } }] });
    expect(c!.startError).toBe('container\'s runAsUser breaks non-root policy (pod: "web_team(<uid>)", container: app)');
  });

  it('an image with a user name', () => {
    const [c] = contexts({ securityContext: { runAsNonRoot: true }, containers: [{ name: 'prom', image: 'prom/prometheus:v2.53.0' }] });
    expect(c!.runAsUser).toEqual({ value: null, source: 'image' });
    expect(c!.imageUserName).toBe('nobody');
    expect(c!.startError).toBe('container has runAsNonRoot and image has non-numeric user (nobody), cannot verify user is non-root (pod: "web_team(<uid>)", container: prom)');
  });

  it('a non-root image user or an explicit non-zero user starts', () => {
    const [a, b] = contexts({
      securityContext: { runAsNonRoot: true },
      containers: [
        { name: 'a', image: 'docker.io/nginxinc/nginx-unprivileged:stable' },
        { name: 'b', image: 'nginx', securityContext: { runAsUser: 101 } },
      ],
    });
    expect(a!.runAsUser).toEqual({ value: 101, source: 'image' });
    expect(a!.startError).toBeNull();
    expect(b!.startError).toBeNull();
    expect(b!.id).toBe('uid=101 gid=0(root) groups=0(root)');
  });

  it('an image the lab does not know cannot be verified', () => {
    const [c] = contexts({ securityContext: { runAsNonRoot: true }, containers: [{ name: 'a', image: 'registry.example/secret-sauce:3' }] });
    expect(c).toMatchObject({ startError: null, startUnknown: true, id: null });
  });

  it('names the pod with its metadata.uid when given', () => {
    const yaml = `apiVersion: v1
kind: Pod
metadata:
  name: api
  namespace: shop
  uid: 6f1c2a4e-0000-4000-8000-000000000001
spec:
  securityContext:
    runAsNonRoot: true
  containers:
  - name: server
    image: busybox
`;
    const { result } = analyzeText(yaml);
    expect(object(yaml).uid).toBe('6f1c2a4e-0000-4000-8000-000000000001');
    const [c] = result!.contexts(result!.model.objects[0]!);
    expect(c!.startError).toBe('container has runAsNonRoot and image will run as root (pod: "api_shop(6f1c2a4e-0000-4000-8000-000000000001)", container: server)');
    // computed once per object
    expect(result!.contexts(result!.model.objects[0]!)).toBe(result!.contexts(result!.model.objects[0]!));
  });
});

describe('id output', () => {
  it('prints uid, gid and the sorted groups (fsGroup and supplementalGroups)', () => {
    const [c] = contexts({
      securityContext: { runAsUser: 1000, runAsGroup: 3000, fsGroup: 2000, supplementalGroups: [4000] },
      containers: [{ name: 'a', image: 'busybox' }],
    });
    expect(c!.id).toBe('uid=1000 gid=3000 groups=2000,3000,4000');
  });

  it('root from the image', () => {
    const [c] = contexts({ containers: [{ name: 'a', image: 'busybox' }] });
    expect(c!.id).toBe('uid=0(root) gid=0(root) groups=0(root)');
  });

  it('uid:gid from the image', () => {
    const [c] = contexts({ containers: [{ name: 'a', image: 'registry.k8s.io/pause:3.10' }] });
    expect(c!.id).toBe('uid=65535 gid=65535 groups=65535');
  });

  it('unknown when the user is unknown', () => {
    expect(contexts({ containers: [{ name: 'a', image: 'example.com/x' }] })[0]!.id).toBeNull();
  });
});

describe('images', () => {
  it('parseImage drops the registry and library/ of Docker Hub, the digest, and reads the tag', () => {
    expect(parseImage('docker.io/library/nginx:1.27@sha256:abc')).toEqual({ repository: 'nginx', tag: '1.27' });
    expect(parseImage('nginx')).toEqual({ repository: 'nginx', tag: 'latest' });
    expect(parseImage('localhost:5000/team/app')).toEqual({ repository: 'localhost:5000/team/app', tag: 'latest' });
    expect(parseImage('localhost:5000/team/app:v2')).toEqual({ repository: 'localhost:5000/team/app', tag: 'v2' });
  });

  it('imageUser knows distroless nonroot tags and common images', () => {
    expect(imageUser('gcr.io/distroless/static:nonroot')?.user).toBe('65532');
    expect(imageUser('gcr.io/distroless/static:latest')?.user).toBe('');
    expect(imageUser('bitnami/nginx:1.25')?.user).toBe('1001');
    expect(imageUser('quay.io/unknown/thing')).toBeNull();
  });
});
