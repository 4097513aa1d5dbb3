package io.partnerhub.deploy.k8s;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraint;

/**
 * CloudNativePG's {@code postgresql.cnpg.io/v1 Cluster}, the part of its API this project may use, written from the
 * operator's API reference (no artifact on Maven Central or npm carries its CRD or a model of it). Read with the
 * strict mapper of {@link Schemas}: a field that is not here fails the test (spelling mistakes are caught; a
 * genuinely new field is added here first, checked against the API reference). Types as in the CRD: parameters
 * are strings, enums are closed.
 */
record CnpgCluster(String apiVersion, String kind, ObjectMeta metadata, @JsonProperty(required = true) Spec spec) {

    record Spec(
            String description,
            String imageName,
            String imagePullPolicy,
            @JsonProperty(required = true) Integer instances,
            Integer minSyncReplicas,
            Integer maxSyncReplicas,
            Postgresql postgresql,
            Bootstrap bootstrap,
            Boolean enableSuperuserAccess,
            Boolean enablePDB,
            @JsonProperty(required = true) Storage storage,
            Storage walStorage,
            Integer startDelay,
            Integer stopDelay,
            Integer switchoverDelay,
            Affinity affinity,
            List<TopologySpreadConstraint> topologySpreadConstraints,
            ResourceRequirements resources,
            String priorityClassName,
            PrimaryUpdateStrategy primaryUpdateStrategy,
            PrimaryUpdateMethod primaryUpdateMethod,
            Monitoring monitoring,
            LogLevel logLevel) {
    }

    record Postgresql(Map<String, String> parameters, @JsonProperty("pg_hba") List<String> pgHba) {
    }

    record Bootstrap(Initdb initdb) {
    }

    record Initdb(@JsonProperty(required = true) String database, @JsonProperty(required = true) String owner,
            LocalObjectReference secret, String encoding, String localeCollate, String localeCType, Boolean dataChecksums,
            List<String> postInitApplicationSQL) {
    }

    record LocalObjectReference(@JsonProperty(required = true) String name) {
    }

    record Storage(@JsonProperty(required = true) String size, String storageClass, Boolean resizeInUseVolumes) {
    }

    record Affinity(Boolean enablePodAntiAffinity, String topologyKey, PodAntiAffinityType podAntiAffinityType,
            Map<String, String> nodeSelector, List<Toleration> tolerations) {
    }

    record Monitoring(Boolean enablePodMonitor) {
    }

    enum PrimaryUpdateStrategy {
        @JsonProperty("unsupervised") UNSUPERVISED, @JsonProperty("supervised") SUPERVISED
    }

    enum PrimaryUpdateMethod {
        @JsonProperty("switchover") SWITCHOVER, @JsonProperty("restart") RESTART
    }

    enum PodAntiAffinityType {
        @JsonProperty("preferred") PREFERRED, @JsonProperty("required") REQUIRED
    }

    enum LogLevel {
        @JsonProperty("error") ERROR, @JsonProperty("warning") WARNING, @JsonProperty("info") INFO,
        @JsonProperty("debug") DEBUG, @JsonProperty("trace") TRACE
    }
}
