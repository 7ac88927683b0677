// The fields of every Kubernetes API type the lab reads, for strict field validation as `kubectl apply` gets it
// from the API server (fieldValidation=Strict): a field a type does not have is an error. Taken from kubernetes/api
// at commit 10b39a39bcee995dfe7cd5e8e7b922be5e46f1e2 (core/v1, apps/v1, batch/v1, rbac/v1, networking/v1 and
// authorization/v1 types.go: each struct's json names, inline members flattened), and metav1's ObjectMeta and
// LabelSelector (k8s.io/apimachinery pkg/apis/meta/v1/types.go). '' is a value the check does not look into (a
// string, number, list of strings, quantity, or a map with free keys such as labels and resources.limits).

/** What a field holds: a value not looked into (''), an object of a type, or a list of such objects. */
export type FieldShape = '' | Shape | readonly [Shape];

/** A Kubernetes API type: its Go name and its fields by json name. */
export interface Shape {
  readonly name: string;
  readonly fields: Readonly<Record<string, FieldShape>>;
}

/** A type with these fields. */
export const shape = (name: string, fields: Record<string, FieldShape>): Shape => ({ name, fields });

/** The top-level fields every object has beside its own. */
export const objectShape = (name: string, fields: Record<string, FieldShape>): Shape => shape(name, { apiVersion: '', kind: '', metadata: ObjectMeta, ...fields });

// ---- meta/v1 ---------------------------------------------------------------------------------------------
export const OwnerReference = shape('OwnerReference', { apiVersion: '', kind: '', name: '', uid: '', controller: '', blockOwnerDeletion: '' });
export const ManagedFieldsEntry = shape('ManagedFieldsEntry', {
  manager: '', operation: '', apiVersion: '', time: '', fieldsType: '', fieldsV1: '', subresource: '',
});
export const ObjectMeta = shape('ObjectMeta', {
  name: '', generateName: '', namespace: '', selfLink: '', uid: '', resourceVersion: '', generation: '', creationTimestamp: '',
  deletionTimestamp: '', deletionGracePeriodSeconds: '', labels: '', annotations: '', ownerReferences: [OwnerReference], finalizers: '',
  managedFields: [ManagedFieldsEntry],
});

// ---- core/v1 ---------------------------------------------------------------------------------------------
export const HostPathVolumeSource = shape('HostPathVolumeSource', { path: '', type: '' });
export const EmptyDirVolumeSource = shape('EmptyDirVolumeSource', { medium: '', sizeLimit: '', mode: '' });
export const GCEPersistentDiskVolumeSource = shape('GCEPersistentDiskVolumeSource', { pdName: '', fsType: '', partition: '', readOnly: '' });
export const AWSElasticBlockStoreVolumeSource = shape('AWSElasticBlockStoreVolumeSource', { volumeID: '', fsType: '', partition: '', readOnly: '' });
export const GitRepoVolumeSource = shape('GitRepoVolumeSource', { repository: '', revision: '', directory: '' });
export const KeyToPath = shape('KeyToPath', { key: '', path: '', mode: '', user: '' });
export const SecretVolumeSource = shape('SecretVolumeSource', { secretName: '', items: [KeyToPath], defaultMode: '', optional: '', defaultUser: '' });
export const NFSVolumeSource = shape('NFSVolumeSource', { server: '', path: '', readOnly: '' });
export const LocalObjectReference = shape('LocalObjectReference', { name: '' });
export const ISCSIVolumeSource = shape('ISCSIVolumeSource', {
  targetPortal: '', iqn: '', lun: '', iscsiInterface: '', fsType: '', readOnly: '', portals: '', chapAuthDiscovery: '', chapAuthSession: '',
  secretRef: LocalObjectReference, initiatorName: '',
});
export const GlusterfsVolumeSource = shape('GlusterfsVolumeSource', { endpoints: '', path: '', readOnly: '' });
export const PersistentVolumeClaimVolumeSource = shape('PersistentVolumeClaimVolumeSource', { claimName: '', readOnly: '' });
export const RBDVolumeSource = shape('RBDVolumeSource', {
  monitors: '', image: '', fsType: '', pool: '', user: '', keyring: '', secretRef: LocalObjectReference, readOnly: '',
});
export const FlexVolumeSource = shape('FlexVolumeSource', { driver: '', fsType: '', secretRef: LocalObjectReference, readOnly: '', options: '' });
export const CinderVolumeSource = shape('CinderVolumeSource', { volumeID: '', fsType: '', readOnly: '', secretRef: LocalObjectReference });
export const CephFSVolumeSource = shape('CephFSVolumeSource', {
  monitors: '', path: '', user: '', secretFile: '', secretRef: LocalObjectReference, readOnly: '',
});
export const FlockerVolumeSource = shape('FlockerVolumeSource', { datasetName: '', datasetUUID: '' });
export const ObjectFieldSelector = shape('ObjectFieldSelector', { apiVersion: '', fieldPath: '' });
export const ResourceFieldSelector = shape('ResourceFieldSelector', { containerName: '', resource: '', divisor: '' });
export const DownwardAPIVolumeFile = shape('DownwardAPIVolumeFile', {
  path: '', fieldRef: ObjectFieldSelector, resourceFieldRef: ResourceFieldSelector, mode: '', user: '',
});
export const DownwardAPIVolumeSource = shape('DownwardAPIVolumeSource', { items: [DownwardAPIVolumeFile], defaultMode: '', defaultUser: '' });
export const FCVolumeSource = shape('FCVolumeSource', { targetWWNs: '', lun: '', fsType: '', readOnly: '', wwids: '' });
export const AzureFileVolumeSource = shape('AzureFileVolumeSource', { secretName: '', shareName: '', readOnly: '' });
export const ConfigMapVolumeSource = shape('ConfigMapVolumeSource', { name: '', items: [KeyToPath], defaultMode: '', optional: '', defaultUser: '' });
export const VsphereVirtualDiskVolumeSource = shape('VsphereVirtualDiskVolumeSource', {
  volumePath: '', fsType: '', storagePolicyName: '', storagePolicyID: '',
});
export const QuobyteVolumeSource = shape('QuobyteVolumeSource', { registry: '', volume: '', readOnly: '', user: '', group: '', tenant: '' });
export const AzureDiskVolumeSource = shape('AzureDiskVolumeSource', {
  diskName: '', diskURI: '', cachingMode: '', fsType: '', readOnly: '', kind: '',
});
export const PhotonPersistentDiskVolumeSource = shape('PhotonPersistentDiskVolumeSource', { pdID: '', fsType: '' });
export const SecretProjection = shape('SecretProjection', { name: '', items: [KeyToPath], optional: '' });
export const DownwardAPIProjection = shape('DownwardAPIProjection', { items: [DownwardAPIVolumeFile] });
export const ConfigMapProjection = shape('ConfigMapProjection', { name: '', items: [KeyToPath], optional: '' });
export const ServiceAccountTokenProjection = shape('ServiceAccountTokenProjection', { audience: '', expirationSeconds: '', path: '', user: '' });

