using System.Text;
using System.Text.Json.Nodes;

namespace ProposalPlatform.Benchmark;

/// <summary>
/// A realistic national session: about 9,200 suggestions and 5,900 proposals, Chinese titles and texts
/// of realistic length, joint items with co-signers, every topic the customs administration sees.
/// About one item in fifty repeats an earlier item's text with a few sentences changed, as when several
/// deputies ask for the same thing: these are what the similarity check should flag.
/// </summary>
public sealed class SessionGenerator(int seed)
{
    public static readonly string[] Topics =
    [
        "综合保税区", "卫生检疫", "疫情防控", "口岸通关", "跨境电商", "关税征管", "商品归类", "打击走私",
        "进出口食品安全", "动植物检疫", "自贸试验区", "海关统计", "企业信用", "AEO认证", "商品检验",
        "加工贸易", "保税物流", "边境贸易", "中欧班列", "知识产权海关保护",
    ];

    private static readonly string[] Provinces =
    [
        "北京市|北京市", "上海市|上海市", "广东省|广州市", "广东省|深圳市", "广东省|珠海市", "浙江省|杭州市",
        "浙江省|宁波市", "江苏省|南京市", "山东省|青岛市", "福建省|厦门市", "四川省|成都市", "云南省|昆明市",
        "新疆维吾尔自治区|乌鲁木齐市", "内蒙古自治区|满洲里市", "辽宁省|大连市", "湖北省|武汉市",
    ];

    private static readonly string[] Aspects =
    [
        "进一步优化", "加快推进", "完善", "加强", "支持", "深化改革", "提升便利化水平", "建立健全",
    ];

    private static readonly string[] Sentences =
    [
        "当前，我国对外开放不断扩大，进出口规模持续增长，海关监管面临新的形势和任务。",
        "在调研中发现，部分企业反映通关时间较长、物流成本偏高，影响了企业的国际竞争力。",
        "建议海关总署会同有关部门加强统筹协调，完善相关制度，推动政策落地见效。",
        "同时，应充分运用大数据、人工智能等技术手段，提高监管的精准性和有效性。",
        "地方政府也应积极配合，在用地、资金、人才等方面给予必要支持。",
        "希望有关部门认真研究，尽快出台具体措施，切实解决企业的实际困难。",
        "此外，应加强对基层一线的培训，提升执法人员的业务能力和服务意识。",
        "相关经验表明，只有坚持问题导向，才能不断提升治理体系和治理能力现代化水平。",
    ];

    private readonly Random _random = new(seed);

    // contact details from a generator of their own, so that the rest of a session is what it was before them
    private readonly Random _contacts = new(seed + 1);
    private string? _lastText;

    public IEnumerable<JsonObject> Items(int sessionYear, int suggestions, int proposals, int firstNumber)
    {
        for (var i = 0; i < suggestions + proposals; i++)
        {
            var kind = i < suggestions ? "Suggestion" : "Proposal";
            var number = firstNumber + (i < suggestions ? i : i - suggestions);
            yield return Item(kind, sessionYear, number);
        }
    }

    /// <param name="topic">The item's topic; null for one of <see cref="Topics"/> at random.</param>
    public JsonObject Item(string kind, int sessionYear, int number, string? topic = null)
    {
        topic ??= Topics[_random.Next(Topics.Length)];
        var (province, city) = Place();
        var item = new JsonObject
        {
            ["kind"] = kind,
            ["session"] = new JsonObject { ["year"] = sessionYear, ["term"] = 14, ["meeting"] = 2 },
            ["number"] = number,
            ["title"] = $"关于{Aspects[_random.Next(Aspects.Length)]}{topic}工作的{(kind == "Suggestion" ? "建议" : "提案")}",
            ["text"] = NextText(topic),
            ["leadSubmitter"] = new JsonObject
            {
                ["name"] = Name(),
                ["delegation"] = kind == "Suggestion" ? $"{province.TrimEnd('省', '市')}代表团" : "经济界",
                ["province"] = province,
                ["city"] = city,
                // a lead submitter's phone and address, as every item of a real session has them (sealed by intake)
                ["phone"] = $"139{_contacts.Next(10_000_000, 100_000_000)}",
                ["address"] = $"{province}{city}人民路{_contacts.Next(1, 1000)}号",
            },
            ["topic"] = topic,
        };

        // about one item in five is joint, with 2 to 10 co-signers
        if (_random.Next(5) == 0)
        {
            var coSigners = new JsonArray();
            for (var c = _random.Next(2, 11); c > 0; c--)
            {
                var (p, town) = Place();
                coSigners.Add(new JsonObject { ["name"] = Name(), ["province"] = p, ["city"] = town });
            }

            item["coSigners"] = coSigners;
        }

        return item;
    }

    // Common characters, for the body of a text: items on one topic share its phrases, but two
    // different deputies do not write the same text (a pool of a few sentences would make every
    // item a near-duplicate of every other, which no real session is).
    private const string CommonCharacters =
        "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严";

    private string NextText(string topic)
    {
        var text = _lastText is not null && _random.Next(50) == 0 ? Reworded(_lastText) : Text(topic);
        _lastText = text;
        return text;
    }

    private string Reworded(string text)
    {
        var clauses = text.Split('。');
        for (var i = 0; i < 2; i++)
        {
            var at = _random.Next(clauses.Length);
            clauses[at] = new string([.. Enumerable.Range(0, clauses[at].Length).Select(_ => CommonCharacters[_random.Next(CommonCharacters.Length)])]);
        }

        return string.Join('。', clauses);
    }

    private string Text(string topic)
    {
        var text = new StringBuilder($"关于{topic}的有关问题。");
        var length = _random.Next(800, 1600);
        while (text.Length < length)
        {
            if (_random.Next(8) == 0)
            {
                text.Append(Sentences[_random.Next(Sentences.Length)]);
                continue;
            }

            for (var i = _random.Next(12, 40); i > 0; i--)
            {
                text.Append(CommonCharacters[_random.Next(CommonCharacters.Length)]);
            }

            text.Append(_random.Next(3) == 0 ? "，" : "。");
        }

        return text.ToString();
    }

    private (string Province, string City) Place()
    {
        var place = Provinces[_random.Next(Provinces.Length)].Split('|');
        return (place[0], place[1]);
    }

    private string Name()
    {
        const string family = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗";
        const string given = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚";
        return $"{family[_random.Next(family.Length)]}{given[_random.Next(given.Length)]}{given[_random.Next(given.Length)]}";
    }
}
