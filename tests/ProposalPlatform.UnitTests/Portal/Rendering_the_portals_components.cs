using System.Globalization;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using ProposalPlatform.Portal.Clients;
using ProposalPlatform.Portal.Components;

namespace ProposalPlatform.UnitTests.Portal;

/// <summary>The portal's components with logic of their own, rendered by bUnit in Chinese.</summary>
public sealed class Rendering_the_portals_components : IAsyncLifetime
{
    private readonly BunitContext _context = new();
    private readonly CultureInfo _culture = CultureInfo.CurrentUICulture;

    public Rendering_the_portals_components()
    {
        CultureInfo.CurrentUICulture = new CultureInfo("zh-CN");
        _context.JSInterop.Mode = JSRuntimeMode.Loose;
        _context.Services.AddMudServices();
        _context.Services.AddLocalization();
    }

    [Theory]
    [InlineData(-3, "mud-chip-color-error", "已逾期")]
    [InlineData(5, "mud-chip-color-warning", "7日内到期")]
    [InlineData(40, "mud-chip-color-success", "还有")]
    public void A_deadline_is_coloured_and_worded_by_how_it_presses(int days, string colour, string words)
    {
        // Act
        var chip = _context.Render<DueChip>(p => p.Add(c => c.DueAt, DateTimeOffset.UtcNow.AddDays(days).AddHours(1)).Add(c => c.Id, "due"));

        // Assert
        var element = chip.Find("#due");
        Assert.Contains(colour, element.ClassName);
        Assert.Contains(words, element.TextContent);
    }

    [Fact]
    public void No_deadline_is_a_dash()
    {
        var chip = _context.Render<DueChip>(p => p.Add(c => c.DueAt, null));

        Assert.Equal("—", chip.Find("span").TextContent);
        Assert.Empty(chip.FindAll(".mud-chip"));
    }

    [Theory]
    [InlineData(Marked.Change.Differs, "<mark class=\"diff\">年内</mark>")]
    [InlineData(Marked.Change.Removed, "<del>年内</del>")]
    [InlineData(Marked.Change.Added, "<ins>年内</ins>")]
    public void Only_the_changed_runs_are_marked_as_what_they_are(Marked.Change change, string marked)
    {
        // Arrange
        IReadOnlyList<DiffSegment> segments = [new("我署将于", false), new("年内", true), new("推进。", false)];

        // Act
        var text = _context.Render<Marked>(p => p.Add(c => c.Segments, segments).Add(c => c.As, change));

        // Assert
        Assert.Equal($"我署将于{marked}推进。", text.Markup.Replace("\n", "").Trim());
    }

    public Task InitializeAsync() => Task.CompletedTask;

    // MudBlazor's services dispose asynchronously only
    public async Task DisposeAsync()
    {
        CultureInfo.CurrentUICulture = _culture;
        await _context.DisposeAsync();
    }
}