// ---- meta/v1 ---------------------------------------------------------------------------------------------
export const LabelSelectorRequirement = shape('LabelSelectorRequirement', { key: '', operator: '', values: '' });
export const LabelSelector = shape('LabelSelector', { matchLabels: '', matchExpressions: [LabelSelectorRequirement] });

// ---- core/v1 ---------------------------------------------------------------------------------------------
export const ClusterTrustBundleProjection = shape('ClusterTrustBundleProjection', {
  name: '', signerName: '', labelSelector: LabelSelector, optional: '', path: '', user: '',
});
export const PodCertificateProjection = shape('PodCertificateProjection', {
  signerName: '', keyType: '', maxExpirationSeconds: '', credentialBundlePath: '', keyPath: '', certificateChainPath: '', userAnnotations: '',
  user: '',
});
export const VolumeProjection = shape('VolumeProjection', {
  secret: SecretProjection, downwardAPI: DownwardAPIProjection, configMap: ConfigMapProjection, serviceAccountToken: ServiceAccountTokenProjection,
  clusterTrustBundle: ClusterTrustBundleProjection, podCertificate: PodCertificateProjection,
});
export const ProjectedVolumeSource = shape('ProjectedVolumeSource', { sources: [VolumeProjection], defaultMode: '', defaultUser: '' });
export const PortworxVolumeSource = shape('PortworxVolumeSource', { volumeID: '', fsType: '', readOnly: '' });
export const ScaleIOVolumeSource = shape('ScaleIOVolumeSource', {
  gateway: '', system: '', secretRef: LocalObjectReference, sslEnabled: '', protectionDomain: '', storagePool: '', storageMode: '', volumeName: '',
  fsType: '', readOnly: '',
});
export const StorageOSVolumeSource = shape('StorageOSVolumeSource', {
  volumeName: '', volumeNamespace: '', fsType: '', readOnly: '', secretRef: LocalObjectReference,
});
export const CSIVolumeSource = shape('CSIVolumeSource', {
  driver: '', readOnly: '', fsType: '', volumeAttributes: '', nodePublishSecretRef: LocalObjectReference,
});
export const VolumeResourceRequirements = shape('VolumeResourceRequirements', { limits: '', requests: '' });
export const TypedLocalObjectReference = shape('TypedLocalObjectReference', { apiGroup: '', kind: '', name: '' });
export const TypedObjectReference = shape('TypedObjectReference', { apiGroup: '', kind: '', name: '', namespace: '' });
export const PersistentVolumeClaimSpec = shape('PersistentVolumeClaimSpec', {
  accessModes: '', selector: LabelSelector, resources: VolumeResourceRequirements, volumeName: '', storageClassName: '', volumeMode: '',
  dataSource: TypedLocalObjectReference, dataSourceRef: TypedObjectReference, volumeAttributesClassName: '',
});
export const PersistentVolumeClaimTemplate = shape('PersistentVolumeClaimTemplate', { metadata: ObjectMeta, spec: PersistentVolumeClaimSpec });
export const EphemeralVolumeSource = shape('EphemeralVolumeSource', { volumeClaimTemplate: PersistentVolumeClaimTemplate });
export const ImageVolumeSource = shape('ImageVolumeSource', { reference: '', pullPolicy: '' });
export const Volume = shape('Volume', {
  name: '', hostPath: HostPathVolumeSource, emptyDir: EmptyDirVolumeSource, gcePersistentDisk: GCEPersistentDiskVolumeSource,
  awsElasticBlockStore: AWSElasticBlockStoreVolumeSource, gitRepo: GitRepoVolumeSource, secret: SecretVolumeSource, nfs: NFSVolumeSource,
  iscsi: ISCSIVolumeSource, glusterfs: GlusterfsVolumeSource, persistentVolumeClaim: PersistentVolumeClaimVolumeSource, rbd: RBDVolumeSource,
  flexVolume: FlexVolumeSource, cinder: CinderVolumeSource, cephfs: CephFSVolumeSource, flocker: FlockerVolumeSource,
  downwardAPI: DownwardAPIVolumeSource, fc: FCVolumeSource, azureFile: AzureFileVolumeSource, configMap: ConfigMapVolumeSource,
  vsphereVolume: VsphereVirtualDiskVolumeSource, quobyte: QuobyteVolumeSource, azureDisk: AzureDiskVolumeSource,
  photonPersistentDisk: PhotonPersistentDiskVolumeSource, projected: ProjectedVolumeSource, portworxVolume: PortworxVolumeSource,
  scaleIO: ScaleIOVolumeSource, storageos: StorageOSVolumeSource, csi: CSIVolumeSource, ephemeral: EphemeralVolumeSource, image: ImageVolumeSource,
});
export const ContainerPort = shape('ContainerPort', { name: '', hostPort: '', containerPort: '', protocol: '', hostIP: '' });
export const ConfigMapEnvSource = shape('ConfigMapEnvSource', { name: '', optional: '' });
export const SecretEnvSource = shape('SecretEnvSource', { name: '', optional: '' });
export const EnvFromSource = shape('EnvFromSource', { prefix: '', configMapRef: ConfigMapEnvSource, secretRef: SecretEnvSource });
export const ConfigMapKeySelector = shape('ConfigMapKeySelector', { name: '', key: '', optional: '' });
export const SecretKeySelector = shape('SecretKeySelector', { name: '', key: '', optional: '' });
export const FileKeySelector = shape('FileKeySelector', { volumeName: '', path: '', key: '', optional: '' });
export const EnvVarSource = shape('EnvVarSource', {
  fieldRef: ObjectFieldSelector, resourceFieldRef: ResourceFieldSelector, configMapKeyRef: ConfigMapKeySelector, secretKeyRef: SecretKeySelector,
  fileKeyRef: FileKeySelector,
});
export const EnvVar = shape('EnvVar', { name: '', value: '', valueFrom: EnvVarSource });
export const ResourceClaim = shape('ResourceClaim', { name: '', request: '' });
export const ResourceRequirements = shape('ResourceRequirements', { limits: '', requests: '', claims: [ResourceClaim] });
export const ContainerResizePolicy = shape('ContainerResizePolicy', { resourceName: '', restartPolicy: '' });
export const ContainerRestartRuleOnExitCodes = shape('ContainerRestartRuleOnExitCodes', { operator: '', values: '' });
export const ContainerRestartRule = shape('ContainerRestartRule', { action: '', exitCodes: ContainerRestartRuleOnExitCodes });
export const VolumeMount = shape('VolumeMount', {
  name: '', readOnly: '', recursiveReadOnly: '', mountPath: '', subPath: '', mountPropagation: '', subPathExpr: '', bindMountOptions: '',
});
export const VolumeDevice = shape('VolumeDevice', { name: '', devicePath: '' });
export const ExecAction = shape('ExecAction', { command: '' });
export const HTTPHeader = shape('HTTPHeader', { name: '', value: '' });
export const HTTPGetAction = shape('HTTPGetAction', { path: '', port: '', host: '', scheme: '', httpHeaders: [HTTPHeader], protocol: '' });
export const TCPSocketAction = shape('TCPSocketAction', { port: '', host: '' });
export const GRPCAction = shape('GRPCAction', { port: '', service: '', mode: '' });
export const Probe = shape('Probe', {
  exec: ExecAction, httpGet: HTTPGetAction, tcpSocket: TCPSocketAction, grpc: GRPCAction, initialDelaySeconds: '', timeoutSeconds: '',
  periodSeconds: '', successThreshold: '', failureThreshold: '', terminationGracePeriodSeconds: '',
});
export const SleepAction = shape('SleepAction', { seconds: '' });
export const LifecycleHandler = shape('LifecycleHandler', {
  exec: ExecAction, httpGet: HTTPGetAction, tcpSocket: TCPSocketAction, sleep: SleepAction,
});
export const Lifecycle = shape('Lifecycle', { postStart: LifecycleHandler, preStop: LifecycleHandler, stopSignal: '' });
export const Capabilities = shape('Capabilities', { add: '', drop: '' });
export const SELinuxOptions = shape('SELinuxOptions', { user: '', role: '', type: '', level: '' });
export const WindowsSecurityContextOptions = shape('WindowsSecurityContextOptions', {
  gmsaCredentialSpecName: '', gmsaCredentialSpec: '', runAsUserName: '', hostProcess: '',
});
export const SeccompProfile = shape('SeccompProfile', { type: '', localhostProfile: '' });
export const AppArmorProfile = shape('AppArmorProfile', { type: '', localhostProfile: '' });
export const SecurityContext = shape('SecurityContext', {
  capabilities: Capabilities, privileged: '', seLinuxOptions: SELinuxOptions, windowsOptions: WindowsSecurityContextOptions, runAsUser: '',
  runAsGroup: '', runAsNonRoot: '', readOnlyRootFilesystem: '', allowPrivilegeEscalation: '', procMount: '', seccompProfile: SeccompProfile,
  appArmorProfile: AppArmorProfile,
});
export const Container = shape('Container', {
  name: '', image: '', command: '', args: '', workingDir: '', ports: [ContainerPort], envFrom: [EnvFromSource], env: [EnvVar],
  resources: ResourceRequirements, resizePolicy: [ContainerResizePolicy], restartPolicy: '', restartPolicyRules: [ContainerRestartRule],
  volumeMounts: [VolumeMount], volumeDevices: [VolumeDevice], livenessProbe: Probe, readinessProbe: Probe, startupProbe: Probe, lifecycle: Lifecycle,
  terminationMessagePath: '', terminationMessagePolicy: '', imagePullPolicy: '', securityContext: SecurityContext, stdin: '', stdinOnce: '', tty: '',
});
export const EphemeralContainer = shape('EphemeralContainer', {
  name: '', image: '', command: '', args: '', workingDir: '', ports: [ContainerPort], envFrom: [EnvFromSource], env: [EnvVar],
  resources: ResourceRequirements, resizePolicy: [ContainerResizePolicy], restartPolicy: '', restartPolicyRules: [ContainerRestartRule],
  volumeMounts: [VolumeMount], volumeDevices: [VolumeDevice], livenessProbe: Probe, readinessProbe: Probe, startupProbe: Probe, lifecycle: Lifecycle,
  terminationMessagePath: '', terminationMessagePolicy: '', imagePullPolicy: '', securityContext: SecurityContext, stdin: '', stdinOnce: '', tty: '',
  targetContainerName: '',
});
export const Sysctl = shape('Sysctl', { name: '', value: '' });
export const PodSecurityContext = shape('PodSecurityContext', {
  seLinuxOptions: SELinuxOptions, windowsOptions: WindowsSecurityContextOptions, runAsUser: '', runAsGroup: '', runAsNonRoot: '',
  supplementalGroups: '', supplementalGroupsPolicy: '', fsGroup: '', sysctls: [Sysctl], fsGroupChangePolicy: '', seccompProfile: SeccompProfile,
  appArmorProfile: AppArmorProfile, seLinuxChangePolicy: '',
});
export const NodeSelectorRequirement = shape('NodeSelectorRequirement', { key: '', operator: '', values: '' });
export const NodeSelectorTerm = shape('NodeSelectorTerm', { matchExpressions: [NodeSelectorRequirement], matchFields: [NodeSelectorRequirement] });
export const NodeSelector = shape('NodeSelector', { nodeSelectorTerms: [NodeSelectorTerm] });
export const PreferredSchedulingTerm = shape('PreferredSchedulingTerm', { weight: '', preference: NodeSelectorTerm });
export const NodeAffinity = shape('NodeAffinity', {
  requiredDuringSchedulingIgnoredDuringExecution: NodeSelector, preferredDuringSchedulingIgnoredDuringExecution: [PreferredSchedulingTerm],
});
export const PodAffinityTerm = shape('PodAffinityTerm', {
  labelSelector: LabelSelector, namespaces: '', topologyKey: '', namespaceSelector: LabelSelector, matchLabelKeys: '', mismatchLabelKeys: '',
});
export const WeightedPodAffinityTerm = shape('WeightedPodAffinityTerm', { weight: '', podAffinityTerm: PodAffinityTerm });
export const PodAffinity = shape('PodAffinity', {
  requiredDuringSchedulingIgnoredDuringExecution: [PodAffinityTerm], preferredDuringSchedulingIgnoredDuringExecution: [WeightedPodAffinityTerm],
});
export const PodAntiAffinity = shape('PodAntiAffinity', {
  requiredDuringSchedulingIgnoredDuringExecution: [PodAffinityTerm], preferredDuringSchedulingIgnoredDuringExecution: [WeightedPodAffinityTerm],
});
export const Affinity = shape('Affinity', { nodeAffinity: NodeAffinity, podAffinity: PodAffinity, podAntiAffinity: PodAntiAffinity });
export const Toleration = shape('Toleration', { key: '', operator: '', value: '', effect: '', tolerationSeconds: '' });
export const HostAlias = shape('HostAlias', { ip: '', hostnames: '' });
export const PodDNSConfigOption = shape('PodDNSConfigOption', { name: '', value: '' });
export const PodDNSConfig = shape('PodDNSConfig', { nameservers: '', searches: '', options: [PodDNSConfigOption] });
export const PodReadinessGate = shape('PodReadinessGate', { conditionType: '' });
export const TopologySpreadConstraint = shape('TopologySpreadConstraint', {
  maxSkew: '', topologyKey: '', whenUnsatisfiable: '', labelSelector: LabelSelector, minDomains: '', nodeAffinityPolicy: '', nodeTaintsPolicy: '',
  matchLabelKeys: '',
});
export const PodOS = shape('PodOS', { name: '' });
export const PodSchedulingGate = shape('PodSchedulingGate', { name: '' });
export const PodResourceClaim = shape('PodResourceClaim', { name: '', resourceClaimName: '', resourceClaimTemplateName: '' });
export const PodSchedulingGroup = shape('PodSchedulingGroup', { podGroupName: '' });
export const EvictionResponder = shape('EvictionResponder', { name: '', priority: '' });
export const PodSpec = shape('PodSpec', {
  volumes: [Volume], initContainers: [Container], containers: [Container], ephemeralContainers: [EphemeralContainer], restartPolicy: '',
  terminationGracePeriodSeconds: '', activeDeadlineSeconds: '', dnsPolicy: '', nodeSelector: '', serviceAccountName: '', serviceAccount: '',
  automountServiceAccountToken: '', nodeName: '', hostNetwork: '', hostPID: '', hostIPC: '', shareProcessNamespace: '',
  securityContext: PodSecurityContext, imagePullSecrets: [LocalObjectReference], hostname: '', subdomain: '', affinity: Affinity, schedulerName: '',
  tolerations: [Toleration], hostAliases: [HostAlias], priorityClassName: '', priority: '', dnsConfig: PodDNSConfig,
  readinessGates: [PodReadinessGate], runtimeClassName: '', enableServiceLinks: '', preemptionPolicy: '', overhead: '',
  topologySpreadConstraints: [TopologySpreadConstraint], setHostnameAsFQDN: '', os: PodOS, hostUsers: '', schedulingGates: [PodSchedulingGate],
  resourceClaims: [PodResourceClaim], resources: ResourceRequirements, hostnameOverride: '', schedulingGroup: PodSchedulingGroup,
  evictionResponders: [EvictionResponder],
});
export const PodCondition = shape('PodCondition', {
  type: '', observedGeneration: '', status: '', lastProbeTime: '', lastTransitionTime: '', reason: '', message: '',
});
export const HostIP = shape('HostIP', { ip: '' });
export const PodIP = shape('PodIP', { ip: '' });
export const ContainerStateWaiting = shape('ContainerStateWaiting', { reason: '', message: '' });
export const ContainerStateRunning = shape('ContainerStateRunning', { startedAt: '' });
export const ContainerStateTerminated = shape('ContainerStateTerminated', {
  exitCode: '', signal: '', reason: '', message: '', startedAt: '', finishedAt: '', containerID: '',
});
export const ContainerState = shape('ContainerState', {
  waiting: ContainerStateWaiting, running: ContainerStateRunning, terminated: ContainerStateTerminated,
});
export const ImageVolumeStatus = shape('ImageVolumeStatus', { imageRef: '' });
export const VolumeStatus = shape('VolumeStatus', { image: ImageVolumeStatus });
export const VolumeMountStatus = shape('VolumeMountStatus', {
  name: '', mountPath: '', readOnly: '', recursiveReadOnly: '', volumeStatus: VolumeStatus,
});
export const LinuxContainerUser = shape('LinuxContainerUser', { uid: '', gid: '', supplementalGroups: '' });
export const ContainerUser = shape('ContainerUser', { linux: LinuxContainerUser });
export const ResourceHealth = shape('ResourceHealth', { resourceID: '', health: '', message: '' });
export const ResourceStatus = shape('ResourceStatus', { name: '', resources: [ResourceHealth] });
export const ContainerStatus = shape('ContainerStatus', {
  name: '', state: ContainerState, lastState: ContainerState, ready: '', restartCount: '', image: '', imageID: '', containerID: '', started: '',
  allocatedResources: '', resources: ResourceRequirements, volumeMounts: [VolumeMountStatus], user: ContainerUser,
  allocatedResourcesStatus: [ResourceStatus], stopSignal: '',
});
export const PodResourceClaimStatus = shape('PodResourceClaimStatus', { name: '', resourceClaimName: '' });
export const ContainerExtendedResourceRequest = shape('ContainerExtendedResourceRequest', { containerName: '', resourceName: '', requestName: '' });
export const PodExtendedResourceClaimStatus = shape('PodExtendedResourceClaimStatus', {
  requestMappings: [ContainerExtendedResourceRequest], resourceClaimName: '',
});
export const NodeAllocatableMappedResources = shape('NodeAllocatableMappedResources', { name: '', quantity: '' });
export const NodeAllocatableOverheadResources = shape('NodeAllocatableOverheadResources', { name: '', perPod: '', perContainer: '' });
export const NodeAllocatableResourceClaimStatus = shape('NodeAllocatableResourceClaimStatus', {
  resourceClaimName: '', containers: '', mapping: [NodeAllocatableMappedResources], overhead: [NodeAllocatableOverheadResources],
});
export const VolumeHealthCondition = shape('VolumeHealthCondition', { status: '', reason: '', message: '' });
export const PodVolumeHealth = shape('PodVolumeHealth', { name: '', healthConditions: [VolumeHealthCondition], lastTransitionTime: '' });
export const PodStatus = shape('PodStatus', {
  observedGeneration: '', phase: '', conditions: [PodCondition], message: '', reason: '', nominatedNodeName: '', hostIP: '', hostIPs: [HostIP],
  podIP: '', podIPs: [PodIP], startTime: '', initContainerStatuses: [ContainerStatus], containerStatuses: [ContainerStatus], qosClass: '',
  ephemeralContainerStatuses: [ContainerStatus], resize: '', resourceClaimStatuses: [PodResourceClaimStatus],
  extendedResourceClaimStatus: PodExtendedResourceClaimStatus, allocatedResources: '', resources: ResourceRequirements,
  nodeAllocatableResourceClaimStatuses: [NodeAllocatableResourceClaimStatus], volumeHealth: [PodVolumeHealth],
});
export const Pod = objectShape('Pod', { spec: PodSpec, status: PodStatus });
export const PodTemplateSpec = shape('PodTemplateSpec', { metadata: ObjectMeta, spec: PodSpec });
export const PodTemplate = objectShape('PodTemplate', { template: PodTemplateSpec });
export const ReplicationControllerSpec = shape('ReplicationControllerSpec', {
  replicas: '', minReadySeconds: '', selector: '', template: PodTemplateSpec,
});
export const ReplicationControllerCondition = shape('ReplicationControllerCondition', {
  type: '', status: '', lastTransitionTime: '', reason: '', message: '',
});
export const ReplicationControllerStatus = shape('ReplicationControllerStatus', {
  replicas: '', fullyLabeledReplicas: '', readyReplicas: '', availableReplicas: '', observedGeneration: '',
  conditions: [ReplicationControllerCondition],
});
export const ReplicationController = objectShape('ReplicationController', { spec: ReplicationControllerSpec, status: ReplicationControllerStatus });
export const NamespaceSpec = shape('NamespaceSpec', { finalizers: '' });
export const NamespaceCondition = shape('NamespaceCondition', { type: '', status: '', lastTransitionTime: '', reason: '', message: '' });
export const NamespaceStatus = shape('NamespaceStatus', { phase: '', conditions: [NamespaceCondition] });
export const Namespace = objectShape('Namespace', { spec: NamespaceSpec, status: NamespaceStatus });
export const ObjectReference = shape('ObjectReference', {
  kind: '', namespace: '', name: '', uid: '', apiVersion: '', resourceVersion: '', fieldPath: '',
});
export const ServiceAccount = objectShape('ServiceAccount', {
  secrets: [ObjectReference], imagePullSecrets: [LocalObjectReference], automountServiceAccountToken: '',
});

