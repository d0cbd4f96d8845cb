using ProposalPlatform.Contracts;

namespace ProposalPlatform.Reply.Domain;

/// <summary>The Chinese words of a reply letter: its heading, how it addresses the submitters, the result class, the date.</summary>
public static class LetterWording
{
    private const string Digits = "零一二三四五六七八九";

    /// <summary>
    /// The letter's heading, naming the item it answers, e.g. 对十四届全国人大二次会议第1234号建议的答复,
    /// 对全国政协十四届二次会议第88号提案的答复; the session's year where its term and meeting are unknown.
    /// </summary>
    public static string Heading(LetterItem item)
    {
        if (item is not { Kind: { } kind, Number: { } number })
        {
            return "答复函";
        }

        var (term, meeting) = item is { SessionTerm: >= 1 and <= 99, SessionMeeting: >= 1 and <= 99 } ? (item.SessionTerm, item.SessionMeeting) : (null, null);
        var session = (kind, term, meeting) switch
        {
            (ProposalKind.Suggestion, { } t, { } m) => $"{Numeral(t)}届全国人大{Numeral(m)}次会议",
            (ProposalKind.Suggestion, _, _) => $"{item.SessionYear}年全国人大会议",
            (_, { } t, { } m) => $"全国政协{Numeral(t)}届{Numeral(m)}次会议",
            _ => $"{item.SessionYear}年全国政协会议",
        };
        return $"对{session}第{number}号{(kind == ProposalKind.Suggestion ? "建议" : "提案")}的答复";
    }

    /// <summary>
    /// A submitter as the letter names them: a suggestion's are NPC deputies (代表); a proposal's may be
    /// members or organisations, which the reply service does not tell apart, so their name alone.
    /// </summary>
    public static string Addressed(string name, ProposalKind? kind) => kind == ProposalKind.Suggestion ? $"{name}代表" : name;

    /// <summary>What the result class means, as the letter says it.</summary>
    public static string MeaningOf(ResultClass resultClass) => resultClass switch
    {
        ResultClass.A => "所提问题已经解决或基本解决",
        ResultClass.B => "所提问题正在解决或已列入计划解决",
        ResultClass.C => "所提问题因目前条件限制需以后解决",
        ResultClass.D => "所提问题留作参考",
        _ => throw new ArgumentOutOfRangeException(nameof(resultClass), resultClass, null),
    };

    public static string ResultLine(ResultClass resultClass) => $"办理结果：{resultClass}类（{MeaningOf(resultClass)}）。";

    /// <summary>A day as official documents write it: 2026年3月2日.</summary>
    public static string Date(DateOnly day) => $"{day.Year}年{day.Month}月{day.Day}日";

    /// <summary>A term or meeting in Chinese numerals, 1 to 99: 三, 十, 十四, 二十一.</summary>
    public static string Numeral(int value)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(value, 99);
        var (tens, units) = Math.DivRem(value, 10);
        var ten = tens switch { 0 => "", 1 => "十", _ => $"{Digits[tens]}十" };
        return units == 0 ? ten : ten + Digits[units];
    }
}
