using System.ComponentModel.DataAnnotations;
using ProposalPlatform.Reply.Domain;

namespace ProposalPlatform.Reply.Letters;

/// <summary>The body's reply letters (section <c>Reply:Letters</c>): how they are numbered, whose they are, the font they are set in.</summary>
public sealed class ReplyLetterOptions : IValidatableObject
{
    public const string Section = "Reply:Letters";

    /// <summary>The letter number (文号): <c>{year}</c> the Beijing year of issue, <c>{number}</c> the letter's place in that year's sequence.</summary>
    public string NumberFormat { get; set; } = LetterNumbers.DefaultFormat;

    /// <summary>The letterhead (发文机关标志), printed in red at the top of the first page.</summary>
    [Required, MaxLength(40)]
    public string Letterhead { get; set; } = "海关总署办公厅";

    /// <summary>Who signs the letter (落款), above its date.</summary>
    [Required, MaxLength(40)]
    public string Signature { get; set; } = "海关总署办公厅";

    /// <summary>The copy line (抄送) of a suggestion's letter: the NPC's assigning office.</summary>
    [Required, MaxLength(100)]
    public string SuggestionCopyTo { get; set; } = "全国人大常委会办公厅";

    /// <summary>The copy line (抄送) of a proposal's letter: the CPPCC's assigning office.</summary>
    [Required, MaxLength(100)]
    public string ProposalCopyTo { get; set; } = "全国政协提案委员会";

    /// <summary>
    /// A TrueType font (glyph outlines, not CFF) with Chinese and Latin, read from disk: Debian's
    /// fonts-lxgw-wenkai, which platform.sh installs. PDFsharp 6.2 embeds neither font collections (.ttc)
    /// nor CFF outlines, so fonts-noto-cjk's faces cannot be used.
    /// </summary>
    [Required]
    public string FontFile { get; set; } = "/usr/share/fonts/truetype/lxgw-wenkai/LXGWWenKai-Regular.ttf";

    /// <summary>The bold face for the letterhead and the heading; empty to embolden the regular one.</summary>
    public string? BoldFontFile { get; set; } = "/usr/share/fonts/truetype/lxgw-wenkai/LXGWWenKai-Bold.ttf";

    /// <summary>The copy line for an item of <paramref name="kind"/>; a suggestion's when the kind is unknown.</summary>
    public string CopyTo(Contracts.ProposalKind? kind) => kind == Contracts.ProposalKind.Proposal ? ProposalCopyTo : SuggestionCopyTo;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (LetterNumbers.Refuse(NumberFormat) is { } refusal)
        {
            yield return new ValidationResult($"{Section}:{nameof(NumberFormat)}: {refusal}", [nameof(NumberFormat)]);
        }

        foreach (var (name, file) in new[] { (nameof(FontFile), FontFile), (nameof(BoldFontFile), BoldFontFile) })
        {
            if (!string.IsNullOrEmpty(file) && !File.Exists(file))
            {
                yield return new ValidationResult(
                    $"{Section}:{name}: no font file at {file} (./platform.sh installs Debian's fonts-lxgw-wenkai).", [name]);
            }
        }
    }
}