// ---- apps/v1 ---------------------------------------------------------------------------------------------
export const RollingUpdateDeployment = shape('RollingUpdateDeployment', { maxUnavailable: '', maxSurge: '' });
export const DeploymentStrategy = shape('DeploymentStrategy', { type: '', rollingUpdate: RollingUpdateDeployment });
export const DeploymentSpec = shape('DeploymentSpec', {
  replicas: '', selector: LabelSelector, template: PodTemplateSpec, strategy: DeploymentStrategy, minReadySeconds: '', revisionHistoryLimit: '',
  paused: '', progressDeadlineSeconds: '',
});
export const DeploymentCondition = shape('DeploymentCondition', {
  type: '', status: '', lastUpdateTime: '', lastTransitionTime: '', reason: '', message: '',
});
export const DeploymentStatus = shape('DeploymentStatus', {
  observedGeneration: '', replicas: '', updatedReplicas: '', readyReplicas: '', availableReplicas: '', unavailableReplicas: '',
  terminatingReplicas: '', conditions: [DeploymentCondition], collisionCount: '',
});
export const Deployment = objectShape('Deployment', { spec: DeploymentSpec, status: DeploymentStatus });

// ---- core/v1 ---------------------------------------------------------------------------------------------
export const PersistentVolumeClaimCondition = shape('PersistentVolumeClaimCondition', {
  type: '', status: '', lastProbeTime: '', lastTransitionTime: '', reason: '', message: '',
});
export const ModifyVolumeStatus = shape('ModifyVolumeStatus', { targetVolumeAttributesClassName: '', status: '' });
export const VolumeHealthStatus = shape('VolumeHealthStatus', { healthConditions: [VolumeHealthCondition], lastTransitionTime: '' });
export const PersistentVolumeClaimStatus = shape('PersistentVolumeClaimStatus', {
  phase: '', accessModes: '', capacity: '', conditions: [PersistentVolumeClaimCondition], allocatedResources: '', allocatedResourceStatuses: '',
  currentVolumeAttributesClassName: '', modifyVolumeStatus: ModifyVolumeStatus, healthStatus: VolumeHealthStatus,
});
export const PersistentVolumeClaim = objectShape('PersistentVolumeClaim', { spec: PersistentVolumeClaimSpec, status: PersistentVolumeClaimStatus });

