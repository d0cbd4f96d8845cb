using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using ProposalPlatform.AppHost.Infrastructure;
using ProposalPlatform.AppHost.SelfHealing;
using ProposalPlatform.Contracts;

namespace ProposalPlatform.IntegrationTests.Platform;

/// <summary>The kernel's ephemeral range and reserved ports as the AppHost reads them, and the platform's own ports outside it.</summary>
public sealed class Telling_ports_the_kernel_may_hand_out
{
    private static readonly EphemeralPorts Linux = EphemeralPorts.Parse("32768\t60999\n", "35672,35430-35439\n");

    [Theory]
    [InlineData(32768, true)]
    [InlineData(60999, true)]
    [InlineData(45000, true)]
    [InlineData(32767, false)]
    [InlineData(61000, false)]
    [InlineData(35672, false)]
    [InlineData(35432, false)]
    [InlineData(35440, true)]
    public void A_port_in_the_range_and_not_reserved_may_be_handed_out(int port, bool handedOut) =>
        Assert.Equal(handedOut, Linux.MayHandOut(port));

    [Fact]
    public void With_none_reserved_every_port_of_the_range_may_be_handed_out() =>
        Assert.True(EphemeralPorts.Parse("32768 60999", "\n").MayHandOut(35672));

    [Fact]
    public void None_of_the_platforms_own_ports_lies_in_the_default_range()
    {
        var local = new LocalInfrastructureOptions();
        var mail = new MailSettings();
        int[] ports = [local.RabbitMqPort, local.RabbitMqManagementPort, local.RabbitMqDistributionPort, local.EpmdPort, local.PostgresPort, mail.SmtpPort, mail.InboxPort];

        Assert.All(ports, port => Assert.False(EphemeralPorts.Parse("32768 60999", "").MayHandOut(port), $"{port}"));
    }

    [Fact]
    public async Task The_AppHost_finds_the_fixed_ports_it_is_given_inside_the_range()
    {
        // Arrange: the AppHost as it was before, with its broker on 35672 and its epmd on 35675
        var data = Directory.CreateTempSubdirectory("proposalplatform-ports-");
        try
        {
            string[] args =
            [
                "--Infrastructure:Mode=local",
                $"--Infrastructure:Local:DataDirectory={data.FullName}",
                "--Infrastructure:Local:RabbitMqPort=35672",
                "--Infrastructure:Local:EpmdPort=35675",
            ];
            var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.ProposalPlatform_AppHost>(args);
            await using var app = await builder.BuildAsync();

            // Act
            var found = SelfHealingExtensions.FixedPortsHandedOutBy(
                EphemeralPorts.Parse("32768 60999", ""), app.Services.GetRequiredService<DistributedApplicationModel>().Resources);

            // Assert: those two, and none of the platform's own defaults
            Assert.Equal([(ResourceNames.Broker, "amqp", 35672), (ResourceNames.Broker, "epmd", 35675)], found.OrderBy(port => port.Port));
        }
        finally
        {
            data.Delete(recursive: true);
        }
    }
}
