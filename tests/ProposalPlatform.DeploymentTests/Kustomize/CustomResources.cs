using k8s;
using k8s.Models;
using YamlDotNet.Serialization;

namespace ProposalPlatform.DeploymentTests.Kustomize;

/// <summary>
/// The operators' resources the manifests use, with the fields they set (the names are those of the
/// operators' Go types). Read strictly like every manifest, so a field misspelt, or one these models do
/// not know, fails the tests.
/// </summary>
public abstract class CustomResource<TSpec> : IKubernetesObject<V1ObjectMeta>
    where TSpec : new()
{
    public string ApiVersion { get; set; } = "";

    public string Kind { get; set; } = "";

    public V1ObjectMeta Metadata { get; set; } = new();

    public TSpec Spec { get; set; } = new();
}

/// <summary>RabbitMQ's cluster operator: <c>rabbitmq.com/v1beta1</c> RabbitmqCluster.</summary>
public sealed class RabbitmqCluster : CustomResource<RabbitmqClusterSpec>
{
    public const string TypeKey = "rabbitmq.com/v1beta1/RabbitmqCluster";

    /// <summary>The Secret the operator makes with the default user's credentials.</summary>
    public string DefaultUserSecret => $"{Metadata.Name}-default-user";
}

public sealed class RabbitmqClusterSpec
{
    public int? Replicas { get; set; }

    public string? Image { get; set; }

    public V1ResourceRequirements? Resources { get; set; }

    public RabbitmqPersistence? Persistence { get; set; }

    public RabbitmqConfiguration? Rabbitmq { get; set; }

    public V1Affinity? Affinity { get; set; }
}

public sealed class RabbitmqPersistence
{
    public string? StorageClassName { get; set; }

    public ResourceQuantity? Storage { get; set; }
}

public sealed class RabbitmqConfiguration
{
    public List<string> AdditionalPlugins { get; set; } = [];

    public string? AdditionalConfig { get; set; }
}

/// <summary>CloudNativePG: <c>postgresql.cnpg.io/v1</c> Cluster.</summary>
public sealed class PostgresCluster : CustomResource<PostgresClusterSpec>
{
    public const string TypeKey = "postgresql.cnpg.io/v1/Cluster";

    /// <summary>The read-write Service, the primary's.</summary>
    public string ReadWriteService => $"{Metadata.Name}-rw";

    /// <summary>The Secret of the CA the operator signs the servers' certificates with.</summary>
    public string CaSecret => $"{Metadata.Name}-ca";
}

public sealed class PostgresClusterSpec
{
    public int Instances { get; set; }

    public string? ImageName { get; set; }

    public string? PrimaryUpdateStrategy { get; set; }

    public bool? EnableSuperuserAccess { get; set; }

    public PostgresAffinity? Affinity { get; set; }

    public PostgresStorage? Storage { get; set; }

    public PostgresStorage? WalStorage { get; set; }

    public V1ResourceRequirements? Resources { get; set; }

    public PostgresConfiguration Postgresql { get; set; } = new();

    public PostgresBootstrap? Bootstrap { get; set; }

    public PostgresManaged? Managed { get; set; }
}

public sealed class PostgresAffinity
{
    public bool? EnablePodAntiAffinity { get; set; }

    public string? TopologyKey { get; set; }
}

public sealed class PostgresStorage
{
    public string? StorageClass { get; set; }

    public string? Size { get; set; }
}

public sealed class PostgresConfiguration
{
    public SynchronousReplication? Synchronous { get; set; }

    public Dictionary<string, string> Parameters { get; set; } = [];

    [YamlMember(Alias = "pg_hba", ApplyNamingConventions = false)]
    public List<string> PgHba { get; set; } = [];
}

public sealed class SynchronousReplication
{
    /// <summary><c>any</c> (quorum) or <c>first</c> (priority).</summary>
    public string? Method { get; set; }

    public int Number { get; set; }

    /// <summary><c>required</c> (the default) or <c>preferred</c>.</summary>
    public string? DataDurability { get; set; }
}

public sealed class PostgresBootstrap
{
    public InitDb? Initdb { get; set; }
}

public sealed class InitDb
{
    public string? Database { get; set; }

    public string? Owner { get; set; }

    public V1LocalObjectReference? Secret { get; set; }
}

public sealed class PostgresManaged
{
    public List<PostgresRole> Roles { get; set; } = [];
}

public sealed class PostgresRole
{
    public string Name { get; set; } = "";

    public string? Ensure { get; set; }

    public bool Login { get; set; }

    public bool Superuser { get; set; }

    public bool Createdb { get; set; }

    public bool Createrole { get; set; }

    public bool Replication { get; set; }

    public bool Bypassrls { get; set; }

    public V1LocalObjectReference? PasswordSecret { get; set; }
}

/// <summary>CloudNativePG: <c>postgresql.cnpg.io/v1</c> Database, one database of a Cluster.</summary>
public sealed class PostgresDatabase : CustomResource<PostgresDatabaseSpec>
{
    public const string TypeKey = "postgresql.cnpg.io/v1/Database";
}

public sealed class PostgresDatabaseSpec
{
    public V1LocalObjectReference Cluster { get; set; } = new();

    public string Name { get; set; } = "";

    public string Owner { get; set; } = "";

    public string? Ensure { get; set; }
}