// ---- apps/v1 ---------------------------------------------------------------------------------------------
export const RollingUpdateStatefulSetStrategy = shape('RollingUpdateStatefulSetStrategy', { partition: '', maxUnavailable: '' });
export const StatefulSetUpdateStrategy = shape('StatefulSetUpdateStrategy', { type: '', rollingUpdate: RollingUpdateStatefulSetStrategy });
export const StatefulSetPersistentVolumeClaimRetentionPolicy = shape('StatefulSetPersistentVolumeClaimRetentionPolicy', {
  whenDeleted: '', whenScaled: '',
});
export const StatefulSetOrdinals = shape('StatefulSetOrdinals', { start: '' });
export const StatefulSetSpec = shape('StatefulSetSpec', {
  replicas: '', selector: LabelSelector, template: PodTemplateSpec, volumeClaimTemplates: [PersistentVolumeClaim], serviceName: '',
  podManagementPolicy: '', updateStrategy: StatefulSetUpdateStrategy, revisionHistoryLimit: '', minReadySeconds: '',
  persistentVolumeClaimRetentionPolicy: StatefulSetPersistentVolumeClaimRetentionPolicy, ordinals: StatefulSetOrdinals,
});
export const StatefulSetCondition = shape('StatefulSetCondition', { type: '', status: '', lastTransitionTime: '', reason: '', message: '' });
export const StatefulSetStatus = shape('StatefulSetStatus', {
  observedGeneration: '', replicas: '', readyReplicas: '', currentReplicas: '', updatedReplicas: '', currentRevision: '', updateRevision: '',
  collisionCount: '', conditions: [StatefulSetCondition], availableReplicas: '',
});
export const StatefulSet = objectShape('StatefulSet', { spec: StatefulSetSpec, status: StatefulSetStatus });
export const RollingUpdateDaemonSet = shape('RollingUpdateDaemonSet', { maxUnavailable: '', maxSurge: '' });
export const DaemonSetUpdateStrategy = shape('DaemonSetUpdateStrategy', { type: '', rollingUpdate: RollingUpdateDaemonSet });
export const DaemonSetSpec = shape('DaemonSetSpec', {
  selector: LabelSelector, template: PodTemplateSpec, updateStrategy: DaemonSetUpdateStrategy, minReadySeconds: '', revisionHistoryLimit: '',
});
export const DaemonSetCondition = shape('DaemonSetCondition', { type: '', status: '', lastTransitionTime: '', reason: '', message: '' });
export const DaemonSetStatus = shape('DaemonSetStatus', {
  currentNumberScheduled: '', numberMisscheduled: '', desiredNumberScheduled: '', numberReady: '', observedGeneration: '',
  updatedNumberScheduled: '', numberAvailable: '', numberUnavailable: '', collisionCount: '', conditions: [DaemonSetCondition],
});
export const DaemonSet = objectShape('DaemonSet', { spec: DaemonSetSpec, status: DaemonSetStatus });
export const ReplicaSetSpec = shape('ReplicaSetSpec', { replicas: '', minReadySeconds: '', selector: LabelSelector, template: PodTemplateSpec });
export const ReplicaSetCondition = shape('ReplicaSetCondition', { type: '', status: '', lastTransitionTime: '', reason: '', message: '' });
export const ReplicaSetStatus = shape('ReplicaSetStatus', {
  replicas: '', fullyLabeledReplicas: '', readyReplicas: '', availableReplicas: '', terminatingReplicas: '', observedGeneration: '',
  conditions: [ReplicaSetCondition],
});
export const ReplicaSet = objectShape('ReplicaSet', { spec: ReplicaSetSpec, status: ReplicaSetStatus });

