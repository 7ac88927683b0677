// The seed article's demo cluster: two namespaces, four nginx pods, probed on TCP 80.
export const DEMO_CLUSTER = `apiVersion: v1
kind: Namespace
metadata:
  name: test
---
apiVersion: v1
kind: Pod
metadata:
  name: sample-pod-1
  namespace: default
  labels: {app: pod1}
spec:
  containers: [{name: nginx, image: nginx:1.21.5, ports: [{containerPort: 80}]}]
status: {podIP: 192.168.173.129}
---
apiVersion: v1
kind: Pod
metadata:
  name: sample-pod-2
  namespace: default
  labels: {app: pod2}
spec:
  containers: [{name: nginx, image: nginx:1.21.5, ports: [{containerPort: 80}]}]
status: {podIP: 192.168.173.130}
---
apiVersion: v1
kind: Pod
metadata:
  name: sample-pod-3
  namespace: test
  labels: {app: pod3}
spec:
  containers: [{name: nginx, image: nginx:1.21.5, ports: [{containerPort: 80}]}]
status: {podIP: 192.168.173.132}
---
apiVersion: v1
kind: Pod
metadata:
  name: sample-pod-4
  namespace: test
  labels: {app: pod4}
spec:
  containers: [{name: nginx, image: nginx:1.21.5, ports: [{containerPort: 80}]}]
status: {podIP: 192.168.173.131}
`;

export const DEMO_POLICY = `# Type a NetworkPolicy here; the table below updates as you type.
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: sp-pod-allow-networkpolicy
  namespace: default
spec:
  podSelector:
    matchLabels:
      app: pod2
  policyTypes:
  - Ingress
  ingress:
  - from:
    - podSelector:
        matchLabels:
          app: pod1
    ports:
    - protocol: TCP
      port: 80
`;
