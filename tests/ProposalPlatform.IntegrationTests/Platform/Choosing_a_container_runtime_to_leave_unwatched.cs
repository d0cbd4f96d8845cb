using ProposalPlatform.AppHost.Infrastructure;

namespace ProposalPlatform.IntegrationTests.Platform;

/// <summary>Without containers, the orchestrator is pointed at a container runtime whose client is not installed.</summary>
public sealed class Choosing_a_container_runtime_to_leave_unwatched : IDisposable
{
    private readonly DirectoryInfo _withDocker = Directory.CreateTempSubdirectory("pp-docker-");
    private readonly DirectoryInfo _withPodman = Directory.CreateTempSubdirectory("pp-podman-");

    public Choosing_a_container_runtime_to_leave_unwatched()
    {
        File.WriteAllText(Path.Combine(_withDocker.FullName, "docker"), "");
        File.WriteAllText(Path.Combine(_withPodman.FullName, "podman"), "");
    }

    [Fact]
    public void Podman_when_only_docker_is_installed() =>
        Assert.Equal("podman", ContainerRuntime.AbsentRuntime(_withDocker.FullName));

    [Fact]
    public void Docker_when_only_podman_is_installed() =>
        Assert.Equal("docker", ContainerRuntime.AbsentRuntime($"{_withPodman.FullName}{Path.PathSeparator}/nonexistent"));

    [Fact]
    public void None_when_both_are_installed() =>
        Assert.Null(ContainerRuntime.AbsentRuntime($"{_withDocker.FullName}{Path.PathSeparator}{_withPodman.FullName}"));

    [Fact]
    public void Any_when_no_path_is_set() =>
        Assert.NotNull(ContainerRuntime.AbsentRuntime(null));

    public void Dispose()
    {
        _withDocker.Delete(recursive: true);
        _withPodman.Delete(recursive: true);
    }
}