// ---- batch/v1 --------------------------------------------------------------------------------------------
export const PodFailurePolicyOnExitCodesRequirement = shape('PodFailurePolicyOnExitCodesRequirement', { containerName: '', operator: '', values: '' });
export const PodFailurePolicyOnPodConditionsPattern = shape('PodFailurePolicyOnPodConditionsPattern', { type: '', status: '' });
export const PodFailurePolicyRule = shape('PodFailurePolicyRule', {
  action: '', onExitCodes: PodFailurePolicyOnExitCodesRequirement, onPodConditions: [PodFailurePolicyOnPodConditionsPattern],
});
export const PodFailurePolicy = shape('PodFailurePolicy', { rules: [PodFailurePolicyRule] });
export const SuccessPolicyRule = shape('SuccessPolicyRule', { succeededIndexes: '', succeededCount: '' });
export const SuccessPolicy = shape('SuccessPolicy', { rules: [SuccessPolicyRule] });
export const JobSchedulingConfiguration = shape('JobSchedulingConfiguration', {
  schedulingPolicy: '', schedulingConstraints: '', disruptionMode: '', resourceClaims: '',
});
export const JobSpec = shape('JobSpec', {
  parallelism: '', completions: '', activeDeadlineSeconds: '', podFailurePolicy: PodFailurePolicy, successPolicy: SuccessPolicy, backoffLimit: '',
  backoffLimitPerIndex: '', maxFailedIndexes: '', selector: LabelSelector, manualSelector: '', template: PodTemplateSpec,
  ttlSecondsAfterFinished: '', completionMode: '', suspend: '', podReplacementPolicy: '', managedBy: '', scheduling: JobSchedulingConfiguration,
});
export const JobCondition = shape('JobCondition', { type: '', status: '', lastProbeTime: '', lastTransitionTime: '', reason: '', message: '' });
export const UncountedTerminatedPods = shape('UncountedTerminatedPods', { succeeded: '', failed: '' });
export const JobStatus = shape('JobStatus', {
  conditions: [JobCondition], startTime: '', completionTime: '', active: '', succeeded: '', failed: '', terminating: '', completedIndexes: '',
  failedIndexes: '', uncountedTerminatedPods: UncountedTerminatedPods, ready: '',
});
export const Job = objectShape('Job', { spec: JobSpec, status: JobStatus });
export const JobTemplateSpec = shape('JobTemplateSpec', { metadata: ObjectMeta, spec: JobSpec });
export const CronJobSpec = shape('CronJobSpec', {
  schedule: '', timeZone: '', startingDeadlineSeconds: '', concurrencyPolicy: '', suspend: '', jobTemplate: JobTemplateSpec,
  successfulJobsHistoryLimit: '', failedJobsHistoryLimit: '',
});
export const CronJobStatus = shape('CronJobStatus', { active: [ObjectReference], lastScheduleTime: '', lastSuccessfulTime: '' });
export const CronJob = objectShape('CronJob', { spec: CronJobSpec, status: CronJobStatus });

