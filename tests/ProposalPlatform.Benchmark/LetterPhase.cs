using System.Diagnostics;
using Microsoft.Extensions.Options;
using ProposalPlatform.Contracts;
using ProposalPlatform.Reply.Domain;
using ProposalPlatform.Reply.Letters;

namespace ProposalPlatform.Benchmark;

/// <param name="Letter">Setting one letter as PDF, as the reply service does it on issuing (it sets the letter and its public version).</param>
public sealed record LetterResult(Timings Letter, int Bytes, double FirstMs);

/// <summary>
/// The reply service's letter renderer, run here on one core as the service runs it on issuing: a
/// joint suggestion's letter of about a page and a half, its font read from disk on the first letter.
/// </summary>
public static class LetterPhase
{
    public const int Renders = 200;

    public static LetterResult Run()
    {
        var renderer = new ReplyLetterRenderer(Options.Create(new ReplyLetterOptions()));
        var text = string.Join("\n", Enumerable.Repeat(
            "经研究，海关总署将继续支持综合保税区高水平开放高质量发展，会同有关部门优化监管方式，支持区内企业开展保税研发、检测维修等新业态，推动加工贸易向产业链、价值链高端延伸。", 6));
        var letter = new ReplyLetter(
            "署办函〔2026〕123号", new DateOnly(2026, 6, 30), new LetterItem(ProposalKind.Suggestion, 2026, 1234, 14, 4), "张三",
            ["李四", "王五", "赵六"], text, ResultClass.B, new Signatory("王芳", "010-65194114"), new Signatory("李明", "13800138000"));

        var watch = Stopwatch.StartNew();
        var bytes = renderer.Render(letter).Length;
        var first = watch.Elapsed.TotalMilliseconds;
        var took = new List<double>(Renders);
        for (var i = 0; i < Renders; i++)
        {
            watch.Restart();
            renderer.Render(letter);
            took.Add(watch.Elapsed.TotalMilliseconds);
        }

        return new LetterResult(Timings.Of(took), bytes, first);
    }
}