// ---- rbac/v1 ---------------------------------------------------------------------------------------------
export const PolicyRule = shape('PolicyRule', { verbs: '', apiGroups: '', resources: '', resourceNames: '', nonResourceURLs: '' });
export const Role = objectShape('Role', { rules: [PolicyRule] });
export const AggregationRule = shape('AggregationRule', { clusterRoleSelectors: [LabelSelector] });
export const ClusterRole = objectShape('ClusterRole', { rules: [PolicyRule], aggregationRule: AggregationRule });
export const Subject = shape('Subject', { kind: '', apiGroup: '', name: '', namespace: '' });
export const RoleRef = shape('RoleRef', { apiGroup: '', kind: '', name: '' });
export const RoleBinding = objectShape('RoleBinding', { subjects: [Subject], roleRef: RoleRef });
export const ClusterRoleBinding = objectShape('ClusterRoleBinding', { subjects: [Subject], roleRef: RoleRef });

// ---- networking/v1 ---------------------------------------------------------------------------------------
export const NetworkPolicyPort = shape('NetworkPolicyPort', { protocol: '', port: '', endPort: '' });
export const IPBlock = shape('IPBlock', { cidr: '', except: '' });
export const NetworkPolicyPeer = shape('NetworkPolicyPeer', { podSelector: LabelSelector, namespaceSelector: LabelSelector, ipBlock: IPBlock });
export const NetworkPolicyIngressRule = shape('NetworkPolicyIngressRule', { ports: [NetworkPolicyPort], from: [NetworkPolicyPeer] });
export const NetworkPolicyEgressRule = shape('NetworkPolicyEgressRule', { ports: [NetworkPolicyPort], to: [NetworkPolicyPeer] });
export const NetworkPolicySpec = shape('NetworkPolicySpec', {
  podSelector: LabelSelector, ingress: [NetworkPolicyIngressRule], egress: [NetworkPolicyEgressRule], policyTypes: '',
});
export const NetworkPolicy = objectShape('NetworkPolicy', { spec: NetworkPolicySpec });

// ---- authorization/v1 ------------------------------------------------------------------------------------
export const FieldSelectorAttributes = shape('FieldSelectorAttributes', { rawSelector: '', requirements: '' });
export const LabelSelectorAttributes = shape('LabelSelectorAttributes', { rawSelector: '', requirements: [LabelSelectorRequirement] });
export const ResourceAttributes = shape('ResourceAttributes', {
  namespace: '', verb: '', group: '', version: '', resource: '', subresource: '', name: '', fieldSelector: FieldSelectorAttributes,
  labelSelector: LabelSelectorAttributes,
});
export const NonResourceAttributes = shape('NonResourceAttributes', { path: '', verb: '' });
export const SubjectAccessReviewSpec = shape('SubjectAccessReviewSpec', {
  resourceAttributes: ResourceAttributes, nonResourceAttributes: NonResourceAttributes, user: '', groups: '', extra: '', uid: '',
});
export const SubjectAccessReviewStatus = shape('SubjectAccessReviewStatus', { allowed: '', denied: '', reason: '', evaluationError: '' });
export const SubjectAccessReview = objectShape('SubjectAccessReview', { spec: SubjectAccessReviewSpec, status: SubjectAccessReviewStatus });
